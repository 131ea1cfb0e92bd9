/**
 * 运行监控表 as an Excel sheet: the blank the unit downloads (its approved indicators listed)
 * and the reader of a filled one. Columns are found by their headings, budget figures by their
 * labels; every problem names its row, and a sheet with problems imports nothing.
 */
import { JxError, targetLeaves, targetText, type JxIssue, type MonitoringDataInput, type TargetTree } from '@jixiao/core';
import type { SheetRow } from '../project-list/read-project-list-file.js';
import { keepFormulaTextAsText } from '../xlsx-text-cells.js';

const COLUMNS = [
  { key: 'id', title: '指标编号' },
  { key: 'level1', title: '一级指标' },
  { key: 'level2', title: '二级指标' },
  { key: 'name', title: '三级指标' },
  { key: 'target', title: '年度指标值' },
  { key: 'valueToDate', title: '截至目前完成值' },
  { key: 'forecast', title: '全年预计完成值' },
  { key: 'willMeet', title: '能否完成全年目标（是/否）' },
  { key: 'reason', title: '未完成原因' },
  { key: 'action', title: '纠偏措施' },
] as const;
type Key = (typeof COLUMNS)[number]['key'];
const BUDGET_LABEL = '全年预算数（万元）';
const EXECUTED_LABEL = '截至期末执行数（万元）';

export async function buildMonitoringWorkbook(tree: TargetTree, meta: { title: string; adjusted: string | null }): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('运行监控表');
  ws.addRow([meta.title]);
  ws.addRow([BUDGET_LABEL, meta.adjusted ?? '', EXECUTED_LABEL, '']);
  ws.addRow([]);
  ws.addRow(COLUMNS.map((c) => c.title)).font = { bold: true };
  for (const e of targetLeaves(tree)) keepFormulaTextAsText(ws.addRow([e.leaf.id, e.level1.name, e.level2.name, e.leaf.name, targetText(e.leaf), '', '', '', '', '']));
  ws.columns.forEach((c, i) => (c.width = [10, 12, 14, 28, 14, 16, 16, 18, 24, 24][i] ?? 14));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const norm = (s: string) => s.replace(/[\s\u3000（）()]/g, '');

function willMeetOf(text: string): boolean | null | undefined {
  const t = norm(text);
  if (t === '') return null;
  if (['是', '能', '能完成', '可以', 'true', 'TRUE', 'Y', 'y'].includes(t)) return true;
  if (['否', '不能', '不能完成', 'false', 'FALSE', 'N', 'n'].includes(t)) return false;
  return undefined;
}

/** Rows of a filled sheet → the return's data for `periodEndMonth`; throws MONITORING_INVALID naming rows. */
export function parseMonitoringRows(rows: SheetRow[], tree: TargetTree, periodEndMonth: number): MonitoringDataInput {
  const issues: JxIssue[] = [];
  const header = rows.find((r) => r.cells.some((c) => norm(c) === '三级指标'));
  if (!header) throw new JxError('MONITORING_INVALID', '找不到表头（应有“三级指标”“能否完成全年目标”等列）', [{ message: '请使用下载的运行监控表模板填写' }]);
  const col = new Map<Key, number>();
  for (const c of COLUMNS) {
    const i = header.cells.findIndex((h) => norm(h).startsWith(norm(c.title).slice(0, 4)));
    if (i >= 0) col.set(c.key, i);
  }
  const cell = (r: SheetRow, k: Key) => (col.has(k) ? (r.cells[col.get(k)!] ?? '').trim() : '');
  const byId = new Map(targetLeaves(tree).map((e) => [e.leaf.id, e]));
  const byName = new Map(targetLeaves(tree).map((e) => [norm(e.leaf.name), e]));
  const entries: NonNullable<MonitoringDataInput['entries']> = [];
  for (const r of rows.filter((x) => x.line > header.line)) {
    const name = cell(r, 'name');
    if (!name && !cell(r, 'id')) continue;
    const leaf = byId.get(cell(r, 'id')) ?? byName.get(norm(name));
    if (!leaf) {
      issues.push({ line: r.line, field: '三级指标', message: `第 ${r.line} 行“${name}”不是批复的绩效指标` });
      continue;
    }
    const willMeet = willMeetOf(cell(r, 'willMeet'));
    if (willMeet === undefined) issues.push({ line: r.line, field: '能否完成', message: `第 ${r.line} 行“能否完成”应填 是 或 否，收到“${cell(r, 'willMeet')}”` });
    entries.push({ indicatorId: leaf.leaf.id, name: leaf.leaf.name, target: targetText(leaf.leaf), valueToDate: cell(r, 'valueToDate') || null, forecast: cell(r, 'forecast') || null, willMeet: willMeet ?? null, reason: cell(r, 'reason') || null, action: cell(r, 'action') || null });
  }
  const labelled = (label: string) => {
    for (const r of rows) {
      const i = r.cells.findIndex((c) => norm(c).startsWith(norm(label).slice(0, 5)));
      if (i >= 0) return (r.cells[i + 1] ?? '').trim() || null;
    }
    return null;
  };
  if (issues.length) throw new JxError('MONITORING_INVALID', issues.length === 1 ? issues[0]!.message : `共 ${issues.length} 处`, issues);
  return { periodEndMonth, budget: { adjusted: labelled(BUDGET_LABEL), executedToDate: labelled(EXECUTED_LABEL) }, entries };
}
