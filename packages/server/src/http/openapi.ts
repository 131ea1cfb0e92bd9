/** The OpenAPI 3.1 description served at /api/openapi.json (kept in step with docs/API.md). */

type Op = [method: string, path: string, summary: string, tag: string, opts?: { public?: boolean; body?: string; multipart?: boolean | { fields: Record<string, unknown>; required: string[] }; binary?: boolean }];

const OPS: Op[] = [
  ['post', '/api/auth/login', '登录（用户名、密码）；设置 jx_session Cookie，返回 csrfToken', '会话', { public: true, body: 'Login' }],
  ['post', '/api/auth/logout', '退出登录', '会话'],
  ['get', '/api/auth/me', '当前用户与 csrfToken', '会话'],
  ['post', '/api/auth/password', '修改本人密码（currentPassword、newPassword），其他会话失效', '会话', { body: 'Password' }],
  ['get', '/api/health', '存活检查（不访问数据库）', '运维', { public: true }],
  ['get', '/api/ready', '就绪检查：数据库可连接且迁移与本版本一致（否则 503）', '运维', { public: true }],
  ['get', '/api/admin/users', '账号列表（系统管理员）', '管理'],
  ['post', '/api/admin/users', '新建账号（系统管理员）；首次登录须修改初始密码', '管理', { body: 'NewUser' }],
  ['post', '/api/admin/users/{id}/password', '重置账号密码（系统管理员）：该账号的会话失效，下次登录须修改', '管理', { body: 'PasswordReset' }],
  ['get', '/api/admin/security-events', '安全日志（系统管理员）：登录、失败、退避、修改与重置密码、新建账号；page、pageSize ≤ 200、action', '管理'],
  ['post', '/api/admin/departments', '新建部门（系统管理员）', '管理', { body: 'NewDepartment' }],
  ['post', '/api/admin/units', '新建单位（系统管理员）', '管理', { body: 'NewUnit' }],
  ['get', '/api/org', '可见的地区、财政局、部门、单位', '组织'],
  ['get', '/api/evaluations', '评价报告列表（year、status、unitId、departmentId、kind、q、page、pageSize；sort=quality|-quality 按自评质量排序，qualityConfirmed=1|0、qualityMax 按自评质量筛选），每行含 qualityScore（财政局确认的自评质量）与 qualityComputed（按评分细则计算、尚未确认时显示“未确认”）', '评价'],
  ['post', '/api/evaluations', '新建评价报告（草稿）', '评价', { body: 'CreateEvaluation' }],
  ['get', '/api/evaluations/{id}', '评价报告详情（含得分、审核结果、可执行操作）', '评价'],
  ['put', '/api/evaluations/{id}', '保存评价报告（乐观版本检查）；请求头 Prefer: return=minimal 时只返回新版本号与保存的汇总数字（figures），不返回完整得分与审核结果', '评价', { body: 'SaveEvaluation' }],
  ['post', '/api/evaluations/{id}/actions/{action}', '流程操作：submit / approve / return / publish / withdraw', '流程', { body: 'Action' }],
  ['post', '/api/evaluations/{id}/submission-override', '财政局放行提交前检查（须填写理由，记入审计日志）', '流程', { body: 'SubmissionOverride' }],
  ['put', '/api/evaluations/{id}/review', '财政审核评分（审核得分）', '流程', { body: 'Review' }],
  ['get', '/api/evaluations/{id}/history', '变更记录（只追加的审计日志）', '评价'],
  ['get', '/api/evaluations/{id}/export', '导出文档（format=docx|xlsx|pdf|json）', '评价', { binary: true }],
  ['post', '/api/preview', '试算：评分与审核（不保存）', '评价', { body: 'Preview' }],
  ['post', '/api/uploads', '上传报告并导入（multipart 字段 file）', '评价', { multipart: true }],
  ['get', '/api/projects', '项目列表（year、departmentId、unitId、kind、grade、progress、minAmount、maxAmount、hasErrors、blocked、q、includeRemoved、sort、page、pageSize），每行含 blocking（须先处理才能提交的问题数），含全部匹配行的汇总 summary', '项目'],
  ['get', '/api/projects/{id}', '项目详情（含其中资金、导入批次）', '项目'],
  ['post', '/api/projects/{id}/evaluation', '为项目新建自评表草稿（按项目清单预填）', '项目'],
  ['get', '/api/units/{id}/projects', '单位的全部项目及填报进度、得分、错误与警告、须先处理才能提交的问题数 blocking（year）', '项目'],
  ['get', '/api/units/{id}/projects/export', '单位项目自评表汇总工作簿（year、format=xlsx）：每个项目一张表，另附项目自评结果汇总表', '项目', { binary: true }],
  [
    'post',
    '/api/project-imports',
    '上传年度项目清单（.xlsx/.csv）并预览：新增、变更、未变、已移除，逐行；有误则整份拒绝（422，逐行说明）',
    '项目',
    {
      multipart: {
        required: ['fiscalYear'],
        fields: {
          fiscalYear: { type: 'integer', description: '项目清单所属年度' },
          departmentId: { type: 'integer', description: '只导入该部门的单位（须在本人范围内）' },
          unitId: { type: 'integer', description: '只导入该单位（须在本人范围内）' },
          amountUnit: { enum: ['万元', '元'], description: '金额单位（默认按表头，否则万元）' },
          createEvaluations: { enum: ['true', 'false'], description: '为新项目建立自评表草稿（默认 true）' },
        },
      },
    },
  ],
  ['get', '/api/project-imports/{id}', '项目清单导入预览（仅上传人）', '项目'],
  ['post', '/api/project-imports/{id}/commit', '确认导入（一个事务；预览后项目库有变化则 409，不写入）', '项目'],
  ['post', '/api/evaluations/batch/{action}', '批量流程操作（逐项：每份各自经过状态机与版本检查，逐项返回结果）', '流程', { body: 'Batch' }],
  ['get', '/api/evaluations/{id}/projects', '部门整体自评的所属项目、由项目自评表计算的汇总（覆盖率、资金、执行率、平均与最低得分）及相关审核发现', '项目'],
  ['get', '/api/tasks', '年度任务列表（year）', '年度任务'],
  ['post', '/api/tasks', '发布年度任务（财政局）：年度、评价类型、范围、起止日期、评分规则、模板、监控期间、通知', '年度任务', { body: 'Task' }],
  ['get', '/api/tasks/current', '本财政局进行中的年度任务；单位另含锁定状态与催报', '年度任务'],
  ['get', '/api/tasks/{id}', '年度任务详情', '年度任务'],
  ['put', '/api/tasks/{id}', '修改年度任务（年度不变，乐观版本检查）', '年度任务', { body: 'Task' }],
  ['post', '/api/tasks/{id}/actions/{taskAction}', '结束或重新开启年度任务', '年度任务', { body: 'Version' }],
  ['get', '/api/tasks/{id}/progress', '填报进度看板：按部门、按单位的应报、已报、已审、退回、逾期及明细（departmentId）', '年度任务'],
  ['get', '/api/tasks/{id}/reminders', '催报记录', '年度任务'],
  ['post', '/api/tasks/{id}/reminders', '催报（单位首页可见）', '年度任务', { body: 'Reminders' }],
  ['post', '/api/tasks/{id}/unlocks', '截止后为单位解锁（须填写理由）', '年度任务', { body: 'Unlock' }],
  ['get', '/api/targets', '绩效目标列表（year、unitId、kind、status）', '绩效目标'],
  ['post', '/api/targets', '申报绩效目标：部门整体或项目的指标树（草稿）', '绩效目标', { body: 'TargetFiling' }],
  ['get', '/api/targets/{id}', '绩效目标详情：指标树、质量检查、批复版本、调整申请、监控表', '绩效目标'],
  ['put', '/api/targets/{id}', '修改绩效目标（草稿或退回时）', '绩效目标', { body: 'TargetFiling' }],
  ['post', '/api/targets/{id}/actions/{targetAction}', '绩效目标流程：申报、撤回、审核通过（主管部门、财政局）、退回', '绩效目标', { body: 'Action' }],
  ['post', '/api/targets/{id}/adjustments', '申请目标调整（须填写理由，提交调整后的指标树）', '绩效目标', { body: 'Adjustment' }],
  ['post', '/api/targets/{id}/adjustments/{aid}/actions/{adjustmentAction}', '目标调整审核：主管部门、财政局审核通过或退回；批准后形成新版本', '绩效目标', { body: 'Opinion' }],
  ['post', '/api/targets/{id}/evaluation', '生成自评：按批复（或调整后）的绩效目标新建自评，指标名称、指标值和分值锁定', '绩效目标'],
  ['post', '/api/evaluations/{id}/approved-targets', '更新为最新批复版本：由批复目标生成的自评改按最新批复版本，保留仍在的指标已填内容，返回被删除的指标（dropped）', '绩效目标', { body: 'Version' }],
  ['post', '/api/targets/{id}/monitoring', '填报运行监控表（所选监控期间须开放）', '运行监控', { body: 'Monitoring' }],
  ['get', '/api/targets/{id}/monitoring/template', '运行监控表 Excel 模板（periodEndMonth）', '运行监控', { binary: true }],
  ['post', '/api/targets/{id}/monitoring/import', '从 Excel 导入运行监控表（multipart：file、periodEndMonth）', '运行监控', { multipart: { required: ['periodEndMonth'], fields: { periodEndMonth: { type: 'integer', minimum: 1, maximum: 12 } } } }],
  ['get', '/api/monitoring', '运行监控表列表（year、targetId、unitId、status），含信号灯', '运行监控'],
  ['get', '/api/monitoring/{id}', '运行监控表详情与信号灯', '运行监控'],
  ['put', '/api/monitoring/{id}', '保存运行监控表（草稿或退回时）', '运行监控', { body: 'MonitoringSave' }],
  ['post', '/api/monitoring/{id}/actions/{monitoringAction}', '运行监控流程：报送、审核通过、退回', '运行监控', { body: 'Action' }],
  ['get', '/api/evaluations/{id}/report', '报告正文：模板各章节、填写说明、单位已写内容的位置、尚待填写的内容', '评价'],
  ['get', '/api/assessors', '本局聘请的评价机构（第三方）账号', '抽评'],
  ['get', '/api/sample-items', '抽评事项：评价机构看本机构的，财政局看本局有效抽样的（year）', '抽评'],
  ['put', '/api/sample-items/{id}/rescore', '评价机构（或未指定机构时财政局）复评：逐项得分、抽评等级、意见', '抽评', { body: 'Rescore' }],
  ['post', '/api/sample-items/{id}/actions/return', '财政局退回复评（须填意见）', '抽评', { body: 'Opinion' }],
  ['get', '/api/evaluations/{id}/quality', '自评质量：按评分规则逐项计算，含调整与理由；得分按评分规则的小数位四舍五入（保存与审计日志中为精确值）', '审核'],
  ['put', '/api/evaluations/{id}/quality', '财政局调整自评质量（逐项，须说明理由）或确认', '审核', { body: 'QualityAdjustments' }],
  ['get', '/api/rectifications/{id}', '整改事项详情（含佐证材料清单）', '整改'],
  ['post', '/api/rectifications/{id}/actions/{rectAction}', '整改办理：start、report（单位，须填整改情况）、sign_off（销号）、return（财政局，须填意见）', '整改', { body: 'RectificationAction' }],
  ['post', '/api/rectifications/{id}/evidence', '上传佐证材料（按内容识别类型，拒绝可执行文件，≤10 MB，记录 SHA-256）', '整改', { multipart: true }],
  ['get', '/api/rectifications/{id}/evidence/{evidenceId}', '下载佐证材料', '整改', { binary: true }],
  ['get', '/api/result-applications', '结果应用清单（year）：等级、建议、决定、部门反馈', '结果应用'],
  ['get', '/api/result-applications/export', '结果应用清单 .xlsx（供编制下年预算）', '结果应用', { binary: true }],
  ['post', '/api/result-applications/{evaluationId}/decision', '财政局记录结果应用决定（与建议不同须说明）', '结果应用', { body: 'ResultDecision' }],
  ['post', '/api/result-applications/{evaluationId}/response', '主管部门反馈', '结果应用', { body: 'ResultResponse' }],
  ['get', '/api/public/departments', '有公开报告的主管部门（year）', '公开', { public: true }],
  ['get', '/api/public/reports/{id}/history', '公开与撤回公开记录（含撤回理由）', '公开', { public: true }],
  ['get', '/api/samples', '抽评记录（year），每条含抽中报告的摘要 evaluations', '抽评'],
  ['post', '/api/samples', '抽取抽评样本（记录种子与结果，同一种子得到同一结果）', '抽评', { body: 'Sample' }],
  ['get', '/api/rectifications', '整改事项列表', '整改'],
  ['post', '/api/rectifications', '下达整改事项', '整改', { body: 'Rectification' }],
  ['patch', '/api/rectifications/{id}', '更新整改进度', '整改', { body: 'RectificationUpdate' }],
  ['get', '/api/todo', '待办（year）：各清单前 20 项与 counts 中的总数', '看板'],
  ['get', '/api/dashboard', '统计看板（year、departmentId、unitId、kind、includeDrafts=1）：数据库统计；默认不含草稿，无法定级单列且不计入平均分与排名；等级按统一档次（各地名称并入）；排名前 20、散点分箱、按类型、按部门、按单位、历年对比', '看板'],
  ['get', '/api/dashboard/ranking', '完整排名（同上筛选，offset、limit ≤ 500），每行含项目与类型', '看板'],
  ['get', '/api/dashboard/export', '统计明细导出（同上筛选，format=csv|xlsx，流式，每份自评一行，按显示取两位小数）', '看板', { binary: true }],
  ['get', '/api/public/reports', '已公开的报告（无需登录）', '公开', { public: true }],
  ['get', '/api/public/reports/{id}', '已公开报告详情与审核结果', '公开', { public: true }],
  ['get', '/api/public/reports/{id}/download', '下载已公开报告', '公开', { public: true, binary: true }],
  ['post', '/api/public/audit', '审核任意报告（上传，不保存）', '公开', { public: true, multipart: true }],
  ['get', '/api/openapi.json', '本文档', '其他', { public: true }],
];

const obj = (properties: Record<string, unknown>, required: string[] = []) => ({ type: 'object', properties, required });
const int = { type: 'integer' };
const str = { type: 'string' };
const decimal = { type: 'string', pattern: '^\\d+(\\.\\d+)?$', description: '十进制数字字符串' };

const SCHEMAS: Record<string, unknown> = {
  Error: obj(
    {
      error: obj(
        {
          code: str,
          message: str,
          issues: { type: 'array', items: obj({ field: str, label: str, message: str }) },
          currentVersion: { ...int, description: 'VERSION_CONFLICT 时为当前版本号' },
        },
        ['code', 'message'],
      ),
    },
    ['error'],
  ),
  Password: obj({ currentPassword: str, newPassword: { type: 'string', minLength: 10 } }, ['currentPassword', 'newPassword']),
  NewUser: obj(
    { username: str, displayName: str, role: { enum: ['unit_filler', 'unit_head', 'department_reviewer', 'finance_reviewer', 'admin'] }, unitId: int, departmentId: int, bureauId: int, password: { type: 'string', minLength: 10 } },
    ['username', 'displayName', 'role', 'password'],
  ),
  PasswordReset: obj({ password: { type: 'string', minLength: 10 } }, ['password']),
  NewDepartment: obj({ bureauId: int, name: str }, ['bureauId', 'name']),
  NewUnit: obj({ departmentId: int, name: str, code: str }, ['departmentId', 'name']),
  Login: obj({ username: str, password: str }, ['username', 'password']),
  CreateEvaluation: obj({ unitId: int, fiscalYear: int, kind: { enum: ['department', 'project', 'transfer'] }, profile: str, evaluation: { type: 'object' }, projectId: int }, ['fiscalYear', 'kind']),
  SaveEvaluation: obj({ version: int, evaluation: { type: 'object' } }, ['version', 'evaluation']),
  Action: obj({ version: int, opinion: str, overrideReason: str, placeholderReason: str }, ['version']),
  SubmissionOverride: obj({ reason: str }, ['reason']),
  Review: obj({ version: int, reviewScores: { type: 'object', additionalProperties: decimal }, opinion: str }, ['version']),
  Preview: obj({ evaluation: { type: 'object' } }, ['evaluation']),
  TargetTree: obj({
    goal: str,
    hasServiceUsers: { type: 'boolean' },
    indicators: {
      type: 'array',
      items: obj({ name: str, weight: decimal, children: { type: 'array', items: obj({ name: str, weight: decimal, children: { type: 'array', items: obj({ id: str, name: str, sign: { enum: ['>=', '>', '=', '<=', '<', 'qualitative'] }, value: str, unitOfMeasure: str, weight: decimal, core: { type: 'boolean' } }, ['id', 'name', 'sign', 'value']) } }, ['name']) } }, ['name']),
    },
  }),
  TargetFiling: obj({ unitId: int, fiscalYear: int, kind: { enum: ['department', 'project', 'transfer'] }, projectId: int, name: str, version: int, tree: { $ref: '#/components/schemas/TargetTree' } }),
  Task: obj(
    {
      fiscalYear: int,
      kinds: { type: 'array', items: { enum: ['department', 'project', 'transfer'] } },
      unitIds: { type: ['array', 'null'], items: int },
      opensOn: { type: 'string', format: 'date' },
      dueOn: { type: 'string', format: 'date' },
      profile: str,
      template: str,
      monitoringPeriods: { type: 'array', items: obj({ endMonth: { type: 'integer', minimum: 1, maximum: 12 }, opensOn: { type: 'string', format: 'date' }, dueOn: { type: 'string', format: 'date' } }, ['endMonth', 'opensOn', 'dueOn']) },
      notice: str,
      version: int,
    },
    ['fiscalYear', 'kinds', 'opensOn', 'dueOn'],
  ),
  Reminders: obj({ unitIds: { type: 'array', items: int }, message: str }, ['unitIds']),
  Unlock: obj({ unitId: int, reason: str, untilOn: { type: 'string', format: 'date' } }, ['unitId', 'reason']),
  Monitoring: obj(
    {
      periodEndMonth: { type: 'integer', minimum: 1, maximum: 12 },
      budget: obj({ adjusted: decimal, executedToDate: decimal, reason: str, action: str }),
      entries: { type: 'array', items: obj({ indicatorId: str, name: str, target: str, valueToDate: str, forecast: str, willMeet: { type: ['boolean', 'null'] }, reason: str, action: str }, ['indicatorId', 'name']) },
    },
    ['periodEndMonth'],
  ),
  MonitoringSave: obj({ version: int, data: { $ref: '#/components/schemas/Monitoring' } }, ['version', 'data']),
  Version: obj({ version: int }, ['version']),
  Adjustment: obj({ reason: str, tree: { $ref: '#/components/schemas/TargetTree' } }, ['reason', 'tree']),
  Batch: obj({ items: { type: 'array', maxItems: 500, items: obj({ id: int, version: int }, ['id', 'version']) }, opinion: str }, ['items']),
  Sample: obj(
    {
      fiscalYear: int,
      ratio: str,
      count: { type: 'integer', minimum: 1 },
      strata: { type: 'array', items: { enum: ['department', 'kind', 'amountBand'] } },
      amountBands: { type: 'array', items: decimal },
      mandatory: obj({ amountAtLeast: decimal, lastYearPoor: { type: 'boolean' } }),
      assessorId: int,
      seed: str,
      reason: str,
    },
    ['fiscalYear'],
  ),
  Rescore: obj({ version: int, scores: { type: 'object', additionalProperties: decimal }, grade: str, opinion: str }, ['version', 'scores']),
  Opinion: obj({ version: int, opinion: str }, ['version', 'opinion']),
  QualityAdjustments: obj({ adjustments: { type: 'array', items: obj({ part: str, score: decimal, reason: str }, ['part']) } }, ['adjustments']),
  Rectification: obj(
    {
      evaluationId: int,
      monitoringReturnId: int,
      source: { enum: ['monitoring', 'self_evaluation', 'department_evaluation', 'finance_evaluation', 'sampling'] },
      rule: str,
      description: str,
      dueDate: { type: 'string', format: 'date' },
    },
    ['description', 'dueDate'],
  ),
  RectificationUpdate: obj({ status: { enum: ['in_progress'] }, note: str, version: int }),
  RectificationAction: obj({ version: int, text: str, opinion: str }, ['version']),
  ResultDecision: obj({ decision: str, note: str }, ['decision']),
  ResultResponse: obj({ version: int, response: str }, ['version', 'response']),
};

/** Path parameters of the annual-cycle machines (server/src/workflow/plan-machines.ts). */
const PLAN_ACTIONS: Record<string, string[]> = {
  taskAction: ['close', 'reopen'],
  targetAction: ['submit', 'withdraw', 'approve', 'return'],
  adjustmentAction: ['approve', 'return'],
  monitoringAction: ['submit', 'approve', 'return'],
};

function operation([method, path, summary, tag, o = {}]: Op) {
  const params = [...path.matchAll(/\{(\w+)\}/g)].map((m) => ({
    name: m[1],
    in: 'path',
    required: true,
    schema:
      PLAN_ACTIONS[m[1]!]
        ? { enum: PLAN_ACTIONS[m[1]!] }
        : m[1] === 'action'
        ? { enum: ['submit', 'approve', 'return', 'publish', 'withdraw', 'unpublish'] }
        : m[1] === 'rectAction'
          ? { enum: ['start', 'report', 'sign_off', 'return'] }
          : int,
  }));
  const err = { description: '错误', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
  return {
    [method]: {
      summary,
      tags: [tag],
      ...(params.length ? { parameters: params } : {}),
      ...(o.public ? { security: [] } : {}),
      ...(o.body
        ? { requestBody: { required: true, content: { 'application/json': { schema: { $ref: `#/components/schemas/${o.body}` } } } } }
        : {}),
      ...(o.multipart
        ? {
            requestBody: {
              required: true,
              content: {
                'multipart/form-data': {
                  schema: obj(
                    { file: { type: 'string', format: 'binary' }, ...(typeof o.multipart === 'object' ? o.multipart.fields : {}) },
                    ['file', ...(typeof o.multipart === 'object' ? o.multipart.required : [])],
                  ),
                },
              },
            },
          }
        : {}),
      responses: {
        '200': o.binary ? { description: '文件', content: { 'application/octet-stream': {} } } : { description: '成功', content: { 'application/json': {} } },
        '400': err,
        '401': err,
        '403': err,
        '404': err,
        '409': err,
        ...(o.multipart ? { '413': err, '415': err, '422': err, '503': err } : {}),
        ...(o.binary ? { '503': err } : {}),
      },
    },
  };
}

const paths: Record<string, Record<string, unknown>> = {};
for (const op of OPS) paths[op[1]] = { ...(paths[op[1]] ?? {}), ...operation(op) };

export const OPENAPI = {
  openapi: '3.1.0',
  info: {
    title: 'jixiao 预算绩效自评 API',
    version: '0.1.0',
    description:
      '会话 Cookie jx_session；除登录外，所有写操作须带请求头 X-CSRF-Token。错误统一为 { error: { code, message, issues } }。详见 docs/API.md。',
  },
  servers: [{ url: '/' }],
  components: {
    securitySchemes: {
      session: { type: 'apiKey', in: 'cookie', name: 'jx_session' },
      csrf: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token' },
    },
    schemas: SCHEMAS,
  },
  security: [{ session: [], csrf: [] }],
  paths,
} as const;
