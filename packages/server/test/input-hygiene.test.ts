/**
 * Input hygiene on PGlite and PostgreSQL: NUL and other control characters (and lone UTF-16
 * surrogates) in a path, a query parameter or a JSON body are refused with 400 naming the
 * field, on every endpoint the attack reached (they gave 500 before); the server log never
 * shows SQL parameter values; a database outage answers 503 in Chinese.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sql } from 'kysely';
import { DATABASE_KINDS, createTestDatabase, type TestDatabase } from './databases.js';
import { Client, createOrg, makeApp, sampleEvaluation, type Org } from './fixtures.js';
import { describeError, isDatabaseUnavailable } from '../src/db/database-errors.js';
import { findControlCharacter } from '../src/http/input-hygiene.js';

describe('findControlCharacter', () => {
  it('names the path of the first bad string or key; allows tab, line feed, carriage return and paired surrogates', () => {
    expect(findControlCharacter({ a: ['ok\t\n\r', '𠮷'], b: { c: 'x\u0000y' } })).toEqual(['b.c', '\u0000']);
    expect(findControlCharacter({ ['k\u0001']: 1 })).toEqual(['k\u0001', '\u0001']);
    expect(findControlCharacter({ a: [{ b: 'x\uD800' }] })).toEqual(['a.0.b', '\uD800']);
    expect(findControlCharacter({ a: 'x\u007F' })![0]).toBe('a');
    expect(findControlCharacter({ a: '正文\n第二段\t缩进' })).toBeNull();
    let deep: unknown = 'x\u0000';
    for (let i = 0; i < 100_000; i++) deep = [deep]; // no recursion: no stack overflow
    expect(findControlCharacter(deep)![1]).toBe('\u0000');
  });
});

describe.each(DATABASE_KINDS)('input hygiene on %s', (kind) => {
  let t: TestDatabase;
  let org: Org;
  let filler: Client;
  let finance: Client;
  let admin: Client;
  let evaluationId: number;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
    org = await createOrg(t.ctx);
    const app = makeApp(t.ctx);
    filler = new Client(app);
    finance = new Client(app);
    admin = new Client(app);
    await filler.login('fillerA');
    await finance.login('finance');
    await admin.login('admin');
    evaluationId = (await filler.post('/api/evaluations', { unitId: org.unitA, fiscalYear: 2024, kind: 'project', evaluation: sampleEvaluation() })).body.id;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('NUL in a query, a path or a JSON string answers 400 INPUT_CONTROL_CHARACTER naming the field, on every endpoint', async () => {
    const anonymous = new Client(makeApp(t.ctx));
    const cases: [Client, string, string, unknown, string][] = [
      [anonymous, 'POST', '/api/auth/login', { username: 'admin\u0000', password: 'x' }, 'username'],
      [anonymous, 'GET', '/api/public/reports?q=%00', undefined, 'q'],
      [anonymous, 'GET', '/api/public/reports?grade=%E4%BC%98%00', undefined, 'grade'],
      [filler, 'GET', '/api/evaluations?q=a%00b', undefined, 'q'],
      [filler, 'GET', '/api/evaluations/1%00', undefined, 'path'],
      [finance, 'GET', '/api/dashboard?year=2024&q=%01', undefined, 'q'],
      [filler, 'POST', '/api/evaluations', { unitId: org.unitA, fiscalYear: 2024, kind: 'project', evaluation: sampleEvaluation(2024, { project: { name: '项目\u0000' } }) }, 'evaluation.project.name'],
      [filler, 'PUT', `/api/evaluations/${evaluationId}`, { version: 1, evaluation: sampleEvaluation(2024, { chapters: [{ level: 1, title: '一', text: 'a\u0000' }] }) }, 'evaluation.chapters.0.text'],
      [filler, 'POST', '/api/targets', { unitId: org.unitA, fiscalYear: 2024, name: '目标\u0000', content: { indicators: [] } }, 'name'],
      [finance, 'POST', '/api/samples', { fiscalYear: 2024, size: 1, seed: 's\u0000' }, 'seed'],
      [finance, 'POST', '/api/rectifications', { evaluationId, description: '\u0000' }, 'description'],
      [admin, 'POST', '/api/admin/units', { departmentId: org.dept1, name: '单位\u001b[31m' }, 'name'],
      [filler, 'POST', '/api/auth/password', { currentPassword: 'x\u0000', newPassword: 'y' }, 'currentPassword'],
      [filler, 'POST', '/api/preview', { evaluation: { unit: { name: 'a\uDC00' } } }, 'evaluation.unit.name'],
    ];
    for (const [client, method, path, body, field] of cases) {
      const res = await client.request(method, path, body);
      expect(res.status, `${method} ${path}`).toBe(400);
      expect(res.body.error.code, `${method} ${path}`).toBe('INPUT_CONTROL_CHARACTER');
      expect(res.body.error.message).toContain(field);
      expect(res.body.error.message).toMatch(/控制字符 U\+[0-9A-F]{4}/);
      expect(res.body.error.issues[0].field).toBe(field);
    }
    // Nothing was written by any of them.
    const names = await sql<{ n: number }>`select count(*)::int as n from targets`.execute(t.ctx.db);
    expect(names.rows[0]!.n).toBe(0);
  });

  it('multi-line text with tabs is accepted', async () => {
    const res = await filler.put(`/api/evaluations/${evaluationId}`, { version: 1, evaluation: sampleEvaluation(2024, { chapters: [{ level: 1, title: '一、基本情况', text: '第一段。\n\t第二段。\r\n' }] }) });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  });

  it('the server log shows neither the SQL nor its parameter values', async () => {
    let dbError: unknown;
    try {
      await sql`select ${'SECRET-4711'}::int as n`.execute(t.ctx.db);
    } catch (e) {
      dbError = e;
    }
    expect(dbError).toBeTruthy();
    const line = describeError(dbError);
    expect(line).toMatch(/SQLSTATE 22P02/);
    expect(line).not.toContain('SECRET-4711');
    expect(line).not.toMatch(/select/i);
    // Through the HTTP error handler: a write whose transaction fails with that error.
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const failing = new Client(makeApp({ ...t.ctx, beforeCommit: (u) => { if (u === 'save-evaluation') throw dbError; } }));
      await failing.login('headA');
      const { version } = (await failing.get(`/api/evaluations/${evaluationId}`)).body;
      const res = await failing.put(`/api/evaluations/${evaluationId}`, { version, evaluation: sampleEvaluation() });
      expect(res.status).toBe(500);
      const logged = spy.mock.calls.flat().join('\n');
      expect(logged).toContain('SQLSTATE 22P02');
      expect(logged).not.toContain('SECRET-4711');
      expect(logged).not.toMatch(/select/i);
    } finally {
      spy.mockRestore();
    }
  });

  it('a database that is gone answers 503 DATABASE_UNAVAILABLE in Chinese with Retry-After', async () => {
    const gone = await createTestDatabase(kind);
    await createOrg(gone.ctx);
    const app = makeApp(gone.ctx);
    const c = new Client(app);
    await c.login('fillerA');
    await gone.close();
    const res = await c.get('/api/evaluations');
    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe('DATABASE_UNAVAILABLE');
    expect(res.body.error.message).toMatch(/数据库/);
    expect(res.headers.get('retry-after')).toBe('5');
    expect((await app.request('/api/health')).status).toBe(200);
    expect((await app.request('/api/ready')).status).toBe(503);
    expect(isDatabaseUnavailable(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('duplicate key'), { code: '23505' }))).toBe(false);
  });

  it('/api/ready answers 200 with the migrations applied, /api/health without touching the database', async () => {
    const app = makeApp(t.ctx);
    const ready = await app.request('/api/ready');
    expect(ready.status).toBe(200);
    expect(((await ready.json()) as { ready: boolean }).ready).toBe(true);
    let accepting = true;
    const draining = makeApp(t.ctx, { accepting: () => accepting });
    accepting = false;
    const res = await draining.request('/api/ready');
    expect(res.status).toBe(503);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('NOT_READY');
  });
});
