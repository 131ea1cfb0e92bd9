/** Plain text lines → evaluations, without a file (for tests and callers that hold text already). */
import type { Evaluation } from '@jixiao/core';
import { buildDocument } from './document/build-document.js';
import { assembleDocument } from './assemble/assemble-document.js';

export function importLines(rawLines: string[], file: string | null, format: string, notes: string[]): { evaluation: Evaluation; evaluations: Evaluation[]; lines: string[] } {
  const doc = buildDocument([{ kind: 'text', lines: rawLines }], file, format, notes);
  return { ...assembleDocument(doc, notes), lines: doc.lines };
}
