/**
 * 导入项目清单: upload the budget system's project list (.xlsx / .csv), see what is new,
 * changed and gone (or every bad row with its row number and column — nothing imported),
 * then confirm. Importing the same list again changes nothing.
 */
import { Alert, App as AntApp, Button, Card, Checkbox, InputNumber, Result, Select, Space, Steps, Table, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { ApiError, errorText, request } from '../api/client.js';
import type { Org, ProjectImport, ProjectListIssue } from '../api/types.js';
import { navigate } from '../app/router.js';
import { useSession, useUser } from '../app/session.js';
import { ImportPreview } from '../components/ImportPreview.js';
import { useApi } from '../lib/use-api.js';

interface Options {
  fiscalYear: number;
  amountUnit: '' | '万元' | '元';
  createEvaluations: boolean;
  departmentId: string;
  unitId: string;
}

function issuesOf(e: unknown): ProjectListIssue[] {
  if (!(e instanceof ApiError) || e.code !== 'PROJECT_LIST_INVALID') return [];
  const body = e.body as { error?: { issues?: ProjectListIssue[] } } | null;
  return body?.error?.issues ?? e.issues;
}

function IssueTable({ message, issues }: { message: string; issues: ProjectListIssue[] }) {
  return (
    <Alert
      type="error"
      showIcon
      style={{ marginTop: 12 }}
      title={message}
      data-testid="import-issues"
      description={
        <Table<ProjectListIssue>
          size="small"
          rowKey={(r, i) => `${r.line}-${r.field}-${i}`}
          pagination={issues.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
          dataSource={issues}
          columns={[
            { title: '行号', dataIndex: 'line', width: 70, render: (v?: number) => (v ? `第 ${v} 行` : '') },
            { title: '列', dataIndex: 'field', width: 120 },
            { title: '问题', dataIndex: 'message' },
          ]}
        />
      }
    />
  );
}

function OptionsForm({ opts, set, org }: { opts: Options; set: (o: Partial<Options>) => void; org: Org | null }) {
  const user = useUser();
  const reviewer = !user.unitId;
  return (
    <Space wrap size="large" style={{ marginBottom: 12 }}>
      <span>
        年度 <InputNumber aria-label="清单所属年度" min={1990} max={2100} value={opts.fiscalYear} onChange={(v) => v && set({ fiscalYear: v })} style={{ width: 100 }} />
      </span>
      <span>
        金额单位{' '}
        <Select
          aria-label="金额单位"
          value={opts.amountUnit}
          onChange={(v) => set({ amountUnit: v })}
          style={{ width: 150 }}
          options={[
            { value: '', label: '按表头（默认万元）' },
            { value: '万元', label: '万元' },
            { value: '元', label: '元' },
          ]}
        />
      </span>
      {reviewer && user.role === 'finance_reviewer' && (
        <Select aria-label="限定主管部门" allowClear placeholder="全部主管部门" value={opts.departmentId || undefined} onChange={(v) => set({ departmentId: v ?? '', unitId: '' })} style={{ width: 180 }} options={(org?.departments ?? []).map((d) => ({ value: String(d.id), label: d.name }))} />
      )}
      {reviewer && (
        <Select
          aria-label="限定单位"
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder="全部单位"
          value={opts.unitId || undefined}
          onChange={(v) => set({ unitId: v ?? '' })}
          style={{ width: 220 }}
          options={(org?.units ?? []).filter((u) => !opts.departmentId || String(u.parentId) === opts.departmentId).map((u) => ({ value: String(u.id), label: u.name }))}
        />
      )}
      <Checkbox checked={opts.createEvaluations} onChange={(e) => set({ createEvaluations: e.target.checked })}>
        为新项目建立自评草稿
      </Checkbox>
    </Space>
  );
}

export default function ProjectImportPage() {
  const user = useUser();
  const { year } = useSession();
  const { message } = AntApp.useApp();
  const org = useApi<Org>(user.unitId ? null : '/api/org');
  const [opts, setOpts] = useState<Options>({ fiscalYear: year, amountUnit: '', createEvaluations: true, departmentId: '', unitId: '' });
  // The list is for the year chosen in the header (which may settle after the page opens); it can still be changed here.
  useEffect(() => setOpts((o) => ({ ...o, fiscalYear: year })), [year]);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<{ message: string; issues: ProjectListIssue[] } | null>(null);
  const [preview, setPreview] = useState<ProjectImport | null>(null);
  const listPath = user.unitId ? '/unit-projects' : '/projects';

  const upload = async (file: File) => {
    setBusy(true);
    setFailure(null);
    try {
      const form = new FormData();
      form.append('file', file, file.name);
      form.append('fiscalYear', String(opts.fiscalYear));
      if (opts.amountUnit) form.append('amountUnit', opts.amountUnit);
      if (opts.unitId) form.append('unitId', opts.unitId);
      else if (opts.departmentId) form.append('departmentId', opts.departmentId);
      form.append('createEvaluations', String(opts.createEvaluations));
      setPreview(await request<ProjectImport>('/api/project-imports', { form, method: 'POST' }));
    } catch (e) {
      setFailure({ message: errorText(e), issues: issuesOf(e) });
    } finally {
      setBusy(false);
    }
  };

  const commit = async () => {
    if (!preview) return;
    setBusy(true);
    try {
      setPreview(await request<ProjectImport>(`/api/project-imports/${preview.id}/commit`, { method: 'POST', body: {} }));
      message.success('项目清单已导入');
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const step = !preview ? 0 : preview.status === 'previewed' ? 1 : 2;
  const r = preview?.result;
  return (
    <>
      <Typography.Title level={3}>导入项目清单</Typography.Title>
      <Steps current={step} style={{ maxWidth: 720, marginBottom: 16 }} items={[{ title: '上传清单' }, { title: '核对变化' }, { title: '完成' }]} />
      {step === 0 && (
        <Card>
          <OptionsForm opts={opts} set={(o) => setOpts((x) => ({ ...x, ...o }))} org={org.data} />
          <Upload.Dragger accept=".xlsx,.csv" multiple={false} showUploadList={false} disabled={busy} customRequest={({ file }) => void upload(file as File)}>
            <p className="ant-upload-text">{busy ? '正在读取和核对…' : '点击或拖入预算系统导出的项目清单'}</p>
            <p className="ant-upload-hint">.xlsx 或 .csv（UTF-8 或 GBK）；需要“项目编码”“项目名称”“单位”“年初预算数”列，可带全年预算数、项目类别、类型（部门项目 / 转移支付）、本年财政拨款、上年结转、其他资金等列。</p>
          </Upload.Dragger>
          {failure && (failure.issues.length ? <IssueTable message={failure.message} issues={failure.issues} /> : <Alert type="error" showIcon title={failure.message} style={{ marginTop: 12 }} />)}
        </Card>
      )}
      {step === 1 && preview && <ImportPreview preview={preview} busy={busy} onCommit={() => void commit()} onCancel={() => setPreview(null)} />}
      {step === 2 && r && (
        <Result
          status="success"
          title="项目清单已导入"
          subTitle={`新增 ${r.created} 个、更新 ${r.updated} 个、标记为不在清单 ${r.removed} 个项目；新建自评草稿 ${r.evaluationsCreated} 份，随清单更新 ${r.evaluationsUpdated} 份。`}
          extra={[
            <Button key="list" type="primary" onClick={() => navigate(listPath)}>
              查看项目
            </Button>,
            <Button key="again" onClick={() => setPreview(null)}>
              再导入一份
            </Button>,
          ]}
        />
      )}
    </>
  );
}
