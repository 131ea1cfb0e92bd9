/**
 * gzip for API answers and server-rendered pages, for clients that accept it. JSON and HTML (a
 * body the handler built whole) are compressed at level 4 on libuv's thread pool, so the thread
 * answering requests does not wait on zlib; a JSON answer's text is taken as `c.json` made it (not
 * read back from the answer). Other text (the CSV export, streamed) goes through hono's
 * CompressionStream middleware. Below 1 kB, already encoded (the web app's pre-compressed
 * files, static.ts), not text, HEAD, 206 or `Cache-Control: no-transform`: sent as it is.
 */
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { Context, MiddlewareHandler } from 'hono';
import { compress } from 'hono/compress';
import { acceptedEncodings } from './static.js';

const gzipAsync = promisify(gzip);
const WHOLE = /^(application\/json|text\/html)/i;
const TEXT = /^(text\/|application\/(json|javascript|xml))/i;

/**
 * Replaces the answer. Assigning `c.res` over an existing answer makes hono re-create the new one
 * around its `body` stream (to carry over the old one's headers, which `headers` already holds);
 * clearing it first keeps the bytes as they are, so @hono/node-server writes them directly.
 */
function replaceAnswer(c: Context, body: ConstructorParameters<typeof Response>[0], headers: Headers): void {
  const status = c.res.status;
  c.res = undefined;
  c.res = new Response(body, { status, headers });
}

export function compressAnswers(threshold = 1024): MiddlewareHandler {
  const streamed = compress({ encoding: 'gzip', threshold });
  return async (c, next) => {
    const type = () => c.res.headers.get('Content-Type') ?? '';
    // (a JSON answer's body is its text: asking the answer for `body` would build a web stream for it)
    const skip = (fromText: boolean) =>
      c.req.method === 'HEAD' || c.res.status === 206 || !(fromText || c.res.body) || c.res.headers.has('Content-Encoding') || /no-transform/i.test(c.res.headers.get('Cache-Control') ?? '') || !TEXT.test(type());
    // A JSON answer keeps its text beside it: compressing it then needs no read of the answer's body.
    let json: { res: Response; text: string } | undefined;
    const withText: Context['json'] = ((object: unknown, arg?: never, headers?: Record<string, string>) => {
      const text = JSON.stringify(object);
      const res = c.body(text, arg, { 'Content-Type': 'application/json', ...headers });
      json = typeof text === 'string' ? { res, text } : undefined;
      return res;
    }) as never;
    c.json = withText;
    await next();
    const fromText = json !== undefined && json.res === c.res;
    if (skip(fromText)) return;
    if (!WHOLE.test(type())) return streamed(c, async () => {});
    const vary = c.res.headers.get('Vary');
    if (!vary || !/accept-encoding/i.test(vary)) c.res.headers.set('Vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
    if (!acceptedEncodings(c.req.header('accept-encoding')).has('gzip')) return;
    const body = fromText ? Buffer.from(json!.text) : Buffer.from(await c.res.arrayBuffer());
    const headers = new Headers(c.res.headers);
    if (body.length < threshold) {
      if (!fromText) replaceAnswer(c, body, headers); // its body was read: the answer needs new bytes
      return;
    }
    const zipped = await gzipAsync(body, { level: 4 });
    headers.set('Content-Encoding', 'gzip');
    headers.set('Content-Length', String(zipped.length));
    replaceAnswer(c, zipped, headers);
  };
}
