import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, print, separateOperations } from 'graphql';
import { describe, expect, it } from 'vitest';
import { createSchema } from '../schema.js';
import { loadConfig } from './config.js';
import { checkDocument, graphqlLimits } from './graphql-limits.js';

// Issue 14 limits must never refuse what the product itself sends: every operation the web
// app has (web/src/graphql/operations) passes the default limits, as HTTP and WebSocket apply them.
const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../web/src/graphql/operations');
const source = readdirSync(dir)
  .filter((f) => f.endsWith('.graphql'))
  .map((f) => readFileSync(path.join(dir, f), 'utf8'))
  .join('\n');

describe('GraphQL limits and the web app', () => {
  it('every web operation passes the default limits (depth, cost, aliases, tokens, directives)', async () => {
    const schema = await createSchema();
    const limits = graphqlLimits(loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) }));
    const operations = separateOperations(parse(source));
    expect(Object.keys(operations).length).toBeGreaterThan(50);
    const refused: string[] = [];
    for (const [name, doc] of Object.entries(operations)) {
      const r = checkDocument(schema, print(doc), limits);
      if ('errors' in r) refused.push(`${name}: ${r.errors.map((e) => e.message).join('; ')}`);
    }
    expect(refused).toEqual([]);
  });
});
