/**
 * Amounts in prose: the unit's funds figures (年初预算, 调整后预算, 执行数; 基本支出, 项目支出,
 * 人员经费, 公用经费) and the project count of a funds sentence. An item's own spending ("培训费
 * 实际支出2万元") is not the unit's: only generic words may stand before the label.
 */
import type { Para } from './paragraphs.js';
import { addClaim, excerpt, inItem, provAt, sentenceSpan, type ProseCtx } from './prose-context.js';
import { cleanLabel, groupOutsideBrackets, type Tok } from './tokenise.js';
import {
  GENERIC_PREFIX,
  MODE_EXECUTED,
  MODE_INITIAL,
  NATURE_LABELS,
  NOT_SPENDING,
  SCOPE_BASIC,
  SCOPE_PROJECT,
  SCOPE_SKIP,
  TOTAL_AMOUNT_LABELS,
  YEAR_SPENDING,
  type FundsField,
  type NatureField,
} from '../vocab/prose-vocab.js';

const CJK2 = /[\u4e00-\u9fa5]{2,}/;

/** 基本支出 / 项目支出 / 人员经费 / 公用经费 named right before the amount, or null. */
function natureOf(label: string): NatureField | null {
  for (const n of NATURE_LABELS) {
    const nm = n.re.exec(label);
    if (!nm) continue;
    return CJK2.test(label.slice(0, nm.index).replace(GENERIC_PREFIX, '').replace(/^(?:其中|日常)/, '')) ? null : n.field;
  }
  return null;
}

/** 年初预算 / 调整后预算 / 执行数 named right before the amount, only generic words before it. */
function fieldOf(t: Tok): FundsField | null {
  const rawLabel = t.label.replace(/^[，,；;：:\s]+/, '').replace(/^其中/, '');
  if (YEAR_SPENDING.test(t.group.trim()) || YEAR_SPENDING.test(rawLabel)) return 'executed';
  for (const f of TOTAL_AMOUNT_LABELS) {
    const fm = f.re.exec(rawLabel);
    if (!fm) continue;
    return CJK2.test(rawLabel.slice(0, fm.index).replace(GENERIC_PREFIX, '')) ? null : f.field;
  }
  return null;
}

const CLAIM_FIELD = { initial: 'initialBudget', adjusted: 'adjustedBudget', executed: 'executed' } as const;
const NATURE_CLAIM = { basic: 'basicExpenditure', project: 'projectExpenditure', personnel: 'personnel', operating: 'operating' } as const;

function readNature(p: ProseCtx, para: Para, t: Tok, nature: NatureField, sentence: string): void {
  const label = cleanLabel(t.label);
  const mode: FundsField = /预算/.test(label) ? 'initial' : MODE_EXECUTED.test(label) ? 'executed' : MODE_INITIAL.test(sentence) && !MODE_EXECUTED.test(sentence) ? 'initial' : 'executed';
  const triple = p.ctx.ev.funds[nature];
  const start = t.index;
  const end = t.index + t.length;
  if (triple[mode] === null) {
    triple[mode] = t.amount;
    provAt(p, `funds.${nature}.${mode}`, para, start, end);
  }
  if (mode !== 'executed') return;
  const field = NATURE_CLAIM[nature];
  addClaim(p, { type: 'figure', field, value: t.amount!, text: excerpt(para.text, start - t.label.length, end) }, `figure:${field}:${t.amount}`, para, start, end);
}

function readTotal(p: ProseCtx, para: Para, t: Tok, field: FundsField): void {
  const ev = p.ctx.ev;
  const start = t.index;
  const end = t.index + t.length;
  const group = groupOutsideBrackets(t.group);
  const scope = SCOPE_BASIC.test(group) ? 'basic' : !p.projectKind && SCOPE_PROJECT.test(group.replace(/项目支出/g, '')) ? 'project' : 'total';
  if (scope !== 'total') {
    const triple = ev.funds[scope];
    if (triple[field] === null) {
      triple[field] = t.amount;
      provAt(p, `funds.${scope}.${field}`, para, start, end);
    }
    return;
  }
  if (ev.funds.total[field] === null) {
    ev.funds.total[field] = t.amount;
    provAt(p, `funds.total.${field}`, para, start, end);
  }
  const claimField = CLAIM_FIELD[field];
  addClaim(p, { type: 'figure', field: claimField, value: t.amount!, text: excerpt(para.text, start - t.label.length, end) }, `figure:${claimField}:${t.amount}`, para, start, end);
}

export function readAmounts(p: ProseCtx, para: Para, toks: Tok[]): void {
  for (const t of toks) {
    if (t.amount === null || t.delta || t.inParen || inItem(p, para, t.index)) continue;
    const label = cleanLabel(t.label);
    if (NOT_SPENDING.test(label) || SCOPE_SKIP.test(t.group) || SCOPE_SKIP.test(label)) continue;
    const nature = natureOf(label);
    const field = fieldOf(t);
    if (nature && !field) {
      const [sa, sb] = sentenceSpan(para.text, t.index);
      readNature(p, para, t, nature, para.text.slice(sa, sb));
    } else if (field) readTotal(p, para, t, field);
  }
}

/** "共有8个项目…万元": the number of projects in a sentence about funds. */
export function readProjectCount(p: ProseCtx, para: Para, toks: Tok[]): void {
  const funds = p.ctx.ev.funds;
  for (const t of toks) {
    if (funds.projectCount !== null) return;
    if (t.unit !== '个' && t.unit !== '项') continue;
    if (!/项目$/.test(t.label) && !/^项目/.test(para.text.slice(t.index + t.length, t.index + t.length + 2))) continue;
    const [sa, sb] = sentenceSpan(para.text, t.index);
    if (!toks.some((x) => x.amount !== null && x.index >= sa && x.index < sb) || !/^\d+$/.test(t.value)) continue;
    funds.projectCount = Number(t.value);
    provAt(p, 'funds.projectCount', para, t.index, t.index + t.length);
  }
}
