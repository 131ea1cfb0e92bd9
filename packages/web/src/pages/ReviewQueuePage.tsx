/**
 * 审核队列: by default what waits for me (a department reviewer: submitted; the finance bureau:
 * approved by the department; 待公开: approved by finance), every status one choice away; rows
 * can be chosen for a batch approve / return / publish with one opinion, answered item by item.
 */
import { App as AntApp, Button, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { errorText, request } from '../api/client.js';
import type { BatchResult, EvaluationSummary } from '../api/types.js';
import { useRoute } from '../app/router.js';
import { useUser } from '../app/session.js';
import { BatchResultModal } from '../components/BatchResultModal.js';
import { EvaluationTable } from '../components/EvaluationTable.js';

const WAITING: Record<string, string> = { department_reviewer: 'submitted', finance_reviewer: 'department_approved' };
const BATCH: Array<{ action: 'approve' | 'return' | 'publish'; label: string; roles: string[] }> = [
  { action: 'approve', label: '批量审核通过', roles: ['department_reviewer', 'finance_reviewer'] },
  { action: 'return', label: '批量退回', roles: ['department_reviewer', 'finance_reviewer'] },
  { action: 'publish', label: '批量公开', roles: ['finance_reviewer'] },
];

export default function ReviewQueuePage() {
  const route = useRoute();
  const user = useUser();
  const { message } = AntApp.useApp();
  const publishing = route.query.get('status') === 'finance_approved';
  const [chosen, setChosen] = useState<EvaluationSummary[]>([]);
  const [opinion, setOpinion] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<BatchResult | null>(null);
  const [reloadKey, setReloadKey] = useState(0);
  const [names, setNames] = useState(new Map<string, string>());

  const run = async (action: 'approve' | 'return' | 'publish') => {
    if (action === 'return' && !opinion.trim()) {
      message.error('批量退回时请填写审核意见');
      return;
    }
    setBusy(true);
    try {
      const items = chosen.map((r) => ({ id: Number(r.id), version: r.version }));
      setNames(new Map(chosen.map((r) => [String(r.id), r.title || r.unitName || ''])));
      setResult(await request<BatchResult>(`/api/evaluations/batch/${action}`, { body: { items, opinion: opinion.trim() || undefined } }));
      setChosen([]);
      setReloadKey((k) => k + 1);
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Typography.Title level={3}>{publishing ? '待公开' : '审核队列'}</Typography.Title>
      <Typography.Paragraph type="secondary">
        默认显示等待我处理的自评（状态可选“全部”）。系统按评分规则重新计算每份自评的得分并逐项审查；红色的“系统计算”表示与单位自评得分不一致。自评质量显示财政局确认的得分；尚未确认的显示系统按评分细则计算的得分，标“未确认”；点击列头可按自评质量排序。
      </Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }} data-testid="batch-bar">
        <Input aria-label="批量审核意见" placeholder="审核意见（一份意见用于所选各项；退回时必填）" value={opinion} onChange={(e) => setOpinion(e.target.value)} style={{ width: 360 }} />
        {BATCH.filter((b) => b.roles.includes(user.role)).map((b) => (
          <Button key={b.action} danger={b.action === 'return'} disabled={chosen.length === 0} loading={busy} onClick={() => void run(b.action)}>
            {b.label}（{chosen.length}）
          </Button>
        ))}
      </Space>
      <EvaluationTable
        linkBase="/review/"
        reviewer
        defaultStatus={WAITING[user.role]}
        reloadKey={reloadKey}
        selection={{ keys: chosen.map((r) => r.id), onChange: (_k, rows) => setChosen(rows) }}
      />
      <BatchResultModal result={result} names={names} onClose={() => setResult(null)} />
    </>
  );
}
