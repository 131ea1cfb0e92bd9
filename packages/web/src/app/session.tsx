/** The logged-in user, the CSRF token, and the chosen fiscal year, shared by every page. */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { request, setCsrfToken, setUnauthorizedHandler } from '../api/client.js';
import type { Session, User } from '../api/types.js';
import { defaultYear, storedYear } from './default-year.js';
import { takeEarly } from './early-requests.js';

interface SessionState {
  user: User | null;
  loading: boolean;
  year: number;
  setYear(y: number): void;
  login(username: string, password: string): Promise<User>;
  logout(): Promise<void>;
  /** The server asks for a new password before anything else (the first administrator). */
  mustChangePassword: boolean;
  changePassword(currentPassword: string, newPassword: string): Promise<void>;
}

const Ctx = createContext<SessionState | null>(null);

/** The year of the open annual task of the user's finance bureau, if any. */
async function openTaskYear(): Promise<number | null> {
  try {
    const r = await request<{ task: { fiscalYear: number } | null }>('/api/tasks/current');
    return r.task?.fiscalYear ?? null;
  } catch {
    return null;
  }
}

/** Without a chosen year, open on the latest year the user has evaluations for. */
async function latestYearWithData(): Promise<number | null> {
  try {
    const r = await request<{ items: Array<{ fiscalYear: number }> }>('/api/evaluations?pageSize=200');
    const years = r.items.map((i) => i.fiscalYear).filter((y) => Number.isInteger(y));
    return years.length ? Math.max(...years) : null;
  } catch {
    return null;
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null>(null);
  const [loading, setLoading] = useState(true);
  const [year, setYearState] = useState(defaultYear);
  const [mustChangePassword, setMustChangePassword] = useState(false);

  useEffect(() => {
    let alive = true;
    // Started by early.ts before the app's script ran (taken once; asked here otherwise).
    (takeEarly<Session>('/api/auth/me', { quiet401: true }) ?? request<Session>('/api/auth/me', { quiet401: true }))
      .then((s) => {
        if (!alive) return;
        setCsrfToken(s.csrfToken);
        setUser(s.user);
        setMustChangePassword(!!s.mustChangePassword);
      })
      .catch(() => alive && setUser(null))
      .finally(() => alive && setLoading(false));
    setUnauthorizedHandler(() => {
      setCsrfToken(null);
      setUser(null);
    });
    return () => {
      alive = false;
      setUnauthorizedHandler(null);
    };
  }, []);

  const login = useCallback(async (username: string, password: string) => {
    const s = await request<Session>('/api/auth/login', { body: { username, password }, quiet401: true });
    setCsrfToken(s.csrfToken);
    setUser(s.user);
    setMustChangePassword(!!s.mustChangePassword);
    return s.user;
  }, []);

  const changePassword = useCallback(async (currentPassword: string, newPassword: string) => {
    await request<void>('/api/auth/password', { method: 'POST', body: { currentPassword, newPassword } });
    setMustChangePassword(false);
  }, []);

  const logout = useCallback(async () => {
    try {
      await request<void>('/api/auth/logout', { method: 'POST', body: {} });
    } finally {
      window.sessionStorage.removeItem('jx.year');
      setCsrfToken(null);
      setUser(null);
    }
  }, []);

  const setYear = useCallback((y: number) => {
    window.sessionStorage.setItem('jx.year', String(y));
    setYearState(y);
  }, []);

  useEffect(() => {
    if (!user || storedYear() !== null) return;
    let alive = true;
    // The open annual task's year first (a unit logging in during the 2025 cycle lands in 2025), else the latest year with data.
    void openTaskYear().then(async (t) => t ?? (await latestYearWithData())).then((y) => {
      if (alive && y !== null && storedYear() === null) setYearState(y);
    });
    return () => {
      alive = false;
    };
  }, [user]);

  const value = useMemo(
    () => ({ user, loading, year, setYear, login, logout, mustChangePassword, changePassword }),
    [user, loading, year, setYear, login, logout, mustChangePassword, changePassword],
  );
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useSession(): SessionState {
  const v = useContext(Ctx);
  if (!v) throw new Error('useSession outside SessionProvider');
  return v;
}

export function useUser(): User {
  const { user } = useSession();
  if (!user) throw new Error('useUser without a logged-in user');
  return user;
}
