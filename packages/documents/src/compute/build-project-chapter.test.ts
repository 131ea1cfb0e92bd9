import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { computeProjectRollup, formatDecimal, type Evaluation } from '@jixiao/core';
import { importReport } from '@jixiao/import';
import { BUILT } from '../../test/project-fixtures.js';
import { SEEDS, keptFigures, loadSeed, newFindingRules, reportFigures } from '../../test/helpers.js';
import { renderReportDocx } from '../docx/render-report-docx.js';
import { loadTemplate } from '../templates/load-template.js';
import { buildReportOutline } from './build-report-outline.js';
import { computeReportFigures } from './compute-report-figures.js';

const dept = loadSeed(SEEDS.find((s) => s.startsWith('seed-001'))!);
const children = Object.values(BUILT);
const nodes = (ev: Evaluation, kids?: Evaluation[]) => buildReportOutline(computeReportFigures(ev), loadTemplate('hunan'), kids);
const text = (ev: Evaluation, kids?: Evaluation[]) =>
  nodes(ev, kids)
    .map((n) => ('text' in n ? n.text : ''))
    .join('\n');

describe('the department report’s project chapter, from its children', () => {
  it('states count, coverage, budget, spending, execution, average and lowest score as core’s roll-up computes them', () => {
    const r = computeProjectRollup(children, { projectCount: dept.funds.projectCount });
    const t = text(dept, children);
    expect(t).toContain('（一）项目支出绩效自评情况'.slice(3)); // the template's heading
    expect(t).toContain(`项目共${r.coverage.of}个（其中转移支付1个）`);
    expect(t).toContain(`已开展绩效自评${r.coverage.evaluated}个`);
    expect(t).toContain(`项目全年预算数合计${formatDecimal(r.funds.adjusted.sum, 2)}万元`);
    expect(t).toContain(`全年执行数合计${formatDecimal(r.funds.executed.sum, 2)}万元`);
    expect(t).toContain(`项目支出执行率${formatDecimal(r.execution.rate!.times(100), 2)}%`);
    expect(t).toContain(`平均${formatDecimal(r.statedScores.average!, 2)}分，最低${formatDecimal(r.statedScores.lowest!.score, 2)}分（${r.statedScores.lowest!.name}）`);
    const table = nodes(dept, children).find((n) => n.type === 'projectTable');
    expect(table && table.type === 'projectTable' && table.rows.map((x) => x.name)).toEqual(children.map((c) => c.project!.name));
  });

  it('without children: the figures the department stated about its projects, else nothing', () => {
    expect(text(dept)).not.toContain('项目支出绩效自评情况');
    const stated = { ...dept, projectRollup: { ...dept.projectRollup, evaluatedCount: 12, statedCoverageRate: '100', statedAverageScore: '92.5', statedLowestScore: null, statedExecutionRate: null } };
    const t = text(stated);
    expect(t).toContain('项目支出绩效自评情况');
    expect(t).toContain('开展绩效自评的项目12个，项目自评覆盖率100%，项目自评平均得分92.5分');
  });

  it('a project evaluation has no project chapter', () => {
    expect(text(BUILT['project-drugs']!, children)).not.toContain('项目支出绩效自评情况');
  });

  it('is in the .docx as a table, and the report still imports back to the same figures with no new finding rules', async () => {
    const bytes = await renderReportDocx(dept, { charts: false, children });
    const xml = strFromU8(unzipSync(bytes)['word/document.xml']!);
    expect(xml).toContain('项目支出绩效自评情况');
    expect(xml).toContain('禁毒经费');
    const back = (await importReport({ bytes, fileName: 'report.docx' })).evaluation;
    expect(keptFigures(back)).toEqual(reportFigures(dept));
    expect(newFindingRules(dept, back)).toEqual([]);
  });
});
