/**
 * 自评报告 (.docx) in the jurisdiction's template, GB/T 9704 layout: A4, margins
 * 37/35/28/26 mm, title 方正小标宋简体 二号, body 仿宋_GB2312 三号 at a fixed 28 pt line,
 * level-1 headings 黑体, level-2 楷体, page numbers "— 1 —". Every figure comes from the
 * evaluation: the unit's stated scores and grade (with jixiao's 无法定级 check beside it where the
 * recomputed total cannot be graded), rates and shares computed from its stated amounts, gaps
 * marked 【待填写：…】; chapters only the unit can write come from `evaluation.chapters`.
 */
import {
  AlignmentType,
  Document,
  Footer,
  ImageRun,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  TextRun,
  type FileChild,
} from 'docx';
import type { Evaluation, Profile } from '@jixiao/core';
import { computeReportFigures, type ReportFigures } from '../compute/compute-report-figures.js';
import { buildReportOutline, reportTitle, type ChartKind, type ReportNode } from '../compute/build-report-outline.js';
import { buildChartSpec } from '../charts/build-report-charts.js';
import { renderChartPngAsync, type ChartPng } from '../charts/render-chart-png.js';
import { templateFor } from '../templates/load-template.js';
import type { Template } from '../templates/template-schema.js';
import { bodyParagraph, exactSpacing, headingParagraph, pt, run } from './docx-text.js';
import { buildIndicatorTable } from './build-indicator-table.js';
import { buildScoreTable } from './build-score-table.js';
import { buildProjectTable } from './build-project-table.js';

export interface RenderReportOptions {
  /** Template id (national, hunan, henan, hebei …); default from the evaluation's profile. */
  template?: string;
  /** Rule profile to score with; default `getProfile(evaluation.profile)`. */
  profile?: Profile;
  /** Embed charts (default true). */
  charts?: boolean;
  /** Receives notes such as "no CJK font found for charts". */
  onNote?: (note: string) => void;
  /** A department's project and transfer evaluations: its project chapter is written from them. */
  children?: readonly Evaluation[];
}

export const A4 = { width: 11906, height: 16838 };
/** Printable width in pixels at 96 dpi for A4 with 28 + 26 mm margins (≈ 156 mm). */
const CHART_WIDTH_PX = Math.round(((210 - 28 - 26) / 25.4) * 96 * 0.95);

export async function renderReportDocx(evaluation: Evaluation, options: RenderReportOptions = {}): Promise<Uint8Array> {
  const template = templateFor(evaluation, options.template);
  const fig = computeReportFigures(evaluation, options.profile);
  const nodes = buildReportOutline(fig, template, options.children);
  const charts = options.charts === false ? new Map<ChartKind, ChartPng>() : await renderCharts(nodes, fig);
  const groups = nodesToDocx(nodes, fig, template, options, charts);
  const doc = new Document({
    creator: 'jixiao',
    title: reportTitle(evaluation, template),
    description: `评分规则 ${fig.profile.id}@${fig.profile.version}；模板 ${template.id}`,
    styles: {
      default: {
        document: {
          run: { font: { ascii: template.fonts.latin, hAnsi: template.fonts.latin, eastAsia: template.fonts.body }, size: pt(template.sizes.body) },
        },
      },
    },
    // The indicator table has its own landscape section (8 columns do not fit 156 mm without
    // wrapping names); the page numbers run on through every section.
    sections: groups.map((g) => ({
      properties: {
        page: {
          size: g.landscape ? { ...A4, orientation: PageOrientation.LANDSCAPE } : A4,
          margin: {
            top: convertMillimetersToTwip(template.margins.top),
            bottom: convertMillimetersToTwip(template.margins.bottom),
            left: convertMillimetersToTwip(template.margins.left),
            right: convertMillimetersToTwip(template.margins.right),
            footer: convertMillimetersToTwip(28 - 7),
          },
        },
      },
      footers: { default: pageNumberFooter(template) },
      children: g.children,
    })),
  });
  const buf = await Packer.toBuffer(doc);
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}

export function pageNumberFooter(template: Template): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({
            children: [template.pageNumber[0], PageNumber.CURRENT, template.pageNumber[1]],
            font: { ascii: template.fonts.latin, hAnsi: template.fonts.latin, eastAsia: '宋体' },
            size: pt(14),
          }),
        ],
      }),
    ],
  });
}

interface SectionGroup {
  landscape: boolean;
  children: FileChild[];
}

/** Landscape A4 text width in twips for the template's margins (left/right stay left/right). */
export function landscapeTextWidth(t: Template): number {
  return convertMillimetersToTwip(297 - t.margins.left - t.margins.right);
}

function nodesToDocx(nodes: ReportNode[], fig: ReportFigures, t: Template, options: RenderReportOptions, charts: Map<ChartKind, ChartPng>): SectionGroup[] {
  const groups: SectionGroup[] = [{ landscape: false, children: [] }];
  let out = groups[0]!.children;
  let fontNoted = false;
  for (const n of nodes) {
    switch (n.type) {
      case 'attachment':
        out.push(new Paragraph({ spacing: exactSpacing(t), children: [run(t, n.text, 'heading1', t.sizes.body)] }));
        break;
      case 'title':
        out.push(
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { line: twipLine(t.sizes.title * 1.5), lineRule: LineRuleType.EXACT, before: 0, after: twipLine(t.sizes.lineSpacing) },
            children: [run(t, n.text, 'title', t.sizes.title)],
          }),
        );
        break;
      case 'h1':
        out.push(headingParagraph(t, n.text, 1));
        break;
      case 'h2':
        out.push(headingParagraph(t, n.text, 2));
        break;
      case 'h3':
        out.push(headingParagraph(t, n.text, 3));
        break;
      case 'p':
        out.push(bodyParagraph(t, n.text, n.missing ? { missing: true } : {}));
        break;
      case 'indicatorTable': {
        // A tiny paragraph after the table ends the section (a section cannot end with a table).
        const end = new Paragraph({ spacing: { before: 0, after: 0, line: 20, lineRule: LineRuleType.EXACT }, children: [] });
        const table: SectionGroup = { landscape: true, children: [buildIndicatorTable(fig, t, landscapeTextWidth(t)), end] };
        const rest: SectionGroup = { landscape: false, children: [] };
        groups.push(table, rest);
        out = rest.children;
        break;
      }
      case 'projectTable':
        out.push(buildProjectTable(n.rows, n.total, t));
        out.push(new Paragraph({ spacing: exactSpacing(t), children: [] }));
        break;
      case 'scoreTable':
        out.push(buildScoreTable(fig, t));
        out.push(new Paragraph({ spacing: exactSpacing(t), children: [] }));
        break;
      case 'chart': {
        if (options.charts === false) break;
        const img = charts.get(n.chart)!;
        if (img.fontMissing && !fontNoted) {
          fontNoted = true;
          options.onNote?.('未找到中文字体文件（/usr/share/fonts），图表中的中文可能无法显示；可安装 fonts-noto-cjk。');
        }
        out.push(
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [
              new ImageRun({
                type: 'png',
                data: img.png,
                transformation: { width: CHART_WIDTH_PX, height: Math.round((CHART_WIDTH_PX * img.height) / img.width) },
                altText: { name: n.caption, description: n.caption, title: n.caption },
              }),
            ],
          }),
        );
        out.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: exactSpacing(t), children: [run(t, n.caption, 'heading2', t.sizes.table + 1)] }));
        break;
      }
      case 'signature':
        for (const line of n.lines) {
          out.push(new Paragraph({ alignment: AlignmentType.RIGHT, spacing: exactSpacing(t), indent: { right: twipLine(t.sizes.body * 2) }, children: [run(t, line, 'body', t.sizes.body)] }));
        }
        break;
    }
  }
  return groups.filter((g) => g.children.length > 0);
}

/** Millimetres to twips, rounded half up (docx's helper truncates: 37 mm → 2097, not 2098). */
export function convertMillimetersToTwip(mm: number): number {
  return Math.round((mm * 1440) / 25.4);
}

function twipLine(points: number): number {
  return Math.round(points * 20);
}

/** The report's charts, each drawn once, side by side on the thread pool (resvg's async render). */
async function renderCharts(nodes: ReportNode[], fig: ReportFigures): Promise<Map<ChartKind, ChartPng>> {
  const kinds = [...new Set(nodes.flatMap((n) => (n.type === 'chart' ? [n.chart] : [])))];
  const images = await Promise.all(kinds.map((kind) => renderChartPngAsync(buildChartSpec(fig, kind), { width: 640, height: 360, scale: 2 })));
  return new Map(kinds.map((k, i) => [k, images[i]!]));
}

export type { ReportFigures, Template };
