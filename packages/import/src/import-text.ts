/** Plain text (.txt, and the text our readers produce) → ImportResult parts. */
import { normaliseLines } from './normalise-text.js';
import { extractEvaluation } from './extract/extract-evaluation.js';
import type { Evaluation } from '@jixiao/core';

export function importLines(rawLines: string[], file: string | null, format: string, notes: string[]): { evaluation: Evaluation; lines: string[] } {
  const norm = normaliseLines(rawLines);
  notes.push(...norm.notes);
  const evaluation = extractEvaluation({ lines: norm.lines, removed: norm.removed, file, format }, notes);
  return { evaluation, lines: norm.lines };
}
