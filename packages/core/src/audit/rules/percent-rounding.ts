import { dec, roundHalfUp } from '../../decimal/decimal.js';
import type { AuditRule, FindingDraft } from '../types.js';
import { figuresOf, printedPlaces } from '../finding-helpers.js';
import { statedPercents } from '../stated-percents.js';

/** 百分比在所写精度内未按四舍五入（多为截断），例如 11 ÷ 30 = 36.666…% 写成 36.6%。 */
export const percentRounding: AuditRule = {
  id: 'percent-rounding',
  title: { zh: '百分比应按四舍五入保留小数', en: 'Percentages are rounded half up, not truncated' },
  severity: 'warning',
  category: 'format',
  check(ctx) {
    const out: FindingDraft[] = [];
    for (const p of statedPercents(ctx)) {
      const j = p.judgement;
      if (j.verdict !== 'misrounded') continue;
      const f = figuresOf(p.stated, j);
      const places = printedPlaces(p.stated);
      const atPrecision = roundHalfUp(j.expected, places).toFixed(places);
      const truncated = dec(p.stated).abs().lessThan(j.expected.abs());
      out.push({
        message: `${p.label.replace(/^.*› /, '')}写为 ${p.stated}%，而 ${p.formula} = ${f.expected}%，保留 ${places} 位小数应为 ${atPrecision}%${truncated ? '（数字被截断，而非四舍五入）' : ''}。${p.text ? `原文：“${p.text}”` : ''}`,
        location: { path: p.path, label: p.label },
        ...f,
      });
    }
    return out;
  },
};
