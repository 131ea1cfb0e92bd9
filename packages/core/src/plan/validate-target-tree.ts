/**
 * Validate a target tree as filed: the shape (every leaf has a name and a value, weights
 * are numbers from 0 to 100), then the sums (level-1 weights at most 100, children within
 * their parent's weight), unique leaf ids and at least one leaf. Never throws on user input:
 * the error's issues name every offending field by path and Chinese label.
 */
import { dec, sumDec } from '../decimal/decimal.js';
import { JxError, type JxIssue } from '../errors/error-codes.js';
import { zodToJxError, type ParseResult } from '../model/parse-evaluation.js';
import { TargetTree, targetLeaves, type TargetTree as Tree } from './target-tree.js';

/** The most the level-1 weights of a tree may add up to. */
export const TARGET_WEIGHT_CEILING = '100';

function weightSumIssue(path: string, label: string, parts: (string | null)[], ceiling: string, ceilingText: string): JxIssue | null {
  const stated = parts.filter((w): w is string => w !== null);
  if (stated.length === 0) return null;
  const sum = sumDec(stated.map((w) => dec(w)));
  if (!sum.greaterThan(dec(ceiling))) return null;
  return { field: path, label, message: `${label}合计 ${sum.toString()}，超过${ceilingText} ${ceiling}` };
}

/** Sums, ids and emptiness of a tree whose shape is already valid. */
export function targetTreeIssues(tree: Tree): JxIssue[] {
  const issues: JxIssue[] = [];
  const top = weightSumIssue('indicators', '一级指标分值', tree.indicators.map((l) => l.weight), TARGET_WEIGHT_CEILING, '满分');
  if (top) issues.push(top);
  tree.indicators.forEach((l1, i) => {
    if (l1.weight !== null) {
      const inner = weightSumIssue(`indicators.${i}.children`, `“${l1.name}”下二级指标分值`, l1.children.map((l) => l.weight), l1.weight, '一级指标分值');
      if (inner) issues.push(inner);
    }
    l1.children.forEach((l2, j) => {
      const ceiling = l2.weight ?? l1.weight;
      if (ceiling === null) return;
      const leaves = weightSumIssue(`indicators.${i}.children.${j}.children`, `“${l2.name}”下三级指标分值`, l2.children.map((l) => l.weight), ceiling, l2.weight !== null ? '二级指标分值' : '一级指标分值');
      if (leaves) issues.push(leaves);
    });
  });
  const seen = new Map<string, string>();
  for (const e of targetLeaves(tree)) {
    const first = seen.get(e.leaf.id);
    if (first !== undefined) issues.push({ field: `${e.path}.id`, label: '指标编号', message: `指标编号 ${e.leaf.id} 与 ${first} 重复` });
    else seen.set(e.leaf.id, e.path);
  }
  if (seen.size === 0) issues.push({ field: 'indicators', label: '绩效指标', message: '至少填写一个三级指标（含指标值）' });
  return issues;
}

const LEVEL_NAMES = ['一级指标', '二级指标', '三级指标'];

/** "indicators.0.children.1.children.2.value" → "三级指标 指标值". */
export function targetFieldLabel(path: string): string | undefined {
  const segs = path.split('.');
  const last = segs.at(-1) ?? '';
  const depth = segs.filter((s) => s === 'indicators' || s === 'children').length;
  const level = depth > 0 ? LEVEL_NAMES[depth - 1] : undefined;
  const field = ({ value: '指标值', name: '名称', weight: '分值', sign: '指标性质', unitOfMeasure: '计量单位', id: '指标编号', core: '核心指标' } as Record<string, string>)[last];
  if (!field) return undefined;
  return level ? `${level}${field}` : field;
}

export function validateTargetTree(input: unknown): ParseResult<Tree> {
  const r = TargetTree.safeParse(input);
  if (!r.success) {
    const e = zodToJxError(r.error);
    for (const i of e.issues) i.label = targetFieldLabel(i.field ?? '') ?? i.label;
    return { ok: false, error: new JxError('TARGETS_INVALID', e.issues.length === 1 ? e.issues[0]!.message : `共 ${e.issues.length} 处`, e.issues) };
  }
  const issues = targetTreeIssues(r.data);
  if (issues.length > 0) return { ok: false, error: new JxError('TARGETS_INVALID', issues.length === 1 ? issues[0]!.message : `共 ${issues.length} 处`, issues) };
  return { ok: true, value: r.data };
}
