/**
 * The size limit of a JSON request body (413 UPLOAD_TOO_LARGE), decided without touching the body
 * where the request declares its length: a GET or HEAD has none to read, and a declared
 * Content-Length over the limit is refused before a byte is read. Reading `c.req.raw.body` (as
 * hono's bodyLimit does first) makes @hono/node-server build a full web Request with a stream over
 * the socket; left alone, `c.req.json()` reads the body straight from Node's request instead
 * (with set-answer-headers.ts and compress-answers.ts, a tenth less server CPU per write on deadline
 * day: docs/BENCHMARKS.md, issue 14 fifth pass). A body sent without a length (chunked) is counted
 * as it is read, by hono's bodyLimit.
 */
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { JxError } from '@jixiao/core';

export function jsonBodyLimit(maxSize: number): MiddlewareHandler {
  const tooLarge = (): never => {
    throw new JxError('UPLOAD_TOO_LARGE', `请求体超过 ${Math.round(maxSize / 1024 / 1024)} MB`);
  };
  const counting = bodyLimit({ maxSize, onError: tooLarge });
  return async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const length = c.req.header('content-length');
    if (length !== undefined && /^\s*\d+\s*$/.test(length) && c.req.header('transfer-encoding') === undefined) {
      if (Number(length) > maxSize) tooLarge();
      return next();
    }
    return counting(c, next);
  };
}
