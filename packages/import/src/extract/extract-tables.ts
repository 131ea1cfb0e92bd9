/**
 * Tables → funds block, base-data sheet, indicator tree, level-1 score table, totals, goals.
 * Works on rows of cells whatever the source format, guided by header vocabulary; merged
 * (empty) level-1/level-2 cells are carried down.
 */
import type { FundSource, Indicator, Level1, Level2, AmountTriple, YearTriple } from '@jixiao/core';
import { emptyBaseData } from '@jixiao/core';
import { cellText, type Block, type Cell, type Row } from '../segment-blocks.js';
import { isBlankCell, parseCellNumber, yuanToWan, type PrintedNumber } from '../parse-number.js';
import {
  BASE_ROWS,
  BUDGET_EXECUTION_ROW,
  FUNDS_COLUMNS,
  FUNDS_ROWS,
  GOAL_ACHIEVED,
  GOAL_EXPECTED,
  GOAL_HEADER,
  HEADER_FIELDS,
  INDICATOR_COLUMNS,
  LEVEL1_NAME,
  SCORE_TABLE_HEAD,
  STAFFING_COLUMNS,
  TOTAL_ROW,
  type BaseRowKey,
  type FundsColumn,
  type FundsRowKey,
  type IndicatorColumn,
} from '../vocab/table-vocab.js';
import { setProv, type Ctx } from './draft.js';

type BaseCol = 'priorActual' | 'budget' | 'actual';
type BuildingCol = 'approvedSize' | 'actualSize' | 'statedSizeControlRate' | 'budgetInvestment' | 'actualInvestment' | 'statedInvestmentControlRate';
/** Columns of the government-buildings rows of the base-data sheet (楼堂馆所); tested in order. */
const BUILDING_COLUMNS: Array<{ key: BuildingCol; re: RegExp }> = [
  { key: 'statedSizeControlRate', re: /规模控制率/ },
  { key: 'statedInvestmentControlRate', re: /投资(?:概算)?控制率/ },
  { key: 'approvedSize', re: /批复规模/ },
  { key: 'actualSize', re: /实际规模/ },
  { key: 'budgetInvestment', re: /预算投资|投资概算(?!控制)/ },
  { key: 'actualInvestment', re: /实际投资/ },
];
type Mode =
  | { kind: 'none' }
  | { kind: 'funds'; cols: Array<FundsColumn | null>; yuan: boolean }
  | { kind: 'indicators'; cols: Array<IndicatorColumn | null>; l1: number; l2: number; lastLeaf: Indicator | null }
  | { kind: 'score'; cols: Array<'label' | 'weight' | 'score' | 'rate' | null> }
  | { kind: 'staffing'; cols: Array<'authorized' | 'actual' | 'rate' | null> }
  | { kind: 'base'; cols: Array<BaseCol | null>; yuan: boolean; lastTop: BaseRowKey | null }
  | { kind: 'goal'; cols: Array<'expected' | 'achieved' | null>; title: string | null }
  | { kind: 'buildings'; cols: Array<BuildingCol | null> };

export interface TableScan {
  /** Long text cells, to be read as prose too. */
  proseCells: Array<{ line: number; text: string; offset: number }>;
  /** Figures already taken from tables (to prefer them over prose). */
  sawFundsTable: boolean;
  sawIndicatorTable: boolean;
  sawScoreTable: boolean;
}

/** A line giving the unit of the table below: "单位：元", "金额单位：万元". */
const UNIT_LINE = /(?:^|[（(])(?:金额)?单位[：:](万元|元)[）)]?$/;
const KV_AMOUNT = /[^\d\s：:][：:]\s*-?[\d,]+(?:\.\d+)?\s*(?:万元|元)?(?:\s|$)/;

const HEADER_LINE = /^\s*(?:项目名称|主管(?:部门|单位)|实施单位|(?:(?:市级|县级|区级|省级)?预算)?(?:部门|单位)名称)\s*[：:\s]/;

/** "项目名称：某某工程" as two cells. */
function splitKeyValue(c: Cell): Cell[] {
  const t = c.parts[0]!;
  const m = /^([^：:]{2,10})[：:](.+)$/.exec(t);
  if (!m || !HEADER_FIELDS.some((h) => h.re.test(m[1]!))) return [c];
  const at = c.start + m[1]!.length + 1;
  return [
    { parts: [m[1]!], line: c.line, start: c.start, end: c.start + m[1]!.length },
    { parts: [m[2]!], line: c.line, start: at, end: at + m[2]!.length },
  ];
}

function wordCells(line: string, lineIndex: number): Cell[] {
  const cells: Cell[] = [];
  const re = /\S+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(line)) !== null) cells.push({ parts: [m[0]], line: lineIndex, start: m.index, end: m.index + m[0].length });
  return cells;
}

const YUAN_HEAD = /[（(]\s*元\s*[）)]|单位[：:]\s*元(?!\S*万)/;

function cleanLabel(s: string): string {
  return s
    .replace(/[\s\u3000]+/g, '')
    .replace(/^(?:其中|含)[：:]?/, '')
    .replace(/^(?:\d+|[一二三四五六七八九十]+)[、.．]/, '')
    .replace(/^[（(](?:\d+|[一二三四五六七八九十]+)[）)]/, '')
    .replace(/[：:]+$/, '');
}

function headedWeight(s: string): { name: string; weight: string | null } {
  const t = s.replace(/[\s\u3000]+/g, '');
  const m = /^(.*?)[（(](\d+(?:\.\d+)?)分?[）)](.*)$/.exec(t);
  if (m) return { name: (m[1]! + m[3]!).trim(), weight: m[2]! };
  const m2 = /^(.*?)(\d+(?:\.\d+)?)分$/.exec(t);
  if (m2 && m2[1]) return { name: m2[1], weight: m2[2]! };
  return { name: t, weight: null };
}

function mapHeader<K extends string>(texts: string[], vocab: Array<{ key: K; re: RegExp }>): Array<K | null> {
  return texts.map((t) => {
    const s = t.replace(/[\s\u3000]+/g, '');
    if (s === '' || s.length > 24) return null;
    for (const v of vocab) if (v.re.test(s)) return v.key;
    return null;
  });
}

function distinct<K>(cols: Array<K | null>): Set<K> {
  return new Set(cols.filter((c): c is K => c !== null));
}

/** Index in the row of header column j (rows may have extra leading cells, or miss some). */
function aligned(headerLen: number, rowLen: number, j: number): number {
  if (rowLen >= headerLen) return j + (rowLen - headerLen);
  return j - (headerLen - rowLen);
}

function okWeight(n: PrintedNumber | null): n is PrintedNumber {
  return n !== null && !n.percent && !n.value.startsWith('-') && Number(n.value) <= 100;
}

export function extractTables(ctx: Ctx, blocks: Block[]): TableScan {
  const ev = ctx.ev;
  const scan: TableScan = { proseCells: [], sawFundsTable: false, sawIndicatorTable: false, sawScoreTable: false };
  let mode: Mode = { kind: 'none' };
  let justHeaded = false;
  let firstIndicatorHeader: string | null = null;
  let sawOtherTable = false;
  let stopAt: string | null = null;
  const num = (c: Cell | undefined) => (c ? parseCellNumber(c.parts.find((p) => p.trim() !== '') ?? '') : null);
  const provCell = (path: string, c: Cell) => setProv(ctx, path, c.line, c.start, c.end);
  const amount = (n: PrintedNumber, yuan: boolean) => {
    if (!(yuan || n.unit === '元')) return n.value;
    ctx.yuanTables = true;
    return yuanToWan(n.value);
  };

  const setTriple = (path: string, triple: AmountTriple, key: 'initial' | 'adjusted' | 'executed', n: PrintedNumber, c: Cell, yuan: boolean) => {
    if (n.percent) return;
    triple[key] = amount(n, yuan);
    provCell(`${path}.${key}`, c);
  };

  const fundsTarget = (key: FundsRowKey, label: string): { triple: AmountTriple; path: string } => {
    if (key.startsWith('source:')) {
      const source = key.slice(7) as FundSource;
      let idx = ev.funds.bySource.findIndex((s) => s.source === source);
      if (idx < 0) {
        ev.funds.bySource.push({ source, label, initial: null, adjusted: null, executed: null, arrived: null, statedRate: null });
        idx = ev.funds.bySource.length - 1;
      }
      return { triple: ev.funds.bySource[idx]!, path: `funds.bySource.${idx}` };
    }
    const k = key as 'total' | 'basic' | 'personnel' | 'operating' | 'project';
    return { triple: ev.funds[k], path: `funds.${k}` };
  };

  const fundsRowKey = (label: string): FundsRowKey | null => {
    for (const r of FUNDS_ROWS) if (r.re.test(label)) return r.key;
    return null;
  };

  const baseData = () => {
    if (!ev.baseData) {
      ev.baseData = emptyBaseData();
    }
    return ev.baseData;
  };

  // "单位：元" printed above a table applies to the table below it
  let unitAbove: '元' | '万元' | null = null;
  for (const block of blocks) {
    let rows: Row[];
    if (block.kind === 'para') {
      const u = UNIT_LINE.exec(block.text.replace(/\s+/g, ''));
      if (u) unitAbove = u[1] === '元' ? '元' : '万元';
      // "项目名称：某某工程  主管部门：某某局" — the header block of a table, printed as text
      if (block.text.length <= 80 && HEADER_LINE.test(block.text)) {
        const cells = wordCells(ctx.lines[block.line]!, block.line).flatMap(splitKeyValue);
        readHeaderFields(ctx, cells, cells.map(cellText), firstIndicatorHeader === null);
        continue;
      }
      // "其他资金：11.25" on a line of its own while reading a funds block (PDF text, OCR)
      if (mode.kind !== 'funds' || block.text.length > 80 || !KV_AMOUNT.test(block.text)) continue;
      rows = [{ cells: wordCells(ctx.lines[block.line]!, block.line), line: block.line }];
    } else rows = block.rows;
    for (const row of rows) {
      const cells = row.cells;
      const texts = cells.map(cellText);
      if (texts.every((t) => isBlankCell(t))) continue;
      for (let i = 0; i < cells.length; i++) {
        const t = texts[i]!;
        if (t.length >= 30 && /[。；，]/.test(t)) {
          for (const p of cells[i]!.parts) {
            if (p.trim().length >= 8) scan.proseCells.push({ line: findLine(ctx, p, cells[i]!.line), text: p.trim(), offset: 0 });
          }
        }
      }
      const namedFields = readHeaderFields(ctx, cells, texts, firstIndicatorHeader === null) || readGradeCell(ctx, cells, texts);
      if (namedFields && firstIndicatorHeader !== null) sawOtherTable = true;
      // a second header row under the first ("年度指标值" over "年初 | 调整后")
      if (justHeaded && mode.kind === 'indicators' && isSubHeader(texts)) {
        refineIndicatorHeader(mode, texts);
        continue;
      }
      justHeaded = false;
      const header = detectHeader(texts);
      if (header) {
        if ((header.kind === 'funds' || header.kind === 'base') && unitAbove === '元') header.yuan = true;
        const key = texts.map((t) => t.replace(/\s+/g, '')).join('|');
        // One evaluation per import: a document that goes on to a second self-evaluation table
        // (project tables annexed to a department report) is read up to there.
        if (header.kind === 'indicators' && firstIndicatorHeader !== null) {
          if (key === firstIndicatorHeader && !sawOtherTable && mode.kind === 'indicators') continue; // the header repeated on a new page
          if (key !== firstIndicatorHeader || sawOtherTable) {
            stopAt = 'indicators';
          }
        }
        if (header.kind === 'funds' && scan.sawFundsTable && scan.sawIndicatorTable) stopAt = 'funds';
        if (stopAt) {
          ctx.notes.push('文档中有多张自评表（如附带的项目自评表），只读取了第一张表；其余请分别导入');
          return scan;
        }
        if (header.kind === 'indicators') firstIndicatorHeader = key;
        else if (firstIndicatorHeader !== null && header.kind === 'funds') sawOtherTable = true;
        mode = header;
        justHeaded = true;
        if (mode.kind === 'indicators') scan.sawIndicatorTable = true;
        if (mode.kind === 'score') scan.sawScoreTable = true;
        if (mode.kind === 'funds') scan.sawFundsTable = true;
        continue;
      }
      if (namedFields) continue;
      const firstIdx = texts.findIndex((t) => !isBlankCell(t));
      const first = cleanLabel(texts[firstIdx] ?? '');

      // 总分 rows outside the funds block
      if (mode.kind !== 'funds' && TOTAL_ROW.test(first)) {
        const nums: Array<{ n: PrintedNumber; c: Cell; col: number }> = [];
        for (let i = firstIdx + 1; i < cells.length; i++) {
          const n = num(cells[i]);
          if (n) nums.push({ n, c: cells[i]!, col: i });
        }
        if (mode.kind === 'score') {
          for (const x of nums) {
            const key = mode.cols[aligned(mode.cols.length, cells.length, x.col)] ?? null;
            const k2 = key ?? (x.n.percent ? 'rate' : null);
            if (k2 === 'weight') {
              ev.totals.statedWeight = x.n.value;
              provCell('totals.statedWeight', x.c);
            } else if (k2 === 'score') {
              ev.totals.statedScore = x.n.value;
              provCell('totals.statedScore', x.c);
            } else if (k2 === 'rate') {
              ev.totals.statedScoreRate = x.n.value;
              provCell('totals.statedScoreRate', x.c);
            }
          }
        } else {
          const plain = nums.filter((x) => !x.n.percent);
          if (plain.length >= 2) {
            ev.totals.statedWeight = plain[0]!.n.value;
            provCell('totals.statedWeight', plain[0]!.c);
            ev.totals.statedScore = plain[plain.length - 1]!.n.value;
            provCell('totals.statedScore', plain[plain.length - 1]!.c);
          } else if (plain.length === 1) {
            ev.totals.statedScore = plain[0]!.n.value;
            provCell('totals.statedScore', plain[0]!.c);
          }
        }
        continue;
      }

      switch (mode.kind) {
        case 'funds': {
          const m = mode;
          // label: last non-number, non-blank cell before the first number
          let labelIdx = -1;
          for (let i = 0; i < cells.length; i++) {
            if (isBlankCell(texts[i]!)) continue;
            if (num(cells[i])) break;
            labelIdx = i;
          }
          const labelText = labelIdx >= 0 ? texts[labelIdx]! : '';
          const hasNumbers = cells.some((c, i) => i > labelIdx && num(c) !== null);
          if (labelIdx >= 0 && hasNumbers) {
            const label = cleanLabel(labelText);
            const key = fundsRowKey(label);
            if (!key) break;
            const { triple, path } = fundsTarget(key, label);
            const headerKeys = m.cols.map((k, j) => ({ k, j })).filter((x) => x.k !== null);
            const sameShape = m.cols.length === cells.length;
            const after = cells.slice(labelIdx + 1);
            headerKeys.forEach((hk, idx) => {
              const c = sameShape ? cells[hk.j] : after[idx];
              const n = num(c);
              if (!n || !c) return;
              if (hk.k === 'initial' || hk.k === 'adjusted' || hk.k === 'executed') setTriple(path, triple, hk.k, n, c, m.yuan);
              else if (key === 'total') {
                if (hk.k === 'weight' && okWeight(n)) {
                  ev.budgetExecution.weight = n.value;
                  provCell('budgetExecution.weight', c);
                } else if (hk.k === 'rate') {
                  ev.budgetExecution.statedRate = n.value;
                  provCell('budgetExecution.statedRate', c);
                } else if (hk.k === 'score' && !n.percent) {
                  ev.budgetExecution.selfScore = n.value;
                  provCell('budgetExecution.selfScore', c);
                }
              }
            });
            break;
          }
          // "其中：一般公共预算：265.45" — label and amount in one cell
          for (let i = 0; i < cells.length; i++) {
            const kv = /^(.*?[^\d.,])[：:]\s*(-?[\d,]+(?:\.\d+)?)\s*(万元|元)?$/.exec(texts[i]!.replace(/[\u3000]/g, ' ').trim());
            if (!kv) continue;
            const label = cleanLabel(kv[1]!);
            const key = fundsRowKey(label);
            const n = parseCellNumber(kv[2]! + (kv[3] ?? ''));
            if (!key || !n) continue;
            const { triple, path } = fundsTarget(key, label);
            const c = cells[i]!;
            const at = c.parts[0]!.lastIndexOf(kv[2]!);
            const cc: Cell = at >= 0 ? { ...c, start: c.start + at, end: c.start + at + kv[2]!.length } : c;
            setTriple(path, triple, 'executed', n, cc, m.yuan);
          }
          break;
        }
        case 'indicators':
          readIndicatorRow(ctx, mode, cells, texts, num);
          break;
        case 'score': {
          const label = cleanLabel(texts[firstIdx]!);
          const vals: Partial<Record<'weight' | 'score' | 'rate', { n: PrintedNumber; c: Cell }>> = {};
          for (let i = firstIdx + 1; i < cells.length; i++) {
            const n = num(cells[i]);
            if (!n) continue;
            const key = mode.cols[aligned(mode.cols.length, cells.length, i)];
            const k = key === 'weight' || key === 'score' || key === 'rate' ? key : n.percent ? 'rate' : null;
            if (k && !vals[k]) vals[k] = { n, c: cells[i]! };
          }
          if (BUDGET_EXECUTION_ROW.test(label)) {
            if (vals.weight && okWeight(vals.weight.n)) {
              ev.budgetExecution.weight = vals.weight.n.value;
              provCell('budgetExecution.weight', vals.weight.c);
            }
            if (vals.score && !vals.score.n.percent) {
              ev.budgetExecution.selfScore = vals.score.n.value;
              provCell('budgetExecution.selfScore', vals.score.c);
            }
            if (vals.rate) {
              ev.budgetExecution.statedScoreRate = vals.rate.n.value;
              provCell('budgetExecution.statedScoreRate', vals.rate.c);
            }
            break;
          }
          if (!vals.weight && !vals.score) break;
          const { name, weight } = headedWeight(texts[firstIdx]!);
          const idx = findOrAddLevel1(ev.indicators, name);
          const l1 = ev.indicators[idx]!;
          const p = `indicators.${idx}`;
          if (vals.weight && okWeight(vals.weight.n)) {
            l1.weight = vals.weight.n.value;
            provCell(`${p}.weight`, vals.weight.c);
          } else if (weight) l1.weight = weight;
          if (vals.score && !vals.score.n.percent) {
            l1.selfScore = vals.score.n.value;
            provCell(`${p}.selfScore`, vals.score.c);
          }
          if (vals.rate) {
            l1.statedScoreRate = vals.rate.n.value;
            provCell(`${p}.statedScoreRate`, vals.rate.c);
          }
          if (!ev.provenance[p]) provCell(p, cells[firstIdx]!);
          break;
        }
        case 'staffing': {
          const bd = baseData();
          const sm = mode;
          sm.cols.forEach((k, j) => {
            if (!k) return;
            const c = cells[aligned(sm.cols.length, cells.length, j)];
            const n = num(c);
            if (!n || !c) return;
            if (k === 'rate') {
              if (!n.percent) return;
              bd.staffing.statedControlRate = n.value;
              provCell('baseData.staffing.statedControlRate', c);
            } else if (/^\d+$/.test(n.value) && !n.percent) {
              bd.staffing[k] = Number(n.value);
              provCell(`baseData.staffing.${k}`, c);
            }
          });
          mode = { kind: 'none' };
          break;
        }
        case 'base': {
          const m = mode;
          const rawLabel = texts[firstIdx]!;
          const label = cleanLabel(rawLabel);
          if (/厉行节约|节约保障措施/.test(label)) {
            const rest = texts.slice(firstIdx + 1).filter((t) => !isBlankCell(t)).join('；');
            if (rest) baseData().savingsMeasures = rest;
            break;
          }
          const values: Array<{ k: BaseCol; n: PrintedNumber; c: Cell }> = [];
          m.cols.forEach((k, j) => {
            if (!k) return;
            const c = cells[aligned(m.cols.length, cells.length, j)];
            const n = num(c);
            if (n && c && !n.percent) values.push({ k, n, c });
          });
          let key: BaseRowKey | null = null;
          for (const r of BASE_ROWS) if (r.re.test(label)) { key = r.key; break; }
          const bd = baseData();
          if (key) {
            if (key === 'project' || key === 'operating') m.lastTop = key;
            else if (!key.startsWith('threePublic')) m.lastTop = null;
            if (values.length === 0) break;
            if (key === 'procurement') {
              for (const v of values) {
                if (v.k === 'budget') {
                  bd.procurement.budget = amount(v.n, m.yuan);
                  provCell('baseData.procurement.budget', v.c);
                } else if (v.k === 'actual') {
                  bd.procurement.actual = amount(v.n, m.yuan);
                  provCell('baseData.procurement.actual', v.c);
                }
              }
              break;
            }
            if (key === 'basicBudgetAdjustment' || key === 'carryOverBalance') {
              const v = values.find((x) => x.k === 'actual') ?? values[values.length - 1]!;
              bd[key] = amount(v.n, m.yuan);
              provCell(`baseData.${key}`, v.c);
              break;
            }
            const [a, b] = key.split('.') as [string, string | undefined];
            const triple: YearTriple = b ? (bd.threePublic as Record<string, YearTriple>)[b]! : (bd as unknown as Record<string, YearTriple>)[a]!;
            for (const v of values) {
              triple[v.k] = amount(v.n, m.yuan);
              provCell(`baseData.${key}.${v.k}`, v.c);
            }
            break;
          }
          if (m.lastTop && values.length > 0 && !/^[…\.]+$/.test(label)) {
            const list = m.lastTop === 'project' ? bd.projectLines : bd.operatingLines;
            const line = { name: label, priorActual: null, budget: null, actual: null } as YearTriple & { name: string };
            const idx = list.length;
            for (const v of values) {
              line[v.k] = amount(v.n, m.yuan);
              provCell(`baseData.${m.lastTop}Lines.${idx}.${v.k}`, v.c);
            }
            list.push(line);
          }
          break;
        }
        case 'buildings': {
          const m = mode;
          const b = {
            name: null as string | null,
            approvedSize: null as string | null,
            actualSize: null as string | null,
            statedSizeControlRate: null as string | null,
            budgetInvestment: null as string | null,
            actualInvestment: null as string | null,
            statedInvestmentControlRate: null as string | null,
          };
          let any = false;
          const idx = baseData().buildings.length;
          m.cols.forEach((k, j) => {
            if (!k) return;
            const c = cells[aligned(m.cols.length, cells.length, j)];
            const n = num(c);
            if (!n || !c) return;
            const rate = k === 'statedSizeControlRate' || k === 'statedInvestmentControlRate';
            if (rate !== n.percent) return;
            b[k] = k === 'budgetInvestment' || k === 'actualInvestment' ? amount(n, false) : n.value;
            provCell(`baseData.buildings.${idx}.${k}`, c);
            any = true;
          });
          if (!any) break;
          const label = texts[firstIdx]!;
          if (!num(cells[firstIdx])) b.name = cleanLabel(label) || null;
          baseData().buildings.push(b);
          break;
        }
        case 'goal': {
          const expected = mode.cols.indexOf('expected');
          const achieved = mode.cols.indexOf('achieved');
          const e = expected >= 0 ? cells[aligned(mode.cols.length, cells.length, expected)] : undefined;
          const a = achieved >= 0 ? cells[aligned(mode.cols.length, cells.length, achieved)] : undefined;
          const et = e ? cellText(e) : '';
          const at = a ? cellText(a) : '';
          if (et || at) {
            const idx = ev.goals.length;
            ev.goals.push({ title: mode.title, expected: et || null, achieved: at || null, targets: [] });
            if (e && et) provCell(`goals.${idx}.expected`, e);
            if (a && at) provCell(`goals.${idx}.achieved`, a);
          }
          mode = { kind: 'none' };
          break;
        }
        default:
          break;
      }
    }
  }
  return scan;
}

function findLine(ctx: Ctx, text: string, fallback: number): number {
  for (let i = fallback; i < Math.min(ctx.lines.length, fallback + 40); i++) {
    if (ctx.lines[i]!.includes(text)) return i;
  }
  return fallback;
}

function findOrAddLevel1(list: Level1[], name: string): number {
  const key = name.replace(/指标$/, '');
  const idx = list.findIndex((l) => l.name.replace(/指标$/, '') === key);
  if (idx >= 0) return idx;
  list.push({ name, weight: null, selfScore: null, statedScoreRate: null, children: [] });
  return list.length - 1;
}

/** "评价等级 | 优" — the grade in a cell beside its label. */
function readGradeCell(ctx: Ctx, cells: Cell[], texts: string[]): boolean {
  for (let i = 0; i < cells.length - 1; i++) {
    if (!/^(?:自评|绩效|综合)?(?:评价)?等级[：:]?$/.test(texts[i]!.replace(/\s+/g, ''))) continue;
    let j = i + 1;
    while (j < cells.length && isBlankCell(texts[j]!)) j++;
    const v = (texts[j] ?? '').replace(/\s+/g, '').replace(/^[“"「]|[”"」]$/g, '');
    if (!/^(?:优秀|良好|一般|较差|不合格|合格|优|良|中|差)$/.test(v)) continue;
    if (ctx.ev.totals.statedGrade === null) {
      ctx.ev.totals.statedGrade = v;
      setProv(ctx, 'totals.statedGrade', cells[j]!.line, cells[j]!.start, cells[j]!.end);
    }
    return true;
  }
  return false;
}

/** A column title, not a value ("年初预算数", "三级指标", "编制数"). */
function looksLikeColumnHeader(v: string): boolean {
  const t = v.replace(/\s+/g, '');
  return (
    parseCellNumber(t) !== null ||
    FUNDS_COLUMNS.some((c) => c.re.test(t)) ||
    INDICATOR_COLUMNS.some((c) => c.re.test(t)) ||
    STAFFING_COLUMNS.some((c) => c.re.test(t))
  );
}

/** Name fields beside their labels; once a first table has been read, they only mark where another begins. */
function readHeaderFields(ctx: Ctx, cells: Cell[], texts: string[], apply = true): boolean {
  let hit = false;
  for (let i = 0; i < cells.length - 1; i++) {
    const t = texts[i]!.replace(/[\s\u3000]+/g, '');
    const f = HEADER_FIELDS.find((h) => h.re.test(t));
    if (!f) continue;
    let j = i + 1;
    while (j < cells.length && isBlankCell(texts[j]!)) j++;
    if (j >= cells.length) continue;
    const v = texts[j]!.replace(/[\u3000]+/g, '').trim();
    if (v.length < 2 || v.length > 60 || HEADER_FIELDS.some((h) => h.re.test(v)) || looksLikeColumnHeader(v)) continue;
    const ev = ctx.ev;
    const c = cells[j]!;
    hit = true;
    if (!apply) continue;
    if (f.key === 'unit') {
      ev.unit.name = v;
      setProv(ctx, 'unit.name', c.line, c.start, c.end);
    } else if (f.key === 'project') {
      if (ev.project) continue; // the first project named is the one evaluated
      ev.project = { name: v, implementingUnit: null, code: null, manager: null, phone: null, category: null, issuingDepartment: null };
      ev.kind = 'project';
      setProv(ctx, 'project.name', c.line, c.start, c.end);
    } else if (f.key === 'supervising') {
      ev.supervisingDepartment = v;
      setProv(ctx, 'supervisingDepartment', c.line, c.start, c.end);
    } else if (f.key === 'implementing') {
      if (ev.project) ev.project.implementingUnit = v;
      else ev.unit.name ??= v;
    }
    hit = true;
  }
  return hit;
}

function detectHeader(texts: string[]): Mode | null {
  // a row with a bare number in it holds data, whatever words sit beside
  if (texts.some((t) => parseCellNumber(t) !== null)) return null;
  const ind = mapHeader(texts, INDICATOR_COLUMNS);
  const ik = distinct(ind);
  // with targets and actuals (the national tables), or weights and scores only (the 2013 department framework)
  if ((ik.has('level1') || ik.has('level3')) && (((ik.has('target') || ik.has('actual')) && (ik.has('weight') || ik.has('score'))) || (ik.has('weight') && ik.has('score')))) {
    return { kind: 'indicators', cols: ind, l1: -1, l2: -1, lastLeaf: null };
  }
  const compact = texts.map((t) => t.replace(/[\s\u3000]+/g, ''));
  const goalHead = compact.findIndex((t) => GOAL_HEADER.test(t));
  if (goalHead >= 0 && compact.some((t, i) => i !== goalHead && (GOAL_EXPECTED.test(t) || GOAL_ACHIEVED.test(t)))) {
    const cols = compact.map((t, i) =>
      i === goalHead ? null : GOAL_EXPECTED.test(t) ? ('expected' as const) : GOAL_ACHIEVED.test(t) ? ('achieved' as const) : null,
    );
    return { kind: 'goal', cols, title: compact[goalHead]! };
  }
  const funds = mapHeader(texts, FUNDS_COLUMNS);
  const fk = distinct(funds);
  const amountCols = ['initial', 'adjusted', 'executed', 'rate'].filter((k) => fk.has(k as FundsColumn)).length;
  if (amountCols >= 2 && !compact.some((t) => /^\d{4}年/.test(t))) {
    return { kind: 'funds', cols: funds, yuan: compact.some((t) => YUAN_HEAD.test(t)) };
  }
  if (compact.filter((t) => t !== '').length <= 7) {
    const cols = compact.map((t) =>
      SCORE_TABLE_HEAD.rate.test(t)
        ? ('rate' as const)
        : SCORE_TABLE_HEAD.label.test(t)
          ? ('label' as const)
          : SCORE_TABLE_HEAD.weight.test(t)
            ? ('weight' as const)
            : SCORE_TABLE_HEAD.score.test(t)
              ? ('score' as const)
              : null,
    );
    const sk = distinct(cols);
    if (sk.has('label') && sk.has('weight') && sk.has('score')) return { kind: 'score', cols };
  }
  const staff = mapHeader(texts, STAFFING_COLUMNS);
  if (distinct(staff).size >= 2) return { kind: 'staffing', cols: staff };
  const years = compact.map((t) => /^(\d{4})年度?(决算|预算|实际|执行)/.exec(t));
  if (years.filter(Boolean).length >= 2) {
    const ys = years.filter(Boolean).map((m) => Number(m![1]));
    const maxYear = Math.max(...ys);
    const cols = years.map((m) => {
      if (!m) return null;
      const y = Number(m[1]);
      if (m[2] === '预算') return 'budget' as const;
      return y < maxYear ? ('priorActual' as const) : ('actual' as const);
    });
    return { kind: 'base', cols, yuan: compact.some((t) => YUAN_HEAD.test(t)), lastTop: null };
  }
  if (compact.some((t) => /批复规模|投资概算/.test(t))) {
    return {
      kind: 'buildings',
      cols: compact.map((t) => {
        for (const b of BUILDING_COLUMNS) if (b.re.test(t)) return b.key;
        return null;
      }),
    };
  }
  return null;
}

function readIndicatorRow(
  ctx: Ctx,
  mode: Extract<Mode, { kind: 'indicators' }>,
  cells: Cell[],
  texts: string[],
  num: (c: Cell | undefined) => PrintedNumber | null,
): void {
  const ev = ctx.ev;
  const H = mode.cols.length;
  // a wrapped name in PDF text: the second line of a cell arrives as a row of its own
  const filled = texts.filter((t) => !isBlankCell(t));
  if (
    mode.lastLeaf &&
    filled.length === 1 &&
    cells.length < H &&
    filled[0]!.length <= 12 &&
    !/指标$|[（(]\d+分[）)]/.test(filled[0]!) &&
    !cells.some((c) => num(c))
  ) {
    mode.lastLeaf.name += filled[0]!.replace(/\s+/g, '');
    return;
  }
  mode.lastLeaf = null;
  const semantic = cells.length < H ? semanticColumns(cells, texts, num) : null;
  const at = (k: IndicatorColumn): Cell | undefined => {
    if (semantic) {
      const i = semantic[k];
      return i === undefined ? undefined : cells[i];
    }
    const j = mode.cols.indexOf(k);
    if (j < 0) return undefined;
    return cells[aligned(H, cells.length, j)];
  };
  const txt = (k: IndicatorColumn): string => {
    const c = at(k);
    return c ? cellText(c).replace(/\u3000/g, ' ').trim() : '';
  };
  const prov = (path: string, c: Cell | undefined) => {
    if (c) setProv(ctx, path, c.line, c.start, c.end);
  };
  const l1Text = txt('level1');
  const l2Text = txt('level2');
  const l3Text = txt('level3');
  if (!isBlankCell(l1Text)) {
    const { name, weight } = headedWeight(l1Text);
    if (BUDGET_EXECUTION_ROW.test(name) && !/指标$/.test(name.replace(BUDGET_EXECUTION_ROW, ''))) {
      const w = num(at('weight'));
      const s = num(at('score'));
      if (okWeight(w)) {
        ev.budgetExecution.weight = w.value;
        prov('budgetExecution.weight', at('weight'));
      } else if (weight) ev.budgetExecution.weight = weight;
      if (s && !s.percent) {
        ev.budgetExecution.selfScore = s.value;
        prov('budgetExecution.selfScore', at('score'));
      }
      const a = num(at('actual'));
      if (a?.percent) {
        ev.budgetExecution.statedRate = a.value;
        prov('budgetExecution.statedRate', at('actual'));
      }
      mode.l1 = -1;
      return;
    }
    const cur = mode.l1 >= 0 ? ev.indicators[mode.l1] : undefined;
    if (!cur || cur.name !== name) {
      mode.l1 = findOrAddLevel1(ev.indicators, name);
      mode.l2 = -1;
      const l1 = ev.indicators[mode.l1]!;
      if (weight) {
        l1.weight = weight;
        prov(`indicators.${mode.l1}.weight`, at('level1'));
      }
      prov(`indicators.${mode.l1}`, at('level1'));
    }
  }
  if (mode.l1 < 0) {
    if (isBlankCell(l2Text) && isBlankCell(l3Text)) return;
    mode.l1 = findOrAddLevel1(ev.indicators, '未标明一级指标');
  }
  const l1 = ev.indicators[mode.l1]!;
  if (!isBlankCell(l2Text)) {
    const { name, weight } = headedWeight(l2Text);
    const l2: Level2 = { name, weight, selfScore: null, children: [] };
    l1.children.push(l2);
    mode.l2 = l1.children.length - 1;
    prov(`indicators.${mode.l1}.children.${mode.l2}`, at('level2'));
    if (weight) prov(`indicators.${mode.l1}.children.${mode.l2}.weight`, at('level2'));
  }
  const targetText = txt('target');
  const actualText = txt('actual');
  const wCell = at('weight');
  const sCell = at('score');
  // a level-1 row with its own weight and score and nothing below it: the level-1 score
  if (!isBlankCell(l1Text) && isBlankCell(l2Text) && isBlankCell(l3Text) && isBlankCell(targetText) && isBlankCell(actualText)) {
    const w = num(wCell);
    const sc = num(sCell);
    if (okWeight(w)) {
      l1.weight ??= w.value;
      prov(`indicators.${mode.l1}.weight`, wCell);
    }
    if (sc && !sc.percent) {
      l1.selfScore = sc.value;
      prov(`indicators.${mode.l1}.selfScore`, sCell);
    }
    if (okWeight(w) || sc) return;
  }
  const hasLeaf = !isBlankCell(l3Text) || !isBlankCell(targetText) || !isBlankCell(actualText) || num(wCell) || num(sCell);
  if (!hasLeaf) return;
  if (mode.l2 < 0) {
    l1.children.push({ name: l1.name, weight: null, selfScore: null, children: [] });
    mode.l2 = l1.children.length - 1;
  }
  const l2 = l1.children[mode.l2]!;
  const w = num(wCell);
  const s = num(sCell);
  const reasonText = txt('reason');
  const signText = txt('sign');
  const ind: Indicator = {
    id: null,
    name: isBlankCell(l3Text) ? l2.name : l3Text.replace(/\s+/g, ''),
    target: isBlankCell(targetText) ? null : targetText,
    initialTarget: isBlankCell(txt('initialTarget')) ? null : txt('initialTarget'),
    sign: parseSign(signText),
    unitOfMeasure: isBlankCell(txt('unit')) ? null : txt('unit'),
    actual: isBlankCell(actualText) ? null : actualText,
    qualitativeLevel: null,
    weight: okWeight(w) ? w.value : null,
    selfScore: s && !s.percent ? s.value : null,
    reviewerScore: null,
    deviationReason: isBlankCell(reasonText) ? null : reasonText,
    core: /是|√|✓/.test(txt('core')),
    notApplicable: /^(?:——|—|\/|不适用)$/.test(targetText.replace(/\s/g, '')) && !okWeight(w),
  };
  const rv = num(at('reviewerScore'));
  if (rv && !rv.percent) ind.reviewerScore = rv.value;
  const k = l2.children.length;
  l2.children.push(ind);
  mode.lastLeaf = ind;
  const p = `indicators.${mode.l1}.children.${mode.l2}.children.${k}`;
  prov(p, at('level3') ?? wCell);
  if (ind.target) prov(`${p}.target`, at('target'));
  if (ind.actual) prov(`${p}.actual`, at('actual'));
  if (ind.weight) prov(`${p}.weight`, wCell);
  if (ind.selfScore) prov(`${p}.selfScore`, sCell);
  if (ind.deviationReason) prov(`${p}.deviationReason`, at('reason'));
  void texts;
}

function parseSign(s: string): Indicator['sign'] {
  const t = s.replace(/\s+/g, '');
  if (t === '') return null;
  if (/^(?:≥|>=|不低于|大于等于|正向)$/.test(t)) return '>=';
  if (/^(?:≤|<=|不高于|小于等于|反向)$/.test(t)) return '<=';
  if (/^(?:>|大于)$/.test(t)) return '>';
  if (/^(?:<|小于)$/.test(t)) return '<';
  if (/^(?:=|等于)$/.test(t)) return '=';
  if (/定性/.test(t)) return 'qualitative';
  return null;
}

/**
 * A row with fewer cells than its header (PDF text and OCR drop empty cells; merged cells
 * vanish): read it from the right, where the numbers are — score, weight, actual, target,
 * then the names, the deepest level nearest the numbers.
 */
function semanticColumns(
  cells: Cell[],
  texts: string[],
  num: (c: Cell | undefined) => PrintedNumber | null,
): Partial<Record<IndicatorColumn, number>> {
  const idx = texts.map((_, i) => i).filter((i) => !isBlankCell(texts[i]!));
  const out: Partial<Record<IndicatorColumn, number>> = {};
  let last = -1;
  for (let k = idx.length - 1; k >= 0; k--) {
    const n = num(cells[idx[k]!]);
    if (n && !n.percent) {
      last = k;
      break;
    }
  }
  let names: number[];
  if (last >= 1 && num(cells[idx[last - 1]!]) && !num(cells[idx[last - 1]!])!.percent) {
    out.score = idx[last]!;
    out.weight = idx[last - 1]!;
    if (last + 1 < idx.length) out.reason = idx[last + 1]!;
    let k = last - 2;
    if (k >= 0) out.actual = idx[k--]!;
    if (k >= 0) out.target = idx[k--]!;
    names = idx.slice(0, Math.max(0, k + 1));
  } else {
    names = idx;
  }
  const order: IndicatorColumn[] = ['level3', 'level2', 'level1'];
  const hasLeaf = out.weight !== undefined;
  const pool = [...names];
  if (!hasLeaf) order.shift();
  for (const key of order) {
    const i = pool.pop();
    if (i === undefined) break;
    out[key] = i;
  }
  // a lone level name: a level-1 name only if it reads like one
  if (!hasLeaf && out.level1 === undefined && out.level2 !== undefined && LEVEL1_NAME.test(texts[out.level2]!.replace(/\s+/g, '')) && !/效益指标$|^(?:数量|质量|时效|成本)指标$/.test(texts[out.level2]!.replace(/\s+/g, ''))) {
    out.level1 = out.level2;
    delete out.level2;
  }
  return out;
}

const SUB_HEADER_WORD = /^(?:年初|调整后?|全年|年度|初始|预期|指标值|目标值|实际|完成值|分值|得分|值|计量单位|指标性质)/;

function isSubHeader(texts: string[]): boolean {
  const filled = texts.map((t) => t.replace(/[\s\u3000]+/g, '')).filter((t) => t !== '');
  if (filled.length === 0 || filled.some((t) => t.length > 10 || parseCellNumber(t) !== null)) return false;
  if (filled.every((t) => SUB_HEADER_WORD.test(t))) return true;
  // the wrapped second line of header cells ("偏差原因分析" / "及改进措施")
  return filled.every((t) => /^(?:及|和|与|或|（|\()|措施$|原因$|说明$|分析$|\)$|）$/.test(t) && !LEVEL1_NAME.test(t) && !/指标$/.test(t));
}

function refineIndicatorHeader(mode: Extract<Mode, { kind: 'indicators' }>, texts: string[]): void {
  const H = mode.cols.length;
  texts.forEach((raw, i) => {
    const t = raw.replace(/[\s\u3000]+/g, '');
    if (t === '') return;
    const j = aligned(texts.length, H, i);
    if (j < 0 || j >= H) return;
    if (/^(?:年初|初始)/.test(t)) mode.cols[j] = 'initialTarget';
    else if (/^(?:调整|全年|年度)/.test(t)) mode.cols[j] = 'target';
    else if (/实际|完成/.test(t)) mode.cols[j] = 'actual';
    else {
      for (const v of INDICATOR_COLUMNS) if (v.re.test(t)) {
        mode.cols[j] = v.key;
        break;
      }
    }
  });
  // the column right of a split "年度指标值" that the upper row left empty
  for (let j = 1; j < H; j++) if (mode.cols[j] === null && mode.cols[j - 1] === 'initialTarget') mode.cols[j] = 'target';
}
