/** The per-item answer of a batch action: which went through, which did not, and why. */
import { Modal, Table, Tag, Typography } from 'antd';
import { STATUS_NAMES, type BatchResult } from '../api/types.js';

const ACTION_NAMES: Record<string, string> = { submit: '提交审核', approve: '审核通过', return: '退回', publish: '公开', withdraw: '撤回', unpublish: '撤回公开' };

export function BatchResultModal({ result, names, onClose }: { result: BatchResult | null; names: Map<string, string>; onClose(): void }) {
  const rows = (result?.results ?? []).map((r) => ({ ...r, key: String(r.id), name: names.get(String(r.id)) ?? `自评 ${r.id}` }));
  return (
    <Modal open={!!result} title={`批量${ACTION_NAMES[result?.action ?? ''] ?? '操作'}结果`} onCancel={onClose} onOk={onClose} okText="知道了" cancelButtonProps={{ style: { display: 'none' } }} width={720}>
      {result && (
        <div data-testid="batch-result">
          <Typography.Paragraph>
            共 {rows.length} 项：<Tag color="success">成功 {result.succeeded}</Tag>
            <Tag color={result.failed ? 'error' : 'default'}>未通过 {result.failed}</Tag>
            {result.failed > 0 && '未通过的项目保持原状态，可按说明处理后再提交。'}
          </Typography.Paragraph>
          <Table
            size="small"
            pagination={rows.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
            dataSource={rows}
            columns={[
              { title: '项目', dataIndex: 'name', key: 'name' },
              { title: '结果', key: 'ok', width: 90, render: (_, r) => (r.ok ? <Tag color="success">成功</Tag> : <Tag color="error">未通过</Tag>) },
              { title: '说明', key: 'why', render: (_, r) => (r.ok ? `现为“${STATUS_NAMES[r.status] ?? r.status}”` : r.error.message) },
            ]}
          />
        </div>
      )}
    </Modal>
  );
}
