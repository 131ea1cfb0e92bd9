import { gradeBandOf } from '../../scoring/grade-score.js';
import type { AuditRule, FindingDraft } from '../types.js';
import { canonicalGrade, dec, fmt } from '../finding-helpers.js';
import { RULES_DATA } from '../rules-data.js';

/** 填报等级应与填报总分在规则等级区间中对应的等级一致。 */
export const gradeMatchesBand: AuditRule = {
  id: 'grade-matches-band',
  title: { zh: '评价等级应与总分所在区间一致', en: 'The stated grade matches the band of the stated score' },
  severity: 'error',
  category: 'accuracy',
  check({ evaluation: ev, profile }) {
    const out: FindingDraft[] = [];
    const grade = ev.totals.statedGrade;
    const score = ev.totals.statedScore;
    if (grade === null || score === null || grade.trim() === '') return out;
    const band = gradeBandOf(dec(score), profile);
    const syn = RULES_DATA.gradeSynonyms;
    if (canonicalGrade(grade, syn) === canonicalGrade(band.name, syn)) return out;
    const range = band.max === null ? `${fmt(band.min)} 分及以上` : `${fmt(band.min)}（含）至 ${fmt(band.max)} 分`;
    out.push({
      message: `评价等级填报为“${grade}”，但总分 ${score} 分在${profile.name}的 ${range} 区间，应为“${band.name}”；无法判断是等级还是总分填错。`,
      location: { path: 'totals.statedGrade', label: '评价等级' },
      reported: grade,
      expected: band.name,
      difference: null,
    });
    return out;
  },
};
