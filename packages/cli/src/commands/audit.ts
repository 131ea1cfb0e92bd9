/**
 * `jixiao audit <file|dir|glob>… [--json] [--fail-on error|warning|none] [--profile id]`:
 * findings of one evaluation as a table, or of many files with a progress bar and a summary.
 */
import { JxError, auditEvaluation, getProfile, isJxError, type AuditResult } from '@jixiao/core';
import { expandInputs } from '../expand-inputs.js';
import { auditJson } from '../output/audit-json.js';
import { renderFile, summaryRows } from '../output/render-audit.js';
import { createProgressBar } from '../output/progress-bar.js';
import { renderTable } from '../output/render-table.js';
import { styleFor } from '../output/style.js';
import { oneOf, parseOptions } from '../parse-options.js';
import { readEvaluationFile, type LoadedEvaluation } from '../read-evaluation-file.js';
import type { CliIo, Command } from './command.js';

const FAIL_ON = ['error', 'warning', 'none'] as const;
type FailOn = (typeof FAIL_ON)[number];

export const auditCommand: Command = {
  name: 'audit',
  summary: '像资深审核人员一样检查评价（算术、完整性、一致性、合理性、格式）',
  usage: [
    'jixiao audit <evaluation.json|报告.txt/.docx/.pdf/.xlsx> [--json] [--fail-on error|warning|none] [--profile 规则]',
    'jixiao audit <文件夹或通配符>…   批量检查，显示进度和汇总表；--json 时每个文件输出一行 JSON',
  ],
  async run(args, io) {
    const { values, positionals } = parseOptions(args, {
      json: { type: 'boolean', default: false },
      'fail-on': { type: 'string' },
      profile: { type: 'string' },
    });
    const failOn = oneOf(values['fail-on'], FAIL_ON, '--fail-on', 'error');
    if (positionals.length === 0) throw new JxError('USAGE', '请给出要检查的文件、文件夹或通配符');
    if (values.profile) getProfile(values.profile); // unknown profile: fail before reading anything
    const files = await expandInputs(positionals, io.cwd);
    if (files.length === 0) throw new JxError('FILE_NOT_FOUND', `没有找到可检查的文件（${positionals.join(' ')}）`);
    const single = files.length === 1 && positionals.length === 1 && !/[*?]/.test(positionals[0]!) && files[0] === positionals[0];
    if (single) return auditOne(files[0]!, values.json ?? false, failOn, values.profile, io);
    return auditMany(files, values.json ?? false, failOn, values.profile, io);
  },
};

interface Audited {
  loaded: LoadedEvaluation;
  /** One audit per evaluation of the file, in the same order. */
  results: AuditResult[];
  main: number;
}

function audit(loaded: LoadedEvaluation, profileRef: string | undefined): Audited {
  const options = profileRef ? { profile: getProfile(profileRef) } : {};
  const results = loaded.evaluations.map((ev) => auditEvaluation(ev, options));
  return { loaded, results, main: Math.max(0, loaded.evaluations.indexOf(loaded.evaluation)) };
}

function exitFor(results: AuditResult[], failOn: FailOn, hadFileErrors: boolean): number {
  if (hadFileErrors) return 2;
  if (failOn === 'none') return 0;
  const bad = results.some((r) => r.counts.error > 0 || (failOn === 'warning' && r.counts.warning > 0));
  return bad ? 1 : 0;
}

async function auditOne(file: string, json: boolean, failOn: FailOn, profile: string | undefined, io: CliIo): Promise<number> {
  const a = audit(await readEvaluationFile(file), profile);
  if (json) io.stdout.write(`${JSON.stringify(auditJson(a.loaded, a.results), null, 2)}\n`);
  else io.stdout.write(renderFile(a.loaded.file, a.loaded.evaluations, a.results, a.main, styleFor(io), Boolean(io.stdout.isTTY)));
  return exitFor(a.results, failOn, false);
}

function writeSummary(io: CliIo, rows: (string | number)[][], results: AuditResult[], files: number, read: number, fileErrors: number): void {
  io.stdout.write(
    `${renderTable(['文件', '单位', '年度', '类型', '得分', '等级', '错误', '警告'], rows, {
      colWidths: [30, 28, 6, 8, 8, 6, 6, 6], terminal: Boolean(io.stdout.isTTY) })}\n`,
  );
  const errs = results.reduce((n, r) => n + r.counts.error, 0);
  const warns = results.reduce((n, r) => n + r.counts.warning, 0);
  const evals = results.length > read ? `（共 ${results.length} 份评价）` : '';
  io.stdout.write(`共 ${files} 个文件：检查 ${read} 个${evals}，无法读取 ${fileErrors} 个；错误 ${errs} 条，警告 ${warns} 条。\n`);
}

async function auditMany(files: string[], json: boolean, failOn: FailOn, profile: string | undefined, io: CliIo): Promise<number> {
  const style = styleFor(io);
  const bar = createProgressBar(io, files.length);
  const results: AuditResult[] = [];
  const rows: (string | number)[][] = [];
  let fileErrors = 0;
  let read = 0;
  for (const file of files) {
    bar.tick(file);
    try {
      const a = audit(await readEvaluationFile(file), profile);
      results.push(...a.results);
      read++;
      const j = auditJson(a.loaded, a.results);
      if (json) io.stdout.write(`${JSON.stringify(j)}\n`);
      else rows.push(...summaryRows(j, style));
    } catch (e) {
      if (!isJxError(e)) throw e;
      fileErrors++;
      if (json) io.stdout.write(`${JSON.stringify({ file, error: e.toJSON() })}\n`);
      else rows.push([file, style.red(`无法读取：${e.message}`), '', '', '', '', '', '']);
    }
  }
  bar.done();
  if (!json) writeSummary(io, rows, results, files.length, read, fileErrors);
  return exitFor(results, failOn, fileErrors > 0);
}
