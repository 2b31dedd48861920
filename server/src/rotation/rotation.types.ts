import { IsIn, IsInt, IsOptional, Length, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { GraphQLJSON } from 'graphql-scalars';
import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PersonView } from '../accounts/accounts.types.js';

// The board and the log as the web sees them: plain objects, built once per change and
// shared by every subscriber (no field resolver runs per subscriber).

export const FloorState = { AT_DOOR: 'AT_DOOR', WAITING: 'WAITING', BUSY: 'BUSY', AWAY: 'AWAY', ABSENT: 'ABSENT', OFF_SHIFT: 'OFF_SHIFT' } as const;
registerEnumType(FloorState, { name: 'FloorState', description: "A consultant's state on the floor board (SPEC section 6)" });

export const WalkInKind = {
  NEW: 'NEW',
  RETURNING: 'RETURNING',
  BROUGHT_ALONG: 'BROUGHT_ALONG',
  NON_BUYER: 'NON_BUYER',
  ASKING_WAY: 'ASKING_WAY',
  LOOKING_FOR_SOMEONE: 'LOOKING_FOR_SOMEONE',
} as const;
registerEnumType(WalkInKind, { name: 'WalkInKind', description: 'What the desk records about a walk-in (R6–R12)' });

export const ReceptionStatus = { WAITING: 'WAITING', ACTIVE: 'ACTIVE', ENDED: 'ENDED', UNDONE: 'UNDONE' } as const;
registerEnumType(ReceptionStatus, { name: 'ReceptionStatus' });

export const AlertKind = { BIG_BUYER: 'BIG_BUYER', NO_ONE_FREE: 'NO_ONE_FREE', NON_BUYER_TO_CONFIRM: 'NON_BUYER_TO_CONFIRM', SECOND_RECEPTION: 'SECOND_RECEPTION' } as const;
registerEnumType(AlertKind, { name: 'FloorAlertKind' });

export const NonBuyerState = { REPORTED: 'REPORTED', CONFIRMED: 'CONFIRMED', REJECTED: 'REJECTED' } as const;
registerEnumType(NonBuyerState, { name: 'NonBuyerState' });

export { PersonView };

@ObjectType('Credit', { description: 'Whose turn a reception counted as; 0.5 when a same-day deal splits it (R10, R11)' })
export class CreditView {
  @Field(() => PersonView) consultant: PersonView;
  @Field(() => Float) share: number;
}

@ObjectType('Reception', { description: 'A walk-in and who receives them' })
export class ReceptionView {
  @Field(() => ID) id: string;
  @Field(() => WalkInKind) kind: string;
  @Field(() => String, { nullable: true }) customerName: string | null;
  @Field(() => ID, { nullable: true, description: "The register's customer this walk-in is (R7–R11 are decided on it)" }) customerId: number | null;
  @Field(() => String, { nullable: true, description: 'Masked (O9): 138****5678' }) phoneMasked: string | null;
  @Field(() => Int) partySize: number;
  @Field(() => Int, { nullable: true }) unitsAsked: number | null;
  @Field(() => PersonView, { nullable: true }) consultant: PersonView | null;
  @Field(() => PersonView, { nullable: true }) owner: PersonView | null;
  @Field(() => ReceptionStatus) status: string;
  @Field(() => Date) arrivedAt: Date;
  @Field(() => Date, { nullable: true }) startedAt: Date | null;
  @Field(() => Date, { nullable: true }) endedAt: Date | null;
  @Field(() => Boolean, { description: 'Counted as somebody’s turn (R6)' }) counted: boolean;
  @Field(() => [CreditView]) credit: CreditView[];
  @Field(() => String, { description: 'The rule id that decided who receives (R1, R7…)' }) rule: string;
  @Field(() => GraphQLJSON, { description: 'The rule, its parameters and whom the walk-in passed: rendered by the client' })
  explanation: unknown;
  @Field(() => Boolean, { description: 'R5: a second reception approved by a manager' }) secondApproved: boolean;
  @Field(() => NonBuyerState, { nullable: true }) nonBuyer: string | null;
  @Field(() => Boolean) sameDayDeal: boolean;
}

@ObjectType('BoardConsultant')
export class BoardConsultantView {
  @Field(() => PersonView) consultant: PersonView;
  @Field(() => FloorState) state: string;
  @Field(() => Int, { nullable: true, description: '1-based place in the line' }) position: number | null;
  @Field(() => Date, { nullable: true }) since: Date | null;
  @Field(() => Boolean) inShift: boolean;
  @Field(() => Date, { nullable: true }) shiftStart: Date | null;
  @Field(() => Date, { nullable: true }) shiftEnd: Date | null;
  @Field(() => Boolean, { description: 'R13: answers the phone while the head of the line is at the door' }) phoneDuty: boolean;
  @Field(() => Boolean, { description: 'Receives the walk-in after the one at the door' }) next: boolean;
  @Field(() => [ReceptionView]) busyWith: ReceptionView[];
  @Field(() => Int) priorityMakeUps: number;
  @Field(() => Int) makeUps: number;
  @Field(() => Float, { description: 'Counted receptions today' }) counted: number;
  @Field(() => Boolean, { description: 'R15: skipped or marked absent, with a place the manager can give back' }) reinstatable: boolean;
}

@ObjectType('WalkInCount')
export class WalkInCountView {
  @Field(() => WalkInKind) kind: string;
  @Field(() => Int) count: number;
}

@ObjectType('FloorAlert')
export class AlertView {
  @Field(() => ID) id: string;
  @Field(() => AlertKind) kind: string;
  @Field(() => Date) at: Date;
  @Field(() => ID, { nullable: true }) receptionId: string | null;
  @Field(() => PersonView, { nullable: true }) consultant: PersonView | null;
  @Field(() => GraphQLJSON) params: unknown;
}

@ObjectType('RotationEvent', { description: 'One entry of the append-only floor log (R15)' })
export class RotationEventView {
  @Field(() => Int) seq: number;
  @Field(() => String) type: string;
  @Field(() => Date) at: Date;
  @Field(() => String) day: string;
  @Field(() => PersonView) actor: PersonView;
  @Field(() => PersonView, { nullable: true, description: 'R15: the actor was a named deputy acting for this manager' })
  actingFor: PersonView | null;
  @Field(() => PersonView, { nullable: true }) consultant: PersonView | null;
  @Field(() => ID, { nullable: true }) receptionId: string | null;
  @Field(() => String, { nullable: true, description: "A person's reason (a manager's override names one)" }) reason: string | null;
  @Field(() => String, { description: 'The rule id behind it' }) rule: string;
  @Field(() => GraphQLJSON) explanation: unknown;
  @Field(() => Boolean, { description: 'Has an undo in the log' }) undoable: boolean;
}

@ObjectType('FloorDeputy', { description: "R15: a deputy a manager named to supervise a site's floor for a period" })
export class FloorDeputyView {
  @Field(() => ID) id: number;
  @Field(() => PersonView) deputy: PersonView;
  @Field(() => PersonView, { description: 'The manager who named the deputy: the deputy acts for them' }) manager: PersonView;
  @Field(() => String, { description: 'First business day (YYYY-MM-DD, site time)' }) from: string;
  @Field(() => String, { description: 'Last business day, included' }) to: string;
  @Field(() => Boolean, { description: 'The period holds today' }) active: boolean;
}

@InputType()
export class FloorDeputyInput {
  @Field(() => ID) deputyId: string;
  @Field(() => String) @Length(10, 10) from: string;
  @Field(() => String) @Length(10, 10) to: string;
}

@ObjectType('RotationBoard', { description: 'The live floor of a site (SPEC section 6) after event `seq`' })
export class RotationBoardView {
  @Field(() => ID) siteId: number;
  @Field(() => Int, { description: 'Sequence number of the last event: a reconnecting client sends it back as afterSeq' }) seq: number;
  @Field(() => String) day: string;
  @Field(() => Date) at: Date;
  @Field(() => Int) round: number;
  @Field(() => PersonView, { nullable: true, description: 'R1: the consultant at the door' }) atDoor: PersonView | null;
  @Field(() => PersonView, { nullable: true, description: 'R13' }) phoneDuty: PersonView | null;
  @Field(() => [PersonView], { description: 'Who receives the next walk-ins, in order' }) upNext: PersonView[];
  @Field(() => [BoardConsultantView]) consultants: BoardConsultantView[];
  @Field(() => [ReceptionView]) waiting: ReceptionView[];
  @Field(() => [ReceptionView], { description: "Today's walk-ins, newest first" }) receptions: ReceptionView[];
  @Field(() => [WalkInCountView]) walkInsByKind: WalkInCountView[];
  @Field(() => [AlertView]) alerts: AlertView[];
  @Field(() => [RotationEventView], { description: 'The events this change appended (on catch-up: every event missed)' })
  events: RotationEventView[];
}

// Issue 17: an action answers with what it changed; the board comes from rotationBoardFeed.
// `board` is a field resolver (rotation.resolver.ts), built only when a client selects it.
@ObjectType('FloorChange', { description: 'The result of a floor action: what it appended to the log' })
export class FloorChangeView {
  @Field(() => Int, { description: "The log's seq after this action: the board feed shows it once it reaches this seq" }) seq: number;
  @Field(() => [RotationEventView], { description: 'The events this action appended, in order' }) events: RotationEventView[];
  @Field(() => ReceptionView, { nullable: true, description: 'The reception the action was about: who receives, and why' })
  reception: ReceptionView | null;
  /** The whole board after the action, built on demand. */
  boardOf: () => RotationBoardView;
}

@ObjectType('RotationEventPage')
export class RotationEventPageView {
  @Field(() => [RotationEventView]) events: RotationEventView[];
  @Field(() => Boolean) hasMore: boolean;
}

@InputType()
export class WalkInInput {
  @Field(() => WalkInKind) @IsIn(Object.values(WalkInKind)) kind: keyof typeof WalkInKind;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(50) customerName?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(4, 20) phone?: string | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) @Max(50) partySize?: number | null;
  @Field(() => Int, { nullable: true, description: 'R14: units asked for' }) @IsOptional() @IsInt() @Min(1) @Max(1000) unitsAsked?: number | null;
  @Field(() => ID, { nullable: true, description: 'R7: the customer found in the register (owner and deal come from it)' })
  @IsOptional()
  customerId?: string | null;
  @Field(() => ID, { nullable: true, description: 'R8: the old customer (picked from the register) who brings this walk-in along' })
  @IsOptional()
  broughtById?: string | null;
  @Field(() => Boolean, {
    nullable: true,
    description: 'O1: not in the register: register name and phone in the same step, with the consultant who receives them',
  })
  @IsOptional()
  registerCustomer?: boolean | null;
  @Field(() => ID, { nullable: true, description: 'R7/R8: the customer’s owner' }) @IsOptional() ownerId?: string | null;
  @Field(() => Boolean, { nullable: true }) @IsOptional() dealClosed?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: 'R8: the brought-along customer is registered' }) @IsOptional() newCustomerRegistered?: boolean | null;
  @Field(() => ID, { nullable: true, description: 'R10: a helper named by the busy owner' }) @IsOptional() helperId?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'R10: the busy owner serves both' }) @IsOptional() ownerServesBoth?: boolean | null;
}

@InputType()
export class AssignByHandInput {
  @Field(() => ID, { nullable: true, description: 'A waiting walk-in' }) @IsOptional() receptionId?: string | null;
  @Field(() => WalkInInput, { nullable: true, description: 'Or a new walk-in' }) @IsOptional() @ValidateNested() walkIn?: WalkInInput | null;
  @Field(() => ID) consultantId: string;
  @Field(() => Boolean, { description: "Counts as the consultant's turn (never outside their shift, R2)" }) counted: boolean;
  @Field(() => String) @Length(1, 200) reason: string;
}

