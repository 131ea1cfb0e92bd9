/**
 * Accounts and the organisation, managed by the system administrator: new departments
 * and units, new users (with an initial password), a password reset, and everyone's own
 * password change. A password the administrator set (a new account, a reset) must be changed
 * at the user's first login (等保 2.0: only the user knows their password). Each change is one
 * transaction with its audit-log entry (never the password hash).
 */
import { JxError } from '@jixiao/core';
import { AUDIT_EVENTS } from '../audit-events.js';
import { inTransaction, type AppContext } from '../context.js';
import { ROLES, type Role } from '../db/schema.js';
import { badRequest, forbidden } from '../errors.js';
import { repositories } from '../repositories/index.js';
import type { Actor } from '../workflow/access.js';
import { passwordPolicyProblem } from '../security-policy.js';
import { hashPassword, verifyPassword } from './hash-password.js';
import { lockedKeys, policyOf, reservePasswordAttempt } from './reserve-attempt.js';

function requireAdmin(actor: Actor): void {
  if (actor.role !== 'admin') throw forbidden('只有系统管理员可以管理账号和组织');
}

function text(x: unknown, field: string, label: string): string {
  if (typeof x !== 'string' || !x.trim()) throw badRequest(`请填写${label}（${field}）`, [{ field, label, message: `请填写${label}` }]);
  return x.trim();
}

/** The password policy (length, character classes, not the user name): 400 PASSWORD_POLICY naming the field. */
function checkPassword(ctx: AppContext, p: unknown, field: string, username: string): string {
  const problem = typeof p === 'string' ? passwordPolicyProblem(p, policyOf(ctx).password, username) : '请填写密码';
  if (problem) throw new JxError('PASSWORD_POLICY', problem, [{ field, message: problem }]);
  return p as string;
}

export async function createDepartment(ctx: AppContext, actor: Actor, input: { bureauId?: unknown; name?: unknown }) {
  requireAdmin(actor);
  if (!Number.isInteger(input.bureauId) || !(await repositories(ctx.db).org.findBureau(input.bureauId as number))) throw badRequest('bureauId 不存在');
  const name = text(input.name, 'name', '部门名称');
  const at = ctx.now();
  return inTransaction(ctx, 'create-department', async (r) => {
    const id = await r.org.createDepartment(input.bureauId as number, name);
    await r.auditLog.append({ entityType: 'department', entityId: id, evaluationId: null, actor, action: AUDIT_EVENTS.DEPARTMENT_CREATED, at, before: null, after: { id, name, bureauId: input.bureauId } });
    return { id, name, parentId: input.bureauId as number };
  });
}

export async function createUnit(ctx: AppContext, actor: Actor, input: { departmentId?: unknown; name?: unknown; code?: unknown }) {
  requireAdmin(actor);
  if (!Number.isInteger(input.departmentId) || !(await repositories(ctx.db).org.findDepartment(input.departmentId as number))) throw badRequest('departmentId 不存在');
  const name = text(input.name, 'name', '单位名称');
  const code = typeof input.code === 'string' && input.code.trim() ? input.code.trim() : null;
  const at = ctx.now();
  return inTransaction(ctx, 'create-unit', async (r) => {
    const id = await r.org.createUnit(input.departmentId as number, name, code);
    await r.auditLog.append({ entityType: 'unit', entityId: id, evaluationId: null, actor, action: AUDIT_EVENTS.UNIT_CREATED, at, before: null, after: { id, name, code, departmentId: input.departmentId } });
    return { id, name, parentId: input.departmentId as number };
  });
}

export async function createUser(
  ctx: AppContext,
  actor: Actor,
  input: { username?: unknown; displayName?: unknown; role?: unknown; unitId?: unknown; departmentId?: unknown; bureauId?: unknown; password?: unknown },
) {
  requireAdmin(actor);
  const username = text(input.username, 'username', '用户名');
  if (!/^[A-Za-z0-9_.-]{2,40}$/.test(username)) {
    throw badRequest('用户名只能用字母、数字和 _ . -（2–40 个）', [{ field: 'username', label: '用户名', message: '只能用字母、数字和 _ . -（2–40 个）' }]);
  }
  const displayName = text(input.displayName, 'displayName', '姓名');
  if (!ROLES.includes(input.role as Role)) throw badRequest(`role 应为 ${ROLES.join(' / ')} 之一`, [{ field: 'role', label: '角色', message: '请选择角色' }]);
  const role = input.role as Role;
  const password = checkPassword(ctx, input.password, 'password', username);
  const r0 = repositories(ctx.db);
  const scope: { unitId?: number; departmentId?: number; bureauId?: number } = {};
  if (role === 'unit_filler' || role === 'unit_head') {
    if (!Number.isInteger(input.unitId) || !(await r0.org.getUnitScope(input.unitId as number))) throw badRequest('单位账号须指定存在的 unitId');
    scope.unitId = input.unitId as number;
  } else if (role === 'department_reviewer') {
    if (!Number.isInteger(input.departmentId) || !(await r0.org.findDepartment(input.departmentId as number))) throw badRequest('主管部门账号须指定存在的 departmentId');
    scope.departmentId = input.departmentId as number;
  } else if (role === 'finance_reviewer' || role === 'assessor') {
    // A third-party reviewer (评价机构) is engaged by one finance bureau: it is scoped to that bureau.
    if (!Number.isInteger(input.bureauId) || !(await r0.org.findBureau(input.bureauId as number))) throw badRequest(`${role === 'assessor' ? '评价机构' : '财政'}账号须指定存在的 bureauId`);
    scope.bureauId = input.bureauId as number;
  }
  if (await r0.users.findByUsername(username)) {
    throw new JxError('BAD_REQUEST', `用户名 ${username} 已存在`, [{ field: 'username', label: '用户名', message: `用户名 ${username} 已存在，请换一个` }]);
  }
  const passwordHash = await hashPassword(password);
  const at = ctx.now();
  return inTransaction(ctx, 'create-user', async (r) => {
    const id = await r.users.create({ username, displayName, role, passwordHash, ...scope, mustChangePassword: true });
    const created = (await r.users.findActor(id))!;
    await r.auditLog.append({ entityType: 'user', entityId: id, evaluationId: null, actor, action: AUDIT_EVENTS.USER_CREATED, at, before: null, after: { ...created, mustChangePassword: true } });
    return { ...created, mustChangePassword: true };
  });
}

/**
 * The administrator sets a new initial password for a user who lost theirs: the user's sessions
 * end, and the next login must change it.
 */
export async function resetPassword(ctx: AppContext, actor: Actor, userId: number, input: { password?: unknown }): Promise<void> {
  requireAdmin(actor);
  const user = await repositories(ctx.db).users.findById(userId);
  if (!user) throw new JxError('NOT_FOUND', `账号 ${userId}`);
  const password = checkPassword(ctx, input.password, 'password', user.username);
  const passwordHash = await hashPassword(password);
  const at = ctx.now();
  await inTransaction(ctx, 'reset-password', async (r) => {
    await r.users.setPasswordHash(userId, passwordHash, true);
    await r.sessions.deleteUserSessions(userId);
    await r.auditLog.append({ entityType: 'user', entityId: userId, evaluationId: null, actor, action: AUDIT_EVENTS.USER_PASSWORD_RESET, at, before: null, after: { username: user.username, mustChangePassword: true } });
  });
}

/**
 * Everyone may change their own password (the current one is required, under the same
 * back-off as the login); other sessions end; a password the administrator set no longer has
 * to be changed.
 */
export async function changePassword(
  ctx: AppContext,
  actor: Actor,
  sessionId: string,
  input: { currentPassword?: unknown; newPassword?: unknown },
  address = 'local',
) {
  const next = checkPassword(ctx, input.newPassword, 'newPassword', actor.username);
  if (typeof input.currentPassword !== 'string' || !input.currentPassword) throw badRequest('请填写当前密码（currentPassword）');
  const reservation = await reservePasswordAttempt(ctx, actor.id, address);
  const user = await repositories(ctx.db).users.findByUsername(actor.username);
  if (!user || !(await verifyPassword(user.password_hash, input.currentPassword))) {
    const at = ctx.now();
    const base = { entityType: 'user' as const, entityId: actor.id, evaluationId: null, actor, at, before: null };
    const locks = lockedKeys(reservation, ctx);
    await inTransaction(ctx, 'record-password-failure', async (r) => {
      await r.auditLog.append({ ...base, action: AUDIT_EVENTS.PASSWORD_CHANGE_FAILED, after: { address } });
      for (const l of locks) await r.auditLog.append({ ...base, action: AUDIT_EVENTS.PASSWORD_CHANGE_LOCKED, after: { address, ...l } });
    });
    throw new JxError('LOGIN_FAILED', '当前密码不正确');
  }
  const same = await verifyPassword(user.password_hash, next);
  const passwordHash = same ? null : await hashPassword(next);
  const at = ctx.now();
  await inTransaction(ctx, 'change-password', async (r) => {
    await r.loginThrottle.markSuccess(reservation.successKey, at);
    await r.loginThrottle.giveBack(reservation.keys.filter((k) => k.key !== reservation.successKey).map((k) => k.key));
    if (!passwordHash) return;
    await r.users.setPasswordHash(actor.id, passwordHash);
    await r.sessions.deleteOtherSessions(actor.id, sessionId);
    await r.auditLog.append({ entityType: 'user', entityId: actor.id, evaluationId: null, actor, action: AUDIT_EVENTS.USER_PASSWORD_CHANGED, at, before: null, after: null });
  });
  if (!passwordHash) throw new JxError('PASSWORD_POLICY', '新密码不能与当前密码相同', [{ field: 'newPassword', message: '新密码不能与当前密码相同' }]);
}
