/**
 * For a load balancer or an orchestrator, no login: GET /api/health answers 200 while the
 * process runs (it never touches the database); GET /api/ready answers 200 only when the
 * database answers and its migrations are exactly the ones this version knows, and 503 while
 * the server drains before shutting down.
 */
import { Hono } from 'hono';
import { sql } from 'kysely';
import { MIGRATION_TABLE } from '../../db/migrate.js';
import { isDatabaseUnavailable } from '../../db/database-errors.js';
import { RetryLaterError } from '../../errors.js';
import { MIGRATIONS } from '../../migrations/index.js';
import type { AppEnv, ServerOptions } from '../env.js';

export function healthRoutes(opts: ServerOptions) {
  const app = new Hono<AppEnv>();
  app.get('/health', (c) => c.json({ ok: true }));
  app.get('/ready', async (c) => {
    if (opts.accepting && !opts.accepting()) throw new RetryLaterError('NOT_READY', 5, '服务正在停止');
    let applied: string[];
    try {
      applied = (await sql<{ name: string }>`select name from ${sql.table(MIGRATION_TABLE)}`.execute(opts.ctx.db)).rows.map((r) => r.name);
    } catch (e) {
      if (isDatabaseUnavailable(e)) throw new RetryLaterError('DATABASE_UNAVAILABLE', 5, '数据库暂时无法连接');
      throw e;
    }
    const known = Object.keys(MIGRATIONS);
    const pending = known.filter((n) => !applied.includes(n));
    const unknown = applied.filter((n) => !known.includes(n));
    if (pending.length) throw new RetryLaterError('NOT_READY', 5, `有 ${pending.length} 个数据库迁移尚未执行`);
    if (unknown.length) throw new RetryLaterError('NOT_READY', 60, `数据库来自更新的 jixiao 版本（迁移 ${unknown.join('、')}），请升级本服务`);
    return c.json({ ready: true, migrations: applied.length });
  });
  return app;
}
