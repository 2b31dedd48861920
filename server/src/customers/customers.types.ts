import {
  ArrayMaxSize,
  IsIn,
  IsInt,
  IsOptional,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { GraphQLJSON } from 'graphql-scalars';
import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';

export const MatchKind = {
  NEW: 'NEW',
  SAME: 'SAME',
  FAMILY: 'FAMILY',
  PHONE_CONFLICT: 'PHONE_CONFLICT',
  SAME_NAME: 'SAME_NAME',
} as const;
registerEnumType(MatchKind, {
  name: 'RegisterMatch',
  description: 'How a name and phone relate to the register (O5, O6)',
});

export const CustomerScope = { ALL: 'ALL', MINE: 'MINE', FREE: 'FREE' } as const;
registerEnumType(CustomerScope, { name: 'CustomerScope' });

export const FollowUpKind = { CALL: 'CALL', VISIT: 'VISIT', MESSAGE: 'MESSAGE' } as const;
registerEnumType(FollowUpKind, { name: 'FollowUpKind' });

export const Relation = {
  PARENT: 'PARENT',
  SPOUSE: 'SPOUSE',
  CHILD: 'CHILD',
  SIBLING: 'SIBLING',
  OTHER: 'OTHER',
} as const;
registerEnumType(Relation, {
  name: 'FamilyRelation',
  description: 'PARENT and SPOUSE are immediate family (O6, O7)',
});

export const DecisionKind = {
  ASSIGN: 'ASSIGN',
  RELEASE: 'RELEASE',
  SAME_PERSON: 'SAME_PERSON',
  FAMILY: 'FAMILY',
  DIFFERENT: 'DIFFERENT',
} as const;
registerEnumType(DecisionKind, { name: 'OwnershipDecisionKind' });

export const IntentGrade = { A: 'A', B: 'B', C: 'C', D: 'D' } as const;
registerEnumType(IntentGrade, { name: 'IntentGrade', description: "A customer's buying intent, A (ready to buy) to D (little intent); the meanings are a site setting" });

@ObjectType('IntentGradeOption', { description: "One grade's wording on a site; null label or description: the default wording" })
export class IntentGradeOptionView {
  @Field(() => IntentGrade) grade: string;
  @Field(() => String, { nullable: true }) label: string | null;
  @Field(() => String, { nullable: true }) description: string | null;
}

@ObjectType('CustomerSettings', {
  description: 'O3 follow-up period and O7 deal look-back, per site; the follow-up-due window and the intent grades',
})
export class CustomerSettingsView {
  @Field(() => ID) siteId: number;
  @Field(() => Int) followUpDays: number;
  @Field(() => Int) dealLookbackDays: number;
  @Field(() => Int, { description: 'A follow-up is due when ownership lapses (O3) within this many days' }) followUpDueDays: number;
  @Field(() => [IntentGradeOptionView], { description: 'A to D, in order' }) grades: IntentGradeOptionView[];
}

@InputType()
export class IntentGradeOptionInput {
  @Field(() => IntentGrade) @IsIn(Object.values(IntentGrade)) grade: string;
  @Field(() => String, { nullable: true, description: 'Blank: the default wording' }) @IsOptional() @MaxLength(20) label?: string | null;
  @Field(() => String, { nullable: true, description: 'Blank: the default wording' }) @IsOptional() @MaxLength(100) description?: string | null;
}

@InputType()
export class CustomerSettingsInput {
  @Field(() => Int) @IsInt() @Min(1) @Max(90) followUpDays: number;
  @Field(() => Int) @IsInt() @Min(0) @Max(90) dealLookbackDays: number;
  @Field(() => Int, { nullable: true, description: 'Left out: unchanged' }) @IsOptional() @IsInt() @Min(1) @Max(30) followUpDueDays?: number | null;
  @Field(() => [IntentGradeOptionInput], { nullable: true, description: 'Left out: unchanged' })
  @IsOptional()
  @ArrayMaxSize(4)
  @ValidateNested({ each: true })
  grades?: IntentGradeOptionInput[] | null;
}

export const FollowUpDueState = { DUE: 'DUE', OVERDUE: 'OVERDUE' } as const;
registerEnumType(FollowUpDueState, { name: 'FollowUpDueState' });

@ObjectType('FollowUpDue', { description: "O3: ownership lapses within the site's follow-up-due window (DUE) or has lapsed (OVERDUE)" })
export class FollowUpDueView {
  @Field(() => FollowUpDueState) state: string;
  @Field(() => Date, { nullable: true, description: 'DUE: when ownership lapses' }) lapsesAt: Date | null;
  @Field(() => Int, { nullable: true, description: 'DUE: whole days left, rounded up' }) inDays: number | null;
}

@ObjectType('Ownership', { description: 'Who owns a customer now (O2, O3)' })
export class OwnershipView {
  ownerId: number | null;
  @Field(() => Date, { nullable: true }) since: Date | null;
  @Field(() => Date, {
    nullable: true,
    description: 'O3: lapses then unless a follow-up is logged',
  })
  lapsesAt: Date | null;
  @Field(() => String, {
    description: 'O2 owned, O3 lapsed, O4 no valid registration, DECISION by the manager, NONE',
  })
  rule: string;
  @Field(() => Boolean, { description: 'Lapses within a day' }) lapsesSoon: boolean;
}

@ObjectType('Customer')
export class CustomerView {
  @Field(() => ID) id: number;
  @Field(() => ID, { description: 'The site whose register holds the customer' }) siteId: number;
  @Field(() => String) name: string;
  @Field(() => String, {
    nullable: true,
    description: 'O9: the full number, only for the owner, managers and administrators',
  })
  phone: string | null;
  @Field(() => String) phoneMasked: string;
  @Field(() => Date) createdAt: Date;
  @Field(() => OwnershipView) ownership: OwnershipView;
  @Field(() => Boolean) dealClosed: boolean;
  @Field(() => IntentGrade, { nullable: true, description: 'Null: not graded' }) intentGrade: string | null;
  @Field(() => FollowUpDueView, { nullable: true, description: 'Null: no follow-up due within the site window' }) followUpDue: FollowUpDueView | null;
}

@ObjectType('CustomerPage')
export class CustomerPageView {
  @Field(() => Int) total: number;
  @Field(() => [CustomerView]) rows: CustomerView[];
}

@ObjectType('RegisterCheck')
export class RegisterCheckView {
  @Field(() => MatchKind) match: string;
  @Field(() => [CustomerView]) customers: CustomerView[];
}

@ObjectType('RegisterResult')
export class RegisterResultView {
  @Field(() => MatchKind) match: string;
  @Field(() => ID) registrationId: number;
  @Field(() => CustomerView) customer: CustomerView;
}

@ObjectType('FamilyMember')
export class FamilyMemberView {
  @Field(() => ID) id: number;
  @Field(() => String) name: string;
  @Field(() => String, { nullable: true }) phone: string | null;
  @Field(() => Relation) relation: string;
}

@ObjectType('Registration', {
  description: 'O1: never edited; a correction points at what it corrects',
})
export class RegistrationView {
  @Field(() => ID) id: number;
  consultantId: number | null;
  @Field(() => String, { nullable: true }) name: string | null;
  @Field(() => String, { nullable: true }) phone: string | null;
  @Field(() => Date) at: Date;
  @Field(() => ID, { nullable: true }) correctsId: number | null;
  @Field(() => GraphQLJSON) intent: unknown;
}

@ObjectType('FollowUp')
export class FollowUpView {
  @Field(() => ID) id: number;
  consultantId: number;
  @Field(() => Date) at: Date;
  @Field(() => FollowUpKind) kind: string;
  @Field(() => String, { nullable: true }) note: string | null;
  @Field(() => Date, { nullable: true }) nextAt: Date | null;
}

@ObjectType('OwnershipDecision')
export class DecisionView {
  @Field(() => ID) id: number;
  @Field(() => DecisionKind) kind: string;
  consultantId: number | null;
  decidedBy: number;
  @Field(() => Date) at: Date;
  @Field(() => String) reason: string;
  @Field(() => GraphQLJSON, {
    nullable: true,
    description: 'What the decision did, as data: an O5/O6 merge (merged, into, ownersBefore, ownerAfter, relation) or the O2 outcome of an O6 "not family"',
  })
  details: unknown;
}

@ObjectType('DealCredit')
export class DealCreditView {
  consultantId: number;
  @Field(() => Float) share: number;
}

@ObjectType('Deal', { description: 'O7 attribution, O8 split credit' })
export class DealView {
  @Field(() => ID) id: number;
  @Field(() => ID) customerId: number;
  @Field(() => String) buyerName: string;
  @Field(() => Date) dealAt: Date;
  @Field(() => Int) units: number;
  @Field(() => [DealCreditView]) credit: DealCreditView[];
  @Field(() => GraphQLJSON) attribution: unknown;
}

@ObjectType('DealPage')
export class DealPageView {
  @Field(() => Int) total: number;
  @Field(() => [DealView]) deals: DealView[];
}

@ObjectType('CustomerConflict', {
  description: 'Waiting for the manager: O5 same name, O6 same phone, DEAL a disputed deal',
})
export class ConflictView {
  @Field(() => ID) id: number;
  customerId: number;
  @Field(() => String) kind: string;
  @Field(() => GraphQLJSON) details: unknown;
  @Field(() => Date) createdAt: Date;
  @Field(() => Date, { nullable: true }) resolvedAt: Date | null;
}

@ObjectType('CustomerDisputes', { description: "A site's ownership disputes waiting for the manager (the floor board's alert)" })
export class CustomerDisputesView {
  @Field(() => ID) siteId: number;
  @Field(() => Int, { description: 'Open conflicts: O5, O6 and disputed deals' }) open: number;
}

export const TimelineKind = {
  RECEPTION: 'RECEPTION',
  LINKED: 'LINKED',
  REGISTRATION: 'REGISTRATION',
  FOLLOW_UP: 'FOLLOW_UP',
  APPOINTMENT: 'APPOINTMENT',
  DEAL: 'DEAL',
  DISPUTE_OPENED: 'DISPUTE_OPENED',
  DISPUTE_SETTLED: 'DISPUTE_SETTLED',
  DECISION: 'DECISION',
  GRADE: 'GRADE',
} as const;
registerEnumType(TimelineKind, { name: 'CustomerTimelineKind', description: "What happened on a customer's timeline" });

@ObjectType('CustomerTimelineEntry', {
  description: "One thing in a customer's story, oldest first: receptions (who, counted or not and why), registrations, follow-ups, appointments, disputes, decisions, deals",
})
export class TimelineEntryView {
  @Field(() => Date) at: Date;
  @Field(() => TimelineKind) kind: string;
  /** Who served, registered, followed up, leads the visit, or is credited. */
  consultantId: number | null;
  /** Who acted (the manager deciding, the desk linking), when not the consultant. */
  actorId: number | null;
  @Field(() => Boolean, { nullable: true, description: 'RECEPTION: counted as somebody’s turn (R6)' }) counted: boolean | null;
  @Field(() => String, { nullable: true, description: 'The rule that decided it (R7, R9, O5…), for the client to put in words' }) rule: string | null;
  @Field(() => GraphQLJSON, { description: 'What the client renders: explanation, kind, note, units…' }) details: unknown;
  /** Ids of people the details mention (owner, helper…), named by `people`. */
  peopleIds: number[];
}

@ObjectType('CustomerDetail')
export class CustomerDetailView {
  /** For the timeline field: the customer's site and phone. */
  source?: { id: number; siteId: number; phone: string };
  /** For the timeline field: changes of the intent grade. */
  gradeChanges?: Array<{ at: Date; fromGrade: string | null; toGrade: string | null; byId: number }>;
  @Field(() => CustomerView) customer: CustomerView;
  @Field(() => [FamilyMemberView]) family: FamilyMemberView[];
  @Field(() => [RegistrationView]) registrations: RegistrationView[];
  @Field(() => [FollowUpView]) followUps: FollowUpView[];
  @Field(() => [DecisionView]) decisions: DecisionView[];
  @Field(() => [DealView]) deals: DealView[];
  @Field(() => [ConflictView]) conflicts: ConflictView[];
}

@InputType()
export class FamilyMemberInput {
  @Field(() => String) @Length(1, 50) name: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(20) phone?: string | null;
  @Field(() => Relation) @IsIn(Object.values(Relation)) relation: string;
}

@InputType()
export class IntentInput {
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(50) budget?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(50) size?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(50) source?: string | null;
}

@InputType()
export class RegisterCustomerInput {
  @Field(() => String) @Length(1, 50) name: string;
  @Field(() => String) @Length(5, 20) phone: string;
  @Field(() => ID, {
    nullable: true,
    description: 'The desk and managers name the consultant; a consultant registers for themselves',
  })
  @IsOptional()
  consultantId?: string | null;
  @Field(() => [FamilyMemberInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  family?: FamilyMemberInput[] | null;
  @Field(() => IntentInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  intent?: IntentInput | null;
  @Field(() => Relation, {
    nullable: true,
    description: "O6: immediate family of the number's owner",
  })
  @IsOptional()
  @IsIn(Object.values(Relation))
  relation?: string | null;
}

@InputType()
export class FollowUpInput {
  @Field(() => FollowUpKind) @IsIn(Object.values(FollowUpKind)) kind: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(500) note?: string | null;
  @Field(() => Date, { nullable: true }) @IsOptional() nextAt?: Date | null;
}

@InputType()
export class DecisionInput {
  @Field(() => ID) customerId: string;
  @Field(() => ID, { nullable: true }) @IsOptional() conflictId?: string | null;
  @Field(() => DecisionKind) @IsIn(Object.values(DecisionKind)) kind: keyof typeof DecisionKind;
  @Field(() => ID, { nullable: true }) @IsOptional() consultantId?: string | null;
  @Field(() => String) @Length(1, 500) reason: string;
  @Field(() => ID, { nullable: true, description: 'O5 SAME_PERSON: which of the same-name customers this is (needed when several)' })
  @IsOptional()
  sameAsCustomerId?: string | null;
  @Field(() => Relation, { nullable: true, description: 'O6 FAMILY: PARENT or SPOUSE (default SPOUSE)' })
  @IsOptional()
  @IsIn(['PARENT', 'SPOUSE'])
  relation?: string | null;
}

@InputType()
export class DealInput {
  @Field(() => ID) customerId: string;
  @Field(() => String) @Length(1, 50) buyerName: string;
  @Field(() => Date) dealAt: Date;
  @Field(() => Int) @IsInt() @Min(1) @Max(100) units: number;
  @Field(() => ID, {
    nullable: true,
    description: 'O8: the helper who shares the credit half/half',
  })
  @IsOptional()
  helperId?: string | null;
}

// ---- the register in a spreadsheet ------------------------------------------------------------

@ObjectType('CustomerImportError', {
  description: 'One problem in an import file; `code` and `params` are for the client to render',
})
export class CustomerImportErrorView {
  @Field(() => Int, { description: "The spreadsheet's own row number; 0 for the whole file" })
  row: number;
  @Field(() => String, {
    description: 'file, name, phone, consultant, registeredAt, budget, size or source',
  })
  field: string;
  @Field(() => String) code: string;
  @Field(() => String) message: string;
  @Field(() => GraphQLJSON, { nullable: true }) params?: unknown;
}

@ObjectType('CustomerImportRow', { description: 'A row as it would be imported' })
export class CustomerImportRowView {
  @Field(() => Int) row: number;
  @Field(() => String) name: string;
  @Field(() => String, { description: 'Normalized' }) phone: string;
  @Field(() => String, { description: "The registering consultant's display name" })
  consultant: string;
  @Field(() => Date, { nullable: true, description: 'Null: the time of the import' })
  registeredAt: Date | null;
  @Field(() => String, { nullable: true }) budget: string | null;
  @Field(() => String, { nullable: true }) size: string | null;
  @Field(() => String, { nullable: true }) source: string | null;
}

@ObjectType('CustomerImportPreview', { description: 'What an import would do; nothing is written' })
export class CustomerImportPreviewView {
  @Field(() => Int, { description: 'Data rows in the file' }) rows: number;
  @Field(() => Int, { description: 'Rows that would be imported' }) valid: number;
  @Field(() => Int) errorCount: number;
  @Field(() => [CustomerImportErrorView], { description: 'The first 500 problems, by row' })
  errors: CustomerImportErrorView[];
  @Field(() => [CustomerImportRowView], { description: 'The first 20 valid rows' })
  sample: CustomerImportRowView[];
}

@ObjectType('CustomerImportResult')
export class CustomerImportResultView {
  @Field(() => Int) imported: number;
  @Field(() => Int, { description: 'O5: imported rows whose name is already registered with another phone, now waiting for the manager' })
  conflicts: number;
}

@ObjectType('CustomerExport', {
  description: 'The register as xlsx (O9: phones masked unless the viewer may read them)',
})
export class CustomerExportView {
  @Field(() => String) fileName: string;
  @Field(() => String) contentBase64: string;
}
