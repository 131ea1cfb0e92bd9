import { describe, expect, it } from 'vitest';
import { parseEvaluation, type Evaluation } from '@jixiao/core';
import { injectPage, renderPublicList, renderPublicNotFound, renderPublicReport, reportTitle, type PublicSummaryView } from './public-html.js';

const summary: PublicSummaryView = {
  id: 7,
  unitName: '市<教育>局',
  departmentName: '教育系统',
  fiscalYear: 2024,
  kind: 'project',
  title: '校舍维修',
  projectName: '校舍维修',
  score: '85.125',
  grade: null,
  ungradableReason: '无法定级：各项分值合计 110，应为 100',
  publishedAt: '2025-03-01T08:00:00.000Z',
};

function model(): Evaluation {
  const p = parseEvaluation({
    kind: 'project',
    fiscalYear: 2024,
    project: { name: '校舍维修' },
    funds: { total: { initial: '500', adjusted: '480', executed: '456' }, bySource: [{ source: 'general_public', adjusted: '480', executed: '456' }] },
    indicators: [{ name: '产出指标', weight: '50', children: [{ name: '数量指标', children: [{ name: '维修面积', target: '≥100平方米', actual: '120平方米', weight: '50', selfScore: '50' }] }] }],
  });
  if (!p.ok) throw p.error;
  return p.value;
}

describe('public pages as plain HTML', () => {
  it('a report: title, heading, facts, the funds table with headers and rates, the indicators, escaped text', () => {
    expect(reportTitle(summary)).toBe('校舍维修 2024 年度项目支出绩效自评 · 市<教育>局');
    const html = renderPublicReport(summary, model(), [{ event: 'published', at: '2025-03-01T08:00:00.000Z', reason: null }]);
    expect(html).toContain('<h1>校舍维修 2024 年度项目支出绩效自评 · 市&lt;教育&gt;局</h1>');
    expect(html).not.toContain('<教育>');
    expect(html).toContain('<dt>等级</dt><dd>无法定级</dd>');
    expect(html).toContain('<dt>得分</dt><dd>85.13</dd>'); // half up
    expect(html).toContain('<th scope="col">全年预算数</th>');
    // 456 ÷ 480 = 0.95 → 95%; amounts printed with two places.
    expect(html).toMatch(/<th scope="row">年度资金总额<\/th><td class="n">500\.00<\/td><td class="n">480\.00<\/td><td class="n">456\.00<\/td><td class="n">95%<\/td>/);
    expect(html).toContain('<th scope="row">维修面积</th>');
    expect(html).toContain('<h2 id="history">公开记录</h2>');
  });

  it('the list links each report by its address, with paging that keeps the filters', () => {
    const html = renderPublicList([summary], { total: 41, page: 2, pageSize: 20, query: new URLSearchParams('kind=project&page=2') });
    expect(html).toContain('<a href="/public/reports/7">校舍维修</a>');
    expect(html).toContain('共 41 份，第 2 / 3 页');
    expect(html).toContain('href="/public?kind=project&amp;page=1"');
    expect(html).toContain('href="/public?kind=project&amp;page=3"');
    expect(renderPublicList([], { total: 0, page: 1, pageSize: 20, query: new URLSearchParams() })).toContain('没有符合条件的公开报告');
  });

  it('into the app’s index: the title replaced, a description added, the first render inside #root', () => {
    const index = '<html><head><title>绩效自评 · jixiao</title></head><body><div id="root"></div><script type="module" src="/assets/x.js"></script></body></html>';
    const out = injectPage(index, { title: 'A & B', description: '"d"', body: renderPublicNotFound('<x>') });
    expect(out).toContain('<title>A &amp; B</title><meta name="description" content="&quot;d&quot;" />');
    expect(out).toMatch(/<div id="root"><div class="jx-ssr"[^>]*>.*<h1>报告不存在<\/h1>.*&lt;x&gt;.*<\/div><script/s);
  });
});
