/**
 * The public portal on a phone (390 px) and on a laptop (1366 px): the list and a public report,
 * screenshots saved, and each page checked from the DOM — no two pieces of text overlap (the
 * boxes of every visible text run, pairwise) and the page never scrolls sideways. Then the
 * server's plain-HTML first render with JavaScript disabled (title, heading, the funds table),
 * shareable addresses, the deep link served to the app, and a real 404 for an unknown report.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { buildWeb, launchBrowser, launchPlainContext, screenshot, startApp, type Browser, type RunningApp } from './harness.js';

/** Runs in the page: every visible text run's boxes, and the pairs that intersect (by more than 1 px). */
function textOverlaps(): { boxes: number; overlaps: string[]; scrollWidth: number; innerWidth: number } {
  type Box = { l: number; t: number; r: number; b: number; text: string };
  const boxes: Box[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode as Text;
    const text = (node.textContent ?? '').trim();
    const el = node.parentElement;
    if (!text || !el || el.closest('style,script,noscript,[aria-hidden=true]')) continue;
    const st = getComputedStyle(el);
    if (st.visibility === 'hidden' || st.display === 'none' || Number(st.opacity) === 0) continue;
    // What a scroll box (overflow other than visible) hides is not on screen: clip to every such ancestor.
    let clip = { l: -Infinity, t: -Infinity, r: Infinity, b: Infinity };
    for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
      const s = getComputedStyle(a);
      if (s.overflowX === 'visible' && s.overflowY === 'visible') continue;
      const c = a.getBoundingClientRect();
      clip = { l: Math.max(clip.l, c.left), t: Math.max(clip.t, c.top), r: Math.min(clip.r, c.right), b: Math.min(clip.b, c.bottom) };
    }
    const range = document.createRange();
    range.selectNodeContents(node);
    for (const r of Array.from(range.getClientRects())) {
      const l = Math.max(r.left, clip.l);
      const t = Math.max(r.top, clip.t);
      const right = Math.min(r.right, clip.r);
      const bottom = Math.min(r.bottom, clip.b);
      if (right - l < 1 || bottom - t < 1) continue;
      boxes.push({ l: l + scrollX, t: t + scrollY, r: right + scrollX, b: bottom + scrollY, text: text.slice(0, 24) });
    }
  }
  const overlaps: string[] = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      const w = Math.min(a.r, b.r) - Math.max(a.l, b.l);
      const h = Math.min(a.b, b.b) - Math.max(a.t, b.t);
      if (w > 1 && h > 1) overlaps.push(`“${a.text}” × “${b.text}”`);
    }
  }
  return { boxes: boxes.length, overlaps, scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth };
}

async function checkLayout(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(300); // let antd finish measuring table columns
  await screenshot(page, name);
  const r = await page.evaluate(textOverlaps);
  expect(r.boxes, `${name}: text on the page`).toBeGreaterThan(10);
  expect(r.overlaps, `${name}: overlapping text`).toEqual([]);
  expect(r.scrollWidth, `${name}: no sideways scroll of the page`).toBeLessThanOrEqual(r.innerWidth);
}

describe('public portal on phones and on the web', () => {
  let app: RunningApp;
  let b: Browser;
  let base = '';
  let reportId = '';
  let reportTitle = '';

  beforeAll(async () => {
    buildWeb();
    app = await startApp();
    base = app.url;
    b = await launchBrowser();
    const list = (await (await fetch(`${base}/api/public/reports?pageSize=5`)).json()) as { items: Array<{ id: number; title: string }> };
    expect(list.items.length, 'the demo region has published reports').toBeGreaterThan(0);
    reportId = String(list.items[0]!.id);
  }, 300_000);
  afterAll(async () => {
    await b?.close();
    await app?.close();
  });

  for (const width of [390, 1366]) {
    it(`the list and a report at ${width} px: nothing overprints, no sideways scroll`, async () => {
      const page = b.page;
      await page.setViewportSize({ width, height: width < 500 ? 844 : 900 });
      await page.goto(`${base}/public`);
      await page.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();
      await checkLayout(page, `public-portal-${width}`);

      await page.locator('.ant-table-tbody tr.ant-table-row a').first().click();
      await page.waitForURL(/\/public\/reports\/\d+$/);
      await page.locator('[data-testid=public-funds] .ant-table-row').first().waitFor();
      await page.getByText('系统审查结果').waitFor();
      expect(await page.title()).toMatch(/年度.*绩效自评.*预算绩效自评公开$/);
      reportTitle = await page.title();
      await checkLayout(page, `public-report-${width}`);
    }, 120_000);
  }

  it('a report has a shareable address: the deep link opens it in the app, with its title', async () => {
    const page = b.page;
    await page.setViewportSize({ width: 1366, height: 900 });
    const res = await page.goto(`${base}/public/reports/${reportId}`);
    expect(res?.status()).toBe(200);
    await page.locator('[data-testid=public-funds] .ant-table-row').first().waitFor();
    expect(page.url()).toBe(`${base}/public/reports/${reportId}`);
    expect(await page.title()).toContain('绩效自评');
    expect(b.errors).toEqual([]);
  }, 60_000);

  it('with JavaScript disabled the server’s first render is readable: title, heading, the funds table', async () => {
    const plain = await launchPlainContext({ javaScriptEnabled: false });
    try {
      const page = plain.page;
      const res = await page.goto(`${base}/public/reports/${reportId}`);
      expect(res?.status()).toBe(200);
      expect(await page.title()).toMatch(/年度.*绩效自评/);
      if (reportTitle) expect(await page.title()).toBe(reportTitle);
      const h1 = (await page.locator('h1').textContent()) ?? '';
      expect(await page.title()).toContain(h1.trim());
      const funds = page.locator('section[aria-labelledby=funds] table');
      expect(await funds.locator('thead th').allTextContents()).toEqual(['资金', '年初预算数', '全年预算数', '全年执行数', '执行率']);
      expect(await funds.locator('tbody th[scope=row]').first().textContent()).toBe('年度资金总额');
      await screenshot(page, 'public-report-no-js');

      const list = await page.goto(`${base}/public`);
      expect(list?.status()).toBe(200);
      expect(await page.locator('h1').textContent()).toBe('预算绩效自评报告公开');
      expect(await page.locator(`table a[href="/public/reports/${reportId}"]`).count()).toBeGreaterThan(0);

      const missing = await page.goto(`${base}/public/reports/99999999`);
      expect(missing?.status()).toBe(404);
      expect(await page.locator('h1').textContent()).toBe('报告不存在');
    } finally {
      await plain.close();
    }
  }, 60_000);
});
