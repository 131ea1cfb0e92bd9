/**
 * 报告正文: every chapter of the province's template, in order. The parts only the unit can
 * write are editable with the template's guidance beside them; the parts the system writes
 * from the tables are named. Then 评价工作组 and the dates, and what the report still lacks.
 */
import { Alert, Button, Card, Input, Space, Table, Typography } from 'antd';
import { memo, useState } from 'react';
import type { Evaluation } from '@jixiao/core';
import type { ReportBlock, ReportOutline } from '../api/plan-types.js';
import { useApi } from '../lib/use-api.js';
import type { OnField } from './fields.js';
import { PlaceholderList } from './PlaceholdersDialog.js';

const FIGURE_NAMES: Record<string, string> = {
  staffing: '人员编制与在职人数',
  fundsSummary: '预算安排及执行情况',
  fundsBySource: '资金来源构成',
  fundsByNature: '支出结构',
  goals: '年度总体目标',
  goalsAchieved: '总体目标完成情况',
  indicatorOverview: '绩效指标设置',
  indicatorTable: '绩效指标表',
  levelAnalysis: '各项指标得分与偏差原因',
  conclusion: '自评得分与等级',
  scoreTable: '各项指标得分情况表',
  chartScores: '指标得分图',
  chartBudget: '预算执行图',
  chartSources: '资金来源图',
  team: '评价工作组与日期',
  projects: '项目支出绩效自评汇总',
};
const CN = '一二三四五六七八九十';
const chapterNo = (i: number) => (i < 10 ? CN[i] : i < 20 ? `十${CN[i - 10] ?? ''}` : String(i + 1));

interface Props {
  evaluationId: string;
  version: number;
  evaluation: Evaluation;
  editable: boolean;
  onField: OnField;
  update(fn: (d: Evaluation) => Evaluation): void;
}

function UnitBlock({ b, ev, editable, onField, update, created, setCreated }: { b: Extract<ReportBlock, { kind: 'unit' }>; ev: Evaluation; editable: boolean; onField: OnField; update: Props['update']; created: number | undefined; setCreated(i: number): void }) {
  const index = b.chapterIndex ?? created ?? null;
  const body = index !== null ? (ev.chapters[index]?.body ?? '') : '';
  const onText = (text: string) => {
    if (index !== null) return onField(`chapters.${index}.body`, text);
    setCreated(ev.chapters.length);
    update((d) => ({ ...d, chapters: [...d.chapters, { level: 1, number: null, title: b.label, body: text }] }));
  };
  const missing = b.required && !body.trim() && b.sections.every((s) => !(ev.chapters[s.index]?.body ?? '').trim());
  return (
    <div style={{ marginBottom: 12 }} data-slot={b.slot}>
      <Typography.Text strong>{b.heading ?? b.label}</Typography.Text>
      {b.guidance && <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 4 }}>填写说明：{b.guidance}</Typography.Paragraph>}
      {editable ? (
        <Input.TextArea data-path={index !== null ? `chapters.${index}.body` : `report.${b.slot}`} aria-label={b.label} status={missing ? 'warning' : undefined} autoSize={{ minRows: 2, maxRows: 10 }} value={body} placeholder={b.required ? '必填：未填写的部分在报告中显示为【待填写】' : '可不填'} onChange={(e) => onText(e.target.value)} />
      ) : (
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{body || '—'}</Typography.Paragraph>
      )}
      {b.sections.map((s) => (
        <div key={s.index} style={{ marginTop: 6, paddingLeft: 16 }}>
          <Typography.Text>{s.title}</Typography.Text>
          {editable ? (
            <Input.TextArea data-path={`chapters.${s.index}.body`} aria-label={s.title} autoSize={{ minRows: 1, maxRows: 8 }} value={ev.chapters[s.index]?.body ?? ''} onChange={(e) => onField(`chapters.${s.index}.body`, e.target.value)} />
          ) : (
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{ev.chapters[s.index]?.body ?? ''}</Typography.Paragraph>
          )}
        </div>
      ))}
    </div>
  );
}

function TeamAndDates({ ev, editable, onField, update }: Omit<Props, 'evaluationId' | 'version' | 'evaluation'> & { ev: Evaluation }) {
  const cell = (path: string, value: string | null | undefined, label: string) =>
    editable ? <Input size="small" data-path={path} aria-label={label} value={value ?? ''} onChange={(e) => onField(path, e.target.value || null)} /> : value ?? '';
  return (
    <div data-testid="team">
      <Table
        size="small"
        pagination={false}
        rowKey={(_, i) => String(i)}
        dataSource={ev.team}
        locale={{ emptyText: '尚未填写评价工作组' }}
        columns={[
          { title: '姓名', key: 'n', render: (_, m, i) => (editable ? <Input size="small" data-path={`team.${i}.name`} aria-label={`工作组成员${i + 1} 姓名`} value={m.name} onChange={(e) => onField(`team.${i}.name`, e.target.value)} /> : m.name) },
          { title: '组内职务', key: 'r', width: 120, render: (_, m, i) => cell(`team.${i}.role`, m.role, `工作组成员${i + 1} 组内职务`) },
          { title: '职务 / 职称', key: 't', render: (_, m, i) => cell(`team.${i}.title`, m.title, `工作组成员${i + 1} 职务`) },
          ...(editable ? [{ title: '', key: 'x', width: 40, render: (_: unknown, __: unknown, i: number) => <Button size="small" type="text" danger aria-label="删除成员" onClick={() => update((d) => ({ ...d, team: d.team.filter((_, k) => k !== i) }))}>×</Button> }] : []),
        ]}
      />
      {editable && <Button size="small" style={{ marginTop: 4 }} onClick={() => update((d) => ({ ...d, team: [...d.team, { name: '', role: d.team.length ? '组员' : '组长', title: null, unit: null }] }))}>+ 添加成员</Button>}
      <Space style={{ marginTop: 8 }} wrap>
        <span>评价开始日期</span>{cell('dates.evaluationStart', ev.dates.evaluationStart, '评价开始日期')}
        <span>评价结束日期</span>{cell('dates.evaluationEnd', ev.dates.evaluationEnd, '评价结束日期')}
        <span>报告日期</span>{cell('dates.reportDate', ev.dates.reportDate, '报告日期')}
      </Space>
    </div>
  );
}

export const ReportChapters = memo(function ReportChapters({ evaluationId, version, evaluation: ev, editable, onField, update }: Props) {
  const outline = useApi<ReportOutline>(`/api/evaluations/${evaluationId}/report?v=${version}`);
  const [created, setCreated] = useState<Record<string, number>>({});
  const o = outline.data;
  if (outline.error) return <Alert type="warning" showIcon title={`报告正文暂不可用：${outline.error}`} />;
  if (!o) return null;
  return (
    <section className="jx-section" data-path="chapters" aria-labelledby="h-chapters">
      <h4 id="h-chapters">报告正文（{o.template.name}）</h4>
      {o.placeholders.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="report-placeholders"
          title={`按已保存的内容，报告还有 ${o.placeholders.length} 处【待填写】；补全后才能导出和公开`}
          description={<details><summary>查看清单</summary><PlaceholderList items={o.placeholders} /></details>}
        />
      ) : (
        <Alert type="success" showIcon style={{ marginBottom: 12 }} data-testid="report-complete" title="报告内容已完整，可以导出" />
      )}
      {o.chapters.map((ch, ci) => (
        <Card key={ci} size="small" title={`${chapterNo(ci)}、${ch.title}`} style={{ marginBottom: 8 }}>
          {ch.blocks.map((b, bi) =>
            b.kind === 'unit' ? (
              <UnitBlock key={bi} b={b} ev={ev} editable={editable} onField={onField} update={update} created={created[b.slot]} setCreated={(i) => setCreated((c) => ({ ...c, [b.slot]: i }))} />
            ) : b.name === 'team' ? (
              <TeamAndDates key={bi} ev={ev} editable={editable} onField={onField} update={update} />
            ) : (
              <Typography.Paragraph key={bi} type="secondary" style={{ fontSize: 12 }}>
                {b.heading ? `${b.heading}：` : ''}由系统根据填报数据生成（{FIGURE_NAMES[b.name] ?? b.name}）
              </Typography.Paragraph>
            ),
          )}
        </Card>
      ))}
    </section>
  );
});
