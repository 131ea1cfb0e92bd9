/**
 * 更新为最新批复版本 in a real browser against the real server (demo region): a unit's targets
 * are approved and its self-evaluation generated from them and filled in (over the API, as in
 * annual-cycle.test.ts); an adjustment that drops one indicator and lowers another is approved
 * later. The filler opens the self-evaluation: the banner says a later approved version exists;
 * with an unsaved edit pending, 更新为最新批复版本 names the indicator that will be dropped, saves,
 * updates, and lists what was dropped; the entries on the indicators still approved are kept.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiLogin, screenshot, steps, useBrowserApp } from './harness.js';

let page: Page;
let base: string;
let evalId: string;
const { login, logout } = steps(() => page, () => base);

const leaf = (id: string, name: string, sign: string, value: string, unitOfMeasure: string, weight: string) => ({ id, name, sign, value, unitOfMeasure, weight, core: false });
const TREE = {
  goal: '完成年度动物防疫任务。',
  indicators: [
    {
      name: '产出指标',
      weight: '50',
      children: [
        { name: '数量指标', weight: '20', children: [leaf('q1', '免疫动物数量', '>=', '10', '万头', '10'), leaf('q5', '防疫培训班次', '>=', '20', '班', '10')] },
        { name: '质量指标', weight: '10', children: [leaf('q2', '免疫密度', '>=', '90', '%', '10')] },
        { name: '时效指标', weight: '10', children: [leaf('q3', '春季免疫完成时间', '<=', '5', '月', '10')] },
        { name: '成本指标', weight: '10', children: [leaf('q4', '每头免疫成本', '<=', '5', '元', '10')] },
      ],
    },
    { name: '效益指标', weight: '30', children: [{ name: '社会效益指标', weight: '30', children: [leaf('e1', '重大动物疫情发生数', '<=', '0', '起', '30')] }] },
    { name: '满意度指标', weight: '10', children: [{ name: '服务对象满意度指标', weight: '10', children: [leaf('s1', '养殖户满意度', '>=', '90', '%', '10')] }] },
  ],
};
/** Version 2: 防疫培训班次 dropped (its weight to 免疫动物数量, lowered to 9.5 万头). */
function adjusted() {
  const t = structuredClone(TREE);
  const qty = t.indicators[0]!.children[0]!;
  qty.children = [{ ...qty.children[0]!, value: '9.5', weight: '20' }];
  return t;
}

useBrowserApp('targets-update', (s) => {
  ({ page, base } = s);
});

describe('更新为最新批复版本, in chromium', () => {
  it('set-up over the API: targets approved, the self-evaluation generated and filled in, an adjustment approved later', async () => {
    const [filler, head, dept, fin] = await Promise.all(['tianbao4', 'fuzeren4', 'bumen2', 'caizheng'].map((u) => apiLogin(base, u)));
    let res = await filler!.call('POST', '/api/targets', { fiscalYear: 2025, kind: 'department', tree: TREE });
    expect(res.status, JSON.stringify(res.json)).toBe(201);
    const targetId = res.json.id as number;
    expect((await head!.call('POST', `/api/targets/${targetId}/actions/submit`, { version: 1 })).json.status).toBe('submitted');
    expect((await dept!.call('POST', `/api/targets/${targetId}/actions/approve`, { version: 2 })).json.status).toBe('department_approved');
    expect((await fin!.call('POST', `/api/targets/${targetId}/actions/approve`, { version: 3 })).json.status).toBe('approved');
    res = await filler!.call('POST', `/api/targets/${targetId}/evaluation`, {});
    expect(res.status, JSON.stringify(res.json)).toBe(201);
    evalId = String(res.json.evaluationId);
    const d = (await filler!.call('GET', `/api/evaluations/${evalId}`)).json;
    const ev = structuredClone(d.evaluation);
    Object.assign(ev.indicators[0].children[0].children[0], { actual: '9.8万头', selfScore: '9' });
    Object.assign(ev.indicators[0].children[0].children[1], { actual: '22班', selfScore: '10' });
    expect((await filler!.call('PUT', `/api/evaluations/${evalId}`, { version: d.version, evaluation: ev })).status).toBe(200);
    res = await head!.call('POST', `/api/targets/${targetId}/adjustments`, { reason: '年中培训与免疫合并开展', tree: adjusted() });
    expect(res.status, JSON.stringify(res.json)).toBe(201);
    const adj = res.json.adjustments[0].id as number;
    await dept!.call('POST', `/api/targets/${targetId}/adjustments/${adj}/actions/approve`, {});
    expect((await fin!.call('POST', `/api/targets/${targetId}/adjustments/${adj}/actions/approve`, { opinion: '同意' })).json.approvedVersion).toBe(2);
  }, 60_000);

  it('the filler sees the later version, is told what will be dropped, updates, and keeps the entries', async () => {
    await login('tianbao4');
    await page.goto(`${base}/evaluations/${evalId}`);
    const outdated = page.locator('[data-testid=targets-outdated]');
    await outdated.getByText('最新批复为第 2 版，本自评仍按第 1 版填写').waitFor();
    // an edit not saved yet: the update saves it first
    await page.locator('[data-path="indicators.0.children.1.children.0.actual"]').fill('96%');
    await outdated.getByRole('button', { name: '更新为最新批复版本' }).click();
    const preview = page.locator('[data-testid=targets-drop-preview]');
    await preview.waitFor();
    expect(await preview.locator('li').allTextContents()).toEqual(['产出指标 › 数量指标 › 防疫培训班次']);
    await screenshot(page, '25-targets-update-confirm');
    await page.locator('.ant-modal-confirm').getByRole('button', { name: /^更\s*新$/ }).click();
    const dropped = page.locator('[data-testid=targets-dropped]');
    await dropped.waitFor();
    expect(await dropped.locator('li').allTextContents()).toEqual(['产出指标 › 数量指标 › 防疫培训班次']);
    await page.getByRole('button', { name: '知道了' }).click();
    await page.locator('[data-testid=from-targets]').getByText('（第 2 版）生成').waitFor();
    expect(await outdated.count()).toBe(0);
    expect(await page.locator('[data-path="indicators.0.children.0.children.0.target"]').textContent()).toBe('≥9.5万头');
    await expect.poll(() => page.locator('[data-path="indicators.0.children.0.children.0.actual"]').inputValue()).toBe('9.8万头');
    expect(await page.locator('[data-path="indicators.0.children.1.children.0.actual"]').inputValue()).toBe('96%');
    expect(await page.locator('[data-testid=indicator-table]').getByText('防疫培训班次').count()).toBe(0);
    expect(await page.locator('[data-testid=indicator-table]').getByText('免疫动物数量').count()).toBe(1);
    await screenshot(page, '26-targets-updated');
    const stored = (await (await apiLogin(base, 'tianbao4')).call('GET', `/api/evaluations/${evalId}`)).json;
    expect(stored.targets).toMatchObject({ version: 2, latestVersion: 2 });
    expect(stored.evaluation.indicators[0].children[1].children[0].actual).toBe('96%');
    await logout();
  }, 120_000);
});
