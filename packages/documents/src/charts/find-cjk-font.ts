/**
 * A CJK font file for chart rendering (resvg draws text with the fonts it is given).
 * Looks for well-known files under /usr/share/fonts (or JIXIAO_CJK_FONT); returns null
 * when there is none — charts are then rendered anyway and Chinese labels may show as
 * boxes, which the caller reports as a note.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

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
