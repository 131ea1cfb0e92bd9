/**
 * The registry of `jixiao` sub-commands, in help order: what the help screen shows, and how to
 * load each command. A command's module (and what it imports: core, the importer, documents,
 * the server) is loaded only when that command runs, so `jixiao --help` loads none of them.
 */
import type { Command, CommandInfo } from './command.js';

interface Entry extends CommandInfo {
  load(): Promise<Command>;
}

export const COMMANDS: readonly Entry[] = [
  {
    name: 'score',
    summary: '按评分规则计算指标得分、总分和评价等级',
    usage: ['jixiao score <evaluation.json|报告文件> [--profile 规则] [--json]'],
    load: async () => (await import('./score.js')).scoreCommand,
  },
  {
    name: 'audit',
    summary: '像资深审核人员一样检查评价（算术、完整性、一致性、合理性、格式）',
    usage: [
      'jixiao audit <evaluation.json|报告.txt/.docx/.pdf/.xlsx> [--json] [--fail-on error|warning|none] [--profile 规则]',
      'jixiao audit <文件夹或通配符>… [--jobs N]   批量检查（默认每个 CPU 核一个线程），显示进度和汇总表；--json 时每个文件按输入顺序输出一行 JSON',
      'jixiao audit <部门评价文件> --projects <项目文件…|文件夹>   连同所属项目、转移支付自评表检查部门报告的项目汇总',
    ],
    load: async () => (await import('./audit.js')).auditCommand,
  },
  {
    name: 'profiles',
    summary: '列出各地评分规则及其差异',
    usage: ['jixiao profiles [--json]'],
    load: async () => (await import('./profiles.js')).profilesCommand,
  },
  {
    name: 'import',
    summary: '读取已发布的自评报告（.txt .docx .pdf .xlsx），还原为评价数据（JSON）',
    usage: ['jixiao import <报告文件> [-o evaluation.json]'],
    load: async () => (await import('./import.js')).importCommand,
  },
  {
    name: 'export',
    summary: '生成正式材料：部门自评报告与自评表、项目与转移支付自评表（.xlsx/.docx/PDF）、单位项目工作簿，按地区模板',
    usage: [
      'jixiao export <评价文件> --format docx|xlsx|pdf [--document report|table] [--template 模板] -o <输出文件>',
      'jixiao export <文件…|文件夹> --format docx|xlsx|pdf [--document report|table] [--template 模板] [--jobs N] -o <输出文件夹>',
      'jixiao export <项目文件…|文件夹> --workbook [--template 模板] -o <单位工作簿.xlsx>',
      'jixiao export <部门评价文件> --format docx|pdf --projects <项目文件…|文件夹> -o <报告.docx>',
    ],
    load: async () => (await import('./export.js')).exportCommand,
  },
  {
    name: 'serve',
    summary: '启动网页服务（默认内嵌数据库；设置 DATABASE_URL 使用 PostgreSQL）',
    usage: [
      'jixiao serve [--port 3000] [--host 127.0.0.1] [--data-dir ./.jixiao-data] [--database-url postgres://…] [--demo | --no-demo]',
      'jixiao serve --database-url postgres://… [--workers N]   多个服务进程共用一个端口和一个 PostgreSQL（默认每个 CPU 核一个；内嵌数据库只能一个）',
      '环境变量：PORT、HOST、JIXIAO_DATA_DIR、DATABASE_URL、DATABASE_READ_URL（只读副本）、JIXIAO_DEMO=1/0、JIXIAO_ADMIN_PASSWORD、JIXIAO_SECURE_COOKIES=1、JIXIAO_TRUST_PROXY=1、JIXIAO_BACKUP_DIR（见 docs/SERVER.md）',
      '演示数据只在本机地址（127.0.0.1）且非 NODE_ENV=production 时默认载入；其他地址须 --demo 明确要求。',
    ],
    load: async () => (await import('./serve.js')).serveCommand,
  },
  {
    name: 'backup',
    summary: '备份数据库到一个 JSON 文件（--verify：校验已有备份能否完整恢复）',
    usage: [
      'jixiao backup <file.json> [--data-dir ./.jixiao-data | --database-url postgres://…]',
      'jixiao backup --verify <file.json>',
    ],
    load: async () => (await import('./backup.js')).backupCommand,
  },
  {
    name: 'restore',
    summary: '从备份文件恢复到空数据库（一个事务：失败时目标保持原样）',
    usage: ['jixiao restore <file.json> [--data-dir ./新数据目录 | --database-url postgres://…]'],
    load: async () => (await import('./restore.js')).restoreCommand,
  },
  {
    name: 'audit-log',
    summary: '校验审计日志的哈希链（发现被修改或删除的记录）',
    usage: ['jixiao audit-log verify [--data-dir ./.jixiao-data | --database-url postgres://…] [--expect-head <id>:<hash>] [--json]'],
    load: async () => (await import('./audit-log.js')).auditLogCommand,
  },
];

/** The help-screen part of a command (its module spreads it into the Command it exports). */
export function commandInfo(name: string): CommandInfo {
  const e = COMMANDS.find((c) => c.name === name);
  if (!e) throw new Error(`command ${name} is not listed in commands/index.ts`);
  return { name: e.name, summary: e.summary, usage: e.usage };
}
