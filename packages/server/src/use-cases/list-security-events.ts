/**
 * The administrator's security log (安全日志): sign-ins, failed sign-ins, back-offs, logouts,
 * password changes and resets, new accounts — read from the append-only audit log, newest
 * first, a page at a time, each with a Chinese label and a one-line description.
 */
import { AUDIT_EVENTS, SECURITY_EVENTS, type SecurityEvent } from '../audit-events.js';
import type { AppContext } from '../context.js';
import { badRequest, forbidden } from '../errors.js';
import { repositories } from '../repositories/index.js';
import type { AuditRecord } from '../repositories/audit-log.repository.js';
import type { Actor } from '../workflow/access.js';
import { ROLE_NAMES } from '../plan/check-plan-transition.js';
import type { Role } from '../db/schema.js';

export const SECURITY_EVENT_LABELS: Record<SecurityEvent, string> = {
  [AUDIT_EVENTS.LOGIN_SUCCEEDED]: '登录成功',
  [AUDIT_EVENTS.LOGIN_FAILED]: '登录失败',
  [AUDIT_EVENTS.LOGIN_LOCKED]: '登录退避',
  [AUDIT_EVENTS.LOGOUT]: '退出登录',
  [AUDIT_EVENTS.PASSWORD_CHANGE_FAILED]: '修改密码失败',
  [AUDIT_EVENTS.PASSWORD_CHANGE_LOCKED]: '修改密码退避',
  [AUDIT_EVENTS.USER_PASSWORD_CHANGED]: '修改密码',
  [AUDIT_EVENTS.USER_PASSWORD_RESET]: '管理员重置密码',
  [AUDIT_EVENTS.USER_CREATED]: '新建账号',
};

const REASONS: Record<string, string> = { unknown_user: '用户名不存在', wrong_password: '密码错误', disabled: '账号已停用' };
const SCOPES: Record<string, string> = { 'user+address': '该用户名在该地址', address: '该地址', user: '该用户名（陌生地址）', 'password-change': '该账号修改密码' };

export interface SecurityEventItem {
  id: number;
  at: string;
  action: SecurityEvent;
  label: string;
  /** Who acted: the signed-in user, or 登录尝试：<user name> for a failed sign-in. */
  actor: string;
  /** The account concerned (null: an unknown user name). */
  userId: number | null;
  address: string | null;
  detail: string;
}

/** One line in Chinese from the entry's recorded details (never a password: none is recorded). */
function describe(e: AuditRecord): { address: string | null; detail: string } {
  const a = (e.after ?? {}) as Record<string, unknown>;
  const address = typeof a.address === 'string' ? a.address : null;
  const parts: string[] = [];
  if (typeof a.username === 'string' && e.action !== AUDIT_EVENTS.USER_PASSWORD_RESET && e.action !== AUDIT_EVENTS.USER_CREATED) parts.push(`用户名 ${a.username}`);
  if (typeof a.reason === 'string') parts.push(`原因：${REASONS[a.reason] ?? a.reason}`);
  if (typeof a.scope === 'string') parts.push(`${SCOPES[a.scope] ?? a.scope}已失败 ${String(a.failures)} 次，须等待 ${String(a.retryAfterSeconds)} 秒`);
  if (e.action === AUDIT_EVENTS.USER_PASSWORD_RESET) parts.push(`账号 ${String(a.username)}，下次登录须修改密码`);
  if (e.action === AUDIT_EVENTS.USER_CREATED) parts.push(`账号 ${String(a.username)}（${String(a.displayName)}，${ROLE_NAMES[a.role as Role] ?? String(a.role)}），首次登录须修改密码`);
  return { address, detail: parts.join('；') };
}

export async function listSecurityEvents(
  ctx: AppContext,
  actor: Actor,
  q: { page?: number | undefined; pageSize?: number | undefined; action?: string | undefined },
): Promise<{ items: SecurityEventItem[]; total: number; page: number; pageSize: number }> {
  if (actor.role !== 'admin') throw forbidden('只有系统管理员可以查看安全日志');
  if (q.action !== undefined && !(SECURITY_EVENTS as readonly string[]).includes(q.action)) {
    throw badRequest(`查询参数 action 应为 ${SECURITY_EVENTS.join('、')} 之一`, [{ field: 'action', message: '未知的安全事件类型' }]);
  }
  const page = Math.max(1, q.page ?? 1);
  const pageSize = Math.min(200, Math.max(1, q.pageSize ?? 50));
  const actions = q.action ? [q.action as SecurityEvent] : SECURITY_EVENTS;
  const { items, total } = await repositories(ctx.db).auditLog.listByActions(actions, { offset: (page - 1) * pageSize, limit: pageSize });
  return {
    items: items.map((e) => ({
      id: e.id,
      at: e.at,
      action: e.action as SecurityEvent,
      label: SECURITY_EVENT_LABELS[e.action as SecurityEvent],
      actor: e.actor.name,
      userId: e.entityId > 0 ? e.entityId : null,
      ...describe(e),
    })),
    total,
    page,
    pageSize,
  };
}
