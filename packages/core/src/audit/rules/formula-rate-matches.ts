import type { AuditRule, FindingDraft } from '../types.js';
import { figuresOf } from '../finding-helpers.js';
import { statedPercents } from '../stated-percents.js';

/** 基础数据表中填报的各项控制率、执行率应等于其公式结果（部门整体通用指标公式）。 */
export const formulaRateMatches: AuditRule = {
  id: 'formula-rate-matches',
  title: { zh: '基础数据表中的比率应等于公式结果', en: 'Rates stated in the base-data sheet equal their formulas' },
  severity: 'error',
  category: 'accuracy',
  check(ctx) {
    const out: FindingDraft[] = [];
    for (const p of statedPercents(ctx)) {
      if (p.kind !== 'formula') continue;
      const j = p.judgement;
      if (j.verdict !== 'inconsistent') continue;
      const f = figuresOf(p.stated, j);
      out.push({
        message: `${p.label}填报为 ${p.stated}%，按公式 ${p.formula}，应为 ${f.expected}%；无法判断是比率还是所据数字填错。`,
        location: { path: p.path, label: p.label },
        ...f,
      });
    }
    return out;
  },
};
