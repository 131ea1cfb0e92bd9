/** Names of the rows of a funds table, so a bad cell's message says which row it is in. */
import { FUND_SOURCE_LABELS, type Evaluation, type FundSource } from '@jixiao/core';
import type { FindingJson } from '../api/types.js';

const COLUMN_LABELS: Record<string, string> = {
  initial: '年初预算数',
  adjusted: '全年预算数',
  executed: '全年执行数',
  arrived: '资金到位数',
  statedRate: '执行率',
};

/** A source row's name: the unit's own label as printed, else core's name of the source (FUND_SOURCE_LABELS). */
export function sourceLabel(source: FundSource, own?: string | null): string {
  return own?.trim() || FUND_SOURCE_LABELS[source] || source;
}

export function fundRowName(ev: Pick<Evaluation, 'funds'>, i: number): string {
  const r = ev.funds.bySource[i];
  if (!r) return `第 ${i + 1} 行资金`;
  return `其中：${sourceLabel(r.source, r.label)}`;
}

/** "其中：上年结转 › 全年执行数" for "funds.bySource.1.executed"; null for other paths. */
export function fundCellLabel(ev: Pick<Evaluation, 'funds'>, path: string): string | null {
  const m = /^funds\.(total|bySource\.(\d+))\.(\w+)$/.exec(path);
  if (!m) return null;
  const row = m[2] === undefined ? '年度资金总额' : fundRowName(ev, Number(m[2]));
  return `${row} › ${COLUMN_LABELS[m[3]!] ?? m[3]}`;
}

/** Input findings (a value that does not parse) on a funds cell get the row in their label. */
export function nameFundRows(findings: FindingJson[], ev: Pick<Evaluation, 'funds'> | null): FindingJson[] {
  if (!ev) return findings;
  let changed = false;
  const out = findings.map((f) => {
    const label = f.rule === 'input' && f.location.path ? fundCellLabel(ev, f.location.path) : null;
    if (!label) return f;
    changed = true;
    return { ...f, location: { ...f.location, label } };
  });
  return changed ? out : findings;
}

/** The worst severity of the findings on each exact path (to outline that cell). */
export function cellStatuses(findings: FindingJson[]): Map<string, 'error' | 'warning'> {
  const out = new Map<string, 'error' | 'warning'>();
  for (const f of findings) {
    const p = f.location.path;
    if (!p || f.severity === 'info') continue;
    if (f.severity === 'error' || !out.has(p)) out.set(p, f.severity);
  }
  return out;
}
