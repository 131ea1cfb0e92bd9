/** Shared helpers for the documents tests: seeds, external tools, PNG pixels. */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { inflateSync } from 'node:zlib';
import { Evaluation, auditEvaluation, dec, getProfile } from '@jixiao/core';

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
/** Rule ids found in `after` that `before` did not have (audited with the original's profile: a report does not name its rule profile). */
export function newFindingRules(before: Evaluation, after: Evaluation): string[] {
  const profile = getProfile(before.profile);
  const had = new Set(auditEvaluation(before, { profile }).findings.map((f) => f.rule));
  return [...new Set(auditEvaluation(after, { profile }).findings.map((f) => f.rule))].filter((r) => !had.has(r));
}

