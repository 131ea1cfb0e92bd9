/** Totals of a project list, over every matching row (the server computes them). */
import { Card, Space, Statistic, Tag } from 'antd';
import { PROGRESS_COLORS, type Progress, type ProjectListSummary } from '../api/types.js';
import { fmtMoney } from '../lib/format.js';

export function ProjectSummaryBar({ summary, onProgress, progress }: { summary: ProjectListSummary; progress?: string; onProgress?: (p: Progress | '') => void }) {
  return (
    <Card size="small" style={{ marginBottom: 12 }} data-testid="project-summary">
      <Space size={32} wrap>
        <Statistic title="项目数" value={summary.count} />
        <Statistic title="年初预算数（万元）" value={fmtMoney(summary.initialBudget)} />
        <Statistic title="全年预算数（万元）" value={fmtMoney(summary.adjustedBudget)} />
        <Statistic title="全年执行数（万元）" value={fmtMoney(summary.executed)} />
        <Statistic title="有错误的项目" value={summary.withErrors} styles={summary.withErrors ? { content: { color: '#cf1322' } } : undefined} />
        <Statistic title="须先处理才能提交" value={summary.blocked ?? 0} styles={summary.blocked ? { content: { color: '#d46b08' } } : undefined} data-testid="summary-blocked" />
      </Space>
      <div style={{ marginTop: 8 }}>
        {summary.byProgress
          .filter((p) => p.count > 0)
          .map((p) => (
            <Tag.CheckableTag
              key={p.progress}
              checked={progress === p.progress}
              onChange={(on) => onProgress?.(on ? p.progress : '')}
              style={{ border: '1px solid #d9d9d9', marginBottom: 4 }}
            >
              <Tag color={PROGRESS_COLORS[p.progress]} style={{ marginInlineEnd: 4 }}>{p.label}</Tag>
              {p.count}
            </Tag.CheckableTag>
          ))}
      </div>
    </Card>
  );
}
