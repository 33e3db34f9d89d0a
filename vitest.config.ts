import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // graphql 16 ships CJS (main) and ESM (module). Node loads the CJS one for the libraries
    // (Pothos, Yoga); without this alias Vite would hand our own files the ESM one, and the
    // two copies reject each other's types ("from another module or realm").
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/build.ts'],
    // Every test file gets its own database (SQLite file or PostgreSQL database), so files
    // run in parallel; forks keep native modules (better-sqlite3) out of worker threads.
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
