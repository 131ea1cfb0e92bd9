/** Helpers for project-list tests: build .csv/.xlsx lists, upload them, count what is stored. */
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { DB } from '../src/db/schema.js';
import type { Client } from './fixtures.js';

export type Cell = string | number | null;

export const HEADER = ['项目编码', '项目名称', '单位', '年初预算数（万元）', '全年预算数（万元）', '项目类别', '类型'];

/** RFC 4180 CSV (quotes doubled, fields with , " or newlines quoted). */
export function csvList(rows: Cell[][], header: string[] = HEADER): Uint8Array {
  const q = (v: Cell) => {
    const s = v === null ? '' : String(v);
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return new TextEncoder().encode([header, ...rows].map((r) => r.map(q).join(',')).join('\r\n') + '\r\n');
}

/** An .xlsx list with a title row above the header (as budget systems export them); numbers stay numeric cells. */
export async function xlsxList(rows: Cell[][], header: string[] = HEADER, title = '2024年度项目支出预算表'): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('项目清单');
  ws.addRow([title]);
  ws.mergeCells(1, 1, 1, header.length);
  ws.addRow(header);
  for (const r of rows) ws.addRow(r.map((v) => (v === null ? undefined : v)));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export function upload(client: Client, bytes: Uint8Array, fileName: string, fields: Record<string, string> = {}) {
  const form = new FormData();
  form.append('file', new File([bytes as Uint8Array<ArrayBuffer>], fileName));
  form.append('fiscalYear', fields.fiscalYear ?? '2024');
  for (const [k, v] of Object.entries(fields)) if (k !== 'fiscalYear') form.append(k, v);
  return client.request('POST', '/api/project-imports', form);
}

/** Row counts of every table an import may write. */
export async function counts(db: Kysely<DB>): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of ['projects', 'project_imports', 'evaluations', 'audit_log'] as const) {
    const r = await sql<{ n: number }>`select cast(count(*) as integer) as n from ${sql.table(t)}`.execute(db);
    out[t] = Number(r.rows[0]!.n);
  }
  return out;
}
