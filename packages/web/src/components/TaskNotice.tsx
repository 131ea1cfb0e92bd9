/** The annual task on the home page: its notice, the due date, the lock, and the reminders (催报) the unit received. */
import { Alert, Space, Typography } from 'antd';
import type { CurrentTask } from '../api/plan-types.js';
import { href } from '../app/router.js';
import { useApi } from '../lib/use-api.js';
import { fmtTime } from '../lib/format.js';

export function TaskNotice() {
  const cur = useApi<CurrentTask>('/api/tasks/current');
  const t = cur.data?.task;
  if (!t) return null;
  const u = cur.data?.unit;
  const lines = [
    `${t.fiscalYear} 年度绩效自评：${t.opensOn} 开始，${t.dueOn} 截止报送。`,
    t.monitoringPeriods.length ? `运行监控：${t.monitoringPeriods.map((p) => `1–${p.endMonth}月（${p.opensOn} 至 ${p.dueOn}）`).join('、')}。` : '',
  ].filter(Boolean);
  return (
    <Space direction="vertical" style={{ width: '100%', marginBottom: 16 }} data-testid="task-notice">
      <Alert
        type={u?.locked ? 'error' : 'info'}
        showIcon
        title={u?.locked ? `已过报送截止日期（${t.dueOn}），本单位已锁定；如需继续填报，请联系财政局解锁。` : lines[0]}
        description={
          <>
            {lines.slice(u?.locked ? 0 : 1).map((l) => <div key={l}>{l}</div>)}
            {t.notice && <div>通知：{t.notice}</div>}
            {u?.unlock && <div>财政局已解锁{u.unlock.untilOn ? `至 ${u.unlock.untilOn}` : ''}（{u.unlock.reason}）</div>}
            {!u && <a href={href('/tasks')}>查看年度任务与填报进度</a>}
          </>
        }
      />
      {u?.reminders.map((r) => (
        <Alert key={r.id} type="warning" showIcon data-testid="reminder" title={`催报：${r.message}`} description={<Typography.Text type="secondary">{r.sentBy ?? '财政局'} · {fmtTime(r.sentAt)}</Typography.Text>} />
      ))}
    </Space>
  );
}
