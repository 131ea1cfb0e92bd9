import type { AuditRule, FindingDraft } from '../types.js';
import { RULES_DATA } from '../rules-data.js';

const squeeze = (s: string) => s.replace(/[\s\u3000]/g, '');
/** The outline's instruction phrases with their whitespace-free form (rules data, read once). */
const SQUEEZED_PHRASES: ReadonlyArray<readonly [string, string]> = RULES_DATA.templateText.phrases.map((p) => [p, squeeze(p)] as const);
const PUNCT = /[，。；、：:,.;（）()“”"《》!！?？\-—…]/g;

/**
 * Why a chapter body is template text, or null: either it is nothing but instruction
 * phrases of the report outline, or it is short, opens with an instruction word
 * (“包括……”) and states nothing of its own (no figure).
 */
export function templateReason(body: string): string | null {
  const cfg = RULES_DATA.templateText;
  const text = squeeze(body);
  if (text === '') return null;
  let rest = text;
  const hits: string[] = [];
  for (const [p, q] of SQUEEZED_PHRASES) {
    if (rest.includes(q)) {
      hits.push(p);
      rest = rest.split(q).join('');
    }
  }
  if (hits.length > 0 && rest.replace(PUNCT, '').length <= cfg.leftoverMaxChars) {
    return `正文只有参考提纲中的填写说明（“${hits.join('”“')}”）`;
  }
  const lead = cfg.shape.leadWords.find((w) => text.startsWith(w));
  if (lead && text.length <= cfg.shape.maxChars && (cfg.shape.allowDigits || !/\d/.test(text))) {
    return `正文很短，以“${lead}”开头，只说明本章应写什么内容，没有实际情况`;
  }
  return null;
}

/** 章节正文应是实际内容，而不是照抄的模板填写说明。 */
export const templateTextLeft: AuditRule = {
  id: 'template-text-left',
  title: { zh: '章节正文不应是模板填写说明', en: 'Chapter bodies are content, not template instructions' },
  severity: 'warning',
  category: 'completeness',
  check({ evaluation: ev }) {
    const out: FindingDraft[] = [];
    ev.chapters.forEach((c, i) => {
      if (c.body === null) return;
      const why = templateReason(c.body);
      if (!why) return;
      const heading = `${c.number ?? ''}${c.title}`;
      out.push({
        message: `“${heading}”${why}：“${c.body.trim()}”。应写明本单位的实际情况。`,
        location: { path: `chapters.${i}.body`, label: `报告章节 › ${heading}` },
        reported: c.body.trim().slice(0, 120),
        expected: null,
        difference: null,
      });
    });
    return out;
  },
};
