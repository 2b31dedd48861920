import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One row per site: the lock that serializes every floor change of the site (SELECT … FOR
 * UPDATE on MySQL) and the last event sequence number. Kept small: it is read and written by
 * every batch of commands (the folded state's snapshot has a table of its own).
 */
@Entity('rotation_heads')
export class RotationHeadEntity {
  @PrimaryColumn({ type: 'int' }) siteId: number;
  @Column({ type: 'int' }) lastSeq: number;
  @Column({ type: 'datetime', precision: 3 }) updatedAt: Date;
}

/**
 * A snapshot of a site's folded state at `seq` (a cache, R15): folded forward with the events
 * after it, it equals the fold of the whole log, which a test checks. Rewritten after a commit
 * every SNAPSHOT_EVERY events and on a new day, outside the site's lock (issue 17: ~2 MiB late
 * in a busy day). No row: the fold starts from the first event.
 */
@Entity('rotation_snapshots')
export class RotationSnapshotEntity {
  @PrimaryColumn({ type: 'int' }) siteId: number;
  @Column({ type: 'int' }) seq: number;
  /** The state's business day (null before the first event): a new day makes a snapshot due. */
  @Column({ type: 'varchar', length: 10, nullable: true }) day: string | null;
  @Column({ type: 'text' }) snapshot: string;
  @Column({ type: 'datetime', precision: 3 }) updatedAt: Date;
}

/** The append-only floor log (R15): never updated, never deleted. */
@Entity('rotation_events')
@Index(['siteId', 'seq'], { unique: true })
// Issue 17: one business day's events in seq order (rotationBoardAt, the history's day filter).
@Index('IDX_rotation_events_day_seq', ['siteId', 'businessDay', 'seq'])
export class RotationEventEntity {
  @PrimaryGeneratedColumn({ type: 'int' }) id: number;
  @Column({ type: 'int' }) siteId: number;
  @Column({ type: 'int' }) seq: number;
  @Column({ type: 'varchar', length: 64 }) type: string;
  /** The whole domain event as JSON (type, at, actorId, reason, explanation…). */
  @Column({ type: 'text' }) payload: string;
  @Column({ type: 'int' }) actorId: number;
  @Column({ type: 'datetime', precision: 3 }) at: Date;
  /** YYYY-MM-DD in the site's time zone, for the history page's day filter. */
  @Column({ type: 'varchar', length: 10 }) businessDay: string;
}

/**
 * One row per reception (a projection of the log, written with each event in the same
 * transaction): the reception as it stands now, and the register's customer it is. The
 * customer's timeline reads receptions from here. A visitor who gave no phone has no
 * customer; a later link sets it (and who linked, when) without re-deciding anything.
 */
@Entity('rotation_receptions')
@Index(['customerId'])
@Index(['siteId', 'businessDay'])
export class RotationReceptionEntity {
  @PrimaryColumn({ type: 'int' }) siteId: number;
  @PrimaryColumn({ type: 'varchar', length: 32 }) id: string;
  @Column({ type: 'varchar', length: 10 }) businessDay: string;
  @Column({ type: 'int', nullable: true }) customerId: number | null;
  /** R8: the old customer who brought this walk-in along. */
  @Column({ type: 'int', nullable: true }) broughtById: number | null;
  @Column({ type: 'datetime', precision: 3 }) arrivedAt: Date;
  /** The domain's Reception as JSON, as of `lastSeq`. */
  @Column({ type: 'text' }) reception: string;
  @Column({ type: 'int' }) lastSeq: number;
  @Column({ type: 'int', nullable: true }) linkedById: number | null;
  @Column({ type: 'datetime', precision: 3, nullable: true }) linkedAt: Date | null;
}

/** A site's rule variants and numbers (R7–R12 variants, undo window…) as JSON. */
@Entity('rotation_settings')
export class RotationSettingsEntity {
  @PrimaryColumn({ type: 'int' }) siteId: number;
  @Column({ type: 'text' }) settings: string;
  @Column({ type: 'datetime', precision: 3 }) updatedAt: Date;
  @Column({ type: 'int' }) updatedBy: number;
}

/** R2: weekly shift template rows. */
@Entity('shift_templates')
export class ShiftTemplateEntity {
  @PrimaryGeneratedColumn({ type: 'int' }) id: number;
  @Index() @Column({ type: 'int' }) siteId: number;
  @Column({ type: 'int' }) consultantId: number;
  /** ISO weekday, Monday = 1. */
  @Column({ type: 'int' }) weekday: number;
  @Column({ type: 'varchar', length: 5 }) startTime: string;
  @Column({ type: 'varchar', length: 5 }) endTime: string;
}

/** R2: a day that differs from the template (day off, leave, another shift). */
@Entity('shift_exceptions')
export class ShiftExceptionEntity {
  @PrimaryGeneratedColumn({ type: 'int' }) id: number;
  @Index() @Column({ type: 'int' }) siteId: number;
  @Column({ type: 'int' }) consultantId: number;
  @Column({ type: 'varchar', length: 10 }) date: string;
  @Column({ type: 'varchar', length: 10 }) kind: 'OFF' | 'LEAVE' | 'SHIFT';
  @Column({ type: 'varchar', length: 5, nullable: true }) startTime: string | null;
  @Column({ type: 'varchar', length: 5, nullable: true }) endTime: string | null;
  @Column({ type: 'varchar', length: 200, nullable: true }) note: string | null;
}

/** R15: a deputy named by a manager to supervise a site's floor for a period of business days. */
@Entity('rotation_deputies')
export class RotationDeputyEntity {
  @PrimaryGeneratedColumn({ type: 'int' }) id: number;
  @Index() @Column({ type: 'int' }) siteId: number;
  @Column({ type: 'int' }) deputyId: number;
  /** The manager who named the deputy: the deputy acts for them. */
  @Column({ type: 'int' }) managerId: number;
  @Column({ type: 'varchar', length: 10 }) fromDay: string;
  @Column({ type: 'varchar', length: 10 }) toDay: string;
  @Column({ type: 'datetime', precision: 3 }) createdAt: Date;
  @Column({ type: 'datetime', precision: 3, nullable: true }) revokedAt: Date | null;
}

export const rotationEntities = [
  RotationDeputyEntity,
  RotationHeadEntity,
  RotationSnapshotEntity,
  RotationEventEntity,
  RotationSettingsEntity,
  ShiftTemplateEntity,
  ShiftExceptionEntity,
  RotationReceptionEntity,
];
