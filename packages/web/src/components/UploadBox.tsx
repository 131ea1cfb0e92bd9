/** Drop a report file; posts it as multipart `file` and hands back the JSON answer. */
import { Alert, Upload } from 'antd';
import { useState } from 'react';
import { errorText, request } from '../api/client.js';

export const ACCEPT = '.docx,.pdf,.xlsx,.txt,.json';

export function UploadBox<T>({ url, onDone, hint }: { url: string; onDone(r: T, file: File): void; hint: string }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <Upload.Dragger
        accept={ACCEPT}
        multiple={false}
        showUploadList={false}
        disabled={busy}
        customRequest={async ({ file }) => {
          const f = file as File;
          setBusy(true);
          setError(null);
          try {
            const form = new FormData();
            form.append('file', f, f.name);
            const r = await request<T>(url, { form, method: 'POST' });
            onDone(r, f);
          } catch (e) {
            setError(errorText(e));
          } finally {
            setBusy(false);
          }
        }}
      >
        <p className="ant-upload-text">{busy ? '正在读取和审查…' : '点击或拖入报告文件'}</p>
        <p className="ant-upload-hint">{hint}</p>
      </Upload.Dragger>
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} />}
    </>
  );
}
