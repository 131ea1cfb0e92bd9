/** 编制数 | 实际在职人数 | 控制率: the staffing row of the base-data sheet. */
import { emptyBaseData } from '@jixiao/core';
import { STAFFING_COLUMNS } from '../vocab/table-vocab.js';
import { aligned, distinct, mapHeader, num, provCell } from './cells.js';
import type { Recogniser } from './recogniser.js';

type StaffCol = 'authorized' | 'actual' | 'rate';

export const staffingTable: Recogniser<{ cols: Array<StaffCol | null> }> = {
  kind: 'staffing',
  claim(texts) {
    const cols = mapHeader(texts, STAFFING_COLUMNS);
    return distinct(cols).size >= 2 ? { cols } : null;
  },
  read(ctx, s, row) {
    const bd = (ctx.ev.baseData ??= emptyBaseData());
    s.cols.forEach((k, j) => {
      if (!k) return;
      const c = row.cells[aligned(s.cols.length, row.cells.length, j)];
      const n = num(c);
      if (!n || !c) return;
      if (k === 'rate') {
        if (!n.percent) return;
        bd.staffing.statedControlRate = n.value;
        provCell(ctx, 'baseData.staffing.statedControlRate', c);
      } else if (/^\d+$/.test(n.value) && !n.percent) {
        bd.staffing[k] = Number(n.value);
        provCell(ctx, `baseData.staffing.${k}`, c);
      }
    });
    return 'end';
  },
};
