import { Spin } from 'antd';

export const Loading = () => (
  <div style={{ padding: 48, textAlign: 'center' }} role="status" aria-live="polite">
    <Spin description="加载中…" size="large">
      <div style={{ height: 40 }} />
    </Spin>
  </div>
);
