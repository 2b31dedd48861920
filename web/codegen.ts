import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed operations for the web app, from the schema the server emits.
 * `pnpm --filter @reception/web codegen` rewrites src/graphql/generated/ (never edit it by
 * hand); src/graphql/codegen.test.ts fails while it is stale.
 */
export const GENERATED_DIR = 'src/graphql/generated/';

const config: CodegenConfig = {
  schema: '../schema/schema.graphql',
  documents: ['src/graphql/operations/**/*.graphql'],
  ignoreNoDocuments: false,
  generates: {
    [GENERATED_DIR]: {
      preset: 'client',
      presetConfig: { fragmentMasking: false, gqlTagName: 'graphql' },
      config: {
        // Documents are strings: the app sends them as they are and never ships graphql-js.
        documentMode: 'string',
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { DateTimeISO: 'string', ID: 'string' },
      },
    },
  },
};

export default config;
