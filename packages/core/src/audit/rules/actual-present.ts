import type { AuditRule, FindingDraft } from '../types.js';
import { leavesIn } from '../finding-helpers.js';

/** 定量指标应填写可计算的实际完成值（数字），否则无法按公式计分。 */
export const actualPresent: AuditRule = {
  id: 'actual-present',
  title: { zh: '定量指标应有数值型实际完成值', en: 'A numeric target has a numeric actual' },
  severity: 'warning',
  category: 'completeness',
  check(ctx) {
    const { evaluation: ev, score } = ctx;
    const out: FindingDraft[] = [];
    const labels = new Map(leavesIn(ctx).map((l) => [l.path, l.label]));
    for (const s of score.indicators) {
      if (s.target?.kind !== 'quantitative') continue;
      if (s.status !== 'no_actual' && !(s.status === 'unparseable' && s.actual?.kind !== 'quantitative')) continue;
      const raw = s.actual && 'raw' in s.actual ? s.actual.raw.trim() : '';
      out.push({
        message: `指标“${s.name}”的年度指标值为定量（${s.target.raw}），但实际完成值${raw ? `“${raw}”不是数字` : '为空'}，无法按公式计分；请填写实际数值。`,
        location: { path: `${s.path}.actual`, label: labels.get(s.path) ?? s.name },
        reported: raw || null,
        expected: null,
        difference: null,
      });
    }
    return out;
  },
};
