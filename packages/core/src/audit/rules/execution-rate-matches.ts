import type { AuditRule, FindingDraft } from '../types.js';
import { dec, figuresOf, judgeStated, percentOf, shownPlaces, fmt } from '../finding-helpers.js';
import { baseLabel, executionBase, statedPercents } from '../stated-percents.js';

/**
 * 预算执行率 = 全年执行数 ÷ 全年（调整后）预算数（口径由规则决定）。When the stated rate
 * fits the other base (typically the initial budget), say so: the rate used the wrong base.
 */
export const executionRateMatches: AuditRule = {
  id: 'execution-rate-matches',
  title: { zh: '预算执行率应按规定口径计算', en: 'Execution rate is executed ÷ the right budget base' },
  severity: 'error',
  category: 'accuracy',
  check(ctx) {
    const out: FindingDraft[] = [];
    const base = executionBase(ctx);
    for (const p of statedPercents(ctx)) {
      if (p.kind !== 'execution' || !base) continue;
      const j = p.judgement;
      if (j.verdict !== 'inconsistent') continue;
      const f = figuresOf(p.stated, j);
      const t = ctx.evaluation.funds.total;
      const otherBase = base.base === 'adjusted' ? 'initial' : 'adjusted';
      const otherAmount = t[otherBase];
      let why = `无法判断是执行率还是金额填错。`;
      if (otherAmount !== null && t.executed !== null && !dec(otherAmount).isZero()) {
        const q = percentOf(t.executed, otherAmount)!;
        const jo = judgeStated(p.stated, q);
        const shown = fmt(jo.expected, shownPlaces(p.stated));
        if (jo.verdict !== 'inconsistent') {
          why = `填报值与 全年执行数 ${t.executed} ÷ ${baseLabel(otherBase)} ${otherAmount} = ${shown}% 相符，说明执行率是按${baseLabel(otherBase)}计算的；执行率应以${baseLabel(base.base)}为分母。`;
        } else {
          why = `按${baseLabel(otherBase)}计算为 ${shown}%，也不相符；无法判断是执行率还是金额填错。`;
        }
      }
      out.push({
        message: `预算执行率填报为 ${p.stated}%，按 ${p.formula} 计算应为 ${f.expected}%。${why}`,
        location: { path: p.path, label: p.label },
        ...f,
      });
    }
    return out;
  },
};
