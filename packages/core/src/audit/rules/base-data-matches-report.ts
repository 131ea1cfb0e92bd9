import type { AuditRule, FindingDraft } from '../types.js';
import { judgeStated, sumOfPrinted, fmt, dec } from '../finding-helpers.js';

/** 基础数据表中的本年决算数应与自评表/报告中的同一金额一致。 */
export const baseDataMatchesReport: AuditRule = {
  id: 'base-data-matches-report',
  title: { zh: '基础数据表应与自评表金额一致', en: 'Base-data sheet agrees with the funds table' },
  severity: 'error',
  category: 'consistency',
  check({ evaluation: ev }) {
    const out: FindingDraft[] = [];
    const bd = ev.baseData;
    if (!bd) return out;
    const lines = bd.projectLines.map((l) => l.actual);
    const projectActual =
      bd.project.actual ??
      (lines.length > 0 && lines.every((v): v is string => v !== null) ? { sum: lines } : null);
    const pairs: Array<{ name: string; sheet: string | { sum: string[] } | null; report: string | null; path: string; reportPath: string }> = [
      { name: '项目支出', sheet: projectActual, report: ev.funds.project.executed, path: 'baseData.project.actual', reportPath: 'funds.project.executed' },
      { name: '公用经费', sheet: bd.operating.actual, report: ev.funds.operating.executed, path: 'baseData.operating.actual', reportPath: 'funds.operating.executed' },
    ];
    for (const p of pairs) {
      if (p.sheet === null || p.report === null) continue;
      const sheetInterval = typeof p.sheet === 'string' ? sumOfPrinted([p.sheet]) : sumOfPrinted(p.sheet.sum);
      const j = judgeStated(p.report, sheetInterval);
      if (j.verdict === 'consistent') continue;
      const sheetText = typeof p.sheet === 'string' ? p.sheet : fmt(p.sheet.sum.reduce((s, v) => s.plus(dec(v)), dec(0)));
      out.push({
        message: `基础数据表中${p.name}本年决算数为 ${sheetText} 万元，自评表/报告中为 ${p.report} 万元，相差 ${fmt(dec(p.report).minus(dec(sheetText)))} 万元；无法判断哪一处填错，请核对。`,
        location: { path: p.reportPath, label: `${p.name} › 全年执行数` },
        reported: p.report,
        expected: sheetText,
        difference: fmt(dec(p.report).minus(dec(sheetText))),
      });
    }
    return out;
  },
};
