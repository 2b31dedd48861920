import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export const FiguresPeriod = { DAY: 'DAY', WEEK: 'WEEK', MONTH: 'MONTH', CUSTOM: 'CUSTOM' } as const;
export type FiguresPeriod = (typeof FiguresPeriod)[keyof typeof FiguresPeriod];
registerEnumType(FiguresPeriod, { name: 'FiguresPeriod', description: "A day, its ISO week, its month, or from–to, in the site's time zone" });

@ObjectType('WalkInCounts', { description: 'Walk-ins by kind (R6–R12); enquiries are counted apart' })
export class WalkInCountsView {
  @Field(() => Int) new: number;
  @Field(() => Int) returning: number;
  @Field(() => Int) broughtAlong: number;
  @Field(() => Int) nonBuyer: number;
}

@ObjectType('ConsultantFigures', { description: 'One consultant over the period' })
export class ConsultantFiguresView {
  consultantId: number;
  @Field(() => Float, { description: 'R6: counted receptions (halves from R10/R11 splits included)' }) counted: number;
  @Field(() => WalkInCountsView, { description: 'Walk-ins served, by kind' }) walkIns: WalkInCountsView;
  @Field(() => Int, { description: 'Make-up turns granted (R4, R7, R10, R11, R12)' }) makeUpsGiven: number;
  @Field(() => Int, { description: 'Make-up turns spent on a reception' }) makeUpsUsed: number;
  @Field(() => Int, { description: 'R15: skipped by a manager' }) skips: number;
  @Field(() => Int, { description: 'R3: marked absent without notice' }) absences: number;
  @Field(() => Int, { description: 'O1: registrations made (corrections excluded)' }) registrations: number;
  @Field(() => Int) followUps: number;
  @Field(() => Int, { description: 'Follow-ups promised for a time inside the period that is already past' }) followUpsDue: number;
  @Field(() => Int, { description: '… of which the next follow-up was logged by the promised time' }) followUpsOnTime: number;
  @Field(() => Float, { description: 'O8: deals credited, halves included' }) deals: number;
  @Field(() => Float) dealUnits: number;
  @Field(() => Float, { nullable: true, description: 'Deals per walk-in served (non-buyers excluded)' }) conversion: number | null;
  @Field(() => Int, { description: 'P1: appointments led, not rejected or cancelled' }) appointments: number;
  @Field(() => Int) appointmentsCompleted: number;
  @Field(() => Float, { nullable: true, description: 'P4: average satisfaction of those rated' }) satisfaction: number | null;
  @Field(() => Int) satisfactionCount: number;
}

@ObjectType('DayFigures', { description: 'One business day of the site' })
export class DayFiguresView {
  @Field(() => String) day: string;
  @Field(() => Float) counted: number;
  @Field(() => WalkInCountsView) walkIns: WalkInCountsView;
  @Field(() => Int, { description: 'R6: asked the way or looked for someone (not counted)' }) enquiries: number;
}

@ObjectType('RuleCount')
export class RuleCountView {
  @Field(() => String, { description: 'A SPEC rule id' }) rule: string;
  @Field(() => Int) count: number;
}

@ObjectType('FairnessRow', { description: 'A consultant against colleagues on the same shifts' })
export class FairnessRowView {
  consultantId: number;
  @Field(() => Int, { description: 'Days on the same shift as at least one colleague' }) sharedDays: number;
  @Field(() => Float) counted: number;
  @Field(() => Float, { description: "The shift group's mean, added up over those days" }) expected: number;
  @Field(() => Float, { description: 'counted − expected' }) deviation: number;
  @Field(() => Int) makeUpsGiven: number;
  @Field(() => Int) makeUpsUsed: number;
  @Field(() => [RuleCountView], { description: 'The make-ups given, by the rule that granted them' }) makeUpRules: RuleCountView[];
}

@ObjectType('Fairness', { description: 'How evenly the rotation spread counted receptions (R1) and the make-ups that explain it' })
export class FairnessView {
  @Field(() => Float, { description: 'Largest minus smallest deviation' }) spread: number;
  @Field(() => [FairnessRowView]) rows: FairnessRowView[];
}

@ObjectType('SiteFigures', { description: "The manager's figures of a site over a period" })
export class SiteFiguresView {
  @Field(() => ID) siteId: number;
  @Field(() => String, { description: 'First business day, YYYY-MM-DD' }) from: string;
  @Field(() => String, { description: 'Last business day, included' }) to: string;
  @Field(() => [DayFiguresView]) days: DayFiguresView[];
  @Field(() => [ConsultantFiguresView]) consultants: ConsultantFiguresView[];
  @Field(() => FairnessView) fairness: FairnessView;
}
