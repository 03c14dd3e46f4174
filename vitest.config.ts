import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000, // ms: PGlite's first initdb takes a few seconds
    hookTimeout: 60_000, // ms
    pool: 'forks',
    globalSetup: ['test/support/global-setup.ts'],
  },
});
