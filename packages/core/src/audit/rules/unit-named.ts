import type { AuditRule, FindingDraft } from '../types.js';
import { isBlank } from '../finding-helpers.js';
import { asNoteWhenIncomplete } from '../incomplete-text.js';

/** 报告应写明评价单位名称（文本不完整时只作提示：单位名称可能在未收录的落款里）。 */
export const unitNamed: AuditRule = {
  id: 'unit-named',
  title: { zh: '应写明单位名称', en: 'The unit names itself' },
  severity: 'warning',
  category: 'completeness',
  check({ evaluation: ev }) {
    const out: FindingDraft[] = [];
    if (!isBlank(ev.unit.name) || !isBlank(ev.project?.implementingUnit)) return out;
    out.push(asNoteWhenIncomplete(ev, {
      message: '报告通篇未写明评价单位的名称（只称“我单位”“本部门”），无法确认是哪个单位的自评。',
      location: { path: 'unit.name', label: '单位名称' },
      reported: null,
      expected: null,
      difference: null,
    }));
    return out;
  },
};
