/** Findings grouped by model path, and the jump from a finding to its field. */
import type { FindingJson } from '../api/types.js';

export const SEVERITY_NAMES = { error: '错误', warning: '提醒', info: '提示' } as const;
export const SEVERITY_COLORS = { error: 'red', warning: 'gold', info: 'blue' } as const;

/** Findings for a row, keyed by the path under it ("" = the row itself). */
export interface RowFinding {
  field: string;
  severity: FindingJson['severity'];
  message: string;
}

/** Signature per row path prefix, so memoised rows re-render only when their findings change. */
export function findingsByPrefix(findings: FindingJson[], prefixes: string[]): Map<string, string> {
  const out = new Map<string, RowFinding[]>();
  const sorted = [...prefixes].sort((a, b) => b.length - a.length);
  for (const f of findings) {
    const p = f.location.path;
    if (!p) continue;
    const hit = sorted.find((pre) => p === pre || p.startsWith(`${pre}.`));
    if (!hit) continue;
    const list = out.get(hit) ?? [];
    list.push({ field: p === hit ? '' : p.slice(hit.length + 1), severity: f.severity, message: f.message });
    out.set(hit, list);
  }
  return new Map([...out].map(([k, v]) => [k, JSON.stringify(v)]));
}

export function parseRowFindings(sig: string | undefined): RowFinding[] {
  return sig ? (JSON.parse(sig) as RowFinding[]) : [];
}

export function statusFor(list: RowFinding[], field: string): '' | 'error' | 'warning' {
  let s: '' | 'error' | 'warning' = '';
  for (const f of list) {
    if (f.field !== field) continue;
    if (f.severity === 'error') return 'error';
    if (f.severity === 'warning') s = 'warning';
  }
  return s;
}

/** Smooth scrolling, except under automation (stable screenshots) or when reduced motion is asked for. */
export function scrollBehavior(): ScrollBehavior {
  return navigator.webdriver || window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth';
}

/**
 * Scroll to and focus the field of a model path; falls back to the nearest enclosing
 * element (a row, then a section) when the exact field has no input.
 */
export function jumpToPath(path: string | null): boolean {
  if (!path) return false;
  let p = path;
  while (p) {
    const esc = CSS.escape(p);
    const el =
      document.querySelector<HTMLElement>(`[data-path="${esc}"]`) ??
      document.querySelector<HTMLElement>(`[data-path^="${esc}."]`);
    if (el) {
      el.scrollIntoView({ block: 'center', behavior: scrollBehavior() });
      const focusable = el.matches('input,textarea,select,button,[tabindex]') ? el : el.querySelector<HTMLElement>('input,textarea,[tabindex]');
      focusable?.focus({ preventScroll: true });
      const box = el.closest<HTMLElement>('td,tr,section') ?? el;
      box.classList.remove('jx-flash');
      void box.offsetWidth;
      box.classList.add('jx-flash');
      return true;
    }
    const cut = p.lastIndexOf('.');
    p = cut > 0 ? p.slice(0, cut) : '';
  }
  return false;
}
