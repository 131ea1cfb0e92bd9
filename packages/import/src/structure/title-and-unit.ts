/**
 * The report's title, the unit that reports, and the fiscal year: from the title line, a
 * "填报单位：…" line, or the signature at the end; the year from the title or the text.
 */
import { compactLine } from '../normalise-text.js';
import { ORG_SUFFIX } from '../vocab/prose-vocab.js';
import { sectionLines, setProv, type Ctx } from '../assemble/draft.js';

const TITLE_END = /(?:报告|表)$/;
const TITLE_RE = /(?:绩效(?:自评价?|评价)(?:报告|表)|自评报告|绩效报告)$/;
const TITLE_UNIT_RE =
  /^(?:附件\s*\d*\s*)?(?:(\d{4})\s*年度?)?(.*?)(?:(\d{4})\s*年度?)?(?:部门|单位)?(?:整体支出|项目支出|整体|项目)?(?:预算)?(?:绩效)?(?:自评价?|评价)(?:报告|表)$/;
export const GENERIC_UNIT = /^(?:部门|单位|本单位|我单位|本部门|预算单位|市级|县级|区级|财政)?$|待填写|待补充|[【】]|^[X×＊*]{2,}/;
const UNIT_LINE =
  /^\s*(?:(?:市级|县级|区级|省级)?(?:填报|评价|预算|申报)?(?:部门|单位)(?:名称)?\s*[：:]|(?:(?:市级|县级|区级|省级)?预算)?(?:部门|单位)名称\s)\s*([^\s，,。；]{3,40}?)\s*(?:[（(]盖章[）)])?\s*$/;

/** The best title line of the section: a line ending in 报告/表 that names a self-evaluation. */
export function findTitle(ctx: Ctx): { line: number; text: string } | null {
  let best: { line: number; text: string; score: number } | null = null;
  for (const { i, text } of sectionLines(ctx)) {
    const raw = text.trim();
    if (raw.length < 6 || raw.length > 80 || !TITLE_END.test(raw)) continue;
    const c = compactLine(raw).text;
    if (/[。，；]/.test(c) || !TITLE_RE.test(c)) continue;
    const score = (/报告$/.test(c) ? 2 : 1) + (/自评/.test(c) ? 1 : 0);
    if (!best || score > best.score) best = { line: i, text: raw, score };
  }
  return best;
}

function unitFromTitle(ctx: Ctx, title: { line: number; text: string }): void {
  const ev = ctx.ev;
  const m = TITLE_UNIT_RE.exec(compactLine(title.text).text);
  if (!m) return;
  const year = m[1] ?? m[3];
  const line = ctx.lines[title.line]!;
  if (year) {
    ev.fiscalYear = Number(year);
    const at = line.indexOf(year);
    setProv(ctx, 'fiscalYear', title.line, at, at + 4);
  }
  const name = m[2]!.replace(/^[\s　]+|[\s　]+$/g, '');
  if (GENERIC_UNIT.test(name) || name.length < 2 || ev.unit.name !== null) return;
  ev.unit.name = name;
  const at = Math.max(0, line.indexOf(name));
  setProv(ctx, 'unit.name', title.line, at, at + name.length);
}

/** "填报单位：某某局（盖章）" on a line of its own. */
function unitFromLine(ctx: Ctx): void {
  for (const { i, text: t } of sectionLines(ctx)) {
    if (t.length > 60 || !(t.includes('单位') || t.includes('名称'))) continue;
    const m = UNIT_LINE.exec(t);
    if (!m || GENERIC_UNIT.test(m[1]!)) continue;
    ctx.ev.unit.name = m[1]!;
    const at = t.indexOf(m[1]!);
    setProv(ctx, 'unit.name', i, at, at + m[1]!.length);
    return;
  }
}

/** The signature: an organisation's name alone on one of the last lines. */
function unitFromSignature(ctx: Ctx): void {
  let seen = 0;
  for (let i = ctx.to - 1; i >= ctx.from && seen < 6; i--) {
    const t = ctx.lines[i]!.trim();
    if (t === '') continue;
    seen++;
    if (/^\d{4}\s*年/.test(t)) continue;
    const c = compactLine(t).text;
    if (c.length < 3 || c.length > 40 || !/^[\u4e00-\u9fa5（）()]+$/.test(c) || !ORG_SUFFIX.test(c)) continue;
    ctx.ev.unit.name = c;
    const at = ctx.lines[i]!.indexOf(t);
    setProv(ctx, 'unit.name', i, at, at + t.length);
    return;
  }
}

/** The year most often written as "NNNN年度" (weight 3) or "NNNN年" (weight 1); ties to the later year. */
export function mostCitedYear(text: string): number | null {
  const counts = new Map<number, number>();
  for (const m of text.matchAll(/(\d{4})\s*年度/g)) counts.set(Number(m[1]), (counts.get(Number(m[1])) ?? 0) + 3);
  for (const m of text.matchAll(/(\d{4})\s*年(?!\d)/g)) counts.set(Number(m[1]), (counts.get(Number(m[1])) ?? 0) + 1);
  let year = 0;
  let n = 0;
  for (const [y, c] of counts) {
    if (y >= 1990 && y <= 2100 && (c > n || (c === n && y > year))) {
      year = y;
      n = c;
    }
  }
  return year || null;
}

export function readTitleAndUnit(ctx: Ctx): { line: number; text: string } | null {
  const ev = ctx.ev;
  const title = findTitle(ctx);
  if (title) {
    ev.source = { file: ctx.file, format: ev.source?.format ?? null, title: title.text, incomplete: ev.source?.incomplete ?? null };
    unitFromTitle(ctx, title);
  }
  if (ev.unit.name === null) unitFromLine(ctx);
  if (ev.unit.name === null) unitFromSignature(ctx);
  if (ev.fiscalYear === 2000 || !title) {
    const year = mostCitedYear(sectionLines(ctx).map((l) => l.text).join('\n'));
    if (year && ev.fiscalYear === 2000) ev.fiscalYear = year;
  }
  return title;
}
