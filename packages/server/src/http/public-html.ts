/**
 * Plain semantic HTML of the public portal's pages (the list and one report), rendered by the
 * server from the same data as the API, so search engines, screen readers and browsers without
 * JavaScript read headings and tables with headers. The web app replaces it when it starts.
 * Pure functions: data in, HTML text out (every value escaped).
 */
import { EVALUATION_KIND_LABELS, computeFundRowRates, dec, formatDecimal, getProfile, type Evaluation, type EvaluationKind } from '@jixiao/core';

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const esc = (v: unknown): string => (v === null || v === undefined ? '' : String(v).replace(/[&<>"']/g, (c) => ESC[c]!));
const num = (v: string | null | undefined) => (v === null || v === undefined || v === '' ? '—' : formatDecimal(dec(v), 2));
const money = (v: string | null | undefined) => (v === null || v === undefined || v === '' ? '—' : formatDecimal(dec(v), 2, true));
const kindName = (k: string) => EVALUATION_KIND_LABELS[k as EvaluationKind] ?? k;

export interface PublicSummaryView {
  id: number;
  unitName: string | null;
  departmentName: string | null;
  fiscalYear: number;
  kind: string;
  title: string;
  projectName: string | null;
  score: string | null;
  grade: string | null;
  ungradableReason: string | null;
  publishedAt: string | null;
}

/** The page title of a report: “项目名称 2024 年度项目支出绩效自评 · 单位”. */
export function reportTitle(s: PublicSummaryView): string {
  return `${s.projectName ?? s.unitName ?? s.title} ${s.fiscalYear} 年度${kindName(s.kind)}绩效自评${s.projectName && s.unitName ? ` · ${s.unitName}` : ''}`;
}

const gradeText = (s: Pick<PublicSummaryView, 'grade' | 'ungradableReason'>) => s.grade ?? (s.ungradableReason ? '无法定级' : '—');

/** Shared by both pages: the portal's links, and styles that keep tables inside their own box. */
function frame(body: string): string {
  return `<div class="jx-ssr" lang="zh-CN"><style>.jx-ssr{font-family:'Noto Sans CJK SC','PingFang SC','Microsoft YaHei',sans-serif;max-width:1280px;margin:0 auto;padding:16px;box-sizing:border-box;line-height:1.6;overflow-wrap:anywhere}.jx-ssr nav a{margin-right:16px}.jx-ssr .scroll{overflow-x:auto;max-width:100%}.jx-ssr table{border-collapse:collapse;min-width:100%}.jx-ssr th,.jx-ssr td{border:1px solid #e5e5e5;padding:4px 8px;text-align:left;white-space:nowrap}.jx-ssr td.n{text-align:right}.jx-ssr dl{display:grid;grid-template-columns:max-content 1fr;gap:4px 12px}.jx-ssr dd{margin:0}</style>
<header><nav aria-label="公开门户"><a href="/public">公开报告</a><a href="/public/audit">报告体检</a><a href="/login">工作人员登录</a></nav></header>
<main>${body}</main></div>`;
}

function fundsTable(ev: Evaluation): string {
  let profile;
  try {
    profile = getProfile(ev.profile);
  } catch {
    profile = getProfile('national'); // a profile this build does not know: rates on the national base
  }
  const rows = computeFundRowRates(ev.funds, profile);
  const body = rows
    .map((r) => `<tr><th scope="row">${esc(r.label)}</th><td class="n">${money(r.row.initial)}</td><td class="n">${money(r.row.adjusted)}</td><td class="n">${money(r.row.executed)}</td><td class="n">${r.executionRate ? `${formatDecimal(r.executionRate.times(100), 2)}%` : '—'}</td></tr>`)
    .join('');
  return `<section aria-labelledby="funds"><h2 id="funds">资金情况（万元）</h2><div class="scroll"><table><caption>年度资金总额及其来源</caption><thead><tr><th scope="col">资金</th><th scope="col">年初预算数</th><th scope="col">全年预算数</th><th scope="col">全年执行数</th><th scope="col">执行率</th></tr></thead><tbody>${body}</tbody></table></div></section>`;
}

function indicatorTable(ev: Evaluation): string {
  const rows: string[] = [];
  for (const l1 of ev.indicators) {
    for (const l2 of l1.children) {
      for (const x of l2.children) {
        rows.push(`<tr><td>${esc(l1.name)}</td><td>${esc(l2.name)}</td><th scope="row">${esc(x.name)}</th><td>${esc(x.target) || '—'}</td><td>${esc(x.actual) || '—'}</td><td class="n">${num(x.weight)}</td><td class="n">${num(x.selfScore)}</td><td>${esc(x.deviationReason)}</td></tr>`);
      }
    }
  }
  if (rows.length === 0) return '';
  return `<section aria-labelledby="indicators"><h2 id="indicators">绩效指标完成情况</h2><div class="scroll"><table><thead><tr><th scope="col">一级指标</th><th scope="col">二级指标</th><th scope="col">三级指标</th><th scope="col">年度指标值</th><th scope="col">实际完成值</th><th scope="col">分值</th><th scope="col">自评得分</th><th scope="col">偏差原因</th></tr></thead><tbody>${rows.join('')}</tbody></table></div></section>`;
}

export function renderPublicReport(s: PublicSummaryView, ev: Evaluation, history: Array<{ event: string; at: string; reason: string | null }> = []): string {
  const facts: Array<[string, string]> = [
    ['单位', esc(s.unitName)],
    ['主管部门', esc(s.departmentName)],
    ['年度', esc(s.fiscalYear)],
    ['类型', esc(kindName(s.kind))],
    ...(s.projectName ? ([['项目', esc(s.projectName)]] as Array<[string, string]>) : []),
    ['得分', num(s.score)],
    ['等级', esc(gradeText(s))],
    ['公开时间', esc(s.publishedAt?.slice(0, 10) ?? '—')],
  ];
  const hist = history.length
    ? `<section aria-labelledby="history"><h2 id="history">公开记录</h2><ul>${history.map((h) => `<li>${esc(h.at.slice(0, 10))} ${h.event === 'withdrawn' ? '撤回公开' : '公开'}${h.reason ? `：${esc(h.reason)}` : ''}</li>`).join('')}</ul></section>`
    : '';
  return frame(
    `<article><h1>${esc(reportTitle(s))}</h1><dl>${facts.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('')}</dl>` +
      `<p><a href="/api/public/reports/${s.id}/download?format=pdf">下载 PDF</a> · <a href="/api/public/reports/${s.id}/download?format=docx">下载 Word</a></p>` +
      `${fundsTable(ev)}${indicatorTable(ev)}${hist}</article>`,
  );
}

export function renderPublicList(items: PublicSummaryView[], o: { total: number; page: number; pageSize: number; query: URLSearchParams }): string {
  const rows = items
    .map((s) => `<tr><td>${esc(s.fiscalYear)}</td><td>${esc(s.departmentName)}</td><td>${esc(s.unitName)}</td><td>${esc(kindName(s.kind))}</td><th scope="row"><a href="/public/reports/${s.id}">${esc(s.projectName ?? s.title)}</a></th><td class="n">${num(s.score)}</td><td>${esc(gradeText(s))}</td></tr>`)
    .join('');
  const pages = Math.max(1, Math.ceil(o.total / o.pageSize));
  const link = (p: number, text: string) => {
    const q = new URLSearchParams(o.query);
    q.set('page', String(p));
    return `<a href="/public?${esc(q.toString())}">${text}</a>`;
  };
  const nav = `<p>共 ${o.total} 份，第 ${o.page} / ${pages} 页 ${o.page > 1 ? link(o.page - 1, '上一页') : ''} ${o.page < pages ? link(o.page + 1, '下一页') : ''}</p>`;
  return frame(
    `<h1>预算绩效自评报告公开</h1><div class="scroll"><table><caption>已公开的绩效自评报告</caption><thead><tr><th scope="col">年度</th><th scope="col">主管部门</th><th scope="col">单位</th><th scope="col">类型</th><th scope="col">项目或报告</th><th scope="col">得分</th><th scope="col">等级</th></tr></thead><tbody>${rows || '<tr><td colspan="7">没有符合条件的公开报告</td></tr>'}</tbody></table></div>${nav}`,
  );
}

export function renderPublicNotFound(id: string): string {
  return frame(`<h1>报告不存在</h1><p>没有编号为 ${esc(id)} 的公开报告，它可能尚未公开或已撤回。<a href="/public">返回公开报告列表</a></p>`);
}

/** The web app's index.html with this page's title, description and first render. */
export function injectPage(indexHtml: string, page: { title: string; description: string; body: string }): string {
  return indexHtml
    .replace(/<title>[^<]*<\/title>/, `<title>${esc(page.title)}</title><meta name="description" content="${esc(page.description)}" />`)
    .replace(/<div id="root"><\/div>/, `<div id="root">${page.body}</div>`);
}
