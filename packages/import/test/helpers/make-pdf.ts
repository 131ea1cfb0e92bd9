/**
 * A minimal PDF writer for tests: one CID font (Identity-H, CID = UTF-16 code unit) with a
 * ToUnicode map, so text extraction sees exactly the characters written. Tables are laid
 * out with wide gaps between cells, or (`ruled`) inside drawn borders with their text wrapped
 * in narrow cells as a word processor prints them; long paragraphs wrap.
 */
import type { Piece } from './seed-content.js';

const FONT_SIZE = 10;
const PAGE_W = 14400;
const MAX_CELL = 60;
const PAGE_H = 842;
const WRAP = 80;

function hex(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += s.charCodeAt(i).toString(16).padStart(4, '0');
  return out;
}

export interface PdfOptions {
  /** Add an /Encrypt dictionary whose user password is not empty. */
  encrypted?: boolean;
  /** Draw shapes only (a scanned page has no text layer). */
  noText?: boolean;
  /** Print "— n —" at the bottom of every page. */
  pageNumbers?: boolean;
  linesPerPage?: number;
  /** Draw every table cell's borders and wrap cell text at this many characters (numbers are never cut). */
  ruled?: { wrap: number };
}

/** A printed line: its texts at their x, and for a row of a ruled table the borders around it. */
interface Line {
  items: Array<[number, string]>;
  rule?: { xs: number[]; top: boolean; bottom: boolean };
}

/** A cell's text in lines of at most `n` characters; a run of digits, letters or punctuation of a number stays whole. */
function wrapCell(text: string, n: number): string[] {
  const words = text.match(/[\dA-Za-z.,%+\-]+|./gu) ?? [];
  const out: string[] = [''];
  for (const w of words) {
    if (out[out.length - 1]!.length > 0 && out[out.length - 1]!.length + w.length > n) out.push('');
    out[out.length - 1] += w;
  }
  return out.filter((l) => l.trim() !== '');
}

/** A ruled table: each row as many lines as its tallest cell, every line carrying the column borders. */
function ruledLines(rows: string[][], wrap: number): Line[] {
  const width = Math.max(...rows.map((r) => r.length));
  const wrapped = rows.map((r) => Array.from({ length: width }, (_, c) => wrapCell(r[c] ?? '', wrap)));
  const colW = Array.from({ length: width }, (_, c) => (Math.max(1, ...wrapped.map((r) => Math.max(0, ...r[c]!.map((l) => l.length)))) + 2) * FONT_SIZE);
  const xs = colW.reduce((acc, w) => [...acc, acc[acc.length - 1]! + w], [40]);
  const out: Line[] = [];
  for (const cells of wrapped) {
    const height = Math.max(1, ...cells.map((c) => c.length));
    for (let k = 0; k < height; k++) {
      const items = cells.flatMap((c, i): Array<[number, string]> => (c[k] ? [[xs[i]! + FONT_SIZE, c[k]!]] : []));
      out.push({ items, rule: { xs, top: k === 0, bottom: k === height - 1 } });
    }
  }
  return out;
}

/** The borders of one line of a ruled table, as PDF path operators. */
function ruleOps(rule: NonNullable<Line['rule']>, y: number): string {
  const top = y + FONT_SIZE * 1.1;
  const bottom = top - FONT_SIZE * 1.5;
  const [x0, x1] = [rule.xs[0]!, rule.xs[rule.xs.length - 1]!];
  let ops = rule.xs.map((x) => `${x} ${bottom.toFixed(1)} m ${x} ${top.toFixed(1)} l S`).join(' ');
  if (rule.top) ops += ` ${x0} ${top.toFixed(1)} m ${x1} ${top.toFixed(1)} l S`;
  if (rule.bottom) ops += ` ${x0} ${bottom.toFixed(1)} m ${x1} ${bottom.toFixed(1)} l S`;
  return `0.5 w ${ops}\n`;
}

export function makePdf(pieces: Piece[], opts: PdfOptions = {}): Uint8Array {
  // lay out lines: each is a list of [x, text]
  const lines: Line[] = [];
  for (const p of pieces) {
    if (p.kind === 'p') {
      for (let i = 0; i < p.text.length; i += WRAP) lines.push({ items: [[40, p.text.slice(i, i + WRAP)]] });
      continue;
    }
    if (opts.ruled) {
      lines.push(...ruledLines(p.rows, opts.ruled.wrap));
      continue;
    }
    const width = Math.max(...p.rows.map((r) => r.length));
    const colW = Array.from({ length: width }, (_, c) => Math.min(MAX_CELL, Math.max(4, ...p.rows.map((r) => (r[c] ?? '').length))) * FONT_SIZE + 4 * FONT_SIZE);
    for (const r of p.rows) {
      const items: Array<[number, string]> = [];
      let x = 40;
      r.forEach((cell, c) => {
        if (cell !== '') items.push([x, cell.slice(0, MAX_CELL)]);
        x += colW[c]!;
      });
      if (items.length) lines.push({ items });
    }
  }
  const per = opts.linesPerPage ?? 60;
  const pages: Line[][] = [];
  for (let i = 0; i < lines.length; i += per) pages.push(lines.slice(i, i + per));
  // a ruled table broken by the page is closed at the foot of one page and opened at the top of the next
  for (const page of pages) {
    const [first, last] = [page[0], page[page.length - 1]];
    if (first?.rule) page[0] = { ...first, rule: { ...first.rule, top: true } };
    if (last?.rule) page[page.length - 1] = { ...page[page.length - 1]!, rule: { ...page[page.length - 1]!.rule!, bottom: true } };
  }
  if (pages.length === 0) pages.push([]);

  const objects: string[] = [];
  const add = (body: string) => {
    objects.push(body);
    return objects.length;
  };
  const catalog = add('');
  const pagesObj = add('');
  const cmap = `/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def /CMapName /Adobe-Identity-UCS def /CMapType 2 def 1 begincodespacerange <0000> <FFFF> endcodespacerange 1 beginbfrange <0000> <FFFF> <0000> endbfrange endcmap CMapName currentdict /CMap defineresource pop end end`;
  const toUnicode = add(`<< /Length ${cmap.length} >>\nstream\n${cmap}\nendstream`);
  const descriptor = add('<< /Type /FontDescriptor /FontName /STSong-Light /Flags 4 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>');
  const cidFont = add(`<< /Type /Font /Subtype /CIDFontType2 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor ${descriptor} 0 R /DW 1000 /CIDToGIDMap /Identity >>`);
  const font = add(`<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /Identity-H /DescendantFonts [${cidFont} 0 R] /ToUnicode ${toUnicode} 0 R >>`);
  const pageIds: number[] = [];
  pages.forEach((pageLines, pi) => {
    let content = '';
    if (opts.noText) content = '0.5 g 40 40 500 700 re f';
    else {
      pageLines.forEach((line, li) => {
        const y = PAGE_H - 40 - li * (FONT_SIZE * 1.5);
        for (const [x, text] of line.items) content += `BT /F1 ${FONT_SIZE} Tf ${x} ${y.toFixed(1)} Td <${hex(text)}> Tj ET\n`;
        if (line.rule) content += ruleOps(line.rule, y);
      });
      if (opts.pageNumbers) content += `BT /F1 ${FONT_SIZE} Tf 1100 20 Td <${hex(`— ${pi + 1} —`)}> Tj ET\n`;
    }
    const stream = add(`<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}endstream`);
    pageIds.push(add(`<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 ${PAGE_W} ${PAGE_H}] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${stream} 0 R >>`));
  });
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesObj} 0 R >>`;
  objects[pagesObj - 1] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pageIds.length} >>`;
  let encrypt = '';
  if (opts.encrypted) {
    const fill = (c: string) => `<${c.repeat(64)}>`;
    const id = add(`<< /Filter /Standard /V 1 /R 2 /O ${fill('a')} /U ${fill('b')} /P -44 >>`);
    encrypt = ` /Encrypt ${id} 0 R /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>]`;
  }
  let out = '%PDF-1.7\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R${encrypt} >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}
