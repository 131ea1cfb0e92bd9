/** Start a self-evaluation from an uploaded report: read it, audit it, then save it as a draft. */
import { Alert, Button, Card, Descriptions, Space, Typography } from 'antd';
import { useState } from 'react';
import { errorText, request } from '../api/client.js';
import type { Imported } from '../api/types.js';
import { navigate } from '../app/router.js';
import { useSession, useUser } from '../app/session.js';
import { SourceAudit } from '../components/SourceAudit.js';
import { UploadBox } from '../components/UploadBox.js';

export default function ImportPage() {
  const user = useUser();
  const { year } = useSession();
  const [result, setResult] = useState<(Imported & { fileName: string }) | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const create = async () => {
    if (!result) return;
    setBusy(true);
    setError(null);
    try {
      const ev = result.evaluation as { kind?: 'department' | 'project'; fiscalYear?: number; profile?: string };
      const r = await request<{ id: string }>('/api/evaluations', {
        body: { unitId: user.unitId, fiscalYear: ev.fiscalYear ?? year, kind: ev.kind ?? 'department', profile: ev.profile, evaluation: result.evaluation },
      });
      navigate(`/evaluations/${r.id}`);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const ev = result?.evaluation as { kind?: string; fiscalYear?: number; unit?: { name?: string | null }; project?: { name?: string } | null } | undefined;
  return (
    <>
      <Typography.Title level={3}>从报告导入</Typography.Title>
      <Typography.Paragraph type="secondary">
        上传已有的自评报告或自评表（Word、PDF、Excel 或文本），系统读取其中的资金、指标和得分，逐项审查后可保存为草稿继续修改。
      </Typography.Paragraph>
      <UploadBox<Imported> url="/api/uploads" hint="支持 .docx .pdf .xlsx .txt .json" onDone={(r, f) => setResult({ ...r, fileName: f.name })} />
      {result && (
        <Card style={{ marginTop: 16 }} data-testid="import-result">
          <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
            <Descriptions
              size="small"
              column={4}
              items={[
                { key: 'f', label: '文件', children: result.fileName },
                { key: 'u', label: '单位', children: ev?.unit?.name ?? '未识别' },
                { key: 'y', label: '年度', children: ev?.fiscalYear ?? '未识别' },
                { key: 'k', label: '类型', children: ev?.kind === 'project' ? '项目支出' : '部门整体' },
              ]}
            />
            <Button type="primary" onClick={() => void create()} loading={busy} disabled={!user.unitId}>
              保存为草稿并继续填报
            </Button>
          </Space>
          {!user.unitId && <Alert type="info" showIcon title="只有单位用户可以保存为本单位的自评" style={{ marginBottom: 12 }} />}
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
          <SourceAudit lines={result.lines} findings={result.audit?.findings ?? []} />
        </Card>
      )}
    </>
  );
}
