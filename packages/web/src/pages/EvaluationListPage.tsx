import { Button, Space, Typography } from 'antd';
import { EvaluationTable } from '../components/EvaluationTable.js';
import { navigate } from '../app/router.js';

export default function EvaluationListPage() {
  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={3}>自评填报</Typography.Title>
        <Space>
          <Button onClick={() => navigate('/import')}>从报告导入</Button>
          <Button type="primary" onClick={() => navigate('/evaluations/new')}>
            新建自评
          </Button>
        </Space>
      </Space>
      <EvaluationTable linkBase="/evaluations/" />
    </>
  );
}
