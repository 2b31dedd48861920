import { IsIn, IsInt, IsOptional, Matches, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { SHIFT_END, SHIFT_START } from './domain/shifts.js';

export const Variant = { A: 'A', B: 'B' } as const;
export type Variant = (typeof Variant)[keyof typeof Variant];
registerEnumType(Variant, { name: 'RuleVariant', description: 'Which of the two variants of a rule a site follows' });

export const ShiftExceptionKind = { OFF: 'OFF', LEAVE: 'LEAVE', SHIFT: 'SHIFT' } as const;
export type ShiftExceptionKind = (typeof ShiftExceptionKind)[keyof typeof ShiftExceptionKind];
registerEnumType(ShiftExceptionKind, { name: 'ShiftExceptionKind' });

@ObjectType('RotationSettings', { description: "A site's rule variants and numbers (SPEC section 1)" })
export class RotationSettingsType {
  @Field(() => ID) siteId: number;
  @Field(() => Variant, { description: 'R7 open-customer revisit: A not counted + make-up, B counted' }) r7OpenRevisit: Variant;
  @Field(() => Variant, { description: 'R8 brought-along customer: A never counted, B counted by rule' }) r8BroughtAlong: Variant;
  @Field(() => Variant, { description: 'R9 same-day return: A new customers only, B also open old customers' }) r9SameDay: Variant;
  @Field(() => Variant, { description: "R11 colleague's customer: A not counted, B counted as their turn" }) r11ColleagueCustomer: Variant;
  @Field(() => Int, { description: 'How long the desk may undo a mis-tapped walk-in' }) undoWindowMinutes: number;
  @Field(() => Int, { description: 'R12: a non-buyer must be reported within this many minutes' }) nonBuyerWindowMinutes: number;
  @Field(() => Int, { description: 'R14: units asked for that raise the big-buyer alert' }) bigBuyerUnits: number;
}

@InputType()
export class RotationSettingsInput {
  @Field(() => Variant) @IsIn(Object.values(Variant)) r7OpenRevisit: Variant;
  @Field(() => Variant) @IsIn(Object.values(Variant)) r8BroughtAlong: Variant;
  @Field(() => Variant) @IsIn(Object.values(Variant)) r9SameDay: Variant;
  @Field(() => Variant) @IsIn(Object.values(Variant)) r11ColleagueCustomer: Variant;
  @Field(() => Int) @IsInt() @Min(0) @Max(60) undoWindowMinutes: number;
  @Field(() => Int) @IsInt() @Min(1) @Max(60) nonBuyerWindowMinutes: number;
  @Field(() => Int) @IsInt() @Min(2) @Max(100) bigBuyerUnits: number;
}

const HHMM = SHIFT_START;

@ObjectType('ShiftTemplate', { description: 'R2: a weekly shift of a consultant' })
export class ShiftTemplateType {
  @Field(() => ID) id: number;
  @Field(() => ID) consultantId: number;
  @Field(() => Int, { description: 'ISO weekday, Monday = 1' }) weekday: number;
  @Field(() => String) startTime: string;
  @Field(() => String) endTime: string;
}

@InputType()
export class ShiftTemplateInput {
  @Field(() => ID) consultantId: string;
  @Field(() => Int) @IsInt() @Min(1) @Max(7) weekday: number;
  @Field(() => String) @Matches(HHMM, { message: 'startTime must be HH:mm' }) startTime: string;
  @Field(() => String) @Matches(SHIFT_END, { message: 'endTime must be HH:mm (24:00 ends the day)' }) endTime: string;
}

@ObjectType('ShiftException', { description: 'R2: a day that differs from the weekly template' })
export class ShiftExceptionType {
  @Field(() => ID) id: number;
  @Field(() => ID) consultantId: number;
  @Field(() => String) date: string;
  @Field(() => ShiftExceptionKind) kind: ShiftExceptionKind;
  @Field(() => String, { nullable: true }) startTime: string | null;
  @Field(() => String, { nullable: true }) endTime: string | null;
  @Field(() => String, { nullable: true }) note: string | null;
}

@InputType()
export class ShiftExceptionInput {
  @Field(() => ID) consultantId: string;
  @Field(() => String) @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'date must be YYYY-MM-DD' }) date: string;
  @Field(() => ShiftExceptionKind) @IsIn(Object.values(ShiftExceptionKind)) kind: ShiftExceptionKind;
  @Field(() => String, { nullable: true })
  @ValidateIf((o: ShiftExceptionInput) => o.kind === 'SHIFT')
  @Matches(HHMM, { message: 'startTime must be HH:mm' })
  startTime?: string | null;
  @Field(() => String, { nullable: true })
  @ValidateIf((o: ShiftExceptionInput) => o.kind === 'SHIFT')
  @Matches(SHIFT_END, { message: 'endTime must be HH:mm (24:00 ends the day)' })
  endTime?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(200) note?: string | null;
}
