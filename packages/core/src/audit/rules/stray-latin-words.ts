import type { AuditRule, FindingDraft } from '../types.js';
import { RULES_DATA } from '../rules-data.js';

const CJK = /[\u3400-\u9fff]/;
const WORD = /[a-z]+/g;
const ANY_LOWER = /[a-z]/;

/** Lower-case Latin words standing between Chinese characters ("水平 and 督查"), outside $…$ formulas. */
export function strayLatinWords(text: string): Array<{ word: string; context: string }> {
  const out: Array<{ word: string; context: string }> = [];
  // Most text has no lower-case Latin letter at all: nothing to find.
  if (!ANY_LOWER.test(text)) return out;
  const cfg = RULES_DATA.strayLatin;
  const clean = text.includes('$') ? text.replace(/\$[^$]*\$/g, (m) => ' '.repeat(m.length)) : text;
  for (const m of clean.matchAll(WORD)) {
    const word = m[0];
    const start = m.index;
    const end = start + word.length;
    if (word.length < cfg.minLetters || cfg.allowWords.includes(word)) continue;
    const before = clean.slice(Math.max(0, start - cfg.window), start);
    const after = clean.slice(end, end + cfg.window);
    const prevChar = before.replace(/[ \u3000]+$/, '').slice(-1);
    const nextChar = after.replace(/^[ \u3000]+/, '').slice(0, 1);
    if (!CJK.test(prevChar) || !CJK.test(nextChar)) continue;
    if (/[A-Za-z\\_]$/.test(clean.slice(0, start)) || /^[A-Za-z_]/.test(clean.slice(end))) continue;
    out.push({ word, context: text.slice(Math.max(0, start - 8), Math.min(text.length, end + 8)).trim() });
  }
  return out;
}

/** 中文正文中夹杂的英文单词（多为转换或编辑残留）。 */
export const strayLatinWordsRule: AuditRule = {
  id: 'stray-latin-words',
  title: { zh: '中文正文夹杂英文单词', en: 'Stray Latin words inside Chinese text' },
  severity: 'info',
  category: 'format',
  check({ evaluation: ev }) {
    const out: FindingDraft[] = [];
    const seen = new Set<string>();
    const scan = (text: string | null | undefined, path: string, label: string) => {
      if (!text) return;
      for (const h of strayLatinWords(text)) {
        if (seen.has(h.context)) continue;
        seen.add(h.context);
        out.push({
          message: `中文正文中夹有英文单词“${h.word}”：“${h.context}”；可能是转换或编辑残留，请改为中文。`,
          location: { path, label },
          reported: h.word,
          expected: null,
          difference: null,
        });
      }
    };
    ev.goals.forEach((g, i) => {
      scan(g.title, `goals.${i}.title`, `年度总体目标 › ${g.title ?? i + 1}`);
      scan(g.expected, `goals.${i}.expected`, `年度总体目标 › ${g.title ?? i + 1}`);
      scan(g.achieved, `goals.${i}.achieved`, `年度总体目标 › ${g.title ?? i + 1}`);
    });
    ev.indicators.forEach((l1, i) =>
      l1.children.forEach((l2, j) =>
        l2.children.forEach((x, k) => scan(x.name, `indicators.${i}.children.${j}.children.${k}.name`, `${l1.name} › ${l2.name} › ${x.name}`)),
      ),
    );
    ev.chapters.forEach((c, i) => {
      const heading = `${c.number ?? ''}${c.title}`;
      scan(c.title, `chapters.${i}.title`, `报告章节 › ${heading}`);
      scan(c.body, `chapters.${i}.body`, `报告章节 › ${heading}`);
    });
    return out;
  },
};
