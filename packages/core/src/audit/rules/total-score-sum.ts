import type { AuditRule, FindingDraft } from '../types.js';
import { cutIn } from '../incomplete-text.js';
import { dec, fmt, judgeStated, sumOfPrinted } from '../finding-helpers.js';

/**
 * 填报总分应等于各项填报得分之和（预算执行得分 + 各指标得分）。When the stated total
 * equals the indicator scores alone, say that the budget-execution score was left out.
 */
export const totalScoreSum: AuditRule = {
  id: 'total-score-sum',
  title: { zh: '总分应等于各项得分之和', en: 'The stated total equals the sum of the scores' },
  severity: 'error',
  category: 'accuracy',
  check({ evaluation: ev }) {
    const out: FindingDraft[] = [];
    if (cutIn(ev, 'indicators')) return out; // a table read only in part proves no sum
    const stated = ev.totals.statedScore;
    if (stated === null) return out;
    const indicatorTerms: Array<{ label: string; value: string[] }> = [];
    for (const l1 of ev.indicators) {
      const leafScores = l1.children
        .flatMap((l2) => l2.children)
        .filter((x) => !x.notApplicable && x.selfScore !== null)
        .map((x) => x.selfScore!);
      if (leafScores.length > 0) indicatorTerms.push({ label: l1.name, value: leafScores });
      else if (l1.selfScore !== null) indicatorTerms.push({ label: l1.name, value: [l1.selfScore] });
    }
    if (indicatorTerms.length === 0) return out;
    const exec = ev.budgetExecution.selfScore;
    const all = [...(exec !== null ? [exec] : []), ...indicatorTerms.flatMap((t) => t.value)];
    const j = judgeStated(stated, sumOfPrinted(all));
    if (j.verdict === 'consistent') return out;
    const sum = all.reduce((s, v) => s.plus(dec(v)), dec(0));
    const indicatorsOnly = indicatorTerms.flatMap((t) => t.value).reduce((s, v) => s.plus(dec(v)), dec(0));
    const parts = [
      ...(exec !== null ? [`预算执行 ${exec}`] : []),
      ...indicatorTerms.map((t) => `${t.label} ${fmt(t.value.reduce((s, v) => s.plus(dec(v)), dec(0)))}`),
    ];
    let why = '无法判断是总分还是某项得分填错。';
    if (exec !== null && judgeStated(stated, sumOfPrinted(indicatorTerms.flatMap((t) => t.value))).verdict === 'consistent') {
      why = `填报总分恰好等于各指标得分之和 ${fmt(indicatorsOnly)}，漏计了预算执行得分 ${exec} 分。`;
    }
    out.push({
      message: `填报总分 ${stated} 分，但各项得分合计 ${parts.join(' + ')} = ${fmt(sum)} 分，相差 ${fmt(dec(stated).minus(sum))} 分；${why}`,
      location: { path: 'totals.statedScore', label: '总分 › 自评得分' },
      reported: stated,
      expected: fmt(sum),
      difference: fmt(dec(stated).minus(sum)),
    });
    return out;
  },
};
