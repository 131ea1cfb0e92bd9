import type { Evaluation } from '../../model/evaluation.js';
import type { AuditRule, FindingDraft } from '../types.js';
import { amountInterval, canonicalGrade, dec, fmt, judgeStated } from '../finding-helpers.js';
import { RULES_DATA } from '../rules-data.js';

type Field = Extract<Evaluation['claims'][number], { type: 'figure' }>['field'];

const TABLE: Record<Field, { label: string; path: string; get: (ev: Evaluation) => string | null }> = {
  selfScore: { label: '自评总分', path: 'totals.statedScore', get: (ev) => ev.totals.statedScore },
  grade: { label: '评价等级', path: 'totals.statedGrade', get: (ev) => ev.totals.statedGrade },
  executionRate: { label: '预算执行率', path: 'budgetExecution.statedRate', get: (ev) => ev.budgetExecution.statedRate },
  initialBudget: { label: '年初预算数', path: 'funds.total.initial', get: (ev) => ev.funds.total.initial },
  adjustedBudget: { label: '全年预算数', path: 'funds.total.adjusted', get: (ev) => ev.funds.total.adjusted },
  executed: { label: '全年执行数', path: 'funds.total.executed', get: (ev) => ev.funds.total.executed },
  basicExpenditure: { label: '基本支出', path: 'funds.basic.executed', get: (ev) => ev.funds.basic.executed },
  projectExpenditure: { label: '项目支出', path: 'funds.project.executed', get: (ev) => ev.funds.project.executed },
  personnel: { label: '人员经费', path: 'funds.personnel.executed', get: (ev) => ev.funds.personnel.executed },
  operating: { label: '公用经费', path: 'funds.operating.executed', get: (ev) => ev.funds.operating.executed },
};

/** 报告正文引用的数字应与表中同一数字一致（文表一致）。 */
export const figureClaimsMatch: AuditRule = {
  id: 'figure-claims-match',
  title: { zh: '正文引用的数字应与表中一致', en: 'Figures quoted in the text match the tables' },
  severity: 'error',
  category: 'consistency',
  check({ evaluation: ev }) {
    const out: FindingDraft[] = [];
    ev.claims.forEach((c, i) => {
      if (c.type !== 'figure') return;
      const t = TABLE[c.field];
      const table = t.get(ev);
      if (table === null) return;
      const quote = c.text ? `原文：“${c.text}”` : '';
      if (c.field === 'grade') {
        const syn = RULES_DATA.gradeSynonyms;
        if (canonicalGrade(c.value, syn) === canonicalGrade(table, syn)) return;
        out.push({
          message: `正文中${t.label}为“${c.value}”，表中为“${table}”；无法判断哪一处有误。${quote}`,
          location: { path: `claims.${i}`, label: `文中数据 › ${t.label}` },
          reported: c.value,
          expected: table,
          difference: null,
        });
        return;
      }
      const value = c.value.replace(/[%％万元分\s]/g, '');
      if (!/^-?\d+(\.\d+)?$/.test(value)) return;
      if (judgeStated(value, amountInterval(table)).verdict === 'consistent') return;
      out.push({
        message: `正文中${t.label}为 ${value}，表中为 ${table}，相差 ${fmt(dec(value).minus(dec(table)))}；无法判断哪一处有误。${quote}`,
        location: { path: `claims.${i}`, label: `文中数据 › ${t.label}` },
        reported: value,
        expected: table,
        difference: fmt(dec(value).minus(dec(table))),
      });
    });
    return out;
  },
};
