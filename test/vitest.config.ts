import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    exclude: ['**/node_modules/**', 'bench/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Each file starts real server processes; one file at a time keeps a 2-core machine calm.
    fileParallelism: false,
  },
});
