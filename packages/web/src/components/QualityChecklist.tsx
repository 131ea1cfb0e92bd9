/** The filing checklist (SMART, 数量/质量/时效/成本, 满意度): a tick or a cross and what is missing. */
import { List, Tag, Typography } from 'antd';
import type { QualityCheck } from '@jixiao/core';

export function QualityChecklist({ checks }: { checks: QualityCheck[] }) {
  if (!checks.length) return <Typography.Text type="secondary">先改正上面的填写错误，再检查目标质量。</Typography.Text>;
  const failed = checks.filter((c) => !c.passed).length;
  return (
    <div data-testid="quality-checklist">
      <Typography.Text>{failed ? `有 ${failed} 项未通过，请对照修改（不阻止申报，审核人会看到）` : '全部通过'}</Typography.Text>
      <List
        size="small"
        dataSource={checks}
        renderItem={(c) => (
          <List.Item data-check={c.id} data-passed={String(c.passed)}>
            <Tag color={c.passed ? 'green' : 'orange'}>{c.passed ? '✓' : '✗'} {c.label}</Tag>
            <span>{c.message}</span>
          </List.Item>
        )}
      />
    </div>
  );
}
