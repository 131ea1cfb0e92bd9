/**
 * Validate untrusted input (parsed JSON) into an Evaluation. Never throws on user input:
 * returns either the evaluation or a JxError whose issues name every offending field.
 */
import type { z } from 'zod';
import { JxError, type ErrorCode, type JxIssue } from '../errors/error-codes.js';
import { Evaluation } from './evaluation.js';
import { labelForPath } from './field-labels.js';

export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: JxError };

export function parseEvaluation(input: unknown): ParseResult<Evaluation> {
  const r = Evaluation.safeParse(input);
  if (r.success) return { ok: true, value: r.data };
  return { ok: false, error: zodToJxError(r.error) };
}

/** Parse JSON text (with line numbers for syntax errors) and validate it. */
export function parseEvaluationJson(text: string): ParseResult<Evaluation> {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    const pos = /position (\d+)/.exec(msg);
    const issue: JxIssue = { message: '无法解析 JSON，请检查括号、引号和逗号' };
    if (pos) {
      const offset = Number(pos[1]);
      const before = text.slice(0, offset);
      issue.line = before.split('\n').length;
      issue.column = offset - before.lastIndexOf('\n');
    }
    return { ok: false, error: new JxError('JSON_SYNTAX', undefined, [issue]) };
  }
  return parseEvaluation(data);
}

export function zodToJxError(err: z.ZodError): JxError {
  const issues: JxIssue[] = err.issues.slice(0, 50).map((i) => {
    const field = i.path.map(String).join('.');
    return { field: field || '(根)', label: labelForPath(i.path), message: chineseMessage(i) };
  });
  const codes = err.issues.map((i) => issueCode(i));
  const code: ErrorCode = codes.length > 0 && codes.every((c) => c === codes[0]) ? codes[0]! : 'SCHEMA_INVALID';
  return new JxError(code, issues.length === 1 ? undefined : `共 ${err.issues.length} 处`, issues);
}

function issueCode(i: z.core.$ZodIssue): ErrorCode {
  const jx = i.code === 'custom' ? (i.params as { jx?: string } | undefined)?.jx : undefined;
  switch (jx) {
    case 'not_a_number':
      return 'NOT_A_NUMBER';
    case 'negative_amount':
      return 'NEGATIVE_AMOUNT';
    case 'negative_score':
      return 'NEGATIVE_SCORE';
    case 'weight_range':
      return 'WEIGHT_OUT_OF_RANGE';
    default:
      return 'SCHEMA_INVALID';
  }
}

function chineseMessage(i: z.core.$ZodIssue): string {
  // Our schemas carry Chinese messages; zod's own defaults are English, so translate those.
  if (/[\u4e00-\u9fff]/.test(i.message)) return i.message;
  switch (i.code) {
    case 'invalid_type':
      return i.input === undefined ? '缺少必填字段' : `类型不对：应为 ${typeName(i.expected)}`;
    case 'unrecognized_keys':
      return `无法识别的字段：${i.keys.join('、')}`;
    case 'too_small':
      return `过小或过短（最少 ${String(i.minimum)}）`;
    case 'too_big':
      return `过大或过长（最多 ${String(i.maximum)}）`;
    case 'invalid_value':
      return `取值不在允许范围内：${i.values.map(String).join(' / ')}`;
    case 'invalid_format':
      return '格式不正确';
    default:
      return '不符合要求';
  }
}

function typeName(t: string): string {
  const names: Record<string, string> = {
    string: '文字',
    number: '数字',
    boolean: '是/否（true/false）',
    object: '对象',
    array: '列表',
  };
  return names[t] ?? t;
}
