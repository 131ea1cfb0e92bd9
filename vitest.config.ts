import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['jixiao-source'] },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts'],
    allowOnly: false,
    passWithNoTests: false,
    globalSetup: ['packages/server/test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
