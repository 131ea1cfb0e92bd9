/**
 * Headers added to an answer after its handler ran, set on the answer's own Headers. hono's
 * `c.header()` on a finished answer re-creates the Response around `res.body` — a web stream —
 * once per call, and @hono/node-server must then pump that stream instead of writing the JSON
 * text it was given; the security headers alone made seven such copies of every answer. A Response
 * whose headers are immutable (none of ours, but `Response.redirect` makes one) goes through
 * `c.header()` as before.
 */
import type { Context } from 'hono';

export function setAnswerHeaders(c: Context, headers: Record<string, string>): void {
  try {
    const h = c.res.headers;
    for (const [k, v] of Object.entries(headers)) h.set(k, v);
  } catch {
    for (const [k, v] of Object.entries(headers)) c.header(k, v);
  }
}
