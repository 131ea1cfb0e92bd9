import type { AuditRule, FindingDraft } from '../types.js';
import { figuresOf, fmt, judgeStated, shownPlaces } from '../finding-helpers.js';
import { baseLabel, statedPercents, type StatedPercent } from '../stated-percents.js';

/** Why the stated rate is off: it fits the other base (wrong denominator), or fits neither. */
function diagnosis(p: StatedPercent): string {
  const alt = p.alternative;
  if (!alt) return '无法判断是执行率还是金额填错。';
  const jo = judgeStated(p.stated, alt.computed);
  const shown = fmt(jo.expected, shownPlaces(p.stated));
  const right = alt.base === 'adjusted' ? 'initial' : 'adjusted';
  if (jo.verdict !== 'inconsistent') {
    return `填报值与 ${alt.formula} = ${shown}% 相符，说明执行率是按${baseLabel(alt.base)}计算的；执行率应以${baseLabel(right)}为分母。`;
  }
  return `按${baseLabel(alt.base)}计算为 ${shown}%，也不相符；无法判断是执行率还是金额填错。`;
}

/**
 * 执行率 = 全年执行数 ÷ 全年（调整后）预算数（口径由规则决定）：the budget-execution rate
 * and every 执行率 printed on a row of the funds table. When a stated rate fits the other
 * base (typically the initial budget), the message says the rate used the wrong base.
 */
export const executionRateMatches: AuditRule = {
  id: 'execution-rate-matches',
  title: { zh: '预算执行率应按规定口径计算', en: 'Execution rate is executed ÷ the right budget base' },
  severity: 'error',
  category: 'accuracy',
  check(ctx) {
    const out: FindingDraft[] = [];
    for (const p of statedPercents(ctx)) {
      if (p.kind !== 'execution' || p.judgement.verdict !== 'inconsistent') continue;
      const f = figuresOf(p.stated, p.judgement);
      out.push({
        message: `${p.label}填报为 ${p.stated}%，按 ${p.formula} 计算应为 ${f.expected}%。${diagnosis(p)}`,
        location: { path: p.path, label: p.label },
        ...f,
      });
    }
    return out;
  },
};
