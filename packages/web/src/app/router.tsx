/**
 * Routing on react-router's browser history: real addresses ("/evaluations/12?status=returned",
 * "/public/reports/7") that can be shared, bookmarked and rendered by the server first.
 *
 * Pages keep a small surface — `useRoute`, `navigate`, `href`, `match` — so they do not depend on
 * the library directly. Plain `<a href={href(...)}>` links (and antd `Button href`) are routed on
 * the client by one document-level click handler, the same thing react-router's `<Link>` does;
 * links into `/api/`, downloads, new tabs and modified clicks are left to the browser.
 * Old hash addresses ("/#/review/3") are rewritten to their path once, at start.
 */
import { useMemo, type ReactNode } from 'react';
import { createBrowserRouter, matchPath, useLocation, type DataRouter } from 'react-router';

export interface Route {
  path: string;
  segments: string[];
  query: URLSearchParams;
}

let appRouter: DataRouter | null = null;

/** Creates the one browser router around the app's element (called once, by main.tsx). */
export function createAppRouter(element: ReactNode): DataRouter {
  rewriteLegacyHash();
  appRouter = createBrowserRouter([{ path: '*', element }]);
  document.addEventListener('click', routeLinkClick);
  return appRouter;
}

/** "/#/review/3?x=1" → "/review/3?x=1" (addresses bookmarked before the switch keep working). */
function rewriteLegacyHash(): void {
  const h = window.location.hash;
  if (h.startsWith('#/')) window.history.replaceState(null, '', h.slice(1));
}

function routeLinkClick(e: MouseEvent): void {
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  const a = (e.target as Element | null)?.closest?.('a');
  if (!a || !a.hasAttribute('href') || a.hasAttribute('download')) return;
  if (a.target && a.target !== '_self') return;
  const url = new URL(a.href, window.location.href);
  if (url.origin !== window.location.origin || url.pathname.startsWith('/api/')) return;
  e.preventDefault();
  navigate(url.pathname + url.search + url.hash);
}

export function useRoute(): Route {
  const { pathname, search } = useLocation();
  return useMemo(
    () => ({ path: pathname || '/', segments: pathname.split('/').filter(Boolean), query: new URLSearchParams(search) }),
    [pathname, search],
  );
}

export function navigate(to: string, replace = false): void {
  if (appRouter) void appRouter.navigate(to, { replace });
  else if (replace) window.location.replace(to);
  else window.location.assign(to);
}

/** The address of an in-app path, for `<a href>`. */
export function href(to: string): string {
  return to;
}

/** Matches "/evaluations/:id" against a path, returning the params or null. */
export function match(pattern: string, path: string): Record<string, string> | null {
  const m = matchPath({ path: pattern, end: true, caseSensitive: true }, path);
  if (!m) return null;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(m.params)) if (v !== undefined) out[k] = safeDecode(v);
  return out;
}

function safeDecode(v: string): string {
  try {
    return decodeURIComponent(v);
  } catch {
    return v;
  }
}
