/**
 * `jixiao export <input…> --format docx|xlsx|pdf [--document report|table] [--template id] -o <file|dir>`:
 * the official package — a department's 自评报告 (.docx, PDF) and tables (.xlsx); a project's or
 * transfer's 自评表 (.xlsx with live formulas, .docx, PDF) or, with `--document report`, its
 * 自评报告. With several inputs `-o` is a folder. `--workbook` puts project and transfer inputs
 * into one unit workbook (export-workbook.ts); `--projects <folder>` gives a department report
 * its project chapter. Inputs of any format (JSON or published reports). Several inputs are
 * rendered on a pool of worker threads (`--jobs N`, default one per core), notes in input order.
 * @jixiao/documents is loaded only here, at run time, so other commands never load it.
 */
import { mkdir, stat } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import { JxError, type Evaluation } from '@jixiao/core';
import { exportFile, type BatchResult, type BatchTask } from '../batch/batch-tasks.js';
import { inOrder, parseJobs, runTasks } from '../batch/worker-pool.js';
import { expandInputs } from '../expand-inputs.js';
import { createProgressBar } from '../output/progress-bar.js';
import { parseOptions } from '../parse-options.js';
import type { CliIo, Command } from './command.js';
import { commandInfo } from './index.js';
import { exportWorkbook, readAll } from './export-workbook.js';
import { loadDocuments, type DocumentKind, type DocumentsModule, type ExportOptions, type Format } from './export-documents.js';

const FORMATS: readonly Format[] = ['docx', 'xlsx', 'pdf'];
const DOCUMENTS: readonly DocumentKind[] = ['report', 'table'];

export const exportCommand: Command = {
  ...commandInfo('export'),
  async run(args, io) {
    const { values, positionals } = parseOptions(args, {
      format: { type: 'string', short: 'f' },
      document: { type: 'string', short: 'd' },
      template: { type: 'string', short: 't' },
      output: { type: 'string', short: 'o' },
      workbook: { type: 'boolean', short: 'w' },
      projects: { type: 'string', short: 'p', multiple: true },
      jobs: { type: 'string', short: 'j' },
    });
    const jobs = parseJobs(values.jobs);
    const format = (values.format ?? (values.workbook ? 'xlsx' : undefined)) as Format | undefined;
    if (!format || !FORMATS.includes(format)) throw new JxError('USAGE', `请用 --format 指定 docx、xlsx 或 pdf${values.format ? `（收到“${values.format}”）` : ''}`);
    const document = values.document as DocumentKind | undefined;
    if (document !== undefined && !DOCUMENTS.includes(document)) throw new JxError('USAGE', `--document 只能是 report（自评报告）或 table（自评表），收到“${document}”`);
    if (positionals.length === 0) throw new JxError('USAGE', '请给出要导出的评价文件，如 jixiao export evaluation.json --format docx -o 报告.docx');
    if (!values.output) throw new JxError('USAGE', '请用 -o 指定输出文件（多个输入时为输出文件夹）');
    const projects = values.projects as string[] | undefined;
    if (values.workbook) {
      if (format !== 'xlsx') throw new JxError('USAGE', `--workbook 只生成 .xlsx 工作簿（收到 --format ${format}）`);
      if (projects) throw new JxError('USAGE', '--projects 用于部门自评报告，不能与 --workbook 同用');
    }
    const docs = await loadDocuments();
    if (values.template) docs.loadTemplate(values.template); // unknown template: fail before reading anything
    const files = await expandInputs(positionals, io.cwd);
    if (files.length === 0) throw new JxError('FILE_NOT_FOUND', `没有找到可导出的文件（${positionals.join(' ')}）`);
    const out = resolve(io.cwd, values.output);
    const outInfo = await stat(out).catch(() => null);
    if (values.workbook) return exportWorkbook(docs, files, values.template, out, outInfo, io);
    const children = projects ? await readChildren(projects, io) : undefined;
    const options: Omit<ExportOptions, 'onNote'> = { ...(values.template ? { template: values.template } : {}), ...(document ? { document } : {}), ...(children ? { children } : {}) };
    const single = files.length === 1 && positionals.length === 1 && !/[*?]/.test(positionals[0]!) && files[0] === positionals[0];
    if (children && !single) throw new JxError('USAGE', '--projects 只能用于一个部门评价文件');
    if (single && !outInfo?.isDirectory()) {
      await exportOne(docs, resolve(io.cwd, files[0]!), format, options, out, io, Boolean(children));
      io.stderr.write(`已写入 ${values.output}\n`);
      return 0;
    }
    if (outInfo && !outInfo.isDirectory()) throw new JxError('USAGE', `多个输入时 -o 应为文件夹，${values.output} 是文件`);
    await mkdir(out, { recursive: true });
    return exportMany(files, format, options, out, jobs, io);
  },
};

/** The department's projects for its report's project chapter: every input must read, or nothing is written. */
async function readChildren(inputs: string[], io: CliIo): Promise<Evaluation[]> {
  const files = await expandInputs(inputs, io.cwd);
  if (files.length === 0) throw new JxError('FILE_NOT_FOUND', `--projects 没有找到文件（${inputs.join(' ')}）`);
  const evaluations = await readAll(files, io);
  const dept = evaluations.findIndex((e) => e.kind === 'department');
  if (dept >= 0) throw new JxError('USAGE', `--projects 应为项目或转移支付自评，${files[dept]} 是部门整体自评`);
  return evaluations;
}

async function exportOne(docs: DocumentsModule, file: string, format: Format, options: Omit<ExportOptions, 'onNote'>, target: string, io: CliIo, needsDepartment = false): Promise<void> {
  const notes = await exportFile(docs, { kind: 'export', file, format, options, target, needsDepartment });
  for (const n of notes) io.stderr.write(`说明：${n}\n`);
}

async function exportMany(files: string[], format: Format, options: Omit<ExportOptions, 'onNote'>, dir: string, jobs: number, io: CliIo): Promise<number> {
  const bar = createProgressBar(io, files.length);
  const used = new Set<string>();
  const tasks: BatchTask[] = files.map((file) => {
    let name = `${basename(file, extname(file))}.${format}`;
    for (let i = 2; used.has(name); i++) name = `${basename(file, extname(file))}-${i}.${format}`;
    used.add(name);
    return { kind: 'export', file: resolve(io.cwd, file), format, options: { ...(options.template ? { template: options.template } : {}), ...(options.document ? { document: options.document } : {}) }, target: join(dir, name) };
  });
  let failed = 0;
  // Rendered on a pool of worker threads; notes and failures are written in the order of the files.
  const emit = inOrder((i: number, r: BatchResult) => {
    if (r.ok && r.kind === 'export') for (const n of r.notes) io.stderr.write(`说明：${n}\n`);
    if (!r.ok) {
      failed++;
      io.stderr.write(`${files[i]}：${r.error.message}\n`);
    }
  });
  await runTasks(tasks, jobs, (i, r) => {
    bar.tick(files[i]!);
    emit(i, r);
  });
  bar.done();
  io.stderr.write(`共 ${files.length} 个文件：导出 ${files.length - failed} 个，失败 ${failed} 个（${dir}）。\n`);
  return failed > 0 ? 2 : 0;
}
