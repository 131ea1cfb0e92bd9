/**
 * Line-by-line normalisation. The output has exactly one line per input line, so a line
 * number means the same in the normalised text and in the original; lines that are pure
 * debris (page numbers, bookmarks) are blanked and flagged `removed`.
 */
import { createRequire } from 'node:module';
import {
  JUNK_INLINE_PATTERNS,
  JUNK_LINE_PATTERNS,
  LATEX_COMMANDS,
  PAGE_NUMBER_PATTERNS,
  PERCENT_DEBRIS,
  PINYIN_GLOSS,
  RADICAL_SUPPLEMENT,
  SPACED_DECIMAL_WITH_UNIT,
  TRADITIONAL_HINTS,
} from './vocab/text-debris.js';
import { isFurnitureText } from './vocab/site-furniture.js';

export interface NormalisedLines {
  lines: string[];
  removed: boolean[];
  notes: string[];
}

/** Characters NFKC changes that matter here (full-width forms other than Chinese punctuation, radicals, ideographic space …). */
const COMPAT_RE = /[\u2e80-\u2fdf\u3000\uff02-\uff07\uff0a\uff0b\uff0d-\uff19\uff1c-\uff1e\uff20-\uffef\u3200-\u33ff\ufe30-\ufe6f\u2000-\u200b\u00a0\ufeff]/;
const RADICAL_TEST = /[\u2e80-\u2eff]/;
const RADICAL_RE = /[\u2e80-\u2eff]/g;
const KEEP_FULLWIDTH = /[^（）：；，！？]+/g;
const CJK_SPACED_RUN = /(?:[\u4e00-\u9fff][ \u3000]){3,}[\u4e00-\u9fff]/;
const CJK_SPACED_RUNS = /(?:[\u4e00-\u9fff][ \u3000]){3,}[\u4e00-\u9fff]/g;
const TRADITIONAL_RE = new RegExp(`[${TRADITIONAL_HINTS}]`);
const LATEX_RE = /\$([^$\n]{1,120})\$/g;

/**
 * opencc-js (about 0.1 s to load its dictionaries) is loaded on the first line written in
 * traditional characters, which most reports never have; a synchronous require, as normalising
 * is synchronous.
 */
const requireLazily = createRequire(import.meta.url);
let t2s: ((s: string) => string) | null = null;
function toSimplified(s: string): string {
  const convert = t2s ?? (requireLazily('opencc-js') as typeof import('opencc-js')).Converter({ from: 'hk', to: 'cn' });
  t2s = convert;
  return convert(s);
}

export function latexToText(inner: string): string {
  let s = inner.replace(/\\([a-zA-Z]+|[,;!%])\s*/g, (_m, cmd: string) => {
    if (cmd === '%') return '%';
    const r = LATEX_COMMANDS[cmd];
    return r === undefined ? '' : r;
  });
  s = s.replace(/[{}]/g, '').replace(/\s+/g, '');
  return s;
}

interface Counts {
  latex: number;
  radicals: number;
  despaced: number;
  pageLines: number;
  furniture: number;
  glosses: number;
}

/** Conversion debris inside the line: bookmarks, Markdown marks, LaTeX, radicals, full-width forms. */
function cleanMarkup(raw: string, c: Counts): string {
  let line = raw;
  if (line.includes('[') || line.includes('{')) for (const re of JUNK_INLINE_PATTERNS) line = line.replace(re, '');
  // Markdown from PDF converters: headings and bold marks
  if (line.charCodeAt(0) === 0x23 /* # */) line = line.replace(/^#{1,6}\s*/, '');
  if (line.includes('**')) line = line.replace(/\*\*(.+?)\*\*/g, '$1');
  if (line.includes('$')) {
    line = line.replace(LATEX_RE, (_m, inner: string) => {
      c.latex++;
      return latexToText(inner);
    });
  }
  if (line.includes('\\')) line = line.replace(/\\(geq|leq|ge|le|times)\b\s*/g, (_m, cmd: string) => LATEX_COMMANDS[cmd] ?? '');
  if (!COMPAT_RE.test(line)) return line;
  if (RADICAL_TEST.test(line)) {
    line = line.replace(RADICAL_RE, (ch) => {
      const r = RADICAL_SUPPLEMENT[ch];
      if (r) c.radicals++;
      return r ?? ch;
    });
  }
  return line.replace(KEEP_FULLWIDTH, (x) => x.normalize('NFKC'));
}

/** Spacing and OCR debris: spaced-out CJK, pinyin glosses, spaces inside decimals, "100%o". */
function cleanText(text: string, c: Counts): string {
  let line = text;
  if ((line.includes(' ') || line.includes('\u3000')) && CJK_SPACED_RUN.test(line)) {
    // only the spaced-out runs themselves: spaces between words elsewhere may separate table cells
    line = line.replace(CJK_SPACED_RUNS, (run) => run.replace(/[ \u3000]+/g, ''));
    c.despaced++;
  }
  if ((line.includes('(') || line.includes('（')) && /[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü][1-5]?\s*[)）]/.test(line)) {
    line = line.replace(PINYIN_GLOSS, (_m, ch: string) => {
      c.glosses++;
      return ch;
    });
  }
  // OCR: a decimal point with a space beside it ("276. 7", "276 .7")
  // (not "1. 2023年…", a numbered item: at least two digits before the point, or none after a space)
  if (line.includes('.') && /\d\s+\.\d|\d{2}\.\s+\d/.test(line)) line = line.replace(/(\d\d)\.\s+(?=\d)|(\d)\s+\.(?=\d)/g, (_m, a?: string, b?: string) => `${a ?? b}.`);
  if (line.includes('.') && /\d\s*\.\s|\s\.\d/.test(line)) line = line.replace(SPACED_DECIMAL_WITH_UNIT, (_m, a?: string, b?: string, x?: string, y?: string) => (a !== undefined ? `${a}.${b}` : `${x}.${y}`));
  if (line.includes('%') || line.includes('％')) line = line.replace(PERCENT_DEBRIS, '$1%');
  let endAt = line.length;
  while (endAt > 0 && (line.charCodeAt(endAt - 1) === 0x20 || line.charCodeAt(endAt - 1) === 0x3000)) endAt--;
  return endAt < line.length ? line.slice(0, endAt) : line;
}

/** Whether the whole line is debris: a junk line, a page number, or site furniture. */
function isDebrisLine(line: string, c: Counts): boolean {
  if (line.startsWith('\t') || line.length > 200) return false;
  if (line.length <= 24 || /^\s*[\[{A-Za-z]/.test(line)) {
    if (JUNK_LINE_PATTERNS.some((re) => re.test(line))) return true;
    if (PAGE_NUMBER_PATTERNS.some((re) => re.test(line))) {
      c.pageLines++;
      return true;
    }
  }
  if (isFurnitureText(line.trim())) {
    c.furniture++;
    return true;
  }
  return false;
}

function countNotes(c: Counts, traditional: boolean): string[] {
  const notes: string[] = [];
  if (traditional) notes.push('繁体字已转换为简体字');
  if (c.glosses > 0) notes.push(`已去除 ${c.glosses} 处汉字后的拼音注音`);
  if (c.latex > 0) notes.push(`已将 ${c.latex} 处 LaTeX 公式残留（如 $\\geq 90\\%$）转换为普通符号`);
  if (c.radicals > 0) notes.push(`已将 ${c.radicals} 个部首兼容字符转换为标准汉字`);
  if (c.despaced > 0) notes.push(`已去除 ${c.despaced} 行中汉字之间的排版空格`);
  if (c.pageLines > 0) notes.push(`已去除 ${c.pageLines} 行页码或页眉页脚`);
  if (c.furniture > 0) notes.push(`已去除 ${c.furniture} 行网站栏目文字（导航、浏览次数、文库说明等）`);
  return notes;
}

/**
 * Document-sharing sites number the chunks of a copied page ("1、…", "2、…") at the start of
 * long lines that continue a sentence: consecutive numbers on long lines, each after a line
 * that did not end a sentence. They are not the report's numbering and are dropped.
 */
function dropChunkMarkers(lines: string[], removed: boolean[]): number {
  const marked: number[] = [];
  let prev = '';
  lines.forEach((line, i) => {
    if (removed[i] || line.trim() === '') return;
    const m = /^(\d{1,3})、/.exec(line);
    if (m && line.length >= 80 && !/[。！？；：:]$/.test(prev) && Number(m[1]) === marked.length + 1) marked.push(i);
    prev = line.trim();
  });
  if (marked.length < 2) return 0;
  for (const i of marked) lines[i] = lines[i]!.replace(/^\d{1,3}、/, '');
  return marked.length;
}

export function normaliseLines(rawLines: string[]): NormalisedLines {
  const traditional = rawLines.some((l) => TRADITIONAL_RE.test(l));
  const c: Counts = { latex: 0, radicals: 0, despaced: 0, pageLines: 0, furniture: 0, glosses: 0 };
  const lines: string[] = [];
  const removed: boolean[] = [];
  for (let raw of rawLines) {
    if (raw.endsWith('\r')) raw = raw.slice(0, -1);
    let line = cleanMarkup(raw, c);
    if (traditional) line = toSimplified(line);
    line = cleanText(line, c);
    const drop = isDebrisLine(line, c);
    if (!drop && line.trim() === '' && raw.trim() !== '' && JUNK_LINE_PATTERNS.some((re) => re.test(raw.trim()))) line = '\t';
    // a line holding only full-width spaces is an (empty) paragraph of a table cell, not a row break
    if (!drop && line === '' && /^[\t ]*\u3000[\u3000 ]*$/.test(raw)) line = '\u3000';
    lines.push(drop ? '' : line);
    removed.push(drop);
  }
  const chunks = dropChunkMarkers(lines, removed);
  const notes = countNotes(c, traditional);
  if (chunks > 0) notes.push(`已去除 ${chunks} 处文库网站的分段编号`);
  return { lines, removed, notes };
}

/**
 * A view of one line for prose matching: whitespace next to CJK text, between a number and
 * its unit or sign, is dropped ("8779.84 万元" → "8779.84万元"). `map[i]` is the offset in the
 * line of the compact text's character i.
 */
export interface CompactLine {
  text: string;
  /** null when nothing was dropped (offsets are the same). */
  map: number[] | null;
}

const WIDE = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef（）：；，。、！？“”‘’《》〔〕【】≥≤<>=%％]/;

export function compactLine(line: string): CompactLine {
  // most lines of Chinese prose have no space to drop: skip the character walk
  if (!/[ \t\u3000\u00a0]/.test(line)) return { text: line, map: null };
  let text = '';
  const map: number[] = [];
  const n = line.length;
  let i = 0;
  while (i < n) {
    const ch = line[i]!;
    if (ch === ' ' || ch === '\t' || ch === '\u3000' || ch === '\u00a0') {
      let j = i;
      while (j < n && /[ \t\u3000\u00a0]/.test(line[j]!)) j++;
      const before = text.length > 0 ? text[text.length - 1]! : '';
      const after = j < n ? line[j]! : '';
      const drop = before === '' || after === '' || WIDE.test(before) || WIDE.test(after);
      if (!drop) {
        text += ' ';
        map.push(i);
      }
      i = j;
      continue;
    }
    text += ch;
    map.push(i);
    i++;
  }
  return { text, map };
}
