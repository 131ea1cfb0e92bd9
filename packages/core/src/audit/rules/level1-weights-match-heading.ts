import type { AuditRule, FindingDraft } from '../types.js';
import { cutIn } from '../incomplete-text.js';
import { dec, fmt, indicatorLabel } from '../finding-helpers.js';

/** 一级（及二级）指标表头分值应等于其下三级指标分值之和。 */
export const level1WeightsMatchHeading: AuditRule = {
  id: 'level1-weights-match-heading',
  title: { zh: '下级指标分值之和应等于上级表头分值', en: 'Child weights add up to the headed weight' },
  severity: 'error',
  category: 'accuracy',
  check({ evaluation: ev }) {
    const out: FindingDraft[] = [];
    if (cutIn(ev, 'indicators')) return out; // a table read only in part proves no sum
    const compare = (headed: string | null, weights: string[], path: string, label: string, count: number) => {
      if (headed === null || weights.length === 0) return;
      const sum = weights.reduce((s, w) => s.plus(dec(w)), dec(0));
      if (sum.equals(dec(headed))) return;
      out.push({
        message: `${label}表头分值为 ${headed} 分，但其下 ${count} 个三级指标分值合计 ${fmt(sum)} 分（${weights.join(' + ')}），相差 ${fmt(sum.minus(dec(headed)).abs())} 分；无法判断是表头还是指标分值有误。`,
        location: { path, label },
        // reported = the headed figure as printed; expected = the recomputed sum of its children
        reported: headed,
        expected: fmt(sum),
        difference: fmt(dec(headed).minus(sum)),
      });
    };
    ev.indicators.forEach((l1, i) => {
      const leaves = l1.children.flatMap((l2) => l2.children).filter((x) => !x.notApplicable);
      const weights = leaves.map((x) => x.weight).filter((w): w is string => w !== null);
      compare(l1.weight, weights, `indicators.${i}.weight`, indicatorLabel(ev, i), weights.length);
      l1.children.forEach((l2, j) => {
        const w2 = l2.children.filter((x) => !x.notApplicable).map((x) => x.weight).filter((w): w is string => w !== null);
        compare(l2.weight, w2, `indicators.${i}.children.${j}.weight`, indicatorLabel(ev, i, j), w2.length);
      });
    });
    return out;
  },
};
