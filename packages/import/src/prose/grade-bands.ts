/** Grade bands written in prose: "90（含）-100分为优、80（含）-90分为良…", "得分≥85分为优秀；75≤得分<85分为良好…". */
import type { GradeBand } from '@jixiao/core';
import { GRADE_WORDS } from '../vocab/prose-vocab.js';

const G = `(${GRADE_WORDS})`;
const NUM = '(\\d+(?:\\.\\d+)?)';
const INC = '(（含）|\\(含\\))?';
const IS = '(?:的)?(?:为|属于|评为)?["“]?';

const PATTERNS: Array<{ re: RegExp; make: (m: RegExpMatchArray) => GradeBand }> = [
  {
    re: new RegExp(`${NUM}分?${INC}(?:-|—|–|~|～|至|到)${NUM}分?${INC}(?:以下|之间)?${IS}${G}`, 'g'),
    make: (m) => ({ grade: m[5]!, min: m[1]!, max: m[3]!, minInclusive: true, maxInclusive: Number(m[3]) >= 100 || !!m[4] }),
  },
  {
    re: new RegExp(`${NUM}(≤|<|<=)(?:得分|分数|总分|评分)(≤|<|<=)${NUM}分?${IS}${G}`, 'g'),
    make: (m) => ({ grade: m[5]!, min: m[1]!, max: m[4]!, minInclusive: m[2] !== '<', maxInclusive: m[3] !== '<' }),
  },
  {
    re: new RegExp(`(?:得分|分数|总分|评分)(≥|>|>=)${NUM}分?${IS}${G}`, 'g'),
    make: (m) => ({ grade: m[3]!, min: m[2]!, max: null, minInclusive: m[1] !== '>', maxInclusive: false }),
  },
  {
    re: new RegExp(`(?:得分|分数|总分|评分)(<|≤|<=)${NUM}分?${IS}${G}`, 'g'),
    make: (m) => ({ grade: m[3]!, min: '0', max: m[2]!, minInclusive: true, maxInclusive: m[1] !== '<' }),
  },
  {
    re: new RegExp(`${NUM}分${INC}(以上|及以上)${IS}${G}`, 'g'),
    make: (m) => ({ grade: m[4]!, min: m[1]!, max: null, minInclusive: true, maxInclusive: false }),
  },
  {
    re: new RegExp(`${NUM}分${INC}以下${IS}${G}`, 'g'),
    make: (m) => ({ grade: m[3]!, min: '0', max: m[1]!, minInclusive: true, maxInclusive: !!m[2] }),
  },
];

type Found = { band: GradeBand; start: number; end: number };

/** One run of bands that sit close together (at least two). */
function closeRun(found: Found[]): Found[] {
  found.sort((a, b) => a.start - b.start);
  const run = [found[0]!];
  for (const f of found.slice(1)) {
    if (f.start - run[run.length - 1]!.end <= 12) run.push(f);
    else if (run.length < 2) {
      run.length = 0;
      run.push(f);
    } else break;
  }
  return run;
}

export function readGradeBands(text: string): { bands: GradeBand[]; start: number; end: number } | null {
  const found: Found[] = [];
  for (const p of PATTERNS) {
    for (const m of text.matchAll(p.re)) {
      const start = m.index;
      const end = m.index + m[0].length;
      if (found.some((f) => start < f.end && end > f.start)) continue;
      found.push({ band: p.make(m), start, end });
    }
  }
  if (found.length < 2) return null;
  const run = closeRun(found);
  if (run.length < 2) return null;
  let start = run[0]!.start;
  while (start > 0 && /[得分数总评≥>]/.test(text[start - 1]!)) start--;
  return { bands: run.map((r) => r.band), start, end: run[run.length - 1]!.end };
}
