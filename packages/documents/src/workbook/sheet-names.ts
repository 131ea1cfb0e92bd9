/**
 * Excel sheet names for a unit workbook: at most 31 characters, none of : \ / ? * [ ],
 * not starting or ending with an apostrophe, not the reserved "History", and unique
 * ignoring case (a repeat gets "(2)", "(3)" … within the 31 characters).
 */
const ILLEGAL = /[:\\/?*[\]\u0000-\u001f]/g;
const MAX = 31;

export function legalSheetName(raw: string, fallback: string): string {
  const cleaned = raw.replace(ILLEGAL, '_').replace(/\s+/g, ' ').trim().replace(/^'+|'+$/g, '');
  const name = clip(cleaned, MAX).trim();
  return name === '' || name.toLowerCase() === 'history' ? fallback : name;
}

/** The longest prefix of whole characters within `max` UTF-16 units (Excel's count). */
function clip(s: string, max: number): string {
  let out = '';
  for (const ch of s) {
    if (out.length + ch.length > max) break;
    out += ch;
  }
  return out;
}

/** A legal name not in `used` (lower-cased names); adds it to `used`. */
export function uniqueSheetName(raw: string, fallback: string, used: Set<string>): string {
  const base = legalSheetName(raw, fallback);
  let name = base;
  for (let i = 2; used.has(name.toLowerCase()); i++) {
    const suffix = `(${i})`;
    name = `${clip(base, MAX - suffix.length)}${suffix}`;
  }
  used.add(name.toLowerCase());
  return name;
}

/** A sheet name quoted for a formula reference: 'name'!A1 (an apostrophe doubled). */
export function sheetRef(name: string, cell: string): string {
  return `'${name.replace(/'/g, "''")}'!${cell}`;
}
