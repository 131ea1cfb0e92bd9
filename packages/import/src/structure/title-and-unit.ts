/**
 * The report's title, the unit that reports, and the fiscal year: from the title line, a
 * "填报单位：…" line, or the signature at the end; the year from the title or the text.
 */
import { compactLine } from '../normalise-text.js';
import { ORG_SUFFIX } from '../vocab/prose-vocab.js';
import { sectionLines, setProv, type Ctx } from '../assemble/draft.js';
import { titleParts, type TitleParts } from './title-parts.js';

export const GENERIC_UNIT = /^(?:部门|单位|本单位|我单位|本部门|预算单位|市级|县级|区级|财政)?$|待填写|待补充|[【】]|^[X×＊*]{2,}/;
const UNIT_LINE =
  /^\s*(?:(?:市级|县级|区级|省级)?(?:填报|评价|预算|申报)?(?:部门|单位)(?:[（(](?:部门|单位)[）)])?(?:名称)?\s*[：:]|(?:(?:市级|县级|区级|省级)?预算)?(?:部门|单位)名称\s)\s*([^\s，,。；]{3,40}?)\s*(?:[（(]盖章[）)])?\s*$/;
/**
 * A title run together with what follows it, as texts taken from PDFs have it: the first heading
 * ("…自评价报告一、基本情况…") or the opening sentence ("…自评报告为进一步规范…", "…根据…", "…按照…").
 */
const GLUED_TITLE = /^(.{4,60}?(?:报告|表))(?=[一二三四五六七八九十]+、|为(?:进一步|了|加强|全面|切实|规范)|根据|按照|依据|现将)/;
/** A numbered heading ("十四、…", "（三）…", "2.…"): a chapter or a table of contents' entry, not the document's title. */
const NUMBERED = /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、．]|\d+\.(?!\d))/;
/** The title of the unit's other published report — its final accounts or budget — which holds a self-evaluation as a part. */
const OTHER_REPORT = /^(.{2,40}?)(\d{4})\s*年度?(?:部门|单位)?(?:决算|预算)(?:公开)?(?:报告|说明)?$/;
/** The second line of a title broken in two: only the evaluation words. */
const TITLE_SECOND_LINE = /^(?:绩效|自评|评价|整体支出|项目支出|支出)[\u4e00-\u9fa5]*(?:报告|表)$/;

export interface Title {
  line: number;
  /** The title as printed (on its line, without what a PDF glued after it). */
  text: string;
  parts: TitleParts;
}

/** The best title line of the section: a line (or a line's start) that names a self-evaluation. */
export function findTitle(ctx: Ctx): Title | null {
  let best: (Title & { score: number }) | null = null;
  const lines = sectionLines(ctx);
  lines.forEach(({ i, text }, k) => {
    const raw = text.trim();
    if (raw.length < 6 || NUMBERED.test(raw)) return;
    const named = raw.includes('报告') || raw.includes('表');
    if (!named && raw.length > 40) return; // (the first half of a title broken in two is short)
    const glued = raw.length > 80 || /[。，；]/.test(raw) ? GLUED_TITLE.exec(raw)?.[1] : raw;
    if (!glued || glued.length > 80 || /[。，；]/.test(glued)) return;
    let parts = named ? titleParts(compactLine(glued).text) : null;
    let printed = glued;
    if (!parts && glued.length <= 40) {
      // a title broken over two lines: "某市2023年度部门整体支出" / "绩效评价自评报告"
      const next = lines.slice(k + 1, k + 3).find((l) => l.text.trim() !== '')?.text.trim();
      if (next && next.length <= 20 && TITLE_SECOND_LINE.test(next)) {
        parts = titleParts(compactLine(glued + next).text);
        printed = `${glued}${next}`;
      }
    }
    if (!parts) return;
    const score = (/报告$/.test(parts.title) ? 2 : 1) + (/自评/.test(parts.title) ? 1 : 0);
    if (!best || score > best.score) best = { line: i, text: printed, parts, score };
  });
  const found = best as (Title & { score: number }) | null;
  return found && { line: found.line, text: found.text, parts: found.parts };
}

function unitFromTitle(ctx: Ctx, title: Title): void {
  const ev = ctx.ev;
  const { year, unit } = title.parts;
  const line = ctx.lines[title.line]!;
  if (year) {
    ev.fiscalYear = year;
    const at = line.indexOf(String(year));
    setProv(ctx, 'fiscalYear', title.line, at, at + 4);
  }
  if (unit === null || GENERIC_UNIT.test(unit) || ev.unit.name !== null) return;
  ev.unit.name = unit;
  const at = Math.max(0, line.indexOf(unit));
  setProv(ctx, 'unit.name', title.line, at, at + unit.length);
}

/**
 * The project or fund a project (or transfer) report's title names, when no 项目名称 field did:
 * "某县交通运输局2023年度农村公路养护项目绩效自评报告" evaluates 农村公路养护项目. After the kind is known.
 */
export function projectFromTitle(ctx: Ctx, title: Title | null): void {
  const ev = ctx.ev;
  const name = title?.parts.subject;
  if (!title || !name || ev.kind === 'department' || ev.project) return;
  ev.project = { name, code: null, implementingUnit: ev.unit.name, manager: null, phone: null, category: null, issuingDepartment: null };
  const line = ctx.lines[title.line]!;
  const at = Math.max(0, line.indexOf(name));
  setProv(ctx, 'project.name', title.line, at, at + name.length);
}

/**
 * No self-evaluation's title, but the title of the unit's final accounts or budget ("某局2024年度部门
 * 决算公开报告"): the unit and the year are its, and the reader is told the file is that report, of
 * which only the self-evaluation parts (if any) are read.
 */
function otherReport(ctx: Ctx): void {
  for (const { i, text } of sectionLines(ctx).slice(0, 12)) {
    const c = compactLine(text.trim()).text;
    const m = OTHER_REPORT.exec(c);
    if (!m) continue;
    const ev = ctx.ev;
    ctx.notes.push(`“${c}”不是绩效自评报告：只读取了其中写明的绩效自评内容（如有）`);
    ev.fiscalYear = Number(m[2]);
    setProv(ctx, 'fiscalYear', i, Math.max(0, text.indexOf(m[2]!)), Math.max(0, text.indexOf(m[2]!)) + 4);
    const unit = m[1]!;
    if (ev.unit.name === null && ORG_SUFFIX.test(unit) && !GENERIC_UNIT.test(unit)) {
      ev.unit.name = unit;
      const at = Math.max(0, text.indexOf(unit));
      setProv(ctx, 'unit.name', i, at, at + unit.length);
    }
    return;
  }
}

/** The first line the hint admits where `re` finds a unit's name (its group 1): the unit, with its place. */
function unitByPattern(ctx: Ctx, lines: Array<{ i: number; text: string }>, hint: (t: string) => boolean, re: RegExp): void {
  for (const { i, text: t } of lines) {
    if (!hint(t)) continue;
    const m = re.exec(t);
    if (!m || GENERIC_UNIT.test(m[1]!)) continue;
    ctx.ev.unit.name = m[1]!;
    const at = t.indexOf(m[1]!);
    setProv(ctx, 'unit.name', i, at, at + m[1]!.length);
    return;
  }
}

/** "填报单位：某某局（盖章）" on a line of its own. */
function unitFromLine(ctx: Ctx): void {
  unitByPattern(ctx, sectionLines(ctx), (t) => t.length <= 60 && (t.includes('单位') || t.includes('名称')), UNIT_LINE);
}

/** "…部门（单位）名称长沙市某区发展和改革局预算编码302001…": the field run together with its neighbours, as document sites give a .docx. */
const GLUED_UNIT_FIELD = new RegExp(
  `(?:部门|单位)(?:[（(](?:部门|单位)[）)])?名称[：:]?\\s*([\\u4e00-\\u9fa5（）()]{2,38}?${ORG_SUFFIX.source.replace(/\$$/, '')})(?=预算编码|单位编码|编码|报告日期|填报日期|联系人|联系电话|主管部门|评价方式|\\s|$)`,
);

function unitFromGluedField(ctx: Ctx): void {
  unitByPattern(ctx, sectionLines(ctx).slice(0, 40), (t) => t.includes('名称'), GLUED_UNIT_FIELD);
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

export function readTitleAndUnit(ctx: Ctx): Title | null {
  const ev = ctx.ev;
  const title = findTitle(ctx);
  if (title) {
    ev.source = { file: ctx.file, format: ev.source?.format ?? null, title: title.text, incomplete: ev.source?.incomplete ?? null };
    unitFromTitle(ctx, title);
  } else otherReport(ctx);
  if (ev.unit.name === null) unitFromLine(ctx);
  if (ev.unit.name === null) unitFromGluedField(ctx);
  if (ev.unit.name === null) unitFromSignature(ctx);
  if (ev.fiscalYear === 2000 || !title) {
    const year = mostCitedYear(sectionLines(ctx).map((l) => l.text).join('\n'));
    if (year && ev.fiscalYear === 2000) ev.fiscalYear = year;
  }
  return title;
}
