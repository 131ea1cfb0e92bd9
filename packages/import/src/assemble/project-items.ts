/**
 * The projects a report lists one by one in its prose (`prose/project-list.ts`) → project
 * evaluations of their own: name, budget, spending and rate as stated, the report's unit,
 * year and rules, with provenance to the item; marked as excerpts (not a whole self-evaluation).
 */
import type { Evaluation } from '@jixiao/core';
import type { ProjectItem } from '../prose/project-list.js';
import type { Tok } from '../prose/tokenise.js';
import { provAt, type ProseCtx } from '../prose/prose-context.js';
import { emptyDraft, type Ctx } from './draft.js';
import { finalise } from './finalise.js';

function at(p: ProseCtx, path: string, item: ProjectItem, t: Tok): void {
  provAt(p, path, item.para, t.index, t.index + t.length);
}

export function itemEvaluation(main: Evaluation, item: ProjectItem, base: Omit<Ctx, 'ev'>): Evaluation {
  const ev = emptyDraft();
  const ctx: Ctx = { ...base, ev };
  const p: ProseCtx = { ctx, claimKeys: new Set(), fundsFromTables: false, projectKind: true, itemSpans: new Map() };
  ev.kind = 'project';
  ev.fiscalYear = main.fiscalYear;
  ev.profile = main.profile;
  ev.unit = { ...main.unit };
  ev.jurisdiction = { ...main.jurisdiction };
  ev.project = { name: item.name, implementingUnit: main.unit.name, code: null, manager: null, phone: null, category: null, issuingDepartment: null };
  ev.source = { file: main.source?.file ?? null, format: main.source?.format ?? null, title: item.name, incomplete: { reason: 'excerpt', cutIn: null } };
  provAt(p, 'project.name', item.para, item.start, item.start + item.name.length + 2);
  if (item.budget) {
    ev.funds.total.adjusted = item.budget.amount;
    at(p, 'funds.total.adjusted', item, item.budget);
  }
  if (item.spent) {
    ev.funds.total.executed = item.spent.amount;
    at(p, 'funds.total.executed', item, item.spent);
  }
  if (item.rate) {
    ev.budgetExecution.statedRate = item.rate.value;
    at(p, 'budgetExecution.statedRate', item, item.rate);
  }
  return finalise(ev);
}
