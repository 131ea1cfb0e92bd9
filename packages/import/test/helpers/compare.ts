/** The figures two imports of the same report must agree on, whatever the file format. */
import type { Claim, Evaluation } from '@jixiao/core';

export function claimKey(c: Claim): string {
  switch (c.type) {
    case 'share':
      return `share ${c.part.value}/${c.whole.value}=${c.percent}`;
    case 'sum':
      return `sum ${c.total.value}=${c.parts.map((p) => p.value).sort().join('+')}`;
    case 'figure':
      return `figure ${c.field}=${c.value}`;
    case 'yearComparison':
      return `year ${c.year} ${c.statedAs}`;
    case 'statement':
      return `statement ${c.says}`;
    case 'gradeBands':
      return `bands ${c.bands.map((b) => `${b.grade}:${b.min}${b.minInclusive ? '[' : '('}${b.max ?? ''}${b.maxInclusive ? ']' : ')'}`).join(' ')}`;
  }
}

export function figures(ev: Evaluation) {
  return {
    kind: ev.kind,
    unit: ev.unit.name,
    fiscalYear: ev.fiscalYear,
    profile: ev.profile,
    funds: {
      total: ev.funds.total,
      basic: ev.funds.basic,
      personnel: ev.funds.personnel,
      operating: ev.funds.operating,
      project: ev.funds.project,
      projectCount: ev.funds.projectCount,
      bySource: ev.funds.bySource.map((s) => ({ source: s.source, initial: s.initial, adjusted: s.adjusted, executed: s.executed })),
    },
    staffing: ev.baseData?.staffing ?? null,
    budgetExecution: ev.budgetExecution,
    totals: ev.totals,
    dates: ev.dates,
    indicators: ev.indicators.map((l1) => ({
      name: l1.name,
      weight: l1.weight,
      selfScore: l1.selfScore,
      statedScoreRate: l1.statedScoreRate,
      children: l1.children.map((l2) => ({
        name: l2.name,
        children: l2.children.map((i) => ({ name: i.name, target: i.target, actual: i.actual, weight: i.weight, selfScore: i.selfScore, deviationReason: i.deviationReason })),
      })),
    })),
    claims: [...new Set(ev.claims.map(claimKey))].sort(),
    chapters: ev.chapters.map((c) => `${c.level} ${c.number} ${c.title.replace(/\s+/g, "")}`),
    team: ev.team.map((t) => `${t.role ?? ''} ${t.name} ${t.title ?? ''}`),
  };
}
