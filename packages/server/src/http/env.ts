import type { Context } from 'hono';
import { JxError } from '@jixiao/core';
import type { AppContext } from '../context.js';
import type { Actor } from '../workflow/access.js';
import { badRequest } from '../errors.js';

export interface AppEnv {
  Variables: {
    actor: Actor | null;
    csrfToken: string | null;
    sessionId: string | null;
    mustChangePassword: boolean;
  };
}

export interface ServerOptions {
  ctx: AppContext;
  /** Built web app (packages/web/dist); served at / with SPA fallback when present. */
  webDir?: string | undefined;
  /** Send the session cookie with Secure (behind HTTPS). Default: when the request is https. */
  secureCookies?: boolean | undefined;
  /** Max upload size in bytes (default 20 MB). */
  maxUploadBytes?: number | undefined;
  /**
   * Take the client address from the last X-Forwarded-For entry (set only when every request
   * comes through your own reverse proxy; the login back-off counts per address).
   */
  trustProxy?: boolean | undefined;
  /** Called for GET /api/ready: false while the server drains before shutting down. */
  accepting?: (() => boolean) | undefined;
  /** Public "audit any report" uploads per address (default 30 per 10 minutes). */
  publicAuditLimit?: { perAddress: number; windowMs: number } | undefined;
}

export function requireActor(c: Context<AppEnv>): Actor {
  const a = c.get('actor');
  if (!a) throw new JxError('UNAUTHENTICATED');
  return a;
}

export async function jsonBody(c: Context<AppEnv>): Promise<Record<string, unknown>> {
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    throw new JxError('JSON_SYNTAX', '请求体应为 JSON');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw badRequest('请求体应为 JSON 对象');
  return body as Record<string, unknown>;
}

export function intParam(c: Context<AppEnv>, name: string): number {
  const v = c.req.param(name);
  if (!v || !/^\d{1,9}$/.test(v)) throw new JxError('NOT_FOUND', `${name}=${v ?? ''}`);
  return Number(v);
}

export function intQuery(c: Context<AppEnv>, name: string): number | undefined {
  const v = c.req.query(name);
  if (v === undefined || v === '') return undefined;
  if (!/^\d{1,9}$/.test(v)) throw badRequest(`查询参数 ${name} 应为整数`);
  return Number(v);
}
