/** The signature line under the base-data sheet, and the report date at the end of the report. */
import { compactLine } from '../normalise-text.js';
import { iso } from '../prose/prose-context.js';
import { sectionLines, setProv, type Ctx } from '../assemble/draft.js';

/** "填表人：张三　填报日期：2024年1月5日　联系电话：…　单位负责人签字：李四" under the base-data sheet. */
export function readSignatures(ctx: Ctx): void {
  const bd = ctx.ev.baseData;
  if (!bd) return;
  for (const { i, text: t } of sectionLines(ctx)) {
    if (!t.includes('填表人') && !t.includes('负责人签')) continue;
    const sig = bd.signatures;
    const field = (re: RegExp) => {
      const v = re.exec(t)?.[1]?.trim() ?? '';
      return v && !/[：:]$/.test(v) && !/^(?:填报日期|联系电话|单位负责人|填表人)/.test(v) ? v : null;
    };
    sig.filler ??= field(/填表人\s*[：:]\s*(\S{2,10}?)(?=\s|$|填报|联系)/);
    sig.head ??= field(/负责人(?:签字|签名)?\s*[：:]\s*(\S{2,10}?)(?=\s|$)/);
    sig.phone ??= field(/联系电话\s*[：:]\s*([\d\-－ ()（）]{7,20}?)(?=\s{2,}|\s*$|单位)/);
    const d = /填报日期\s*[：:]\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/.exec(t);
    if (d && !sig.date) sig.date = iso(d[1]!, d[2]!, d[3]!);
    setProv(ctx, 'baseData.signatures', i, 0, t.length);
    return;
  }
}

export function readReportDate(ctx: Ctx): void {
  let seen = 0;
  for (let i = ctx.to - 1; i >= ctx.from && seen < 10; i--) {
    const t = ctx.lines[i]!.trim();
    if (t === '') continue;
    seen++;
    const m = /^(?:(?:报告|填报|编制)?日期[：:])?(\d{4})年(\d{1,2})月(\d{1,2})日$/.exec(compactLine(t).text);
    if (!m) continue;
    ctx.ev.dates.reportDate = iso(m[1]!, m[2]!, m[3]!);
    const at = ctx.lines[i]!.indexOf(t);
    setProv(ctx, 'dates.reportDate', i, at, at + t.length);
    return;
  }
}
