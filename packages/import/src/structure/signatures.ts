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

/** A date as forms print it: 2022年3月10日, 2022-03-10, 2022.3.10, 2022/3/10, or "2022 年 8 月 10" (日 lost). */
export function dateIn(text: string): string | null {
  const m = /(\d{4})\s*(?:年|[-./])\s*(\d{1,2})\s*(?:月|[-./])\s*(\d{1,2})(?!\d)/.exec(text);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12 || Number(m[3]) < 1 || Number(m[3]) > 31) return null;
  return iso(m[1]!, m[2]!, m[3]!);
}

const SIGN_FIELD = /(填报人|填表人|联系人|联系电话|项目负责人|单位负责人|财务负责人|负责人|填报日期|日期)\s*[：:]\s*([^：:]*?)(?=\s*(?:填报人|填表人|联系人|联系电话|项目负责人|单位负责人|财务负责人|负责人|填报日期|日期)\s*[：:]|$)/g;

/** "填报人：李华  联系电话：…  填报日期：2022-03-10" at the foot of a project or transfer form. */
export function readFormSignatures(ctx: Ctx): void {
  const sig = ctx.ev.signatures;
  for (const { i, text } of sectionLines(ctx)) {
    if (!/填报人|填表人|联系人|填报日期|项目负责人[：:]/.test(text) || text.length > 160) continue;
    for (const m of text.replace(/\t/g, ' ').matchAll(SIGN_FIELD)) {
      const v = m[2]!.trim();
      if (v === '') continue;
      if (m[1] === '填报日期' || m[1] === '日期') sig.date ??= dateIn(v);
      else if (m[1] === '联系电话') sig.phone ??= /^[\d\-－ ()（）]{7,20}$/.test(v) ? v : null;
      else if (m[1] === '项目负责人') {
        if (ctx.ev.project && v.length <= 10) ctx.ev.project.manager ??= v;
      } else if (m[1] === '财务负责人') continue;
      else if (m[1] === '单位负责人' || m[1] === '负责人') sig.head ??= v.length <= 10 ? v : null;
      else if (m[1] === '联系人') sig.contact ??= v.length <= 10 ? v : null;
      else sig.filler ??= v.length <= 10 ? v : null;
    }
    setProv(ctx, 'signatures', i, 0, ctx.lines[i]!.length);
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
