/**
 * A target tree (一级 › 二级 › 三级, 指标性质, 指标值, 计量单位, 分值, 核心指标) as the filing
 * table, editable or read-only, with each field's validation message in its own cell.
 */
import { Button, Checkbox, Input, Select, Typography } from 'antd';
import type { ReactElement } from 'react';
import type { JxIssue, TargetTreeInput } from '@jixiao/core';
import { setIn } from '../lib/paths.js';

export const SIGN_OPTIONS = [
  { value: '>=', label: '≥' },
  { value: '>', label: '>' },
  { value: '=', label: '=' },
  { value: '<=', label: '≤' },
  { value: '<', label: '<' },
  { value: 'qualitative', label: '定性' },
];

type Tree = TargetTreeInput;
type Level1 = NonNullable<Tree['indicators']>[number];

let serial = 0;
/** A new leaf id: short, unique in the tree, kept through adjustments and into the self-evaluation. */
export function newLeafId(): string {
  serial += 1;
  return `t${Date.now().toString(36)}${serial}`;
}
const newLeaf = () => ({ id: newLeafId(), name: '', sign: '>=' as const, value: '', unitOfMeasure: '', weight: null, core: false });

/** The profile's level-1 framework with the usual level-2 kinds, ready to fill in. */
export function starterTree(level1: Array<{ name: string; weight: string }>): Tree {
  const l2: Record<string, string[]> = { 产出指标: ['数量指标', '质量指标', '时效指标', '成本指标'], 效益指标: ['社会效益指标'], 满意度指标: ['服务对象满意度指标'] };
  return {
    goal: '',
    hasServiceUsers: true,
    indicators: level1.map((t) => ({ name: t.name, weight: t.weight, children: (l2[t.name] ?? ['']).map((name) => ({ name, weight: null, children: [newLeaf()] })) })),
  };
}

interface Props {
  tree: Tree;
  onChange?: ((t: Tree) => void) | undefined;
  issues?: JxIssue[];
  /** Leaf ids shown as changed (an adjustment). */
  changed?: ReadonlySet<string>;
}

export function TargetTreeTable({ tree, onChange, issues = [], changed }: Props) {
  const ro = !onChange;
  const set = (path: string, v: unknown) => onChange?.(setIn(tree, path, v === '' && /weight$/.test(path) ? null : v));
  const msg = (path: string) => issues.filter((i) => i.field === path).map((i) => i.message).join('；');
  const cell = (path: string, raw: string | number | null | undefined, label: string, width?: number) => {
    const value = raw === null || raw === undefined ? null : String(raw);
    const m = msg(path);
    if (ro) return <span data-path={path}>{value || <span style={{ color: '#bbb' }}>—</span>}</span>;
    return (
      <>
        <Input size="small" data-path={path} aria-label={label} value={value ?? ''} status={m ? 'error' : undefined} style={width ? { width } : undefined} onChange={(e) => set(path, e.target.value)} />
        {m && <Typography.Text type="danger" style={{ fontSize: 12, display: 'block' }}>{m}</Typography.Text>}
      </>
    );
  };
  const indicators = (tree.indicators ?? []) as Level1[];
  const rows: ReactElement[] = [];
  indicators.forEach((l1, i) => {
    const l2s = l1.children ?? [];
    const span1 = l2s.reduce((n, b) => n + Math.max(1, (b.children ?? []).length), 0) || 1;
    let first1 = true;
    (l2s.length ? l2s : [null]).forEach((l2, j) => {
      const leaves = l2 ? (l2.children ?? []) : [];
      (leaves.length ? leaves : [null]).forEach((leaf, k) => {
        const p1 = `indicators.${i}`;
        const p2 = `${p1}.children.${j}`;
        const p3 = `${p2}.children.${k}`;
        rows.push(
          <tr key={`${i}.${j}.${k}`} data-path={leaf ? p3 : p2} className={leaf && changed?.has(leaf.id) ? 'jx-changed' : undefined}>
            {first1 && (
              <td rowSpan={span1} className="jx-merged">
                {cell(`${p1}.name`, l1.name, '一级指标')}
                <div className="jx-weight"><span>分值</span>{cell(`${p1}.weight`, l1.weight ?? null, '一级指标分值', 56)}</div>
                {!ro && <Button size="small" type="link" onClick={() => set(`${p1}.children`, [...l2s, { name: '', weight: null, children: [newLeaf()] }])}>+ 二级</Button>}
                {!ro && <Button size="small" type="link" danger onClick={() => onChange!({ ...tree, indicators: indicators.filter((_, x) => x !== i) })}>删除</Button>}
              </td>
            )}
            {k === 0 && l2 && (
              <td rowSpan={Math.max(1, leaves.length)} className="jx-merged">
                {cell(`${p2}.name`, l2.name, '二级指标')}
                <div className="jx-weight"><span>分值</span>{cell(`${p2}.weight`, l2.weight ?? null, '二级指标分值', 56)}</div>
                {!ro && <Button size="small" type="link" onClick={() => set(`${p2}.children`, [...leaves, newLeaf()])}>+ 三级</Button>}
              </td>
            )}
            {!l2 && <td />}
            {leaf ? (
              <>
                <td>{cell(`${p3}.name`, leaf.name, '三级指标')}</td>
                <td>
                  {ro ? (
                    SIGN_OPTIONS.find((o) => o.value === leaf.sign)?.label
                  ) : (
                    <Select size="small" aria-label={`${leaf.name || '三级指标'} 指标性质`} data-path={`${p3}.sign`} value={leaf.sign} options={SIGN_OPTIONS} onChange={(v) => set(`${p3}.sign`, v)} style={{ width: 72 }} />
                  )}
                </td>
                <td>{cell(`${p3}.value`, leaf.value, '指标值')}</td>
                <td>{cell(`${p3}.unitOfMeasure`, leaf.unitOfMeasure ?? null, '计量单位', 72)}</td>
                <td>{cell(`${p3}.weight`, leaf.weight ?? null, '分值', 56)}</td>
                <td style={{ textAlign: 'center' }}>
                  <Checkbox aria-label="核心指标" checked={!!leaf.core} disabled={ro} onChange={(e) => set(`${p3}.core`, e.target.checked)} />
                </td>
                {!ro && (
                  <td>
                    <Button size="small" type="text" danger aria-label="删除指标" onClick={() => set(`${p2}.children`, leaves.filter((_, x) => x !== k))}>×</Button>
                  </td>
                )}
              </>
            ) : (
              <td colSpan={ro ? 6 : 7} style={{ color: '#bbb' }}>（暂无三级指标）</td>
            )}
          </tr>,
        );
        first1 = false;
      });
    });
  });
  return (
    <div>
      <table className="jx-paper" data-testid="target-tree">
        <thead>
          <tr>
            <th style={{ width: 130 }}>一级指标</th>
            <th style={{ width: 140 }}>二级指标</th>
            <th>三级指标</th>
            <th style={{ width: 84 }}>指标性质</th>
            <th style={{ width: 110 }}>指标值</th>
            <th style={{ width: 84 }}>计量单位</th>
            <th style={{ width: 66 }}>分值</th>
            <th style={{ width: 56 }}>核心</th>
            {!ro && <th style={{ width: 36 }} aria-label="操作" />}
          </tr>
        </thead>
        <tbody>{rows}</tbody>
      </table>
      {!ro && (
        <Button style={{ marginTop: 8 }} onClick={() => onChange!({ ...tree, indicators: [...indicators, { name: '', weight: null, children: [{ name: '', weight: null, children: [newLeaf()] }] }] })}>
          + 添加一级指标
        </Button>
      )}
      {msg('indicators') && <Typography.Text type="danger" style={{ display: 'block' }} data-testid="tree-issue">{msg('indicators')}</Typography.Text>}
    </div>
  );
}
