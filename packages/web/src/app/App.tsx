/**
 * Routes → lazily loaded pages (one chunk per page). The frames are lazy too: the signed-in
 * Shell (navigation menu, year selector) and the public portal's layout load with the first page
 * that needs them, so the login page loads neither (docs/BENCHMARKS.md, Web app).
 */
import { lazy, Suspense, useEffect, type ComponentType, type LazyExoticComponent } from 'react';
import { match, navigate, useRoute } from './router.js';
import { useSession } from './session.js';
import { Loading } from '../components/Loading.js';

const loadShell = () => import('./Shell.js').then((m) => ({ default: m.Shell }));
const Shell = lazy(loadShell);
const PublicLayout = lazy(() => import('./PublicLayout.js').then((m) => ({ default: m.PublicLayout })));

type Page = LazyExoticComponent<ComponentType<{ params: Record<string, string> }>> & { preload(): void };
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const page = (load: () => Promise<{ default: ComponentType<any> }>): Page => Object.assign(lazy(load), { preload: () => void load() }) as Page;

const pages = {
  login: page(() => import('../pages/LoginPage.js')),
  home: page(() => import('../pages/HomePage.js')),
  evaluations: page(() => import('../pages/EvaluationListPage.js')),
  newEvaluation: page(() => import('../pages/NewEvaluationPage.js')),
  editor: page(() => import('../pages/EvaluationEditorPage.js')),
  importReport: page(() => import('../pages/ImportPage.js')),
  review: page(() => import('../pages/ReviewQueuePage.js')),
  reviewDetail: page(() => import('../pages/ReviewDetailPage.js')),
  samples: page(() => import('../pages/SamplesPage.js')),
  rectifications: page(() => import('../pages/RectificationsPage.js')),
  dashboard: page(() => import('../pages/DashboardPage.js')),
  targets: page(() => import('../pages/TargetsPage.js')),
  targetDetail: page(() => import('../pages/TargetDetailPage.js')),
  tasks: page(() => import('../pages/AnnualTaskPage.js')),
  monitoringList: page(() => import('../pages/MonitoringListPage.js')),
  monitoring: page(() => import('../pages/MonitoringPage.js')),
  admin: page(() => import('../pages/AdminPage.js')),
  accounts: page(() => import('../pages/AccountsPage.js')),
  securityLog: page(() => import('../pages/SecurityLogPage.js')),
  unitProjects: page(() => import('../pages/UnitProjectsPage.js')),
  projects: page(() => import('../pages/ProjectListPage.js')),
  projectImport: page(() => import('../pages/ProjectImportPage.js')),
  assessment: page(() => import('../pages/AssessorPage.js')),
  results: page(() => import('../pages/ResultApplicationsPage.js')),
  portal: page(() => import('../pages/PublicPortalPage.js')),
  publicReport: page(() => import('../pages/PublicReportPage.js')),
  auditReport: page(() => import('../pages/AuditReportPage.js')),
  changePassword: page(() => import('../pages/ChangePasswordPage.js')),
  notFound: page(() => import('../pages/NotFoundPage.js')),
};

const PRIVATE: Array<[string, Page]> = [
  ['/', pages.home],
  ['/evaluations', pages.evaluations],
  ['/evaluations/new', pages.newEvaluation],
  ['/evaluations/:id', pages.editor],
  ['/import', pages.importReport],
  ['/review', pages.review],
  ['/review/:id', pages.reviewDetail],
  ['/samples', pages.samples],
  ['/rectifications', pages.rectifications],
  ['/dashboard', pages.dashboard],
  ['/targets', pages.targets],
  ['/targets/:id', pages.targetDetail],
  ['/tasks', pages.tasks],
  ['/monitoring', pages.monitoringList],
  ['/monitoring/:id', pages.monitoring],
  ['/admin', pages.admin],
  ['/admin/users', pages.accounts],
  ['/admin/security-events', pages.securityLog],
  ['/unit-projects', pages.unitProjects],
  ['/projects', pages.projects],
  ['/projects/import', pages.projectImport],
  ['/assessment', pages.assessment],
  ['/assessment/:id', pages.assessment],
  ['/results', pages.results],
];

const PUBLIC: Array<[string, Page]> = [
  ['/public', pages.portal],
  ['/public/audit', pages.auditReport],
  ['/public/reports/:id', pages.publicReport],
];

function resolve(table: Array<[string, Page]>, path: string): { Page: Page; params: Record<string, string> } | null {
  for (const [pattern, Page] of table) {
    const params = match(pattern, path);
    if (params) return { Page, params };
  }
  return null;
}

export function App() {
  const route = useRoute();
  const { user, loading, mustChangePassword } = useSession();
  const pub = resolve(PUBLIC, route.path);
  const needLogin = !pub && route.path !== '/login' && !loading && !user;

  useEffect(() => {
    if (needLogin) navigate(`/login?next=${encodeURIComponent(route.path + (route.query.toString() ? `?${route.query}` : ''))}`, true);
  }, [needLogin, route.path, route.query]);

  if (pub) {
    const { Page, params } = pub;
    return (
      <Suspense fallback={<Loading />}>
        <PublicLayout>
          <Suspense fallback={<Loading />}>
            <Page key={route.path} params={params} />
          </Suspense>
        </PublicLayout>
      </Suspense>
    );
  }
  if (route.path === '/login') {
    const Login = pages.login;
    return (
      <Suspense fallback={<Loading />}>
        <Login params={{}} />
      </Suspense>
    );
  }
  const hit = resolve(PRIVATE, route.path);
  if (loading || !user) {
    // While the session is checked, fetch the frame and the page's chunk side by side (a cold
    // visit to /dashboard would otherwise load entry → session → frame → page one after another).
    if (loading && hit) {
      void loadShell();
      hit.Page.preload();
    }
    return <Loading />;
  }
  if (mustChangePassword) {
    const Change = pages.changePassword;
    return (
      <Suspense fallback={<Loading />}>
        <Change params={{}} />
      </Suspense>
    );
  }
  const NotFound = pages.notFound;
  return (
    <Suspense fallback={<Loading />}>
      <Shell>
        <Suspense fallback={<Loading />}>{hit ? <hit.Page key={route.path} params={hit.params} /> : <NotFound params={{}} />}</Suspense>
      </Shell>
    </Suspense>
  );
}
