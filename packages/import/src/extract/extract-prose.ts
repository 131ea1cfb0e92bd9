/**
 * Running text → checkable claims (shares, sums, figures, year comparisons, grade bands),
 * and the figures a report without tables states only in prose (funds, score, grade,
 * staffing, project count, evaluation period).
 */
import type { Claim, GradeBand } from '@jixiao/core';
import { emptyBaseData } from '@jixiao/core';
import { scanNumbers, yuanToWan, type PrintedNumber } from '../parse-number.js';
import {
  COUNT_UNITS,
  DELTA_WORDS,
  EXECUTION_RATE,
  GRADE_PHRASE,
  GRADE_WORDS,
  MODE_EXECUTED,
  MODE_INITIAL,
  NATURE_LABELS,
  NOT_SPENDING,
  RATE_WORD,
  SCOPE_BASIC,
  SCOPE_PROJECT,
  SCOPE_SKIP,
  SCORE_PHRASE,
  SHARE_OF,
  SHARE_RATIO,
  TOTAL_AMOUNT_LABELS,
  TOTAL_COUNT,
  type FundsField,
  type NatureField,
} from '../vocab/prose-vocab.js';
import { setProv, type Ctx } from './draft.js';
import { colAt, lineAt, type Para } from './prose-paragraphs.js';

interface Tok extends PrintedNumber {
  label: string;
  /** Text from the start of the current "；" group (or sentence) to the number. */
  group: string;
  sentence: number;
  inParen: boolean;
  amount: string | null; // in 万元 when the token is money
  delta: boolean;
}

const OPEN = 1;
const CLOSE = 2;
const STOP = 3;
const SEMI = 4;
const CUT = 5;
/** Characters that end a label: brackets, sentence stops, clause marks. */
const CHAR_KIND = new Uint8Array(65536);
for (const [chars, kind] of [['（(', OPEN], ['）)', CLOSE], ['。！？!?', STOP], ['；;', SEMI], ['，,：:、', CUT]] as const) {
  for (const c of chars) CHAR_KIND[c.charCodeAt(0)] = kind;
}
const SENTENCE_BREAK = /[。！？!?]/;
/** Names of the unit's total spending ("占总支出的"). */
const TOTALISH = /总支出|支出总额|支出合计|整体支出|全部支出|总额|合计|总计/;
/** Words that may stand before a total's label without making it an item's ("本年", "我单位", "财政拨款" …). */
const GENERIC_PREFIX =
  /本年度?|全年|年度|当年|截至\d+月底|\d{4}年度?|本?(?:部门|单位)|我(?:单位|部门|局|办|委|中心)|整体|财政拨款|财政|一般公共预算|预算|决算|资金|经费|合计|累计|总|共|人员(?:及|和)公用经费|基本(?:支出|经费)|专项(?:预算)?(?:项目)?|项目|[，,、\s]/g;
/** A sentence that explains a budget adjustment ("预算调整的主要原因是…", "因…追加预算…"). */
const ADJUSTMENT_REASON =
  /(?:预算|资金)?(?:调整|调增|调减|追加|追减|变动)(?:的)?(?:主要)?(?:原因|理由|说明)(?:是|为|：|:|系)|(?:由于|因|系)[^。；]{2,40}(?:追加|追减|调增|调减|调整)(?:了)?(?:预算|资金|经费)/;
/** Grade bands are written "…分为优", "得分≥85", "75≤得分", "[90,100]". */
const BAND_HINT = /分(?:（含）|\(含\))?(?:以[上下])?(?:的)?为|得分[≥>≤<]|[≤<]得分|[\[［]\d+[,，]\d+[\]］]/;

export interface ProseOptions {
  /** Prose fills only the funds slots the tables left empty; this says whether there were funds tables at all. */
  fundsFromTables: boolean;
}

function cleanLabel(s: string): string {
  return s
    .replace(/^(?:其中|另外|此外|同时|截至\d+月底|截至年底)[，,]?/, '')
    .replace(/^(?:\d{4}年(?:度)?|本年度?|全年|当年)+[，,]?/, '')
    .replace(/^(?:我(?:单位|部门|办|局|委)|本(?:单位|部门))/, '')
    .replace(/(?:总计|合计|共计)?(?:为|是|达|共)?$/, '')
    .trim();
}

function labelKey(s: string): string {
  return cleanLabel(s)
    .replace(/^(?:本年|全年|本年度|年度|决算|预算|财政拨款|部门)+/, '')
    .replace(/(?:总计|合计|的)$/, '');
}

function sameLabel(a: string, b: string): boolean {
  const x = labelKey(a);
  const y = labelKey(b);
  if (!x || !y) return false;
  if (x === y) return true;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  return short.length >= 3 && long.endsWith(short);
}

export function tokenise(text: string): Tok[] {
  const nums = scanNumbers(text);
  const toks: Tok[] = [];
  let sentence = 0;
  let lastCut = 0; // after the previous boundary or number
  let lastBoundary = 0; // after the previous boundary
  let groupStart = 0;
  let depth = 0;
  let pos = 0;
  for (const n of nums) {
    for (; pos < n.index; pos++) {
      const kind = CHAR_KIND[text.charCodeAt(pos)]!;
      if (kind === 0) continue;
      if (kind === OPEN) depth++;
      else if (kind === CLOSE) {
        if (depth > 0) depth--;
      } else if (kind === STOP) {
        sentence++;
        groupStart = pos + 1;
      } else if (kind === SEMI) groupStart = pos + 1;
      lastCut = pos + 1;
      lastBoundary = pos + 1;
    }
    let label = text.slice(lastCut, n.index);
    // "预算执行率=执行数÷预算数×100%=98.5%": the label is what stands before the first "="
    if (n.percent && text[n.index - 1] === '=') {
      const clause = text.slice(lastBoundary, n.index);
      label = clause.slice(0, clause.indexOf('='));
    }
    const money = n.unit === '万元' || n.unit === '元' || n.unit === '亿元' || n.unit === '万';
    let amount: string | null = null;
    if (money) {
      if (n.unit === '元') amount = yuanToWan(n.value);
      else if (n.unit === '亿元') amount = shift(n.value, 4);
      else amount = n.value;
    }
    // explicit properties: an object spread here costs more than the rest of the scan
    toks.push({
      value: n.value,
      percent: n.percent,
      unit: n.unit,
      index: n.index,
      length: n.length,
      label,
      group: money || n.percent ? text.slice(groupStart, n.index) : '',
      sentence,
      inParen: depth > 0,
      amount,
      delta: DELTA_WORDS.test(label),
    });
    lastCut = n.index + n.length;
    pos = Math.max(pos, n.index + n.length);
  }
  return toks;
}

function shift(value: string, places: number): string {
  const [i = '0', f = ''] = value.split('.');
  const frac = f.padEnd(places, '0');
  const s = (i + frac.slice(0, places)).replace(/^0+(?=\d)/, '');
  const rest = frac.slice(places).replace(/0+$/, '');
  return rest ? `${s}.${rest}` : s;
}

export function extractProse(ctx: Ctx, paras: Para[], opts: ProseOptions): void {
  const ev = ctx.ev;
  const claimKeys = new Set<string>();
  const addClaim = (claim: Claim, key: string, para: Para, start: number, end: number) => {
    if (claimKeys.has(key)) return;
    claimKeys.add(key);
    const idx = ev.claims.length;
    ev.claims.push(claim);
    provAt(`claims.${idx}`, para, start, end);
  };
  const provAt = (path: string, para: Para, start: number, end: number) => {
    const s = Math.max(0, Math.min(start, para.text.length - 1));
    const e = Math.max(s, Math.min(end, para.text.length) - 1);
    const line = lineAt(para, s);
    const startCol = colAt(para, s);
    const endCol = lineAt(para, e) === line ? colAt(para, e) + 1 : (ctx.lines[line]?.length ?? startCol);
    setProv(ctx, path, line, startCol, endCol);
  };
  const sentenceSpan = (text: string, at: number): [number, number] => {
    let a = at;
    while (a > 0 && !SENTENCE_BREAK.test(text[a - 1]!)) a--;
    let b = at;
    while (b < text.length && !SENTENCE_BREAK.test(text[b]!)) b++;
    return [a, b];
  };
  const excerpt = (text: string, a: number, b: number) => text.slice(Math.max(0, a), Math.min(text.length, b)).replace(/^[，,；;。\s]+/, '');

  for (const para of paras) {
    const text = para.text;
    const toks = tokenise(text);
    if (toks.length === 0 && !/等级|评价|评定|评级|结论|调整|追加/.test(text)) continue;

    // ---- amounts: funds figures in prose
    for (let k = 0; k < toks.length; k++) {
      const t = toks[k]!;
      if (t.amount === null || t.delta || t.inParen) continue;
      const label = cleanLabel(t.label);
      if (NOT_SPENDING.test(label)) continue;
      const [sa, sb] = sentenceSpan(text, t.index);
      const sentence = text.slice(sa, sb);
      if (SCOPE_SKIP.test(t.group) || SCOPE_SKIP.test(label)) continue;
      const scope = SCOPE_BASIC.test(t.group) ? 'basic' : SCOPE_PROJECT.test(t.group.replace(/项目支出/g, '')) ? 'project' : 'total';
      let nature: NatureField | null = null;
      for (const n of NATURE_LABELS) {
        const nm = n.re.exec(label);
        if (!nm) continue;
        if (!/[\u4e00-\u9fa5]{2,}/.test(label.slice(0, nm.index).replace(GENERIC_PREFIX, '').replace(/^(?:其中|日常)/, ''))) nature = n.field;
        break;
      }
      let field: FundsField | null = null;
      const rawLabel = t.label.replace(/^[，,；;：:\s]+/, '').replace(/^其中/, '');
      for (const f of TOTAL_AMOUNT_LABELS) {
        const fm = f.re.exec(rawLabel);
        if (!fm) continue;
        // "培训费实际支出2万元" is one item's spending, not the unit's: only generic words may precede
        const prefix = rawLabel.slice(0, fm.index).replace(GENERIC_PREFIX, '');
        if (/[\u4e00-\u9fa5]{2,}/.test(prefix)) break;
        field = f.field;
        break;
      }
      const start = t.index;
      const end = t.index + t.length;
      if (nature && !field) {
        const mode: FundsField = /预算/.test(label) ? 'initial' : MODE_EXECUTED.test(label) ? 'executed' : MODE_INITIAL.test(sentence) && !MODE_EXECUTED.test(sentence) ? 'initial' : 'executed';
        const triple = ev.funds[nature];
        if (triple[mode] === null) {
          triple[mode] = t.amount;
          provAt(`funds.${nature}.${mode}`, para, start, end);
        }
        if (mode === 'executed') {
          const claimField = nature === 'basic' ? 'basicExpenditure' : nature === 'project' ? 'projectExpenditure' : nature;
          addClaim({ type: 'figure', field: claimField, value: t.amount, text: excerpt(text, start - t.label.length, end) }, `figure:${claimField}:${t.amount}`, para, start, end);
        }
        continue;
      }
      if (!field) continue;
      if (scope === 'total') {
        if (ev.funds.total[field] === null) {
          ev.funds.total[field] = t.amount;
          provAt(`funds.total.${field}`, para, start, end);
        }
        const claimField = field === 'initial' ? 'initialBudget' : field === 'adjusted' ? 'adjustedBudget' : 'executed';
        addClaim({ type: 'figure', field: claimField, value: t.amount, text: excerpt(text, start - t.label.length, end) }, `figure:${claimField}:${t.amount}`, para, start, end);
      } else {
        const triple = ev.funds[scope];
        if (triple[field] === null) {
          triple[field] = t.amount;
          provAt(`funds.${scope}.${field}`, para, start, end);
        }
      }
    }

    // ---- project count in a funds sentence
    for (const t of toks) {
      if (t.unit !== '个' && t.unit !== '项') continue;
      if (ev.funds.projectCount !== null) break;
      if (!/项目$/.test(t.label) && !/^项目/.test(text.slice(t.index + t.length, t.index + t.length + 2))) continue;
      const [sa, sb] = sentenceSpan(text, t.index);
      if (!toks.some((x) => x.amount !== null && x.index >= sa && x.index < sb)) continue;
      if (!/^\d+$/.test(t.value)) continue;
      ev.funds.projectCount = Number(t.value);
      provAt('funds.projectCount', para, t.index, t.index + t.length);
    }

    // ---- percentages: execution rate, shares of a whole, count rates
    for (let k = 0; k < toks.length; k++) {
      const t = toks[k]!;
      if (!t.percent || t.delta) continue;
      if (/[×*]$/.test(text.slice(0, t.index)) || text.slice(t.index + t.length, t.index + t.length + 1) === '=') continue; // "×100%" in a formula
      const label = t.label;
      const [sa] = sentenceSpan(text, t.index);
      const prevSame = (pred: (x: Tok) => boolean): Tok | null => {
        for (let j = k - 1; j >= 0; j--) {
          const x = toks[j]!;
          if (x.index < sa) return null;
          if (x.percent) return null;
          if (pred(x)) return x;
        }
        return null;
      };
      const start = t.index;
      const end = t.index + t.length;
      const ratio = SHARE_RATIO.test(label);
      const shareOf = ratio ? null : SHARE_OF.exec(label);
      if (shareOf || ratio) {
        const part = prevSame((x) => x.amount !== null && !x.delta);
        if (!part) continue;
        let whole: { label: string; value: string } | null = null;
        const target = shareOf ? shareOf[1]! : '';
        if (target) {
          for (let j = toks.indexOf(part) - 1; j >= 0; j--) {
            const x = toks[j]!;
            if (x.amount === null || x.delta || x.percent) continue;
            if (sameLabel(x.label, target)) {
              whole = { label: cleanLabel(target) || cleanLabel(x.label), value: x.amount };
              break;
            }
          }
        }
        if (!whole) {
          // "占比" or "占总支出的": the total a "其中" list hangs from, unless that total is itself one
          // kind of spending (基本支出 …), or else the unit's total spending
          const anchor = anchorBefore(text, toks, part);
          const totalish = target === '' || TOTALISH.test(target);
          const anchorIsPart = anchor !== null && target !== '' && NATURE_LABELS.some((n) => n.re.test(cleanLabel(anchor.label)));
          if (anchor && totalish && !anchorIsPart) whole = { label: target ? cleanLabel(target) : cleanLabel(anchor.label), value: anchor.amount! };
          else if (target !== '' && TOTALISH.test(target) && ev.funds.total.executed !== null && !SCOPE_BASIC.test(t.group) && !SCOPE_PROJECT.test(t.group.replace(/项目支出/g, ''))) {
            whole = { label: cleanLabel(target), value: ev.funds.total.executed };
          }
        }
        if (!whole) continue;
        const partLabel = cleanLabel(part.label);
        addClaim(
          { type: 'share', part: { label: partLabel, value: part.amount! }, whole, percent: t.value, text: excerpt(text, part.index - part.label.length, end) },
          `share:${part.amount}:${whole.value}:${t.value}`,
          para,
          part.index - part.label.length,
          end,
        );
        continue;
      }
      if (EXECUTION_RATE.test(label)) {
        const scope = SCOPE_BASIC.test(t.group) ? 'basic' : SCOPE_PROJECT.test(t.group) ? 'project' : 'total';
        if (scope === 'total' && !SCOPE_SKIP.test(t.group)) {
          if (ev.budgetExecution.statedRate === null) {
            ev.budgetExecution.statedRate = t.value;
            provAt('budgetExecution.statedRate', para, start, end);
          }
          addClaim({ type: 'figure', field: 'executionRate', value: t.value, text: excerpt(text, sa, end) }, `figure:executionRate:${t.value}`, para, start, end);
        } else {
          const groupStart = t.index - t.group.length;
          let part: Tok | null = null;
          let whole: Tok | null = null;
          for (let j = k - 1; j >= 0; j--) {
            const x = toks[j]!;
            if (x.index < groupStart) break;
            if (x.amount === null || x.delta) continue;
            const l = cleanLabel(x.label);
            if (!part && TOTAL_AMOUNT_LABELS.some((f) => f.field === 'executed' && f.re.test(l))) part = x;
            else if (!whole && TOTAL_AMOUNT_LABELS.some((f) => f.field === 'adjusted' && f.re.test(l))) whole = x;
          }
          if (part && whole) {
            addClaim(
              {
                type: 'share',
                part: { label: cleanLabel(part.label), value: part.amount! },
                whole: { label: cleanLabel(whole.label), value: whole.amount! },
                percent: t.value,
                text: excerpt(text, groupStart, end),
              },
              `share:${part.amount}:${whole.amount}:${t.value}`,
              para,
              groupStart,
              end,
            );
          }
        }
        continue;
      }
      if (RATE_WORD.test(label)) {
        const part = prevSame((x) => x.unit !== null && COUNT_UNITS.has(x.unit));
        if (!part) continue;
        let whole: Tok | null = null;
        for (let j = toks.indexOf(part) - 1; j >= 0; j--) {
          const x = toks[j]!;
          if (x.index < sa) break;
          if (x.unit === part.unit && TOTAL_COUNT.test(x.label)) {
            whole = x;
            break;
          }
        }
        if (!whole) continue;
        const wl = cleanLabel(whole.label);
        const noun = wl.slice(-2);
        const pl = cleanLabel(part.label);
        if (!(pl.includes(noun) || /^(?:已|其中|均已|共已)/.test(pl))) continue;
        const wholeLabel = wl.replace(/^.*?(?:共有|共计|合计|总计|累计|共)/, '').replace(/^向.*?(?:移交|报送|提交)/, (m) => m.replace(/^向.*?(?=移交|报送|提交)/, ''));
        addClaim(
          {
            type: 'share',
            part: { label: pl, value: part.value },
            whole: { label: wholeLabel || wl, value: whole.value },
            percent: t.value,
            text: excerpt(text, whole.index - whole.label.length, end),
          },
          `share:${part.value}:${whole.value}:${t.value}`,
          para,
          whole.index - whole.label.length,
          end,
        );
      }
    }

    // ---- sums: "其中…"
    readSums(text, toks, (claim, key, a, b) => addClaim(claim, key, para, a, b));

    // ---- scores and grades
    if (text.includes('分')) for (const m of text.matchAll(SCORE_PHRASE)) {
      const before = text.slice(Math.max(0, m.index - 1), m.index);
      if (/[≥≤<>]/.test(before)) continue;
      // "产出指标自评得分40分" is an indicator's score, not the total
      const clause = text.slice(Math.max(0, lastIndexOfAny(text, '，,；;。：:', m.index) + 1), m.index);
      if (/指标|执行率/.test(clause)) continue;
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 2);
      if (new RegExp(`^(?:为|以[上下])`).test(after)) continue;
      const value = m[1]!;
      if (Number(value) > 100) continue;
      const start = m.index;
      const end = m.index + m[0].length;
      if (ev.totals.statedScore === null) {
        ev.totals.statedScore = value;
        provAt('totals.statedScore', para, start, end);
      }
      const [sa] = sentenceSpan(text, start);
      const clauseStart = Math.max(sa, lastIndexOfAny(text, '，,；;', start) + 1);
      addClaim({ type: 'figure', field: 'selfScore', value, text: excerpt(text, clauseStart, end) }, `figure:selfScore:${value}`, para, start, end);
    }
    if (/等级|评价|评定|评级|结论/.test(text)) for (const m of text.matchAll(GRADE_PHRASE)) {
      const value = m[1]!;
      const start = m.index;
      const end = m.index + m[0].length;
      const after = text.slice(end, end + 3);
      if (/^[、，,]?(?:[良中差]|良好|一般|较差)/.test(after)) continue; // a list of grades, not a statement
      if (ev.totals.statedGrade === null) {
        ev.totals.statedGrade = value;
        provAt('totals.statedGrade', para, start, end);
      }
      const clauseStart = Math.max(0, lastIndexOfAny(text, '，,；;。', start) + 1);
      addClaim({ type: 'figure', field: 'grade', value, text: excerpt(text, clauseStart, end + (/^[”"」’']/.test(after) ? 1 : 0)) }, `figure:grade:${value}`, para, start, end);
    }
    const bands = BAND_HINT.test(text) ? readGradeBands(text) : null;
    if (bands) addClaim({ type: 'gradeBands', bands: bands.bands, text: excerpt(text, bands.start, bands.end) }, `bands:${JSON.stringify(bands.bands)}`, para, bands.start, bands.end);

    // ---- year comparisons
    if (/较|比|与/.test(text)) for (const m of text.matchAll(/(?:较|比|与)(\d{4})年(?:度)?(?:同期)?(?:相比)?[，,]?(?:减少|增加|增长|下降|上升|持平|节约|降低|提高|多|少)/g)) {
      const year = Number(m[1]);
      const [sa, sb] = sentenceSpan(text, m.index);
      const cs = Math.max(sa, lastIndexOfAny(text, '；;', m.index) + 1);
      addClaim({ type: 'yearComparison', year, statedAs: 'year', text: excerpt(text, cs, clauseEnd(text, m.index + m[0].length, sb)) }, `year:${year}:year:${lineAt(para, m.index)}`, para, m.index, m.index + m[0].length);
    }
    if (/上(?:一)?年|同比/.test(text)) for (const m of text.matchAll(/(?:较|比)上(?:一)?年(?:度)?(?:同期)?[，,]?(?:减少|增加|增长|下降|上升|持平|节约|降低|提高|多|少)|同比(?:减少|增加|增长|下降|上升|降低|提高)/g)) {
      if (ev.fiscalYear < 1991) continue;
      const year = ev.fiscalYear - 1;
      const [sa, sb] = sentenceSpan(text, m.index);
      const cs = Math.max(sa, lastIndexOfAny(text, '；;', m.index) + 1);
      addClaim({ type: 'yearComparison', year, statedAs: 'previous_year', text: excerpt(text, cs, sb) }, `year:${year}:prev:${lineAt(para, m.index)}`, para, m.index, m.index + m[0].length);
    }

    // ---- why the budget was adjusted
    if (ev.funds.adjustmentReason === null && /调|追加|追减/.test(text)) {
      const m = ADJUSTMENT_REASON.exec(text);
      if (m) {
        const [sa, sb] = sentenceSpan(text, m.index);
        ev.funds.adjustmentReason = text.slice(sa, sb).trim();
        provAt('funds.adjustmentReason', para, sa, sb);
      }
    }

    // ---- staffing in prose
    const hasStaff = /编制|在职|实有|在编/.test(text);
    const staffA = !hasStaff ? null : /(?:人员)?编制(?:数|人数)?(?:为|共|核定)?(\d+)(?:个|人|名)/.exec(text);
    const staffB = !hasStaff ? null : /(?:实有人数|在职人数|实际在职(?:人数)?|在编人数|实有人员|在职人员)(?:为|共)?(\d+)(?:人|名)/.exec(text);
    const staffRate = hasStaff ? /(?:在职)?(?:人员)?控制率(?:为|是)?(\d+(?:\.\d+)?)%/.exec(text) : null;
    if (staffA || staffB || staffRate) {
      const bd = ensureBaseData(ctx);
      if (staffRate && bd.staffing.statedControlRate === null) {
        bd.staffing.statedControlRate = staffRate[1]!;
        provAt('baseData.staffing.statedControlRate', para, staffRate.index, staffRate.index + staffRate[0].length);
      }
      if (staffA && bd.staffing.authorized === null) {
        bd.staffing.authorized = Number(staffA[1]);
        provAt('baseData.staffing.authorized', para, staffA.index, staffA.index + staffA[0].length);
      }
      if (staffB && bd.staffing.actual === null) {
        bd.staffing.actual = Number(staffB[1]);
        provAt('baseData.staffing.actual', para, staffB.index, staffB.index + staffB[0].length);
      }
    }

    // ---- evaluation period
    if (ev.dates.evaluationStart === null && text.includes('月') && /评价|自评|梳理|核对|核查|评估/.test(text)) {
      for (const m of text.matchAll(/(\d{4})年(\d{1,2})月(?:(\d{1,2})日)?(?:至|到|—|-|~|－)(?:(\d{4})年)?(\d{1,2})月(?:(\d{1,2})日)?/g)) {
        const [ss, se] = sentenceSpan(text, m.index);
        if (Number(m[2]) > 12 || Number(m[5]) > 12 || !/评价|自评|梳理|核对|核查|评估/.test(text.slice(ss, se))) continue;
        // a period given in months only ("2024年1月至2月") runs from the first to the last day
        const y2 = m[4] ?? m[1]!;
        ev.dates.evaluationStart = iso(m[1]!, m[2]!, m[3] ?? '1');
        ev.dates.evaluationEnd = iso(y2, m[5]!, m[6] ?? String(new Date(Date.UTC(Number(y2), Number(m[5]), 0)).getUTCDate()));
        provAt('dates.evaluationStart', para, m.index, m.index + m[0].length);
        provAt('dates.evaluationEnd', para, m.index, m.index + m[0].length);
        break;
      }
    }
  }
}

function clauseEnd(text: string, from: number, limit: number): number {
  let i = from;
  while (i < limit && !/[，,；;]/.test(text[i]!)) i++;
  return i;
}

function lastIndexOfAny(text: string, chars: string, before: number): number {
  for (let i = before - 1; i >= 0; i--) if (chars.includes(text[i]!)) return i;
  return -1;
}

export function iso(y: string, m: string, d: string): string {
  return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
}

function ensureBaseData(ctx: Ctx) {
  if (!ctx.ev.baseData) {
    ctx.ev.baseData = emptyBaseData();
  }
  return ctx.ev.baseData;
}

/** The amount a "其中" list or an "占比" refers to: the last level amount before the nearest preceding "其中". */
function anchorBefore(text: string, toks: Tok[], part: Tok): Tok | null {
  const q = text.lastIndexOf('其中', part.index);
  if (q < 0 || q < sentenceStart(text, part.index)) return null;
  const from = anchorWindow(text, q);
  for (let j = toks.indexOf(part) - 1; j >= 0; j--) {
    const x = toks[j]!;
    if (x.index >= q) continue;
    if (x.index < from) return null;
    if (x.amount !== null && !x.delta && !x.inParen && !x.percent) return x;
  }
  return null;
}

function sentenceStart(text: string, at: number): number {
  let a = at;
  while (a > 0 && !SENTENCE_BREAK.test(text[a - 1]!)) a--;
  return a;
}

/** Where the total of a "其中" list may stand: its own sentence, or the one before when 其中 opens the sentence. */
function anchorWindow(text: string, q: number): number {
  const own = sentenceStart(text, q);
  if (text.slice(own, q).replace(/[\s，,：:]/g, '') !== '') return own;
  return own > 0 ? sentenceStart(text, own - 1) : own;
}

function readSums(text: string, toks: Tok[], add: (c: Claim, key: string, a: number, b: number) => void): void {
  let from = 0;
  for (;;) {
    const q = text.indexOf('其中', from);
    if (q < 0) break;
    from = q + 2;
    // the total: the last level amount before 其中, in its sentence (or the one before)
    const from0 = anchorWindow(text, q);
    let anchor: Tok | null = null;
    for (const t of toks) {
      if (t.index >= q) break;
      if (t.index >= from0 && t.amount !== null && !t.delta && !t.inParen) anchor = t;
    }
    if (!anchor) continue;
    // the list runs to the end of the sentence
    let end = q;
    while (end < text.length && !/[。！？!?]/.test(text[end]!)) end++;
    const next = text.indexOf('其中', q + 2);
    if (next >= 0 && next < end) end = next;
    const inList = toks.filter((t) => t.index > q && t.index < end && t.amount !== null && !t.delta);
    if (inList.length === 0) continue;
    // mixed budget/execution amounts side by side: a columnar statement, not a sum
    const budgetish = inList.some((t) => /预算|调整|安排/.test(t.label));
    const execish = inList.some((t) => /完成|执行|支付/.test(t.label));
    if (budgetish && execish) continue;
    const direct: Array<{ t: Tok; subs: Tok[] }> = [];
    for (const t of inList) {
      if (t.inParen) {
        direct[direct.length - 1]?.subs.push(t);
        continue;
      }
      // "…，占基本支出的74.28%" after it makes it a part of another part; a share of something
      // else entirely ("项目支出…，占总支出的22.01%" after "基本支出…，其中…") ends the list
      const after = toks[toks.indexOf(t) + 1];
      const share = after && after.percent && !SHARE_RATIO.test(after.label) ? SHARE_OF.exec(after.label) : null;
      if (share && share[1]) {
        const owner = direct.find((d) => sameLabel(d.t.label, share[1]!));
        if (owner && !sameLabel(anchor.label, share[1]!)) {
          owner.subs.push(t);
          continue;
        }
        const anchorIsTotal = TOTALISH.test(share[1]!) && !NATURE_LABELS.some((n) => n.re.test(cleanLabel(anchor.label)));
        if (!owner && !sameLabel(anchor.label, share[1]!) && !anchorIsTotal) break;
      }
      direct.push({ t, subs: [] });
    }
    const start = anchor.index - cleanLabelLen(anchor.label);
    if (direct.length >= 2) {
      add(
        {
          type: 'sum',
          total: { label: cleanLabel(anchor.label), value: anchor.amount! },
          parts: direct.map((d) => ({ label: cleanLabel(d.t.label), value: d.t.amount! })),
          text: text.slice(start, end),
        },
        `sum:${anchor.amount}:${direct.map((d) => d.t.amount).sort().join('+')}`,
        start,
        end,
      );
    }
    for (const d of direct) {
      if (d.subs.length < 2) continue;
      const s = d.t.index - cleanLabelLen(d.t.label);
      add(
        {
          type: 'sum',
          total: { label: cleanLabel(d.t.label), value: d.t.amount! },
          parts: d.subs.map((x) => ({ label: cleanLabel(x.label), value: x.amount! })),
          text: text.slice(s, d.subs[d.subs.length - 1]!.index + d.subs[d.subs.length - 1]!.length),
        },
        `sum:${d.t.amount}:${d.subs.map((x) => x.amount).sort().join('+')}`,
        s,
        end,
      );
    }
  }
}

function cleanLabelLen(label: string): number {
  return label.replace(/^[，,；;：:\s]+/, '').length;
}

const GRADE_ALT = GRADE_WORDS;

/** "90（含）-100分为优、80（含）-90分为良…", "得分≥85分为优秀；75≤得分<85分为良好…". */
export function readGradeBands(text: string): { bands: GradeBand[]; start: number; end: number } | null {
  const g = `(${GRADE_ALT})`;
  const num = '(\\d+(?:\\.\\d+)?)';
  const inc = '(（含）|\\(含\\))?';
  const patterns: Array<{ re: RegExp; make: (m: RegExpExecArray) => GradeBand }> = [
    {
      re: new RegExp(`${num}分?${inc}(?:-|—|–|~|～|至|到)${num}分?${inc}(?:以下|之间)?(?:的)?(?:为|属于|评为)?["“]?${g}`, 'g'),
      make: (m) => ({ grade: m[5]!, min: m[1]!, max: m[3]!, minInclusive: true, maxInclusive: Number(m[3]) >= 100 || !!m[4] }),
    },
    {
      re: new RegExp(`${num}(≤|<|<=)(?:得分|分数|总分|评分)(≤|<|<=)${num}分?(?:的)?(?:为|属于|评为)?["“]?${g}`, 'g'),
      make: (m) => ({ grade: m[5]!, min: m[1]!, max: m[4]!, minInclusive: m[2] !== '<', maxInclusive: m[3] !== '<' }),
    },
    {
      re: new RegExp(`(?:得分|分数|总分|评分)(≥|>|>=)${num}分?(?:的)?(?:为|属于|评为)?["“]?${g}`, 'g'),
      make: (m) => ({ grade: m[3]!, min: m[2]!, max: null, minInclusive: m[1] !== '>', maxInclusive: false }),
    },
    {
      re: new RegExp(`(?:得分|分数|总分|评分)(<|≤|<=)${num}分?(?:的)?(?:为|属于|评为)?["“]?${g}`, 'g'),
      make: (m) => ({ grade: m[3]!, min: '0', max: m[2]!, minInclusive: true, maxInclusive: m[1] !== '<' }),
    },
    {
      re: new RegExp(`${num}分${inc}(以上|及以上)(?:的)?(?:为|属于|评为)?["“]?${g}`, 'g'),
      make: (m) => ({ grade: m[4]!, min: m[1]!, max: null, minInclusive: true, maxInclusive: false }),
    },
    {
      re: new RegExp(`${num}分${inc}以下(?:的)?(?:为|属于|评为)?["“]?${g}`, 'g'),
      make: (m) => ({ grade: m[3]!, min: '0', max: m[1]!, minInclusive: true, maxInclusive: !!m[2] }),
    },
  ];
  const found: Array<{ band: GradeBand; start: number; end: number }> = [];
  for (const p of patterns) {
    for (const m of text.matchAll(p.re)) {
      const start = m.index;
      const end = m.index + m[0].length;
      if (found.some((f) => start < f.end && end > f.start)) continue;
      found.push({ band: p.make(m as unknown as RegExpExecArray), start, end });
    }
  }
  if (found.length < 2) return null;
  found.sort((a, b) => a.start - b.start);
  // keep one run of bands that sit close together
  const run = [found[0]!];
  for (const f of found.slice(1)) {
    if (f.start - run[run.length - 1]!.end <= 12) run.push(f);
    else if (run.length < 2) {
      run.length = 0;
      run.push(f);
    } else break;
  }
  if (run.length < 2) return null;
  let start = run[0]!.start;
  while (start > 0 && /[得分数总评≥>]/.test(text[start - 1]!)) start--;
  return { bands: run.map((r) => r.band), start, end: run[run.length - 1]!.end };
}
