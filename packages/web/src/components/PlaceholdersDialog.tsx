/**
 * A report that still has placeholders (【待填写】) is neither exported nor published: the list.
 * Publishing with the finance bureau's recorded reason is PublicationFlow's.
 */
import { App, List, Typography } from 'antd';
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

type Modal = ReturnType<typeof App.useApp>['modal'];

/** Shows the list (an export refused for placeholders; publication goes through PublicationFlow). */
export function showPlaceholders(modal: Modal, items: Array<{ where: string; label: string }>) {
  const content = (
    <div>
      <Typography.Paragraph>报告还有 {items.length} 处待填写的内容：</Typography.Paragraph>
      <div style={{ maxHeight: 280, overflow: 'auto' }}>
        <PlaceholderList items={items} />
      </div>
    </div>
  );
  return modal.warning({ title: '报告尚未填写完整，不能导出', content, okText: '知道了', width: 560 });
}
