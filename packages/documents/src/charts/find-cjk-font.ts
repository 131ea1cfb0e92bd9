/**
 * A CJK font file for chart rendering (resvg draws text with the fonts it is given, and parses
 * the file again for every chart, so its size is the chart's cost). First choice: the bundled
 * single face `fonts/NotoSansSC-Regular-charts.otf` (Noto Sans CJK SC cut to GB 2312's symbols
 * and 3,755 level-1 hanzi, 1.6 MB, SIL OFL 1.1: fonts/OFL.txt; scripts/make-chart-font.py makes
 * it) whenever it has every character of the chart; otherwise JIXIAO_CJK_FONT or a well-known
 * file under /usr/share/fonts; null when there is none — charts are then rendered anyway and
 * Chinese labels may show as boxes, which the caller reports as a note.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Single-face files first, then the smallest collections. Never the Noto CJK .ttc
 * collections: resvg parsing a whole ~20 MB multi-face .ttc made a render hang for minutes.
 */
const PREFERRED = [
  /NotoSansCJKsc-Regular\.otf$/,
  /NotoSansSC-Regular\.(otf|ttf)$/,
  /SourceHanSansSC-Regular\.otf$/,
  /wqy-zenhei\.ttc$/,
  /wqy-microhei\.ttc$/,
  /uming\.ttc$/,
  /ukai\.ttc$/,
];

export interface CjkFont {
  file: string;
  family: string;
}

const FAMILY: [RegExp, string][] = [
  [/NotoSansCJK/, 'Noto Sans CJK SC'],
  [/NotoSerifCJK/, 'Noto Serif CJK SC'],
  [/wqy-zenhei/, 'WenQuanYi Zen Hei'],
  [/wqy-microhei/, 'WenQuanYi Micro Hei'],
  [/uming/, 'AR PL UMing CN'],
  [/ukai/, 'AR PL UKai CN'],
  [/SourceHanSans/, 'Source Han Sans SC'],
];

function walk(dir: string, out: string[], depth = 0): void {
  if (depth > 5) return;
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return;
  }
  for (const e of entries) {
    const p = join(dir, e);
    try {
      if (statSync(p).isDirectory()) walk(p, out, depth + 1);
      else if (/\.(ttc|otf|ttf)$/i.test(e)) out.push(p);
    } catch {
      /* unreadable entry: skip */
    }
  }
}

let cached: CjkFont | null | undefined;

export function findCjkFont(roots = ['/usr/share/fonts', '/usr/local/share/fonts']): CjkFont | null {
  if (cached !== undefined) return cached;
  const env = process.env.JIXIAO_CJK_FONT;
  if (env && existsSync(env)) {
    cached = { file: env, family: FAMILY.find(([re]) => re.test(env))?.[1] ?? 'sans-serif' };
    return cached;
  }
  const files: string[] = [];
  for (const r of roots) walk(r, files);
  for (const re of PREFERRED) {
    const f = files.find((x) => re.test(x));
    if (f) {
      cached = { file: f, family: FAMILY.find(([fre]) => fre.test(f))?.[1] ?? 'sans-serif' };
      return cached;
    }
  }
  cached = null;
  return null;
}

const BUNDLED = fileURLToPath(new URL('../../fonts/NotoSansSC-Regular-charts.otf', import.meta.url));
const BUNDLED_CHARS = fileURLToPath(new URL('../../fonts/NotoSansSC-Regular-charts.txt', import.meta.url));
let bundled: { font: CjkFont; covers: Set<string> } | null | undefined;

/** The bundled chart face and the characters it has (read once per process), or null when it is not there. */
function bundledFont(): { font: CjkFont; covers: Set<string> } | null {
  if (bundled !== undefined) return bundled;
  try {
    const covers = new Set(readFileSync(BUNDLED_CHARS, 'utf8').replace(/\n$/, ''));
    bundled = existsSync(BUNDLED) ? { font: { file: BUNDLED, family: 'Noto Sans CJK SC' }, covers } : null;
  } catch {
    bundled = null;
  }
  return bundled;
}

/**
 * The font for a chart whose labels are `text`: JIXIAO_CJK_FONT when set, else the bundled face
 * when it has every character (whitespace aside), else the system's CJK font (findCjkFont).
 */
export function chartFontFor(text: string): CjkFont | null {
  const env = process.env.JIXIAO_CJK_FONT;
  if (env && existsSync(env)) return findCjkFont();
  const b = bundledFont();
  if (b) {
    let all = true;
    for (const ch of text) {
      if (ch > ' ' && !b.covers.has(ch)) {
        all = false;
        break;
      }
    }
    if (all) return b.font;
  }
  return findCjkFont();
}
