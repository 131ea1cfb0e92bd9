/**
 * The fiscal year a page opens on, before React starts: the year chosen in this browser session,
 * else last year (the self-evaluation of year N happens in N+1). No React here: the early
 * requests (early.ts) read it before the app's own script runs.
 */

/** The year chosen in this browser session (a new login starts on the open annual task's year). */
export function storedYear(): number | null {
  const stored = Number(window.sessionStorage.getItem('jx.year'));
  return stored >= 1990 && stored <= 2100 ? stored : null;
}

/** The self-evaluation of year N happens in N+1, so default to last year. */
export function defaultYear(): number {
  return storedYear() ?? new Date().getFullYear() - 1;
}
