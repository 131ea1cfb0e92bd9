import type { AuditRule, FindingDraft } from '../types.js';
import { cutIn } from '../incomplete-text.js';
import { kindWeights } from '../../profiles/kind-weights.js';
import { dec, fmt } from '../finding-helpers.js';

/**
 * 预算执行分值 + 各指标分值（有三级指标时按三级指标分值，否则按一级指标分值）应等于
 * 表中所写总分（未写时按规则总分）。
 */
export const weightsTotal: AuditRule = {
  id: 'weights-total',
  title: { zh: '各项分值合计应等于总分值', en: 'Weights add up to the stated total weight' },
  severity: 'error',
  category: 'accuracy',
  check({ evaluation: ev, profile }) {
    const out: FindingDraft[] = [];
    if (cutIn(ev, 'indicators')) return out; // a table read only in part proves no sum
    const terms: Array<{ label: string; value: ReturnType<typeof dec> }> = [];
    const statedText = ev.totals.statedWeight;
    // Against the profile's total, an unstated execution weight is the profile's for this kind
    // (it is part of that total; 0 where the kind's form does not score execution).
    const kw = kindWeights(profile, ev.kind);
    const execWeight =
      ev.budgetExecution.weight ?? (statedText === null && kw.totalIncludesBudgetExecution ? kw.budgetExecution : null);
    if (execWeight !== null && !(ev.budgetExecution.weight === null && dec(execWeight).isZero())) {
      terms.push({ label: ev.budgetExecution.weight !== null ? '预算执行' : '预算执行（规则分值）', value: dec(execWeight) });
    }
    let indicatorTerms = 0;
    for (const l1 of ev.indicators) {
      const leafWeights = l1.children
        .flatMap((l2) => l2.children)
        .filter((x) => !x.notApplicable && x.weight !== null)
        .map((x) => dec(x.weight!));
      if (leafWeights.length > 0) {
        terms.push({ label: `${l1.name}（三级指标）`, value: leafWeights.reduce((s, w) => s.plus(w), dec(0)) });
        indicatorTerms++;
      } else if (l1.weight !== null) {
        terms.push({ label: l1.name, value: dec(l1.weight) });
        indicatorTerms++;
      }
    }
    if (indicatorTerms === 0) return out;
    const sum = terms.reduce((s, t) => s.plus(t.value), dec(0));
    const target = statedText ?? kw.total;
    if (sum.equals(dec(target))) return out;
    const what = statedText !== null ? `表中总分为 ${statedText} 分` : `规则（${profile.name}）总分为 ${target} 分`;
    out.push({
      message: `各项分值合计 ${terms.map((t) => `${t.label} ${fmt(t.value)}`).join(' + ')} = ${fmt(sum)} 分，而${what}，相差 ${fmt(sum.minus(dec(target)).abs())} 分；无法判断是哪一项分值有误。`,
      location: { path: statedText !== null ? 'totals.statedWeight' : 'indicators', label: '总分值' },
      // With a stated total: reported = that total as printed, expected = the recomputed sum.
      // Without one: the weights as filled are compared with the profile's total.
      reported: statedText !== null ? statedText : fmt(sum),
      expected: statedText !== null ? fmt(sum) : target,
      difference: statedText !== null ? fmt(dec(statedText).minus(sum)) : fmt(sum.minus(dec(target))),
    });
    return out;
  },
};
