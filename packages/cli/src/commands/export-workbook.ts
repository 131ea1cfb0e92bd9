/**
 * `jixiao export <project files…|folder> --workbook -o unit.xlsx`: every project and transfer
 * evaluation into one unit workbook — the 项目自评结果汇总表 and one sheet per project. All or
 * nothing: an input that cannot be read, or a department evaluation among the inputs, is
 * reported (every one of them, with its file) and no workbook is written.
 */
import type { Stats } from 'node:fs';
import { resolve } from 'node:path';
import { JxError, isJxError, type Evaluation } from '@jixiao/core';
import { createProgressBar } from '../output/progress-bar.js';
import { readEvaluationFile } from '../read-evaluation-file.js';
import type { CliIo } from './command.js';
import { writeAtomic, type DocumentsModule } from './export-documents.js';

/** Read every file; a file that cannot be read is reported and the whole run fails after the last one. */
export async function readAll(files: string[], io: CliIo): Promise<Evaluation[]> {
  const bar = createProgressBar(io, files.length);
  const out: Evaluation[] = [];
  const failures: string[] = [];
  for (const file of files) {
    bar.tick(file);
    try {
      out.push((await readEvaluationFile(resolve(io.cwd, file))).evaluation);
    } catch (e) {
      if (!isJxError(e)) throw e;
      failures.push(`${file}：${e.message}`);
    }
  }
  bar.done();
  if (failures.length > 0) {
    for (const f of failures) io.stderr.write(`${f}\n`);
    throw new JxError('FILE_UNREADABLE', `${failures.length} 个文件无法读取，未生成任何文件`);
  }
  return out;
}

export async function exportWorkbook(docs: DocumentsModule, files: string[], template: string | undefined, out: string, outInfo: Stats | null, io: CliIo): Promise<number> {
  if (outInfo?.isDirectory()) throw new JxError('USAGE', `--workbook 时 -o 应为 .xlsx 文件，${out} 是文件夹`);
  const evaluations = await readAll(files, io);
  const departments = evaluations.flatMap((e, i) => (e.kind === 'department' ? [files[i]!] : []));
  if (departments.length > 0) {
    throw new JxError('USAGE', `单位工作簿只收项目支出和转移支付自评，以下是部门整体自评：${departments.join('、')}；未生成任何文件`);
  }
  const bytes = await docs.renderUnitProjectsWorkbook(evaluations, template ? { template } : {});
  await writeAtomic(out, bytes);
  io.stderr.write(`已写入 ${out}（项目自评结果汇总表 + ${evaluations.length} 个项目工作表）\n`);
  return 0;
}
