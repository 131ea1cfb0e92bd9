import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ApiError, setUnauthorizedHandler } from '../api/client.js';
import { startEarly, takeEarly } from './early-requests.js';

// A real HTTP server counting what it is asked; the app's relative /api paths are sent to it.
let server: Server;
let base = '';
const asked = new Map<string, number>();

beforeAll(async () => {
  server = createServer((req, res) => {
    asked.set(req.url!, (asked.get(req.url!) ?? 0) + 1);
    if (req.url!.startsWith('/api/private')) {
      res.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { code: 'UNAUTHENTICATED', message: '请先登录' } }));
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ path: req.url, n: asked.get(req.url!) }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const realFetch = globalThis.fetch;
  vi.stubGlobal('fetch', (path: string, init?: RequestInit) => realFetch(base + path, init));
});
afterEach(() => {
  setUnauthorizedHandler(null);
  vi.useRealTimers();
});
afterAll(async () => {
  vi.unstubAllGlobals();
  await new Promise((r) => server.close(r));
});

describe('early requests (started before the app renders, taken once)', () => {
  it('gives the early answer to the first taker only; the server is asked once', async () => {
    startEarly('/api/dashboard?year=2024');
    await expect(takeEarly('/api/dashboard?year=2024')).resolves.toEqual({ path: '/api/dashboard?year=2024', n: 1 });
    expect(takeEarly('/api/dashboard?year=2024')).toBeNull();
    expect(asked.get('/api/dashboard?year=2024')).toBe(1);
  });

  it('has nothing for a path that was not started (another year, another page)', () => {
    startEarly('/api/org');
    expect(takeEarly('/api/org?x=1')).toBeNull();
    expect(takeEarly('/api/dashboard?year=2023')).toBeNull();
  });

  it('asks again with the taker’s options when the early request failed: the 401 handler runs as it would have', async () => {
    const onUnauthorized = vi.fn();
    setUnauthorizedHandler(onUnauthorized);
    startEarly('/api/private/a');
    await new Promise((r) => setTimeout(r, 50));
    expect(onUnauthorized).not.toHaveBeenCalled(); // the early request itself is quiet
    const err = await takeEarly('/api/private/a')!.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status: 401, code: 'UNAUTHENTICATED', message: '请先登录' });
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
    expect(asked.get('/api/private/a')).toBe(2);
  });

  it('does not use an answer older than 15 s', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    startEarly('/api/stale');
    vi.setSystemTime(Date.now() + 16_000);
    expect(takeEarly('/api/stale')).toBeNull();
  });
});
