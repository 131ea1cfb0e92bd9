import type { AuditRule, FindingDraft } from '../types.js';

/**
 * 称目标已按计划完成，但有指标未达到年度指标值：the text says the targets were met as
 * planned while an indicator's actual falls short of its target (as scored by the profile).
 */
export const targetsMetClaim: AuditRule = {
  id: 'targets-met-claim',
  title: { zh: '称目标已完成但有指标未达标', en: 'Targets said to be met while an indicator falls short' },
  severity: 'warning',
  category: 'consistency',
  check({ evaluation: ev, score }) {
    const out: FindingDraft[] = [];
    const said = ev.claims.findIndex((c) => c.type === 'statement' && c.says === 'targets_met');
    if (said < 0) return out;
    const claim = ev.claims[said]!;
    const quote = claim.type === 'statement' && claim.text ? `“${claim.text}”` : '目标已按计划完成';
    for (const s of score.indicators) {
      if (s.status !== 'unmet' || !s.target || !s.actual) continue;
      const target = s.target.raw;
      const actual = s.actual.raw;
      out.push({
        message: `报告称${quote}，但“${s.name}”年度指标值为 ${target}，实际完成 ${actual}，未达到；未完成的指标应如实说明并分析原因。`,
        location: { path: s.path, label: `${s.level1} › ${s.level2} › ${s.name}` },
        reported: actual,
        expected: target,
        difference: null,
      });
    }
    return out;
  },
};
