import { Alert, Button, Card, Form, Input, InputNumber, Radio, Select, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { errorText, request } from '../api/client.js';
import type { Org } from '../api/types.js';
import { navigate } from '../app/router.js';
import { useSession, useUser } from '../app/session.js';
import { profileOptions } from '../lib/live-score.js';
import { useApi } from '../lib/use-api.js';

interface Values {
  unitId: string;
  kind: 'department' | 'project' | 'transfer';
  fiscalYear: number;
  profile: string;
  projectName?: string;
}

export default function NewEvaluationPage() {
  const user = useUser();
  const { year } = useSession();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const profiles = useMemo(profileOptions, []);
  const org = useApi<Org>(user.unitId ? null : '/api/org');
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form);

  const onFinish = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      const evaluation = {
        kind: v.kind,
        fiscalYear: v.fiscalYear,
        profile: v.profile,
        unit: { name: user.unitName, code: null },
        supervisingDepartment: user.departmentName,
        project: v.kind === 'department' ? null : { name: v.projectName ?? '', implementingUnit: user.unitName },
        totals: { statedWeight: '100' },
      };
      const r = await request<{ id: string }>('/api/evaluations', { body: { unitId: v.unitId, fiscalYear: v.fiscalYear, kind: v.kind, profile: v.profile, evaluation } });
      navigate(`/evaluations/${r.id}`);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card style={{ maxWidth: 640 }}>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        新建自评
      </Typography.Title>
      <Form<Values> form={form} layout="vertical" onFinish={onFinish} initialValues={{ unitId: user.unitId ?? undefined, kind: 'project', fiscalYear: year, profile: 'national' }}>
        {user.unitId ? (
          <Form.Item label="单位">
            <Input value={user.unitName ?? ''} disabled />
            <Form.Item name="unitId" hidden>
              <Input />
            </Form.Item>
          </Form.Item>
        ) : (
          <Form.Item label="单位" name="unitId" rules={[{ required: true, message: '请选择单位' }]}>
            <Select showSearch={{ optionFilterProp: 'label' }} loading={org.loading} options={(org.data?.units ?? []).map((u) => ({ value: u.id, label: u.name }))} />
          </Form.Item>
        )}
        <Form.Item label="自评类型" name="kind">
          <Radio.Group
            options={[
              { value: 'project', label: '项目支出绩效自评' },
              { value: 'transfer', label: '转移支付绩效自评' },
              { value: 'department', label: '部门整体支出绩效自评' },
            ]}
          />
        </Form.Item>
        {kind !== 'department' && (
          <Form.Item label={kind === 'transfer' ? '转移支付名称' : '项目名称'} name="projectName" rules={[{ required: true, message: kind === 'transfer' ? '请填写转移支付名称' : '请填写项目名称' }]}>
            <Input />
          </Form.Item>
        )}
        <Form.Item label="预算年度" name="fiscalYear" rules={[{ required: true, message: '请填写预算年度' }]}>
          <InputNumber min={1990} max={2100} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item label="评分规则" name="profile">
          <Select options={profiles} />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <Button type="primary" htmlType="submit" loading={busy}>
          创建并开始填报
        </Button>
        <Button style={{ marginLeft: 8 }} onClick={() => navigate('/import')}>
          从已有报告导入
        </Button>
      </Form>
    </Card>
  );
}
