/**
 * `jixiao audit <file|dir|glob>… [--json] [--fail-on error|warning|none] [--profile id]`:
 * findings of one evaluation as a table, or of many files with a progress bar and a summary.
 */
import { JxError, auditEvaluation, getProfile, isJxError, type AuditResult, type Evaluation, type Finding } from '@jixiao/core';
import { expandInputs } from '../expand-inputs.js';
import { auditJson, type AuditJson } from '../output/audit-json.js';
import { createProgressBar } from '../output/progress-bar.js';
import { renderTable } from '../output/render-table.js';
import { styleFor, type Style } from '../output/style.js';
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
  result: AuditResult;
}

function audit(loaded: LoadedEvaluation, profileRef: string | undefined): Audited {
  const options = profileRef ? { profile: getProfile(profileRef) } : {};
  return { loaded, result: auditEvaluation(loaded.evaluation, options) };
}

function exitFor(results: AuditResult[], failOn: FailOn, hadFileErrors: boolean): number {
  if (hadFileErrors) return 2;
  if (failOn === 'none') return 0;
  const bad = results.some((r) => r.counts.error > 0 || (failOn === 'warning' && r.counts.warning > 0));
  return bad ? 1 : 0;
}

async function auditOne(file: string, json: boolean, failOn: FailOn, profile: string | undefined, io: CliIo): Promise<number> {
  const loaded = await readEvaluationFile(file);
  const a = audit(loaded, profile);
  if (json) io.stdout.write(`${JSON.stringify(auditJson(a.loaded, a.result), null, 2)}\n`);
  else io.stdout.write(renderFindings(a, styleFor(io), Boolean(io.stdout.isTTY)));
  return exitFor([a.result], failOn, false);
}

async function auditMany(files: string[], json: boolean, failOn: FailOn, profile: string | undefined, io: CliIo): Promise<number> {
  const style = styleFor(io);
  const bar = createProgressBar(io, files.length);
  const results: AuditResult[] = [];
  const rows: (string | number)[][] = [];
  let fileErrors = 0;
  for (const file of files) {
    bar.tick(file);
    try {
      const a = audit(await readEvaluationFile(file), profile);
      results.push(a.result);
      const j = auditJson(a.loaded, a.result);
      if (json) io.stdout.write(`${JSON.stringify(j)}\n`);
      else rows.push(summaryRow(j, a.result, style));
    } catch (e) {
      if (!isJxError(e)) throw e;
      fileErrors++;
      if (json) io.stdout.write(`${JSON.stringify({ file, error: e.toJSON() })}\n`);
      else rows.push([file, style.red(`无法读取：${e.message}`), '', '', '', '', '', '']);
    }
  }
  bar.done();
  if (!json) {
    io.stdout.write(
      `${renderTable(['文件', '单位', '年度', '类型', '得分', '等级', '错误', '警告'], rows, {
        colWidths: [30, 28, 6, 6, 8, 6, 6, 6], terminal: Boolean(io.stdout.isTTY) })}\n`,
    );
    const errs = results.reduce((n, r) => n + r.counts.error, 0);
    const warns = results.reduce((n, r) => n + r.counts.warning, 0);
    io.stdout.write(`共 ${files.length} 个文件：检查 ${results.length} 个，无法读取 ${fileErrors} 个；错误 ${errs} 条，警告 ${warns} 条。\n`);
  }
  return exitFor(results, failOn, fileErrors > 0);
}

function summaryRow(j: AuditJson, r: AuditResult, s: Style): (string | number)[] {
  const e = j.evaluation;
  return [
    j.file,
    e.unit ?? '（未署名）',
    e.year,
    e.kind === 'department' ? '部门' : '项目',
    e.figures.selfScore ?? '—',
    e.figures.grade ?? '—',
    r.counts.error > 0 ? s.red(String(r.counts.error)) : '0',
    r.counts.warning > 0 ? s.yellow(String(r.counts.warning)) : '0',
  ];
}

const SEVERITY_ZH = { error: '错误', warning: '警告', info: '提示' } as const;

export function renderFindings(a: Audited, s: Style, terminal = false): string {
  const { loaded, result } = a;
  const ev: Evaluation = loaded.evaluation;
  const out: string[] = [];
  out.push(s.bold(`${ev.unit.name ?? '（报告未写明单位名称）'} ${ev.fiscalYear} 年度${ev.kind === 'department' ? '部门整体支出' : '项目支出'}绩效自评 — 审核`));
  out.push(s.dim(`文件：${loaded.file}　评分规则：${result.profile.name}（${result.profile.id}@${result.profile.version}）`));
  if (result.findings.length === 0) {
    out.push(s.green('未发现问题。'));
    return `${out.join('\n')}\n`;
  }
  const paint = (f: Finding) => (f.severity === 'error' ? s.red : f.severity === 'warning' ? s.yellow : s.cyan);
  const rows = result.findings.map((f) => [
    paint(f)(SEVERITY_ZH[f.severity]),
    f.rule,
    locationText(f),
    f.message,
    f.reported ?? '',
    f.expected ?? '',
    f.difference ?? '',
  ]);
  out.push(renderTable(['级别', '规则', '位置', '说明', '报告值', '复核值', '差异'], rows, { colWidths: [6, 20, 26, 56, 10, 10, 10], terminal }));
  out.push(`错误 ${result.counts.error} 条，警告 ${result.counts.warning} 条，提示 ${result.counts.info} 条。`);
  return `${out.join('\n')}\n`;
}

function locationText(f: Finding): string {
  const parts: string[] = [];
  if (f.location.label) parts.push(f.location.label);
  const src = f.location.source;
  if (src?.line) parts.push(`第 ${src.line} 行${src.snippet ? `「${src.snippet.trim().slice(0, 60)}」` : ''}`);
  return parts.join('\n');
}
