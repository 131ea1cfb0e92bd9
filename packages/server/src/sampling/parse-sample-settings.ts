/**
 * Pure: reads and checks the settings of a draw as sent by a client. Every problem is one issue
 * naming its field in Chinese; nothing is clamped (a count of −3 or 9999 is refused, not turned
 * into 1 or the population size).
 */
import { JxError, dec, type JxIssue } from '@jixiao/core';
import { STRATA, type SampleSettings, type Stratum } from './plan-sample.js';

const DEC = /^\d+(\.\d+)?$/;

export interface SampleInput {
  fiscalYear: number;
  settings: SampleSettings;
  assessorId: number | null;
  reason: string | null;
}

/** "20%" or "0.2" or 0.2 → "0.2"; null when it is not a number. */
function ratioText(v: unknown): string | null {
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v !== 'string') return null;
  const t = v.trim();
  const pct = /^(\d+(\.\d+)?)\s*%$/.exec(t);
  if (pct) return dec(pct[1]!).div(100).toString();
  return DEC.test(t) ? t : null;
}

function readCount(v: unknown, populationSize: number, issues: JxIssue[]): number | null {
  if (!Number.isInteger(v) || (v as number) < 1) {
    issues.push({ field: 'count', label: '抽取份数', message: `抽取份数应为 1 至 ${populationSize} 之间的整数，收到 ${JSON.stringify(v)}` });
    return null;
  }
  if ((v as number) > populationSize) {
    issues.push({ field: 'count', label: '抽取份数', message: `抽取份数 ${v} 超过本年度可抽取的 ${populationSize} 份` });
    return null;
  }
  return v as number;
}

function readRatio(v: unknown, issues: JxIssue[]): string | null {
  const r = ratioText(v);
  const n = r === null ? NaN : Number(r);
  if (r === null || !(n > 0) || n > 1) {
    issues.push({ field: 'ratio', label: '抽取比例', message: `抽取比例应大于 0、不超过 100%（如 0.2 或 "20%"），收到 ${JSON.stringify(v)}` });
    return null;
  }
  return r;
}

function readStrata(v: unknown, issues: JxIssue[]): Stratum[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v) || v.some((x) => !(STRATA as readonly unknown[]).includes(x)) || new Set(v).size !== v.length) {
    issues.push({ field: 'strata', label: '分层', message: `分层应为 ${STRATA.join('、')} 中不重复的若干项` });
    return [];
  }
  return v as Stratum[];
}

function readBands(v: unknown, needed: boolean, issues: JxIssue[]): string[] {
  const list = v === undefined || v === null ? [] : v;
  const ok = Array.isArray(list) && list.every((x) => (typeof x === 'string' || typeof x === 'number') && DEC.test(String(x)) && Number(x) > 0);
  const bands = ok ? (list as unknown[]).map(String) : [];
  if (!ok || bands.some((b, i) => i > 0 && Number(b) <= Number(bands[i - 1]))) {
    issues.push({ field: 'amountBands', label: '金额分档', message: '金额分档应为由小到大的正数（万元），如 ["100", "500"]' });
    return [];
  }
  if (needed && bands.length === 0) issues.push({ field: 'amountBands', label: '金额分档', message: '按金额分层时请填写分档金额（万元），如 ["100", "500"]' });
  return bands;
}

function readMandatory(v: unknown, issues: JxIssue[]): SampleSettings['mandatory'] {
  const m = (v ?? {}) as { amountAtLeast?: unknown; lastYearPoor?: unknown };
  if (typeof m !== 'object' || Array.isArray(m)) {
    issues.push({ field: 'mandatory', label: '必抽条件', message: '必抽条件应为对象 { amountAtLeast, lastYearPoor }' });
    return { amountAtLeast: null, lastYearPoor: false };
  }
  let amountAtLeast: string | null = null;
  if (m.amountAtLeast !== undefined && m.amountAtLeast !== null && m.amountAtLeast !== '') {
    const t = String(m.amountAtLeast).trim();
    if (!DEC.test(t)) issues.push({ field: 'mandatory.amountAtLeast', label: '必抽金额线', message: `必抽金额线应为非负数（万元），收到 ${JSON.stringify(m.amountAtLeast)}` });
    else amountAtLeast = t;
  }
  if (m.lastYearPoor !== undefined && typeof m.lastYearPoor !== 'boolean') {
    issues.push({ field: 'mandatory.lastYearPoor', label: '上年最低等级必抽', message: '应为 true 或 false' });
  }
  return { amountAtLeast, lastYearPoor: m.lastYearPoor === true };
}

/** Checks the body of POST /api/samples against the population size; throws SAMPLE_INVALID listing every problem. */
export function parseSampleSettings(body: Record<string, unknown>, populationSize: number, generatedSeed: string): SampleInput {
  const issues: JxIssue[] = [];
  if (!Number.isInteger(body.fiscalYear)) issues.push({ field: 'fiscalYear', label: '年度', message: '年度应为整数，如 2024' });
  // `size` is the older name of `count`.
  const rawCount = body.count !== undefined ? body.count : body.size;
  const hasCount = rawCount !== undefined && rawCount !== null && rawCount !== '';
  const hasRatio = body.ratio !== undefined && body.ratio !== null && body.ratio !== '';
  if (hasCount && hasRatio) issues.push({ field: 'ratio', label: '抽取比例', message: '抽取比例和抽取份数只能填写一项' });
  if (!hasCount && !hasRatio) issues.push({ field: 'count', label: '抽取份数', message: '请填写抽取比例（ratio）或抽取份数（count）' });
  if (populationSize === 0 && Number.isInteger(body.fiscalYear)) issues.push({ field: 'fiscalYear', label: '年度', message: `${body.fiscalYear} 年度没有已提交的自评，无可抽取` });
  const count = hasCount && !hasRatio && populationSize > 0 ? readCount(rawCount, populationSize, issues) : null;
  const ratio = hasRatio && !hasCount ? readRatio(body.ratio, issues) : null;
  const strata = readStrata(body.strata, issues);
  const amountBands = readBands(body.amountBands, strata.includes('amountBand'), issues);
  const mandatory = readMandatory(body.mandatory, issues);
  const seedRaw = body.seed === undefined || body.seed === null || body.seed === '' ? generatedSeed : String(body.seed);
  if (seedRaw.length > 64) issues.push({ field: 'seed', label: '随机种子', message: '随机种子最多 64 个字符' });
  let assessorId: number | null = null;
  if (body.assessorId !== undefined && body.assessorId !== null) {
    if (!Number.isInteger(body.assessorId)) issues.push({ field: 'assessorId', label: '评价机构', message: '评价机构应为账号编号（整数）' });
    else assessorId = body.assessorId as number;
  }
  const reason = typeof body.reason === 'string' && body.reason.trim() ? body.reason.trim() : null;
  if (reason !== null && reason.length > 500) issues.push({ field: 'reason', label: '重新抽取理由', message: '理由最多 500 字' });
  if (issues.length) throw new JxError('SAMPLE_INVALID', issues.map((i) => `${i.label}（${i.field}）：${i.message}`).join('；'), issues);
  return { fiscalYear: body.fiscalYear as number, settings: { ratio, count, strata, amountBands, mandatory, seed: seedRaw }, assessorId, reason };
}
