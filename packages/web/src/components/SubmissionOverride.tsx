/**
 * Checks before submission beside the submit button: how many findings block 提交 (the list on
 * click), the finance bureau's 放行 with a written reason (recorded in the audit log), and the
 * override once given.
 */
import { Alert, App as AntApp, Button, Input, Modal, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { errorText, request } from '../api/client.js';
import type { EvaluationDetail, FindingJson } from '../api/types.js';
import { blockingItems, showSubmissionBlocked } from './SubmissionBlocked.js';

/** "提交前须处理 N 项" beside the submit button; the list opens on click. */
export function BlockingBadge({ blocking }: { blocking: FindingJson[] }) {
  const { modal } = AntApp.useApp();
  if (blocking.length === 0) return null;
  const names = [...new Set(blocking.map((f) => f.location.label ?? f.message))].slice(0, 5).join('；');
  return (
    <Tooltip title={names}>
      <Tag color="volcano" data-testid="submit-blocking" style={{ cursor: 'pointer' }} onClick={() => showSubmissionBlocked(modal, blockingItems(blocking))}>
        提交前须处理 {blocking.length} 项
      </Tag>
    </Tooltip>
  );
}

/** The override once the finance bureau gave it (for everyone who opens the evaluation). */
export function OverrideNotice({ detail }: { detail: EvaluationDetail }) {
  const o = detail.submission?.override;
  if (!o) return null;
  return (
    <Alert
      style={{ margin: '12px 0' }}
      type="info"
      showIcon
      data-testid="submission-override"
      title={`财政局已放行提交前检查（${o.by}，${o.at.slice(0, 10)}）：${o.reason}`}
    />
  );
}

/** Finance: waive the blocking findings of this evaluation, with a reason. */
export function OverrideButton({ detail, onDone }: { detail: EvaluationDetail; onDone: () => unknown }) {
  const { message } = AntApp.useApp();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const blocking = detail.submission?.blocking ?? [];
  if (blocking.length === 0 || (detail.status !== 'draft' && detail.status !== 'returned')) return null;
  const submit = async () => {
    setBusy(true);
    try {
      await request(`/api/evaluations/${detail.id}/submission-override`, { body: { reason: reason.trim() } });
      message.success('已放行，单位可以提交');
      setOpen(false);
      await onDone();
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button danger onClick={() => setOpen(true)} data-testid="override-button">
        放行提交前检查
      </Button>
      <Modal
        open={open}
        title={`放行 ${blocking.length} 个提交前必须处理的问题`}
        okText="放行"
        cancelText="取消"
        okButtonProps={{ disabled: reason.trim().length < 4, loading: busy }}
        onOk={() => void submit()}
        onCancel={() => setOpen(false)}
      >
        <ul>
          {blocking.map((f, i) => (
            <li key={i}>
              {f.location.label && <Typography.Text strong>{f.location.label}：</Typography.Text>}
              {f.message}
            </li>
          ))}
        </ul>
        <Typography.Paragraph type="secondary">放行只对这份报告有效，理由会记入办理记录；放行后出现的其他类型问题仍须处理。</Typography.Paragraph>
        <Input.TextArea id="override-reason" rows={3} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} placeholder="放行理由（至少 4 个字）" />
      </Modal>
    </>
  );
}
