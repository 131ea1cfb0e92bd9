import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType, VerticalMergeType } from 'docx';
import type { Piece } from './seed-content.js';

/** A .docx holding the pieces; `mergeDown` merges empty cells into the cell above (vertical merge) in the given columns. */
export async function makeDocx(pieces: Piece[], opts: { mergeColumns?: number[] } = {}): Promise<Uint8Array> {
  const children: Array<Paragraph | Table> = [];
  for (const p of pieces) {
    if (p.kind === 'p') {
      children.push(new Paragraph({ children: [new TextRun({ text: p.text, font: { eastAsia: '宋体' } })] }));
      continue;
    }
    const width = Math.max(...p.rows.map((r) => r.length));
    const rows = p.rows.map((r, ri) => {
      const cells = Array.from({ length: width }, (_, ci) => r[ci] ?? '');
      return new TableRow({
        children: cells.map((text, ci) => {
          const merge = opts.mergeColumns?.includes(ci)
            ? text === '' && ri > 0
              ? VerticalMergeType.CONTINUE
              : VerticalMergeType.RESTART
            : undefined;
          return new TableCell({
            children: [new Paragraph(text)],
            width: { size: 1000, type: WidthType.DXA },
            ...(merge ? { verticalMerge: merge } : {}),
          });
        }),
      });
    });
    children.push(new Table({ rows }));
  }
  const doc = new Document({ sections: [{ children }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}
