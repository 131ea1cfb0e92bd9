/** Paragraph and run helpers for GB/T 9704 layout: fonts per run, fixed line spacing. */
import { AlignmentType, LineRuleType, Paragraph, TextRun, type IRunOptions } from 'docx';
import type { Template } from '../templates/template-schema.js';

export type FontRole = keyof Template['fonts'];

/** Half-points, as docx wants them. */
export const pt = (n: number) => Math.round(n * 2);
/** Twentieths of a point (twips). */
export const twip = (n: number) => Math.round(n * 20);

export function run(t: Template, text: string, role: FontRole, sizePt: number, extra: Partial<IRunOptions> = {}): TextRun {
  return new TextRun({
    text,
    font: { ascii: t.fonts.latin, hAnsi: t.fonts.latin, eastAsia: t.fonts[role], cs: t.fonts.latin },
    size: pt(sizePt),
    ...extra,
  });
}

export function exactSpacing(t: Template) {
  return { line: twip(t.sizes.lineSpacing), lineRule: LineRuleType.EXACT, before: 0, after: 0 };
}

/** A body paragraph: 仿宋 三号, first line indented two characters. */
export function bodyParagraph(t: Template, text: string, opts: { missing?: boolean } = {}): Paragraph {
  return new Paragraph({
    spacing: exactSpacing(t),
    indent: { firstLine: twip(t.sizes.body * 2) },
    alignment: AlignmentType.JUSTIFIED,
    children: [run(t, text, 'body', t.sizes.body, opts.missing ? { highlight: 'yellow' } : {})],
  });
}

export function headingParagraph(t: Template, text: string, level: 1 | 2 | 3): Paragraph {
  const role: FontRole = level === 1 ? 'heading1' : level === 2 ? 'heading2' : 'body';
  return new Paragraph({
    spacing: exactSpacing(t),
    indent: { firstLine: twip(t.sizes.body * 2) },
    outlineLevel: level - 1,
    keepNext: true,
    children: [run(t, text, role, t.sizes.body, level === 3 ? { bold: true } : {})],
  });
}

/** A table cell paragraph: table font, single spacing, centred unless told. */
export function cellParagraph(t: Template, text: string, align: 'center' | 'left' = 'center', bold = false): Paragraph {
  return new Paragraph({
    alignment: align === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT,
    spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO },
    children: [run(t, text, bold ? 'heading1' : 'table', t.sizes.table)],
  });
}
