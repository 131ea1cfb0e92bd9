import { dec } from '../../decimal/decimal.js';
import type { AuditRule, FindingDraft } from '../types.js';
import { pct } from '../finding-helpers.js';

/** 给出了编制数和在职人数却未写在职人员控制率：算出来供核对。 */
export const staffingControlRateStated: AuditRule = {
  id: 'staffing-control-rate-stated',
  title: { zh: '应填报在职人员控制率', en: 'The staffing control rate is stated' },
  severity: 'warning',
  category: 'completeness',
  check({ evaluation: ev }) {
    const out: FindingDraft[] = [];
    const st = ev.baseData?.staffing;
    if (!st || st.statedControlRate !== null || st.authorized === null || st.actual === null || st.authorized === 0) return out;
    const rate = pct(dec(st.actual).dividedBy(st.authorized));
    out.push({
      message: `给出了编制数 ${st.authorized} 人、在职人数 ${st.actual} 人，但未写在职人员控制率；按 ${st.actual} ÷ ${st.authorized} 计算为 ${rate}%${dec(st.actual).greaterThan(st.authorized) ? '，在职人数超过编制' : ''}。`,
      location: { path: 'baseData.staffing.statedControlRate', label: '在职人员控制率' },
      reported: null,
      expected: rate,
      difference: null,
    });
    return out;
  },
};
