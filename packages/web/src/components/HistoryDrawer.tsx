import { Alert, Drawer, Empty, Spin, Timeline, Typography } from 'antd';
import type { HistoryEntry } from '../api/types.js';
import { useApi } from '../lib/use-api.js';
import { fmtTime } from '../lib/format.js';

export const ACTION_NAMES: Record<string, string> = {
  'evaluation.created': '创建',
  'evaluation.updated': '保存',
  'evaluation.submitted': '提交',
  'evaluation.withdrawn': '撤回',
  'evaluation.department_approved': '主管部门审核通过',
  'evaluation.finance_approved': '财政审核通过',
  'evaluation.returned': '退回',
  'evaluation.published': '公开',
  'evaluation.review_scored': '审核评分',
  'evaluation.sampled': '抽中复核',
  'rectification.created': '下发整改',
  'rectification.updated': '整改更新',
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
  return (a as { name?: string } | undefined)?.name ?? a?.displayName ?? a?.username ?? String(a?.id ?? '');
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
            color: /return/.test(e.action) ? 'red' : /publish|approve/.test(e.action) ? 'green' : 'blue',
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
