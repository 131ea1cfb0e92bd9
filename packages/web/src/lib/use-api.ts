/** Load data from the API with loading/error state; reload on demand or when deps change. */
import { useCallback, useEffect, useRef, useState } from 'react';
import { errorText, request } from '../api/client.js';
import { takeEarly } from '../app/early-requests.js';

export interface Loaded<T> {
  data: T | null;
  loading: boolean;
  error: string | null;
  reload(): void;
  setData(v: T): void;
}

export function useApi<T>(path: string | null): Loaded<T> {
  const [data, setData] = useState<T | null>(null);
  const [loading, setLoading] = useState(path !== null);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  const last = useRef<AbortController | null>(null);

  useEffect(() => {
    if (path === null) {
      setLoading(false);
      return;
    }
    last.current?.abort();
    const ac = new AbortController();
    last.current = ac;
    setLoading(true);
    setError(null);
    // The first load may take an answer early.ts started before the app ran (reloads always ask).
    ((tick === 0 ? takeEarly<T>(path, { signal: ac.signal }) : null) ?? request<T>(path, { signal: ac.signal }))
      .then((d) => {
        if (!ac.signal.aborted) setData(d);
      })
      .catch((e) => {
        if (!ac.signal.aborted) setError(errorText(e) || null);
      })
      .finally(() => {
        if (!ac.signal.aborted) setLoading(false);
      });
    return () => ac.abort();
  }, [path, tick]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data, loading, error, reload, setData };
}
