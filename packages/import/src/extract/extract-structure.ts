/**
 * Document structure: title, unit name, fiscal year, kind, jurisdiction/profile, chapter
 * headings with their printed numbers and levels, goals written in the text, the
 * evaluation team and the report date.
 */
import { chineseNumeral } from '../parse-number.js';
import { compactLine } from '../normalise-text.js';
import type { Block } from '../segment-blocks.js';
import { GOAL_SECTION, JURISDICTIONS, ORG_SUFFIX, TARGET_VERB, TEAM_HEADING, TEAM_ROLE } from '../vocab/prose-vocab.js';
import { setProv, type Ctx } from './draft.js';
import { iso } from './extract-prose.js';

const TITLE_END = /(?:报告|表)$/;
const TITLE_RE = /(?:绩效(?:自评价?|评价)(?:报告|表)|自评报告|绩效报告)$/;
const TITLE_UNIT_RE =
  /^(?:附件\s*\d*\s*)?(?:(\d{4})\s*年度?)?(.*?)(?:(\d{4})\s*年度?)?(?:部门|单位)?(?:整体支出|项目支出|整体|项目)?(?:预算)?(?:绩效)?(?:自评价?|评价)(?:报告|表)$/;
const GENERIC_UNIT = /^(?:部门|单位|本单位|我单位|本部门|预算单位|市级|县级|区级|财政)?$|待填写|待补充|[【】]|^[X×＊*]{2,}/;

export function extractTitleAndUnit(ctx: Ctx): void {
  const ev = ctx.ev;
  const lines = ctx.lines;
  let best: { line: number; text: string; score: number } | null = null;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!.trim();
    if (raw.length < 6 || raw.length > 80 || !TITLE_END.test(raw)) continue;
    const c = compactLine(raw).text;
    if (/[。，；]/.test(c) || !TITLE_RE.test(c)) continue;
    const score = (/报告$/.test(c) ? 2 : 1) + (/自评/.test(c) ? 1 : 0);
    if (!best || score > best.score) best = { line: i, text: raw, score };
  }
  if (best) {
    ev.source = { file: ctx.file, format: ev.source?.format ?? null, title: best.text };
    const c = compactLine(best.text).text;
    const m = TITLE_UNIT_RE.exec(c);
    if (m) {
      const year = m[1] ?? m[3];
      if (year) {
        ev.fiscalYear = Number(year);
        const at = lines[best.line]!.indexOf(year);
        setProv(ctx, 'fiscalYear', best.line, at, at + 4);
      }
      const name = m[2]!.replace(/^[\s　]+|[\s　]+$/g, '');
      if (!GENERIC_UNIT.test(name) && name.length >= 2 && ev.unit.name === null) {
        ev.unit.name = name;
        const line = lines[best.line]!;
        const at = line.indexOf(name);
        setProv(ctx, 'unit.name', best.line, Math.max(0, at), Math.max(0, at) + name.length);
      }
    }
  }
  // "填报单位：某某局（盖章）" on a line of its own
  if (ev.unit.name === null) {
    for (let i = 0; i < lines.length; i++) {
      const t = lines[i]!;
      if (t.length > 60 || !(t.includes('单位') || t.includes('名称'))) continue;
      const m = /^\s*(?:(?:市级|县级|区级|省级)?(?:填报|评价|预算|申报)?(?:部门|单位)(?:名称)?\s*[：:]|(?:(?:市级|县级|区级|省级)?预算)?(?:部门|单位)名称\s)\s*([^\s，,。；]{3,40}?)\s*(?:[（(]盖章[）)])?\s*$/.exec(t);
      if (m && !GENERIC_UNIT.test(m[1]!)) {
        ev.unit.name = m[1]!;
        const at = t.indexOf(m[1]!);
        setProv(ctx, 'unit.name', i, at, at + m[1]!.length);
        break;
      }
    }
  }
  // signature: an organisation's name alone on one of the last lines
  if (ev.unit.name === null) {
    let seen = 0;
    for (let i = lines.length - 1; i >= 0 && seen < 6; i--) {
      const t = lines[i]!.trim();
      if (t === '') continue;
      seen++;
      if (/^\d{4}\s*年/.test(t)) continue;
      const c = compactLine(t).text;
      if (c.length >= 3 && c.length <= 40 && /^[\u4e00-\u9fa5（）()]+$/.test(c) && ORG_SUFFIX.test(c)) {
        ev.unit.name = c;
        const at = lines[i]!.indexOf(t);
        setProv(ctx, 'unit.name', i, at, at + t.length);
        break;
      }
    }
  }
  // fiscal year from the text when the title gave none
  if (ev.fiscalYear === 2000 || !best) {
    const counts = new Map<number, number>();
    const text = lines.join('\n');
    for (const m of text.matchAll(/(\d{4})\s*年度/g)) counts.set(Number(m[1]), (counts.get(Number(m[1])) ?? 0) + 3);
    for (const m of text.matchAll(/(\d{4})\s*年(?!\d)/g)) counts.set(Number(m[1]), (counts.get(Number(m[1])) ?? 0) + 1);
    let year = 0;
    let n = 0;
    for (const [y, c] of counts) if (y >= 1990 && y <= 2100 && (c > n || (c === n && y > year))) {
      year = y;
      n = c;
    }
    if (year && ev.fiscalYear === 2000) ev.fiscalYear = year;
  }
  // kind
  const head = lines.slice(0, Math.min(lines.length, 400)).join('\n');
  if (ev.project || (/项目(?:支出)?绩效自评(?:表|报告)/.test(compactLine(best?.text ?? '').text) && !/整体/.test(best?.text ?? ''))) ev.kind = 'project';
  else if (/整体支出|部门整体/.test(head)) ev.kind = 'department';
}

const JURISDICTION_RE = new RegExp(
  [...new Set(JURISDICTIONS.flatMap((j) => [...j.words, ...j.cities]))].sort((a, b) => b.length - a.length).join('|'),
  'g',
);

export function extractJurisdiction(ctx: Ctx): void {
  const text = ctx.lines.join('\n');
  const ev = ctx.ev;
  let bestIdx = -1;
  let bestCount = 0;
  const counts = new Map<string, number>();
  for (const m of text.matchAll(JURISDICTION_RE)) counts.set(m[0], (counts.get(m[0]) ?? 0) + 1);
  JURISDICTIONS.forEach((j, idx) => {
    let count = 0;
    for (const w of j.words) count += counts.get(w) ?? 0;
    for (const c of j.cities) count += counts.get(c) ?? 0;
    if (count > bestCount) {
      bestCount = count;
      bestIdx = idx;
    }
  });
  if (bestIdx < 0) {
    ev.profile = 'national';
    return;
  }
  const j = JURISDICTIONS[bestIdx]!;
  ev.profile = j.profile;
  ev.jurisdiction.province = j.province;
  let city: string | null = null;
  let cityCount = 0;
  for (const c of j.cities) {
    const n = counts.get(c) ?? 0;
    if (n > cityCount) {
      cityCount = n;
      city = c;
    }
  }
  if (city) {
    const m = new RegExp(`${city}(市|州|地区|县|区)?([\\u4e00-\\u9fa5]{1,3}?(?:县|区))?`).exec(text);
    const suffix = m?.[1] ?? '';
    ev.jurisdiction.name = m ? m[0] : city;
    if (suffix === '县' || suffix === '区') ev.jurisdiction.county = city + suffix;
    else {
      if (suffix) ev.jurisdiction.city = city + suffix;
      if (m?.[2]) ev.jurisdiction.county = m[2];
    }
  }
}

interface Heading {
  line: number;
  level: number;
  number: string;
  value: number;
  style: string;
  title: string;
  rest: string;
}

/** Endings of a heading-like phrase (a title, not a sentence). */
const TITLE_NOUN = /(?:情况|分析|方面|措施|建议|工作|问题|目标|职责|计划|设置|支出|说明|机制|管理|结论|评价|过程|方法|组织|原因|应用|公开|指标)$/;
const H1 = /^([一二三四五六七八九十百]+)\s*([、.．])\s*(.+)$/;
const H1B = /^(第[一二三四五六七八九十]+(?:部分|章))\s*(.*)$/;
const H2 = /^([（(]\s*([一二三四五六七八九十]+)\s*[）)])\s*(.+)$/;
const H3 = /^(\d{1,2})\s*([、.．])(?!\d)\s*(.+)$/;
const H4 = /^([（(]\s*(\d{1,2})\s*[）)])\s*(.+)$/;
const H5 = /^([①②③④⑤⑥⑦⑧⑨⑩])\s*(.+)$/;

function splitTitle(text: string): { title: string; rest: string } {
  const t = text.trim();
  const m = /^(.*?)[。：:](.*)$/.exec(t);
  if (m && m[1]!.length <= 40) return { title: m[1]!.trim(), rest: m[2]!.trim() };
  if (t.length <= 40) return { title: t.replace(/[。：:]$/, ''), rest: '' };
  const comma = /^(.{4,40}?)[，,]/.exec(t);
  if (comma) return { title: comma[1]!, rest: t.slice(comma[0].length) };
  return { title: t.slice(0, 40), rest: t.slice(40) };
}

export function extractChapters(ctx: Ctx, blocks: Block[]): void {
  const ev = ctx.ev;
  const lines = ctx.lines;
  const headings: Heading[] = [];
  let lastL1 = 0;
  let arabic: Array<{ style: string; last: number; run: number }> = [];
  let runCounter = 0;
  const runOf: number[] = [];
  const runOk = new Map<number, boolean>();
  const paraLines: number[] = [];
  for (const b of blocks) if (b.kind === 'para') paraLines.push(b.line);
  for (const li of paraLines) {
    const raw = lines[li]!.trim();
    const t = raw.replace(/^[\s\u3000]+/, '');
    let m: RegExpExecArray | null;
    if ((m = H1.exec(t)) && chineseNumeral(m[1]!) !== null) {
      const { title, rest } = splitTitle(m[3]!);
      const value = chineseNumeral(m[1]!)!;
      headings.push({ line: li, level: 1, number: `${m[1]}${m[2]}`, value, style: 'cn', title, rest });
      lastL1 = value;
      arabic = [];
      continue;
    }
    if ((m = H1B.exec(t))) {
      const value = chineseNumeral(m[1]!.replace(/^第|部分$|章$/g, '')) ?? lastL1 + 1;
      const { title, rest } = splitTitle(m[2] || m[1]!);
      headings.push({ line: li, level: 1, number: m[1]!, value, style: 'part', title, rest });
      lastL1 = value;
      arabic = [];
      continue;
    }
    if ((m = H2.exec(t))) {
      const { title, rest } = splitTitle(m[3]!);
      headings.push({ line: li, level: 2, number: m[1]!.replace(/\s+/g, ''), value: chineseNumeral(m[2]!) ?? 0, style: 'paren-cn', title, rest });
      arabic = [];
      continue;
    }
    const m3 = H3.exec(t);
    const m4 = m3 ? null : H4.exec(t);
    const m5 = m3 || m4 ? null : H5.exec(t);
    if (m3 || m4 || m5) {
      const value = m3 ? Number(m3[1]) : m4 ? Number(m4[2]) : '①②③④⑤⑥⑦⑧⑨⑩'.indexOf(m5![1]!) + 1;
      const style = m3 ? `n${m3[2] === '．' ? '.' : m3[2]}` : m4 ? 'paren-n' : 'circled';
      const number = m3 ? `${m3[1]}${m3[2]}` : m4 ? m4[1]!.replace(/\s+/g, '') : m5![1]!;
      const body = (m3 ? m3[3] : m4 ? m4[3] : m5![2])!;
      const { title, rest } = splitTitle(body);
      // A top-level heading numbered in the wrong style ("4、" between "三、" and "五、")
      const sibling = arabic.find((a) => a.style === style);
      const short = body.length <= 30 && !/[。；]/.test(body.replace(/。$/, ''));
      if (m3 && value === lastL1 + 1 && short && !(sibling && sibling.last === value - 1)) {
        headings.push({ line: li, level: 1, number, value, style: 'arabic-top', title, rest });
        lastL1 = value;
        arabic = [];
        continue;
      }
      const firstSeg = /^(.*?)(?:[。：:]|$)/.exec(body.trim())![1]!.trim();
      const qualifies =
        (body.length <= 30 && !/。./.test(body)) ||
        (firstSeg.length <= 20 && !/[，,]/.test(firstSeg) && (firstSeg.length <= 8 || TITLE_NOUN.test(firstSeg)));
      let pos = arabic.findIndex((a) => a.style === style);
      if (pos < 0 || value === 1) {
        if (pos >= 0) arabic = arabic.slice(0, pos);
        arabic.push({ style, last: value, run: ++runCounter });
        pos = arabic.length - 1;
      } else {
        arabic = arabic.slice(0, pos + 1);
        arabic[pos]!.last = value;
      }
      const run = arabic[pos]!.run;
      runOk.set(run, (runOk.get(run) ?? true) && qualifies);
      const level = Math.min(4, 3 + pos);
      runOf[headings.length] = run;
      headings.push({ line: li, level, number, value, style, title, rest });
    }
  }
  // numbered items are headings only when every item of their list reads like a title
  for (let k = headings.length - 1; k >= 0; k--) {
    const run = runOf[k];
    if (run !== undefined && runOk.get(run) === false) headings.splice(k, 1);
  }
  // bodies: text between one heading and the next
  const headingLines = new Set(headings.map((h) => h.line));
  const nextHeadingLine = (idx: number) => (idx + 1 < headings.length ? headings[idx + 1]!.line : Number.MAX_SAFE_INTEGER);
  let cursor = 0;
  headings.forEach((h, idx) => {
    const stop = nextHeadingLine(idx);
    const bodyLines: string[] = [];
    if (h.rest) bodyLines.push(h.rest);
    while (cursor < paraLines.length && paraLines[cursor]! <= h.line) cursor++;
    for (let k = cursor; k < paraLines.length && paraLines[k]! < stop; k++) {
      const li = paraLines[k]!;
      if (headingLines.has(li)) continue;
      bodyLines.push(lines[li]!.trim());
    }
    const chapterIdx = ev.chapters.length;
    ev.chapters.push({ level: h.level, number: h.number, title: h.title, body: bodyLines.length ? bodyLines.join('\n') : null });
    const at = lines[h.line]!.indexOf(h.number.slice(0, 1));
    setProv(ctx, `chapters.${chapterIdx}`, h.line, Math.max(0, at), lines[h.line]!.length);
  });
  extractGoals(ctx, headings, paraLines);
  extractTeam(ctx, headings, paraLines);
}

const TARGET_PIECE = new RegExp(`^\\s*([^，,。：:]{2,30}?)\\s*((?:${TARGET_VERB.source}\\s*)+\\d[^，,。]*)$`);

function extractGoals(ctx: Ctx, headings: Heading[], paraLines: number[]): void {
  const ev = ctx.ev;
  const lines = ctx.lines;
  const goalSectionLevels: number[] = [];
  let cursor = 0;
  headings.forEach((h, idx) => {
    const stop = idx + 1 < headings.length ? headings[idx + 1]!.line : Number.MAX_SAFE_INTEGER;
    const body: number[] = [];
    while (cursor < paraLines.length && paraLines[cursor]! <= h.line) cursor++;
    for (let k = cursor; k < paraLines.length && paraLines[k]! < stop; k++) body.push(paraLines[k]!);
    while (goalSectionLevels.length && goalSectionLevels[goalSectionLevels.length - 1]! >= h.level) goalSectionLevels.pop();
    const inGoalSection = goalSectionLevels.length > 0;
    if (GOAL_SECTION.test(h.title) && !/完成|实现/.test(h.title)) {
      goalSectionLevels.push(h.level);
      return;
    }
    let expected: string | null = null;
    let expectedLine = -1;
    const targets: Array<{ name: string; target: string; line: number; start: number; end: number }> = [];
    const allLines = h.rest ? [h.line, ...body] : body;
    for (const li of allLines) {
      const line = lines[li]!;
      const gm = /绩效目标\s*[：:]\s*(.+)$/.exec(line);
      if (gm && expected === null) {
        expected = gm[1]!.trim();
        expectedLine = li;
        continue;
      }
      // targets: "…率达到 90%及以上；…"
      const pieces = line.split(/[；;]/);
      let offset = 0;
      for (const piece of pieces) {
        if (!/\d/.test(piece)) {
          offset += piece.length + 1;
          continue;
        }
        const pm = TARGET_PIECE.exec(piece.replace(/[。；;]\s*$/, ''));
        if (pm && /\d/.test(pm[2]!) && !/分为|得分|为(?:优|良|中|差)/.test(piece)) {
          const name = pm[1]!.replace(/\s+/g, '');
          const target = pm[2]!.trim();
          const at = line.indexOf(target, offset);
          targets.push({ name, target, line: li, start: at, end: at + target.length });
        }
        offset += piece.length + 1;
      }
    }
    if (expected === null && targets.length === 0) {
      if (inGoalSection) ev.goals.push({ title: h.title, expected: null, achieved: null, targets: [] });
      return;
    }
    if (expected === null && body.length > 0) {
      const first = lines[body[0]!]!.trim();
      if (!targets.some((t) => t.line === body[0])) {
        expected = first;
        expectedLine = body[0]!;
      }
    }
    const gi = ev.goals.length;
    ev.goals.push({ title: `${h.number}${h.title}`, expected, achieved: null, targets: targets.map((t) => ({ name: t.name, target: t.target })) });
    if (expected && expectedLine >= 0) {
      const at = lines[expectedLine]!.indexOf(expected);
      setProv(ctx, `goals.${gi}.expected`, expectedLine, Math.max(0, at), Math.max(0, at) + expected.length);
    }
    targets.forEach((t, ti) => setProv(ctx, `goals.${gi}.targets.${ti}`, t.line, t.start, t.end));
  });
  // "年度整体绩效目标是推动…。"
  for (const li of paraLines) {
    if (!lines[li]!.includes('目标')) continue;
    const c = compactLine(lines[li]!).text;
    const m = /(?:^|[，。；：,])((?:年度)?(?:部门)?(?:整体|总体)?绩效目标)(?:是|为)([^。；]{4,80})[。；]?/.exec(c);
    if (!m || /^[，,]/.test(m[2]!)) continue;
    const gi = ev.goals.length;
    ev.goals.push({ title: m[1]!, expected: m[2]!.trim(), achieved: null, targets: [] });
    setProv(ctx, `goals.${gi}.expected`, li, 0, lines[li]!.length);
  }
}

function extractTeam(ctx: Ctx, headings: Heading[], paraLines: number[]): void {
  const ev = ctx.ev;
  const lines = ctx.lines;
  let from = -1;
  for (const h of headings) if (TEAM_HEADING.test(h.title)) from = h.line;
  if (from < 0) {
    for (const li of paraLines) if (TEAM_HEADING.test(lines[li]!) && lines[li]!.trim().length <= 40) from = li;
  }
  if (from < 0) return;
  let role: string | null = null;
  let misses = 0;
  for (const li of paraLines) {
    if (li <= from) continue;
    let t = lines[li]!.trim().replace(/\u3000/g, ' ');
    const rm = TEAM_ROLE.exec(t);
    if (rm) {
      role = rm[1]!.replace(/\s+/g, '');
      t = t.slice(rm[0].length);
    }
    const m = /^([\u4e00-\u9fa5](?:\s?[\u4e00-\u9fa5]){1,3}?)(?:\s+|[，,、])(\S.{1,40})$/.exec(t);
    if (!m || /\d{4}\s*年/.test(t)) {
      if (++misses >= 2) break;
      continue;
    }
    misses = 0;
    const i = ev.team.length;
    ev.team.push({ name: m[1]!.replace(/\s+/g, ''), role, title: m[2]!.trim(), unit: null });
    const at = lines[li]!.indexOf(m[1]!);
    setProv(ctx, `team.${i}`, li, Math.max(0, at), lines[li]!.length);
  }
}

/** "填表人：张三　填报日期：2024年1月5日　联系电话：…　单位负责人签字：李四" under the base-data sheet. */
export function extractSignatures(ctx: Ctx): void {
  const bd = ctx.ev.baseData;
  if (!bd) return;
  const lines = ctx.lines;
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i]!;
    if (!t.includes('填表人') && !t.includes('负责人签')) continue;
    const sig = bd.signatures;
    const field = (re: RegExp) => {
      const m = re.exec(t);
      const v = m?.[1]?.trim() ?? '';
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

export function extractReportDate(ctx: Ctx): void {
  const lines = ctx.lines;
  let seen = 0;
  for (let i = lines.length - 1; i >= 0 && seen < 10; i--) {
    const t = lines[i]!.trim();
    if (t === '') continue;
    seen++;
    const c = compactLine(t).text;
    const m = /^(?:(?:报告|填报|编制)?日期[：:])?(\d{4})年(\d{1,2})月(\d{1,2})日$/.exec(c);
    if (m) {
      ctx.ev.dates.reportDate = iso(m[1]!, m[2]!, m[3]!);
      setProv(ctx, 'dates.reportDate', i, lines[i]!.indexOf(t), lines[i]!.indexOf(t) + t.length);
      return;
    }
  }
}
