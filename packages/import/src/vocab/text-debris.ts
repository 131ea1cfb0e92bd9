/**
 * Data: text debris left by Word/PDF/OCR conversion. Patterns here are the genre's, not any
 * one report's.
 */

/** CJK Radicals Supplement (U+2E80–2EFF) → unified ideographs. NFKC maps the Kangxi radicals
 * (U+2F00–2FDF) itself, but only two of these. PDF text layers use them for common characters. */
export const RADICAL_SUPPLEMENT: Record<string, string> = {
  '\u2e84': '乙', '\u2e86': '冂', '\u2e87': '几', '\u2e88': '刀', '\u2e89': '刂', '\u2e8a': '卜', '\u2e8b': '卩',
  '\u2e8c': '小', '\u2e8d': '小', '\u2e8e': '兀', '\u2e8f': '尢', '\u2e90': '尢', '\u2e92': '巳', '\u2e93': '幺',
  '\u2e94': '彐', '\u2e95': '彐', '\u2e96': '忄', '\u2e97': '心', '\u2e98': '扌', '\u2e99': '攵', '\u2e9b': '旡',
  '\u2e9c': '日', '\u2e9d': '月', '\u2e9e': '歹', '\u2e9f': '母', '\u2ea0': '民', '\u2ea1': '氵', '\u2ea2': '氵',
  '\u2ea3': '灬', '\u2ea4': '爫', '\u2ea5': '爫', '\u2ea6': '丬', '\u2ea7': '牛', '\u2ea8': '犭', '\u2ea9': '王',
  '\u2eaa': '疋', '\u2eab': '罒', '\u2eac': '示', '\u2ead': '礻', '\u2eae': '竹', '\u2eaf': '糹', '\u2eb0': '纟',
  '\u2eb1': '罒', '\u2eb2': '罒', '\u2eb3': '罒', '\u2eb4': '罒', '\u2eb5': '罒', '\u2eb6': '羊', '\u2eb7': '羊',
  '\u2eb8': '羊', '\u2eb9': '老', '\u2eba': '聿', '\u2ebb': '聿', '\u2ebc': '月', '\u2ebd': '臼', '\u2ebe': '艹',
  '\u2ebf': '艹', '\u2ec0': '艹', '\u2ec1': '虎', '\u2ec2': '衤', '\u2ec3': '西', '\u2ec4': '西', '\u2ec5': '见',
  '\u2ec6': '角', '\u2ec7': '角', '\u2ec8': '讠', '\u2ec9': '贝', '\u2eca': '足', '\u2ecb': '车', '\u2ecc': '辶',
  '\u2ecd': '辶', '\u2ece': '辶', '\u2ecf': '阝', '\u2ed0': '钅', '\u2ed1': '长', '\u2ed2': '长', '\u2ed3': '长',
  '\u2ed4': '门', '\u2ed5': '阝', '\u2ed6': '阝', '\u2ed7': '雨', '\u2ed8': '青', '\u2ed9': '韦', '\u2eda': '页',
  '\u2edb': '风', '\u2edc': '飞', '\u2edd': '食', '\u2ede': '食', '\u2edf': '食', '\u2ee0': '饣', '\u2ee1': '首',
  '\u2ee2': '马', '\u2ee3': '骨', '\u2ee4': '鬼', '\u2ee5': '鱼', '\u2ee6': '鸟', '\u2ee7': '卤', '\u2ee8': '麦',
  '\u2ee9': '黄', '\u2eea': '黾', '\u2eeb': '斉', '\u2eec': '齐', '\u2eed': '歯', '\u2eee': '齿', '\u2eef': '竜',
  '\u2ef0': '龙', '\u2ef1': '龜', '\u2ef2': '亀', '\u2ef3': '龟',
};

/** Whole lines that are conversion junk (dropped). */
export const JUNK_LINE_PATTERNS: RegExp[] = [
  /^\s*\[(?:bookmark|comment|footnote|endnote)[^\]]*\]\s*$/i,
  /^\s*Evaluation Warning:.*$/i,
  /^\s*Created with .*(?:Spire|Aspose).*$/i,
  /^\s*(?:PAGE|NUMPAGES|TOC|HYPERLINK)\b.*\\[*@#].*$/,
];

/** Junk inside a line (removed). */
export const JUNK_INLINE_PATTERNS: RegExp[] = [/\[(?:bookmark|comment)\s*:[^\]]*\]/gi, /\{\\rtf1[^}]*\}/g];

/** Page numbers, headers and footers that land in the middle of the text. */
export const PAGE_NUMBER_PATTERNS: RegExp[] = [
  /^\s*[—–\-－―]+\s*\d{1,4}\s*[—–\-－―]+\s*$/, // — 3 —, - 3 -
  /^\s*第\s*\d{1,4}\s*页(?:\s*[,，/、]?\s*共\s*\d{1,4}\s*页)?\s*$/, // 第 3 页, 第3页 共12页
  /^\s*共\s*\d{1,4}\s*页\s*第\s*\d{1,4}\s*页\s*$/,
  /^\s*\d{1,4}\s*\/\s*\d{1,4}\s*$/, // 3/12
  /^\s*(?:page|p\.)\s*\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?\s*$/i,
];

/** LaTeX commands seen in PDF→Markdown conversions, with their plain text. */
export const LATEX_COMMANDS: Record<string, string> = {
  geq: '≥', ge: '≥', geqslant: '≥', leq: '≤', le: '≤', leqslant: '≤', lt: '<', gt: '>', neq: '≠', ne: '≠',
  times: '×', div: '÷', pm: '±', cdot: '·', approx: '≈', sim: '~', le_: '≤', mathrm: '', text: '', textbf: '',
  mathbf: '', operatorname: '', left: '', right: '', quad: ' ', qquad: ' ', ',': '', ';': '', '!': '',
};

/**
 * Characters that exist only in traditional script and are common in this genre's
 * vocabulary; if none occurs, the (slow) traditional → simplified pass is skipped.
 */
export const TRADITIONAL_HINTS =
  '預績執報單財務經費項與為個們來時會對關發實進產這開總計劃標價評級優嚴確據規數點廣區縣濟應設體類營華辦黨內並從當過還運論轉變調資專達構節權條網';

/**
 * Pinyin glosses after characters, left by sites that print a reading aid (`項(xiàng)目`):
 * a bracketed lower-case syllable, tone marks or a tone digit allowed.
 */
export const PINYIN_GLOSS = /([\u3400-\u9fff])\s*[（(]\s*[bpmfdtnlgkhjqxzcsryw]?h?[aeiouüvāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]{1,3}(?:ng|n|r)?[1-5]?\s*[）)]/g;
/** OCR and encoding debris around numbers: "100%o" (a lost ‰ or a stray o after a percent sign). */
export const PERCENT_DEBRIS = /(\d)\s*[%％]\s*[oO](?![a-zA-Z])/g;
/** "35. 3万元", "5 .3%": a decimal point with a space beside it, the number followed by its unit. */
export const SPACED_DECIMAL_WITH_UNIT = /(\d)\s*\.\s+(\d+)(?=\s*(?:万元|万|元|%|％|亿元))|(\d)\s+\.(\d+)(?=\s*(?:万元|万|元|%|％|亿元))/g;
