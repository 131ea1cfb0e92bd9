/**
 * `jixiao audit-log verify`: walks the whole audit log in order and recomputes its hash chain.
 * Exit 0 when every entry matches its hash and links to the one before; exit 2 naming the
 * first broken entries otherwise. Prints the chain head: note it down (or keep the backups,
 * which record it) — a chain rewritten from an edited entry to the end can only be caught
 * against a head recorded earlier (`--expect-head <id>:<hash>`).
 */
import { JxError } from '@jixiao/core';
import { parseOptions } from '../parse-options.js';
import type { Command } from './command.js';
import { commandInfo } from './index.js';
import { DB_OPTIONS, databaseTarget, loadServerModule } from './serve.js';

export const auditLogCommand: Command = {
  ...commandInfo('audit-log'),
  async run(args, io) {
    const { values, positionals } = parseOptions(args, { ...DB_OPTIONS, json: { type: 'boolean', default: false }, 'expect-head': { type: 'string' } });
    if (positionals[0] !== 'verify' || positionals.length > 1) throw new JxError('USAGE', '用法：jixiao audit-log verify');
    const anchor = values['expect-head'];
    if (anchor !== undefined && !/^\d+:[0-9a-f]{64}$/.test(anchor)) throw new JxError('USAGE', '--expect-head 应为 <编号>:<64 位十六进制哈希>，如 jixiao audit-log verify 的输出或备份文件中的 auditHead');
    const server = await loadServerModule();
    const database = await server.openDatabase({ ...databaseTarget(values, io, server.DEFAULT_DATA_DIR), migrate: false });
    let report: Awaited<ReturnType<typeof server.verifyAuditLog>>;
    try {
      report = await server.verifyAuditLog(database.db, anchor ? { id: Number(anchor.split(':')[0]), hash: anchor.split(':')[1]! } : undefined);
    } finally {
      await database.close();
    }
    if (values.json) io.stdout.write(`${JSON.stringify(report)}\n`);
    if (report.broken.length) {
      const list = report.broken.slice(0, 10).map((b) => `#${b.id}（${b.problem === 'hash' ? '内容与哈希不符' : b.problem === 'link' ? '与前一条的链接断开' : '与记录下的链头不符'}）`);
      throw new JxError('AUDIT_CHAIN_BROKEN', `${list.join('、')}${report.broken.length > 10 ? ` 等 ${report.broken.length} 处` : ''}`);
    }
    if (!values.json) {
      io.stdout.write(`审计日志完整：${report.entries} 条记录，哈希链无断裂。\n`);
      if (report.head) io.stdout.write(`链头：${report.head.id}:${report.head.hash}\n（请记下链头；下次校验时用 --expect-head 比对，可发现从某条起整段重写的篡改）\n`);
    }
    return 0;
  },
};
