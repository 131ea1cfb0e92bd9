import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Evaluation, dec, sumDec } from '@jixiao/core';
import { listTemplateIds, loadTemplate } from '../templates/load-template.js';
import { computeReportFigures } from './compute-report-figures.js';
import { describeReportChapters, listReportPlaceholders } from './report-gaps.js';

const seed = (name: string) => Evaluation.parse(JSON.parse(readFileSync(join(import.meta.dirname, '../../../../examples', name), 'utf8')));

/** Seed 001 with every gap the national template would mark filled in by the unit. */
function complete(): Evaluation {
  const ev = seed('seed-001-hunan-2023.json');
  const template = loadTemplate('national');
  const chapters = Object.values(template.slots).map((s) => ({ level: 1, number: null, title: s.label, body: `${s.label}：本单位已如实填写。` }));
  // the level-1 scores stated (seed 001's leaves do not make up its level-1 weights, so no sum stands in for them)
  const leafSum = (l1: (typeof ev.indicators)[number]) => sumDec(l1.children.flatMap((l2) => l2.children).map((x) => dec(x.selfScore ?? '0'))).toString();
  const indicators = ev.indicators.map((l1) => ({ ...l1, selfScore: l1.selfScore ?? leafSum(l1), children: l1.children.map((l2) => ({ ...l2, children: l2.children.map((x) => ({ ...x, deviationReason: x.deviationReason ?? '已说明偏差原因及改进措施' })) })) }));
  return Evaluation.parse({
    ...ev,
    indicators,
    profile: 'national',
    chapters,
    goals: ev.goals.length ? ev.goals.map((g) => ({ ...g, expected: g.expected ?? '完成年度工作', achieved: g.achieved ?? '已完成' })) : [{ expected: '完成年度工作', achieved: '已完成' }],
    team: [{ name: '张三', role: '组长', title: '局长', unit: null }],
    dates: { evaluationStart: '2024-02-01', evaluationEnd: '2024-03-01', reportDate: '2024-03-10' },
    totals: { ...ev.totals, statedGrade: ev.totals.statedGrade ?? '优' },
    baseData: { ...(ev.baseData ?? {}), staffing: { authorized: 12, actual: 11, statedControlRate: null } },
  });
}

describe('listReportPlaceholders', () => {
  it('lists the chapters only the unit can write, and the grade, when they are missing', () => {
    const ev = { ...seed('seed-001-hunan-2023.json'), chapters: [], team: [] };
    const labels = listReportPlaceholders(ev, { template: 'national' }).map((p) => p.label);
    expect(labels).toEqual(expect.arrayContaining(['存在的问题及原因', '改进措施', '评价工作组人员名单', '评价等级']));
    const where = listReportPlaceholders(ev, { template: 'national' }).find((p) => p.label === '存在的问题及原因')!.where;
    expect(where).toMatch(/存在的问题及原因$/);
  });
  it('finds nothing in a report the unit has completed', () => {
    expect(listReportPlaceholders(complete(), { template: 'national' })).toEqual([]);
  });
  it('a level-1 score the unit left blank is not a gap when every leaf under it is scored and their weights make it up', () => {
    const ev = complete();
    const leaves = (l1: (typeof ev.indicators)[number]) => l1.children.flatMap((l2) => l2.children).filter((x) => !x.notApplicable);
    const sum = (xs: Array<string | null>) => sumDec(xs.map((x) => dec(x!))).toString();
    // level-1 weights made up by their leaves, level-1 and level-2 scores left blank
    const blank = { ...ev, indicators: ev.indicators.map((l1) => ({ ...l1, weight: sum(leaves(l1).map((x) => x.weight)), selfScore: null, children: l1.children.map((l2) => ({ ...l2, selfScore: null })) })) };
    const rows = computeReportFigures(blank).scoreRows.slice(1);
    for (const [i, row] of rows.entries()) {
      const l1 = blank.indicators[i]!;
      expect(row.score?.toString(), l1.name).toBe(sum(leaves(l1).map((x) => x.selfScore)));
    }
    expect(listReportPlaceholders(blank, { template: 'national' }).filter((p) => p.label.endsWith('得分') && p.where === '指标得分表')).toEqual([]);
  });
  it('no sum stands in for a level-1 score where the leaves do not make up its weight: it is a gap', () => {
    // seed 001: 产出指标 headed 50 over leaves of 85 points — their 84 is no score of 50
    const ev = complete();
    const blank = { ...ev, indicators: ev.indicators.map((l1) => ({ ...l1, selfScore: null })) };
    const row = computeReportFigures(blank).scoreRows[1]!;
    expect([row.name, row.weight?.toString(), row.score]).toEqual(['产出指标', '50', null]);
    expect(listReportPlaceholders(blank, { template: 'national' }).map((p) => p.label)).toContain('产出指标 得分');
  });
});

describe('describeReportChapters', () => {
  it.each(listTemplateIds())('%s: a chapter titled with a slot’s label is found as that slot’s text', (id) => {
    const template = loadTemplate(id);
    const slots = Object.entries(template.slots);
    const ev = Evaluation.parse({ kind: 'department', fiscalYear: 2024, chapters: slots.map(([, s]) => ({ level: 1, title: s.label, body: '已填写' })) });
    const blocks = describeReportChapters(ev, { template: id }).chapters.flatMap((c) => c.blocks).filter((b) => b.kind === 'unit');
    for (const b of blocks) {
      if (b.kind !== 'unit') continue;
      expect(b.chapterIndex, `${id} ${b.slot}`).toBe(slots.findIndex(([k]) => k === b.slot));
      expect(b.label).toBe(template.slots[b.slot]!.label);
      expect(b.guidance, `${id} ${b.slot}`).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
