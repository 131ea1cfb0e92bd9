/**
 * A department report's list of its projects in prose — "其中，法院执行年初预算数6万元，年末结算
 * 支出6万元，…；案件审判411.95万元，年末结算支出411.95万元，…；" — one project per "；" group:
 * its name, its budget (the first amount) and what it spent (an amount after 支出/执行/结算).
 * Read into `funds.projectLines`, so the same project named elsewhere can be compared.
 */
import type { Para } from './paragraphs.js';
import { provAt, type ProseCtx } from './prose-context.js';
import { tokenise } from './tokenise.js';

const BUDGET_WORDS = /(?:年初)?(?:预算(?:数|资金|金额)?|安排(?:资金)?)$/;
const SPENT = /(?:支出|执行|结算|支付)(?:数|金额)?(?:为)?$/;
const NAME = /^[\u4e00-\u9fa5“”"《》（）()、]{2,16}$/;

interface Line {
  name: string;
  initial: string | null;
  executed: string | null;
  at: number;
}

function lineOf(group: string, offset: number): Line | null {
  const money = tokenise(group).filter((t) => t.amount !== null && !t.delta && !t.inParen);
  const first = money[0];
  if (!first) return null;
  const name = first.label.replace(/^(?:其中|另外)[，,：:]?/, '').replace(BUDGET_WORDS, '').trim();
  if (!NAME.test(name) || /项目$|资金$|经费$|支出$|合计|总计/.test(name) && name.length <= 4) return null;
  const spent = money.slice(1).find((t) => SPENT.test(t.label));
  return { name, initial: first.amount, executed: spent?.amount ?? null, at: offset + first.index };
}

export function readProjectLines(p: ProseCtx, para: Para): void {
  const text = para.text;
  if (!text.includes('项目') || (text.match(/[；;]/g)?.length ?? 0) < 1) return;
  const lines: Line[] = [];
  let offset = 0;
  for (const part of text.split(/[；;]/)) {
    const body = part.replace(/[。.]\s*$/, '');
    const group = body.slice(Math.max(0, body.lastIndexOf('。') + 1));
    const line = lineOf(group, offset + body.length - group.length);
    if (line) lines.push(line);
    offset += part.length + 1;
  }
  if (lines.length < 2) return;
  const funds = p.ctx.ev.funds;
  for (const l of lines) {
    if (funds.projectLines.some((x) => x.name === l.name)) continue;
    const i = funds.projectLines.push({ name: l.name, initial: l.initial, adjusted: null, executed: l.executed }) - 1;
    provAt(p, `funds.projectLines.${i}`, para, l.at, l.at + 1);
  }
}
