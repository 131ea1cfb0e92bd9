import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { JxError } from '@jixiao/core';
import { BUILT } from '../test/project-fixtures.js';
import { SEEDS, loadSeed } from '../test/helpers.js';
import { exportDocument, exportEvaluation } from './export-evaluation.js';

const project = BUILT['project-drugs']!;
const transfer = BUILT['transfer-forestry']!;
const dept = loadSeed(SEEDS[0]!);
const docText = (bytes: Uint8Array) => strFromU8(unzipSync(bytes)['word/document.xml']!);
const sheetNames = (bytes: Uint8Array) => [...strFromU8(unzipSync(bytes)['xl/workbook.xml']!).matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1]);

describe('exportEvaluation by kind and document', () => {
  it('a project or transfer exports its 自评表 in .xlsx and .docx; the report on request', async () => {
    expect(sheetNames(await exportEvaluation(project, 'xlsx'))).toEqual(['项目支出绩效自评表']);
    expect(sheetNames(await exportEvaluation(transfer, 'xlsx'))).toEqual(['转移支付区域绩效自评表']);
    expect(docText(await exportEvaluation(project, 'docx'))).toContain('项目支出绩效自评表（2021年度）');
    expect(docText(await exportEvaluation(transfer, 'docx'))).toContain('转移支付区域绩效自评表（2024年度）');
    const report = docText(await exportEvaluation(project, 'docx', { document: 'report', charts: false }));
    expect(report).toContain('禁毒经费2021年度项目支出绩效自评报告');
    expect(docText(await exportEvaluation(transfer, 'docx', { document: 'report', charts: false }))).toContain('林业草原改革发展资金2024年度转移支付绩效自评报告');
  });

  it('a department exports its report (.docx) and tables (.xlsx) as before', async () => {
    expect(exportDocument(dept, 'docx')).toBe('report');
    expect(exportDocument(dept, 'xlsx')).toBe('table');
    expect(sheetNames(await exportEvaluation(dept, 'xlsx'))).toContain('自评表');
  });

  it('refuses combinations that do not exist, with a JxError', () => {
    expect(() => exportDocument(dept, 'docx', 'table')).toThrow(JxError);
    expect(() => exportDocument(project, 'xlsx', 'report')).toThrow(/自评报告没有 .xlsx/);
    expect(() => exportDocument(project, 'docx', 'memo' as never)).toThrow(/report（自评报告）或 table（自评表）/);
  });
});
