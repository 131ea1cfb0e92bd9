/**
 * The 自评表 as Word tables: the indicator block is a table of its own whose header row
 * (一级指标 | 二级指标 | …) is marked w:tblHeader, so Word and LibreOffice repeat it on every page
 * the block runs over (Word repeats only rows at the top of a table). The rows above it
 * (header, funds, goals) have no header row. The PDF side: test/form-pdf.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { renderFormDocx } from './render-form.js';
import { buildFormGrid } from './build-form-grid.js';
import { BUILT } from '../../test/project-fixtures.js';

const texts = (xml: string) => [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]!);

describe.each(Object.keys(BUILT))('the 自评表 %s in Word', (name) => {
  it('two tables: the indicator block’s first row is its only header row and holds the column labels', async () => {
    const ev = BUILT[name]!;
    const doc = strFromU8(unzipSync(await renderFormDocx(ev))['word/document.xml']!);
    const tables = doc.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? [];
    expect(tables.length).toBe(2);
    const [above, block] = tables as [string, string];
    expect(above).not.toContain('<w:tblHeader/>');
    expect(block.match(/<w:tblHeader\/>/g)?.length).toBe(1);
    const first = /<w:tr>[\s\S]*?<\/w:tr>/.exec(block)![0];
    expect(first).toContain('<w:tblHeader/>');
    const { grid } = buildFormGrid(ev);
    const headerTexts = grid.cells.filter((c) => c.row === grid.repeatRow && c.text !== '').map((c) => c.text.replace(/\n/g, ''));
    expect(headerTexts).toContain('一级指标');
    expect(texts(first).join('')).toBe(headerTexts.join(''));
    // Nothing lost in the split: every printed cell's text is in one of the two tables.
    const all = texts(doc).join('');
    for (const c of grid.cells) for (const line of c.text.split('\n')) expect(all).toContain(line);
  });
});

describe('a 自评表 whose total cannot be graded', () => {
  it('keeps the unit’s grade cell and says 无法定级 with the reason under the table, before the signatures', async () => {
    const ev = BUILT['project-library-level2']!; // level-1 weights add to 50, three leaves unscored
    const { grid } = buildFormGrid(ev);
    expect(grid.footer[0]).toMatch(/^注：按评分规则“.+”（national@[\d.]+）核对，评分表无法定级：各项分值合计 50 分，不等于规则总分 100 分；/);
    const doc = strFromU8(unzipSync(await renderFormDocx(ev))['word/document.xml']!);
    expect(texts(doc)).toContain(grid.footer[0]);
    const graded = buildFormGrid({ ...BUILT['project-drugs']! }).grid;
    expect(graded.footer.some((l) => l.includes('无法定级'))).toBe(false);
  });
});
