/**
 * `jixiao export <input…> --format docx|xlsx|pdf [--template id] -o <file|dir>`: the official
 * package — 自评报告 (.docx), 自评表/基础数据表 (.xlsx) or PDF — in a jurisdiction's template.
 * Inputs of any format (JSON or published reports). With several inputs `-o` is a folder.
 * @jixiao/documents is loaded only here, at run time, so other commands never load it.
 */
import { mkdir, rename, stat, writeFile } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import { JxError, isJxError, type Evaluation } from '@jixiao/core';
import { expandInputs } from '../expand-inputs.js';
import { createProgressBar } from '../output/progress-bar.js';
import { parseOptions } from '../parse-options.js';
import { readEvaluationFile } from '../read-evaluation-file.js';
import type { CliIo, Command } from './command.js';

const FORMATS = ['docx', 'xlsx', 'pdf'] as const;
type Format = (typeof FORMATS)[number];

interface DocumentsModule {
  exportEvaluation(evaluation: Evaluation, format: Format, options: { template?: string; onNote?: (note: string) => void }): Promise<Uint8Array>;
  loadTemplate(id: string): unknown;
}

async function loadDocuments(): Promise<DocumentsModule> {
  try {
    const specifier = '@jixiao/documents'; // resolved at run time: only `export` needs it
    return (await import(specifier)) as DocumentsModule;
  } catch (e) {
    throw new JxError('UNSUPPORTED_FORMAT', `导出文档需要 @jixiao/documents 模块（${e instanceof Error ? e.message : String(e)}）`);
  }
}

/** Write through a temporary file so an interrupted run never leaves half a file behind. */
async function writeAtomic(target: string, bytes: Uint8Array): Promise<void> {
  const tmp = `${target}.${process.pid}.tmp`;
  await writeFile(tmp, bytes);
  await rename(tmp, target);
}

export const exportCommand: Command = {
  name: 'export',
  summary: '生成正式材料：自评报告（.docx）、自评表与基础数据表（.xlsx）或 PDF，按地区模板',
  usage: [
    'jixiao export <评价文件> --format docx|xlsx|pdf [--template 模板] -o <输出文件>',
    'jixiao export <文件…|文件夹> --format docx|xlsx|pdf [--template 模板] -o <输出文件夹>',
  ],
  async run(args, io) {
    const { values, positionals } = parseOptions(args, {
      format: { type: 'string', short: 'f' },
      template: { type: 'string', short: 't' },
      output: { type: 'string', short: 'o' },
    });
    const format = values.format as Format | undefined;
    if (!format || !FORMATS.includes(format)) throw new JxError('USAGE', `请用 --format 指定 docx、xlsx 或 pdf${values.format ? `（收到“${values.format}”）` : ''}`);
    if (positionals.length === 0) throw new JxError('USAGE', '请给出要导出的评价文件，如 jixiao export evaluation.json --format docx -o 报告.docx');
    if (!values.output) throw new JxError('USAGE', '请用 -o 指定输出文件（多个输入时为输出文件夹）');
    const docs = await loadDocuments();
    if (values.template) docs.loadTemplate(values.template); // unknown template: fail before reading anything
    const files = await expandInputs(positionals, io.cwd);
    if (files.length === 0) throw new JxError('FILE_NOT_FOUND', `没有找到可导出的文件（${positionals.join(' ')}）`);
    const out = resolve(io.cwd, values.output);
    const single = files.length === 1 && positionals.length === 1 && !/[*?]/.test(positionals[0]!) && files[0] === positionals[0];
    const outInfo = await stat(out).catch(() => null);
    if (single && !outInfo?.isDirectory()) {
      await exportOne(docs, resolve(io.cwd, files[0]!), format, values.template, out, io);
      io.stderr.write(`已写入 ${values.output}\n`);
      return 0;
    }
    if (outInfo && !outInfo.isDirectory()) throw new JxError('USAGE', `多个输入时 -o 应为文件夹，${values.output} 是文件`);
    await mkdir(out, { recursive: true });
    return exportMany(docs, files, format, values.template, out, io);
  },
};

async function exportOne(docs: DocumentsModule, file: string, format: Format, template: string | undefined, target: string, io: CliIo): Promise<void> {
  const loaded = await readEvaluationFile(file);
  const notes = new Set<string>();
  const bytes = await docs.exportEvaluation(loaded.evaluation, format, { ...(template ? { template } : {}), onNote: (n) => notes.add(n) });
  await writeAtomic(target, bytes);
  for (const n of notes) io.stderr.write(`说明：${n}\n`);
}

async function exportMany(docs: DocumentsModule, files: string[], format: Format, template: string | undefined, dir: string, io: CliIo): Promise<number> {
  const bar = createProgressBar(io, files.length);
  const used = new Set<string>();
  let failed = 0;
  for (const file of files) {
    bar.tick(file);
    let name = `${basename(file, extname(file))}.${format}`;
    for (let i = 2; used.has(name); i++) name = `${basename(file, extname(file))}-${i}.${format}`;
    used.add(name);
    try {
      await exportOne(docs, resolve(io.cwd, file), format, template, join(dir, name), io);
    } catch (e) {
      if (!isJxError(e)) throw e;
      failed++;
      io.stderr.write(`${file}：${e.message}\n`);
    }
  }
  bar.done();
  io.stderr.write(`共 ${files.length} 个文件：导出 ${files.length - failed} 个，失败 ${failed} 个（${dir}）。\n`);
  return failed > 0 ? 2 : 0;
}
