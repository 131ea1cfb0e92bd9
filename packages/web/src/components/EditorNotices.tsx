/**
 * What the editor tells the filler above the form: the reviewer's opinion, unsaved edits
 * found in this browser, paths merged over someone else's, and the version-conflict dialog.
 */
import { Alert, Button, Modal, Space } from 'antd';
import type { EvaluationDetail } from '../api/types.js';
import type { EvaluationDraft } from '../lib/use-evaluation-draft.js';
import { fmtTime } from '../lib/format.js';
import { jumpToPath } from './findings.js';
import { pathLabel } from '../lib/path-labels.js';

/** The opinion to show: the last return's when returned, else the latest. */
function opinionOf(detail: EvaluationDetail): { text: string | null | undefined; by: string | undefined } {
  const opinions = detail.review?.opinions ?? [];
  if (detail.status === 'returned') {
    const lastReturn = [...opinions].reverse().find((o) => o.action === 'return');
    return { text: lastReturn?.opinion ?? detail.review?.opinion, by: lastReturn?.by };
  }
  return { text: opinions.at(-1)?.opinion ?? detail.review?.opinion, by: opinions.at(-1)?.by };
}

export function EditorNotices({ draft }: { draft: EvaluationDraft }) {
  const { detail, localDraft, mergeNote } = draft;
  if (!detail) return null;
  const opinion = opinionOf(detail);
  return (
    <>
      {opinion.text && (
        <Alert
          style={{ margin: '12px 0' }}
          type={detail.status === 'returned' ? 'error' : 'info'}
          showIcon
          data-testid="review-opinion"
          title={`${detail.status === 'returned' ? '审核退回意见' : '审核意见'}${opinion.by ? `（${opinion.by}）` : ''}`}
          description={<span style={{ whiteSpace: 'pre-wrap' }}>{opinion.text}</span>}
        />
      )}
      {localDraft && (
        <Alert
          style={{ margin: '12px 0' }}
          type="warning"
          showIcon
          title={`发现 ${fmtTime(localDraft.savedAt)} 在本机未保存的修改`}
          action={
            <Space>
              <Button size="small" type="primary" onClick={draft.restoreLocal}>
                恢复
              </Button>
              <Button size="small" onClick={draft.discardLocal}>
                丢弃
              </Button>
            </Space>
          }
        />
      )}
      {mergeNote && mergeNote.length > 0 && (
        <Alert
          style={{ margin: '12px 0' }}
          type="warning"
          showIcon
          closable={{ onClose: draft.closeMergeNote }}
          title={`以下 ${mergeNote.length} 处他人也改过，已保留您的填写，请核对：`}
          description={mergeNote.slice(0, 10).map((p) => (
            <Button key={p} type="link" size="small" onClick={() => jumpToPath(p)}>
              {pathLabel(draft.doc, p)}
            </Button>
          ))}
        />
      )}
    </>
  );
}

export function ConflictDialog({ draft }: { draft: EvaluationDraft }) {
  const { conflict } = draft;
  return (
    <Modal
      open={!!conflict}
      title="这份自评已被他人修改"
      width={600}
      onCancel={draft.closeConflict}
      footer={[
        <Button key="reload" danger onClick={() => void draft.reloadLatest()}>
          载入最新版本（放弃我的修改）
        </Button>,
        <Button key="merge" type="primary" onClick={() => void draft.mergeWithLatest()}>
          合并：在最新版本上保留我的修改
        </Button>,
      ]}
    >
      <p>
        您编辑期间，其他人保存了新的版本{conflict?.current ? `（第 ${conflict.current} 版）` : ''}。您的修改仍在页面上，也已保存在本机浏览器中，不会丢失。
      </p>
      <p>建议选择“合并”：系统会把您改过的每一处放到最新版本上，双方都改过的地方以您的为准并列出供核对。</p>
    </Modal>
  );
}
