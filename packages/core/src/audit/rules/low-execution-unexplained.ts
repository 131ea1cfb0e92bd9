import type { AuditRule, FindingDraft } from '../types.js';
import { dec, decOrNull, fmt, pct } from '../finding-helpers.js';
import { RULES_DATA } from '../rules-data.js';

/**
 * 预算执行率偏低却称“运转正常、暂无问题”：the text says there were no problems (or that the
 * project runs normally) while much of the money was not spent — the low execution is left
 * unexplained. The threshold is the profile's (`execution.explanationBelow`), else the default.
 */
export const lowExecutionUnexplained: AuditRule = {
  id: 'low-execution-unexplained',
  title: { zh: '执行率偏低却称无问题', en: 'Low execution while the text says there are no problems' },
  severity: 'warning',
  category: 'plausibility',
  check({ evaluation: ev, profile, score }) {
    const out: FindingDraft[] = [];
    const said = ev.claims.findIndex((c) => c.type === 'statement' && (c.says === 'no_problems' || c.says === 'runs_normally'));
    if (said < 0) return out;
    // the scored rate, or — where the kind's form does not score execution (transfers) — executed ÷ budget
    const t = ev.funds.total;
    const base = score.execution.baseAmount ?? decOrNull(t.adjusted ?? t.initial);
    const executed = score.execution.executed ?? decOrNull(t.executed);
    if (base === null || executed === null || base.isZero()) return out;
    const rate = score.execution.rate ?? executed.dividedBy(base);
    const threshold = dec(profile.execution.explanationBelow ?? RULES_DATA.highScoreLowExecution.defaultExplanationBelow);
    if (!rate.lessThan(threshold)) return out;
    const claim = ev.claims[said]!;
    const quote = claim.type === 'statement' && claim.text ? `“${claim.text}”` : '运转正常、没有问题';
    out.push({
      message: `预算执行率只有 ${pct(rate)}%（执行 ${fmt(executed)} 万元 ÷ 预算 ${fmt(base)} 万元，未支出 ${fmt(base.minus(executed))} 万元），报告却称${quote}，未说明资金未支出的原因。`,
      location: { path: `claims.${said}`, label: '存在的问题' },
      reported: pct(rate),
      expected: pct(threshold),
      difference: null,
    });
    return out;
  },
};
