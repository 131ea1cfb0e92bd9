/**
 * 结果应用: every evaluation the finance bureau approved this year, with the budget action its
 * grade suggests under its profile, the finance bureau's decision (a note when it differs from
 * the suggestion) and the supervising department's response — and the .xlsx the budget office
 * uses for next year's budget.
 */
import { Alert, App as AntApp, Button, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { download, errorText, query, request } from '../api/client.js';
import { KIND_NAMES } from '../api/types.js';
import type { ResultApplicationLine } from '../api/after-cycle-types.js';
import { href } from '../app/router.js';
import { useSession, useUser } from '../app/session.js';
import { useApi } from '../lib/use-api.js';
import { fmt } from '../lib/format.js';

function DecisionCell({ line, onDone }: { line: ResultApplicationLine; onDone: () => void }) {
  const { message } = AntApp.useApp();
  const [decision, setDecision] = useState(line.suggestion?.action);
  const [note, setNote] = useState('');
  const save = async () => {
    try {
      await request(`/api/result-applications/${line.evaluationId}/decision`, { body: { decision, note: note.trim() || undefined } });
      message.success('已记录决定');
      onDone();
    } catch (e) {
      message.error(errorText(e));
    }
  };
  return (
    <Space orientation="vertical" size={2} style={{ width: '100%' }}>
      <Select size="small" aria-label="预算处理决定" value={decision} onChange={setDecision} options={line.actions.map((a) => ({ value: a.id, label: a.label }))} style={{ width: '100%' }} />
      {decision !== line.suggestion?.action && <Input size="small" aria-label="决定说明" placeholder="与建议不同，请说明理由" value={note} onChange={(e) => setNote(e.target.value)} />}
      <Button size="small" type="primary" onClick={() => void save()}>记录决定</Button>
    </Space>
  );
}

function ResponseCell({ line, onDone }: { line: ResultApplicationLine; onDone: () => void }) {
  const { message } = AntApp.useApp();
  const [text, setText] = useState('');
  const save = async () => {
    try {
      await request(`/api/result-applications/${line.evaluationId}/response`, { body: { version: line.version, response: text } });
      message.success('已反馈');
      onDone();
    } catch (e) {
      message.error(errorText(e));
    }
  };
  return (
    <Space orientation="vertical" size={2} style={{ width: '100%' }}>
      <Input.TextArea aria-label="部门反馈" rows={2} placeholder="下年预算如何落实" value={text} onChange={(e) => setText(e.target.value)} />
      <Button size="small" type="primary" onClick={() => void save()}>提交反馈</Button>
    </Space>
  );
}

export default function ResultApplicationsPage() {
  const { year } = useSession();
  const user = useUser();
  const { message } = AntApp.useApp();
  const list = useApi<ResultApplicationLine[]>(`/api/result-applications${query({ year })}`);
  const finance = user.role === 'finance_reviewer';
  const dept = user.role === 'department_reviewer';
  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={3}>结果应用</Typography.Title>
        <Button data-testid="export-results" onClick={() => void download(`/api/result-applications/export${query({ year })}`, `${year}年度绩效评价结果应用清单.xlsx`).catch((e) => message.error(errorText(e)))}>
          导出清单（.xlsx）
        </Button>
      </Space>
      <Typography.Paragraph type="secondary">
        {year} 年度财政审核通过的自评：按评价等级（抽评等级优先，其次财政复核得分，再次系统计算）和评分规则给出下年预算的处理建议，财政局记录决定，主管部门反馈落实情况。
      </Typography.Paragraph>
      {list.error && <Alert type="error" showIcon title={list.error} style={{ marginBottom: 16 }} />}
      <Table<ResultApplicationLine>
        rowKey="evaluationId"
        size="middle"
        loading={list.loading}
        dataSource={list.data ?? []}
        data-testid="result-applications"
        columns={[
          { title: '单位 / 项目', key: 't', render: (_, r) => <a href={href(`/review/${r.evaluationId}`)}>{r.title}<div style={{ color: '#888', fontSize: 12 }}>{r.departmentName} · {r.unitName}</div></a> },
          { title: '类型', dataIndex: 'kind', width: 80, render: (k: string) => KIND_NAMES[k as keyof typeof KIND_NAMES] ?? k },
          { title: '得分', dataIndex: 'score', width: 70, align: 'right', render: (v: string | null) => fmt(v) },
          { title: '等级', key: 'g', width: 110, render: (_, r) => (r.suggestion ? <span>{r.suggestion.grade ?? '无法定级'}<div style={{ color: '#888', fontSize: 12 }}>{r.suggestion.gradeBasis === 'sample' ? '抽评' : r.suggestion.gradeBasis === 'review' ? '财政复核' : '系统计算'}</div></span> : '—') },
          { title: '建议', key: 's', width: 170, render: (_, r) => r.suggestion?.actionLabel ?? '—' },
          {
            title: '财政决定',
            key: 'd',
            width: 220,
            render: (_, r) => (r.decision ? <span>{r.decision.label}{r.decision.note ? <div style={{ color: '#888', fontSize: 12 }}>{r.decision.note}</div> : null}</span> : finance ? <DecisionCell line={r} onDone={list.reload} /> : <Tag>待决定</Tag>),
          },
          { title: '部门反馈', key: 'r', width: 220, render: (_, r) => (r.response ? r.response.text : dept && r.state === 'decided' ? <ResponseCell line={r} onDone={list.reload} /> : '—') },
          { title: '状态', dataIndex: 'stateLabel', width: 120, render: (v: string, r) => <Tag color={r.state === 'responded' ? 'green' : r.state === 'decided' ? 'blue' : 'default'}>{v}</Tag> },
        ]}
      />
    </>
  );
}
