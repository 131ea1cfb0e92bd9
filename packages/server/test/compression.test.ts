/** Compression and caching: pre-compressed web files in the encoding asked for, gzip for API answers, immutable hashed assets. */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './databases.js';
import { createOrg, makeApp, sampleEvaluation } from './fixtures.js';
import { acceptedEncodings } from '../src/http/static.js';
import { repositories } from '../src/repositories/index.js';

const JS = `export const words = ${JSON.stringify('预算绩效自评 '.repeat(400))};\n`;

function webDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'jx-web-compress-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), `<!doctype html><html><head><title>绩效</title><meta name="description" content="${'预算绩效'.repeat(200)}"></head><body><div id="root"></div></body></html>`);
  writeFileSync(join(dir, 'assets', 'app-1a2b3c.js'), JS);
  writeFileSync(join(dir, 'assets', 'app-1a2b3c.js.br'), brotliCompressSync(JS));
  writeFileSync(join(dir, 'assets', 'app-1a2b3c.js.gz'), gzipSync(JS));
  writeFileSync(join(dir, 'assets', 'plain-9f8e7d.js'), 'console.log(1)');
  return dir;
}

describe('Accept-Encoding', () => {
  it('takes br and gzip unless refused with q=0', () => {
    expect([...acceptedEncodings('gzip, deflate, br')].sort()).toEqual(['br', 'gzip']);
    expect([...acceptedEncodings('gzip;q=1.0, br;q=0')]).toEqual(['gzip']);
    expect([...acceptedEncodings('identity')]).toEqual([]);
    expect([...acceptedEncodings(undefined)]).toEqual([]);
  });
});

describe('compression and caching (PGlite)', () => {
  let t: TestDatabase;
  let app: ReturnType<typeof makeApp>;
  beforeAll(async () => {
    t = await createTestDatabase('pglite');
    const org = await createOrg(t.ctx);
    // A published report, so the public list answers with more than a kilobyte.
    for (let i = 0; i < 4; i++) {
      await repositories(t.ctx.db).evaluations.insert({ unit_id: org.unitA, fiscal_year: 2024, kind: 'project', title: `公开项目${i}`, profile: 'national', status: 'published', version: 1, data: JSON.stringify(sampleEvaluation()) } as never);
    }
    app = makeApp(t.ctx, { webDir: webDir() });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('sends the pre-compressed file in the best accepted encoding, immutable, varying by Accept-Encoding', async () => {
    const br = await app.request('/assets/app-1a2b3c.js', { headers: { 'accept-encoding': 'gzip, br' } });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('vary')).toMatch(/accept-encoding/i);
    expect(br.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(Buffer.from(await br.arrayBuffer())).toEqual(brotliCompressSync(JS));
    const gz = await app.request('/assets/app-1a2b3c.js', { headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(JS);
    const plain = await app.request('/assets/app-1a2b3c.js');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(JS);
    expect(plain.headers.get('content-type')).toMatch(/^text\/javascript/);
  });

  it('a file without compressed siblings is sent as it is; the SPA entry is revalidated, never cached for long', async () => {
    const small = await app.request('/assets/plain-9f8e7d.js', { headers: { 'accept-encoding': 'gzip, br' } });
    expect(small.headers.get('content-encoding')).toBeNull();
    expect(await small.text()).toBe('console.log(1)');
    const entry = await app.request('/evaluations/12', { headers: { 'accept-encoding': 'br' } });
    expect(entry.headers.get('cache-control')).toBe('no-cache');
    expect(await entry.text()).toContain('绩效');
  });

  it('gzips API answers for a client that accepts gzip, and only then', async () => {
    const zipped = await app.request('/api/public/reports', { headers: { 'accept-encoding': 'gzip' } });
    expect(zipped.status).toBe(200);
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(zipped.headers.get('cache-control')).toBe('no-store');
    const json = JSON.parse(gunzipSync(Buffer.from(await zipped.arrayBuffer())).toString());
    const plain = await app.request('/api/public/reports');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(json).toEqual(await plain.json());
    expect(JSON.stringify(json)).toContain('公开项目');
  });

  it('gzips the server-rendered public page (HTML) too', async () => {
    const zipped = await app.request('/public', { headers: { 'accept-encoding': 'gzip' } });
    expect(zipped.status).toBe(200);
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    const html = gunzipSync(Buffer.from(await zipped.arrayBuffer())).toString();
    expect(html).toContain('公开项目');
    expect(html).toBe(await (await app.request('/public')).text());
  });
});
