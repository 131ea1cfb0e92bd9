/** A download that reports its progress (a PDF can take several seconds to be generated). */
import { ApiError, saveBlob } from '../api/client.js';

export type DownloadPhase = { phase: 'waiting'; seconds: number } | { phase: 'receiving'; received: number; total: number | null };

/**
 * Fetches `path`, calling `onProgress` every second while the server prepares the file and for
 * every chunk while it arrives (with the total when the server sends Content-Length), then saves it.
 */
export async function downloadWithProgress(path: string, fallbackName: string, onProgress: (p: DownloadPhase) => void): Promise<void> {
  const started = Date.now();
  const timer = setInterval(() => onProgress({ phase: 'waiting', seconds: Math.round((Date.now() - started) / 1000) }), 1000);
  let res: Response;
  try {
    onProgress({ phase: 'waiting', seconds: 0 });
    res = await fetch(path, { credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'NETWORK', '无法连接服务器，请检查网络后重试', [], null);
  } finally {
    clearInterval(timer);
  }
  if (!res.ok) {
    let message = `下载失败（${res.status}）`;
    try {
      message = ((await res.json()) as { error?: { message?: string } }).error?.message ?? message;
    } catch {
      // not JSON: keep the status
    }
    throw new ApiError(res.status, 'DOWNLOAD_FAILED', message, [], null);
  }
  const total = Number(res.headers.get('content-length')) || null;
  const chunks: Uint8Array[] = [];
  let received = 0;
  const reader = res.body?.getReader();
  if (reader) {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      received += value.byteLength;
      onProgress({ phase: 'receiving', received, total });
    }
  }
  const cd = res.headers.get('content-disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(cd);
  saveBlob(new Blob(chunks as BlobPart[], { type: res.headers.get('content-type') ?? 'application/octet-stream' }), star ? decodeURIComponent(star[1]!) : fallbackName);
}
