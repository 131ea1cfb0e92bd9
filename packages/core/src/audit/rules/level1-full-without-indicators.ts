import type { AuditRule, FindingDraft } from '../types.js';
import { dec, indicatorLabel } from '../finding-helpers.js';

/** 一级指标得满分，却没有列出任何三级指标作为依据。 */
export const level1FullWithoutIndicators: AuditRule = {
  id: 'level1-full-without-indicators',
  title: { zh: '一级指标满分但未列出三级指标', en: 'A level-1 indicator at full marks with no indicators listed' },
  severity: 'warning',
  category: 'plausibility',
  check({ evaluation: ev }) {
    const out: FindingDraft[] = [];
    ev.indicators.forEach((l1, i) => {
      if (l1.selfScore === null || l1.weight === null) return;
      if (l1.children.some((l2) => l2.children.length > 0)) return;
      if (!dec(l1.selfScore).equals(dec(l1.weight))) return;
      out.push({
        message: `“${l1.name}”得满分（${l1.selfScore}/${l1.weight}），但没有列出任何三级指标及其目标值、实际完成值，满分无从核实。`,
        location: { path: `indicators.${i}.selfScore`, label: indicatorLabel(ev, i) },
        reported: l1.selfScore,
        expected: null,
        difference: null,
      });
    });
    return out;
  },
};
