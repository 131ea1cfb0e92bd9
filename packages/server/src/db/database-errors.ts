/**
 * Telling a database outage from a bug, and logging errors without data: the server log
 * never shows SQL parameter values, row contents or the statement (PGlite attaches `query`
 * and `params` to its errors; PostgreSQL messages and `detail` quote the values).
 */

/** SQLSTATE classes and codes that mean "the database is not there right now". */
const UNAVAILABLE_SQLSTATE = /^(08|57P0[1-4]|53300|53400)/;
const UNAVAILABLE_ERRNO = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
const UNAVAILABLE_MESSAGE =
  /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|Connection is closed|the database system is (starting up|shutting down|in recovery mode)|terminating connection due to administrator command|Cannot use a pool after calling end|PGlite is closed|driver has already been destroyed/i;

export function isDatabaseUnavailable(e: unknown): boolean {
  if (!e || typeof e !== 'object') return false;
  const err = e as { code?: unknown; message?: unknown; errors?: unknown; cause?: unknown };
  if (typeof err.code === 'string' && (UNAVAILABLE_ERRNO.has(err.code) || (err.code.length === 5 && UNAVAILABLE_SQLSTATE.test(err.code)))) return true;
  if (typeof err.message === 'string' && UNAVAILABLE_MESSAGE.test(err.message)) return true;
  // AggregateError (a host with several addresses) and wrapped causes.
  if (Array.isArray(err.errors) && err.errors.some(isDatabaseUnavailable)) return true;
  return err.cause !== undefined && err.cause !== e && isDatabaseUnavailable(err.cause);
}

/** Text quoted in a database message ("…", (…)=(…)) may be data: replaced by …. */
function redact(message: string): string {
  return message
    .replace(/"[^"]*"/g, '"…"')
    .replace(/'[^']*'/g, "'…'")
    .replace(/\)=\([^)]*\)/g, ')=(…)')
    .slice(0, 300);
}

/**
 * One line for the server log. A database error shows its SQLSTATE and where it happened
 * (table, column, constraint, routine) with quoted text redacted; never `query`, `params`,
 * `detail`, `where` or `internalQuery`. Other errors show their name, message and stack.
 */
export function describeError(e: unknown): string {
  if (!e || typeof e !== 'object') return String(e).slice(0, 300);
  const err = e as Record<string, unknown> & { name?: string; message?: string; stack?: string };
  const sqlstate = typeof err.code === 'string' && /^[0-9A-Z]{5}$/.test(err.code) ? err.code : null;
  if (sqlstate || 'params' in err || 'query' in err) {
    const where = ['schema', 'table', 'column', 'constraint', 'dataType', 'routine']
      .filter((k) => typeof err[k] === 'string' && err[k])
      .map((k) => `${k}=${String(err[k])}`);
    return `数据库错误 SQLSTATE ${sqlstate ?? '?'}${where.length ? ` (${where.join(', ')})` : ''}: ${redact(err.message ?? '')}`;
  }
  if (typeof err.code === 'string') return `${err.name ?? 'Error'} ${err.code}: ${redact(err.message ?? '')}`;
  return err.stack ?? `${err.name ?? 'Error'}: ${err.message ?? ''}`;
}
