import type { AuditRule, FindingDraft } from '../types.js';
import { cutIn } from '../incomplete-text.js';
import { dec, fmt, indicatorLabel, judgeStated, sumOfPrinted } from '../finding-helpers.js';

/** 一级指标填报得分应等于其下三级指标得分之和。 */
export const level1ScoreSum: AuditRule = {
  id: 'level1-score-sum',
  title: { zh: '一级指标得分应等于其下三级指标得分之和', en: 'A level-1 score equals the sum of its indicator scores' },
  severity: 'error',
  category: 'accuracy',
  check({ evaluation: ev }) {
    const out: FindingDraft[] = [];
    if (cutIn(ev, 'indicators')) return out; // a table read only in part proves no sum
    ev.indicators.forEach((l1, i) => {
      if (l1.selfScore === null) return;
      const scores = l1.children
        .flatMap((l2) => l2.children)
        .filter((x) => !x.notApplicable && x.selfScore !== null)
        .map((x) => x.selfScore!);
      if (scores.length === 0) return;
      if (judgeStated(l1.selfScore, sumOfPrinted(scores)).verdict === 'consistent') return;
      const sum = scores.reduce((s, v) => s.plus(dec(v)), dec(0));
      out.push({
        message: `${l1.name}填报得分 ${l1.selfScore} 分，但其下三级指标得分合计 ${fmt(sum)} 分（${scores.join(' + ')}）；无法判断是哪一处填错。`,
        location: { path: `indicators.${i}.selfScore`, label: indicatorLabel(ev, i) },
        reported: l1.selfScore,
        expected: fmt(sum),
        difference: fmt(dec(l1.selfScore).minus(sum)),
      });
    });
    return out;
  },
};
