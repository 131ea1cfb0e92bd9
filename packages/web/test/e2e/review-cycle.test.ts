/**
 * Walks a whole cycle in a real browser against the real server: the public portal and
 * "audit a report" without login; a unit filler editing with live scoring, a finding
 * jumping to its field, a version conflict merged without losing her edits, the local
 * draft restored after a reload, an export and an upload; the unit head submitting; the
 * department reviewer returning with an opinion; resubmission; approval; finance
 * re-scoring, rectification, a seeded sample, publication; dashboards with drill-down
 * and export; the published report found on the portal. Screenshots of each main page
 * go to packages/web/test-artifacts/screenshots/.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseEvaluation } from '@jixiao/core';
import { renderReportDocx } from '@jixiao/documents';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SEEDS_DIR, apiLogin, buildWeb, launchBrowser, requireChromium, screenshot, startApp, steps, type Browser, type RunningApp } from './harness.js';

let app: RunningApp;
let browser: Browser;
let page: Page;
let base: string;
/** The demo draft of the sixth unit (市教育考试院), walked through the cycle. */
let evalId: string;

/**
 * The report a user drops on the audit and import pages: seed 001 as published (plain text, in
 * ../shared/reference/seeds). A plain clone has no ../shared: the same report is then rendered
 * from the repository's own encoding of it (examples/seed-001-hunan-2023.json) as a .docx.
 */
let SEED_TXT = join(SEEDS_DIR, '001_cc8d8cd76cb08315.txt');

async function reportToDrop(): Promise<string> {
  if (existsSync(SEED_TXT)) return SEED_TXT;
  console.warn(`没有找到 ${SEED_TXT}（仓库旁的 ../shared/reference）：上传改用由 examples/seed-001-hunan-2023.json 生成的 .docx。`);
  const example = JSON.parse(readFileSync(new URL('../../../../examples/seed-001-hunan-2023.json', import.meta.url), 'utf8')) as unknown;
  const file = join(mkdtempSync(join(tmpdir(), 'jixiao-e2e-')), 'seed-001.docx');
  const parsed = parseEvaluation(example);
  if (!parsed.ok) throw new Error(`examples/seed-001-hunan-2023.json: ${parsed.error.message}`);
  writeFileSync(file, await renderReportDocx(parsed.value));
  return file;
}

const { login, logout, chooseYear, confirm, toast, statusIs } = steps(() => page, () => base);

beforeAll(async () => {
  requireChromium();
  SEED_TXT = await reportToDrop();
  buildWeb();
  app = await startApp();
  base = app.url;
  browser = await launchBrowser();
  page = browser.page;
  page.setDefaultTimeout(20_000);
  const fin = await apiLogin(base, 'caizheng');
  const list = await fin.call('GET', '/api/evaluations?year=2023&pageSize=100');
  const draft = (list.json.items as Array<{ id: number; unitName: string; status: string; kind: string }>).find((e) => e.unitName === '市教育考试院' && e.status === 'draft' && e.kind === 'department');
  if (!draft) throw new Error('demo region has no draft for 市教育考试院');
  evalId = String(draft.id);
}, 240_000);

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail' && page) {
    await screenshot(page, `FAILED-${ctx.task.name.slice(0, 40).replace(/[^\p{L}\p{N}]+/gu, '-')}`).catch(() => undefined);
  }
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('web app in chromium', () => {
  it('public portal lists published reports with their audit result, no login', async () => {
    await page.goto(`${base}/public`);
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBeGreaterThanOrEqual(1);
    expect(await rows.first().textContent()).toMatch(/错误 \d+|提醒 \d+|未发现问题/);
    await screenshot(page, '01-public-portal');
    await rows.first().locator('a').first().click();
    await page.getByText('系统审查结果').waitFor();
    await page.locator('[data-testid=indicator-table]').waitFor();
    await screenshot(page, '02-public-report');
  }, 60_000);

  it('audits a dropped report and puts each finding beside its source line', async () => {
    await page.goto(`${base}/public/audit`);
    await page.locator('input[type=file]').setInputFiles(SEED_TXT);
    const lines = page.locator('[data-testid=source-lines] .jx-line');
    await lines.first().waitFor({ timeout: 30_000 });
    expect(await lines.count()).toBeGreaterThan(20);
    // the seed's weights do not add up to the headed weights: findings quote their source lines
    const withLine = page.locator('.jx-findings-item', { hasText: /第 \d+ 行/ });
    await withLine.first().waitFor();
    expect(await page.locator('.jx-line.hit').count()).toBeGreaterThan(0);
    const quoted = Number(/第 (\d+) 行/.exec((await withLine.first().textContent()) ?? '')![1]);
    await withLine.first().click();
    await expect.poll(() => page.locator('.jx-line.current').getAttribute('data-line')).toBe(String(quoted));
    await screenshot(page, '03-public-audit');
  }, 60_000);

  it('unit filler: to-do, live scoring, finding → field, deviation reason, save', async () => {
    await login('tianbao6');
    await chooseYear(2023);
    // the unit's drafts: its 部门整体 self-evaluation (and any project drafts of the demo)
    await expect.poll(async () => Number(/\d+/.exec((await page.locator('[data-testid=todo-drafts]').textContent()) ?? '')?.[0] ?? 0)).toBeGreaterThanOrEqual(1);
    await screenshot(page, '04-home-filler');
    await page.locator('[data-testid=todo-drafts]').click();
    await page.waitForURL(/status=draft/);
    await page.locator(`.ant-table-tbody tr.ant-table-row a[href="/evaluations/${evalId}"]`).click();
    await page.locator('[data-testid=indicator-table]').waitFor();
    expect(page.url()).toContain(`/evaluations/${evalId}`);

    // live scoring: lower an actual below its target; the computed total follows
    const total = page.locator('[data-testid=computed-total]');
    await expect.poll(() => total.textContent()).not.toBe('—');
    const before = await total.textContent();
    const actual = page.locator('[data-path="indicators.0.children.0.children.0.actual"]');
    await actual.fill('1');
    await expect.poll(() => total.textContent(), { timeout: 10_000 }).not.toBe(before);
    // below its weight → the deviation reason asks for text
    const reason = page.locator('[data-path="indicators.0.children.0.children.0.deviationReason"]');
    await expect.poll(() => reason.getAttribute('class')).toContain('ant-input-status-error');
    await reason.fill('受疫情影响，一轮常规巡察推迟至次年一季度开展；已调整巡察计划。');
    await expect.poll(() => reason.getAttribute('class')).not.toContain('ant-input-status-error');

    // a finding jumps to its field (keyboard: Enter on the finding)
    const weight = page.locator('[data-path="indicators.0.children.0.children.1.weight"]');
    const oldWeight = await weight.inputValue();
    await weight.fill('十分');
    const finding = page.locator('[data-testid=findings] li[data-finding-path="indicators.0.children.0.children.1.weight"]');
    await finding.waitFor({ timeout: 10_000 });
    await screenshot(page, '05-editor-live-findings');
    await page.locator('[data-path="unit.name"]').focus();
    await finding.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-path'))).toBe('indicators.0.children.0.children.1.weight');
    await weight.fill(oldWeight);
    await finding.waitFor({ state: 'detached', timeout: 10_000 });

    // keyboard: Tab moves along the row
    await actual.focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-path'))).toBe('indicators.0.children.0.children.0.weight');

    await page.getByRole('button', { name: '保存草稿' }).click();
    await toast('草稿已保存');
    await screenshot(page, '06-editor');
  }, 90_000);

  it('unit filler: a version conflict keeps her edits and merges them onto the latest version', async () => {
    // someone else (the unit head) saves meanwhile
    const head = await apiLogin(base, 'fuzeren6');
    const cur = await head.call('GET', `/api/evaluations/${evalId}`);
    // (the header's unit and department follow the stored record, so the head edits a goal)
    const expectedByHead = '完成全年各类考试组织工作（负责人修改）';
    const theirs = { ...cur.json.evaluation, goals: cur.json.evaluation.goals.map((g: object, i: number) => (i === 0 ? { ...g, expected: expectedByHead } : g)) };
    const put = await head.call('PUT', `/api/evaluations/${evalId}`, { version: cur.json.version, evaluation: theirs });
    expect(put.status).toBe(200);

    const achieved = page.locator('[data-path="goals.0.achieved"]');
    await achieved.fill('全年完成各项考试组织工作，零差错。');
    await page.getByRole('button', { name: '保存草稿' }).click();
    await page.getByText('这份自评已被他人修改').waitFor();
    await screenshot(page, '07-editor-conflict');
    await page.getByRole('button', { name: /合并/ }).click();
    await page.getByText('已在最新版本上保留您的修改').waitFor();
    expect(await achieved.inputValue()).toBe('全年完成各项考试组织工作，零差错。');
    expect(await page.locator('[data-path="goals.0.expected"]').inputValue()).toBe(expectedByHead);
    await page.getByRole('button', { name: '保存草稿' }).click();
    await toast('草稿已保存');
    const after = await head.call('GET', `/api/evaluations/${evalId}`);
    expect(after.json.evaluation.goals[0].expected).toBe(expectedByHead);
    expect(after.json.evaluation.goals[0].achieved).toBe('全年完成各项考试组织工作，零差错。');
  }, 60_000);

  it('unit filler: unsaved typing survives a reload (local draft)', async () => {
    const field = page.locator('[data-path="baseData.savingsMeasures"]');
    const text = '严格执行公务接待标准，压减一般性支出 5%。';
    if ((await field.count()) === 0) {
      await page.getByRole('button', { name: '填写基础数据表' }).click();
    }
    await page.locator('[data-path="baseData.savingsMeasures"]').fill(text);
    await page.waitForTimeout(900); // the local copy is written 600 ms after typing stops
    await page.reload();
    await page.getByText(/在本机未保存的修改/).waitFor();
    await page.getByRole('button', { name: /^恢\s*复$/ }).click();
    expect(await page.locator('[data-path="baseData.savingsMeasures"]').inputValue()).toBe(text);
    await page.getByRole('button', { name: '保存草稿' }).click();
    await toast('草稿已保存');
  }, 60_000);

  it('unit filler: exports the evaluation as .xlsx', async () => {
    await page.getByRole('button', { name: /^导\s*出$/ }).click();
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.getByText('导出 Excel（.xlsx）').click()]);
    const path = await download.path();
    const bytes = readFileSync(path!);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  }, 60_000);

  it('unit filler: starts from an uploaded report (seed .txt)', async () => {
    await page.goto(`${base}/import`);
    await page.locator('input[type=file]').setInputFiles(SEED_TXT);
    await page.locator('[data-testid=import-result]').waitFor({ timeout: 30_000 });
    expect(await page.locator('[data-testid=source-lines] .jx-line').count()).toBeGreaterThan(20);
    await screenshot(page, '08-import');
    await page.getByRole('button', { name: '保存为草稿并继续填报' }).click();
    await page.waitForURL(/\/evaluations\/\d+$/);
    await statusIs('草稿');
    await logout();
  }, 90_000);

  it('unit filler: starts a new project evaluation from the rule profile template', async () => {
    await login('tianbao6');
    await page.goto(`${base}/evaluations/new`);
    await page.getByLabel('项目名称').fill('全市中考组织保障项目');
    await page.getByRole('button', { name: '创建并开始填报' }).click();
    await page.waitForURL(/\/evaluations\/\d+$/);
    await page.getByRole('button', { name: '按评分规则模板生成' }).click();
    // level-1 weights: "indicators.N.weight" (not a level-2's "indicators.N.children.M.weight")
    const level1 = page.locator('[data-testid=indicator-table] td.jx-merged input[data-path$=".weight"]:not([data-path*="children"])');
    await expect.poll(() => level1.count()).toBeGreaterThanOrEqual(3);
    await page.locator('[data-path="indicators.0.children.0.name"]').fill('数量指标');
    await page.locator('[data-path="indicators.0.children.0.children.0.name"]').fill('组织考点数量');
    await page.locator('[data-path="indicators.0.children.0.children.0.target"]').fill('≥12个');
    await page.locator('[data-path="indicators.0.children.0.children.0.actual"]').fill('12个');
    await page.locator('[data-path="indicators.0.children.0.children.0.weight"]').fill('10');
    const computed = page.locator('tr[data-path="indicators.0.children.0.children.0"] [data-testid=computed-score]');
    await expect.poll(() => computed.textContent()).toBe('10');
    await page.getByRole('button', { name: '保存草稿' }).click();
    await toast('草稿已保存');
    await screenshot(page, '08b-new-evaluation');
    await logout();
  }, 60_000);

  it('checks before submission: the head sees what blocks 提交, finance waives it with a reason', async () => {
    // The demo draft is a published report entered as it stands: its weights add to 110 and an unmet indicator has no reason.
    await login('fuzeren6');
    await page.goto(`${base}/evaluations/${evalId}`);
    const badge = page.locator('[data-testid=submit-blocking]');
    await badge.waitFor();
    expect(await badge.textContent()).toMatch(/提交前须处理 \d+ 项/);
    await page.getByRole('button', { name: '提交审核' }).click();
    const blocked = page.locator('[data-testid=submission-blocked]');
    await blocked.waitFor();
    expect(await blocked.textContent()).toContain('偏差原因');
    await screenshot(page, '08c-submission-blocked');
    await page.locator('.ant-modal-confirm .ant-btn-primary').click();
    await statusIs('草稿');
    // the server refuses it too, with the list
    const head = await apiLogin(base, 'fuzeren6');
    const cur = await head.call('GET', `/api/evaluations/${evalId}`);
    const refused = await head.call('POST', `/api/evaluations/${evalId}/actions/submit`, { version: cur.json.version });
    expect([refused.status, refused.json.error.code]).toEqual([422, 'SUBMISSION_BLOCKED']);
    expect(refused.json.error.issues.length).toBe(cur.json.submission.blocking.length);
    await logout();

    await login('caizheng');
    await page.goto(`${base}/evaluations/${evalId}`);
    await page.locator('[data-testid=override-button]').click();
    await page.fill('#override-reason', '历年已公开报告的原文，按原样提交审核');
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    await toast('已放行');
    await page.locator('[data-testid=submission-override]').getByText('历年已公开报告的原文').waitFor();
    await logout();
  }, 90_000);

  it('unit head submits; department reviewer returns with an opinion', async () => {
    await login('fuzeren6');
    await page.goto(`${base}/evaluations/${evalId}`);
    await page.locator('[data-testid=submission-override]').waitFor();
    await expect.poll(() => page.locator('[data-testid=submit-blocking]').count()).toBe(0);
    await page.getByRole('button', { name: '提交审核' }).click();
    await confirm();
    await statusIs('已提交');
    await logout();

    await login('bumen3');
    await chooseYear(2023);
    await page.locator('[data-testid=todo-pendingReview]').click();
    await page.waitForURL(/\/review\?status=submitted/);
    await page.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();
    await screenshot(page, '09-review-queue');
    await page.goto(`${base}/review/${evalId}`);
    await page.locator('[data-testid=indicator-table]').waitFor();
    await page.getByRole('button', { name: /^退\s*回$/ }).click();
    await toast('退回时请填写审核意见');
    await page.fill('#review-opinion', '“开展常规巡察”实际完成值与正文不一致，请核实后重新提交。');
    await page.getByRole('button', { name: /^退\s*回$/ }).click();
    await confirm();
    await statusIs('被退回');
    await screenshot(page, '10-review-returned');
    await logout();
  }, 90_000);

  it('the unit sees the opinion, corrects and resubmits; the department approves', async () => {
    await login('tianbao6');
    await chooseYear(2023);
    await expect.poll(() => page.locator('[data-testid=todo-returned]').textContent()).toContain('1');
    await page.goto(`${base}/evaluations/${evalId}`);
    await page.locator('[data-testid=review-opinion]').getByText('请核实后重新提交').waitFor();
    await page.locator('[data-path="indicators.0.children.0.children.0.actual"]').fill('3');
    await page.getByRole('button', { name: '保存草稿' }).click();
    await toast('草稿已保存');
    await screenshot(page, '11-editor-returned');
    await logout();

    await login('fuzeren6');
    await page.goto(`${base}/evaluations/${evalId}`);
    await page.getByRole('button', { name: '提交审核' }).click();
    await confirm();
    await statusIs('已提交');
    await logout();

    await login('bumen3');
    await page.goto(`${base}/review/${evalId}`);
    await page.getByRole('button', { name: '审核通过' }).click();
    await confirm();
    await statusIs('主管部门已审核');
    await logout();
  }, 90_000);

  it('finance re-scores, opens a rectification, approves, samples with a seed and publishes', async () => {
    await login('caizheng');
    await chooseYear(2023);
    await page.goto(`${base}/review/${evalId}`);
    const reviewCell = page.locator('input[data-path="indicators.0.children.0.children.0"]');
    await reviewCell.fill('9');
    await page.locator('input[data-path="execution"]').fill('9.5');
    await page.getByRole('button', { name: '保存审核评分' }).click();
    await toast('审核评分已保存');
    const stored = await (await apiLogin(base, 'caizheng')).call('GET', `/api/evaluations/${evalId}`);
    expect(stored.json.review.scores).toEqual({ 'indicators.0.children.0.children.0': '9', execution: '9.5' });
    // 自评质量 is scored by the profile's rubric, part by part (after-cycle.test.ts adjusts one).
    await page.locator('[data-testid=quality-panel] [data-testid=quality-total]').waitFor();
    await screenshot(page, '12-review-finance');

    await page.getByRole('button', { name: '下发整改', exact: true }).click();
    await page.locator('.ant-modal textarea').fill('补充“开展常规巡察”的佐证材料。');
    await page.locator('.ant-modal .ant-btn-primary').click();
    await toast('已下发整改事项');

    await page.getByRole('button', { name: '审核通过' }).click();
    await confirm();
    await statusIs('财政已审核');

    await page.goto(`${base}/samples`);
    await page.getByPlaceholder('可留空').fill('e2e-seed-42');
    // The demo region already has a draw for 2023: a new one is a redraw with a reason.
    await page.getByRole('button', { name: /重新抽取/ }).click();
    await page.getByLabel('重新抽取理由').fill('演示：重新抽取');
    await page.locator('.ant-modal').getByRole('button', { name: /重新抽取/ }).click();
    await page.locator('[data-testid=sample-seed]', { hasText: 'e2e-seed-42' }).waitFor();
    await screenshot(page, '13-samples');

    await page.goto(`${base}/rectifications`);
    await page.getByText('补充“开展常规巡察”的佐证材料。').waitFor();
    await screenshot(page, '14-rectifications');

    await page.goto(`${base}/review?status=finance_approved`);
    await page.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();
    await page.goto(`${base}/review/${evalId}`);
    await page.getByRole('button', { name: /^公\s*开$/ }).click();
    await confirm();
    // The report still has 【待填写】 parts (and audit findings): they are listed, and finance publishes with a recorded reason.
    await page.locator('[data-testid=publication-blockers]').getByText(/待填写内容/).first().waitFor();
    await page.getByLabel('仍然公开的理由（记入办理记录）').fill('历年报告原文，按原样公开');
    await page.getByRole('button', { name: '仍然公开' }).click();
    await statusIs('已公开');
  }, 120_000);

  it('finance dashboards: charts, drill-down and export of what is shown', async () => {
    await page.goto(`${base}/dashboard`);
    await page.locator('canvas').first().waitFor({ timeout: 20_000 });
    await page.waitForTimeout(500);
    await screenshot(page, '15-dashboard');
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      (async () => {
        await page.getByRole('button', { name: '导出当前数据' }).click();
        await page.getByText('导出 CSV').click();
      })(),
    ]);
    const text = readFileSync((await csv.path())!, 'utf8');
    expect(text).toContain('等级');
    expect(text).toContain('市教育考试院');
    const [xlsx] = await Promise.all([
      page.waitForEvent('download'),
      (async () => {
        await page.getByRole('button', { name: '导出当前数据' }).click();
        await page.getByText('导出 Excel（.xlsx）').click();
      })(),
    ]);
    expect(readFileSync((await xlsx.path())!).subarray(0, 2).toString('latin1')).toBe('PK');

    // bureau → department → unit → indicator
    await page.getByRole('link', { name: '市教育局' }).click();
    await page.locator('.ant-breadcrumb').getByText('市教育局').waitFor();
    await page.getByRole('link', { name: '市教育考试院' }).click();
    await page.locator('.ant-breadcrumb').getByText('市教育考试院').waitFor();
    await page.locator('.ant-card').last().locator('a[role=link]').first().click();
    await page.locator('.ant-breadcrumb').getByText('指标').waitFor();
    await page.getByText('计算过程').waitFor();
    await screenshot(page, '16-dashboard-indicators');
    await logout();
  }, 90_000);

  it('the published report is found on the public portal by unit, year and grade', async () => {
    await page.goto(`${base}/public?q=${encodeURIComponent('市教育考试院')}&year=2023`);
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(1);
    await screenshot(page, '17-public-found');
  }, 60_000);

  it('admin sees the organisation', async () => {
    await login('admin');
    await page.goto(`${base}/admin`);
    await page.locator('.ant-tree').getByText(/示范市财政局/).waitFor();
    await screenshot(page, '18-admin-org');
    await logout();
  }, 60_000);

  it('a 60-row indicator table: a keystroke re-renders only the row being typed in', async () => {
    const unit = await apiLogin(base, 'tianbao4');
    const me = (await unit.call('GET', '/api/auth/me')).json.user as { unitId: number; unitName: string };
    const leaf = (l1: number, l2: number, k: number) => ({
      name: `指标 ${l1 + 1}-${l2 + 1}-${k + 1}`, target: '≥95%', actual: '96%', weight: '1.25', selfScore: '1.25',
    });
    const evaluation = {
      kind: 'project', fiscalYear: 2023, profile: 'national', unit: { name: me.unitName },
      project: { name: '六十项指标测试项目' },
      funds: { total: { initial: '100', adjusted: '100', executed: '95' } },
      budgetExecution: { weight: '10', selfScore: '9.5' },
      indicators: ['产出指标', '效益指标', '满意度指标'].map((name, l1) => ({
        name, weight: '25', children: [0, 1, 2, 3].map((l2) => ({ name: `二级 ${l1 + 1}-${l2 + 1}`, weight: '6.25', children: [0, 1, 2, 3, 4].map((k) => leaf(l1, l2, k)) })),
      })),
      totals: { statedWeight: '85', statedScore: '84.5' },
    };
    const created = await unit.call('POST', '/api/evaluations', { unitId: me.unitId, fiscalYear: 2023, kind: 'project', profile: 'national', evaluation });
    expect(created.status).toBe(201);
    await login('tianbao4');
    await page.goto(`${base}/evaluations/${created.json.id}`);
    await expect.poll(() => page.locator('[data-testid=indicator-table] tbody tr').count()).toBe(60);
    await expect.poll(() => page.locator('[data-testid=computed-total]').textContent()).not.toBe('—');
    await page.waitForTimeout(800);

    await page.evaluate(() => {
      const w = window as unknown as { __rows: Set<string> };
      w.__rows = new Set();
      const tbody = document.querySelector('[data-testid=indicator-table] tbody')!;
      new MutationObserver((ms) => {
        for (const m of ms) {
          const el = m.target.nodeType === 1 ? (m.target as Element) : m.target.parentElement;
          const tr = el?.closest('tr[data-path]');
          if (tr) w.__rows.add(tr.getAttribute('data-path')!);
        }
      }).observe(tbody, { subtree: true, childList: true, attributes: true, characterData: true });
    });
    const target = page.locator('[data-path="indicators.1.children.2.children.3.deviationReason"]');
    await target.click();
    const text = '本指标实际完成值高于年度指标值，系统按规则计满分，无需扣分说明';
    const t0 = performance.now();
    await page.keyboard.type(text);
    const typed = performance.now() - t0;
    await page.waitForTimeout(1000); // live scoring and the local copy land
    const mutated = await page.evaluate(() => [...(window as unknown as { __rows: Set<string> }).__rows]);
    expect(await target.inputValue()).toBe(text);
    expect(mutated).toEqual(['indicators.1.children.2.children.3']);
    console.log(`60-row table: ${text.length} keystrokes in ${typed.toFixed(0)} ms (${(typed / text.length).toFixed(1)} ms each, CDP round trip included)`);
    await screenshot(page, '19-editor-60-rows');
    await logout();
  }, 90_000);

  it('no uncaught errors in the page during the walk', () => {
    expect(browser.errors).toEqual([]);
  });
});
