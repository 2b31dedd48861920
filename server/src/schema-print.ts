import { lexicographicSortSchema, printSchema } from 'graphql';
import { createSchema } from './schema.js';

/** The SDL committed in schema/schema.graphql: sorted, so diffs show only real changes. */
export async function printedSchema(): Promise<string> {
  const schema = await createSchema();
  return `# Generated from the server by \`pnpm --filter @reception/server emit-schema\`. Do not edit.\n\n${printSchema(lexicographicSortSchema(schema))}\n`;
}
