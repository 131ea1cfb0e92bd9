/**
 * The small HTML that mammoth writes → text lines: one line per paragraph, one
 * tab-separated line per table row, with colspan/rowspan expanded to empty cells so the
 * columns stay aligned (the extractor carries merged level names down).
 */

import { joinParts } from '../segment-blocks.js';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

interface CellOut {
  text: string[];
  colspan: number;
  rowspan: number;
}

export function htmlToLines(html: string): string[] {
  const out: string[] = [];
  const tokens = html.split(/(<[^>]+>)/);
  // a stack of tables being read (tables may nest: an inner table's text goes into the outer cell)
  const tables: Array<{ rows: CellOut[][]; row: CellOut[] | null; cell: CellOut | null }> = [];
  let para = '';
  const flushPara = () => {
    const t = para.replace(/[\t\r\n]+/g, ' ').trim();
    para = '';
    if (t === '') return;
    const top = tables[tables.length - 1];
    if (top?.cell) top.cell.text.push(t);
    else if (!top) out.push(t);
  };
  for (const tok of tokens) {
    if (tok === '') continue;
    if (tok[0] !== '<') {
      para += decodeEntities(tok);
      continue;
    }
    const m = /^<\s*(\/?)\s*([a-zA-Z0-9]+)([^>]*)>$/.exec(tok);
    if (!m) continue;
    const closing = m[1] === '/';
    const tag = m[2]!.toLowerCase();
    const attrs = m[3] ?? '';
    switch (tag) {
      case 'p':
      case 'h1':
      case 'h2':
      case 'h3':
      case 'h4':
      case 'h5':
      case 'h6':
      case 'li':
        flushPara();
        break;
      case 'br':
        flushPara();
        break;
      case 'table':
        flushPara();
        if (!closing) tables.push({ rows: [], row: null, cell: null });
        else {
          const t = tables.pop();
          if (t) {
            const lines = layoutTable(t.rows);
            const outer = tables[tables.length - 1];
            if (outer?.cell) outer.cell.text.push(...lines.map((l) => l.replace(/\t/g, ' ')));
            else out.push(...lines);
          }
        }
        break;
      case 'tr': {
        flushPara();
        const t = tables[tables.length - 1];
        if (!t) break;
        if (!closing) t.row = [];
        else if (t.row) {
          t.rows.push(t.row);
          t.row = null;
        }
        break;
      }
      case 'td':
      case 'th': {
        flushPara();
        const t = tables[tables.length - 1];
        if (!t) break;
        if (!closing) {
          const cs = /colspan\s*=\s*["']?(\d+)/i.exec(attrs);
          const rs = /rowspan\s*=\s*["']?(\d+)/i.exec(attrs);
          t.cell = { text: [], colspan: Math.min(50, cs ? Number(cs[1]) : 1), rowspan: Math.min(500, rs ? Number(rs[1]) : 1) };
          (t.row ??= []).push(t.cell);
        } else t.cell = null;
        break;
      }
      default:
        break;
    }
  }
  flushPara();
  return out;
}

function layoutTable(rows: CellOut[][]): string[] {
  const grid: string[][] = [];
  const lines: string[] = [];
  for (let r = 0; r < rows.length; r++) {
    grid[r] ??= [];
    let c = 0;
    for (const cell of rows[r]!) {
      while (grid[r]![c] !== undefined) c++;
      const text = joinParts(cell.text);
      for (let dr = 0; dr < cell.rowspan; dr++) {
        grid[r + dr] ??= [];
        for (let dc = 0; dc < cell.colspan; dc++) grid[r + dr]![c + dc] = dr === 0 && dc === 0 ? text : '';
      }
      c += cell.colspan;
    }
  }
  for (let r = 0; r < rows.length; r++) {
    const row = grid[r] ?? [];
    const cells = Array.from({ length: row.length }, (_, i) => (row[i] ?? '').replace(/\t/g, ' '));
    if (cells.every((x) => x.trim() === '')) continue;
    if (cells.length === 1) cells.push('');
    lines.push(cells.join('\t'));
  }
  return lines;
}
