/**
 * gzip for API answers and server-rendered pages, for clients that accept it. JSON and HTML (a
 * body the handler built whole) are compressed at level 4 on libuv's thread pool, so the thread
 * answering requests does not wait on zlib; other text (the CSV export, streamed) goes through
 * hono's CompressionStream middleware. Below 1 kB, already encoded (the web app's pre-compressed
 * files, static.ts), not text, HEAD, 206 or `Cache-Control: no-transform`: sent as it is.
 */
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { MiddlewareHandler } from 'hono';
import { compress } from 'hono/compress';
import { acceptedEncodings } from './static.js';

const gzipAsync = promisify(gzip);
const WHOLE = /^(application\/json|text\/html)/i;
const TEXT = /^(text\/|application\/(json|javascript|xml))/i;

export function compressAnswers(threshold = 1024): MiddlewareHandler {
  const streamed = compress({ encoding: 'gzip', threshold });
  return async (c, next) => {
    const type = () => c.res.headers.get('Content-Type') ?? '';
    const skip = () =>
      c.req.method === 'HEAD' || c.res.status === 206 || !c.res.body || c.res.headers.has('Content-Encoding') || /no-transform/i.test(c.res.headers.get('Cache-Control') ?? '') || !TEXT.test(type());
    await next();
    if (skip()) return;
    if (!WHOLE.test(type())) return streamed(c, async () => {});
    const vary = c.res.headers.get('Vary');
    if (!vary || !/accept-encoding/i.test(vary)) c.res.headers.set('Vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
    if (!acceptedEncodings(c.req.header('accept-encoding')).has('gzip')) return;
    const body = Buffer.from(await c.res.arrayBuffer());
    const headers = new Headers(c.res.headers);
    if (body.length < threshold) {
      c.res = new Response(body, { status: c.res.status, headers });
      return;
    }
    const zipped = await gzipAsync(body, { level: 4 });
    headers.set('Content-Encoding', 'gzip');
    headers.set('Content-Length', String(zipped.length));
    c.res = new Response(zipped, { status: c.res.status, headers });
  };
}
