/**
 * `jixiao audit <file|dir|glob>… [--json] [--fail-on error|warning|none] [--profile id] [--jobs N]`
 * (`--projects <files|folder>`: a department evaluation with its project evaluations):
 * findings of one evaluation as a table, or of many files with a progress bar and a summary — the
 * files audited on a pool of worker threads (one per core by default), output in input order.
 */
import { JxError, getProfile, type AuditResult, type Evaluation } from '@jixiao/core';
import { auditWithProjects, projectsLine, readProjectEvaluations } from '../audit-with-projects.js';
import { auditLoaded, type BatchResult } from '../batch/batch-tasks.js';
import { inOrder, parseJobs, runTasks } from '../batch/worker-pool.js';
import { expandInputs } from '../expand-inputs.js';
import { auditJson, type AuditJson } from '../output/audit-json.js';
import { renderFile, summaryRows } from '../output/render-audit.js';
import { createProgressBar } from '../output/progress-bar.js';
import { renderTable } from '../output/render-table.js';
import { styleFor } from '../output/style.js';
import { oneOf, parseOptions } from '../parse-options.js';
import { readEvaluationFile } from '../read-evaluation-file.js';
import type { CliIo, Command } from './command.js';
import { commandInfo } from './index.js';

const FAIL_ON = ['error', 'warning', 'none'] as const;
type FailOn = (typeof FAIL_ON)[number];

export const auditCommand: Command = {
  ...commandInfo('audit'),
  async run(args, io) {
    const { values, positionals } = parseOptions(args, {
      json: { type: 'boolean', default: false },
      'fail-on': { type: 'string' },
      profile: { type: 'string' },
      jobs: { type: 'string', short: 'j' },
      projects: { type: 'string', short: 'p', multiple: true },
    });
    const jobs = parseJobs(values.jobs);
    const failOn = oneOf(values['fail-on'], FAIL_ON, '--fail-on', 'error');
    if (positionals.length === 0) throw new JxError('USAGE', '请给出要检查的文件、文件夹或通配符');
    if (values.profile) getProfile(values.profile); // unknown profile: fail before reading anything
    const files = await expandInputs(positionals, io.cwd);
    if (files.length === 0) throw new JxError('FILE_NOT_FOUND', `没有找到可检查的文件（${positionals.join(' ')}）`);
    const single = files.length === 1 && positionals.length === 1 && !/[*?]/.test(positionals[0]!) && files[0] === positionals[0];
    const projects = values.projects as string[] | undefined;
    if (projects && !single) throw new JxError('USAGE', '--projects 只能用于一个部门整体自评文件');
    const children = projects ? await readProjectEvaluations(projects, io) : undefined;
    if (single) return auditOne(files[0]!, values.json ?? false, failOn, values.profile, io, children);
    return auditMany(files, values.json ?? false, failOn, values.profile, jobs, io);
  },
};

type Counts = Pick<AuditResult['counts'], 'error' | 'warning'>;

function exitFor(results: Counts[], failOn: FailOn, hadFileErrors: boolean): number {
  if (hadFileErrors) return 2;
  if (failOn === 'none') return 0;
  const bad = results.some((r) => r.error > 0 || (failOn === 'warning' && r.warning > 0));
  return bad ? 1 : 0;
}

async function auditOne(file: string, json: boolean, failOn: FailOn, profile: string | undefined, io: CliIo, children?: Evaluation[]): Promise<number> {
  let a = auditLoaded(await readEvaluationFile(file), profile);
  if (children) {
    a = auditWithProjects(a, children, profile);
    if (!json) io.stdout.write(projectsLine(children));
  }
  if (json) io.stdout.write(`${JSON.stringify(auditJson(a.loaded, a.results), null, 2)}\n`);
  else io.stdout.write(renderFile(a.loaded.file, a.loaded.evaluations, a.results, a.main, styleFor(io), Boolean(io.stdout.isTTY)));
  return exitFor(a.results.map((r) => r.counts), failOn, false);
}

function writeSummary(io: CliIo, rows: (string | number)[][], results: Counts[], files: number, read: number, fileErrors: number): void {
  io.stdout.write(
    `${renderTable(['文件', '单位', '年度', '类型', '得分', '等级', '错误', '警告'], rows, {
      colWidths: [30, 28, 6, 8, 8, 6, 6, 6], terminal: Boolean(io.stdout.isTTY) })}\n`,
  );
  const errs = results.reduce((n, r) => n + r.error, 0);
  const warns = results.reduce((n, r) => n + r.warning, 0);
  const evals = results.length > read ? `（共 ${results.length} 份评价）` : '';
  io.stdout.write(`共 ${files} 个文件：检查 ${read} 个${evals}，无法读取 ${fileErrors} 个；错误 ${errs} 条，警告 ${warns} 条。\n`);
}

async function auditMany(files: string[], json: boolean, failOn: FailOn, profile: string | undefined, jobs: number, io: CliIo): Promise<number> {
  const style = styleFor(io);
  const bar = createProgressBar(io, files.length);
  const results: Counts[] = [];
  const rows: (string | number)[][] = [];
  let fileErrors = 0;
  let read = 0;
  // Results arrive as workers finish; they are written in the order of the files.
  const emit = inOrder((i: number, r: BatchResult) => {
    const file = files[i]!;
    if (r.kind === 'audit' && r.ok) {
      results.push(...r.counts);
      read++;
      if (json) io.stdout.write(`${r.json}\n`);
      else rows.push(...summaryRows(JSON.parse(r.json) as AuditJson, style));
    } else if (!r.ok) {
      fileErrors++;
      if (json) io.stdout.write(`${JSON.stringify({ file, error: r.error.json })}\n`);
      else rows.push([file, style.red(`无法读取：${r.error.message}`), '', '', '', '', '', '']);
    }
  });
  await runTasks(files.map((file) => ({ kind: 'audit', file, profile })), jobs, (i, r) => {
    bar.tick(files[i]!);
    emit(i, r);
  });
  bar.done();
  if (!json) writeSummary(io, rows, results, files.length, read, fileErrors);
  return exitFor(results, failOn, fileErrors > 0);
}
