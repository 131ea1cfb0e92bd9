/**
 * The year before the self-evaluation, walked in a real browser against the real server (demo
 * region): finance opens the 2025 task (a due date before the opening date refused); a unit
 * (市动物疫病预防控制中心) lands in 2025, files its targets as a tree with the checklist, the department and
 * finance approve; one adjustment; a July monitoring return with one red light; 生成自评 — the
 * self-evaluation cannot change an approved target; the unit completes the report (chapters with
 * the template's guidance, 评价工作组, dates) and submits; the finance progress board shows the
 * unit as 已报; the exported report has no placeholder. Also: the header names the role once,
 * "updated at" follows a save, and the indicator table fits a 1366-wide screen.
 */
import type { Page } from 'playwright-core';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { apiLogin, screenshot, steps, useBrowserApp } from './harness.js';

let page: Page;
let base: string;
let targetId: string;
let evalId: string;
const { login, logout, chooseYear, confirm, toast, statusIs } = steps(() => page, () => base);

/** Dates relative to today in China (UTC+8), as the server reckons them. */
const day = (offset: number) => new Date(Date.now() + 8 * 3600_000 + offset * 86_400_000).toISOString().slice(0, 10);
const UNIT = '市动物疫病预防控制中心';

/** Opens an app path, with the hash router (#/tasks) or the history router (/tasks), whichever the app uses. */
async function go(path: string): Promise<void> {
  await page.goto(page.url().includes('/#/') ? `${base}/#${path}` : `${base}${path}`);
}

async function fill(path: string, value: string): Promise<void> {
  await page.locator(`[data-path="${path}"]`).fill(value);
}

async function targetStatus(text: string): Promise<void> {
  await expect.poll(() => page.locator('[data-testid=target-status]').first().textContent(), { timeout: 15_000 }).toBe(text);
}

useBrowserApp('annual', (s) => {
  ({ page, base } = s);
});

describe('the year before the self-evaluation, in chromium', () => {
  it('finance opens the 2025 task; a due date before the opening date is refused', async () => {
    await login('caizheng');
    await chooseYear(2025);
    await go(`/tasks`);
    await page.locator('[data-testid=task-form]').waitFor();
    await page.getByLabel('开始日期', { exact: true }).fill(day(-10));
    await page.getByLabel('报送截止日期').fill(day(-20));
    await page.getByLabel('监控开始日期').fill(day(-5));
    await page.getByLabel('监控截止日期').fill(day(5));
    await page.getByLabel('通知').fill('请各单位按时完成 2025 年度绩效自评。');
    await page.getByRole('button', { name: '发布年度任务' }).click();
    await page.getByText(/报送截止日期 .* 早于开始日期/).first().waitFor();
    await page.getByLabel('报送截止日期').fill(day(30));
    await page.getByRole('button', { name: '发布年度任务' }).click();
    await toast('2025 年度任务已发布');
    await page.locator('[data-testid=progress-board]').waitFor();
    await screenshot(page, '20-annual-task');
    await logout();
  }, 90_000);

  it('the unit lands in 2025, files targets as a tree with the checklist; department and finance approve', async () => {
    await login('fuzeren4');
    await expect.poll(() => page.locator('header .ant-select').textContent()).toContain('2025 年度');
    await page.locator('[data-testid=task-notice]').getByText('请各单位按时完成 2025 年度绩效自评。').waitFor();
    const who = (await page.locator('[data-testid=user-unit]').textContent()) ?? '';
    expect(who.split('单位负责人').length - 1).toBe(1);
    expect(who.split(UNIT).length - 1).toBe(1);
    await go(`/targets`);
    await page.getByRole('button', { name: '申报绩效目标' }).click();
    await page.locator('[data-testid=target-tree]').waitFor();
    await page.getByLabel('年度总体目标').fill('完成年度教育教学任务，提升教学质量。');
    const leaves: Array<[string, string, string, string, string]> = [
      ['indicators.0.children.0.children.0', '在校学生人数', '1200', '人', '15'],
      ['indicators.0.children.1.children.0', '学业水平考试合格率', '95', '%', '15'],
      ['indicators.0.children.2.children.0', '教学计划完成时间', '12', '月', '10'],
      ['indicators.0.children.3.children.0', '生均公用经费', '1000', '元', '10'],
      ['indicators.1.children.0.children.0', '初中升学率', '90', '%', '30'],
      ['indicators.2.children.0.children.0', '家长满意度', '90', '%', '10'],
    ];
    for (const [p, name, value, unit, weight] of leaves) {
      await fill(`${p}.name`, name);
      await fill(`${p}.unitOfMeasure`, unit);
      await fill(`${p}.weight`, weight);
      if (p !== 'indicators.0.children.0.children.0') await fill(`${p}.value`, value);
    }
    // time and cost are upper bounds: 指标性质 ≤ (options ≥ > = ≤ < 定性; ≥ is selected)
    for (const name of ['教学计划完成时间', '生均公用经费']) {
      await page.getByLabel(`${name} 指标性质`).click();
      for (let n = 0; n < 3; n++) await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
    }
    // a target with no value is named in its own cell; then filled
    await page.getByText('缺少指标值').first().waitFor();
    await fill('indicators.0.children.0.children.0.value', '1200');
    await expect.poll(() => page.locator('[data-testid=quality-checklist] [data-passed=false]').count()).toBe(0);
    await screenshot(page, '21-targets-filing');
    await page.getByRole('button', { name: '保存草稿' }).click();
    await toast('已保存草稿');
    await page.waitForURL(/\/targets\/\d+$/);
    targetId = /\/targets\/(\d+)$/.exec(page.url())![1]!;
    const filed = (await (await apiLogin(base, 'fuzeren4')).call('GET', `/api/targets/${targetId}`)).json;
    expect(filed.tree.indicators[0].children.map((l2: { children: { sign: string }[] }) => l2.children[0]!.sign)).toEqual(['>=', '>=', '<=', '<=']);
    await page.getByRole('button', { name: /^申\s*报$/ }).click();
    await confirm();
    await targetStatus('已申报，待主管部门审核');
    await logout();

    await login('bumen2');
    await go(`/targets/${targetId}`);
    await page.getByRole('button', { name: '审核通过' }).click();
    await confirm();
    await targetStatus('主管部门已审核，待财政批复');
    await logout();

    await login('caizheng');
    await go(`/targets/${targetId}`);
    await page.getByRole('button', { name: '审核通过' }).click();
    await confirm();
    await targetStatus('已批复');
    await logout();
  }, 180_000);

  it('one adjustment with a reason, approved by the department and finance', async () => {
    await login('fuzeren4');
    await go(`/targets/${targetId}`);
    await page.getByRole('button', { name: '申请目标调整' }).click();
    await fill('indicators.0.children.0.children.0.value', '1150');
    await page.getByLabel('调整理由').fill('秋季招生计划调减 50 人');
    await page.getByRole('button', { name: '提交调整申请' }).click();
    await toast('调整申请已提交');
    await logout();
    for (const who of ['bumen2', 'caizheng']) {
      await login(who);
      await go(`/targets/${targetId}`);
      await page.getByRole('button', { name: '审核通过' }).first().click();
      await confirm();
      await toast('已办理');
      await logout();
    }
    const fin = await apiLogin(base, 'caizheng');
    const t = (await fin.call('GET', `/api/targets/${targetId}`)).json;
    expect(t.versions.map((v: { versionNo: number }) => v.versionNo)).toEqual([1, 2]);
    expect(t.adjustments[0].status).toBe('approved');
  }, 150_000);

  it('a July monitoring return with one red light', async () => {
    await login('fuzeren4');
    await go(`/targets/${targetId}`);
    await page.getByRole('button', { name: /填报 1–7月 运行监控/ }).click();
    await page.waitForURL(/\/monitoring\/\d+$/);
    await page.getByLabel('全年预算数').fill('300');
    await page.getByLabel('截至期末执行数').fill('170');
    const names = ['在校学生人数', '学业水平考试合格率', '教学计划完成时间', '生均公用经费', '初中升学率', '家长满意度'];
    for (const n of names) {
      await page.getByLabel(`${n} 截至目前完成值`).fill('进展正常');
      await page.locator(`[data-willmeet="${n}"] .ant-radio-button-wrapper`).getByText(n === '初中升学率' ? '不能' : '能', { exact: true }).click();
    }
    await page.getByLabel('初中升学率 原因').fill('部分学生转学');
    await page.getByLabel('初中升学率 纠偏措施').fill('加强毕业班辅导');
    await page.getByRole('button', { name: /^保\s*存$/ }).click();
    await toast('监控表已保存');
    await expect.poll(() => page.locator('[data-testid=red-count]').textContent()).toBe('1 个红灯');
    expect(await page.locator('[data-light=red]').count()).toBe(1);
    await page.getByRole('button', { name: /^报\s*送$/ }).click();
    await toast('已报送财政局');
    await screenshot(page, '22-monitoring');
  }, 90_000);

  it('生成自评: the approved targets are read-only, the initial target shown beside the adjusted one', async () => {
    await go(`/targets/${targetId}`);
    await page.getByRole('button', { name: '生成自评' }).click();
    await page.waitForURL(/\/evaluations\/\d+$/);
    evalId = /\/evaluations\/(\d+)$/.exec(page.url())![1]!;
    await page.locator('[data-testid=from-targets]').waitFor();
    const target = page.locator('[data-path="indicators.0.children.0.children.0.target"]');
    expect(await target.evaluate((el) => el.tagName)).toBe('SPAN');
    expect(await target.textContent()).toBe('≥1150人');
    await page.locator('[data-testid=initial-target]').getByText('年初：≥1200人').waitFor();
    // the server refuses a changed target too
    const head = await apiLogin(base, 'fuzeren4');
    const cur = (await head.call('GET', `/api/evaluations/${evalId}`)).json;
    const changed = structuredClone(cur.evaluation);
    changed.indicators[0].children[0].children[0].target = '≥1000人';
    const res = await head.call('PUT', `/api/evaluations/${evalId}`, { version: cur.version, evaluation: changed });
    expect(res.status).toBe(422);
    expect(res.json.error.code).toBe('APPROVED_TARGET_LOCKED');
  }, 60_000);

  it('the unit completes the report (chapters with guidance, team, dates) and submits', async () => {
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.reload();
    await page.locator('[data-testid=indicator-table]').waitFor();
    const fits = await page.locator('[data-testid=indicator-table]').evaluate((t) => t.parentElement!.scrollWidth <= t.parentElement!.clientWidth + 1);
    expect(fits).toBe(true);
    const amounts: Array<[string, string]> = [['funds.total.initial', '300'], ['funds.total.adjusted', '300'], ['funds.total.executed', '291'], ['budgetExecution.selfScore', '9.7']];
    for (const [p, v] of amounts) await fill(p, v);
    const leaves = ['0.children.0', '0.children.1', '0.children.2', '0.children.3', '1.children.0', '2.children.0'];
    const actual = ['1160人', '96%', '12月', '980元', '88%', '93%'];
    const scores = ['15', '15', '10', '10', '29', '10'];
    for (const [k, leaf] of leaves.entries()) {
      await fill(`indicators.${leaf}.children.0.actual`, actual[k]!);
      await fill(`indicators.${leaf}.children.0.selfScore`, scores[k]!);
    }
    await fill('indicators.1.children.0.children.0.deviationReason', '部分学生转学，初中升学率略低于目标；已加强毕业班辅导。');
    await expect.poll(() => page.locator('[data-testid=level-score]').first().textContent()).toContain('得分 50');
    await fill('totals.statedScore', '98.7');
    await fill('totals.statedGrade', '优');
    await fill('goals.0.achieved', '全年完成教育教学任务，学业水平考试合格率 96%。');
    await page.getByRole('button', { name: '填写基础数据表' }).click();
    await fill('baseData.staffing.authorized', '120');
    await fill('baseData.staffing.actual', '118');
    const chapters = page.locator('#h-chapters');
    await chapters.waitFor();
    await page.getByText('填写说明：').first().waitFor();
    for (const label of ['单位基本情况（职能、机构设置）', '自评工作开展情况（组织、方法、过程）', '存在的问题及原因', '改进措施', '结果应用和公开情况', '其他需要说明的情况']) {
      await page.getByLabel(label, { exact: true }).fill(`${label.replace(/（.*）/, '')}：本单位按实际情况撰写。`);
    }
    await page.getByRole('button', { name: '+ 添加成员' }).click();
    await page.getByLabel('工作组成员1 姓名').fill('张校长');
    await fill('dates.reportDate', day(0));
    const before = await page.locator('text=/更新于/').first().textContent();
    await page.getByRole('button', { name: '保存草稿' }).click();
    await toast('草稿已保存');
    await expect.poll(() => page.locator('text=/更新于/').first().textContent()).not.toBe(before);
    await page.locator('[data-testid=report-complete]').waitFor({ timeout: 20_000 });
    await screenshot(page, '23-report-complete');
    const stored = (await (await apiLogin(base, 'fuzeren4')).call('GET', `/api/evaluations/${evalId}`)).json;
    expect(stored.submission.blocking.map((f: { rule: string; message: string }) => `${f.rule}: ${f.message}`)).toEqual([]);
    await page.getByRole('button', { name: '提交审核' }).click();
    await confirm();
    await statusIs('已提交');
    await logout();
  }, 180_000);

  it('the finance progress board shows the unit as 已报, and the exported report has no placeholder', async () => {
    await login('caizheng');
    await chooseYear(2025);
    await go(`/tasks`);
    const row = page.locator('[data-testid=unit-progress] tr', { hasText: UNIT });
    await expect.poll(() => row.locator('[data-testid=unit-state]').textContent(), { timeout: 15_000 }).toBe('已报');
    await screenshot(page, '24-progress-board');
    const fin = await apiLogin(base, 'caizheng');
    const res = await fetch(`${base}/api/evaluations/${evalId}/export?format=docx`, { headers: { cookie: fin.cookie } });
    expect(res.status).toBe(200);
    const xml = strFromU8(unzipSync(new Uint8Array(await res.arrayBuffer()))['word/document.xml']!);
    expect(xml).not.toContain('待填写');
    expect(xml).toContain('张校长');
    await logout();
  }, 90_000);
});
