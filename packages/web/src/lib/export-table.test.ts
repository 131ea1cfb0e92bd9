import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildXlsx, toCsv } from './export-table.js';

describe('toCsv', () => {
  it('quotes commas, quotes and newlines', () => {
    expect(toCsv({ name: 's', header: ['单位', '得分'], rows: [['甲,乙', '9.5'], ['说"明"', null]] })).toBe('单位,得分\r\n"甲,乙",9.5\r\n"说""明""",');
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
      ['[Content_Types].xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml'].sort(),
    );
    const s1 = strFromU8(files['xl/worksheets/sheet1.xml']!);
    expect(s1).toContain('<c r="B2"><v>98.125</v></c>');
    expect(s1).toContain('&lt;党政办公室&gt;');
    expect(strFromU8(files['xl/workbook.xml']!)).toContain('name="等级分布"');
  });
});
