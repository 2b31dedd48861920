import { ArrayMaxSize, IsIn, IsInt, IsNumber, IsOptional, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PersonView } from '../accounts/accounts.types.js';
import { OUTCOMES } from './domain/visits.js';

export const VisitPlanStateEnum = { DRAFT: 'DRAFT', SUBMITTED: 'SUBMITTED', APPROVED: 'APPROVED', RETURNED: 'RETURNED' } as const;
registerEnumType(VisitPlanStateEnum, { name: 'VisitPlanState', description: 'V1: draft → submitted → approved, or returned for rework' });

export const VisitOutcomeEnum = Object.fromEntries(OUTCOMES.map((o) => [o, o])) as { [K in (typeof OUTCOMES)[number]]: K };
registerEnumType(VisitOutcomeEnum, { name: 'VisitOutcome', description: 'V3: how a visit went' });

export const VisitDistanceEnum = { SAME_CITY: 'SAME_CITY', SAME_PROVINCE: 'SAME_PROVINCE', ELSEWHERE: 'ELSEWHERE' } as const;
registerEnumType(VisitDistanceEnum, { name: 'VisitDistance', description: "V2: the customer's region compared with the site's" });

const CODE = /^\d{6}$/;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

@ObjectType('Region', { description: 'V2: administrative division codes (GB/T 2260); the web names them' })
export class RegionView {
  @Field(() => String) province: string;
  @Field(() => String) city: string;
  @Field(() => String, { nullable: true }) district: string | null;
}

@InputType()
export class RegionInput {
  @Field(() => String) @Matches(CODE) province: string;
  @Field(() => String) @Matches(CODE) city: string;
  @Field(() => String, { nullable: true }) @IsOptional() @Matches(CODE) district?: string | null;
}

@ObjectType('VisitSettings', { description: "A site's visit rules (V1–V3) and its own region" })
export class VisitSettingsView {
  @Field(() => RegionView, { nullable: true }) siteRegion: RegionView | null;
  @Field(() => Int, { description: 'V2: months between visits in the same city' }) sameCityMonths: number;
  @Field(() => Int, { description: 'V2: in the same province' }) sameProvinceMonths: number;
  @Field(() => Int, { description: 'V2: elsewhere' }) elsewhereMonths: number;
  @Field(() => Int, { description: 'V3: days after the check-in the report is due' }) reportDueDays: number;
  @Field(() => Int, { description: "V1: days before month end a consultant is reminded of next month's plan" }) planReminderDays: number;
  @Field(() => String) timezone: string;
}

@InputType()
export class VisitSettingsInput {
  @Field(() => RegionInput, { nullable: true }) @IsOptional() @ValidateNested() siteRegion?: RegionInput | null;
  @Field(() => Int) @IsInt() @Min(1) @Max(24) sameCityMonths: number;
  @Field(() => Int) @IsInt() @Min(1) @Max(24) sameProvinceMonths: number;
  @Field(() => Int) @IsInt() @Min(1) @Max(36) elsewhereMonths: number;
  @Field(() => Int) @IsInt() @Min(1) @Max(14) reportDueDays: number;
  @Field(() => Int) @IsInt() @Min(0) @Max(15) planReminderDays: number;
}

@ObjectType('VisitTask', { description: 'V3: a promised item, to be done by its owner' })
export class VisitTaskView {
  @Field(() => ID) id: number;
  @Field(() => ID) visitId: number;
  ownerId: number;
  @Field(() => String) text: string;
  @Field(() => Date) dueAt: Date;
  @Field(() => Boolean) done: boolean;
  @Field(() => Date, { nullable: true }) doneAt: Date | null;
}

@ObjectType('VisitLocation', { description: 'Where the browser said the phone was at check-in' })
export class VisitLocationView {
  @Field(() => Float) latitude: number;
  @Field(() => Float) longitude: number;
  @Field(() => Float, { description: 'Metres' }) accuracy: number;
}

@ObjectType('Visit', { description: 'A planned outbound visit (V1), its check-in and report (V3)' })
export class VisitView {
  @Field(() => ID) id: number;
  @Field(() => ID) planId: number;
  consultantId: number;
  customerId: number;
  @Field(() => String, { description: "'YYYY-MM-DD' in the site's calendar" }) day: string;
  @Field(() => String) purpose: string;
  @Field(() => String) content: string;
  @Field(() => Date, { nullable: true }) checkedInAt: Date | null;
  @Field(() => VisitLocationView, { nullable: true }) location: VisitLocationView | null;
  @Field(() => Date, { nullable: true }) reportDueAt: Date | null;
  @Field(() => Date, { nullable: true }) reportedAt: Date | null;
  @Field(() => Boolean, { description: 'V3: filed after its due time, or still missing after it' }) reportLate: boolean;
  @Field(() => VisitOutcomeEnum, { nullable: true }) outcome: string | null;
  @Field(() => String, { nullable: true }) feedback: string | null;
  @Field(() => String, { nullable: true }) nextSteps: string | null;
  @Field(() => Int, { nullable: true }) satisfaction: number | null;
}

@ObjectType('VisitPlan', { description: "V1: a consultant's plan for a month" })
export class VisitPlanView {
  @Field(() => ID) id: number;
  @Field(() => ID) siteId: number;
  consultantId: number;
  @Field(() => String) month: string;
  @Field(() => VisitPlanStateEnum) state: string;
  @Field(() => Date, { nullable: true }) submittedAt: Date | null;
  @Field(() => Boolean, { description: 'V1: submitted after the month began' }) late: boolean;
  @Field(() => Date, { nullable: true }) decidedAt: Date | null;
  decidedById: number | null;
  @Field(() => String, { nullable: true, description: "The manager's comment" }) comment: string | null;
  @Field(() => [VisitView]) visits: VisitView[];
}

@InputType()
export class VisitPlanItemInput {
  @Field(() => ID) customerId: string;
  @Field(() => String) @Matches(DAY) day: string;
  @Field(() => String) @MaxLength(200) purpose: string;
  @Field(() => String, { defaultValue: '' }) @MaxLength(1000) content: string;
}

@InputType()
export class SaveVisitPlanInput {
  @Field(() => ID) siteId: string;
  @Field(() => String) @Matches(MONTH) month: string;
  @Field(() => [VisitPlanItemInput]) @ArrayMaxSize(200) @ValidateNested({ each: true }) items: VisitPlanItemInput[];
}

@InputType()
export class VisitLocationInput {
  @Field(() => Float) @IsNumber() @Min(-90) @Max(90) latitude: number;
  @Field(() => Float) @IsNumber() @Min(-180) @Max(180) longitude: number;
  @Field(() => Float) @IsNumber() @Min(0) @Max(100_000) accuracy: number;
}

@InputType()
export class PromisedItemInput {
  @Field(() => String) @MaxLength(300) text: string;
  @Field(() => Date) dueAt: Date;
  @Field(() => ID, { nullable: true, description: 'Defaults to the reporting consultant' }) ownerId?: string | null;
}

@InputType()
export class VisitReportInput {
  @Field(() => VisitOutcomeEnum) @IsIn(OUTCOMES) outcome: (typeof OUTCOMES)[number];
  @Field(() => String) @MaxLength(1000) feedback: string;
  @Field(() => String) @MaxLength(1000) nextSteps: string;
  @Field(() => Int, { nullable: true, description: '1–5' }) @IsOptional() @IsInt() @Min(1) @Max(5) satisfaction?: number | null;
  @Field(() => [PromisedItemInput], { defaultValue: [] }) @ArrayMaxSize(30) @ValidateNested({ each: true }) promises: PromisedItemInput[];
}

@ObjectType('DueVisit', { description: 'V2: when an owned customer is next due for a visit' })
export class DueVisitView {
  customerId: number;
  consultantId: number;
  @Field(() => VisitDistanceEnum) distance: string;
  @Field(() => Int) intervalMonths: number;
  @Field(() => Date) dueAt: Date;
  @Field(() => Date, { nullable: true }) lastVisitAt: Date | null;
  @Field(() => Boolean) overdue: boolean;
}

@ObjectType('VisitOutcomeCount')
export class VisitOutcomeCountView {
  @Field(() => VisitOutcomeEnum) outcome: string;
  @Field(() => Int) count: number;
}

@ObjectType('VisitFigures', { description: 'V4: one consultant in one month' })
export class VisitFiguresView {
  consultantId: number;
  @Field(() => String) month: string;
  @Field(() => Int, { description: 'Visits in submitted plans' }) planned: number;
  @Field(() => Int, { description: 'Visits checked in' }) done: number;
  @Field(() => Int) reported: number;
  @Field(() => Int) reportsOnTime: number;
  @Field(() => Int) reportsLate: number;
  @Field(() => Int, { description: 'Checked in, no report yet' }) reportsMissing: number;
  @Field(() => [VisitOutcomeCountView]) outcomes: VisitOutcomeCountView[];
  @Field(() => Int) satisfactionCount: number;
  @Field(() => Float, { nullable: true }) satisfactionAverage: number | null;
}

export { PersonView };
