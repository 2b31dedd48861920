import { describe, expect, it } from 'vitest';
import { createSchema } from '../schema.js';
import { loadConfig } from './config.js';
import { documentChecker, graphqlLimits } from './graphql-limits.js';

const FEED = 'subscription($s: ID!) { rotationBoardFeed(siteId: $s) { seq baseSeq complete } }';

describe('documentChecker (issue 17: one parse and validation per distinct subscription text)', () => {
  it('issue 17: the same text gives the same checked document; a refused text is refused every time', async () => {
    const schema = await createSchema();
    const limits = graphqlLimits(loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) }));
    const check = documentChecker(schema, limits);
    const a = check(FEED);
    const b = check(FEED);
    expect('document' in a && 'document' in b && a.document === b.document).toBe(true);

    // An unknown field and introspection (off in production): refused on every try, not only the first.
    for (const query of ['{ nope }', '{ nope }', '{ __schema { types { name } } }', '{ __schema { types { name } } }']) {
      const r = check(query);
      expect('errors' in r && r.errors.length > 0).toBe(true);
    }
    // A malformed document is a syntax error, not a crash.
    const broken = check('subscription {');
    expect('errors' in broken && /Syntax Error/.test(broken.errors[0].message)).toBe(true);
  });
});
