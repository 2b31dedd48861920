import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * What a user is told (P3 moved tasks, P1 approvals, R14 big buyers, reminders…): a kind and
 * its params, never a sentence; the web renders it in the user's language.
 */
@Entity('notifications')
@Index(['userId', 'id'])
export class NotificationEntity {
  @PrimaryGeneratedColumn({ type: 'int' }) id: number;
  @Column({ type: 'int' }) userId: number;
  @Column({ type: 'varchar', length: 32 }) kind: string;
  @Column({ type: 'int', nullable: true }) appointmentId: number | null;
  @Column({ type: 'text' }) params: string;
  @Column({ type: 'datetime', precision: 3 }) createdAt: Date;
  @Column({ type: 'datetime', precision: 3, nullable: true }) readAt: Date | null;
}

export const notificationEntities = [NotificationEntity];
