/**
 * Browser-test harness: builds the web app, starts the real server (PGlite in a temp
 * folder, demo region loaded), and drives Debian's chromium through playwright-core.
 * Chromium missing is a failure with the install command, never a skip.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';

export const WEB_DIR = fileURLToPath(new URL('../..', import.meta.url));
export const DIST_DIR = join(WEB_DIR, 'dist');
export const SHOTS_DIR = join(WEB_DIR, 'test-artifacts', 'screenshots');
/** ../shared/reference beside the repository (JIXIAO_SHARED_DIR elsewhere); a plain clone has none. */
export const SHARED_DIR = process.env.JIXIAO_SHARED_DIR ?? join(WEB_DIR, '../../../shared/reference');
export const SEEDS_DIR = join(SHARED_DIR, 'seeds');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const PASSWORD = 'jixiao-demo-2026';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function requireChromium(path: string = CHROMIUM): void {
  if (!existsSync(path)) {
    throw new Error(
      `找不到 Chromium（${path}）。浏览器测试需要它，请以 root 安装：apt-get install -y --no-install-recommends chromium fonts-noto-cjk（或设置 CHROMIUM_PATH）`,
    );
  }
}

/** Builds packages/web/dist with the project's vite config (the server serves it at `/`). */
export function buildWeb(): void {
  const require = createRequire(import.meta.url);
  const viteBin = join(dirname(require.resolve('vite/package.json')), 'bin', 'vite.js');
  const r = spawnSync(process.execPath, [viteBin, 'build', WEB_DIR, '--logLevel', 'warn'], {
    encoding: 'utf8',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (r.status !== 0) throw new Error(`vite build failed:\n${r.stdout}\n${r.stderr}`);
}

export interface RunningApp {
  url: string;
  close(): Promise<void>;
}

export const ROOT_DIR = fileURLToPath(new URL('../../../..', import.meta.url));

/**
 * Starts the real server in its own Node process (tsx, jixiao-source condition), as
 * `scripts/dev-server.mts` does, on a free port with a fresh PGlite folder. A separate
 * process, because inside vitest the workspace packages the server loads lazily
 * (@jixiao/documents, @jixiao/import) do not resolve to their sources.
 */
export async function startApp(): Promise<RunningApp> {
  // While working on a walk: JIXIAO_E2E_URL=http://127.0.0.1:8080 reuses a running dev server (fresh data assumed).
  const reuse = process.env.JIXIAO_E2E_URL;
  if (reuse) return { url: reuse.replace(/\/$/, ''), close: async () => {} };
  const dataDir = mkdtempSync(join(tmpdir(), 'jixiao-web-e2e-'));
  const child = spawn(process.execPath, ['--conditions=jixiao-source', '--import', 'tsx', join(WEB_DIR, 'scripts', 'dev-server.mts')], {
    cwd: ROOT_DIR,
    env: { ...process.env, NODE_ENV: 'production', JIXIAO_DATA: dataDir, JIXIAO_PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in 180 s:\n${out}`)), 180_000);
    const onData = (b: Buffer) => {
      out += b.toString();
      const m = /READY (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (b: Buffer) => (out += b.toString()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}):\n${out}`));
    });
  });
  return {
    url,
    async close() {
      child.removeAllListeners('exit');
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface Browser {
  context: BrowserContext;
  page: Page;
  /** Uncaught page errors seen so far (a page error fails the walk). */
  errors: string[];
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<Browser> {
  requireChromium();
  const userDataDir = mkdtempSync(join(tmpdir(), 'jixiao-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    acceptDownloads: true,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return {
    context,
    page,
    errors,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** A fresh non-persistent browser context with options (e.g. JavaScript disabled). */
export async function launchPlainContext(options: Parameters<import('playwright-core').Browser['newContext']>[0]): Promise<{ page: Page; close(): Promise<void> }> {
  requireChromium();
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 900 }, ...options });
  const page = await context.newPage();
  return { page, close: () => browser.close() };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SHOTS_DIR, { recursive: true });
  const path = join(SHOTS_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Minimal API client for test set-up that happens "elsewhere" (another user's session). */
export async function apiLogin(base: string, username: string): Promise<{ cookie: string; csrf: string; call: (method: string, path: string, body?: unknown) => Promise<{ status: number; json: any }> }> {
  const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: PASSWORD }) });
  if (!res.ok) throw new Error(`login ${username}: ${res.status}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const call = async (method: string, path: string, body?: unknown) => {
    const r = await fetch(`${base}${path}`, {
      method,
      headers: { cookie, 'x-csrf-token': csrfToken, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
    const text = await r.text();
    let json: unknown = null;
    try {
      json = JSON.parse(text);
    } catch {
      json = text;
    }
    return { status: r.status, json };
  };
  return { cookie, csrf: csrfToken, call };
}

/** The steps every walk repeats, bound to the walk's page and server (read when a step runs). */
export function steps(pageOf: () => Page, base: () => string) {
  return {
    async login(username: string): Promise<void> {
      const page = pageOf();
      await page.goto(`${base()}/login`);
      await page.fill('#login-username', username);
      await page.fill('#login-password', PASSWORD);
      await page.click('button[type=submit]');
      await page.waitForSelector('[data-testid=user-unit]');
    },
    async logout(): Promise<void> {
      await pageOf().getByRole('button', { name: /^退\s*出$/ }).click();
      await pageOf().waitForSelector('#login-username');
    },
    async chooseYear(year: number): Promise<void> {
      await pageOf().locator('header .ant-select').click();
      await pageOf().locator('.ant-select-item-option', { hasText: `${year} 年度` }).click();
    },
    /**
     * OK in the open confirmation dialog. On a loaded machine the first click was seen lost (the
     * dialog still open, no request sent, CI's review walk then timing out): when no request left
     * within 8 s and the dialog is still there, it is clicked once more, with a warning in the log.
     * Never a second action: antd ignores clicks on a button busy with its onOk, and a click whose
     * request went out is not repeated.
     */
    async confirm(): Promise<void> {
      const page = pageOf();
      const ok = page.locator('.ant-modal-confirm .ant-btn-primary');
      for (let attempt = 1; attempt <= 2; attempt++) {
        const sent = page
          .waitForRequest((r) => r.method() !== 'GET' && new URL(r.url()).pathname.startsWith('/api/'), { timeout: 8_000 })
          .then(() => true, () => false);
        await ok.click();
        if (await sent) return;
        if ((await ok.count()) === 0) return; // closed without a request of its own
        console.warn(`confirm(): 第 ${attempt} 次点击“确定”后 8 秒内没有发出请求，对话框仍然打开`);
      }
      throw new Error('确认对话框：点击“确定”两次都没有发出请求，对话框仍然打开');
    },
    async toast(text: string | RegExp): Promise<void> {
      await pageOf().locator('.ant-message').getByText(text).first().waitFor({ timeout: 15_000 });
    },
    async statusIs(text: string): Promise<void> {
      await expect.poll(() => pageOf().locator('[data-testid=status]').textContent(), { timeout: 15_000 }).toBe(text);
    },
  };
}

/**
 * The usual frame of a browser walk: before it, the web build, the demo server and chromium
 * (`ready` receives them); after a failed test, a screenshot named `FAILED-<shots>-<test>`;
 * after the file, chromium and the server closed.
 */
export function useBrowserApp(shots: string, ready: (s: { app: RunningApp; browser: Browser; page: Page; base: string }) => void): void {
  let app: RunningApp | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    requireChromium();
    buildWeb();
    app = await startApp();
    browser = await launchBrowser();
    browser.page.setDefaultTimeout(20_000);
    ready({ app, browser, page: browser.page, base: app.url });
  }, 240_000);
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail' && browser) {
      await screenshot(browser.page, `FAILED-${shots}-${ctx.task.name.slice(0, 40).replace(/[^\p{L}\p{N}]+/gu, '-')}`).catch(() => undefined);
    }
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });
}
