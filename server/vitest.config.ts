import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // graphql ships index.js and index.mjs; Node gives type-graphql and Apollo the CJS one,
    // so our own imports must get the same copy or schema objects come from "another realm".
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    setupFiles: ['src/test-support/equality.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
