import type { Chapter } from '../../model/evaluation.js';
import type { AuditRule, FindingDraft } from '../types.js';

type Style = 'chinese' | 'paren-chinese' | 'arabic' | 'paren-arabic' | 'circled';

const STYLE_NAMES: Record<Style, string> = {
  chinese: '“一、”式',
  'paren-chinese': '“（一）”式',
  arabic: '“1、”式',
  'paren-arabic': '“（1）”式',
  circled: '“①”式',
};

const CN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 一 → 1, 十 → 10, 十二 → 12, 二十三 → 23 (up to 99). */
export function chineseNumeral(s: string): number | null {
  if (!/^[零〇一二两三四五六七八九十]+$/.test(s)) return null;
  const i = s.indexOf('十');
  if (i < 0) return s.length === 1 ? (CN_DIGITS[s] ?? null) : null;
  const tens = i === 0 ? 1 : (CN_DIGITS[s.slice(0, i)] ?? NaN);
  const ones = i === s.length - 1 ? 0 : (CN_DIGITS[s.slice(i + 1)] ?? NaN);
  const n = tens * 10 + ones;
  return Number.isNaN(n) ? null : n;
}

export interface ParsedNumber {
  style: Style;
  value: number;
}

/** Reads a printed chapter number ("二、", "（十）", "(一）", "4、", "2.", "①"). */
export function parseChapterNumber(text: string): ParsedNumber | null {
  const t = text
    .trim()
    .replace(/\(/g, '（')
    .replace(/\)/g, '）')
    .replace(/[、.．:：\s]+$/u, '');
  const circled = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳'.indexOf(t);
  if (t.length === 1 && circled >= 0) return { style: 'circled', value: circled + 1 };
  const m = /^（(.+)）$/.exec(t);
  if (m) {
    const inner = m[1]!;
    if (/^\d+$/.test(inner)) return { style: 'paren-arabic', value: Number(inner) };
    const v = chineseNumeral(inner);
    return v === null ? null : { style: 'paren-chinese', value: v };
  }
  if (/^\d+$/.test(t)) return { style: 'arabic', value: Number(t) };
  const v = chineseNumeral(t);
  return v === null ? null : { style: 'chinese', value: v };
}

function render(style: Style, n: number): string {
  const cn = (k: number): string => {
    const d = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
    if (k < 10) return d[k]!;
    const tens = Math.floor(k / 10);
    return `${tens === 1 ? '' : d[tens]}十${d[k % 10]}`;
  };
  switch (style) {
    case 'chinese':
      return `${cn(n)}、`;
    case 'paren-chinese':
      return `（${cn(n)}）`;
    case 'arabic':
      return `${n}、`;
    case 'paren-arabic':
      return `（${n}）`;
    case 'circled':
      return '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳'[n - 1] ?? String(n);
  }
}

interface Item {
  index: number;
  chapter: Chapter;
  parsed: ParsedNumber;
}

/** Chapters grouped by level under the same parent heading, in document order. */
function groups(chapters: Chapter[]): Item[][] {
  const map = new Map<string, Item[]>();
  const stack: number[] = []; // index of the latest chapter at each level
  chapters.forEach((c, index) => {
    stack[c.level] = index;
    stack.length = c.level + 1;
    let parent = -1;
    for (let l = c.level - 1; l >= 1; l--) {
      if (stack[l] !== undefined) {
        parent = stack[l]!;
        break;
      }
    }
    if (c.number === null) return;
    const parsed = parseChapterNumber(c.number);
    if (!parsed) return;
    const key = `${parent}:${c.level}`;
    const g = map.get(key) ?? [];
    g.push({ index, chapter: c, parsed });
    map.set(key, g);
  });
  return [...map.values()];
}

/** 同一层级的章节编号应样式统一、连续、不重复、不重新开始。 */
export const chapterNumbering: AuditRule = {
  id: 'chapter-numbering',
  title: { zh: '章节编号应统一且连续', en: 'Chapter numbering is consistent and sequential' },
  severity: 'warning',
  category: 'format',
  check({ evaluation: ev }) {
    const out: FindingDraft[] = [];
    for (const g of groups(ev.chapters)) {
      if (g.length < 2) continue;
      const problems: string[] = [];
      const counts = new Map<Style, number>();
      for (const it of g) counts.set(it.parsed.style, (counts.get(it.parsed.style) ?? 0) + 1);
      const main = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0];
      if (counts.size > 1) {
        const odd = g.filter((it) => it.parsed.style !== main).map((it) => `“${it.chapter.number!.trim()}${it.chapter.title}”`);
        problems.push(`编号样式混用：其余用${STYLE_NAMES[main]}，而 ${odd.join('、')} 用了别的样式`);
      }
      const first = g[0]!;
      if (first.parsed.value !== 1) problems.push(`从“${first.chapter.number!.trim()}”开始，而不是从 1 开始`);
      for (let k = 1; k < g.length; k++) {
        const prev = g[k - 1]!;
        const cur = g[k]!;
        const p = prev.parsed.value;
        const v = cur.parsed.value;
        const shown = `“${cur.chapter.number!.trim()}${cur.chapter.title}”`;
        if (v === p + 1) continue;
        if (v === p) problems.push(`${shown}的编号与前一节“${prev.chapter.number!.trim()}${prev.chapter.title}”重复`);
        else if (v === 1) problems.push(`在“${prev.chapter.number!.trim()}${prev.chapter.title}”之后重新从 ${shown} 开始编号`);
        else if (v > p + 1) problems.push(`“${prev.chapter.number!.trim()}”之后跳到 ${shown}，缺少中间的编号`);
        else problems.push(`${shown}的编号小于前一节，顺序倒退`);
      }
      if (problems.length === 0) continue;
      const parentLevel = g[0]!.chapter.level;
      out.push({
        message: `第 ${parentLevel} 级标题编号有误（共 ${g.length} 个）：${problems.join('；')}。`,
        location: { path: `chapters.${g[0]!.index}`, label: `报告章节 › ${g[0]!.chapter.number ?? ''}${g[0]!.chapter.title} 起的第 ${parentLevel} 级标题` },
        reported: g.map((it) => it.chapter.number!.trim()).join(' '),
        expected: g.map((_, k) => render(main, k + 1)).join(' '),
        difference: null,
      });
    }
    return out;
  },
};
