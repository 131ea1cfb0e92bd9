/**
 * 公开 and 撤回公开 from the reviewer's page. Publishing is checked by the server (open audit
 * errors, 待填写 placeholders, a sample not yet re-scored): when it refuses, the list is shown and
 * the finance bureau may publish anyway with a reason (recorded). Withdrawing asks for the reason
 * the public page will show.
 */
import { App, Input, List, Typography } from 'antd';
import { ApiError, errorText, request } from '../api/client.js';

type Modal = ReturnType<typeof App.useApp>['modal'];
type Message = ReturnType<typeof App.useApp>['message'];

function reasonModal(modal: Modal, opts: { title: string; intro: React.ReactNode; label: string; okText: string; onOk: (reason: string) => Promise<void> }) {
  let reason = '';
  modal.confirm({
    title: opts.title,
    width: 600,
    okText: opts.okText,
    cancelText: '取消',
    content: (
      <div>
        {opts.intro}
        <Input.TextArea aria-label={opts.label} rows={3} placeholder={opts.label} onChange={(e) => (reason = e.target.value)} style={{ marginTop: 8 }} />
      </div>
    ),
    onOk: async () => {
      if (reason.trim().length < 4) throw new Error('reason required');
      await opts.onOk(reason.trim());
    },
  });
}

export function runPublication(modal: Modal, message: Message, id: string, version: number, action: 'publish' | 'unpublish', done: () => Promise<void>) {
  if (action === 'unpublish') {
    reasonModal(modal, {
      title: '撤回公开',
      intro: <Typography.Paragraph>撤回后公开门户不再显示报告内容，只显示撤回时间和理由。</Typography.Paragraph>,
      label: '撤回理由（将在公开页面显示）',
      okText: '撤回公开',
      onOk: async (opinion) => {
        try {
          await request(`/api/evaluations/${id}/actions/unpublish`, { body: { version, opinion } });
          message.success('已撤回公开');
          await done();
        } catch (e) {
          message.error(errorText(e));
        }
      },
    });
    return;
  }
  modal.confirm({
    title: '确定公开？',
    okText: '确定',
    cancelText: '取消',
    onOk: async () => {
      try {
        await request(`/api/evaluations/${id}/actions/publish`, { body: { version } });
        message.success('已公开');
        await done();
      } catch (e) {
        if (!(e instanceof ApiError) || e.code !== 'PUBLICATION_BLOCKED') return void message.error(errorText(e));
        reasonModal(modal, {
          title: '报告还有公开前必须处理的问题',
          intro: (
            <div data-testid="publication-blockers">
              <Typography.Paragraph>{e.message}</Typography.Paragraph>
              <div style={{ maxHeight: 260, overflow: 'auto' }}>
                <List size="small" dataSource={e.issues as Array<{ label?: string; message: string }>} renderItem={(i) => <List.Item>{i.label ? `${i.label}：` : ''}{i.message}</List.Item>} />
              </div>
            </div>
          ),
          label: '仍然公开的理由（记入办理记录）',
          okText: '仍然公开',
          onOk: async (overrideReason) => {
            try {
              await request(`/api/evaluations/${id}/actions/publish`, { body: { version, overrideReason } });
              message.success('已公开（已记录理由）');
              await done();
            } catch (err) {
              message.error(errorText(err));
            }
          },
        });
      }
    },
  });
}
