/**
 * Headings of a report with their printed numbers and levels: "一、" (1), "（一）" (2), "1、"
 * / "1." / "（1）" / "①" (3–4, by nesting). A numbered list counts as headings only when every
 * item of it reads like a title; a top-level heading numbered in the wrong style ("4、"
 * between "三、" and "五、") is kept at level 1 so the numbering check can see it.
 */
import { chineseNumeral } from '../parse-number.js';

export interface Heading {
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

export function splitTitle(text: string): { title: string; rest: string } {
  const t = text.trim();
  const m = /^(.*?)[。：:](.*)$/.exec(t);
  if (m && m[1]!.length <= 40) return { title: m[1]!.trim(), rest: m[2]!.trim() };
  if (t.length <= 40) return { title: t.replace(/[。：:]$/, ''), rest: '' };
  const comma = /^(.{4,40}?)[，,]/.exec(t);
  if (comma) return { title: comma[1]!, rest: t.slice(comma[0].length) };
  return { title: t.slice(0, 40), rest: t.slice(40) };
}

interface Scan {
  headings: Heading[];
  lastL1: number;
  arabic: Array<{ style: string; last: number; run: number }>;
  runCounter: number;
  runOf: number[];
  runOk: Map<number, boolean>;
}

/** "一、" / "第一部分" / "（一）": true when the line is one. */
function chineseHeading(s: Scan, li: number, t: string): boolean {
  let m = H1.exec(t);
  if (m && chineseNumeral(m[1]!) !== null) {
    const value = chineseNumeral(m[1]!)!;
    s.headings.push({ line: li, level: 1, number: `${m[1]}${m[2]}`, value, style: 'cn', ...splitTitle(m[3]!) });
    s.lastL1 = value;
    s.arabic = [];
    return true;
  }
  if ((m = H1B.exec(t))) {
    const value = chineseNumeral(m[1]!.replace(/^第|部分$|章$/g, '')) ?? s.lastL1 + 1;
    s.headings.push({ line: li, level: 1, number: m[1]!, value, style: 'part', ...splitTitle(m[2] || m[1]!) });
    s.lastL1 = value;
    s.arabic = [];
    return true;
  }
  if ((m = H2.exec(t))) {
    s.headings.push({ line: li, level: 2, number: m[1]!.replace(/\s+/g, ''), value: chineseNumeral(m[2]!) ?? 0, style: 'paren-cn', ...splitTitle(m[3]!) });
    s.arabic = [];
    return true;
  }
  return false;
}

interface ArabicItem {
  value: number;
  style: string;
  number: string;
  body: string;
  top: boolean;
}

function arabicItem(t: string): ArabicItem | null {
  const m3 = H3.exec(t);
  if (m3) return { value: Number(m3[1]), style: `n${m3[2] === '．' ? '.' : m3[2]}`, number: `${m3[1]}${m3[2]}`, body: m3[3]!, top: true };
  const m4 = H4.exec(t);
  if (m4) return { value: Number(m4[2]), style: 'paren-n', number: m4[1]!.replace(/\s+/g, ''), body: m4[3]!, top: false };
  const m5 = H5.exec(t);
  if (m5) return { value: '①②③④⑤⑥⑦⑧⑨⑩'.indexOf(m5[1]!) + 1, style: 'circled', number: m5[1]!, body: m5[2]!, top: false };
  return null;
}

function arabicHeading(s: Scan, li: number, a: ArabicItem): void {
  const { title, rest } = splitTitle(a.body);
  const sibling = s.arabic.find((x) => x.style === a.style);
  const short = a.body.length <= 30 && !/[。；]/.test(a.body.replace(/。$/, ''));
  if (a.top && a.value === s.lastL1 + 1 && short && !(sibling && sibling.last === a.value - 1)) {
    s.headings.push({ line: li, level: 1, number: a.number, value: a.value, style: 'arabic-top', title, rest });
    s.lastL1 = a.value;
    s.arabic = [];
    return;
  }
  const firstSeg = /^(.*?)(?:[。：:]|$)/.exec(a.body.trim())![1]!.trim();
  const qualifies = (a.body.length <= 30 && !/。./.test(a.body)) || (firstSeg.length <= 20 && !/[，,]/.test(firstSeg) && (firstSeg.length <= 8 || TITLE_NOUN.test(firstSeg)));
  let pos = s.arabic.findIndex((x) => x.style === a.style);
  if (pos < 0 || a.value === 1) {
    if (pos >= 0) s.arabic = s.arabic.slice(0, pos);
    s.arabic.push({ style: a.style, last: a.value, run: ++s.runCounter });
    pos = s.arabic.length - 1;
  } else {
    s.arabic = s.arabic.slice(0, pos + 1);
    s.arabic[pos]!.last = a.value;
  }
  const run = s.arabic[pos]!.run;
  s.runOk.set(run, (s.runOk.get(run) ?? true) && qualifies);
  s.runOf[s.headings.length] = run;
  s.headings.push({ line: li, level: Math.min(4, 3 + pos), number: a.number, value: a.value, style: a.style, title, rest });
}

export function findHeadings(lines: string[], paraLines: number[]): Heading[] {
  const s: Scan = { headings: [], lastL1: 0, arabic: [], runCounter: 0, runOf: [], runOk: new Map() };
  for (const li of paraLines) {
    const t = lines[li]!.trim().replace(/^[\s\u3000]+/, '');
    if (chineseHeading(s, li, t)) continue;
    const a = arabicItem(t);
    if (a) arabicHeading(s, li, a);
  }
  // numbered items are headings only when every item of their list reads like a title
  for (let k = s.headings.length - 1; k >= 0; k--) {
    const run = s.runOf[k];
    if (run !== undefined && s.runOk.get(run) === false) s.headings.splice(k, 1);
  }
  return s.headings;
}
