/**
 * vitest globalSetup (registered in the root vitest.config.ts): starts one throwaway
 * PostgreSQL for the run and stops it at teardown. If PostgreSQL is missing, the
 * server tests fail (never skip) with the install command; other packages' tests are
 * not affected.
 */
import type { TestProject } from 'vitest/node';
import { startPostgres, type TestPostgres } from './postgres.js';

declare module 'vitest' {
  export interface ProvidedContext {
    jixiaoPostgres: { url: string | null; error: string | null };
  }
}

let pg: TestPostgres | undefined;

export default async function setup(project: TestProject) {
  try {
    pg = await startPostgres();
    project.provide('jixiaoPostgres', { url: pg.url, error: null });
  } catch (e) {
    project.provide('jixiaoPostgres', { url: null, error: (e as Error).message });
  }
  return () => {
    pg?.stop();
    pg = undefined;
  };
}
