/** Shared helpers for the documents tests: seeds, external tools, PNG pixels. */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { inflateSync } from 'node:zlib';
import { Evaluation, auditEvaluation, dec, getProfile, roundHalfUp } from '@jixiao/core';
import { computeReportFigures } from '../src/compute/compute-report-figures.js';
import { formFor, loadTemplate } from '../src/templates/load-template.js';

export const repoRoot = resolve(import.meta.dirname, '../../..');
export const examplesDir = join(repoRoot, 'examples');
export const SEEDS = readdirSync(examplesDir).filter((f) => /^seed-\d+.*\.json$/.test(f)).sort();

export function loadSeed(file: string): Evaluation {
  return Evaluation.parse(JSON.parse(readFileSync(join(examplesDir, file), 'utf8')));
}

export const INSTALL_COMMAND =
  'apt-get install -y --no-install-recommends libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils fonts-noto-cjk fonts-arphic-ukai fonts-arphic-uming fonts-wqy-zenhei fonts-liberation2';

/** The path of a system tool, or a thrown error naming the install command (tests fail, never skip). */
export function requireTool(name: string): string {
  try {
    return execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error(`${name} 未安装，PDF 测试无法运行。请安装：${INSTALL_COMMAND}`);
  }
}

/** Share of pixels that are not (near) white in an 8-bit RGB/RGBA/grey PNG as pdftoppm writes it. */
export function nonWhiteShare(png: Uint8Array): number {
  const buf = Buffer.from(png);
  let pos = 8;
  let width = 0;
  let height = 0;
  let channels = 3;
  const idat: Buffer[] = [];
  while (pos < buf.length) {
    const len = buf.readUInt32BE(pos);
    const type = buf.toString('latin1', pos + 4, pos + 8);
    const data = buf.subarray(pos + 8, pos + 8 + len);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      if (data[8] !== 8 || data[12] !== 0) throw new Error('only 8-bit, non-interlaced PNG');
      channels = { 0: 1, 2: 3, 4: 2, 6: 4 }[data[9]!] ?? 3;
    } else if (type === 'IDAT') idat.push(data);
    pos += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const prev = Buffer.alloc(stride);
  const cur = Buffer.alloc(stride);
  let dark = 0;
  for (let y = 0; y < height; y++) {
    const off = y * (stride + 1);
    const filter = raw[off]!;
    for (let x = 0; x < stride; x++) {
      const v = raw[off + 1 + x]!;
      const a = x >= channels ? cur[x - channels]! : 0;
      const b = prev[x]!;
      const c = x >= channels ? prev[x - channels]! : 0;
      let p: number;
      if (filter === 0) p = 0;
      else if (filter === 1) p = a;
      else if (filter === 2) p = b;
      else if (filter === 3) p = (a + b) >> 1;
      else {
        const pa = Math.abs(b - c);
        const pb = Math.abs(a - c);
        const pc = Math.abs(a + b - 2 * c);
        p = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      cur[x] = (v + p) & 0xff;
    }
    for (let x = 0; x < width; x++) {
      const px = cur.subarray(x * channels, x * channels + Math.min(channels, 3));
      if (Math.min(...px) < 200) dark++;
    }
    cur.copy(prev);
  }
  return dark / (width * height);
}

/** A decimal string compared by value ("204.30" = "204.3"). */
const v = (s: string | null) => (s === null ? null : dec(s).toString());

/** The figures a round trip must keep. */
export function keptFigures(ev: Evaluation) {
  const f = ev.funds;
  return {
    funds: { total: [f.total.initial, f.total.adjusted, f.total.executed].map(v), basic: v(f.basic.executed), project: v(f.project.executed), personnel: v(f.personnel.executed), operating: v(f.operating.executed) },
    execution: { weight: v(ev.budgetExecution.weight), selfScore: v(ev.budgetExecution.selfScore) },
    total: { weight: v(ev.totals.statedWeight), score: v(ev.totals.statedScore), grade: ev.totals.statedGrade },
    indicators: ev.indicators.map((l1) => ({
      name: l1.name,
      weight: v(l1.weight),
      selfScore: v(l1.selfScore),
      children: l1.children.map((l2) => ({
        name: l2.name,
        leaves: l2.children.map((x) => ({ name: x.name, weight: v(x.weight), selfScore: v(x.selfScore) })),
      })),
    })),
  };
}
/**
 * The figures a report (.docx, PDF) keeps: `keptFigures` of the evaluation as its score table
 * prints it. A level-1 weight or score the unit left blank is printed as the sum of its
 * children's stated ones where they make it up (`computeReportFigures`), and a reader of the
 * report — the importer as much as a reviewer — takes a printed figure as stated; the audit
 * then checks those sums against the leaves (level1-score-sum).
 */
export function reportFigures(ev: Evaluation) {
  const rows = computeReportFigures(ev).scoreRows.slice(1);
  const str = (d: { toString(): string } | null) => (d === null ? null : d.toString());
  const indicators = ev.indicators.map((l1, i) => ({ ...l1, weight: str(rows[i]!.weight), selfScore: str(rows[i]!.score) }));
  return keptFigures({ ...ev, indicators });
}

/** Rule ids found in `after` that `before` did not have (audited with the original's profile: a report does not name its rule profile). */
export function newFindingRules(before: Evaluation, after: Evaluation): string[] {
  const profile = getProfile(before.profile);
  const had = new Set(auditEvaluation(before, { profile }).findings.map((f) => f.rule));
  return [...new Set(auditEvaluation(after, { profile }).findings.map((f) => f.rule))].filter((r) => !had.has(r));
}


const text = (s: string | null | undefined) => (s ? s.replace(/\s+/g, '') : null);

/** The 执行率 a form prints: the stated one, else executed ÷ 全年预算数 (in percent, half up to 2 places). */
function printedRate(ev: Evaluation): string | null {
  const stated = ev.funds.total.statedRate ?? ev.budgetExecution.statedRate;
  if (stated !== null) return v(stated);
  const { adjusted, executed } = ev.funds.total;
  if (adjusted === null || executed === null || dec(adjusted).isZero()) return null;
  return roundHalfUp(dec(executed).dividedBy(adjusted).times(100), 2).toString();
}

/**
 * What a project or transfer 自评表 prints, and so what its round trip must keep: header,
 * funds rows over the columns the form has (年初 | 全年 | 执行 for a project, 全年 | 到位 | 执行
 * for a transfer), stated rates, execution weight and score, goals, the indicator tree (level-1
 * weights, level-2 figures where its leaves have none, leaves with target, actual, weight,
 * score and deviation), total, grade, signatures.
 */
export function formFigures(ev: Evaluation, template = 'national') {
  const keys = ev.kind === 'transfer' ? (['adjusted', 'arrived', 'executed'] as const) : (['initial', 'adjusted', 'executed'] as const);
  const f = ev.funds;
  const amounts = (r: Record<(typeof keys)[number], string | null>) => keys.map((k) => v(r[k]));
  const hasFigures = (x: { weight: string | null; selfScore: string | null }) => x.weight !== null || x.selfScore !== null;
  const header: Record<string, string | null> = {
    name: text(ev.project?.name),
    code: text(ev.project?.code),
    supervisingDepartment: text(ev.supervisingDepartment),
    implementingUnit: text(ev.project?.implementingUnit ?? ev.unit.name),
    manager: text(ev.project?.manager),
    phone: text(ev.project?.phone),
    category: text(ev.project?.category),
    issuingDepartment: text(ev.project?.issuingDepartment),
    unit: text(ev.unit.name),
  };
  // The header fields the template's form prints.
  const form = formFor(loadTemplate(template), ev.kind === 'transfer' ? 'transfer' : 'project');
  const printed = new Set(form.header.flatMap((h) => h.cells.map((c) => c.field)));
  // The signature fields its footer lines print.
  const footer = form.footer.join('');
  const signatures = { filler: text(ev.signatures.filler), date: ev.signatures.date };
  return {
    kind: ev.kind,
    fiscalYear: ev.fiscalYear,
    header: Object.fromEntries(Object.entries(header).filter(([k]) => printed.has(k as never))),
    funds: {
      total: amounts(f.total),
      bySource: f.bySource.filter((r) => keys.some((k) => r[k] !== null)).map((r) => ({ source: r.source, amounts: amounts(r) })),
    },
    rate: printedRate(ev),
    execution: { weight: v(ev.budgetExecution.weight), selfScore: v(ev.budgetExecution.selfScore) },
    goals: ev.goals.map((g) => ({ expected: text(g.expected), achieved: text(g.achieved) })),
    indicators: ev.indicators.map((l1) => ({
      name: text(l1.name),
      weight: v(l1.weight),
      children: l1.children.map((l2) => ({
        name: text(l2.name),
        ...(l2.children.some(hasFigures) ? {} : { weight: v(l2.weight), selfScore: v(l2.selfScore) }),
        leaves: l2.children.map((x) => ({
          name: text(x.name),
          target: text(x.target),
          actual: text(x.actual),
          weight: v(x.weight),
          selfScore: x.notApplicable ? 'not applicable' : v(x.selfScore),
          deviation: text(x.deviationReason),
        })),
      })),
    })),
    total: { weight: v(ev.totals.statedWeight), score: v(ev.totals.statedScore), grade: ev.totals.statedGrade },
    signatures: Object.fromEntries(Object.entries(signatures).filter(([k]) => footer.includes(`{${k}}`))),
  };
}
