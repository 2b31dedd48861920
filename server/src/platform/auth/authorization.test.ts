import { getMetadataStorage } from 'type-graphql';
import { describe, expect, it } from 'vitest';
import { createSchema } from '../../schema.js';

// The one operation anyone may call without a token.
const PUBLIC = new Set(['Mutation.login']);

describe('authorization audit', () => {
  it('every query, mutation and subscription but login carries @Authorized', async () => {
    await createSchema();
    const meta = getMetadataStorage();
    const authorized = new Set(meta.authorizedFields.map((f) => `${f.target.name}.${f.fieldName}`));
    const operations = [
      ...meta.queries.map((q) => ['Query', q] as const),
      ...meta.mutations.map((m) => ['Mutation', m] as const),
      ...meta.subscriptions.map((s) => ['Subscription', s] as const),
    ];
    expect(operations.length).toBeGreaterThan(10);
    const open = operations
      .filter(([kind, op]) => !PUBLIC.has(`${kind}.${op.schemaName}`))
      .filter(([, op]) => !authorized.has(`${op.target.name}.${op.methodName}`))
      .map(([kind, op]) => `${kind}.${op.schemaName}`);
    expect(open).toEqual([]);
  });
});
