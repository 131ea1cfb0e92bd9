/**
 * The project / transfer 自评表 as .xlsx (one sheet, live formulas) and as .docx (the same
 * table in a Word document: A4 landscape, the template's GB/T 9704 margins and page numbers).
 * PDF: the .docx through LibreOffice (`convertDocxToPdf`).
 */
import ExcelJS from 'exceljs';
import { AlignmentType, Document, LineRuleType, Packer, PageOrientation, Paragraph } from 'docx';
import type { Evaluation } from '@jixiao/core';
import { A4, convertMillimetersToTwip, landscapeTextWidth, pageNumberFooter } from '../docx/render-report-docx.js';
import { exactSpacing, pt, run } from '../docx/docx-text.js';
import { buildFormGrid, type BuildFormOptions, type FormCells } from './build-form-grid.js';
import { buildFormTables } from './build-form-table.js';
import { writeFormSheet } from './write-form-sheet.js';

export interface RenderFormOptions extends BuildFormOptions {
  /** Document properties date; default now. */
  createdAt?: Date;
}

export interface RenderedForm {
  bytes: Uint8Array;
  sheet: string;
  cells: FormCells;
}

export function newWorkbook(createdAt: Date | undefined): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const when = createdAt ?? new Date();
  wb.creator = 'jixiao';
  wb.created = when;
  wb.modified = when;
  wb.calcProperties = { fullCalcOnLoad: true };
  return wb;
}

export async function workbookBytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  const buf = await wb.xlsx.writeBuffer();
  return buf instanceof Uint8Array ? buf : new Uint8Array(buf as ArrayBuffer);
}

/** The 自评表 of one project or transfer as a one-sheet workbook, and where its live figures are. */
export async function renderFormWorkbook(evaluation: Evaluation, options: RenderFormOptions = {}): Promise<RenderedForm> {
  const built = buildFormGrid(evaluation, options);
  const wb = newWorkbook(options.createdAt);
  writeFormSheet(wb.addWorksheet(built.spec.sheetName), built.grid, built.template);
  return { bytes: await workbookBytes(wb), sheet: built.spec.sheetName, cells: built.cells };
}

export async function renderFormXlsx(evaluation: Evaluation, options: RenderFormOptions = {}): Promise<Uint8Array> {
  return (await renderFormWorkbook(evaluation, options)).bytes;
}

export async function renderFormDocx(evaluation: Evaluation, options: BuildFormOptions = {}): Promise<Uint8Array> {
  const { grid, template: t, fig } = buildFormGrid(evaluation, options);
  const children = [];
  if (grid.attachmentLabel) children.push(new Paragraph({ spacing: exactSpacing(t), children: [run(t, grid.attachmentLabel, 'heading1', t.sizes.body)] }));
  children.push(
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { line: Math.round(t.sizes.title * 1.5 * 20), lineRule: LineRuleType.EXACT, before: 0, after: 120 },
      children: [run(t, grid.title, 'title', t.sizes.title)],
    }),
  );
  // A hairline paragraph between the tables keeps them apart (Writer joins adjacent tables, and the
  // indicator header repeats only at the top of a table).
  buildFormTables(grid, t, landscapeTextWidth(t)).forEach((table, i) => {
    if (i > 0) children.push(new Paragraph({ spacing: { before: 0, after: 0, line: 20, lineRule: LineRuleType.EXACT }, children: [] }));
    children.push(table);
  });
  for (const line of grid.footer) children.push(new Paragraph({ spacing: { before: 120, after: 0 }, children: [run(t, line, 'body', t.sizes.table + 2)] }));
  if (grid.footer.length === 0) children.push(new Paragraph({ spacing: { before: 0, after: 0, line: 20, lineRule: LineRuleType.EXACT }, children: [] }));
  const doc = new Document({
    creator: 'jixiao',
    title: grid.title,
    description: `评分规则 ${fig.profile.id}@${fig.profile.version}；模板 ${t.id}`,
    styles: { default: { document: { run: { font: { ascii: t.fonts.latin, hAnsi: t.fonts.latin, eastAsia: t.fonts.table }, size: pt(t.sizes.table) } } } },
    sections: [
      {
        properties: {
          page: {
            size: { ...A4, orientation: PageOrientation.LANDSCAPE },
            margin: {
              top: convertMillimetersToTwip(t.margins.top),
              bottom: convertMillimetersToTwip(t.margins.bottom),
              left: convertMillimetersToTwip(t.margins.left),
              right: convertMillimetersToTwip(t.margins.right),
              footer: convertMillimetersToTwip(28 - 7),
            },
          },
        },
        footers: { default: pageNumberFooter(t) },
        children,
      },
    ],
  });
  const buf = await Packer.toBuffer(doc);
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}
