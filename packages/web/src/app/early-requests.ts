/**
 * GET requests started before the app renders (by early.ts, as the page's first script runs),
 * each taken once by the code that would otherwise ask for it. A cold visit to /dashboard then
 * asks for its data side by side with the session check and the page's chunk instead of after
 * both (docs/BENCHMARKS.md, "The dashboard chart in a cold browser").
 */
import { request, type RequestOptions } from '../api/client.js';

/** An early answer older than this is not used (the page asks again). */
const MAX_AGE_MS = 15_000;

const started = new Map<string, { at: number; answer: Promise<unknown> }>();

/** Starts a GET of `path` now (quietly: a 401 here calls no handler), kept until taken. */
export function startEarly(path: string): void {
  const answer = request<unknown>(path, { quiet401: true });
  answer.catch(() => undefined); // a failure is not reported here: the taker asks again (below)
  started.set(path, { at: Date.now(), answer });
}

/**
 * The early answer for exactly this path, or null when none was started (or it is stale). Taken
 * once: a later ask (a reload, a second visit) goes to the server. When the early request failed,
 * the path is asked again with the caller's options, so errors (the 401 handler, messages) are
 * exactly what they would have been without it.
 */
export function takeEarly<T>(path: string, opts: RequestOptions = {}): Promise<T> | null {
  const early = started.get(path);
  if (!early) return null;
  started.delete(path);
  if (Date.now() - early.at > MAX_AGE_MS) return null;
  return (early.answer as Promise<T>).catch(() => request<T>(path, opts));
}
