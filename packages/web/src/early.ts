/**
 * The page's first script (its own entry, run before the app's; vite.config.ts puts it first in
 * index.html): starts the session check and, on /dashboard, the dashboard's data and chunks,
 * while the app's larger script still loads and runs. The app takes these answers
 * (app/early-requests.ts) instead of asking again. Keep it small: it only starts requests.
 */
import { defaultYear } from './app/default-year.js';
import { startEarly } from './app/early-requests.js';
import { dashboardQuery, dashboardRequests } from './pages/dashboard-requests.js';

startEarly('/api/auth/me');

if (window.location.pathname === '/dashboard') {
  const r = dashboardRequests(dashboardQuery(new URLSearchParams(window.location.search)), defaultYear());
  for (const path of [r.dashboard, r.org, r.detail]) if (path) startEarly(path);
  // The same chunks App.tsx preloads for the route, asked for before the app's script has run.
  void import('./app/Shell.js');
  void import('./pages/DashboardPage.js');
}
