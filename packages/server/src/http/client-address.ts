import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';

/**
 * The client's address. The peer address by default; with `trustProxy` (JIXIAO_TRUST_PROXY=1,
 * only when every request arrives through your own reverse proxy) the last X-Forwarded-For
 * entry, which is the address that proxy saw (entries before it are whatever the client sent).
 */
export function clientAddress(c: Context, trustProxy = false): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for');
    const last = forwarded?.split(',').at(-1)?.trim();
    if (last && last.length <= 64 && /^[0-9A-Fa-f:.]+$/.test(last)) return last;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'local';
  }
}
