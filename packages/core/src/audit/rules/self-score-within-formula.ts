import type { AuditRule, FindingDraft } from '../types.js';
import { dec, fmt, indicatorLabel, judgeStated, padPlaces } from '../finding-helpers.js';

/** 三级指标自评得分不应高于规则计分公式给出的得分（定性指标应落在其档次区间内）。 */
export const selfScoreWithinFormula: AuditRule = {
  id: 'self-score-within-formula',
  title: { zh: '自评得分不应高于计分公式结果', en: 'A self score is not above what the formula gives' },
  severity: 'warning',
  category: 'accuracy',
  check({ evaluation: ev, score, profile }) {
    const out: FindingDraft[] = [];
    for (const s of score.indicators) {
      if (s.stated === null || s.status === 'not_applicable') continue;
      const m = /^indicators\.(\d+)\.children\.(\d+)\.children\.(\d+)$/.exec(s.path);
      const label = m ? indicatorLabel(ev, Number(m[1]), Number(m[2]), Number(m[3])) : s.name;
      const leaf = m ? ev.indicators[Number(m[1])]?.children[Number(m[2])]?.children[Number(m[3])] : undefined;
      const statedText = leaf?.selfScore ?? s.stated.toString();
      if (s.status === 'qualitative' && s.computedRange) {
        const { min, max } = s.computedRange;
        if (s.stated.greaterThanOrEqualTo(min) && s.stated.lessThanOrEqualTo(max)) continue;
        if (s.stated.lessThan(min)) continue; // scoring below the band is the unit's own caution
        // A level jixiao inferred from the wording is not the unit's statement: say whose call it is.
        const message = s.levelInferred
          ? `“${s.name}”自评 ${statedText} 分，高于 jixiao 依据实际完成值推定的定性档次的得分区间 ${fmt(min)}–${fmt(max)} 分（${s.explanation}）。单位未填报定性等级，档次是推定的：如单位认定已达成年度指标，请在“定性等级”中注明；否则请按档次区间核对得分。`
          : `“${s.name}”自评 ${statedText} 分，超出其定性档次的得分区间 ${fmt(min)}–${fmt(max)} 分（${s.explanation}）。`;
        out.push({
          message,
          location: { path: `${s.path}.selfScore`, label },
          reported: statedText,
          expected: fmt(max),
          difference: fmt(s.stated.minus(max)),
        });
        continue;
      }
      if (s.computed === null) continue;
      const j = judgeStated(padPlaces(statedText, 2), s.computed);
      if (j.verdict === 'consistent' || !s.stated.greaterThan(s.computed)) continue;
      out.push({
        message: `“${s.name}”自评 ${statedText} 分，按${profile.name}的计分公式应为 ${fmt(s.computed)} 分（${s.explanation}），自评高出 ${fmt(s.stated.minus(s.computed))} 分。`,
        location: { path: `${s.path}.selfScore`, label },
        reported: statedText,
        expected: fmt(s.computed),
        difference: fmt(dec(statedText).minus(s.computed)),
      });
    }
    return out;
  },
};
