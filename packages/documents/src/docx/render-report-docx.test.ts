import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { Evaluation } from '@jixiao/core';
import { computeReportFigures } from '../compute/compute-report-figures.js';
import { buildReportOutline } from '../compute/build-report-outline.js';
import { loadTemplate } from '../templates/load-template.js';
import { renderReportDocx } from './render-report-docx.js';

const seed = (name: string) => Evaluation.parse(JSON.parse(readFileSync(join(import.meta.dirname, '../../../../examples', name), 'utf8')));
const outlineText = (ev: Evaluation, template = 'national') =>
  buildReportOutline(computeReportFigures(ev), loadTemplate(template))
    .map((n) => ('text' in n ? n.text : ''))
    .join('\n');

describe('the report states the evaluation’s own figures', () => {
  it('seed 001: the stated total 99, never the recomputed 109.96, one value per figure', () => {
    const text = outlineText(seed('seed-001-hunan-2023.json'), 'hunan');
    expect(text).toContain('绩效自评得分99分（满分100分）');
    expect(text).not.toContain('109.96');
    expect(text).toContain('预算执行率100%'); // 276.7 ÷ 276.7, arithmetic on the stated amounts
    expect(text).toContain('评价等级为【待填写：评价等级】'); // the unit stated none
  });

  it('a missing stated score reads as a plain marked gap, never "——分"', () => {
    const ev = seed('seed-004-hebei-2023.json');
    const text = outlineText({ ...ev, totals: { ...ev.totals, statedScore: null } }, 'hebei');
    expect(text).toContain('自评得分【待填写：自评得分】');
    expect(text).not.toMatch(/——分/);
  });

  it('seed 003: the unit’s sentence with a different execution rate (24%) is left out with a note', () => {
    const text = outlineText(seed('seed-003-henan-2021.json'), 'henan');
    expect(text).not.toMatch(/预算执行率\s*24\s*%/);
    expect(text).toContain('预算执行率100%');
    expect(text).toContain('【待填写：原文此处所述预算执行率与本报告数据不一致，已略去，请单位核对】');
  });

  it('chapters only the unit can write come from evaluation.chapters, or are marked missing', () => {
    const ev = seed('seed-001-hunan-2023.json');
    const text = outlineText(ev, 'hunan');
    expect(text).toContain('二、一般公共预算支出情况');
    expect(text).toContain('【待填写：自评工作开展情况（组织、方法、过程）】');
    expect(outlineText({ ...ev, chapters: [] }, 'hunan')).toContain('【待填写：存在的问题及原因】');
  });
});

describe('GB/T 9704 layout', () => {
  it('A4, margins 37/35/28/26 mm, fonts, fixed 28 pt lines, "— 1 —" page numbers, merged level cells', async () => {
    const files = unzipSync(await renderReportDocx(seed('seed-001-hunan-2023.json'), { charts: false }));
    const doc = strFromU8(files['word/document.xml']!);
    expect(doc).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(doc).toMatch(/w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    expect(doc).toContain('w:eastAsia="方正小标宋简体"');
    expect(doc).toContain('<w:sz w:val="44"/>'); // 二号 22 pt
    expect(doc).toContain('w:eastAsia="仿宋_GB2312"');
    expect(doc).toContain('<w:sz w:val="32"/>'); // 三号 16 pt
    expect(doc).toContain('w:eastAsia="黑体"');
    expect(doc).toContain('w:eastAsia="楷体_GB2312"');
    expect(doc).toContain('w:line="560" w:lineRule="exact"');
    expect(doc).toContain('<w:vMerge w:val="restart"/>');
    // The indicator table in its own landscape section; every section has the page-number footer.
    expect(doc).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/);
    const sections = doc.match(/<w:sectPr[\s\S]*?<\/w:sectPr>/g) ?? [];
    expect(sections.length).toBe(3);
    for (const sp of sections) expect(sp).toContain('<w:footerReference w:type="default"');
    const footer = strFromU8(files['word/footer1.xml']!);
    expect(footer).toContain('— ');
    expect(footer).toContain('PAGE');
  });

  it('embeds the three charts as PNG images', async () => {
    const files = unzipSync(await renderReportDocx(seed('seed-001-hunan-2023.json')));
    const media = Object.keys(files).filter((f) => f.startsWith('word/media/'));
    expect(media.length).toBe(3);
    for (const m of media) expect(Array.from(files[m]!.subarray(1, 4))).toEqual([0x50, 0x4e, 0x47]);
  });
});

describe('a total that cannot be graded: the unit’s grade as stated, jixiao’s check beside it', () => {
  it('seed 001 (level-1 weights add to 110): the conclusion keeps the stated 99 and says 无法定级 with the reason and the rule', () => {
    const text = outlineText(seed('seed-001-hunan-2023.json'), 'hunan');
    expect(text).toContain('绩效自评得分99分（满分100分），评价等级为【待填写：评价等级】。');
    expect(text).toContain('按评分规则“湖南省部门整体支出绩效自评”（hunan@');
    expect(text).toContain('核对，评分表无法定级：各项分值合计 110 分，不等于规则总分 100 分。');
    expect(text).not.toContain('为单位自评所述'); // the unit stated no grade: nothing to attribute
  });

  it('seed 004 (no indicators to recompute): the stated 优秀 stays, attributed to the unit', () => {
    const text = outlineText(seed('seed-004-hebei-2023.json'), 'hebei');
    expect(text).toContain('评价等级为“优秀”。');
    expect(text).toContain('评分表无法定级：未列出绩效指标，无法重新计算总分。上述评价等级“优秀”为单位自评所述，未经评分规则核定。');
  });

  it('seed 003 (a total the rule grades): no check sentence', () => {
    const text = outlineText(seed('seed-003-henan-2021.json'), 'henan');
    expect(text).toContain('评价等级为“优”。');
    expect(text).not.toContain('无法定级');
  });

  it('the score table has a 规则核对 row under 评价等级 and the indicator table’s total cell names the check', async () => {
    const doc = strFromU8(unzipSync(await renderReportDocx(seed('seed-001-hunan-2023.json'), { charts: false }))['word/document.xml']!);
    const cellTexts = (row: string) => [...row.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]);
    const rows = (doc.match(/<w:tr>[\s\S]*?<\/w:tr>/g) ?? []).map(cellTexts);
    const gradeRow = rows.findIndex((r) => r[0] === '评价等级');
    expect(gradeRow).toBeGreaterThan(0);
    expect(rows[gradeRow]).toEqual(['评价等级', '待填写']);
    expect(rows[gradeRow + 1]).toEqual(['规则核对', '无法定级（各项分值合计 110 分，不等于规则总分 100 分）']);
    const totalRow = rows.find((r) => r[0] === '总分');
    expect(totalRow).toContain('评价等级：待填写');
    expect(totalRow).toContain('规则核对：无法定级（各项分值合计 110 分，不等于规则总分 100 分）');
    const graded = strFromU8(unzipSync(await renderReportDocx(seed('seed-003-henan-2021.json'), { charts: false }))['word/document.xml']!);
    expect(graded).not.toContain('规则核对');
  });
});

describe('tables that run over pages repeat their header row', () => {
  /** Each <w:tbl> with whether its first row is a header row (w:tblHeader) and that row's text. */
  const tables = (doc: string) =>
    (doc.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? []).map((tbl) => {
      const first = /<w:tr>[\s\S]*?<\/w:tr>/.exec(tbl)![0];
      return { header: first.includes('<w:tblHeader/>'), text: [...first.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('|'), headerRows: (tbl.match(/<w:tblHeader\/>/g) ?? []).length };
    });

  it('the report’s indicator table and score table: their first row, and only it, is a header row', async () => {
    const doc = strFromU8(unzipSync(await renderReportDocx(seed('seed-001-hunan-2023.json'), { charts: false }))['word/document.xml']!);
    const ts = tables(doc);
    const indicator = ts.find((x) => x.text.startsWith('一级指标|二级指标|三级指标'));
    const score = ts.find((x) => x.text === '指标|分值|得分|得分率');
    for (const x of [indicator, score]) {
      expect(x?.header).toBe(true);
      expect(x?.headerRows).toBe(1);
    }
  });
});
