/** Building the indicator tree (一级 › 二级 › 三级) as rows arrive, merged level cells carried down. */
import type { Indicator, Level1 } from '@jixiao/core';

export function findOrAddLevel1(list: Level1[], name: string): number {
  const key = name.replace(/指标$/, '');
  const idx = list.findIndex((l) => l.name.replace(/指标$/, '') === key);
  if (idx >= 0) return idx;
  list.push({ name, weight: null, selfScore: null, statedScoreRate: null, children: [] });
  return list.length - 1;
}

export function parseSign(s: string): Indicator['sign'] {
  const t = s.replace(/\s+/g, '');
  if (t === '') return null;
  if (/^(?:≥|>=|不低于|大于等于|正向)$/.test(t)) return '>=';
  if (/^(?:≤|<=|不高于|小于等于|反向)$/.test(t)) return '<=';
  if (/^(?:>|大于)$/.test(t)) return '>';
  if (/^(?:<|小于)$/.test(t)) return '<';
  if (/^(?:=|等于)$/.test(t)) return '=';
  if (/定性/.test(t)) return 'qualitative';
  return null;
}
