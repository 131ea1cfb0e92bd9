/** Accounts and organisation (system administrator), and the own-password change. */
import { Hono } from 'hono';
import { repositories } from '../../repositories/index.js';
import { changePassword, createDepartment, createUnit, createUser, resetPassword } from '../../use-cases/manage-accounts.js';
import { forbidden } from '../../errors.js';
import { listSecurityEvents } from '../../use-cases/list-security-events.js';
import { intParam, intQuery, jsonBody, requireActor, type AppEnv, type ServerOptions } from '../env.js';
import { clientAddress } from '../client-address.js';

export function adminRoutes(opts: ServerOptions) {
  const { ctx } = opts;
  const app = new Hono<AppEnv>();
  app.get('/admin/users', async (c) => {
    const actor = requireActor(c);
    if (actor.role !== 'admin') throw forbidden('只有系统管理员可以查看账号列表');
    const rows = await repositories(ctx.db).users.list();
    return c.json(rows.map((u) => ({ id: u.id, username: u.username, displayName: u.display_name, role: u.role, unitId: u.unit_id, departmentId: u.department_id, bureauId: u.bureau_id, mustChangePassword: u.must_change_password })));
  });
  // The security log: sign-ins, failures, back-offs, password changes and resets, new accounts (page, pageSize ≤ 200, action).
  app.get('/admin/security-events', async (c) =>
    c.json(await listSecurityEvents(ctx, requireActor(c), { page: intQuery(c, 'page'), pageSize: intQuery(c, 'pageSize'), action: c.req.query('action') })),
  );
  app.post('/admin/users', async (c) => c.json(await createUser(ctx, requireActor(c), await jsonBody(c)), 201));
  app.post('/admin/users/:id/password', async (c) => {
    await resetPassword(ctx, requireActor(c), intParam(c, 'id'), await jsonBody(c));
    return c.body(null, 204);
  });
  app.post('/admin/departments', async (c) => c.json(await createDepartment(ctx, requireActor(c), await jsonBody(c)), 201));
  app.post('/admin/units', async (c) => c.json(await createUnit(ctx, requireActor(c), await jsonBody(c)), 201));
  app.post('/auth/password', async (c) => {
    const actor = requireActor(c);
    await changePassword(ctx, actor, c.get('sessionId')!, await jsonBody(c), clientAddress(c, opts.trustProxy));
    return c.body(null, 204);
  });
  return app;
}
