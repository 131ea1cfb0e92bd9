/** Frame of the public portal: no login needed; the header wraps on a phone rather than overflow. */
import { Layout } from 'antd';
import type { ReactNode } from 'react';
import { href } from './router.js';
import { useSession } from './session.js';

export function PublicLayout({ children }: { children: ReactNode }) {
  const { user } = useSession();
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{ background: '#fff', borderBottom: '1px solid #f0f0f0', display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: '4px 16px', height: 'auto', lineHeight: 1.6, padding: '10px 16px' }}
      >
        <nav aria-label="公开门户" style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: '4px 16px' }}>
          <a href={href('/public')} style={{ fontWeight: 600, fontSize: 16, color: 'inherit' }}>
            预算绩效自评公开
          </a>
          <a href={href('/public')}>公开报告</a>
          <a href={href('/public/audit')}>报告体检</a>
        </nav>
        <a href={href(user ? '/' : '/login')}>{user ? '返回工作台' : '工作人员登录'}</a>
      </Layout.Header>
      <Layout.Content style={{ padding: 'clamp(12px, 3vw, 24px)', maxWidth: 1280, margin: '0 auto', width: '100%', boxSizing: 'border-box', minWidth: 0 }}>
        <main>{children}</main>
      </Layout.Content>
    </Layout>
  );
}
