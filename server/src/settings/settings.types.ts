import { GraphQLJSON } from 'graphql-scalars';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { SettingsArea } from './domain/changes.js';

export { SettingsArea };
registerEnumType(SettingsArea, { name: 'SettingsArea', description: 'ROTATION: floor rules (R7–R14); CUSTOMERS: register rules (O3, O7)' });

@ObjectType('SettingsChange', { description: "One saved change of a site's settings, as values" })
export class SettingsChangeView {
  @Field(() => ID) id: number;
  @Field(() => ID) siteId: number;
  @Field(() => SettingsArea) area: SettingsArea;
  @Field(() => Date) at: Date;
  byId: number;
  @Field(() => GraphQLJSON, { description: 'The values before the change, by field name' }) before: unknown;
  @Field(() => GraphQLJSON, { description: 'The values after the change, by field name' }) after: unknown;
  @Field(() => [String], { description: 'The field names whose values differ' }) changed: string[];
}
