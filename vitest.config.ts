import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/support/global-setup.ts'],
    setupFiles: ['tests/support/load-registry.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores here: more workers than that only make every PGlite start slower.
    maxWorkers: 2,
  },
});
