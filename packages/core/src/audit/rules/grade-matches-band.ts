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
    // When the report states its own bands and the grade fits them, the bands are the issue.
    const own = ev.claims.find((c) => c.type === 'gradeBands');
    let why = '无法判断是等级还是总分填错。';
    if (own && own.type === 'gradeBands') {
      const s = dec(score);
      const hit = [...own.bands]
        .sort((a, b) => dec(b.min).comparedTo(dec(a.min)))
        .find((b) => (b.minInclusive ? s.greaterThanOrEqualTo(dec(b.min)) : s.greaterThan(dec(b.min))));
      if (hit && canonicalGrade(hit.grade, syn) === canonicalGrade(grade, syn)) {
        why = `按报告自述的等级区间（“${hit.grade}”自 ${hit.min} 分起）等级为“${hit.grade}”，与规则的等级区间不同，请确认适用的规则。`;
      }
    }
    out.push({
      message: `评价等级填报为“${grade}”，但总分 ${score} 分在${profile.name}的 ${range} 区间，应为“${band.name}”；${why}`,
      location: { path: 'totals.statedGrade', label: '评价等级' },
      reported: grade,
      expected: band.name,
      difference: null,
    });
    return out;
  },
};
