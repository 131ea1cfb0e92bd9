import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { databaseTarget, serveCommand } from './serve.js';
import type { CliIo } from './command.js';

const io = (env: NodeJS.ProcessEnv = {}): CliIo => ({ stdout: new PassThrough(), stderr: new PassThrough(), cwd: '/srv/jixiao', env });

describe('jixiao serve', () => {
  it('refuses a bad port before starting anything', async () => {
    await expect(serveCommand.run(['--port', 'abc'], io())).rejects.toMatchObject({ code: 'USAGE' });
    await expect(serveCommand.run([], io({ PORT: '70000' }))).rejects.toMatchObject({ code: 'USAGE' });
  });

  it('chooses PostgreSQL from --database-url or DATABASE_URL, else the PGlite folder (option, env, default)', () => {
    expect(databaseTarget({ 'database-url': 'postgres://u@h/db' }, io(), './.jixiao-data')).toEqual({ databaseUrl: 'postgres://u@h/db' });
    expect(databaseTarget({}, io({ DATABASE_URL: 'postgresql://u@h/db' }), './.jixiao-data')).toEqual({ databaseUrl: 'postgresql://u@h/db' });
    expect(databaseTarget({}, io({ JIXIAO_DATA_DIR: '/data/jx' }), './.jixiao-data')).toEqual({ dataDir: '/data/jx' });
    expect(databaseTarget({ 'data-dir': 'here' }, io(), './.jixiao-data')).toEqual({ dataDir: '/srv/jixiao/here' });
    expect(databaseTarget({}, io(), './.jixiao-data')).toEqual({ dataDir: '/srv/jixiao/.jixiao-data' });
    expect(() => databaseTarget({ 'database-url': 'mysql://x' }, io(), '.')).toThrow(/postgres/);
  });

  it('refuses DATABASE_READ_URL without a PostgreSQL primary, before starting anything', async () => {
    await expect(serveCommand.run(['--port', '0'], io({ DATABASE_READ_URL: 'postgres://u@replica/db' }))).rejects.toMatchObject({ code: 'USAGE', message: expect.stringMatching(/须与 DATABASE_URL/) });
    await expect(serveCommand.run(['--port', '0', '--database-url', 'postgres://u@primary/db'], io({ DATABASE_READ_URL: 'mysql://u@replica/db' }))).rejects.toMatchObject({ code: 'USAGE', message: expect.stringMatching(/DATABASE_READ_URL 应为 postgres:\/\//) });
  });
});
