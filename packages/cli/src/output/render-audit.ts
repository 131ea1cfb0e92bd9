/** The audit as people read it: each evaluation of a file with its findings, and one summary row per evaluation for a batch. */
import { EVALUATION_KIND_LABELS, type AuditResult, type Evaluation, type Finding } from '@jixiao/core';
import type { AuditJson } from './audit-json.js';
import { renderTable } from './render-table.js';
import type { Style } from './style.js';

const SEVERITY_ZH = { error: '错误', warning: '警告', info: '提示' } as const;
const KIND_SHORT = { department: '部门', project: '项目', transfer: '转移支付' } as const;

function locationText(f: Finding): string {
  const parts: string[] = [];
  if (f.location.label) parts.push(f.location.label);
  const src = f.location.source;
  if (src?.line) parts.push(`第 ${src.line} 行${src.snippet ? `「${src.snippet.trim().slice(0, 60)}」` : ''}`);
  return parts.join('\n');
}

function titleOf(ev: Evaluation): string {
  const unit = ev.unit.name ?? '（报告未写明单位名称）';
  const project = ev.project ? `「${ev.project.name}」` : '';
  return `${unit}${project} ${ev.fiscalYear} 年度${EVALUATION_KIND_LABELS[ev.kind]}绩效自评 — 审核`;
}

export function renderEvaluation(file: string, ev: Evaluation, result: AuditResult, s: Style, terminal: boolean): string {
  const out: string[] = [s.bold(titleOf(ev)), s.dim(`文件：${file}　评分规则：${result.profile.name}（${result.profile.id}@${result.profile.version}）`)];
  if (result.findings.length === 0) {
    out.push(s.green('未发现问题。'));
    return `${out.join('\n')}\n`;
  }
  const paint = (f: Finding) => (f.severity === 'error' ? s.red : f.severity === 'warning' ? s.yellow : s.cyan);
  const rows = result.findings.map((f) => [paint(f)(SEVERITY_ZH[f.severity]), f.rule, locationText(f), f.message, f.reported ?? '', f.expected ?? '', f.difference ?? '']);
  out.push(renderTable(['级别', '规则', '位置', '说明', '报告值', '复核值', '差异'], rows, { colWidths: [6, 20, 26, 56, 10, 10, 10], terminal }));
  out.push(`错误 ${result.counts.error} 条，警告 ${result.counts.warning} 条，提示 ${result.counts.info} 条。`);
  return `${out.join('\n')}\n`;
}

/** Every evaluation of one file, the main one first; a line says how many the file holds. */
export function renderFile(file: string, evaluations: Evaluation[], results: AuditResult[], main: number, s: Style, terminal: boolean): string {
  const order = [main, ...evaluations.map((_, i) => i).filter((i) => i !== main)];
  const parts = order.map((i) => renderEvaluation(file, evaluations[i]!, results[i]!, s, terminal));
  if (evaluations.length > 1) parts.unshift(s.dim(`本文件含 ${evaluations.length} 份评价，逐一审核如下。\n`));
  return parts.join('\n');
}

/** Summary rows of a batch: one per evaluation of each file. */
export function summaryRows(j: AuditJson, s: Style): (string | number)[][] {
  return j.evaluations.map((e, i) => [
    i === 0 ? j.file : `  └ ${e.project?.name ?? j.file}`,
    e.unit ?? '（未署名）',
    e.year,
    KIND_SHORT[e.kind],
    e.figures.selfScore ?? '—',
    e.figures.grade ?? '—',
    e.counts.error > 0 ? s.red(String(e.counts.error)) : '0',
    e.counts.warning > 0 ? s.yellow(String(e.counts.warning)) : '0',
  ]);
}
