import { Result } from 'antd';

/** An address inside the app that no page answers. */
export default function NotFoundPage() {
  return <Result status="404" title="页面不存在" subTitle="请从左侧导航进入。" />;
}
