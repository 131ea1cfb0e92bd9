/**
 * Requests and answers over a real socket (@hono/node-server), on PGlite and PostgreSQL. The
 * answers: gzip when asked for (length and bytes right) and the same JSON otherwise, small ones
 * as they are. The bodies: the
 * 5 MB limit decided from a declared Content-Length without reading the body, and counted as it
 * is read when the body comes chunked; a save read straight from Node's request still passes the
 * control-character check and saves, and its answer carries the headers set after the handler
 * (set-answer-headers.ts). Nothing is written by a refused request.
 */
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { gunzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, createTestDatabase, type TestDatabase } from './databases.js';
import { Client, createOrg, makeApp, sampleEvaluation, type Org } from './fixtures.js';
import { SECURITY_HEADERS } from '../src/http/app.js';

const LIMIT = 5 * 1024 * 1024;

describe.each(DATABASE_KINDS)('HTTP over a socket on %s', (kind) => {
  let t: TestDatabase;
  let org: Org;
  let server: ServerType;
  let port: number;
  let c: Client;
  let id: number;

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    org = await createOrg(t.ctx);
    const app = makeApp(t.ctx);
    server = await new Promise<ServerType>((resolve) => {
      const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
    });
    port = (server.address() as AddressInfo).port;
    c = new Client(app);
    await c.login('fillerA');
    const created = await c.post('/api/evaluations', { unitId: org.unitA, kind: 'department', fiscalYear: 2024, evaluation: sampleEvaluation() });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    id = created.body.id;
  });
  afterAll(async () => {
    await new Promise((r) => server?.close(r));
    await t?.close();
  });

  /** PUT the evaluation over the socket: the body whole with its length, or in chunks without one. */
  const put = (chunks: Buffer[], declareLength: boolean) =>
    new Promise<{ status: number; headers: IncomingHttpHeaders; body: { error?: { code: string; message: string; issues?: { field: string }[] }; version?: number } }>((resolve, reject) => {
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port,
          method: 'PUT',
          path: `/api/evaluations/${id}`,
          headers: {
            cookie: c.cookie!,
            'x-csrf-token': c.csrf!,
            'content-type': 'application/json',
            ...(declareLength ? { 'content-length': String(chunks.reduce((n, b) => n + b.length, 0)) } : {}),
          },
        },
        (res) => {
          const parts: Buffer[] = [];
          res.on('data', (d: Buffer) => parts.push(d));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: JSON.parse(Buffer.concat(parts).toString('utf8') || '{}') }));
          res.on('error', reject);
        },
      );
      // the server may answer (and close) before it has read everything: that is the point
      req.on('error', (e: NodeJS.ErrnoException) => (e.code === 'EPIPE' || e.code === 'ECONNRESET' ? undefined : reject(e)));
      for (const b of chunks) req.write(b);
      req.end();
    });
  const stored = async () => (await c.get(`/api/evaluations/${id}`)).body as { version: number; evaluation: { unit: object; totals: { statedScore: string | null } } };

  /** GET over the socket, asking for gzip or not: status, headers and the bytes as received. */
  const get = (path: string, gzip: boolean) =>
    new Promise<{ status: number; headers: IncomingHttpHeaders; bytes: Buffer }>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port, method: 'GET', path, headers: { cookie: c.cookie!, ...(gzip ? { 'accept-encoding': 'gzip' } : {}) } }, (res) => {
        const parts: Buffer[] = [];
        res.on('data', (d: Buffer) => parts.push(d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, bytes: Buffer.concat(parts) }));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end();
    });

  it('answers gzip when asked (its length the bytes sent), the same JSON when not, and small answers as they are', async () => {
    const zipped = await get(`/api/evaluations/${id}`, true);
    expect(zipped.status).toBe(200);
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(Number(zipped.headers['content-length'])).toBe(zipped.bytes.length);
    expect(zipped.headers.vary).toMatch(/accept-encoding/i);
    const plain = await get(`/api/evaluations/${id}`, false);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(gunzipSync(zipped.bytes).toString('utf8'))).toEqual(JSON.parse(plain.bytes.toString('utf8')));
    const small = await get('/api/auth/me', true);
    expect(small.status).toBe(200);
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(small.bytes.toString('utf8')).user.username).toBe('fillerA');
    const missing = await get('/api/evaluations/999999', true); // an error answer goes through c.json too
    expect(missing.status).toBe(404);
    expect(JSON.parse(missing.bytes.toString('utf8')).error.code).toBe('NOT_FOUND');
  });

  it('a save sent with its length is read and saved; one with a control character is refused naming the field', async () => {
    const before = await stored();
    const evaluation = { ...before.evaluation, totals: { ...before.evaluation.totals, statedScore: '88' } };
    let res = await put([Buffer.from(JSON.stringify({ version: before.version, evaluation }))], true);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.version).toBe(before.version + 1);
    // the answer leaves with every security header and no-store, set after the handler
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) expect(res.headers[k.toLowerCase()], k).toBe(v);
    expect(res.headers['cache-control']).toBe('no-store');
    const bell = { ...evaluation, unit: { ...evaluation.unit, name: '某单位\u0007' } };
    res = await put([Buffer.from(JSON.stringify({ version: before.version + 1, evaluation: bell }))], true);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'INPUT_CONTROL_CHARACTER', issues: [expect.objectContaining({ field: 'evaluation.unit.name' })] });
    expect(await stored()).toMatchObject({ version: before.version + 1, evaluation: { totals: { statedScore: '88' } } });
  });

  it('over 5 MB is refused with 413 UPLOAD_TOO_LARGE whether the length is declared or the body comes chunked; nothing written', async () => {
    const before = await stored();
    const padding = 'x'.repeat(LIMIT);
    const body = Buffer.from(JSON.stringify({ version: before.version, evaluation: { ...before.evaluation, padding } }));
    let res = await put([body], true);
    expect(res.status).toBe(413);
    expect(res.body.error).toMatchObject({ code: 'UPLOAD_TOO_LARGE', message: expect.stringContaining('5 MB') });
    const pieces: Buffer[] = [];
    for (let at = 0; at < body.length; at += 256 * 1024) pieces.push(body.subarray(at, at + 256 * 1024));
    res = await put(pieces, false);
    expect(res.status).toBe(413);
    expect(res.body.error?.code).toBe('UPLOAD_TOO_LARGE');
    expect((await stored()).version).toBe(before.version);
  });
});
