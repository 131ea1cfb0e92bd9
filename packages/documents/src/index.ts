// Public API of @jixiao/documents: the official package (report .docx, tables .xlsx, PDF).
export { renderReportDocx, type RenderReportOptions } from './docx/render-report-docx.js';
export { renderTablesXlsx, renderTablesWorkbook, RULE_CHECK_SHEET, type RenderTablesOptions, type RenderedTables } from './xlsx/render-tables-xlsx.js';
export { convertDocxToPdf, FONTCONFIG_FILE, type ConvertOptions } from './pdf/convert-docx-to-pdf.js';
export { findSoffice, SOFFICE_INSTALL_HINT } from './pdf/find-soffice.js';
export { exportEvaluation, exportDocument, EXPORT_FORMATS, EXPORT_DOCUMENTS, MIME_TYPES, type ExportFormat, type ExportDocument, type ExportOptions } from './export-evaluation.js';
export { renderFormXlsx, renderFormDocx, renderFormWorkbook, type RenderFormOptions, type RenderedForm } from './form/render-form.js';
export { buildFormGrid, type BuiltForm, type FormCells } from './form/build-form-grid.js';
export { renderUnitWorkbook, renderUnitProjectsWorkbook, type RenderUnitWorkbookOptions, type RenderedUnitWorkbook } from './workbook/render-unit-workbook.js';
export { legalSheetName, uniqueSheetName } from './workbook/sheet-names.js';
export { renderChartPng, renderChartSvg, type ChartSpec, type ChartPng, type RenderChartOptions } from './charts/render-chart-png.js';
export { buildChartSpec } from './charts/build-report-charts.js';
export { findCjkFont } from './charts/find-cjk-font.js';
export { computeReportFigures, type ReportFigures } from './compute/compute-report-figures.js';
export { buildReportOutline, type ReportNode } from './compute/build-report-outline.js';
export { loadTemplate, listTemplateIds, resolveTemplateId, templateFor, formFor, validateTemplate, TEMPLATES_DIR } from './templates/load-template.js';
export { Template, FormSpec, type TemplateInput } from './templates/template-schema.js';
export { listReportPlaceholders, describeReportChapters, type ReportPlaceholder, type ReportChapterView, type ReportBlockView } from './compute/report-gaps.js';
