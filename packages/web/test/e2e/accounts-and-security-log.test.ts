/**
 * 系统管理 in a real browser against the real server (demo region): the administrator creates an
 * account (a weak initial password refused on the field, in Chinese) and resets another's password;
 * each user then logs in, is shown nothing but the password change, changes it and lands on their
 * home page; the accounts list stops saying 须修改密码; the administrator's 安全日志 shows the new
 * account, the reset and the password changes, filtered by event type and paged.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot, steps, useBrowserApp } from './harness.js';

let page: Page;
let base: string;
const { login, logout, toast } = steps(() => page, () => base);

const INITIAL = 'Chushi-Mima-2026';
const RESET = 'Chongzhi-Mima-2026';

useBrowserApp('accounts', (s) => {
  ({ page, base } = s);
});

async function menu(label: string): Promise<void> {
  await page.getByRole('navigation', { name: '主导航' }).getByText(label, { exact: true }).click();
}

/** Picks an option of the antd Select in the form item labelled `label` (inside the open dialog). */
async function pick(label: string, option: string): Promise<void> {
  const item = page.locator('.ant-modal .ant-form-item', { hasText: label });
  await item.locator('.ant-select').click();
  await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${option}"]`).click();
  await expect.poll(() => item.textContent()).toContain(option);
}

function row(username: string) {
  return page.locator('[data-testid=accounts] tr', { has: page.getByRole('cell', { name: username, exact: true }) });
}

/** The error antd shows under a form item. */
function fieldError(label: string) {
  return page.locator('.ant-modal .ant-form-item', { hasText: label }).locator('.ant-form-item-explain-error');
}

/** A user with an initial password logs in, is held on the password change, changes it, and lands on the home page. */
async function firstLogin(username: string, initial: string, own: string): Promise<void> {
  await page.goto(`${base}/login`);
  await page.fill('#login-username', username);
  await page.fill('#login-password', initial);
  await page.click('button[type=submit]');
  await page.getByText('请先修改初始密码').waitFor();
  expect(await page.locator('[data-testid=user-unit]').count()).toBe(0);
  await page.fill('#change-current-password', initial);
  await page.fill('#change-new-password', own);
  await page.fill('#change-confirm-password', own);
  await page.getByRole('button', { name: '修改密码' }).click();
  await page.locator('[data-testid=user-unit]').waitFor();
  expect(new URL(page.url()).pathname).toBe('/');
  await page.getByRole('navigation', { name: '主导航' }).getByText('我的待办').waitFor();
}

/**
 * The dialog's OK button by its text. Not by its accessible name: after a refused first try,
 * antd can leave the spent loading icon (aria-label "loading") in the button while its leave
 * animation never ends, so the name reads "loading 新 建" though the button shows 新建 and works.
 */
const okButton = (text: string) => page.locator('.ant-modal-footer .ant-btn-primary').filter({ hasText: new RegExp(`^${[...text].join('\\s*')}$`) });

describe('accounts, 重置密码 and 安全日志, in chromium', () => {
  it('the administrator creates an account (a weak password refused on the field) and resets another’s password', async () => {
    await login('admin');
    await menu('账号管理');
    await page.waitForURL(/\/admin\/users$/);
    await row('tianbao1').waitFor();
    expect(await row('tianbao1').getByText('须修改密码').count()).toBe(0);
    await page.getByRole('button', { name: '新建账号' }).click();
    await page.fill('#account-username', 'xinzhanghao');
    await page.fill('#account-display-name', '新填报人');
    await pick('角色', '填报人');
    await pick('所属单位', '市动物疫病预防控制中心');
    await page.fill('#account-password', 'short');
    await okButton('新建').click();
    await expect.poll(() => fieldError('初始密码').textContent()).toMatch(/[\u4e00-\u9fff]/);
    expect(await fieldError('初始密码').textContent()).toMatch(/10/);
    await page.fill('#account-password', INITIAL);
    await okButton('新建').click();
    await toast(/已新建账号 xinzhanghao/);
    await row('xinzhanghao').getByText('须修改密码').waitFor();

    await row('tianbao1').getByRole('button', { name: '重置密码' }).click();
    await page.locator('.ant-modal-title').getByText('重置密码：').waitFor();
    await page.fill('#reset-password', 'tianbao1-abc');
    await okButton('重置').click();
    await expect.poll(() => fieldError('新的初始密码').textContent()).toMatch(/[\u4e00-\u9fff]/);
    await page.fill('#reset-password', RESET);
    await okButton('重置').click();
    await toast(/已重置 tianbao1 的密码/);
    await row('tianbao1').getByText('须修改密码').waitFor();
    await screenshot(page, '27-accounts');
    await logout();
  }, 90_000);

  it('each user must change the initial password at first login, then lands on their home page', async () => {
    await firstLogin('xinzhanghao', INITIAL, 'Wode-Mima-2026');
    expect(await page.locator('[data-testid=user-unit]').textContent()).toContain('市动物疫病预防控制中心');
    await logout();
    await firstLogin('tianbao1', RESET, 'Tianbao-Mima-2026');
    await logout();
  }, 90_000);

  it('the administrator’s 安全日志 shows the new account, the reset and the password changes; filtered and paged', async () => {
    await login('admin');
    await menu('账号管理');
    await row('xinzhanghao').waitFor();
    expect(await row('xinzhanghao').getByText('须修改密码').count()).toBe(0);
    expect(await row('tianbao1').getByText('须修改密码').count()).toBe(0);
    await menu('安全日志');
    await page.waitForURL(/\/admin\/security-events$/);
    const table = page.locator('[data-testid=security-events]');
    const rowOf = (event: string, text: string) => table.locator('tbody tr', { hasText: event }).filter({ hasText: text });
    await rowOf('新建账号', '账号 xinzhanghao（新填报人，').waitFor();
    await rowOf('管理员重置密码', '账号 tianbao1，下次登录须修改密码').waitFor();
    expect(await rowOf('修改密码', '新填报人').count()).toBeGreaterThan(0);
    expect(await table.locator('thead th').allTextContents()).toEqual(['时间', '事件', '账号/操作人', '地址', '详情']);
    await screenshot(page, '28-security-log');

    await page.locator('[data-testid=security-filter]').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option[title="管理员重置密码"]').click();
    await page.waitForURL(/action=user\.password_reset/);
    await expect.poll(() => table.locator('tbody tr.ant-table-row').count()).toBe(1);
    expect(await table.locator('tbody tr.ant-table-row').textContent()).toContain('tianbao1');

    // twelve sign-ins with unknown user names: more than a page of events in all
    for (let i = 0; i < 12; i++) {
      const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: `nobody-${i}`, password: 'x' }) });
      expect(res.status).toBe(401);
    }
    await page.locator('[data-testid=security-filter]').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option[title="全部事件"]').click();
    await rowOf('登录失败', '用户名 nobody-11；原因：用户名不存在').waitFor();
    // a page holds 20; logins, logouts, changes and the two accounts make more
    await expect.poll(() => table.locator('tbody tr.ant-table-row').count()).toBe(20);
    const firstPage = await table.locator('tbody tr.ant-table-row').first().textContent();
    await page.locator('.ant-pagination-item-2').click();
    await page.waitForURL(/page=2/);
    await expect.poll(async () => (await table.locator('tbody tr.ant-table-row').first().textContent()) !== firstPage).toBe(true);
    await logout();
  }, 90_000);
});
