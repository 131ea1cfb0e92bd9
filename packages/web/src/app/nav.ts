/** Left navigation, grouped by stage of the cycle, shown per role. */
import type { Role } from '../api/types.js';

export interface NavItem {
  key: string;
  label: string;
  to: string;
}

export interface NavGroup {
  key: string;
  label: string;
  roles: Role[];
  items: Array<NavItem & { roles?: Role[] }>;
}

const UNIT: Role[] = ['unit_filler', 'unit_head'];
const REVIEWERS: Role[] = ['department_reviewer', 'finance_reviewer'];
const ALL: Role[] = ['unit_filler', 'unit_head', 'department_reviewer', 'finance_reviewer', 'admin'];

export const NAV: NavGroup[] = [
  { key: 'home', label: '待办', roles: ALL, items: [{ key: 'home', label: '我的待办', to: '/' }] },
  {
    key: 'task',
    label: '年度任务',
    roles: [...REVIEWERS, 'admin'],
    items: [{ key: 'tasks', label: '年度任务与进度', to: '/tasks' }],
  },
  {
    key: 'targets',
    label: '目标与监控',
    roles: ALL,
    items: [
      { key: 'targets', label: '绩效目标', to: '/targets' },
      { key: 'monitoring', label: '运行监控', to: '/monitoring' },
    ],
  },
  {
    key: 'self',
    label: '绩效自评',
    roles: [...UNIT, 'admin'],
    items: [
      { key: 'evaluations', label: '自评填报', to: '/evaluations' },
      { key: 'unitProjects', label: '单位项目', to: '/unit-projects', roles: UNIT },
      { key: 'new', label: '新建自评', to: '/evaluations/new' },
      { key: 'import', label: '从报告导入', to: '/import' },
    ],
  },
  {
    key: 'review',
    label: '审核',
    roles: [...REVIEWERS, 'admin'],
    items: [
      { key: 'review', label: '审核队列', to: '/review' },
      { key: 'projects', label: '项目自评', to: '/projects' },
      { key: 'projectImport', label: '导入项目清单', to: '/projects/import' },
    ],
  },
  {
    key: 'sample',
    label: '抽评',
    roles: ['finance_reviewer', 'admin'],
    items: [{ key: 'samples', label: '抽评复核', to: '/samples' }],
  },
  {
    key: 'assessment',
    label: '第三方评价',
    roles: ['assessor'],
    items: [{ key: 'assessment', label: '抽评复评', to: '/assessment' }],
  },
  {
    key: 'results',
    label: '结果应用',
    roles: [...REVIEWERS, 'admin'],
    items: [{ key: 'results', label: '结果应用清单', to: '/results' }],
  },
  {
    key: 'rectify',
    label: '整改',
    roles: ALL,
    items: [{ key: 'rectifications', label: '整改事项', to: '/rectifications' }],
  },
  {
    key: 'publish',
    label: '公开',
    roles: ALL,
    items: [
      { key: 'publish', label: '待公开', to: '/review?status=finance_approved', roles: ['finance_reviewer', 'admin'] },
      { key: 'portal', label: '公开门户', to: '/public' },
      { key: 'audit', label: '报告体检', to: '/public/audit' },
    ],
  },
  {
    key: 'stats',
    label: '统计分析',
    roles: [...REVIEWERS, 'admin'],
    items: [{ key: 'dashboard', label: '统计看板', to: '/dashboard' }],
  },
  {
    key: 'admin',
    label: '系统管理',
    roles: ['admin'],
    items: [
      { key: 'org', label: '组织机构', to: '/admin' },
      { key: 'accounts', label: '账号管理', to: '/admin/users' },
      { key: 'security', label: '安全日志', to: '/admin/security-events' },
    ],
  },
];

export function navFor(role: Role): NavGroup[] {
  return NAV.filter((g) => g.roles.includes(role))
    .map((g) => ({ ...g, items: g.items.filter((i) => !i.roles || i.roles.includes(role)) }))
    .filter((g) => g.items.length > 0);
}

/** The nav key for a path, to highlight the current item (the project-list import sits under the unit's projects for a unit). */
export function navKeyFor(path: string, search: string, role?: Role): string {
  if (path === '/') return 'home';
  if (path.startsWith('/unit-projects')) return 'unitProjects';
  if (path.startsWith('/projects/import')) return role === 'unit_filler' || role === 'unit_head' ? 'unitProjects' : 'projectImport';
  if (path.startsWith('/projects')) return 'projects';
  if (path.startsWith('/evaluations/new')) return 'new';
  if (path.startsWith('/evaluations')) return 'evaluations';
  if (path.startsWith('/import')) return 'import';
  if (path.startsWith('/review')) return search.includes('finance_approved') ? 'publish' : 'review';
  if (path.startsWith('/samples')) return 'samples';
  if (path.startsWith('/assessment')) return 'assessment';
  if (path.startsWith('/results')) return 'results';
  if (path.startsWith('/rectifications')) return 'rectifications';
  if (path.startsWith('/dashboard')) return 'dashboard';
  if (path.startsWith('/targets')) return 'targets';
  if (path.startsWith('/monitoring')) return 'monitoring';
  if (path.startsWith('/tasks')) return 'tasks';
  if (path.startsWith('/admin/users')) return 'accounts';
  if (path.startsWith('/admin/security-events')) return 'security';
  if (path.startsWith('/admin')) return 'org';
  if (path.startsWith('/public/audit')) return 'audit';
  if (path.startsWith('/public')) return 'portal';
  return '';
}
