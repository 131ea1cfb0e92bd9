/** Sources of score knobs as text: "财预〔2020〕10号（国家，2020）", 【未核实】 where not checked against the document. */
import type { KnobBasisJson } from '../api/types.js';

const LEVEL_NAMES: Record<NonNullable<KnobBasisJson['document']>['level'], string> = {
  national: '国家',
  provincial: '省级',
  city: '市级',
  report: '单份报告',
};

/** "财预〔2020〕10号（国家，2020）" or "无文件依据（jixiao 默认）". */
export function documentText(b: KnobBasisJson): string {
  const d = b.document;
  if (!d) return '无文件依据（jixiao 默认）';
  return `${d.number ?? `《${d.title}》`}（${LEVEL_NAMES[d.level]}${d.year ? `，${d.year}` : ''}）`;
}

/** One line per knob, for a tooltip beside an explanation: "反向指标计分公式：无文件依据（jixiao 默认）【未核实】". */
export function basisLines(knobs: readonly string[] | undefined, basis: readonly KnobBasisJson[] | undefined): string[] {
  const byKnob = new Map((basis ?? []).map((b) => [b.knob, b]));
  return (knobs ?? []).flatMap((k) => {
    const b = byKnob.get(k);
    return b ? [`${b.label}：${documentText(b)}${b.verified ? '' : '【未核实】'}`] : [];
  });
}

