/** "Audit any report": drop a published report and see its findings beside the quoted lines. */
import { Card, Descriptions, Typography } from 'antd';
import { useState } from 'react';
import type { Imported } from '../api/types.js';
import { SourceAudit } from '../components/SourceAudit.js';
import { UploadBox } from '../components/UploadBox.js';

export default function AuditReportPage() {
  const [result, setResult] = useState<(Imported & { fileName: string }) | null>(null);
  const ev = result?.evaluation as { fiscalYear?: number; unit?: { name?: string | null } } | undefined;
  return (
    <>
      <Typography.Title level={3}>报告体检</Typography.Title>
      <Typography.Paragraph type="secondary">
        拖入任意一份已公开的绩效自评报告，系统按评分规则重新计算并逐项审查：算术、完整性、合理性、文表一致。文件只用于本次审查，不会保存。
      </Typography.Paragraph>
      <UploadBox<Imported> url="/api/public/audit" hint="支持 .docx .pdf .xlsx .txt" onDone={(r, f) => setResult({ ...r, fileName: f.name })} />
      {result && (
        <Card style={{ marginTop: 16 }} data-testid="audit-result">
          <Descriptions
            size="small"
            column={4}
            items={[
              { key: 'f', label: '文件', children: result.fileName },
              { key: 'u', label: '单位', children: ev?.unit?.name ?? '未识别' },
              { key: 'y', label: '年度', children: ev?.fiscalYear ?? '未识别' },
              { key: 'p', label: '评分规则', children: result.audit?.profile?.name ?? '—' },
            ]}
          />
          <SourceAudit lines={result.lines} findings={result.audit?.findings ?? []} />
        </Card>
      )}
    </>
  );
}
