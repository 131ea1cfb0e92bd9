import { Alert, Drawer, Empty, Spin, Timeline, Typography } from 'antd';
import type { HistoryEntry } from '../api/types.js';
import { useApi } from '../lib/use-api.js';
import { fmtTime } from '../lib/format.js';

export const ACTION_NAMES: Record<string, string> = {
  create: '创建',
  created: '创建',
  update: '保存草稿',
  save: '保存草稿',
  submit: '提交',
  approve: '审核通过',
  return: '退回',
  publish: '公开',
  withdraw: '撤回',
  review: '审核评分',
  import: '导入',
};

function actorName(h: HistoryEntry): string {
  const a = h.actor;
  if (h.actor_name) return h.actor_name;
  if (typeof a === 'string') return a;
  return a?.displayName ?? a?.username ?? a?.id ?? '';
}

function opinionOf(h: HistoryEntry): string | null {
  if (h.opinion) return h.opinion;
  const after = h.after as { opinion?: string } | null | undefined;
  return after && typeof after === 'object' && typeof after.opinion === 'string' ? after.opinion : null;
}

export function HistoryDrawer({ id, open, onClose }: { id: string; open: boolean; onClose(): void }) {
  const h = useApi<HistoryEntry[]>(open ? `/api/evaluations/${id}/history` : null);
  return (
    <Drawer title="办理记录" open={open} onClose={onClose} size={420}>
      {h.loading && <Spin />}
      {h.error && <Alert type="error" showIcon title={h.error} />}
      {h.data && h.data.length === 0 && <Empty description="暂无记录" />}
      {h.data && (
        <Timeline
          items={h.data.map((e, i) => ({
            key: i,
            color: e.action === 'return' ? 'red' : e.action === 'publish' || e.action === 'approve' ? 'green' : 'blue',
            content: (
              <div>
                <div>
                  <b>{ACTION_NAMES[e.action] ?? e.action}</b> · {actorName(e)}
                </div>
                <Typography.Text type="secondary">{fmtTime(e.at)}</Typography.Text>
                {opinionOf(e) && <div style={{ marginTop: 4, whiteSpace: 'pre-wrap' }}>意见：{opinionOf(e)}</div>}
              </div>
            ),
          }))}
        />
      )}
    </Drawer>
  );
}
