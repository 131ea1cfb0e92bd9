/**
 * Pure: plans a stratified, seeded 抽评 draw. The population is split into strata (by
 * department, kind and/or amount band); the sample size (a count, or a ratio of the population
 * rounded half up) is shared out over the strata in proportion to their sizes (largest
 * remainder, ties by stratum key); evaluations that must be included (an amount at or above a
 * threshold, last year's lowest grade) are taken first and count toward their stratum's quota;
 * the rest of each quota is drawn with the seed and the stratum key, so the same seed and
 * population always give the same draw. No I/O, no clock, no randomness of its own.
 */
import { dec, roundHalfUp, type Decimal } from '@jixiao/core';
import { drawSeededSample } from '../use-cases/draw-seeded-sample.js';

export const STRATA = ['department', 'kind', 'amountBand'] as const;
export type Stratum = (typeof STRATA)[number];
export const STRATUM_LABELS: Record<Stratum, string> = { department: '主管部门', kind: '评价类型', amountBand: '金额档次' };

const KIND_LABELS: Record<string, string> = { department: '部门整体', project: '项目支出', transfer: '转移支付' };

export interface SampleCandidate {
  id: number;
  departmentId: number;
  departmentName: string;
  kind: string;
  /** Budget (adjusted, else initial) in 万元 as a decimal string; null when not stated. */
  amount: string | null;
  /** Last year's evaluation of the same unit and subject got its profile's lowest grade. */
  lastYearPoor: boolean;
}

export interface SampleSettings {
  /** Exactly one of ratio (0 < r ≤ 1, decimal string) and count (1 ≤ n ≤ population). */
  ratio: string | null;
  count: number | null;
  strata: Stratum[];
  /** Ascending band boundaries in 万元: ['100', '500'] → 100 万元以下, 100–500 万元, 500 万元及以上. */
  amountBands: string[];
  mandatory: { amountAtLeast: string | null; lastYearPoor: boolean };
  seed: string;
}

export interface PlannedStratum {
  key: string;
  label: string;
  population: number;
  quota: number;
  mandatory: number[];
  drawn: number[];
}

export interface SamplePlan {
  /** The size asked for (count, or ratio × population rounded half up, at least 1). */
  target: number;
  strata: PlannedStratum[];
  mandatory: { id: number; reason: string }[];
  /** Every evaluation in the sample, ascending. */
  ids: number[];
}

/** The asked-for size: a count as given, or ratio × N rounded half up (at least 1 when N > 0). */
export function targetSize(settings: Pick<SampleSettings, 'ratio' | 'count'>, populationSize: number): number {
  if (settings.count !== null) return settings.count;
  if (populationSize === 0) return 0;
  const n = roundHalfUp(dec(settings.ratio ?? '0').times(populationSize), 0).toNumber();
  return Math.max(1, Math.min(populationSize, n));
}

function bandLabel(amount: Decimal | null, bands: readonly string[]): string {
  if (amount === null) return '金额未填';
  const i = bands.findIndex((b) => amount.lt(b));
  if (bands.length === 0) return '全部金额';
  if (i === 0) return `${bands[0]} 万元以下`;
  if (i === -1) return `${bands[bands.length - 1]} 万元及以上`;
  return `${bands[i - 1]}–${bands[i]} 万元`;
}

function stratumOf(c: SampleCandidate, s: SampleSettings): { key: string; label: string } {
  if (s.strata.length === 0) return { key: 'all', label: '全部' };
  const parts = s.strata.map((st) => {
    if (st === 'department') return { key: `d${c.departmentId}`, label: c.departmentName };
    if (st === 'kind') return { key: `k:${c.kind}`, label: KIND_LABELS[c.kind] ?? c.kind };
    const amount = c.amount === null ? null : dec(c.amount);
    const label = bandLabel(amount, s.amountBands);
    const i = amount === null ? 'x' : String(s.amountBands.filter((b) => amount.gte(b)).length);
    return { key: `a${i}`, label };
  });
  return { key: parts.map((p) => p.key).join('|'), label: parts.map((p) => p.label).join(' · ') };
}

function mandatoryReason(c: SampleCandidate, s: SampleSettings): string | null {
  const reasons: string[] = [];
  if (s.mandatory.amountAtLeast !== null && c.amount !== null && dec(c.amount).gte(s.mandatory.amountAtLeast)) {
    reasons.push(`金额 ${c.amount} 万元，达到必抽线 ${s.mandatory.amountAtLeast} 万元`);
  }
  if (s.mandatory.lastYearPoor && c.lastYearPoor) reasons.push('上年评价等级为最低一档');
  return reasons.length ? reasons.join('；') : null;
}

/** Largest-remainder shares of `total` over `sizes` (ties to the earlier index). */
export function allocate(total: number, sizes: readonly number[]): number[] {
  const n = sizes.reduce((a, b) => a + b, 0);
  if (n === 0 || total <= 0) return sizes.map(() => 0);
  const exact = sizes.map((s) => dec(total).times(s).div(n));
  const out = exact.map((e) => e.floor().toNumber());
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => ({ i, r: e.minus(e.floor()) })).sort((a, b) => b.r.comparedTo(a.r) || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    if (out[i]! < sizes[i]!) {
      out[i]! += 1;
      left -= 1;
    }
  }
  return out;
}

export function planSample(population: readonly SampleCandidate[], settings: SampleSettings): SamplePlan {
  const target = targetSize(settings, population.length);
  const groups = new Map<string, { label: string; members: SampleCandidate[] }>();
  for (const c of [...population].sort((a, b) => a.id - b.id)) {
    const s = stratumOf(c, settings);
    const g = groups.get(s.key) ?? { label: s.label, members: [] };
    g.members.push(c);
    groups.set(s.key, g);
  }
  const keys = [...groups.keys()].sort();
  const quotas = allocate(target, keys.map((k) => groups.get(k)!.members.length));
  const mandatory: SamplePlan['mandatory'] = [];
  const strata = keys.map((key, i) => {
    const g = groups.get(key)!;
    const must = g.members.flatMap((c) => {
      const reason = mandatoryReason(c, settings);
      if (reason === null) return [];
      mandatory.push({ id: c.id, reason });
      return [c.id];
    });
    const rest = g.members.filter((c) => !must.includes(c.id)).map((c) => c.id);
    const drawn = drawSeededSample(rest, Math.max(0, quotas[i]! - must.length), `${settings.seed}|${key}`);
    return { key, label: g.label, population: g.members.length, quota: quotas[i]!, mandatory: must, drawn };
  });
  const ids = strata.flatMap((s) => [...s.mandatory, ...s.drawn]).sort((a, b) => a - b);
  return { target, strata, mandatory: mandatory.sort((a, b) => a.id - b.id), ids };
}
