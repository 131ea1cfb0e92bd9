import type { Evaluation } from '../../model/evaluation.js';
import type { AuditRule, FindingDraft } from '../types.js';
import { dec, fmt } from '../finding-helpers.js';

/** A name as the text prints it, compared without quotes, spaces and full-width forms. */
function nameKey(name: string): string {
  return name.normalize('NFKC').replace(/[\s\u3000“”"'‘’《》「」]/g, '');
}

interface Line {
  index: number;
  name: string;
  amounts: string[];
}

function projectLines(ev: Evaluation): Map<string, Line> {
  const byName = new Map<string, Line>();
  ev.funds.projectLines.forEach((l, index) => {
    const amounts = [l.initial, l.adjusted, l.executed].filter((x): x is string => x !== null);
    if (amounts.length > 0) byName.set(nameKey(l.name), { index, name: l.name, amounts });
  });
  return byName;
}

/**
 * 同一事项在文中前后金额应一致：an item named in a breakdown ("项目支出…其中：案件审判414.35万元")
 * and again in the list of projects ("案件审判411.95万元，年末结算支出411.95万元") with none of
 * the amounts the list gives it.
 */
export const sameItemSameAmount: AuditRule = {
  id: 'same-item-same-amount',
  title: { zh: '同一事项前后金额应一致', en: 'The same item carries the same amount wherever it is named' },
  severity: 'warning',
  category: 'consistency',
  check({ evaluation: ev }) {
    const out: FindingDraft[] = [];
    const lines = projectLines(ev);
    if (lines.size === 0) return out;
    ev.claims.forEach((c, k) => {
      if (c.type !== 'sum') return;
      for (const part of c.parts) {
        const line = lines.get(nameKey(part.label));
        if (!line || line.amounts.some((a) => dec(a).eq(dec(part.value)))) continue;
        const other = line.amounts[line.amounts.length - 1]!;
        out.push({
          message: `“${part.label}”在“${c.total.label}”的分项中为 ${part.value} 万元，在项目情况中为 ${line.amounts.join(' / ')} 万元，相差 ${fmt(dec(part.value).minus(dec(other)).abs())} 万元；同一事项前后金额不一致，无法判断哪一处有误。`,
          location: { path: `claims.${k}`, label: `${c.total.label} › ${part.label}` },
          reported: part.value,
          expected: other,
          difference: fmt(dec(part.value).minus(dec(other))),
        });
      }
    });
    return out;
  },
};
