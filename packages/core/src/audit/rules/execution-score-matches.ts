import { dec, minDec } from '../../decimal/decimal.js';
import type { AuditRule, FindingDraft } from '../types.js';
import { fmt, judgeStated, padPlaces } from '../finding-helpers.js';
import { baseLabel } from '../stated-percents.js';

/** 预算执行得分 = 分值 × min(执行率, 上限)；填报得分应与公式结果一致。 */
export const executionScoreMatches: AuditRule = {
  id: 'execution-score-matches',
  title: { zh: '预算执行得分应符合执行率计分公式', en: 'Execution score follows the execution-rate formula' },
  severity: 'error',
  category: 'accuracy',
  check(ctx) {
    const out: FindingDraft[] = [];
    const ex = ctx.score.execution;
    const stated = ctx.evaluation.budgetExecution.selfScore;
    if (stated === null || ex.computed === null || ex.weight === null || ex.executed === null) return out;
    const j = judgeStated(padPlaces(stated, 2), ex.computed);
    if (j.verdict === 'consistent') return out;
    if (j.verdict === 'misrounded') return out; // a last-digit slip on a score; the total rules catch what matters
    const cap = dec(ctx.profile.execution.cap);
    const t = ctx.evaluation.funds.total;
    const otherBase = ex.base === 'adjusted' ? 'initial' : 'adjusted';
    const otherAmount = t[otherBase];
    const w = fmt(ex.weight);
    let alt = '';
    if (otherAmount !== null && !dec(otherAmount).isZero()) {
      const otherScore = ex.weight.times(minDec(ex.executed.dividedBy(dec(otherAmount)), cap));
      alt =
        judgeStated(padPlaces(stated, 2), otherScore).verdict !== 'inconsistent'
          ? `填报得分与按${baseLabel(otherBase)} ${otherAmount} 计算的 ${fmt(otherScore)} 分相符，说明计分口径有误。`
          : `按${baseLabel(otherBase)} ${otherAmount} 计算则为 ${fmt(otherScore)} 分；填报的 ${stated} 分与两种口径都不符。`;
    } else {
      alt = `填报的 ${stated} 分与公式结果不符。`;
    }
    out.push({
      message: `预算执行得分填报 ${stated} 分，按 ${w} × min(执行率, ${fmt(cap)}) 计算，以${baseLabel(ex.base)} ${fmt(ex.baseAmount!)} 为分母应为 ${fmt(ex.computed)} 分；${alt}`,
      location: { path: 'budgetExecution.selfScore', label: '预算执行 › 得分' },
      reported: stated,
      expected: fmt(ex.computed),
      difference: fmt(dec(stated).minus(ex.computed)),
    });
    return out;
  },
};
