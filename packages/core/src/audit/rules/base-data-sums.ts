import type { YearTriple } from '../../model/evaluation.js';
import type { AuditRule, FindingDraft } from '../types.js';
import { CANNOT_TELL, dec, sumDiscrepancy, type LabelledFigure } from '../finding-helpers.js';

const YEAR_COLUMNS = [
  ['priorActual', '上年决算数'],
  ['budget', '本年预算数'],
  ['actual', '本年决算数'],
] as const;

/**
 * Parts of a base-data row against its total, column by column. An empty part cell next
 * to filled ones means none (0); a column with no part filled at all is not checked.
 */
function checkRows(total: YearTriple, parts: Array<{ label: string; row: YearTriple }>, path: string, label: string, out: FindingDraft[]) {
  for (const [col, colLabel] of YEAR_COLUMNS) {
    const t = total[col];
    if (t === null) continue;
    const filled = parts.filter((p) => p.row[col] !== null);
    if (filled.length === 0) continue;
    const figures: LabelledFigure[] = filled.map((p) => ({ label: p.label, value: p.row[col]! }));
    const d = sumDiscrepancy(t, figures);
    if (!d) continue;
    out.push({
      message: `基础数据表中${label}的${colLabel}为 ${t} 万元，但分项 ${d.formula} 万元，相差 ${d.figures.difference} 万元；${CANNOT_TELL}。`,
      location: { path: `${path}.${col}`, label: `基础数据表 › ${label} › ${colLabel}` },
      ...d.figures,
    });
  }
}

/** 基础数据表内的合计行应等于其分项（三公经费、公务用车、项目支出明细）。 */
export const baseDataSums: AuditRule = {
  id: 'base-data-sums',
  title: { zh: '基础数据表合计应等于分项之和', en: 'Base-data sheet totals equal their parts' },
  severity: 'error',
  category: 'accuracy',
  check({ evaluation: ev }) {
    const out: FindingDraft[] = [];
    const bd = ev.baseData;
    if (!bd) return out;
    const tp = bd.threePublic;
    // 公务用车 counts once: either the vehicles row or its two sub-rows.
    const vehiclesRow = YEAR_COLUMNS.some(([c]) => tp.vehicles[c] !== null)
      ? tp.vehicles
      : sumRows([tp.vehiclePurchase, tp.vehicleOperation]);
    checkRows(
      tp.total,
      [
        { label: '因公出国（境）费', row: tp.overseas },
        { label: '公务用车购置及运行维护费', row: vehiclesRow },
        { label: '公务接待费', row: tp.reception },
      ],
      'baseData.threePublic.total',
      '三公经费',
      out,
    );
    checkRows(
      tp.vehicles,
      [
        { label: '公车购置', row: tp.vehiclePurchase },
        { label: '公车运行维护', row: tp.vehicleOperation },
      ],
      'baseData.threePublic.vehicles',
      '公务用车购置及运行维护费',
      out,
    );
    checkRows(
      bd.project,
      bd.projectLines.map((l) => ({ label: l.name, row: l })),
      'baseData.project',
      '项目支出',
      out,
    );
    return out;
  },
};

/** Column-wise sum of rows (null where no row has a value). */
function sumRows(rows: YearTriple[]): YearTriple {
  const out: YearTriple = { priorActual: null, budget: null, actual: null };
  for (const [col] of YEAR_COLUMNS) {
    const vals = rows.map((r) => r[col]).filter((v): v is string => v !== null);
    if (vals.length > 0) out[col] = vals.reduce((s, v) => s.plus(dec(v)), dec(0)).toFixed();
  }
  return out;
}
