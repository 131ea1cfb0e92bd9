/**
 * `jixiao audit <部门评价> --projects <项目文件…|文件夹>`: a department evaluation audited with
 * its project and transfer evaluations (core `auditEvaluation(ev, { children })`), so the
 * department report's stated project figures — 项目个数, project spending, 开展自评的项目个数,
 * coverage, average and lowest score — are checked against the roll-up of the projects.
 */
import { resolve } from 'node:path';
import { EVALUATION_KIND_LABELS, JxError, auditEvaluation, getProfile, isJxError, type AuditResult, type Evaluation } from '@jixiao/core';
import type { CliIo } from './commands/command.js';
import { expandInputs } from './expand-inputs.js';
import { readEvaluationFile, type LoadedEvaluation } from './read-evaluation-file.js';

/**
 * The project and transfer evaluations of the inputs (files, folders, globs): every evaluation
 * each file holds. All must read, and none may be a department evaluation, or nothing is audited.
 */
export async function readProjectEvaluations(inputs: readonly string[], io: CliIo): Promise<Evaluation[]> {
  const files = await expandInputs([...inputs], io.cwd);
  if (files.length === 0) throw new JxError('FILE_NOT_FOUND', `--projects 没有找到文件（${inputs.join(' ')}）`);
  const out: Evaluation[] = [];
  const failures: string[] = [];
  for (const file of files) {
    try {
      const loaded = await readEvaluationFile(resolve(io.cwd, file));
      const dept = loaded.evaluations.find((e) => e.kind === 'department');
      if (dept) throw new JxError('USAGE', `--projects 应为项目支出或转移支付自评，${file} 是部门整体自评`);
      out.push(...loaded.evaluations);
    } catch (e) {
      if (!isJxError(e) || e.code === 'USAGE') throw e;
      failures.push(`${file}：${e.message}`);
    }
  }
  if (failures.length > 0) {
    for (const f of failures) io.stderr.write(`${f}\n`);
    throw new JxError('FILE_UNREADABLE', `--projects 中有 ${failures.length} 个文件无法读取，未做检查`);
  }
  return out;
}

interface Audited {
  loaded: LoadedEvaluation;
  results: AuditResult[];
  main: number;
}

/** The file's main evaluation, which must be a department evaluation, audited again with its projects. */
export function auditWithProjects<T extends Audited>(a: T, children: readonly Evaluation[], profileRef: string | undefined): T {
  const ev = a.loaded.evaluations[a.main]!;
  if (ev.kind !== 'department') {
    throw new JxError('USAGE', `--projects 用于部门整体自评，${a.loaded.file} 是${EVALUATION_KIND_LABELS[ev.kind]}绩效自评`);
  }
  const results = [...a.results];
  results[a.main] = auditEvaluation(ev, { children, ...(profileRef ? { profile: getProfile(profileRef) } : {}) });
  return { ...a, results };
}

/** One line saying what the department was checked against: "按所属 3 份自评表（项目支出 2 份、转移支付 1 份）核对…". */
export function projectsLine(children: readonly Evaluation[]): string {
  const by = (kind: Evaluation['kind']) => children.filter((c) => c.kind === kind).length;
  const parts = (['project', 'transfer'] as const).filter((k) => by(k) > 0).map((k) => `${EVALUATION_KIND_LABELS[k]} ${by(k)} 份`);
  return `按所属 ${children.length} 份自评表（${parts.join('、') || '无'}）核对部门报告的项目个数、项目支出、开展自评的项目个数和得分。\n`;
}
