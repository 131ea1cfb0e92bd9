import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Workspace packages resolve to their TypeScript sources (the `jixiao-source` export
  // condition), never to a possibly stale dist/. Tests run in Vite's SSR environment.
  resolve: { conditions: ['jixiao-source', 'module', 'browser', 'development|production'] },
  ssr: { resolve: { conditions: ['jixiao-source', 'module', 'node', 'development|production'] } },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts'],
    allowOnly: false,
    passWithNoTests: false,
    globalSetup: ['packages/server/test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
