/**
 * The back half of the cycle in a real browser against the real server (demo region, 2023):
 * the finance bureau draws a sample by ratio with strata for a third-party reviewer (a bad
 * count refused first); the reviewer (评价机构) sees only its items and re-scores one; the
 * finance bureau reads the 自评质量 parts and adjusts one with a reason, opens a rectification
 * with a due date; the unit uploads evidence (an executable refused by its content) and
 * reports; the finance bureau signs it off (销号); the 结果应用 decision and the .xlsx export;
 * publication refused with an open error, published with a recorded reason, withdrawn with a
 * reason shown in the public history; the review queue at 1366 wide (waiting-for-me default,
 * no sideways scroll, a batch approval with per-item results).
 * Screenshots go to packages/web/test-artifacts/screenshots/ (after-*.png).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { apiLogin, buildWeb, launchBrowser, requireChromium, screenshot, startApp, steps, type Browser, type RunningApp } from './harness.js';

let app: RunningApp;
let browser: Browser;
let page: Page;
let base: string;
const YEAR = 2023;
const tmp = mkdtempSync(join(tmpdir(), 'jixiao-after-cycle-'));
/** The evaluation the walk follows: drawn for the reviewer, re-scored, rectified, decided. */
let itemId = 0;
let evalId = 0;
let rectId = 0;

const { login, logout, chooseYear, toast, statusIs } = steps(() => page, () => base);

/** Clicks 重新抽取… and confirms the redraw with its reason. */
async function redraw(reason: string): Promise<void> {
  await page.getByRole('button', { name: /重新抽取/ }).first().click();
  await page.getByLabel('重新抽取理由').fill(reason);
  await page.locator('.ant-modal').getByRole('button', { name: /重新抽取/ }).click();
}
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000 });
const api = (user: string) => apiLogin(base, user);

beforeAll(async () => {
  requireChromium();
  buildWeb();
  app = await startApp();
  base = app.url;
  browser = await launchBrowser();
  page = browser.page;
  page.setDefaultTimeout(20_000);
  await page.setViewportSize({ width: 1366, height: 900 });
  writeFileSync(join(tmp, '签到表.pdf'), '%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
  const mz = Buffer.alloc(512);
  mz.write('MZ');
  mz.writeUInt32LE(0x80, 0x3c);
  mz.write('PE\0\0', 0x80, 'binary');
  writeFileSync(join(tmp, '整改报告.pdf'), mz);
}, 240_000);

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail' && page) {
    await screenshot(page, `FAILED-after-${ctx.task.name.slice(0, 40).replace(/[^\p{L}\p{N}]+/gu, '-')}`).catch(() => undefined);
  }
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe('after the self-evaluation, in chromium', () => {
  it('finance draws a sample by ratio with strata for the third-party reviewer (a count of −3 is refused first)', async () => {
    await login('caizheng');
    await page.waitForLoadState('networkidle');
    // A new login starts on the open task's year; choose 2023 when it is not already shown.
    if (!((await page.locator('header').textContent()) ?? '').includes(`${YEAR} 年度`)) await chooseYear(YEAR);
    await page.goto(`${base}/samples`);
    const form = page.locator('[data-testid=sample-form]');
    await form.getByText('按份数').click();
    await page.getByLabel('抽取份数').fill('-3');
    // The demo region already has a 2023 draw: drawing again is a redraw, which asks for its reason.
    const before = await page.locator('[data-testid=sample]').count();
    await redraw('按局务会意见扩大抽评范围');
    await toast(/抽取份数.*1 至 \d+ 之间的整数/);
    await page.locator('.ant-modal').getByRole('button', { name: /取\s*消/ }).click();
    expect(await page.locator('[data-testid=sample]').count()).toBe(before);

    await form.getByText('按比例').click();
    await page.getByLabel('抽取比例').fill('50');
    await form.getByText('按评价类型').click(); // with 按主管部门 (checked by default)
    await page.getByLabel('评价机构').click();
    await page.locator('.ant-select-item-option', { hasText: '示范评价咨询有限公司' }).click();
    await form.getByPlaceholder('可留空').fill('after-cycle-1');
    await redraw('按局务会意见扩大抽评范围，按部门和类型分层');
    await toast(/已抽取 \d+ 份/);
    // the earlier draw stays listed, marked as superseded
    await page.locator('[data-testid=sample][data-status=superseded]').first().waitFor();
    const card = page.locator('[data-testid=sample][data-status=active]');
    await card.locator('[data-testid=sample-seed]', { hasText: 'after-cycle-1' }).waitFor();
    await card.locator('[data-testid=sample-strata]').waitFor();
    expect(await card.locator('[data-testid=sample-strata]').textContent()).toMatch(/·/); // department × kind strata
    await screenshot(page, 'after-01-sample');
    const items = (await (await api('caizheng')).call('GET', '/api/sample-items')).json as Array<{ id: number; evaluationId: number; assessorId: number | null; stratum: string; evaluationStatus: string }>;
    expect(items.length).toBeGreaterThan(1);
    expect(items.every((i) => i.assessorId !== null)).toBe(true);
    // Follow one still under finance review (its quality can be adjusted, its result decided).
    const followed = items.find((i) => i.evaluationStatus === 'department_approved' || i.evaluationStatus === 'finance_approved');
    expect(followed, 'the draw holds a report still under finance review').toBeTruthy();
    itemId = followed!.id;
    evalId = followed!.evaluationId;
    await logout();
  }, 120_000);

  it('the third-party reviewer sees only its sampled reports and records a re-score with its 抽评等级', async () => {
    const pj = await api('pingjia');
    expect((await pj.call('GET', '/api/evaluations')).status).toBe(403);
    expect((await pj.call('GET', `/api/evaluations/${evalId}`)).status).toBe(200);
    await login('pingjia');
    await page.goto(`${base}/assessment`);
    await page.locator(`a[href="/assessment/${itemId}"]`).click();
    await page.locator('[data-testid=rescore-card]').waitFor();
    await page.locator('input[data-path="execution"]').fill('5');
    await page.getByLabel('抽评等级').click();
    await page.locator('.ant-select-item-option').first().click();
    await page.locator('#rescore-opinion').fill('预算执行率佐证不足，按实际执行扣分。');
    await page.getByRole('button', { name: '提交复评' }).click();
    await toast('复评已提交');
    await screenshot(page, 'after-02-assessor');
    const item = ((await pj.call('GET', '/api/sample-items')).json as Array<{ id: number; status: string; rescore: { total: string; grade: string } | null }>).find((i) => i.id === itemId)!;
    expect(item.status).toBe('rescored');
    expect(item.rescore?.grade).toBeTruthy();
    await logout();
  }, 90_000);

  it('finance sees each 自评质量 part, adjusts one with a reason, and opens a rectification with a due date', async () => {
    await login('caizheng');
    await page.goto(`${base}/review/${evalId}`);
    const panel = page.locator('[data-testid=quality-panel]');
    await panel.waitFor();
    for (const part of ['completeness', 'consistency', 'targets', 'distortion', 'fullMarks', 'deviationReasons']) await panel.locator(`[data-testid=quality-part-${part}]`).waitFor();
    expect(await panel.textContent()).toContain('第三方复评得分');
    const before = await panel.locator('[data-testid=quality-total]').textContent();
    await panel.getByLabel('绩效目标质量调整后得分').fill('1');
    await panel.getByLabel('绩效目标质量调整理由').fill('多项指标值为定性表述，按复评意见扣分');
    await panel.getByRole('button', { name: '保存调整' }).click();
    await toast('自评质量调整已保存');
    await poll(() => panel.locator('[data-testid=quality-total]').textContent()).not.toBe(before);
    await screenshot(page, 'after-03-quality');

    await page.getByRole('button', { name: '下发整改', exact: true }).click();
    await page.locator('.ant-modal textarea').fill('补充预算执行的佐证材料（支付凭证、签到表）。');
    await page.locator('.ant-modal .ant-btn-primary').click();
    await toast('已下发整改事项');
    const list = (await (await api('caizheng')).call('GET', `/api/rectifications?evaluationId=${evalId}`)).json as Array<{ id: number; source: string; due_date: string }>;
    expect(list.at(-1)!.source).toBe('sampling');
    expect(list.at(-1)!.due_date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    rectId = list.at(-1)!.id;
    await logout();
  }, 90_000);

  it('the unit uploads evidence (an executable named .pdf is refused by content) and reports; finance signs it off', async () => {
    const admin = await api('admin');
    const detail = (await (await api('caizheng')).call('GET', `/api/evaluations/${evalId}`)).json as { unitId: number };
    const users = (await admin.call('GET', '/api/admin/users')).json as Array<{ username: string; role: string; unitId: number | null }>;
    const filler = users.find((u) => u.role === 'unit_filler' && Number(u.unitId) === Number(detail.unitId))!.username;
    await login(filler);
    await page.goto(`${base}/rectifications`);
    await page.locator(`[data-testid=rect-open-${rectId}]`).click();
    const drawer = page.locator('[data-testid=rect-drawer]');
    const input = drawer.locator('input[type=file]');
    await input.setInputFiles(join(tmp, '整改报告.pdf'));
    await toast(/可执行/);
    await input.setInputFiles(join(tmp, '签到表.pdf'));
    await toast('已上传 签到表.pdf');
    await drawer.locator('[data-testid=evidence-list]').getByText('签到表.pdf').waitFor();
    await drawer.getByLabel('整改情况报告').fill('已补充支付凭证和两期签到表。');
    await drawer.getByRole('button', { name: '报送整改情况' }).click();
    await toast('整改情况已报送');
    await poll(() => drawer.locator('[data-testid=rect-status]').textContent()).toContain('已报送');
    await screenshot(page, 'after-04-rectification-unit');
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
    await logout();

    await login('caizheng');
    await page.goto(`${base}/rectifications?status=reported`);
    await page.locator(`[data-testid=rect-open-${rectId}]`).click();
    await page.locator('[data-testid=rect-drawer]').getByRole('button', { name: /^销\s*号$/ }).click();
    await toast('已销号');
    await poll(() => page.locator('[data-testid=rect-status]').textContent()).toBe('已销号');
    await screenshot(page, 'after-05-signed-off');
  }, 120_000);

  it('结果应用: the decision is recorded and the list exported as .xlsx', async () => {
    const fin = await api('caizheng');
    const e = (await fin.call('GET', `/api/evaluations/${evalId}`)).json as { status: string; version: number };
    if (e.status === 'department_approved') expect((await fin.call('POST', `/api/evaluations/${evalId}/actions/approve`, { version: e.version })).status).toBe(200);
    await page.goto(`${base}/results`);
    const row = page.locator(`[data-testid=result-applications] tr[data-row-key="${evalId}"]`);
    await row.getByRole('button', { name: '记录决定' }).click();
    await toast('已记录决定');
    await poll(() => row.textContent()).toContain('部门');
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid=export-results]').click()]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync((await xlsx.path())!) as unknown as ArrayBuffer);
    const rows: string[][] = [];
    wb.worksheets[0]!.eachRow((r) => rows.push((r.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
    expect(rows[1]![8]).toBe('建议的预算处理');
    const line = (await fin.call('GET', `/api/result-applications?year=${YEAR}`)).json.find((l: { evaluationId: number }) => l.evaluationId === evalId);
    expect(line.state).toBe('decided');
    expect(rows.some((r) => r[4] === line.title && r[9] === line.decision.label)).toBe(true);
    await screenshot(page, 'after-06-results');
  }, 90_000);

  it('publishing is refused with an open error, goes through with a recorded reason, and is withdrawn with a reason the public page shows', async () => {
    const fin = await api('caizheng');
    const list = (await fin.call('GET', `/api/evaluations?year=${YEAR}&pageSize=200`)).json.items as Array<{ id: number; status: string; errors: number; version: number }>;
    const target = list.find((x) => x.errors > 0 && (x.status === 'finance_approved' || x.status === 'department_approved'))!;
    expect(target, 'the demo region has a reviewed report with an open audit error').toBeTruthy();
    if (target.status === 'department_approved') expect((await fin.call('POST', `/api/evaluations/${target.id}/actions/approve`, { version: target.version })).status).toBe(200);
    await page.goto(`${base}/review/${target.id}`);
    await page.getByRole('button', { name: /^公\s*开$/ }).click();
    await page.locator('.ant-modal-confirm .ant-btn-primary').click();
    const blockers = page.locator('[data-testid=publication-blockers]');
    await blockers.waitFor();
    expect(await blockers.textContent()).toMatch(/审核错误 \d+ 项/);
    await screenshot(page, 'after-07-publish-refused');
    await page.getByLabel('仍然公开的理由（记入办理记录）').fill('按原文公开，差异已下发整改');
    await page.locator('.ant-modal-confirm .ant-btn-primary', { hasText: '仍然公开' }).click();
    await statusIs('已公开');
    const stored = (await fin.call('GET', `/api/evaluations/${target.id}`)).json.review.publicationOverride;
    expect(stored.reason).toBe('按原文公开，差异已下发整改');

    await page.getByRole('button', { name: '撤回公开' }).click();
    await page.getByLabel('撤回理由（将在公开页面显示）').fill('总分与明细不符，更正后重新公开');
    await page.locator('.ant-modal-confirm .ant-btn-primary', { hasText: '撤回公开' }).click();
    await statusIs('财政已审核');
    const history = await fetch(`${base}/api/public/reports/${target.id}/history`).then((r) => r.json());
    expect(history.history.map((h: { event: string }) => h.event)).toEqual(['published', 'withdrawn']);
    expect(history.history[1].reason).toBe('总分与明细不符，更正后重新公开');
    expect((await fetch(`${base}/api/public/reports/${target.id}`)).status).toBe(410);
    await screenshot(page, 'after-08-withdrawn');
  }, 120_000);

  it('the review queue shows 自评质量 as computed, tagged 未确认 until finance confirms it, and sorts by it', async () => {
    const fin = await api('caizheng');
    const listed = (await fin.call('GET', `/api/evaluations?year=${YEAR}&pageSize=200`)).json.items as Array<{ id: number; title: string; qualityScore: string | null; qualityComputed: string | null }>;
    const unconfirmed = listed.filter((e) => e.qualityScore === null && e.qualityComputed !== null);
    expect(unconfirmed.length).toBeGreaterThan(0);
    expect(listed.find((e) => e.id === evalId)?.qualityScore).not.toBeNull(); // adjusted above: confirmed
    // Lowest first: the server sorts by the score as shown (confirmed, else computed), exact.
    await page.goto(`${base}/review?status=all`);
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    await rows.first().waitFor();
    await page.locator('.ant-table-thead th', { hasText: '自评质量' }).click();
    await poll(() => new URL(page.url()).searchParams.get('sort')).toBe('quality');
    const sorted = (await fin.call('GET', `/api/evaluations?year=${YEAR}&sort=quality&pageSize=20`)).json.items as typeof listed;
    const first = sorted[0]!;
    await poll(() => rows.first().locator(`a[href$="/review/${first.id}"]`).count()).toBe(1);
    const shown = (v: string) => {
      const [i, f = ''] = v.split('.');
      const cents = BigInt(i! + (f + '00').slice(0, 2)) + (Number(f[2] ?? '0') >= 5 ? 1n : 0n); // half up, by hand
      return `${cents / 100n}.${String(cents % 100n).padStart(2, '0')}`.replace(/\.?0+$/, '');
    };
    const cell = rows.first().locator('[data-testid=quality-unconfirmed], [data-testid=quality-confirmed]');
    if (first.qualityScore === null) {
      expect(await cell.getAttribute('data-testid')).toBe('quality-unconfirmed');
      expect(await cell.textContent()).toBe(`${shown(first.qualityComputed!)}未确认`);
    } else expect(await cell.textContent()).toBe(shown(first.qualityScore));
    // The evaluation whose quality finance adjusted shows its confirmed score, without the tag.
    const row = rows.filter({ has: page.locator(`a[href$="/review/${evalId}"]`) });
    if (await row.count()) expect(await row.locator('[data-testid=quality-unconfirmed]').count()).toBe(0);
    // An unconfirmed row on this page reads 未确认 beside its computed score.
    expect(await page.locator('[data-testid=quality-unconfirmed]').first().textContent()).toMatch(/^\d+(\.\d{1,2})?未确认$/);
    await page.locator('.ant-table-thead th', { hasText: '自评质量' }).click();
    await poll(() => new URL(page.url()).searchParams.get('sort')).toBe('-quality');
    await screenshot(page, 'after-09a-review-queue-quality');
  }, 90_000);

  it('the review queue at 1366 wide: what waits for me by default, no sideways scroll, batch approval with per-item results', async () => {
    await page.goto(`${base}/review`);
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    await rows.first().waitFor();
    expect(await page.getByLabel('状态').locator('..').textContent()).toContain('主管部门已审核');
    const overflow = await page.locator('.ant-table-content, .ant-table-body').first().evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await screenshot(page, 'after-09-review-queue-1366');
    const n = Math.min(2, await rows.count());
    for (let i = 0; i < n; i++) await rows.nth(i).locator('input[type=checkbox]').check();
    await page.getByLabel('批量审核意见').fill('经审核，同意。');
    await page.getByRole('button', { name: /批量审核通过/ }).click();
    const result = page.locator('[data-testid=batch-result]');
    await result.waitFor();
    expect(await result.textContent()).toMatch(/共 \d+ 项/);
    await screenshot(page, 'after-10-batch');
  }, 90_000);
});
