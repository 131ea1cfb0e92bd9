/**
 * Walks project self-evaluations through a year in a real browser against the real server,
 * on a 1366-wide screen: a unit imports its budget-system project list (an .xlsx made
 * here; a bad list is refused row by row and nothing is imported; the same list again
 * changes nothing), opens one project and fills its funds table (bad cells outlined with
 * their row named, execution rate and score live), goals and indicators; the unit head
 * submits it, and several more at once from the list (one stale item refused, the others
 * through); the department and the finance bureau approve it (the finance list filtered
 * and drilled into); the department evaluation shows the roll-up of its projects; the unit
 * exports its workbook (a real .xlsx with the project's sheet and the 汇总表).
 * Screenshots go to packages/web/test-artifacts/screenshots/.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { formatDecimal, dec } from '@jixiao/core';
import { apiLogin, buildWeb, launchBrowser, requireChromium, screenshot, startApp, steps, type Browser, type RunningApp } from './harness.js';

let app: RunningApp;
let browser: Browser;
let page: Page;
let base: string;
let unitId: number;
let departmentEvalId: string;
const tmp = mkdtempSync(join(tmpdir(), 'jixiao-project-cycle-'));
/** A year the demo region has no projects in, so the walk sees only the list it imports. */
const YEAR = 2024;
const UNIT = '市教育考试院';

const { login, logout, chooseYear, confirm, toast, statusIs } = steps(() => page, () => base);
/** Pages load over the network and score while typing: wait up to 15 s for a figure to settle. */
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000 });

const HEADER = ['项目编码', '项目名称', '单位', '年初预算数（万元）', '全年预算数（万元）', '项目类别', '类型', '项目负责人', '联系电话', '本年财政拨款', '上年结转'];
type ListRow = [string, string, string, string | number, string | number, string, string, string, string, string | number, string | number];
const PROJECTS: ListRow[] = [
  ['JX2023-001', '中考考务组织', UNIT, 100, 120, '专项业务类', '部门项目', '李明', '0730-8888001', 100, 0],
  ['JX2023-002', '高考考务组织', UNIT, 200, 200, '专项业务类', '部门项目', '王芳', '0730-8888002', 200, 0],
  ['JX2023-003', '自学考试组织', UNIT, 60, 60, '专项业务类', '部门项目', '赵强', '0730-8888003', 60, 0],
  ['JX2023-004', '考试信息化运维', UNIT, 35, 35, '运转类', '部门项目', '钱进', '0730-8888004', 35, 0],
  ['JX2023-005', '标准化考点建设', UNIT, 800, 800, '专项业务类', '部门项目', '孙丽', '0730-8888005', 800, 0],
  ['ZY2023-101', '中央教育考试补助资金', UNIT, 50, 50, '', '转移支付', '周红', '0730-8888006', '', ''],
];

async function writeList(name: string, rows: ListRow[]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('项目清单');
  ws.addRow(HEADER);
  for (const r of rows) ws.addRow(r);
  const path = join(tmp, name);
  await wb.xlsx.writeFile(path);
  return path;
}

async function unitList(): Promise<Array<{ code: string; evaluationId: number; evaluationVersion: number; progress: string }>> {
  const api = await apiLogin(base, 'caizheng');
  return (await api.call('GET', `/api/units/${unitId}/projects?year=${YEAR}`)).json.items;
}

async function evalIdOf(code: string): Promise<string> {
  const row = (await unitList()).find((r) => r.code === code);
  if (!row) throw new Error(`no project ${code}`);
  return String(row.evaluationId);
}

/** A project's 自评表 filled and saved by the unit through the API: every indicator met, the total stated (a transfer scores no execution). */
async function fillViaApi(code: string): Promise<void> {
  const filler = await apiLogin(base, 'tianbao6');
  const id = await evalIdOf(code);
  const cur = (await filler.call('GET', `/api/evaluations/${id}`)).json;
  const ev = cur.evaluation;
  const transfer = ev.kind === 'transfer';
  const leaf = (l1: string, weight: string, l2: string, name: string) => ({ name: l1, weight, children: [{ name: l2, children: [{ name, target: '≥1次', actual: '1次', weight, selfScore: weight }] }] });
  const evaluation = {
    ...ev,
    funds: { ...ev.funds, total: { ...ev.funds.total, executed: ev.funds.total.adjusted ?? ev.funds.total.initial } },
    budgetExecution: transfer ? ev.budgetExecution : { ...ev.budgetExecution, weight: '10', selfScore: '10' },
    indicators: [leaf('产出指标', '50', '数量指标', '组织场次'), leaf('效益指标', '30', '社会效益指标', '安全事故处置'), leaf('满意度指标', transfer ? '20' : '10', '满意度指标', '满意度调查')],
    totals: { ...ev.totals, statedScore: '100', statedGrade: '优' },
  };
  const saved = await filler.call('PUT', `/api/evaluations/${id}`, { version: cur.version, evaluation });
  if (saved.status !== 200) throw new Error(`${code} not saved: ${JSON.stringify(saved.json)}`);
  if (saved.json.submission?.blocking?.length) throw new Error(`${code} still blocked: ${JSON.stringify(saved.json.submission.blocking)}`);
}

/** The page never scrolls sideways on a 1366-wide screen (wide tables scroll inside themselves). */
async function fitsScreen(): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1366);
}

/** The list is for the year chosen in the header: choose it on the page (it may settle after the page opens). */
async function importList(path: string): Promise<void> {
  await page.goto(`${base}/projects/import`);
  await chooseYear(YEAR);
  await poll(() => page.getByLabel('清单所属年度', { exact: true }).inputValue()).toBe(String(YEAR));
  await page.locator('input[type=file]').setInputFiles(path);
}

beforeAll(async () => {
  requireChromium();
  buildWeb();
  app = await startApp();
  base = app.url;
  browser = await launchBrowser();
  page = browser.page;
  await page.setViewportSize({ width: 1366, height: 900 });
  page.setDefaultTimeout(20_000);
  // the unit's 部门整体 self-evaluation of the year, stating one project fewer than it has
  const unit = await apiLogin(base, 'tianbao6');
  unitId = (await unit.call('GET', '/api/auth/me')).json.user.unitId;
  const evaluation = { kind: 'department', fiscalYear: YEAR, profile: 'national', unit: { name: UNIT }, funds: { projectCount: PROJECTS.length - 1 } };
  const created = await unit.call('POST', '/api/evaluations', { unitId, fiscalYear: YEAR, kind: 'department', profile: 'national', evaluation });
  if (created.status !== 201) throw new Error(`department evaluation not created: ${JSON.stringify(created.json)}`);
  departmentEvalId = String(created.json.id);
}, 240_000);

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail' && page) {
    await screenshot(page, `FAILED-project-${ctx.task.name.slice(0, 40).replace(/[^\p{L}\p{N}]+/gu, '-')}`).catch(() => undefined);
  }
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe('project self-evaluations in chromium', () => {
  it('a bad project list is refused row by row, and nothing is imported', async () => {
    await login('tianbao6');
    await chooseYear(YEAR);
    const bad: ListRow[] = [PROJECTS[0]!, ['', '缺编码的项目', UNIT, 10, 10, '', '部门项目', '', '', 10, 0], ['JX2023-009', '金额写成文字', UNIT, '一百万', 100, '', '部门项目', '', '', 100, 0], ['JX2023-010', '金额为负', UNIT, -5, 10, '', '部门项目', '', '', 0, 0]];
    await importList(await writeList('bad.xlsx', bad));
    const issues = page.locator('[data-testid=import-issues]');
    await issues.waitFor({ timeout: 30_000 });
    const text = (await issues.textContent()) ?? '';
    expect(text).toContain('第 3 行');
    expect(text).toContain('缺少项目编码');
    expect(text).toMatch(/第 4 行[\s\S]*年初预算数/);
    expect(text).toContain('第 5 行');
    await fitsScreen();
    await screenshot(page, 'p01-import-refused');
    expect(await unitList()).toEqual([]);
  }, 90_000);

  it('imports the year’s list: preview of what is new, confirm; the same list again changes nothing', async () => {
    const path = await writeList('projects.xlsx', PROJECTS);
    await importList(path);
    await page.locator('[data-testid=import-preview]').waitFor({ timeout: 30_000 });
    expect(await page.locator('[data-testid=count-new]').textContent()).toContain(String(PROJECTS.length));
    await screenshot(page, 'p02-import-preview');
    await page.getByRole('button', { name: '确认导入' }).click();
    await page.getByText('项目清单已导入').first().waitFor();
    await page.getByRole('button', { name: '查看项目' }).click();
    await page.waitForURL(/\/unit-projects/);
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    await poll(() => rows.count()).toBe(PROJECTS.length);
    expect(await page.locator('[data-testid=progress]').allTextContents()).toEqual(PROJECTS.map(() => '未填'));
    await fitsScreen();
    await screenshot(page, 'p03-unit-projects');

    await importList(path);
    await page.locator('[data-testid=import-preview]').waitFor({ timeout: 30_000 });
    expect(await page.locator('[data-testid=count-unchanged]').textContent()).toContain(String(PROJECTS.length));
    expect(await page.locator('[data-testid=count-new]').textContent()).toContain('0');
    await page.getByRole('button', { name: '确认导入' }).click();
    await page.getByText(/新增 0 个、更新 0 个、标记为不在清单 0 个/).waitFor();
    expect((await unitList()).length).toBe(PROJECTS.length);
  }, 120_000);

  it('fills one project: funds with live execution score, bad cells outlined with their row named, goals, indicators', async () => {
    await page.goto(`${base}/unit-projects`);
    await page.getByRole('link', { name: '中考考务组织' }).click();
    await page.locator('[data-testid=project-form]').waitFor();
    expect(await page.getByLabel('项目编码', { exact: true }).inputValue()).toBe('JX2023-001');

    // text in an amount, and a negative amount: each outlined in its own cell, the finding names the row
    const carryExecuted = page.getByLabel('其中：上年结转 全年执行数', { exact: true });
    await carryExecuted.fill('十八');
    await poll(() => carryExecuted.getAttribute('class')).toContain('ant-input-status-error');
    await page.locator('[data-testid=findings] li', { hasText: '其中：上年结转 › 全年执行数' }).waitFor();
    const ownExecuted = page.getByLabel('其中：本年财政拨款 全年执行数', { exact: true });
    await ownExecuted.fill('-96');
    await poll(() => ownExecuted.getAttribute('class')).toContain('ant-input-status-error');
    await page.locator('[data-testid=findings] li', { hasText: '其中：本年财政拨款 › 全年执行数' }).getByText('金额不能为负数').waitFor();
    await screenshot(page, 'p04-project-bad-cells');
    await carryExecuted.fill('18');
    await ownExecuted.fill('96');
    await poll(() => carryExecuted.getAttribute('class')).not.toContain('ant-input-status-error');

    await page.getByLabel('其中：本年财政拨款 全年预算数', { exact: true }).fill('100');
    await page.getByLabel('其中：上年结转 全年预算数', { exact: true }).fill('20');
    await page.getByLabel('年度资金总额 全年执行数', { exact: true }).fill('114');
    await page.getByLabel('预算调整说明', { exact: true }).fill('年中追加上年结转资金 20 万元用于考点视频监控改造。');
    // 114 ÷ 120 = 95%; 10 × 95% = 9.5, computed by core in the browser
    await poll(() => page.locator('[data-testid=execution-rate]').textContent()).toBe('计算 95%');
    await poll(() => page.locator('[data-testid=execution-score]').textContent()).toBe('计算 9.5');
    await page.getByLabel('预算执行率（%）', { exact: true }).fill('95');
    await page.getByLabel('预算执行率自评得分', { exact: true }).fill('9.5');

    await page.getByRole('button', { name: '+ 添加目标' }).click();
    await page.getByLabel('目标1 预期目标', { exact: true }).fill('完成全市中考考务组织，确保考试安全平稳。');
    await page.getByLabel('目标1 实际完成情况', { exact: true }).fill('设置考点 12 个，考试零差错。');

    await page.getByRole('button', { name: '按评分规则模板生成' }).click();
    const weights: string[] = [];
    const leaves: Array<[string, string, string, string]> = [
      ['数量指标', '设置考点数量', '≥12个', '12个'],
      ['社会效益指标', '考试安全事故发生率', '≤0%', '0%'],
      ['满意度指标', '考生满意度', '≥90%', '96%'],
    ];
    for (const [i, [l2, name, target, actual]] of leaves.entries()) {
      const w = await page.locator(`[data-path="indicators.${i}.weight"]`).inputValue();
      weights.push(w);
      const leaf = `indicators.${i}.children.0.children.0`;
      await page.locator(`[data-path="indicators.${i}.children.0.name"]`).fill(l2);
      await page.locator(`[data-path="${leaf}.name"]`).fill(name);
      await page.locator(`[data-path="${leaf}.target"]`).fill(target);
      await page.locator(`[data-path="${leaf}.actual"]`).fill(actual);
      await page.locator(`[data-path="${leaf}.weight"]`).fill(w);
      await page.locator(`[data-path="${leaf}.selfScore"]`).fill(w);
    }
    // every indicator met: execution score + the template's weights, as core adds them
    const expected = formatDecimal(weights.reduce((s, w) => s.plus(dec(w)), dec('9.5')), 2);
    await poll(() => page.locator('[data-testid=computed-total]').textContent()).toBe(expected);
    await page.getByLabel('自评总分', { exact: true }).fill(expected);
    await page.getByLabel('评价等级', { exact: true }).fill('优');
    await page.getByLabel('填报人', { exact: true }).fill('张老师');
    await page.getByLabel('填报日期', { exact: true }).fill(`${YEAR + 1}-03-15`);
    const saved = page.waitForResponse((r) => r.request().method() === 'PUT' && /\/api\/evaluations\/\d+$/.test(r.url()));
    await page.getByRole('button', { name: '保存草稿' }).click();
    await toast('草稿已保存');
    // The editor scores and audits live: its save asks only for the new version and the stored figures.
    const answer = await saved;
    expect([answer.status(), answer.request().headers()['prefer'], answer.headers()['preference-applied']]).toEqual([200, 'return=minimal', 'return=minimal']);
    expect(Object.keys(await answer.json()).sort()).toEqual(['corrections', 'figures', 'updatedAt', 'version']);
    // nothing wrong is left (a reminder that every indicator has full marks may remain)
    const errorCount = page.locator('.ant-card', { hasText: '审查发现' }).getByText(/^错误 \d+$/);
    await poll(() => errorCount.textContent()).toBe('错误 0');
    await fitsScreen();
    await screenshot(page, 'p05-project-editor');

    const stored = (await (await apiLogin(base, 'tianbao6')).call('GET', `/api/evaluations/${await evalIdOf('JX2023-001')}`)).json;
    expect(stored.evaluation.funds.total.executed).toBe('114');
    expect(stored.evaluation.funds.bySource.map((r: { executed: string }) => r.executed)).toEqual(['96', '18']);
    expect(stored.score.computedTotal).toBe(dec(expected).toString());
    await logout();
  }, 120_000);

  it('the unit head submits it, then several at once: an empty table cannot be ticked, a stale item is refused, the others go through', async () => {
    for (const code of ['JX2023-002', 'JX2023-003', 'ZY2023-101']) await fillViaApi(code);
    await login('fuzeren6');
    await chooseYear(YEAR);
    await page.goto(`${base}/evaluations/${await evalIdOf('JX2023-001')}`);
    await page.getByRole('button', { name: '提交审核' }).click();
    await confirm();
    await statusIs('已提交');

    await page.goto(`${base}/unit-projects`);
    const row = (code: string) => page.locator('.ant-table-tbody tr.ant-table-row', { hasText: code });
    await row('JX2023-002').waitFor();
    // 004 and 005 are still as the list made them (未填): their checkboxes are disabled, and the page says why
    for (const code of ['JX2023-004', 'JX2023-005']) {
      expect(await row(code).locator('input[type=checkbox]').isDisabled()).toBe(true);
      expect(await row(code).locator('[data-testid=blocked]').textContent()).toBe('须先处理 2 个问题');
    }
    expect(await page.locator('[data-testid=blocked-notice]').textContent()).toMatch(/^2 个项目还有提交前必须处理的问题（如尚未填写绩效指标表或自评总分/);
    expect(await row('JX2023-002').locator('[data-testid=blocked]').count()).toBe(0);
    for (const code of ['JX2023-002', 'JX2023-003', 'ZY2023-101']) await row(code).locator('input[type=checkbox]').check();
    // meanwhile the filler saves 003: the head's list now holds a stale version of it
    const filler = await apiLogin(base, 'tianbao6');
    const id3 = await evalIdOf('JX2023-003');
    const cur = (await filler.call('GET', `/api/evaluations/${id3}`)).json;
    expect((await filler.call('PUT', `/api/evaluations/${id3}`, { version: cur.version, evaluation: { ...cur.evaluation, goals: [{ expected: '组织自学考试两次' }] } })).status).toBe(200);

    await page.getByRole('button', { name: /批量提交/ }).click();
    await confirm();
    const result = page.locator('[data-testid=batch-result]');
    await result.waitFor();
    expect(await result.textContent()).toMatch(/成功 2[\s\S]*未通过 1/);
    expect(await result.locator('tr', { hasText: 'JX2023-003' }).textContent()).toContain('已被他人修改');
    await screenshot(page, 'p06-batch-submit');
    await page.getByRole('button', { name: '知道了' }).click();
    await poll(() => row('JX2023-002').locator('[data-testid=progress]').textContent()).toBe('已提交');
    expect(await row('ZY2023-101').locator('[data-testid=progress]').textContent()).toBe('已提交');
    expect(await row('JX2023-003').locator('[data-testid=progress]').textContent()).toBe('草稿');
    await logout();
  }, 90_000);

  it('the department approves; the finance bureau filters its project list, drills in and approves', async () => {
    const id1 = await evalIdOf('JX2023-001');
    await login('bumen3');
    await page.goto(`${base}/review/${id1}`);
    await page.locator('[data-testid=project-form]').waitFor();
    await page.getByRole('button', { name: '审核通过' }).click();
    await confirm();
    await statusIs('主管部门已审核');
    await logout();

    await login('caizheng');
    await chooseYear(YEAR);
    await page.goto(`${base}/projects?unitId=${unitId}`);
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    await poll(() => rows.count()).toBe(PROJECTS.length);
    await page.getByLabel('全部类型', { exact: true }).click();
    await page.locator('.ant-select-item-option', { hasText: '转移支付' }).click();
    await poll(() => rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('ZY2023-101');
    await page.goto(`${base}/projects?unitId=${unitId}&minAmount=100&maxAmount=500`);
    await poll(async () => (await rows.allTextContents()).map((t) => /JX2023-\d+/.exec(t)?.[0]).sort()).toEqual(['JX2023-001', 'JX2023-002']);
    await fitsScreen();
    await screenshot(page, 'p07-finance-projects');
    await rows.filter({ hasText: 'JX2023-001' }).getByRole('link', { name: '中考考务组织' }).click();
    await page.waitForURL(new RegExp(`/review/${id1}$`));
    await page.locator('[data-testid=execution-score]').waitFor();
    await screenshot(page, 'p08-finance-review-project');
    await page.getByRole('button', { name: '审核通过' }).click();
    await confirm();
    await statusIs('财政已审核');
    await logout();
  }, 120_000);

  it('the department evaluation shows the roll-up of its projects, each linked', async () => {
    await login('tianbao6');
    await chooseYear(YEAR);
    await page.goto(`${base}/evaluations/${departmentEvalId}`);
    const panel = page.locator('[data-testid=project-rollup]');
    await panel.waitFor();
    const api = (await (await apiLogin(base, 'tianbao6')).call('GET', `/api/evaluations/${departmentEvalId}/projects`)).json;
    expect(api.rollup.coverage.of).toBe(PROJECTS.length);
    expect(api.rollup.coverage.evaluated).toBeGreaterThanOrEqual(1);
    expect(await panel.locator('[data-testid=rollup-coverage]').textContent()).toContain(`${api.rollup.coverage.evaluated}/${api.rollup.coverage.of}`);
    const figure = async (id: string) => (await panel.locator(`[data-testid=${id}]`).textContent())!.replace(/,/g, '');
    expect(await figure('rollup-adjusted')).toContain(formatDecimal(dec(api.rollup.funds.adjusted.sum), 2, true));
    expect(await figure('rollup-average')).toContain(formatDecimal(dec(api.rollup.computedScores.average), 2));
    // the report states one project fewer than it has: a roll-up finding, from the server's audit
    const countFinding = panel.locator('[data-testid=findings] li', { hasText: `共有 ${PROJECTS.length - 1} 个项目` });
    await countFinding.waitFor();
    await panel.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();
    expect(await panel.locator('.ant-table-tbody tr.ant-table-row').count()).toBe(PROJECTS.length);
    await panel.scrollIntoViewIfNeeded();
    await screenshot(page, 'p09-department-rollup');
    // the finding jumps to the stated 项目个数 in the department's form; corrected and saved, the comparison agrees
    await countFinding.click();
    await poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-path'))).toBe('funds.projectCount');
    await page.getByLabel('项目个数', { exact: true }).fill(String(PROJECTS.length));
    await page.getByRole('button', { name: '保存草稿' }).click();
    await toast('草稿已保存');
    await panel.locator('[data-testid=rollup-consistent]').waitFor();
    await panel.getByRole('link', { name: '中考考务组织' }).click();
    await page.waitForURL(new RegExp(`/evaluations/${await evalIdOf('JX2023-001')}$`));
    await statusIs('财政已审核');
  }, 90_000);

  it('the unit exports its workbook: a real .xlsx with the project’s sheet and the 汇总表', async () => {
    await page.goto(`${base}/unit-projects`);
    await page.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();
    const [file] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByRole('button', { name: /导出项目自评表/ }).click()]);
    expect(file.suggestedFilename()).toMatch(/\.xlsx$/);
    const bytes = readFileSync((await file.path())!);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const names = wb.worksheets.map((w) => w.name);
    expect(names).toContain('项目自评结果汇总表');
    expect(names).toContain('中考考务组织');
    const text: string[] = [];
    wb.getWorksheet('中考考务组织')!.eachRow((r) => r.eachCell((c) => text.push(String(typeof c.value === 'object' && c.value && 'result' in c.value ? c.value.result : c.text))));
    expect(text.join('|')).toContain('JX2023-001');
    expect(text).toContain('114');
    await logout();
  }, 90_000);

  it('no uncaught errors in the page during the walk', () => {
    expect(browser.errors).toEqual([]);
  });
});
