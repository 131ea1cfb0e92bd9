/** Why an evaluation cannot be submitted yet: the findings to deal with first, each jumping to its field. */
import { Button, List, Typography } from 'antd';
import type { ModalStaticFunctions } from 'antd/es/modal/confirm';
import { ApiError } from '../api/client.js';
import type { FindingJson } from '../api/types.js';
import { jumpToPath } from './findings.js';

export interface BlockingItem {
  path: string | null;
  label: string | null;
  message: string;
}

export const blockingItems = (findings: FindingJson[]): BlockingItem[] => findings.map((f) => ({ path: f.location.path, label: f.location.label, message: f.message }));

/** The items of a 422 SUBMISSION_BLOCKED answer, or null for any other error. */
export function blockedItemsOf(e: unknown): BlockingItem[] | null {
  if (!(e instanceof ApiError) || e.code !== 'SUBMISSION_BLOCKED') return null;
  const issues = (e.body as { error?: { issues?: Array<{ field?: string; label?: string; message: string }> } } | null)?.error?.issues ?? e.issues;
  return issues.map((i) => ({ path: i.field ?? null, label: (i as { label?: string }).label ?? null, message: i.message }));
}

export function showSubmissionBlocked(modal: Pick<ModalStaticFunctions, 'warning'>, items: BlockingItem[], note?: string) {
  const m = modal.warning({
    title: `还有 ${items.length} 个提交前必须处理的问题`,
    width: 640,
    okText: '去修改',
    content: (
      <div data-testid="submission-blocked">
        <Typography.Paragraph type="secondary">{note ?? '请逐项修改后再提交；确有特殊情况的，可由财政局记录理由后放行。'}</Typography.Paragraph>
        <List
          size="small"
          dataSource={items}
          renderItem={(it) => (
            <List.Item>
              <div>
                {it.label && <Typography.Text strong>{it.label}：</Typography.Text>}
                {it.message}
                {it.path && (
                  <Button
                    type="link"
                    size="small"
                    onClick={() => {
                      m.destroy();
                      jumpToPath(it.path);
                    }}
                  >
                    定位
                  </Button>
                )}
              </div>
            </List.Item>
          )}
        />
      </div>
    ),
  });
}
