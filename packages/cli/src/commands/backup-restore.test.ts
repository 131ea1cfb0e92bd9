import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, inject, it } from 'vitest';
import pg from 'pg';
import { DEMO_PASSWORD, loadDemoRegion, openDatabase } from '@jixiao/server';
import { backupCommand } from './backup.js';
import { restoreCommand } from './restore.js';
import type { CliIo } from './command.js';

const examplesDir = new URL('../../../../examples', import.meta.url).pathname;

function io(cwd: string): CliIo & { out: () => string } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let text = '';
  stdout.on('data', (d) => (text += String(d)));
  return { stdout, stderr, cwd, env: {}, out: () => text };
}

async function evaluations(opts: { dataDir?: string; databaseUrl?: string }) {
  const d = await openDatabase(opts);
  try {
    return await d.db.selectFrom('evaluations').select(['id', 'version', 'status', 'data', 'review']).orderBy('id').execute();
  } finally {
    await d.close();
  }
}

describe('jixiao backup / restore', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jx-cli-backup-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('round trip PGlite → file → new PGlite folder and → PostgreSQL keeps every evaluation', async () => {
    const source = join(dir, 'source');
    const d = await openDatabase({ dataDir: source });
    await loadDemoRegion({ db: d.db, now: () => new Date() }, { examplesDir });
    await d.close();
    const before = await evaluations({ dataDir: source });
    expect(before.length).toBeGreaterThan(0);

    const b = io(dir);
    expect(await backupCommand.run(['backup.json', '--data-dir', source], b)).toBe(0);
    expect(b.out()).toContain('已备份');
    const file = JSON.parse(readFileSync(join(dir, 'backup.json'), 'utf8'));
    expect(file.format).toBe('jixiao-backup');

    const r = io(dir);
    expect(await restoreCommand.run(['backup.json', '--data-dir', join(dir, 'restored')], r)).toBe(0);
    expect(await evaluations({ dataDir: join(dir, 'restored') })).toEqual(before);

    const url = inject('jixiaoPostgres').url;
    if (!url) throw new Error(inject('jixiaoPostgres').error ?? 'PostgreSQL not started');
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query('create database jx_cli_restore');
    await admin.end();
    const pgUrl = url.replace(/\/[^/]*$/, '/jx_cli_restore');
    expect(await restoreCommand.run(['backup.json'], { ...io(dir), env: { DATABASE_URL: pgUrl } })).toBe(0);
    expect(await evaluations({ databaseUrl: pgUrl })).toEqual(before);

    // Restoring again into the same database is refused, and nothing is lost.
    await expect(restoreCommand.run(['backup.json', '--data-dir', join(dir, 'restored')], io(dir))).rejects.toMatchObject({ code: 'RESTORE_TARGET_NOT_EMPTY' });
    expect(DEMO_PASSWORD).toBeTruthy();
  });

  it('explains usage errors in Chinese', async () => {
    await expect(backupCommand.run([], io(dir))).rejects.toMatchObject({ code: 'USAGE' });
    await expect(restoreCommand.run(['missing.json', '--data-dir', join(dir, 'x')], io(dir))).rejects.toMatchObject({ code: 'FILE_NOT_FOUND' });
  });
});
