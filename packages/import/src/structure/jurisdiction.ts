/** The jurisdiction (province, city, county) and its rule profile, from place words in the text (data: `JURISDICTIONS`). */
import { JURISDICTIONS } from '../vocab/prose-vocab.js';
import { sectionLines, type Ctx } from '../assemble/draft.js';

const JURISDICTION_RE = new RegExp(
  [...new Set(JURISDICTIONS.flatMap((j) => [...j.words, ...j.cities]))].sort((a, b) => b.length - a.length).join('|'),
  'g',
);

function countWords(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of text.matchAll(JURISDICTION_RE)) counts.set(m[0], (counts.get(m[0]) ?? 0) + 1);
  return counts;
}

function bestProvince(counts: Map<string, number>): number {
  let bestIdx = -1;
  let bestCount = 0;
  JURISDICTIONS.forEach((j, idx) => {
    let count = 0;
    for (const w of j.words) count += counts.get(w) ?? 0;
    for (const c of j.cities) count += counts.get(c) ?? 0;
    if (count > bestCount) {
      bestCount = count;
      bestIdx = idx;
    }
  });
  return bestIdx;
}

export function readJurisdiction(ctx: Ctx): void {
  const text = sectionLines(ctx).map((l) => l.text).join('\n');
  const ev = ctx.ev;
  const counts = countWords(text);
  const idx = bestProvince(counts);
  if (idx < 0) {
    ev.profile = 'national';
    return;
  }
  const j = JURISDICTIONS[idx]!;
  ev.profile = j.profile;
  ev.jurisdiction.province = j.province;
  let city: string | null = null;
  let cityCount = 0;
  for (const c of j.cities) {
    const n = counts.get(c) ?? 0;
    if (n > cityCount) {
      cityCount = n;
      city = c;
    }
  }
  if (!city) return;
  const m = new RegExp(`${city}(市|州|地区|县|区)?([\\u4e00-\\u9fa5]{1,3}?(?:县|区))?`).exec(text);
  const suffix = m?.[1] ?? '';
  ev.jurisdiction.name = m ? m[0] : city;
  if (suffix === '县' || suffix === '区') ev.jurisdiction.county = city + suffix;
  else {
    if (suffix) ev.jurisdiction.city = city + suffix;
    if (m?.[2]) ev.jurisdiction.county = m[2];
  }
}
