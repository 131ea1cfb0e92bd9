import type { AuditRule, FindingDraft } from '../types.js';
import { canonicalGrade, dec } from '../finding-helpers.js';
import { RULES_DATA } from '../rules-data.js';

/** 报告所述等级区间应与所适用规则的等级区间一致。 */
export const gradeBandsMatchProfile: AuditRule = {
  id: 'grade-bands-match-profile',
  title: { zh: '所述等级区间应与规则一致', en: 'Stated grade bands match the profile' },
  severity: 'warning',
  category: 'consistency',
  check({ evaluation: ev, profile }) {
    const out: FindingDraft[] = [];
    const syn = RULES_DATA.gradeSynonyms;
    const profileBands = [...profile.grades].sort((a, b) => dec(b.min).comparedTo(dec(a.min)));
    const describe = (bs: Array<{ name: string; min: string }>) => bs.map((b) => `${b.name} ≥${b.min}`).join('、');
    ev.claims.forEach((c, i) => {
      if (c.type !== 'gradeBands') return;
      const stated = [...c.bands].sort((a, b) => dec(b.min).comparedTo(dec(a.min)));
      const diffs: string[] = [];
      if (stated.length !== profileBands.length) diffs.push(`等级数为 ${stated.length} 档，规则为 ${profileBands.length} 档`);
      stated.forEach((s, k) => {
        const p = profileBands[k];
        if (!p) return;
        if (canonicalGrade(s.grade, syn) !== canonicalGrade(p.name, syn)) diffs.push(`第 ${k + 1} 档名称为“${s.grade}”，规则为“${p.name}”`);
        if (!dec(s.min).equals(dec(p.min))) diffs.push(`“${s.grade}”的下限为 ${s.min} 分，规则为 ${p.min} 分`);
      });
      if (diffs.length === 0) return;
      out.push({
        message: `报告所述等级区间与规则（${profile.name} ${profile.version}：${describe(profileBands)}）不一致：${diffs.join('；')}。请确认适用的规则。`,
        location: { path: `claims.${i}`, label: '文中数据 › 等级区间' },
        reported: describe(stated.map((s) => ({ name: s.grade, min: s.min }))),
        expected: describe(profileBands),
        difference: null,
      });
    });
    return out;
  },
};
