/** To-do home: counts that link into filtered lists, and the first few items of each. */
import { Alert, Card, Col, List, Row, Skeleton, Statistic, Typography } from 'antd';
import type { Role, Todo, TodoEntry } from '../api/types.js';
import { href } from '../app/router.js';
import { useSession, useUser } from '../app/session.js';
import { useApi } from '../lib/use-api.js';
import { TaskNotice } from '../components/TaskNotice.js';

interface Tile {
  key: keyof Todo;
  title: string;
  to: string;
  item: (id: string) => string;
  roles: Role[];
}

function tiles(role: Role): Tile[] {
  const reviewStatus = role === 'finance_reviewer' ? 'department_approved' : 'submitted';
  const all: Tile[] = [
    { key: 'drafts', title: '待填报', to: '/evaluations?status=draft', item: (id) => `/evaluations/${id}`, roles: ['unit_filler', 'unit_head', 'admin'] },
    { key: 'returned', title: '被退回', to: '/evaluations?status=returned', item: (id) => `/evaluations/${id}`, roles: ['unit_filler', 'unit_head', 'admin'] },
    { key: 'pendingReview', title: '待审核', to: `/review?status=${reviewStatus}`, item: (id) => `/review/${id}`, roles: ['department_reviewer', 'finance_reviewer', 'admin'] },
    { key: 'pendingSample', title: '待抽评', to: '/samples', item: (id) => `/review/${id}`, roles: ['finance_reviewer', 'admin'] },
    { key: 'openRectifications', title: '整改中', to: '/rectifications?status=open', item: () => '/rectifications', roles: ['unit_filler', 'unit_head', 'department_reviewer', 'finance_reviewer', 'admin'] },
  ];
  return all.filter((t) => t.roles.includes(role));
}

const count = (e: TodoEntry | undefined) => (Array.isArray(e) ? e.length : (e ?? 0));
/** A list's full count: the server sends the first items of each list and `counts` for all of them. */
const countOf = (d: (Todo & { counts?: Partial<Record<keyof Todo, number>> }) | null | undefined, k: keyof Todo) => d?.counts?.[k] ?? count(d?.[k]);

export default function HomePage() {
  const user = useUser();
  const { year } = useSession();
  const todo = useApi<Todo>(`/api/todo?year=${year}`);
  const ts = tiles(user.role);
  return (
    <>
      <Typography.Title level={3}>我的待办</Typography.Title>
      <Typography.Paragraph type="secondary">
        {year} 年度 · {user.unitName ?? user.departmentName ?? '财政局'}
      </Typography.Paragraph>
      <TaskNotice />
      {todo.error && <Alert type="error" showIcon title={todo.error} style={{ marginBottom: 16 }} />}
      <Row gutter={[16, 16]}>
        {ts.map((t) => (
          <Col key={t.key} xs={24} sm={12} lg={Math.max(6, Math.floor(24 / ts.length))}>
            <a href={href(t.to)} data-testid={`todo-${t.key}`} aria-label={`${t.title}：${countOf(todo.data, t.key)} 项，点击查看`}>
              <Card hoverable>
                {todo.loading && !todo.data ? <Skeleton active paragraph={false} /> : <Statistic title={t.title} value={countOf(todo.data, t.key)} suffix="项" />}
              </Card>
            </a>
          </Col>
        ))}
      </Row>
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        {ts.map((t) => {
          const e = todo.data?.[t.key];
          if (!Array.isArray(e) || e.length === 0) return null;
          return (
            <Col key={t.key} xs={24} lg={12}>
              <Card size="small" title={t.title}>
                <List
                  size="small"
                  dataSource={e.slice(0, 8)}
                  renderItem={(x) => (
                    <List.Item>
                      <a href={href(t.item(String(x.id)))}>{x.title ?? x.description ?? x.unitName ?? `#${x.id}`}</a>
                      <Typography.Text type="secondary">{x.unitName ?? ''}</Typography.Text>
                    </List.Item>
                  )}
                />
                {countOf(todo.data, t.key) > Math.min(8, e.length) && <a href={href(t.to)}>查看全部 {countOf(todo.data, t.key)} 项</a>}
              </Card>
            </Col>
          );
        })}
      </Row>
    </>
  );
}
