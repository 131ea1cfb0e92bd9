/** 年度总体目标 as the form prints it: one row per goal, 预期目标 beside 实际完成情况. */
import { Button } from 'antd';
import { memo } from 'react';
import type { Evaluation } from '@jixiao/core';
import { Cell, type OnField } from './fields.js';

export interface GoalOps {
  addGoal(): void;
  removeGoal(i: number): void;
}

export const GoalsTable = memo(function GoalsTable({ goals, ro, onField, ops }: { goals: Evaluation['goals']; ro: boolean; onField: OnField; ops: GoalOps | null }) {
  return (
    <table className="jx-paper" data-testid="goals">
      <colgroup><col style={{ width: 40 }} /><col /><col />{ops && <col style={{ width: 40 }} />}</colgroup>
      <thead>
        <tr><th>#</th><th>预期目标</th><th>实际完成情况</th>{ops && <th aria-label="操作" />}</tr>
      </thead>
      <tbody>
        {goals.map((g, i) => (
          <tr key={i}>
            <td style={{ textAlign: 'center' }}>{i + 1}</td>
            <td><Cell path={`goals.${i}.expected`} value={g.expected} onField={onField} readOnly={ro} multiline rows={2} label={`目标${i + 1} 预期目标`} /></td>
            <td><Cell path={`goals.${i}.achieved`} value={g.achieved} onField={onField} readOnly={ro} multiline rows={2} label={`目标${i + 1} 实际完成情况`} /></td>
            {ops && (
              <td><Button size="small" type="text" danger aria-label="删除目标" onClick={() => ops.removeGoal(i)}>×</Button></td>
            )}
          </tr>
        ))}
        {goals.length === 0 && (
          <tr><td colSpan={4} style={{ textAlign: 'center', color: '#999', padding: 12 }}>尚未填写年度总体目标</td></tr>
        )}
      </tbody>
    </table>
  );
});
