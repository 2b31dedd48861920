// Prints the GraphQL schema the server serves into schema/schema.graphql.
// `--check` exits 1 when the committed file is stale (CI runs it).
import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { printedSchema } from '../src/schema-print.js';

const target = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'schema', 'schema.graphql');
const sdl = await printedSchema();
if (process.argv.includes('--check')) {
  const current = readFileSync(target, 'utf8');
  if (current !== sdl) {
    console.error('schema/schema.graphql is stale: run `pnpm --filter @reception/server emit-schema`');
    process.exit(1);
  }
  console.log('schema/schema.graphql is up to date');
} else {
  writeFileSync(target, sdl);
  console.log(`wrote ${path.relative(process.cwd(), target)}`);
}
