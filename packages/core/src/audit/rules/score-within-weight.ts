import type { AuditRule, FindingDraft } from '../types.js';
import { dec, fmt, indicatorLabel } from '../finding-helpers.js';

/** 得分不能超过分值（三级、二级、一级指标，预算执行，总分）。 */
export const scoreWithinWeight: AuditRule = {
  id: 'score-within-weight',
  title: { zh: '得分不应超过分值', en: 'A score does not exceed its weight' },
  severity: 'error',
  category: 'accuracy',
  check({ evaluation: ev }) {
    const out: FindingDraft[] = [];
    const check = (score: string | null, weight: string | null, path: string, label: string) => {
      if (score === null || weight === null) return;
      const s = dec(score);
      const w = dec(weight);
      if (!s.greaterThan(w)) return;
      out.push({
        message: `${label}得分 ${score} 分，超过其分值 ${weight} 分（多 ${fmt(s.minus(w))} 分）；无法判断是得分还是分值填错。`,
        location: { path, label },
        reported: score,
        expected: weight,
        difference: fmt(s.minus(w)),
      });
    };
    check(ev.budgetExecution.selfScore, ev.budgetExecution.weight, 'budgetExecution.selfScore', '预算执行');
    ev.indicators.forEach((l1, i) => {
      check(l1.selfScore, l1.weight, `indicators.${i}.selfScore`, indicatorLabel(ev, i));
      l1.children.forEach((l2, j) => {
        check(l2.selfScore, l2.weight, `indicators.${i}.children.${j}.selfScore`, indicatorLabel(ev, i, j));
        l2.children.forEach((x, k) =>
          check(x.selfScore, x.weight, `indicators.${i}.children.${j}.children.${k}.selfScore`, indicatorLabel(ev, i, j, k)),
        );
      });
    });
    check(ev.totals.statedScore, ev.totals.statedWeight, 'totals.statedScore', '总分');
    return out;
  },
};
