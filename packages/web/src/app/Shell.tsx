/** The logged-in frame: left navigation by stage, fiscal-year selector, the user's unit. */
import { Button, Layout, Menu, Select, Space, Typography } from 'antd';
import { memo, useMemo, type ReactNode } from 'react';
import { ROLE_NAMES } from '../api/types.js';
import { navFor, navKeyFor } from './nav.js';
import { navigate, useRoute } from './router.js';
import { useSession, useUser } from './session.js';

const { Sider, Header, Content } = Layout;

/**
 * "市教育考试院 · 张三（填报人）": the scope once, the person, the role once — a display name
 * that already says the scope or the role ("市教育考试院 填报人") does not repeat them.
 */
export function whoIs(user: { unitName?: string | null; departmentName?: string | null; displayName: string; role: keyof typeof ROLE_NAMES }): string {
  const scope = user.unitName ?? user.departmentName ?? '财政局';
  const role = ROLE_NAMES[user.role];
  let name = user.displayName.replace(role, '').replace(scope, '').trim();
  if (name && role.endsWith(name)) name = ''; // "负责人" says no more than "单位负责人"
  return `${scope} · ${name ? `${name}（${role}）` : role}`;
}

function yearOptions(): Array<{ value: number; label: string }> {
  const now = new Date().getFullYear();
  const out = [];
  for (let y = now; y >= now - 8; y--) out.push({ value: y, label: `${y} 年度` });
  return out;
}

export const Shell = memo(function Shell({ children }: { children: ReactNode }) {
  const user = useUser();
  const { year, setYear, logout } = useSession();
  const route = useRoute();
  const groups = useMemo(() => navFor(user.role), [user.role]);
  const items = useMemo(
    () =>
      groups.map((g) =>
        g.items.length === 1 && g.key === 'home'
          ? { key: g.items[0]!.key, label: g.items[0]!.label }
          : { type: 'group' as const, key: g.key, label: g.label, children: g.items.map((i) => ({ key: i.key, label: i.label })) },
      ),
    [groups],
  );
  const targets = useMemo(() => new Map(groups.flatMap((g) => g.items.map((i) => [i.key, i.to] as const))), [groups]);
  const selected = navKeyFor(route.path, route.query.toString(), user.role);
  const years = useMemo(yearOptions, []);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Sider width={200} theme="light" style={{ borderRight: '1px solid #f0f0f0' }} breakpoint="lg" collapsedWidth={0}>
        <div style={{ padding: '16px 20px', fontWeight: 600, fontSize: 16 }}>预算绩效自评</div>
        <nav aria-label="主导航">
          <Menu
            mode="inline"
            items={items}
            selectedKeys={[selected]}
            onClick={(e) => {
              const to = targets.get(e.key);
              if (to) navigate(to);
            }}
            style={{ borderInlineEnd: 'none' }}
          />
        </nav>
      </Sider>
      <Layout>
        <Header style={{ background: '#fff', padding: '0 24px', borderBottom: '1px solid #f0f0f0', display: 'flex', alignItems: 'center', justifyContent: 'space-between' }}>
          <Space>
            <span>预算年度</span>
            <Select aria-label="预算年度" value={year} options={years} onChange={setYear} style={{ width: 120 }} />
          </Space>
          <Space size="middle">
            <Typography.Text data-testid="user-unit">{whoIs(user)}</Typography.Text>
            <Button onClick={() => void logout().then(() => navigate('/login'))}>退出</Button>
          </Space>
        </Header>
        <Content style={{ padding: 24 }}>
          <main>{children}</main>
        </Content>
      </Layout>
    </Layout>
  );
});
