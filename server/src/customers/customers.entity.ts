import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** A person in a site's register. Name and phone as first registered; corrections live in registrations. */
@Entity('customers')
@Index(['siteId', 'phone'])
@Index(['siteId', 'phoneLast4'])
@Index(['siteId', 'name'])
@Index(['siteId', 'intentGrade'])
export class CustomerEntity {
  @PrimaryGeneratedColumn({ type: 'int' }) id: number;
  @Column({ type: 'int' }) siteId: number;
  @Column({ type: 'varchar', length: 50 }) name: string;
  /** Normalized (digits, no +86). */
  @Column({ type: 'varchar', length: 20 }) phone: string;
  @Column({ type: 'varchar', length: 4 }) phoneLast4: string;
  @Column({ type: 'datetime', precision: 3 }) createdAt: Date;
  /** O5/O6: verified to be (or to be family of) this customer; its history moved there, the row kept. */
  @Column({ type: 'int', nullable: true }) mergedIntoId: number | null;
  /** V2: region codes (GB/T 2260), set through visits (server/src/visits). */
  @Column({ type: 'varchar', length: 6, nullable: true }) regionProvince: string | null;
  @Column({ type: 'varchar', length: 6, nullable: true }) regionCity: string | null;
  @Column({ type: 'varchar', length: 6, nullable: true }) regionDistrict: string | null;
  /** Issue 13: buying intent, A (ready) to D (little); null = not graded. Meanings are a site setting. */
  @Column({ type: 'varchar', length: 1, nullable: true }) intentGrade: string | null;
}

/** Issue 13: one change of a customer's intent grade (append-only, for the timeline). */
@Entity('customer_grade_changes')
export class CustomerGradeChangeEntity {
  @PrimaryGeneratedColumn({ type: 'int' }) id: number;
  @Index() @Column({ type: 'int' }) customerId: number;
  @Column({ type: 'varchar', length: 1, nullable: true }) fromGrade: string | null;
  @Column({ type: 'varchar', length: 1, nullable: true }) toGrade: string | null;
  @Column({ type: 'int' }) byId: number;
  @Column({ type: 'datetime', precision: 3 }) at: Date;
}

/**
 * O2 under concurrency: one row per normalized phone of a site, locked by every registration
 * of that number before it reads the register (several customers may share a phone: O6).
 */
@Entity('customer_phone_keys')
export class CustomerPhoneKeyEntity {
  @PrimaryColumn({ type: 'int' }) siteId: number;
  @PrimaryColumn({ type: 'varchar', length: 20 }) phone: string;
  @Column({ type: 'datetime', precision: 3 }) createdAt: Date;
}

/** Family of a customer (O6, O7: parents and spouse are immediate family). */
@Entity('customer_family')
export class CustomerFamilyEntity {
  @PrimaryGeneratedColumn({ type: 'int' }) id: number;
  @Index() @Column({ type: 'int' }) customerId: number;
  @Column({ type: 'varchar', length: 50 }) name: string;
  @Column({ type: 'varchar', length: 20, nullable: true }) phone: string | null;
  @Column({ type: 'varchar', length: 16 }) relation: string;
}

/** O1: append-only. A correction is a new row with `correctsId`. */
@Entity('registrations')
export class RegistrationEntity {
  @PrimaryGeneratedColumn({ type: 'int' }) id: number;
  @Index() @Column({ type: 'int' }) siteId: number;
  @Index() @Column({ type: 'int' }) customerId: number;
  @Column({ type: 'int', nullable: true }) consultantId: number | null;
  @Column({ type: 'varchar', length: 50, nullable: true }) name: string | null;
  @Column({ type: 'varchar', length: 20, nullable: true }) phone: string | null;
  @Column({ type: 'datetime', precision: 3 }) at: Date;
  @Column({ type: 'int', nullable: true }) correctsId: number | null;
  /** Intent: budget, size, source, as JSON. */
  @Column({ type: 'text' }) intent: string;
  @Column({ type: 'int' }) createdBy: number;
}

@Entity('follow_ups')
export class FollowUpEntity {
  @PrimaryGeneratedColumn({ type: 'int' }) id: number;
  @Index() @Column({ type: 'int' }) customerId: number;
  @Column({ type: 'int' }) consultantId: number;
  @Column({ type: 'datetime', precision: 3 }) at: Date;
  @Column({ type: 'varchar', length: 16 }) kind: string;
  @Column({ type: 'varchar', length: 500, nullable: true }) note: string | null;
  @Column({ type: 'datetime', precision: 3, nullable: true }) nextAt: Date | null;
}

/** A manager's decision (append-only): ownership, a verified person (O5), family (O6), a dismissed conflict. */
@Entity('ownership_decisions')
export class OwnershipDecisionEntity {
  @PrimaryGeneratedColumn({ type: 'int' }) id: number;
  @Index() @Column({ type: 'int' }) customerId: number;
  @Column({ type: 'int', nullable: true }) conflictId: number | null;
  @Column({ type: 'varchar', length: 16 }) kind: string;
  @Column({ type: 'int', nullable: true }) consultantId: number | null;
  @Column({ type: 'datetime', precision: 3 }) at: Date;
  @Column({ type: 'varchar', length: 500 }) reason: string;
  @Column({ type: 'int' }) decidedBy: number;
  /** What the decision did, as data (O5 merge, O6 family, O2 outcome), for the customer's history. */
  @Column({ type: 'text', nullable: true }) details: string | null;
}

/** Something for the manager to settle (O5, O6, disputed deals). */
@Entity('customer_conflicts')
export class ConflictEntity {
  @PrimaryGeneratedColumn({ type: 'int' }) id: number;
  @Index() @Column({ type: 'int' }) siteId: number;
  @Column({ type: 'int' }) customerId: number;
  @Column({ type: 'int', nullable: true }) registrationId: number | null;
  @Column({ type: 'varchar', length: 16 }) kind: string;
  /** The rule and what was found, as JSON. */
  @Column({ type: 'text' }) details: string;
  @Column({ type: 'datetime', precision: 3 }) createdAt: Date;
  @Column({ type: 'datetime', precision: 3, nullable: true }) resolvedAt: Date | null;
}

/** A deal with its attribution (O7) and credit (O8). */
@Entity('deals')
export class DealEntity {
  @PrimaryGeneratedColumn({ type: 'int' }) id: number;
  @Index() @Column({ type: 'int' }) siteId: number;
  @Index() @Column({ type: 'int' }) customerId: number;
  @Column({ type: 'varchar', length: 50 }) buyerName: string;
  @Column({ type: 'datetime', precision: 3 }) dealAt: Date;
  @Column({ type: 'int' }) units: number;
  /** [{consultantId, share}] */
  @Column({ type: 'text' }) credit: string;
  /** How the attribution was decided, as JSON (rule O7, looked back, family match…). */
  @Column({ type: 'text' }) attribution: string;
  @Column({ type: 'int' }) recordedBy: number;
  @Column({ type: 'datetime', precision: 3 }) createdAt: Date;
}

/** A site's register settings (O3 follow-up days, O7 look-back days) as JSON. */
@Entity('customer_settings')
export class CustomerSettingsEntity {
  @PrimaryColumn({ type: 'int' }) siteId: number;
  @Column({ type: 'text' }) settings: string;
}

export const customerEntities = [
  CustomerEntity,
  CustomerPhoneKeyEntity,
  CustomerFamilyEntity,
  RegistrationEntity,
  FollowUpEntity,
  OwnershipDecisionEntity,
  ConflictEntity,
  DealEntity,
  CustomerSettingsEntity,
  CustomerGradeChangeEntity,
];
