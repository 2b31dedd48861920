import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** A site's visit rules (V1–V3) and its own region, as JSON. */
@Entity('visit_settings')
export class VisitSettingsEntity {
  @PrimaryColumn({ type: 'int' }) siteId: number;
  @Column({ type: 'text' }) settings: string;
}

/** V1: a consultant's plan for one month (site calendar). */
@Entity('visit_plans')
@Index(['siteId', 'consultantId', 'month'], { unique: true })
export class VisitPlanEntity {
  @PrimaryGeneratedColumn({ type: 'int' }) id: number;
  @Column({ type: 'int' }) siteId: number;
  @Column({ type: 'int' }) consultantId: number;
  /** 'YYYY-MM' */
  @Column({ type: 'varchar', length: 7 }) month: string;
  /** DRAFT, SUBMITTED, APPROVED or RETURNED. */
  @Column({ type: 'varchar', length: 12 }) state: string;
  @Column({ type: 'datetime', precision: 3, nullable: true }) submittedAt: Date | null;
  /** V1: submitted after the month began. */
  @Column({ type: 'boolean', default: false }) late: boolean;
  @Column({ type: 'int', nullable: true }) decidedById: number | null;
  @Column({ type: 'datetime', precision: 3, nullable: true }) decidedAt: Date | null;
  @Column({ type: 'varchar', length: 500, nullable: true }) comment: string | null;
  @Column({ type: 'datetime', precision: 3 }) updatedAt: Date;
}

/** One planned visit; checked in on the day, then reported (V3). */
@Entity('visits')
@Index(['siteId', 'day'])
export class VisitEntity {
  @PrimaryGeneratedColumn({ type: 'int' }) id: number;
  @Index() @Column({ type: 'int' }) planId: number;
  @Column({ type: 'int' }) siteId: number;
  @Index() @Column({ type: 'int' }) consultantId: number;
  @Index() @Column({ type: 'int' }) customerId: number;
  /** 'YYYY-MM-DD' in the site's calendar. */
  @Column({ type: 'varchar', length: 10 }) day: string;
  @Column({ type: 'varchar', length: 200 }) purpose: string;
  @Column({ type: 'varchar', length: 1000 }) content: string;
  @Column({ type: 'datetime', precision: 3, nullable: true }) checkedInAt: Date | null;
  @Column({ type: 'double', nullable: true }) latitude: number | null;
  @Column({ type: 'double', nullable: true }) longitude: number | null;
  /** Metres, as the browser reported it. */
  @Column({ type: 'double', nullable: true }) accuracy: number | null;
  @Column({ type: 'datetime', precision: 3, nullable: true }) reportDueAt: Date | null;
  @Column({ type: 'datetime', precision: 3, nullable: true }) reportedAt: Date | null;
  @Column({ type: 'boolean', default: false }) reportLate: boolean;
  @Column({ type: 'varchar', length: 16, nullable: true }) outcome: string | null;
  @Column({ type: 'varchar', length: 1000, nullable: true }) feedback: string | null;
  @Column({ type: 'varchar', length: 1000, nullable: true }) nextSteps: string | null;
  @Column({ type: 'int', nullable: true }) satisfaction: number | null;
}

/** V3: a promised item, a follow-up task with an owner and a due time. */
@Entity('visit_tasks')
export class VisitTaskEntity {
  @PrimaryGeneratedColumn({ type: 'int' }) id: number;
  @Index() @Column({ type: 'int' }) visitId: number;
  @Column({ type: 'int' }) siteId: number;
  @Index() @Column({ type: 'int' }) ownerId: number;
  @Column({ type: 'varchar', length: 300 }) text: string;
  @Column({ type: 'datetime', precision: 3 }) dueAt: Date;
  /** OPEN or DONE. */
  @Column({ type: 'varchar', length: 8 }) state: string;
  @Column({ type: 'datetime', precision: 3, nullable: true }) doneAt: Date | null;
}

/** A reminder that fired: its key is unique, so a second instance's insert fails and it stays silent. */
@Entity('reminders_fired')
export class ReminderFiredEntity {
  @PrimaryColumn({ type: 'varchar', length: 120 }) key: string;
  @Column({ type: 'varchar', length: 32 }) kind: string;
  @Column({ type: 'datetime', precision: 3 }) firedAt: Date;
}

export const visitEntities = [VisitSettingsEntity, VisitPlanEntity, VisitEntity, VisitTaskEntity, ReminderFiredEntity];
