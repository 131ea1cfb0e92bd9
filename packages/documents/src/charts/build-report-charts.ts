/** The report's charts as data, from the report's figures (numbers only for drawing; a figure not stated is not drawn). */
import type { Decimal } from '@jixiao/core';
import { printedScoreRows, type ReportFigures } from '../compute/compute-report-figures.js';
import type { ChartKind } from '../compute/build-report-outline.js';
import type { ChartSpec } from './render-chart-png.js';

/** For drawing only: rounded half up to 2 places by Decimal, then to a JS number. */
const num = (d: Decimal | null): number | null => (d === null ? null : Number(d.toDecimalPlaces(2).toString()));

export function buildChartSpec(fig: ReportFigures, kind: ChartKind): ChartSpec {
  switch (kind) {
    case 'scores':
      return {
        kind: 'bar',
        title: '各项指标分值与得分',
        unit: '分',
        categories: printedScoreRows(fig).map((r) => r.name),
        series: [
          { name: '分值', data: printedScoreRows(fig).map((r) => num(r.weight)) },
          { name: '得分', data: printedScoreRows(fig).map((r) => num(r.score)) },
        ],
      };
    case 'budget': {
      const rows: [string, ReportFigures['total']][] = [['年度资金总额', fig.total]];
      if (fig.natureTriples.basic.executed ?? fig.natureTriples.basic.adjusted) rows.push(['基本支出', fig.natureTriples.basic]);
      if (fig.natureTriples.project.executed ?? fig.natureTriples.project.adjusted) rows.push(['项目支出', fig.natureTriples.project]);
      return {
        kind: 'bar',
        title: '预算数与执行数',
        unit: '万元',
        categories: rows.map((r) => r[0]),
        series: [
          { name: '年初预算数', data: rows.map((r) => num(r[1].initial)) },
          { name: '全年预算数', data: rows.map((r) => num(r[1].adjusted)) },
          { name: '全年执行数', data: rows.map((r) => num(r[1].executed)) },
        ],
      };
    }
    case 'sources':
      return { kind: 'pie', title: '资金来源构成（万元）', data: fig.bySource.map((s) => ({ name: s.label, value: num(s.amount) ?? 0 })) };
  }
}
