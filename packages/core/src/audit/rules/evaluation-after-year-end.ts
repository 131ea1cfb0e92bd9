import type { AuditRule, FindingDraft } from '../types.js';

/** 年度自评只能在预算年度结束之后进行。 */
export const evaluationAfterYearEnd: AuditRule = {
  id: 'evaluation-after-year-end',
  title: { zh: '自评日期应在预算年度结束之后', en: 'The evaluation is dated after the fiscal year' },
  severity: 'warning',
  category: 'plausibility',
  check({ evaluation: ev }) {
    const out: FindingDraft[] = [];
    const yearEnd = `${ev.fiscalYear}-12-31`;
    const { evaluationStart: start, evaluationEnd: end, reportDate } = ev.dates;
    const early = [start, end].filter((d): d is string => d !== null && d <= yearEnd);
    if (early.length > 0) {
      const period = start && end ? `${start} 至 ${end}` : (start ?? end)!;
      out.push({
        message: `${ev.fiscalYear} 年度的自评工作时间为 ${period}，早于预算年度结束（${yearEnd}）${reportDate ? `，而报告日期为 ${reportDate}` : ''}；年度自评不能在年度结束前完成，日期可能有误或沿用了旧稿。`,
        location: { path: start !== null && start <= yearEnd ? 'dates.evaluationStart' : 'dates.evaluationEnd', label: '自评工作时间' },
        reported: period,
        expected: `${ev.fiscalYear + 1}-01-01 之后`,
        difference: null,
      });
    }
    if (reportDate !== null && reportDate <= yearEnd) {
      out.push({
        message: `报告日期 ${reportDate} 早于预算年度结束（${yearEnd}），年度自评报告不能在年度结束前出具。`,
        location: { path: 'dates.reportDate', label: '报告日期' },
        reported: reportDate,
        expected: `${ev.fiscalYear + 1}-01-01 之后`,
        difference: null,
      });
    }
    return out;
  },
};
