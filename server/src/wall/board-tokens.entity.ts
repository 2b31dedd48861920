import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A wall screen's read-only board token (issue 16): issued by a manager for one site, no
 * expiry, revocable. Only a SHA-256 of the secret is stored; the secret is shown once.
 */
@Entity('board_tokens')
export class BoardTokenEntity {
  @PrimaryGeneratedColumn({ type: 'int' }) id: number;
  @Index() @Column({ type: 'int' }) siteId: number;
  @Column({ type: 'varchar', length: 100 }) label: string;
  @Index({ unique: true }) @Column({ type: 'varchar', length: 64 }) tokenHash: string;
  @Column({ type: 'int' }) createdBy: number;
  @Column({ type: 'datetime', precision: 3 }) createdAt: Date;
  @Column({ type: 'datetime', precision: 3, nullable: true }) revokedAt: Date | null;
  @Column({ type: 'int', nullable: true }) revokedBy: number | null;
  @Column({ type: 'datetime', precision: 3, nullable: true }) lastUsedAt: Date | null;
}

export const wallEntities = [BoardTokenEntity];
