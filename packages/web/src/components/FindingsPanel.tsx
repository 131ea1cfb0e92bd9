/** Score summary and the audit findings; each finding jumps to its field. */
import { Alert, Card, Empty, List, Space, Statistic, Tag, Typography } from 'antd';
import { memo, useMemo } from 'react';
import type { FindingJson, ScoreJson } from '../api/types.js';
import { SEVERITY_COLORS, SEVERITY_NAMES, jumpToPath } from './findings.js';
import { fmt, fmtRate } from '../lib/format.js';
import { GradeText, ScoreBasisList } from './ScoreBasis.js';

export const ScoreSummary = memo(function ScoreSummary({ score, statedTotal, busy }: { score: ScoreJson | null; statedTotal?: string | null; busy?: boolean }) {
  return (
    <Card size="small" title="得分" extra={busy ? <Typography.Text type="secondary">计算中…</Typography.Text> : score ? <Typography.Text type="secondary">{score.profile.name}</Typography.Text> : null}>
      {score ? (
        <Space size="large" wrap>
          <Statistic title="系统计算总分" value={fmt(score.computedTotal)} data-testid="live-total" />
          <Statistic title="自评总分" value={fmt(statedTotal ?? score.statedTotal)} />
          <Statistic title="等级" valueRender={() => <GradeText grade={score.computedGrade} ungradableReason={score.ungradableReason} />} />
          <Statistic title="执行率" value={fmtRate(score.execution.rate)} />
        </Space>
      ) : (
        <Typography.Text type="secondary">填写资金和指标后自动计算</Typography.Text>
      )}
      {score?.ungradableReason && <Typography.Paragraph type="warning" style={{ marginTop: 8, marginBottom: 0 }} data-testid="ungradable-reason">{score.ungradableReason}</Typography.Paragraph>}
      {score && <ScoreBasisList score={score} />}
    </Card>
  );
});

/** The key that identifies a finding across two audits of the same content. */
export const findingKey = (f: FindingJson) => `${f.rule}|${f.location.path ?? ''}|${f.message}`;

export const FindingsPanel = memo(function FindingsPanel({ findings, title = '审查发现', onPick, problem, blocking }: { findings: FindingJson[]; title?: string; onPick?: (f: FindingJson) => void; problem?: string | null; blocking?: FindingJson[] }) {
  const blocks = useMemo(() => new Set((blocking ?? []).map(findingKey)), [blocking]);
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  return (
    <Card
      size="small"
      title={title}
      extra={
        <Space size={4}>
          <Tag color="red">错误 {errors}</Tag>
          <Tag color="gold">提醒 {warnings}</Tag>
        </Space>
      }
      styles={{ body: { maxHeight: '60vh', overflow: 'auto', padding: 8 } }}
    >
      {problem && <Alert type="warning" showIcon title={problem} style={{ marginBottom: 8 }} />}
      {findings.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有发现问题" />
      ) : (
        <List
          size="small"
          dataSource={findings}
          data-testid="findings"
          renderItem={(f, i) => (
            <li
              key={i}
              className="jx-findings-item"
              role="button"
              tabIndex={0}
              data-finding-path={f.location.path ?? ''}
              onClick={() => (onPick ? onPick(f) : jumpToPath(f.location.path))}
              onKeyDown={(e) => {
                if (e.key === 'Enter' || e.key === ' ') {
                  e.preventDefault();
                  if (onPick) onPick(f);
                  else jumpToPath(f.location.path);
                }
              }}
            >
              <Tag color={SEVERITY_COLORS[f.severity]}>{SEVERITY_NAMES[f.severity]}</Tag>
              {blocks.has(findingKey(f)) && <Tag color="volcano">提交前须处理</Tag>}
              {f.location.label && <Typography.Text type="secondary">{f.location.label}：</Typography.Text>}
              <span>{f.message}</span>
              {f.location.source?.snippet && (
                <div style={{ fontSize: 12, color: '#595959', marginTop: 2, borderLeft: '3px solid #d9d9d9', paddingLeft: 6 }}>
                  {f.location.source.line ? `第 ${f.location.source.line} 行：` : '原文：'}
                  {f.location.source.snippet}
                </div>
              )}
              {(f.reported !== null || f.expected !== null) && (
                <div style={{ fontSize: 12, color: '#888', marginTop: 2 }}>
                  {f.reported !== null && <>填报 {f.reported}　</>}
                  {f.expected !== null && <>应为 {f.expected}　</>}
                  {f.difference !== null && <>差额 {f.difference}</>}
                </div>
              )}
            </li>
          )}
        />
      )}
    </Card>
  );
});
