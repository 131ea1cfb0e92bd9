import { describe, expect, it } from 'vitest';
import pg from 'pg';
import { POSTGRES_MISSING, findPostgresBin, startPostgres } from './postgres.js';
import { postgresUrl } from './databases.js';

describe('the test PostgreSQL', () => {
  it('without PostgreSQL installed, setup fails with the install command (never a skip)', async () => {
    expect(findPostgresBin('/nonexistent/postgresql')).toBeNull();
    await expect(startPostgres('/nonexistent/postgresql')).rejects.toThrow(/apt-get install/);
    expect(POSTGRES_MISSING).toMatch(/PostgreSQL/);
  });

  it('the globalSetup server is a real PostgreSQL on loopback', async () => {
    const url = postgresUrl();
    expect(url).toMatch(/^postgres:\/\/postgres@127\.0\.0\.1:\d+\//);
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      const r = await c.query<{ v: string }>("select current_setting('server_version_num') as v");
      expect(Number(r.rows[0]!.v)).toBeGreaterThanOrEqual(130000);
    } finally {
      await c.end();
    }
  });
});
