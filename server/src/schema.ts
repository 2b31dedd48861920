import 'reflect-metadata';
import { buildSchema } from 'type-graphql';
import type { GraphQLSchema } from 'graphql';
import { appointmentResolvers } from './appointments/appointments.resolver.js';
import { accountResolvers } from './accounts/accounts.resolver.js';
import { customerResolvers } from './customers/customers.resolver.js';
import { notificationResolvers } from './notifications/notifications.resolver.js';
import { rotationResolvers } from './rotation/rotation.resolver.js';
import { figuresResolvers } from './figures/figures.resolver.js';
import { settingsResolvers } from './settings/settings.resolver.js';
import { visitResolvers } from './visits/visits.resolver.js';
import { wallResolvers } from './wall/board-tokens.resolver.js';
import { authChecker } from './platform/auth/auth-checker.js';
import { createPubSub } from '@graphql-yoga/subscription';
import type { EventBus } from './platform/pubsub.js';

/** Every feature's resolvers; the schema in ../schema/schema.graphql is printed from this. */
export const resolvers = [...accountResolvers, ...rotationResolvers, ...customerResolvers, ...appointmentResolvers, ...settingsResolvers, ...notificationResolvers, ...visitResolvers, ...figuresResolvers, ...wallResolvers] as const;

export function createSchema(bus?: EventBus): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [...resolvers],
    authChecker,
    // Class-validator on every input; unknown objects are rejected by GraphQL's own typing.
    validate: { forbidUnknownValues: false, validationError: { target: false, value: false } },
    // Printing the schema needs no bus; a local one stands in.
    pubSub: bus?.pubSub ?? createPubSub(),
  });
}
