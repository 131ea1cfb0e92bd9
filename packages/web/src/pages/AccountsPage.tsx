/**
 * 系统管理 › 账号管理 (system administrator): every account with its role and scope, a tag for
 * those that must still change the initial password the administrator set, 新建账号 and
 * 重置密码. The server's refusals (the password policy, a taken user name) appear on the field.
 */
import { Alert, App as AntApp, Button, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { request } from '../api/client.js';
import { ROLE_NAMES, type Org, type Role } from '../api/types.js';
import { showOnFields } from '../lib/form-errors.js';
import { useApi } from '../lib/use-api.js';

export interface AccountRow {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  unitId: number | null;
  departmentId: number | null;
  bureauId: number | null;
  mustChangePassword: boolean;
}

const PASSWORD_RULE = '至少 10 个字符，包含小写字母、大写字母、数字、其他符号中的至少 3 类，且不能包含用户名';
const ROLE_OPTIONS = (Object.keys(ROLE_NAMES) as Role[]).map((r) => ({ value: r, label: ROLE_NAMES[r] }));

/** Which organisation list a role is scoped to (none: the administrator). */
function scopeOf(role: Role | undefined): { field: 'unitId' | 'departmentId' | 'bureauId'; label: string; list: keyof Org } | null {
  if (role === 'unit_filler' || role === 'unit_head') return { field: 'unitId', label: '所属单位', list: 'units' };
  if (role === 'department_reviewer') return { field: 'departmentId', label: '所属主管部门', list: 'departments' };
  if (role === 'finance_reviewer' || role === 'assessor') return { field: 'bureauId', label: '所属财政局', list: 'bureaus' };
  return null;
}

function scopeName(org: Org | null, a: AccountRow): string {
  if (!org) return '';
  const find = (list: keyof Org, id: number | null) => (id === null ? undefined : org[list].find((n) => String(n.id) === String(id))?.name);
  return find('units', a.unitId) ?? find('departments', a.departmentId) ?? find('bureaus', a.bureauId) ?? '—';
}

interface NewAccount {
  username: string;
  displayName: string;
  role: Role;
  unitId?: string;
  departmentId?: string;
  bureauId?: string;
  password: string;
}

function NewAccountModal({ org, open, onClose, onDone }: { org: Org | null; open: boolean; onClose(): void; onDone(): void }) {
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<NewAccount>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const role = Form.useWatch('role', form);
  const scope = scopeOf(role);
  const submit = async (v: NewAccount) => {
    setBusy(true);
    setError(null);
    try {
      const body = { username: v.username, displayName: v.displayName, role: v.role, password: v.password, ...(scope && v[scope.field] ? { [scope.field]: Number(v[scope.field]) } : {}) };
      await request('/api/admin/users', { body });
      message.success(`已新建账号 ${v.username}，首次登录须修改初始密码`);
      form.resetFields();
      onDone();
    } catch (e) {
      setError(showOnFields(form, ['username', 'displayName', 'role', 'password'], e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal title="新建账号" open={open} onCancel={onClose} okText="新建" cancelText="取消" confirmLoading={busy} onOk={() => form.submit()} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item label="用户名" name="username" rules={[{ required: true, message: '请输入用户名' }]} extra="字母、数字和 _ . -，2–40 个">
          <Input id="account-username" autoComplete="off" />
        </Form.Item>
        <Form.Item label="姓名" name="displayName" rules={[{ required: true, message: '请输入姓名' }]}>
          <Input id="account-display-name" />
        </Form.Item>
        <Form.Item label="角色" name="role" rules={[{ required: true, message: '请选择角色' }]}>
          <Select id="account-role" options={ROLE_OPTIONS} />
        </Form.Item>
        {scope && (
          <Form.Item key={scope.field} label={scope.label} name={scope.field} rules={[{ required: true, message: `请选择${scope.label}` }]}>
            <Select id="account-scope" showSearch optionFilterProp="label" options={(org?.[scope.list] ?? []).map((n) => ({ value: String(n.id), label: n.name }))} />
          </Form.Item>
        )}
        <Form.Item label="初始密码" name="password" rules={[{ required: true, message: '请输入初始密码' }]} extra={`${PASSWORD_RULE}；用户首次登录须修改`}>
          <Input.Password id="account-password" autoComplete="new-password" />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} />}
      </Form>
    </Modal>
  );
}

function ResetPasswordModal({ account, onClose, onDone }: { account: AccountRow | null; onClose(): void; onDone(): void }) {
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<{ password: string }>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (v: { password: string }) => {
    if (!account) return;
    setBusy(true);
    setError(null);
    try {
      await request(`/api/admin/users/${account.id}/password`, { body: { password: v.password } });
      message.success(`已重置 ${account.username} 的密码：该账号已退出登录，下次登录须修改密码`);
      form.resetFields();
      onDone();
    } catch (e) {
      setError(showOnFields(form, ['password'], e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal title={account ? `重置密码：${account.displayName}（${account.username}）` : '重置密码'} open={!!account} onCancel={onClose} okText="重置" cancelText="取消" confirmLoading={busy} onOk={() => form.submit()} destroyOnHidden>
      <Typography.Paragraph type="secondary">设置新的初始密码并告知本人：该账号的登录会话立即失效，下次登录须先修改密码。</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item label="新的初始密码" name="password" rules={[{ required: true, message: '请输入新的初始密码' }]} extra={PASSWORD_RULE}>
          <Input.Password id="reset-password" autoComplete="new-password" />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} />}
      </Form>
    </Modal>
  );
}

export default function AccountsPage() {
  const users = useApi<AccountRow[]>('/api/admin/users');
  const org = useApi<Org>('/api/org');
  const [creating, setCreating] = useState(false);
  const [resetting, setResetting] = useState<AccountRow | null>(null);
  const rows = useMemo(() => [...(users.data ?? [])].sort((a, b) => a.id - b.id), [users.data]);
  const columns = [
    { title: '用户名', dataIndex: 'username', key: 'username' },
    { title: '姓名', dataIndex: 'displayName', key: 'displayName' },
    { title: '角色', key: 'role', render: (_: unknown, a: AccountRow) => ROLE_NAMES[a.role] ?? a.role },
    { title: '所属', key: 'scope', render: (_: unknown, a: AccountRow) => scopeName(org.data, a) },
    {
      title: '密码',
      key: 'password',
      render: (_: unknown, a: AccountRow) => (a.mustChangePassword ? <Tag color="orange" data-testid="must-change">须修改密码</Tag> : '—'),
    },
    {
      title: '操作',
      key: 'actions',
      render: (_: unknown, a: AccountRow) => (
        <Button size="small" onClick={() => setResetting(a)}>
          重置密码
        </Button>
      ),
    },
  ];
  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={3}>账号管理</Typography.Title>
        <Button type="primary" onClick={() => setCreating(true)}>
          新建账号
        </Button>
      </Space>
      <Typography.Paragraph type="secondary">管理员设置的密码（新建账号、重置密码）只是初始密码：用户首次登录时须改为只有本人知道的密码。</Typography.Paragraph>
      {(users.error || org.error) && <Alert type="error" showIcon title={users.error ?? org.error} style={{ marginBottom: 12 }} />}
      <Table<AccountRow> data-testid="accounts" rowKey="id" size="middle" loading={users.loading} dataSource={rows} columns={columns} pagination={{ pageSize: 50, hideOnSinglePage: true }} />
      <NewAccountModal
        org={org.data}
        open={creating}
        onClose={() => setCreating(false)}
        onDone={() => {
          setCreating(false);
          users.reload();
        }}
      />
      <ResetPasswordModal
        account={resetting}
        onClose={() => setResetting(null)}
        onDone={() => {
          setResetting(null);
          users.reload();
        }}
      />
    </>
  );
}
