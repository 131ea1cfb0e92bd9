import type { AuditRule, FindingDraft } from '../types.js';
import { indicatorLabel } from '../finding-helpers.js';

/** 二级指标下没有三级指标（表中留空的行）。 */
export const level2WithoutIndicators: AuditRule = {
  id: 'level2-without-indicators',
  title: { zh: '二级指标下没有三级指标', en: 'A level-2 row has no indicators' },
  severity: 'info',
  category: 'completeness',
  check({ evaluation: ev }) {
    const out: FindingDraft[] = [];
    ev.indicators.forEach((l1, i) =>
      l1.children.forEach((l2, j) => {
        if (l2.children.length > 0) return;
        out.push({
          message: `“${indicatorLabel(ev, i, j)}”下没有设置三级指标；如不适用可删去该行，否则应补充指标。`,
          location: { path: `indicators.${i}.children.${j}`, label: indicatorLabel(ev, i, j) },
          reported: null,
          expected: null,
          difference: null,
        });
      }),
    );
    return out;
  },
};
