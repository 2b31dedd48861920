// @vitest-environment node
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from '@graphql-codegen/cli';
import { describe, expect, it } from 'vitest';
import config, { GENERATED_DIR } from '../../codegen.ts';

const webRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

function files(dir: string): Map<string, string> {
  return new Map(
    readdirSync(dir).map((name) => [name, readFileSync(path.join(dir, name), 'utf8')]),
  );
}

describe('generated GraphQL code', () => {
  it('is what codegen makes from schema/schema.graphql and the operations (run `pnpm --filter @reception/web codegen`)', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'reception-codegen-'));
    const cwd = process.cwd();
    try {
      process.chdir(webRoot);
      const target = GENERATED_DIR;
      await generate(
        { ...config, silent: true, generates: { [`${out}/`]: config.generates[target] } },
        true,
      );
      const fresh = files(out);
      const committed = files(path.join(webRoot, GENERATED_DIR));
      expect([...committed.keys()].sort()).toEqual([...fresh.keys()].sort());
      for (const [name, content] of fresh)
        expect(committed.get(name), `${GENERATED_DIR}${name} is stale`).toBe(content);
    } finally {
      process.chdir(cwd);
      rmSync(out, { recursive: true, force: true });
    }
  }, 60_000);
});
