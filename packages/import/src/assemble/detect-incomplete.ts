/**
 * Whether a text is not a whole report: it stops mid-sentence or mid-table (the last words of
 * a copied page), or begins inside a table printed before it. Only text files are judged — a
 * .docx, .xlsx or PDF is whole by construction. A report ends with a sentence, a date, a
 * signature or a closing "无"; a table ends with a full row. `cutIn` is the part the cut falls
 * in: the table still being read, else the prose.
 */
import type { SourceIncomplete } from '@jixiao/core';
import { cellText, type Block, type DocumentOfBlocks } from '../document/document.js';
import { isBlankCell } from '../parse-number.js';
import type { TableScan } from '../recognise/read-tables.js';
import type { TableKind } from '../recognise/recogniser.js';
import { CLOSING_ANSWER, COMPLETE_CELL, ENDS_DATE, ENDS_SENTENCE, SIGNATURE_LINE } from '../vocab/kind-vocab.js';
import type { Section } from './assemble-evaluation.js';

const PART: Partial<Record<TableKind, NonNullable<SourceIncomplete['cutIn']>>> = { funds: 'funds', indicators: 'indicators', score: 'scores', goal: 'goals' };

function endsWhole(text: string): boolean {
  const t = text.replace(/[|\s]+$/, '').trim();
  if (t === '') return true;
  if (/[:：]$/.test(t) || /[（(]\d+(?:\.\d+)?分[）)]$/.test(t)) return false; // a label or a heading with nothing after it
  return ENDS_SENTENCE.test(t) || ENDS_DATE.test(t) || SIGNATURE_LINE.test(t) || (CLOSING_ANSWER.test(t) && t.length <= 40) || CLOSING_ANSWER.test(t.slice(-8));
}

/** The last row of a text table is whole when it ends with a value, or has as many cells as the rows before it. */
function tableEndsWhole(b: Extract<Block, { kind: 'table' }>): boolean {
  const filled = (k: number) => b.rows[k]!.cells.map(cellText).filter((t) => !isBlankCell(t));
  const last = filled(b.rows.length - 1);
  const lastCell = (last[last.length - 1] ?? '').replace(/\s+/g, '');
  if (COMPLETE_CELL.test(lastCell) || endsWhole(lastCell)) return true;
  const n = b.rows.length;
  let before = 0;
  for (let k = Math.max(0, n - 4); k < n - 1; k++) before = Math.max(before, filled(k).length);
  return last.length >= before;
}

export function detectIncomplete(doc: DocumentOfBlocks, section: Section, scan: TableScan): SourceIncomplete | null {
  const cut = cutOf(doc, section, scan);
  if (cut || !scan.unreadIn) return cut;
  // rows of a table a text layer left without its empty cells were not read: its sums prove nothing
  return { reason: 'rows_unread', cutIn: PART[scan.unreadIn] ?? null };
}

function cutOf(doc: DocumentOfBlocks, section: Section, scan: TableScan): SourceIncomplete | null {
  if (doc.format !== 'txt') return null;
  if (section.startsMidTable) return { reason: 'starts_mid_table', cutIn: null };
  if (!section.last) return null;
  const lastBlock = [...section.blocks].reverse().find((b) => b.kind === 'table' || b.text.trim() !== '');
  if (!lastBlock) return null;
  const whole = lastBlock.kind === 'table' ? tableEndsWhole(lastBlock) : endsWhole(lastBlock.text);
  if (whole) return null;
  const open = scan.openAtEnd ? PART[scan.openAtEnd] : undefined;
  return { reason: 'truncated', cutIn: open ?? (lastBlock.kind === 'para' ? 'prose' : null) };
}
