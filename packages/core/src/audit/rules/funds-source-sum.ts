import { FUND_SOURCE_LABELS, type FundSource, type SourceFundRow } from '../../model/evaluation.js';
import type { AuditRule, FindingDraft } from '../types.js';
import { CANNOT_TELL, dec, fmt, judgeStated, padPlaces, printedPlaces, sumDiscrepancy, sumOfPrinted } from '../finding-helpers.js';

const FUND_COLUMNS = { initial: '年初预算数', adjusted: '全年预算数', executed: '全年执行数', arrived: '资金到位数' } as const;
type FundColumn = keyof typeof FUND_COLUMNS;

/** Rows that split the total by level of government (中央/省/市/县, 地方). */
const LEVEL_SOURCES: ReadonlySet<FundSource> = new Set(['central', 'provincial', 'municipal', 'county', 'local']);
/** Rows that belong to whichever split they are printed with (其他资金, 单位自筹). */
const EITHER: ReadonlySet<FundSource> = new Set(['other', 'self_raised']);

type Split = 'source' | 'level';
const SPLIT_LABEL: Record<Split, string> = { source: '按资金来源分列的', level: '按资金层级（中央/省/市/县）分列的' };

interface Group {
  split: Split;
  rows: SourceFundRow[];
}

/**
 * The 其中 rows as the splits the table prints: one group when it splits the total one way;
 * when it prints both a split by source and a split by level, each is summed on its own,
 * and a 其他资金 row goes with the split it is printed next to (the one above it, else below).
 */
function fundSplits(rows: readonly SourceFundRow[]): Group[] {
  const own = rows.map((r): Split | null => (EITHER.has(r.source) ? null : LEVEL_SOURCES.has(r.source) ? 'level' : 'source'));
  const splits = new Set(own.filter((s): s is Split => s !== null));
  if (splits.size < 2) return rows.length ? [{ split: splits.has('level') ? 'level' : 'source', rows: [...rows] }] : [];
  const assigned = own.map((s, i) => s ?? own.slice(0, i).reverse().find((x) => x !== null) ?? own.slice(i).find((x) => x !== null)!);
  return (['source', 'level'] as const).map((split) => ({ split, rows: rows.filter((_, i) => assigned[i] === split) }));
}

function labelOf(r: SourceFundRow): string {
  return r.label ?? FUND_SOURCE_LABELS[r.source];
}

/** A level split nested under 本年财政拨款 (it adds up to that row, not to the total) is not an error. */
function nestedUnderAppropriation(rows: readonly SourceFundRow[], group: Group, col: FundColumn): boolean {
  if (group.split !== 'level') return false;
  const appropriation = rows.find((r) => r.source === 'current_appropriation')?.[col];
  if (appropriation === null || appropriation === undefined) return false;
  return sumDiscrepancy(appropriation, group.rows.map((r) => ({ label: labelOf(r), value: r[col]! }))) === null;
}

function completeFinding(total: string, group: Group, col: FundColumn, rows: readonly SourceFundRow[]): FindingDraft | null {
  const d = sumDiscrepancy(total, group.rows.map((r) => ({ label: labelOf(r), value: r[col]! })));
  if (!d || nestedUnderAppropriation(rows, group, col)) return null;
  return {
    message: `${SPLIT_LABEL[group.split]}${FUND_COLUMNS[col]}合计为 ${d.figures.expected} 万元（${d.formula}），与年度资金总额的${FUND_COLUMNS[col]} ${total} 万元相差 ${d.figures.difference} 万元；${CANNOT_TELL}。`,
    location: { path: `funds.total.${col}`, label: `年度资金总额 › ${FUND_COLUMNS[col]}` },
    ...d.figures,
  };
}

/** Blank cells are unknown, never 0: only the known parts already above the total are certain. */
function partialFinding(total: string, group: Group, col: FundColumn): FindingDraft | null {
  const known = group.rows.filter((r) => r[col] !== null);
  if (known.length === 0) return null;
  const values = known.map((r) => r[col]!);
  const places = Math.max(2, printedPlaces(total), ...values.map(printedPlaces));
  const j = judgeStated(padPlaces(total, places), sumOfPrinted(values));
  const sum = values.reduce((s, v) => s.plus(dec(v)), dec(0));
  if (j.verdict === 'consistent' || !sum.greaterThan(dec(total))) return null;
  const blank = group.rows.filter((r) => r[col] === null).map(labelOf);
  return {
    message: `${SPLIT_LABEL[group.split]}${FUND_COLUMNS[col]}中已填写的 ${known.map((r) => `${labelOf(r)} ${r[col]}`).join(' + ')} = ${fmt(sum, places)} 万元，已超过年度资金总额的${FUND_COLUMNS[col]} ${total} 万元（${blank.join('、')}未填写，按未知处理，不按 0 计）；${CANNOT_TELL}。`,
    location: { path: `funds.total.${col}`, label: `年度资金总额 › ${FUND_COLUMNS[col]}` },
    reported: total,
    expected: fmt(sum, places),
    difference: fmt(dec(total).minus(sum), places),
  };
}

/**
 * 年度资金总额 = 其中各行之和, in every column (年初预算数, 全年预算数, 全年执行数, 资金到位数),
 * judged at printed precision. A table that splits the total both by source and by level
 * has each split summed on its own. A blank or masked cell is unknown: that column is
 * judged only when the known parts already exceed the total.
 */
export const fundsSourceSum: AuditRule = {
  id: 'funds-source-sum',
  title: { zh: '资金来源分项之和应等于资金总额', en: 'Funds by source add up to the total' },
  severity: 'error',
  category: 'accuracy',
  check({ evaluation: ev }) {
    const out: FindingDraft[] = [];
    const rows = ev.funds.bySource;
    for (const group of fundSplits(rows)) {
      for (const col of Object.keys(FUND_COLUMNS) as FundColumn[]) {
        const total = ev.funds.total[col];
        if (total === null) continue;
        const complete = group.rows.every((r) => r[col] !== null);
        const f = complete ? completeFinding(total, group, col, rows) : partialFinding(total, group, col);
        if (f) out.push(f);
      }
    }
    return out;
  },
};
