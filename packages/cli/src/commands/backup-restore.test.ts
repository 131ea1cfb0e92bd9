import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, inject, it } from 'vitest';
import pg from 'pg';
import { sql } from 'kysely';
import { DEMO_PASSWORD, createApp, loadDemoRegion, openDatabase } from '@jixiao/server';
import { auditLogCommand } from './audit-log.js';
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

describe('jixiao backup / restore / audit-log verify', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jx-cli-backup-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  // The demo region in a PGlite folder, with a session, and its backup: made once, by whichever
  // test needs it first (no test depends on another having run); tests that change the
  // folder work on their own copy.
  let prepared: Promise<{ source: string; before: Awaited<ReturnType<typeof evaluations>>; backupOutput: string }> | undefined;
  const demoBackup = () =>
    (prepared ??= (async () => {
      const source = join(dir, 'source');
      const d = await openDatabase({ dataDir: source });
      const ctx = { db: d.db, now: () => new Date() };
      await loadDemoRegion(ctx, { examplesDir });
      const login = await createApp({ ctx }).request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'caizheng', password: DEMO_PASSWORD }) });
      expect(login.status).toBe(200); // a session exists: backups taken after a login used to be unrestorable
      await d.close();
      const before = await evaluations({ dataDir: source });
      const b = io(dir);
      expect(await backupCommand.run(['backup.json', '--data-dir', source], b)).toBe(0);
      return { source, before, backupOutput: b.out() };
    })());

  it('round trip PGlite → file (0600, no sessions) → new PGlite folder and → PostgreSQL keeps every evaluation', async () => {
    const { before, backupOutput } = await demoBackup();
    expect(before.length).toBeGreaterThan(0);
    expect(backupOutput).toContain('已备份');
    expect(backupOutput).toContain('sessions');
    expect(statSync(join(dir, 'backup.json')).mode & 0o777).toBe(0o600);
    const text = readFileSync(join(dir, 'backup.json'), 'utf8');
    expect(JSON.parse(text).format).toBe('jixiao-backup');
    expect(text).not.toContain('csrf_token');

    const v = io(dir);
    expect(await backupCommand.run(['--verify', 'backup.json'], v)).toBe(0);
    expect(v.out()).toContain('备份完好');

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
    expect(await evaluations({ dataDir: join(dir, 'restored') })).toEqual(before);
  }, 300_000);

  it('--verify and restore catch a changed byte; a failed restore leaves the target folder as it was', async () => {
    await demoBackup();
    const text = readFileSync(join(dir, 'backup.json'), 'utf8');
    const at = text.indexOf('"fiscal_year":') + '"fiscal_year":'.length;
    const digit = text[at + 3]!;
    writeFileSync(join(dir, 'changed.json'), `${text.slice(0, at + 3)}${digit === '9' ? '8' : '9'}${text.slice(at + 4)}`);
    await expect(backupCommand.run(['--verify', 'changed.json'], io(dir))).rejects.toMatchObject({ code: 'BACKUP_CHECKSUM_MISMATCH' });
    await expect(restoreCommand.run(['changed.json', '--data-dir', join(dir, 'never')], io(dir))).rejects.toMatchObject({ code: 'BACKUP_CHECKSUM_MISMATCH' });
    expect(existsSync(join(dir, 'never'))).toBe(false);

    // A consistent file whose rows break a constraint: the restore fails inside its transaction.
    const b = JSON.parse(text);
    delete b.checksum;
    b.formatVersion = 1;
    b.tables.evaluations[0].unit_id = 999_999;
    writeFileSync(join(dir, 'broken.json'), JSON.stringify(b));
    await expect(restoreCommand.run(['broken.json', '--data-dir', join(dir, 'fresh')], io(dir))).rejects.toThrow();
    expect(existsSync(join(dir, 'fresh'))).toBe(false);
    mkdirSync(join(dir, 'empty'));
    await expect(restoreCommand.run(['broken.json', '--data-dir', join(dir, 'empty')], io(dir))).rejects.toThrow();
    expect(readdirSync(join(dir, 'empty'))).toEqual([]);
  }, 300_000);

  it('audit-log verify: intact chain exits 0 with the head; an entry edited by a superuser exits 2 naming it', async () => {
    const source = join(dir, 'tampered');
    cpSync((await demoBackup()).source, source, { recursive: true });
    const ok = io(dir);
    expect(await auditLogCommand.run(['verify', '--data-dir', source], ok)).toBe(0);
    expect(ok.out()).toMatch(/审计日志完整：\d+ 条/);
    const head = /链头：(\d+:[0-9a-f]{64})/.exec(ok.out())![1]!;
    expect(await auditLogCommand.run(['verify', '--data-dir', source, '--expect-head', head], io(dir))).toBe(0);

    const d = await openDatabase({ dataDir: source });
    await sql`alter table audit_log disable trigger audit_log_no_update_delete`.execute(d.db);
    await sql`update audit_log set actor_name = '某人' where id = (select min(id) + 2 from audit_log)`.execute(d.db);
    await sql`alter table audit_log enable trigger audit_log_no_update_delete`.execute(d.db);
    const edited = (await sql<{ id: number }>`select (min(id) + 2)::int as id from audit_log`.execute(d.db)).rows[0]!.id;
    await d.close();
    const err = await auditLogCommand.run(['verify', '--data-dir', source], io(dir)).catch((e) => e);
    expect(err).toMatchObject({ code: 'AUDIT_CHAIN_BROKEN', exitCode: 2 });
    expect(err.message).toContain(`#${edited}（内容与哈希不符）`);
    await expect(auditLogCommand.run(['verify', '--data-dir', source, '--expect-head', '1:abc'], io(dir))).rejects.toMatchObject({ code: 'USAGE' });
  }, 300_000);

  it('explains usage errors in Chinese', async () => {
    await expect(backupCommand.run([], io(dir))).rejects.toMatchObject({ code: 'USAGE' });
    await expect(backupCommand.run(['--verify', 'missing.json'], io(dir))).rejects.toMatchObject({ code: 'FILE_NOT_FOUND' });
    await expect(restoreCommand.run(['missing.json', '--data-dir', join(dir, 'x')], io(dir))).rejects.toMatchObject({ code: 'FILE_NOT_FOUND' });
    await expect(auditLogCommand.run(['check'], io(dir))).rejects.toMatchObject({ code: 'USAGE' });
  });
});
