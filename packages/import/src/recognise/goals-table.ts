/** 年度总体目标 | 预期目标 | 实际完成情况: the goals block of a self-evaluation table. */
import { cellText } from '../document/document.js';
import { GOAL_ACHIEVED, GOAL_EXPECTED, GOAL_HEADER } from '../vocab/table-vocab.js';
import { aligned, provCell } from './cells.js';
import type { Recogniser } from './recogniser.js';

interface GoalState {
  cols: Array<'expected' | 'achieved' | null>;
  title: string;
  /** Goals read so far: one per row, while the title column stays empty (merged down). */
  count: number;
}

export const goalsTable: Recogniser<GoalState> = {
  kind: 'goal',
  claim(texts) {
    const compact = texts.map((t) => t.replace(/[\s\u3000]+/g, ''));
    const head = compact.findIndex((t) => GOAL_HEADER.test(t));
    if (head < 0 || !compact.some((t, i) => i !== head && (GOAL_EXPECTED.test(t) || GOAL_ACHIEVED.test(t)))) return null;
    const cols = compact.map((t, i) => (i === head ? null : GOAL_ACHIEVED.test(t) ? ('achieved' as const) : GOAL_EXPECTED.test(t) ? ('expected' as const) : null));
    return { cols, title: compact[head]!, count: 0 };
  },
  read(ctx, s, row) {
    if (s.count > 0 && row.firstIdx === 0) return 'end';
    const at = (key: 'expected' | 'achieved') => {
      const j = s.cols.indexOf(key);
      return j >= 0 ? row.cells[aligned(s.cols.length, row.cells.length, j)] : undefined;
    };
    const e = at('expected');
    const a = at('achieved');
    const et = e ? cellText(e) : '';
    const atext = a ? cellText(a) : '';
    if (s.count > 0 && !et) return 'end'; // a further goal states what was expected
    if (et || atext) {
      const idx = ctx.ev.goals.length;
      ctx.ev.goals.push({ title: s.title, expected: et || null, achieved: atext || null, targets: [] });
      if (e && et) provCell(ctx, `goals.${idx}.expected`, e);
      if (a && atext) provCell(ctx, `goals.${idx}.achieved`, a);
    }
    s.count++;
    return row.firstIdx === 0 ? 'end' : undefined;
  },
};
