/** To-do home: counts that link into filtered lists. */
import { Alert, Card, Col, Row, Skeleton, Statistic, Typography } from 'antd';
import type { Role, Todo } from '../api/types.js';
import { href } from '../app/router.js';
import { useSession, useUser } from '../app/session.js';
import { useApi } from '../lib/use-api.js';

interface Tile {
  key: keyof Todo;
  title: string;
  to: string;
  roles: Role[];
}

function tiles(role: Role): Tile[] {
  const reviewStatus = role === 'finance_reviewer' ? 'department_approved' : 'submitted';
  const all: Tile[] = [
    { key: 'drafts', title: '待填报', to: '/evaluations?status=draft', roles: ['unit_filler', 'unit_head', 'admin'] },
    { key: 'returned', title: '被退回', to: '/evaluations?status=returned', roles: ['unit_filler', 'unit_head', 'admin'] },
    { key: 'pendingReview', title: '待审核', to: `/review?status=${reviewStatus}`, roles: ['department_reviewer', 'finance_reviewer', 'admin', 'unit_head'] },
    { key: 'pendingSample', title: '待抽评', to: '/samples', roles: ['finance_reviewer', 'admin'] },
    { key: 'openRectifications', title: '整改中', to: '/rectifications?status=open', roles: ['unit_filler', 'unit_head', 'department_reviewer', 'finance_reviewer', 'admin'] },
  ];
  return all.filter((t) => t.roles.includes(role));
}

export default function HomePage() {
  const user = useUser();
  const { year } = useSession();
  const todo = useApi<Todo>(`/api/todo?year=${year}`);
  return (
    <>
      <Typography.Title level={3}>我的待办</Typography.Title>
      <Typography.Paragraph type="secondary">
        {year} 年度 · {user.unitName ?? user.departmentName ?? '财政局'}
      </Typography.Paragraph>
      {todo.error && <Alert type="error" showIcon title={todo.error} style={{ marginBottom: 16 }} />}
      <Row gutter={[16, 16]}>
        {tiles(user.role).map((t) => (
          <Col key={t.key} xs={24} sm={12} md={8} lg={6}>
            <a href={href(t.to)} data-testid={`todo-${t.key}`} aria-label={`${t.title}，点击查看`}>
              <Card hoverable>
                {todo.loading && !todo.data ? (
                  <Skeleton active paragraph={false} />
                ) : (
                  <Statistic title={t.title} value={todo.data?.[t.key] ?? 0} suffix="项" />
                )}
              </Card>
            </a>
          </Col>
        ))}
      </Row>
    </>
  );
}
