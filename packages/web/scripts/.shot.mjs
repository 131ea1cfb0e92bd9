import { chromium } from 'playwright-core';
const [,, user, ...paths] = process.argv;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu','--disable-quic','--no-first-run','--disable-background-networking','--disable-component-update','--disable-sync'] });
const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
await ctx.addInitScript(() => localStorage.setItem('jx.year', '2023'));
const page = await ctx.newPage();
page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') console.log('CONSOLE', m.type(), m.text().slice(0, 300)); });
page.on('pageerror', (e) => console.log('PAGEERROR', e.message));
const base = 'http://127.0.0.1:8080/';
if (user !== '-') {
  await page.goto(base + '#/login');
  await page.fill('#login-username', user);
  await page.fill('#login-password', 'jixiao-demo-2026');
  await page.click('button[type=submit]');
  await page.waitForSelector('[data-testid=user-unit]');
}
let i = 0;
for (const p of paths) {
  await page.goto(base + '#' + p);
  await page.waitForTimeout(2000);
  if (process.env.SEL) await page.locator(process.env.SEL).first().screenshot({ path: `/tmp/jx-web-dev/shot-${i++}.png` });
  else await page.screenshot({ path: `/tmp/jx-web-dev/shot-${i++}.png`, fullPage: !!process.env.FULL });
}
await browser.close();
