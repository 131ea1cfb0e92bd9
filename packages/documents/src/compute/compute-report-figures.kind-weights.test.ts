/**
 * The documents follow the weights the profile gives each kind (core `kindWeights`), not the
 * profile-wide ones: a national transfer scores no budget execution, so its report prints no
 * 预算执行率 line in the score table and asks for no execution weight; a project does.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { Evaluation, Profile, getProfile } from '@jixiao/core';
import { renderReportDocx } from '../docx/render-report-docx.js';
import { computeReportFigures, printedScoreRows } from './compute-report-figures.js';
import { listReportPlaceholders } from './report-gaps.js';

const example = (name: string) => Evaluation.parse(JSON.parse(readFileSync(join(import.meta.dirname, '../../../../examples/projects', name), 'utf8')));
const transfer = example('transfer-forestry-arrival-error-2024.json');
/** A project whose form left the execution weight and score blank. */
const project = Evaluation.parse({ ...example('project-road-maintenance-2023.json'), budgetExecution: { weight: null, selfScore: null } });
/** National, except that transfers score execution at 10 (as a province might). */
const scoringTransfers = Profile.parse({ ...getProfile('national'), weights: { ...getProfile('national').weights, byKind: { transfer: { total: '100', budgetExecution: '10', totalIncludesBudgetExecution: true } } } });

async function scoreTableText(ev: Evaluation): Promise<string> {
  const xml = strFromU8(unzipSync(await renderReportDocx(ev, { charts: false }))['word/document.xml']!);
  return xml.replace(/<\/w:tc>/g, '|').replace(/<\/w:tr>/g, '\n').replace(/<[^>]+>/g, '');
}

describe('documents use the weights of the evaluation\'s kind', () => {
  it('a national transfer (execution weight 0 for transfers) has no 预算执行率 line, no execution gap', async () => {
    const fig = computeReportFigures(transfer);
    expect(fig.weights).toMatchObject({ kind: 'transfer', budgetExecution: '0' });
    expect(fig.executionLine).toBe(false);
    expect(printedScoreRows(fig).map((r) => r.name)).toEqual(transfer.indicators.map((l1) => l1.name));
    expect(listReportPlaceholders(transfer).map((p) => p.label).filter((l) => l.startsWith('预算执行率'))).toEqual([]);
    expect(await scoreTableText(transfer)).not.toMatch(/^预算执行率\|/m);
  });

  it('the same transfer under a profile that scores transfers\' execution asks for its weight and score', async () => {
    const fig = computeReportFigures(transfer, scoringTransfers);
    expect(fig.executionLine).toBe(true);
    expect(printedScoreRows(fig)[0]!.name).toBe('预算执行率');
    expect(listReportPlaceholders(transfer, { profile: scoringTransfers }).map((p) => p.label)).toEqual(expect.arrayContaining(['预算执行率 分值', '预算执行率 得分']));
  });

  it('a project (execution 10 nationally) with a blank execution weight keeps the line, marked 待填写', async () => {
    const fig = computeReportFigures(project);
    expect(fig.weights).toMatchObject({ kind: 'project', budgetExecution: '10' });
    expect(fig.executionLine).toBe(true);
    expect(listReportPlaceholders(project).map((p) => p.label)).toEqual(expect.arrayContaining(['预算执行率 分值', '预算执行率 得分']));
    expect(await scoreTableText(project)).toMatch(/^预算执行率\|待填写\|待填写\|/m);
  });

  it('a transfer that states an execution weight anyway keeps its line as stated', () => {
    const stated = Evaluation.parse({ ...transfer, budgetExecution: { ...transfer.budgetExecution, weight: '10', selfScore: '5.83' } });
    const fig = computeReportFigures(stated);
    expect(fig.executionLine).toBe(true);
    expect(printedScoreRows(fig)[0]).toMatchObject({ name: '预算执行率' });
    expect(printedScoreRows(fig)[0]!.weight!.toString()).toBe('10');
  });
});
