/** Frame of the public portal: no login needed. */
import { Button, Layout, Space } from 'antd';
import type { ReactNode } from 'react';
import { href } from './router.js';
import { useSession } from './session.js';

export function PublicLayout({ children }: { children: ReactNode }) {
  const { user } = useSession();
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ background: '#fff', borderBottom: '1px solid #f0f0f0', display: 'flex', alignItems: 'center', justifyContent: 'space-between', padding: '0 24px' }}>
        <Space size="large">
          <a href={href('/public')} style={{ fontWeight: 600, fontSize: 16, color: 'inherit' }}>
            预算绩效自评公开
          </a>
          <a href={href('/public')}>公开报告</a>
          <a href={href('/public/audit')}>报告体检</a>
        </Space>
        <Button type="link" href={href(user ? '/' : '/login')}>
          {user ? '返回工作台' : '工作人员登录'}
        </Button>
      </Layout.Header>
      <Layout.Content style={{ padding: 24, maxWidth: 1280, margin: '0 auto', width: '100%' }}>
        <main>{children}</main>
      </Layout.Content>
    </Layout>
  );
}
