import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { printedSchema } from './schema-print.js';

describe('schema/schema.graphql', () => {
  it('matches what the server emits (run `pnpm --filter @reception/server emit-schema`)', async () => {
    const file = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'schema', 'schema.graphql');
    expect(readFileSync(file, 'utf8')).toBe(await printedSchema());
  });
});
