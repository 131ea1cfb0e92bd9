import { Typography } from 'antd';
import { EvaluationTable } from '../components/EvaluationTable.js';
import { useRoute } from '../app/router.js';

export default function ReviewQueuePage() {
  const route = useRoute();
  const publishing = route.query.get('status') === 'finance_approved';
  return (
    <>
      <Typography.Title level={3}>{publishing ? '待公开' : '审核队列'}</Typography.Title>
      <Typography.Paragraph type="secondary">
        系统按评分规则重新计算每份自评的得分并逐项审查；红色的“系统计算”表示与单位自评得分不一致。
      </Typography.Paragraph>
      <EvaluationTable linkBase="/review/" reviewer />
    </>
  );
}
