/** A document of blocks → its evaluations: split into sections, one evaluation each, and the main one chosen. */
import type { Evaluation } from '@jixiao/core';
import type { DocumentOfBlocks } from '../document/document.js';
import { assembleEvaluation } from './assemble-evaluation.js';
import { splitSections } from './split-sections.js';

export function assembleDocument(doc: DocumentOfBlocks, notes: string[]): { evaluation: Evaluation; evaluations: Evaluation[] } {
  const sections = splitSections(doc, notes);
  const read = sections.map((s) => assembleEvaluation(doc, s, notes));
  const evaluations = read.flatMap((r) => [r.evaluation, ...r.items]);
  return { evaluation: read[0]!.evaluation, evaluations };
}
