/**
 * Model paths in Chinese for people: "indicators.0.children.1.children.2.actual" →
 * "产出指标 › 质量指标 › 培训合格率 › 实际完成值"; used by the merge notice after a version
 * conflict and by input findings on indicator cells (the row named, not just the column).
 */
import { labelForPath, type Evaluation } from '@jixiao/core';
import type { FindingJson } from '../api/types.js';
import { fundCellLabel } from './fund-rows.js';

const FIELD = (seg: string) => labelForPath([seg]) ?? seg;

function indicatorLabel(ev: Evaluation, segs: string[]): string | null {
  if (segs[0] !== 'indicators' || segs[1] === undefined) return null;
  const l1 = ev.indicators[Number(segs[1])];
  if (!l1) return null;
  const names = [l1.name || `第 ${Number(segs[1]) + 1} 个一级指标`];
  let rest = segs.slice(2);
  if (rest[0] === 'children' && rest[1] !== undefined) {
    const l2 = l1.children[Number(rest[1])];
    names.push(l2?.name || `第 ${Number(rest[1]) + 1} 个二级指标`);
    rest = rest.slice(2);
    if (rest[0] === 'children' && rest[1] !== undefined) {
      const leaf = l2?.children[Number(rest[1])];
      names.push(leaf?.name || `第 ${Number(rest[1]) + 1} 个三级指标`);
      rest = rest.slice(2);
    }
  }
  return [...names, ...rest.map(FIELD)].join(' › ');
}

export function pathLabel(ev: Evaluation | null, path: string): string {
  const segs = path.split('.');
  if (ev) {
    const fund = fundCellLabel(ev, path);
    if (fund) return fund;
    const ind = indicatorLabel(ev, segs);
    if (ind) return ind;
    if (segs[0] === 'chapters' && segs[1] !== undefined) return `报告正文 › ${ev.chapters[Number(segs[1])]?.title ?? `第 ${Number(segs[1]) + 1} 章`}`;
    if (segs[0] === 'team' && segs[1] !== undefined) return `评价工作组 › 第 ${Number(segs[1]) + 1} 人${segs[2] ? ` › ${FIELD(segs[2])}` : ''}`;
    if (segs[0] === 'goals' && segs[1] !== undefined) return `年度总体目标 ${Number(segs[1]) + 1}${segs[2] ? ` › ${FIELD(segs[2])}` : ''}`;
  }
  const words = segs.filter((s) => !/^\d+$/.test(s)).map((s) => labelForPath([s])).filter(Boolean);
  return words.length ? [...new Set(words)].join(' › ') : path;
}

/** Input findings on indicator cells name their row ("产出指标 › 分值", "… › 培训人次 › 实际完成值"). */
export function nameIndicatorRows(findings: FindingJson[], ev: Evaluation | null): FindingJson[] {
  if (!ev) return findings;
  let changed = false;
  const out = findings.map((f) => {
    const p = f.location.path;
    if (f.rule !== 'input' || !p || !p.startsWith('indicators.')) return f;
    const label = indicatorLabel(ev, p.split('.'));
    if (!label) return f;
    changed = true;
    return { ...f, location: { ...f.location, label }, message: f.message.startsWith(label) ? f.message : `${label}：${f.message}` };
  });
  return changed ? out : findings;
}
