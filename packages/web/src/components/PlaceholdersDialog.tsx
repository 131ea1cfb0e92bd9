/**
 * A report that still has placeholders (【待填写】) is neither exported nor published: the list,
 * and for the finance bureau publishing it, a reason field to publish anyway (recorded).
 */
import { App, Input, List, Typography } from 'antd';
import { ApiError } from '../api/client.js';

export function placeholdersOf(e: unknown): Array<{ where: string; label: string }> | null {
  if (!(e instanceof ApiError) || e.code !== 'REPORT_HAS_PLACEHOLDERS') return null;
  return e.issues.map((i) => ({ where: i.field ?? '', label: (i as { label?: string }).label ?? i.message }));
}

export function PlaceholderList({ items }: { items: Array<{ where: string; label: string }> }) {
  return (
    <List
      size="small"
      data-testid="placeholder-list"
      dataSource={items}
      renderItem={(p) => (
        <List.Item>
          <Typography.Text type="secondary">{p.where}</Typography.Text>：{p.label}
        </List.Item>
      )}
    />
  );
}

/** Shows the list; with `override`, asks for the reason to publish anyway. */
type Modal = ReturnType<typeof App.useApp>['modal'];

export function showPlaceholders(modal: Modal, items: Array<{ where: string; label: string }>, override?: (reason: string) => Promise<void>) {
  let reason = '';
  const content = (
    <div>
      <Typography.Paragraph>报告还有 {items.length} 处待填写的内容：</Typography.Paragraph>
      <div style={{ maxHeight: 280, overflow: 'auto' }}>
        <PlaceholderList items={items} />
      </div>
      {override && <Input.TextArea aria-label="仍然公开的理由" rows={2} placeholder="确需公开的，请填写理由（记入办理记录）" onChange={(e) => (reason = e.target.value)} style={{ marginTop: 8 }} />}
    </div>
  );
  if (!override) return modal.warning({ title: '报告尚未填写完整，不能导出', content, okText: '知道了', width: 560 });
  return modal.confirm({
    title: '报告尚未填写完整',
    content,
    width: 560,
    okText: '仍然公开',
    cancelText: '取消',
    onOk: async () => {
      if (!reason.trim()) throw new Error('reason required');
      await override(reason.trim());
    },
  });
}
