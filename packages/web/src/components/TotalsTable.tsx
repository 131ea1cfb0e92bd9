/** 总分 and 等级: what the unit states beside what the profile computes, live. */
import { Space } from 'antd';
import { memo } from 'react';
import type { Evaluation } from '@jixiao/core';
import type { ScoreJson } from '../api/types.js';
import { Cell, type OnField } from './fields.js';
import { differentDec, fmt } from '../lib/format.js';
import { GradeText } from './ScoreBasis.js';

export const TotalsTable = memo(function TotalsTable({ totals, score, ro, onField }: { totals: Evaluation['totals']; score: ScoreJson | null; ro: boolean; onField: OnField }) {
  return (
    <table className="jx-paper" data-testid="totals">
      <colgroup><col style={{ width: 120 }} /><col /><col style={{ width: 120 }} /><col /></colgroup>
      <tbody>
        <tr>
          <td className="jx-row-label">总分值</td>
          <td className="jx-num"><Cell path="totals.statedWeight" value={totals.statedWeight} onField={onField} readOnly={ro} numeric label="总分值" placeholder="100" /></td>
          <td className="jx-row-label">系统计算总分</td>
          <td className={`jx-calc${differentDec(totals.statedScore, score?.computedTotal) ? ' jx-diff' : ''}`} data-testid="computed-total">{fmt(score?.computedTotal)}</td>
        </tr>
        <tr>
          <td className="jx-row-label">自评总分</td>
          <td className="jx-num"><Cell path="totals.statedScore" value={totals.statedScore} onField={onField} readOnly={ro} numeric label="自评总分" /></td>
          <td className="jx-row-label">评价等级</td>
          <td>
            <Space>
              <Cell path="totals.statedGrade" value={totals.statedGrade} onField={onField} readOnly={ro} label="评价等级" placeholder="优 / 良 / 中 / 差" />
              {score?.computedGrade && <span style={{ color: '#1677ff', whiteSpace: 'nowrap' }} data-testid="computed-grade">计算：{score.computedGrade}</span>}
              {score && !score.computedGrade && score.ungradableReason && <GradeText grade={null} ungradableReason={score.ungradableReason} />}
            </Space>
          </td>
        </tr>
      </tbody>
    </table>
  );
});
