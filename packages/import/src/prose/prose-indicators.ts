/**
 * Indicators written in prose when the report has no indicator table: "发放残疾人机动轮椅车燃油
 * 补贴人次数年初指标值为不低于180人，全年实际完成值164人" → name, target and actual, under the
 * level the text names before it ("产出数量指标"). No weights or scores: prose states none.
 */
import type { Level1 } from '@jixiao/core';
import type { Para } from './paragraphs.js';
import { provAt, type ProseCtx } from './prose-context.js';
import { PROSE_INDICATOR, PROSE_INDICATOR_LEVEL } from '../vocab/prose-vocab.js';

const LEVEL1_OF: Record<string, string> = { 数量: '产出指标', 质量: '产出指标', 时效: '产出指标', 成本: '产出指标', 经济效益: '效益指标', 社会效益: '效益指标', 生态效益: '效益指标', 可持续影响: '效益指标', 服务对象满意度: '满意度指标', 满意度: '满意度指标' };

interface Level {
  l1: string;
  l2: string;
}

function levelBefore(text: string, at: number, current: Level): Level {
  let level = current;
  for (const m of text.slice(0, at).matchAll(PROSE_INDICATOR_LEVEL)) level = { l1: LEVEL1_OF[m[2]!]!, l2: `${m[2]}指标` };
  return level;
}

function place(list: Level1[], level: Level): { i: number; j: number } {
  let i = list.findIndex((l) => l.name === level.l1);
  if (i < 0) i = list.push({ name: level.l1, weight: null, selfScore: null, statedScoreRate: null, children: [] }) - 1;
  const l1 = list[i]!;
  let j = l1.children.findIndex((c) => c.name === level.l2);
  if (j < 0) j = l1.children.push({ name: level.l2, weight: null, selfScore: null, children: [] }) - 1;
  return { i, j };
}

export function readProseIndicators(p: ProseCtx, paras: Para[]): void {
  let level: Level = { l1: '产出指标', l2: '数量指标' };
  for (const para of paras) {
    if (!para.text.includes('实际') || !/指标值|目标值/.test(para.text)) continue;
    let from = 0;
    for (const m of para.text.matchAll(PROSE_INDICATOR)) {
      level = levelBefore(para.text.slice(from), m.index - from, level);
      from = m.index;
      const { i, j } = place(p.ctx.ev.indicators, level);
      const leaves = p.ctx.ev.indicators[i]!.children[j]!.children;
      const k = leaves.length;
      leaves.push({ id: null, name: m[1]!.trim(), target: m[2]!.trim(), initialTarget: null, sign: null, unitOfMeasure: null, actual: m[3]!.trim(), qualitativeLevel: null, weight: null, selfScore: null, reviewerScore: null, deviationReason: null, core: false, notApplicable: false });
      provAt(p, `indicators.${i}.children.${j}.children.${k}`, para, m.index, m.index + m[0].length);
    }
    level = levelBefore(para.text.slice(from), para.text.length - from, level);
  }
}
