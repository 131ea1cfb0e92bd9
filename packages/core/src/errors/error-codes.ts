/**
 * Every error jixiao reports to a person has a typed code. This table is the one place
 * that maps a code to its plain Chinese message, its HTTP status and its CLI exit code.
 */
export const ERROR_CODES = {
  FILE_NOT_FOUND: { http: 404, exit: 2, zh: '找不到文件' },
  FILE_UNREADABLE: { http: 400, exit: 2, zh: '无法读取文件' },
  FILE_EMPTY: { http: 400, exit: 2, zh: '文件为空' },
  FILE_TOO_LARGE: { http: 413, exit: 2, zh: '文件过大' },
  UNSUPPORTED_FORMAT: { http: 415, exit: 2, zh: '不支持的文件格式' },
  JSON_SYNTAX: { http: 400, exit: 2, zh: 'JSON 格式错误' },
  SCHEMA_INVALID: { http: 422, exit: 2, zh: '数据不符合评价模型' },
  NOT_A_NUMBER: { http: 422, exit: 2, zh: '此处应为数字' },
  NEGATIVE_AMOUNT: { http: 422, exit: 2, zh: '金额不能为负数' },
  NEGATIVE_SCORE: { http: 422, exit: 2, zh: '得分不能为负数' },
  WEIGHT_OUT_OF_RANGE: { http: 422, exit: 2, zh: '分值超出范围' },
  UNKNOWN_PROFILE: { http: 422, exit: 2, zh: '未知的评分规则' },
  INVALID_PROFILE: { http: 500, exit: 2, zh: '评分规则数据有误' },
  USAGE: { http: 400, exit: 64, zh: '命令用法错误' },
  DOCUMENT_CORRUPT: { http: 422, exit: 2, zh: '文档已损坏或不是所声明的格式' },
  DOCUMENT_ENCRYPTED: { http: 422, exit: 2, zh: '文档已加密，无法读取' },
  DOCUMENT_NO_TEXT: { http: 422, exit: 2, zh: '文档中没有可读取的文字（可能是扫描图片）' },
  ARCHIVE_BOMB: { http: 422, exit: 2, zh: '压缩内容异常（解压后过大），已拒绝' },
  UNKNOWN_TEMPLATE: { http: 422, exit: 2, zh: '未知的文档模板' },
  INVALID_TEMPLATE: { http: 500, exit: 2, zh: '文档模板数据有误' },
  SOFFICE_MISSING: {
    http: 501,
    exit: 69,
    zh: '未安装 LibreOffice，无法生成 PDF。请安装：apt-get install -y --no-install-recommends libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils fonts-noto-cjk fonts-arphic-ukai fonts-arphic-uming fonts-wqy-zenhei fonts-liberation2',
  },
  PDF_CONVERSION_FAILED: { http: 500, exit: 70, zh: 'PDF 转换失败' },
  TIMEOUT: { http: 408, exit: 2, zh: '处理超时' },
  // Server: sessions, access, workflow, storage.
  UNAUTHENTICATED: { http: 401, exit: 2, zh: '请先登录' },
  LOGIN_FAILED: { http: 401, exit: 2, zh: '用户名或密码错误' },
  LOGIN_RATE_LIMITED: { http: 429, exit: 2, zh: '登录尝试过于频繁，请稍后再试' },
  RATE_LIMITED: { http: 429, exit: 2, zh: '请求过于频繁，请稍后再试' },
  CSRF_INVALID: { http: 403, exit: 2, zh: '请求缺少有效的防伪令牌（X-CSRF-Token），请刷新页面后重试' },
  FORBIDDEN: { http: 403, exit: 2, zh: '没有权限执行此操作' },
  NOT_FOUND: { http: 404, exit: 2, zh: '找不到所请求的内容' },
  BAD_REQUEST: { http: 400, exit: 2, zh: '请求参数有误' },
  VERSION_CONFLICT: { http: 409, exit: 2, zh: '内容已被他人修改，请刷新后再保存（未覆盖对方的修改）' },
  INVALID_STATE: { http: 409, exit: 2, zh: '当前状态下不允许此操作' },
  UPLOAD_TOO_LARGE: { http: 413, exit: 2, zh: '上传的文件过大' },
  SERVICE_UNAVAILABLE: { http: 503, exit: 69, zh: '此功能暂不可用' },
  PROJECT_LIST_INVALID: { http: 422, exit: 2, zh: '项目清单有误，未导入任何项目' },
  BACKUP_INVALID: { http: 400, exit: 2, zh: '备份文件无效或已损坏' },
  RESTORE_TARGET_NOT_EMPTY: { http: 409, exit: 2, zh: '目标数据库不是空的，拒绝恢复（请恢复到新的数据目录或空数据库）' },
  DATABASE_UNAVAILABLE: { http: 503, exit: 69, zh: '无法连接数据库' },
  // Operations and hardening: input hygiene, login policy, readiness, backups, the audit-log chain.
  INPUT_CONTROL_CHARACTER: { http: 400, exit: 2, zh: '输入中含有不允许的控制字符（如 NUL），请删除后重试' },
  PASSWORD_POLICY: { http: 400, exit: 2, zh: '密码不符合密码策略' },
  PASSWORD_CHANGE_REQUIRED: { http: 403, exit: 2, zh: '请先修改初始密码，再进行其他操作' },
  PASSWORD_RATE_LIMITED: { http: 429, exit: 2, zh: '当前密码错误次数过多，请稍后再试' },
  NOT_READY: { http: 503, exit: 69, zh: '服务尚未就绪' },
  BACKUP_CHECKSUM_MISMATCH: { http: 400, exit: 2, zh: '备份文件校验和不符（文件已被修改或损坏），拒绝使用' },
  BACKUP_VERIFY_FAILED: { http: 500, exit: 2, zh: '备份校验失败：恢复出的内容与备份不一致' },
  AUDIT_CHAIN_BROKEN: { http: 500, exit: 2, zh: '审计日志哈希链断裂：记录可能被修改或删除' },
  ADMIN_PASSWORD_REQUIRED: {
    http: 500,
    exit: 78,
    zh: '空数据库且未载入演示数据：请设置 JIXIAO_ADMIN_PASSWORD（初始管理员密码，首次登录后须修改）后重新启动',
  },
  DEMO_ACCOUNTS_EXPOSED: {
    http: 500,
    exit: 78,
    zh: '数据库中仍有使用公开演示密码的账号，拒绝在非本机地址上启动（请改密码或停用这些账号，或明确要求演示：--demo / JIXIAO_DEMO=1）',
  },
  // The year before the self-evaluation: annual task, targets, monitoring, complete reports.
  TASK_INVALID: { http: 422, exit: 2, zh: '年度任务设置有误，未保存' },
  TARGETS_INVALID: { http: 422, exit: 2, zh: '绩效目标有误，未保存' },
  MONITORING_INVALID: { http: 422, exit: 2, zh: '运行监控表有误，未保存' },
  PERIOD_CLOSED: { http: 409, exit: 2, zh: '该监控期间未开放或已截止' },
  DEADLINE_PASSED: { http: 423, exit: 2, zh: '已过报送截止日期，本单位已锁定；如需继续填报，请联系财政局解锁' },
  APPROVED_TARGET_LOCKED: { http: 422, exit: 2, zh: '指标名称、指标值和分值来自批复的绩效目标，不能在自评中修改；如需改变，请申请目标调整' },
  REPORT_HAS_PLACEHOLDERS: { http: 422, exit: 2, zh: '报告仍有待填写的内容' },
  SUBMISSION_BLOCKED: { http: 422, exit: 2, zh: '报告还有提交前必须处理的审核问题，暂不能提交' },
  // After the self-evaluation: sampling, rectification, use of results, publication.
  SAMPLE_INVALID: { http: 422, exit: 2, zh: '抽评设置有误，未抽取' },
  RECTIFICATION_INVALID: { http: 422, exit: 2, zh: '整改事项有误，未保存' },
  EVIDENCE_REJECTED: { http: 415, exit: 2, zh: '佐证材料不被接受，未保存' },
  PUBLICATION_BLOCKED: { http: 422, exit: 2, zh: '报告还有公开前必须处理的问题，暂不能公开' },
  REPORT_WITHDRAWN: { http: 410, exit: 2, zh: '该报告已撤回公开' },
  INTERNAL: { http: 500, exit: 70, zh: '内部错误' },
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export interface JxIssue {
  /** Model path or input field, e.g. "funds.total.initial". */
  field?: string | undefined;
  /** Chinese label of the field when known, e.g. "年初预算数". */
  label?: string | undefined;
  line?: number | undefined;
  column?: number | undefined;
  message: string;
}

/** A typed, user-facing error. `message` is plain Chinese. */
export class JxError extends Error {
  readonly code: ErrorCode;
  readonly issues: JxIssue[];
  constructor(code: ErrorCode, detail?: string, issues: JxIssue[] = []) {
    const base = ERROR_CODES[code].zh;
    super(detail ? `${base}：${detail}` : base);
    this.name = 'JxError';
    this.code = code;
    this.issues = issues;
  }
  get httpStatus(): number {
    return ERROR_CODES[this.code].http;
  }
  get exitCode(): number {
    return ERROR_CODES[this.code].exit;
  }
  toJSON() {
    return { code: this.code, message: this.message, issues: this.issues };
  }
}

export function isJxError(e: unknown): e is JxError {
  return e instanceof JxError;
}

/** One line per issue: "字段 funds.total.initial（年初预算数）：金额不能为负数". */
export function formatJxError(e: JxError): string {
  const lines = [`错误 ${e.code}：${e.message}`];
  for (const i of e.issues) {
    const where = [
      i.field ? `字段 ${i.field}${i.label ? `（${i.label}）` : ''}` : null,
      i.line ? `第 ${i.line} 行${i.column ? `第 ${i.column} 列` : ''}` : null,
    ]
      .filter(Boolean)
      .join('，');
    lines.push(`  - ${where ? `${where}：` : ''}${i.message}`);
  }
  return lines.join('\n');
}
