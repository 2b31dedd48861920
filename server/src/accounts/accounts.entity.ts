import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { Role } from './domain/roles.js';

// Column types are always explicit: the build runs without emitDecoratorMetadata.

@Entity('companies')
export class CompanyEntity {
  @PrimaryGeneratedColumn({ type: 'int' }) id: number;
  @Column({ type: 'varchar', length: 200 }) name: string;
  @Column({ type: 'datetime', precision: 3 }) createdAt: Date;
}

@Entity('sites')
export class SiteEntity {
  @PrimaryGeneratedColumn({ type: 'int' }) id: number;
  @Index() @Column({ type: 'int' }) companyId: number;
  @Column({ type: 'varchar', length: 200 }) name: string;
  @Column({ type: 'varchar', length: 32 }) code: string;
  @Column({ type: 'varchar', length: 64 }) timezone: string;
  @Column({ type: 'datetime', precision: 3 }) createdAt: Date;
}

@Entity('departments')
export class DepartmentEntity {
  @PrimaryGeneratedColumn({ type: 'int' }) id: number;
  @Index() @Column({ type: 'int' }) companyId: number;
  @Column({ type: 'int', nullable: true }) siteId: number | null;
  @Column({ type: 'varchar', length: 200 }) name: string;
  /** P1: approves the visit appointments this department leads. */
  @Column({ type: 'int', nullable: true }) headUserId: number | null;
  @Column({ type: 'datetime', precision: 3 }) createdAt: Date;
}

@Entity('users')
export class UserEntity {
  @PrimaryGeneratedColumn({ type: 'int' }) id: number;
  @Index() @Column({ type: 'int' }) companyId: number;
  @Column({ type: 'varchar', length: 64, unique: true }) username: string;
  @Column({ type: 'varchar', length: 100 }) displayName: string;
  @Column({ type: 'varchar', length: 255 }) passwordHash: string;
  /** Comma-separated Role values. */
  @Column({ type: 'simple-array' }) roles: Role[];
  @Column({ type: 'boolean', default: false }) disabled: boolean;
  @Column({ type: 'int', nullable: true }) departmentId: number | null;
  /** Company-wide: linked to every site of the company, including sites created later. */
  @Column({ type: 'boolean', default: false }) allSites: boolean;
  @Column({ type: 'datetime', precision: 3 }) createdAt: Date;
  @Column({ type: 'datetime', precision: 3 }) updatedAt: Date;
}

@Entity('user_sites')
export class UserSiteEntity {
  @PrimaryColumn({ type: 'int' }) userId: number;
  @PrimaryColumn({ type: 'int' }) siteId: number;
}

/** A signed-in session: the JWT names it, so sign-out and disabling end it at once. */
@Entity('sessions')
export class SessionEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id: string;
  @Index() @Column({ type: 'int' }) userId: number;
  @Column({ type: 'datetime', precision: 3 }) createdAt: Date;
  @Column({ type: 'datetime', precision: 3 }) expiresAt: Date;
  @Column({ type: 'datetime', precision: 3, nullable: true }) revokedAt: Date | null;
}

export const accountEntities = [
  CompanyEntity,
  SiteEntity,
  DepartmentEntity,
  UserEntity,
  UserSiteEntity,
  SessionEntity,
];
