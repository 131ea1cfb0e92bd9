import { Hono, type Context } from 'hono';
import { JxError, parseEvaluation } from '@jixiao/core';
import { computeEvaluation, toPlainJson } from '../../core-bridge.js';
import { repositories } from '../../repositories/index.js';
import type { EvaluationFilters, EvaluationSort } from '../../repositories/evaluation.repository.js';
import { applyWorkflowAction } from '../../use-cases/apply-workflow-action.js';
import { createEvaluation } from '../../use-cases/create-evaluation.js';
import { toDetail, toSummary } from '../../use-cases/evaluation-views.js';
import { correctionNotes } from '../../use-cases/apply-record-identity.js';
import { departmentRollup } from '../../use-cases/get-department-projects.js';
import { loadVisibleEvaluation } from '../../use-cases/load-visible-evaluation.js';
import { reviewEvaluation } from '../../use-cases/review-evaluation.js';
import { overrideSubmissionChecks } from '../../use-cases/override-submission-checks.js';
import { saveEvaluation } from '../../use-cases/save-evaluation.js';
import { evaluationWithRecordIdentity } from '../../use-cases/apply-record-identity.js';
import { visibilityOf } from '../../workflow/access.js';
import { badRequest } from '../../errors.js';
import { intParam, intQuery, jsonBody, requireActor, type AppEnv, type ServerOptions } from '../env.js';
import { loadExportEvaluation, loadImportReport, loadReportTools } from '../load-optional.js';
import { loadEvaluationPlan } from '../../plan/evaluation-plan.js';
import { placeholderOverrideOf, placeholdersError, reportPlaceholders, templateOf } from '../../plan/report-placeholders.js';
import type { Evaluation } from '@jixiao/core';

export const EXPORT_TYPES: Record<string, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
  json: 'application/json',
};

export const UPLOAD_EXTENSIONS = ['.docx', '.pdf', '.xlsx', '.txt', '.json'];

const SORTS: readonly EvaluationSort[] = ['default', 'quality', '-quality'];

/** `sort=quality` / `-quality`: by 自评质量 as shown (confirmed, else computed), ascending / descending. */
/** Whether the request asks for `Prefer: return=minimal` (RFC 7240: comma-separated preferences). */
function prefersMinimal(prefer: string | undefined): boolean {
  return prefer !== undefined && prefer.split(',').some((p) => p.split(';')[0]!.trim().toLowerCase() === 'return=minimal');
}

function sortOf(c: Context<AppEnv>): EvaluationSort {
  const v = c.req.query('sort') || 'default';
  if (!SORTS.includes(v as EvaluationSort)) throw badRequest(`查询参数 sort 应为 ${SORTS.join('、')} 之一`, [{ field: 'sort', message: `应为 ${SORTS.join('、')} 之一` }]);
  return v as EvaluationSort;
}

/** `qualityConfirmed=1|0` (finance confirmed or not yet), `qualityMax=60` (自评质量 as shown at most 60). */
function qualityFilters(c: Context<AppEnv>): Pick<EvaluationFilters, 'qualityConfirmed' | 'qualityMax'> {
  const confirmed = c.req.query('qualityConfirmed');
  const max = c.req.query('qualityMax');
  if (confirmed && confirmed !== '1' && confirmed !== '0') throw badRequest('查询参数 qualityConfirmed 应为 1（已确认）或 0（未确认）', [{ field: 'qualityConfirmed', message: '应为 1 或 0' }]);
  if (max && !/^\d{1,3}(\.\d{1,40})?$/.test(max)) throw badRequest('查询参数 qualityMax 应为 0 至 999 之间的数字（如 60 或 59.5）', [{ field: 'qualityMax', message: '应为数字' }]);
  return { ...(confirmed ? { qualityConfirmed: confirmed === '1' } : {}), ...(max ? { qualityMax: max } : {}) };
}

export function evaluationRoutes(opts: ServerOptions) {
  const { ctx } = opts;
  const app = new Hono<AppEnv>();

  app.get('/evaluations', async (c) => {
    const actor = requireActor(c);
    const page = Math.max(1, intQuery(c, 'page') ?? 1);
    const pageSize = Math.min(200, Math.max(1, intQuery(c, 'pageSize') ?? 50));
    const { items, total } = await repositories(ctx.db).evaluations.list(
      visibilityOf(actor),
      {
        year: intQuery(c, 'year'),
        status: c.req.query('status') || undefined,
        unitId: intQuery(c, 'unitId'),
        departmentId: intQuery(c, 'departmentId'),
        kind: c.req.query('kind') || undefined,
        q: c.req.query('q') || undefined,
        ...qualityFilters(c),
      },
      { offset: (page - 1) * pageSize, limit: pageSize },
      sortOf(c),
    );
    return c.json({ items: items.map((r) => toSummary(r)), total, page, pageSize });
  });

  app.post('/evaluations', async (c) => {
    const actor = requireActor(c);
    const b = await jsonBody(c);
    const unitId = b.unitId ?? actor.unitId;
    if (!Number.isInteger(unitId)) throw badRequest('unitId 应为整数');
    const kind = b.kind ?? (b.evaluation as { kind?: unknown } | undefined)?.kind;
    if (kind !== 'department' && kind !== 'project' && kind !== 'transfer') throw badRequest('kind 应为 department、project 或 transfer');
    if (b.projectId !== undefined && !Number.isInteger(b.projectId)) throw badRequest('projectId 应为整数');
    const fiscalYear = b.fiscalYear ?? (b.evaluation as { fiscalYear?: unknown } | undefined)?.fiscalYear;
    if (!Number.isInteger(fiscalYear)) throw badRequest('fiscalYear 应为年份');
    const { row, corrections } = await createEvaluation(ctx, actor, {
      unitId: unitId as number,
      fiscalYear: fiscalYear as number,
      kind,
      profile: typeof b.profile === 'string' ? b.profile : undefined,
      evaluation: b.evaluation,
      projectId: b.projectId as number | undefined,
    });
    const rec = await loadVisibleEvaluation(ctx, actor, row.id);
    return c.json({ ...toDetail(actor, rec), corrections: correctionNotes(corrections) }, 201);
  });

  app.get('/evaluations/:id', async (c) => {
    const actor = requireActor(c);
    const rec = await loadVisibleEvaluation(ctx, actor, intParam(c, 'id'));
    // A department evaluation carries its projects' roll-up, and its audit checks the stated figures against it.
    const department = rec.kind === 'department' ? await departmentRollup(repositories(ctx.db), rec) : undefined;
    const plan = await loadEvaluationPlan(repositories(ctx.db), rec);
    return c.json(toDetail(actor, rec, department, plan));
  });

  app.put('/evaluations/:id', async (c) => {
    const actor = requireActor(c);
    const b = await jsonBody(c);
    const r = await saveEvaluation(ctx, actor, intParam(c, 'id'), { version: b.version, evaluation: b.evaluation });
    // `Prefer: return=minimal` (RFC 7240; the web app scores and audits live and sends it): the new version and
    // the stored figures, not the whole score and audit (~19 KB of every autosave's answer on deadline day).
    if (prefersMinimal(c.req.header('prefer'))) {
      c.header('Preference-Applied', 'return=minimal');
      return c.json({ version: r.version, updatedAt: r.updatedAt.toISOString(), corrections: correctionNotes(r.corrections), figures: r.figures });
    }
    // Decimals serialise themselves as strings: the answer is written once, no parse/serialise round trip.
    return c.json({
      version: r.version,
      score: r.computed.score ?? null,
      audit: r.computed.audit ?? null,
      problems: r.computed.problems,
      updatedAt: r.updatedAt.toISOString(),
      corrections: correctionNotes(r.corrections),
    });
  });

  app.post('/evaluations/:id/actions/:action', async (c) => {
    const actor = requireActor(c);
    const b = await jsonBody(c);
    const r = await applyWorkflowAction(ctx, actor, intParam(c, 'id'), c.req.param('action'), { version: b.version, opinion: b.opinion, placeholderReason: b.placeholderReason, overrideReason: b.overrideReason });
    return c.json(r);
  });

  // The finance bureau waives the checks before submission for one evaluation, with a reason (audit-logged).
  app.post('/evaluations/:id/submission-override', async (c) => {
    const actor = requireActor(c);
    const b = await jsonBody(c);
    const r = await overrideSubmissionChecks(ctx, actor, intParam(c, 'id'), { reason: b.reason });
    return c.json(toPlainJson(r));
  });

  app.put('/evaluations/:id/review', async (c) => {
    const actor = requireActor(c);
    const b = await jsonBody(c);
    const r = await reviewEvaluation(ctx, actor, intParam(c, 'id'), { ...b, version: b.version });
    return c.json(r);
  });

  app.get('/evaluations/:id/history', async (c) => {
    const actor = requireActor(c);
    const id = intParam(c, 'id');
    await loadVisibleEvaluation(ctx, actor, id);
    const rows = await repositories(ctx.db).auditLog.listForEvaluation(id);
    return c.json(rows);
  });

  app.get('/evaluations/:id/export', async (c) => {
    const actor = requireActor(c);
    const rec = await loadVisibleEvaluation(ctx, actor, intParam(c, 'id'));
    const format = c.req.query('format') ?? 'docx';
    const r = repositories(ctx.db);
    // A report (a department's .docx / PDF) with placeholders is not handed out, unless finance published it with a reason.
    if ((format === 'docx' || format === 'pdf') && !placeholderOverrideOf(rec.review)) {
      const gaps = await reportPlaceholders(r, rec);
      if (gaps.length) throw placeholdersError(gaps, '请在“报告正文”中补全后再导出');
    }
    const template = await templateOf(r, rec);
    return exportResponse(c, evaluationWithRecordIdentity<Evaluation>(rec), format, `${rec.title}`, template ? { template } : {});
  });

  // The template's chapters with the unit's text and guidance, and what the report still lacks.
  app.get('/evaluations/:id/report', async (c) => {
    const actor = requireActor(c);
    const rec = await loadVisibleEvaluation(ctx, actor, intParam(c, 'id'));
    const r = repositories(ctx.db);
    const template = await templateOf(r, rec);
    const tools = await loadReportTools();
    const outline = tools.describeReportChapters(rec.data as Evaluation, template ? { template } : {});
    return c.json({ ...outline, placeholders: await reportPlaceholders(r, { ...rec, kind: 'department' }), override: placeholderOverrideOf(rec.review) });
  });

  app.post('/preview', async (c) => {
    requireActor(c);
    const b = await jsonBody(c);
    const parsed = parseEvaluation(b.evaluation);
    if (!parsed.ok) throw parsed.error;
    const computed = computeEvaluation(parsed.value);
    return c.json({ score: toPlainJson(computed.score), audit: toPlainJson(computed.audit), problems: computed.problems });
  });

  app.post('/uploads', async (c) => {
    requireActor(c);
    return c.json(await importUpload(c));
  });

  return app;
}

/** Reads the multipart field `file`, checks its type, imports it and audits the result. */
export async function importUpload(c: Context<AppEnv>) {
  let form: Record<string, unknown>;
  try {
    form = await c.req.parseBody();
  } catch {
    throw badRequest('请以 multipart/form-data 上传，字段名为 file');
  }
  const file = form.file;
  if (!(file instanceof File)) throw badRequest('请以 multipart/form-data 上传，字段名为 file');
  const name = file.name || 'upload';
  const ext = name.toLowerCase().match(/\.[a-z0-9]+$/)?.[0] ?? '';
  if (!UPLOAD_EXTENSIONS.includes(ext)) throw new JxError('UNSUPPORTED_FORMAT', `只接受 ${UPLOAD_EXTENSIONS.join(' ')} 文件`);
  if (file.size === 0) throw new JxError('FILE_EMPTY');
  const importReport = await loadImportReport();
  const bytes = new Uint8Array(await file.arrayBuffer());
  const result = await importReport({ bytes, fileName: name });
  const parsed = parseEvaluation(result.evaluation);
  const evaluation = parsed.ok ? parsed.value : result.evaluation;
  const computed = parsed.ok ? computeEvaluation(parsed.value) : null;
  return {
    evaluation,
    score: toPlainJson(computed?.score ?? null),
    audit: toPlainJson(computed?.audit ?? null),
    lines: result.lines ?? [],
    problems: parsed.ok ? computed!.problems : [parsed.error.message],
  };
}

export async function exportResponse(c: Context<AppEnv>, evaluation: Evaluation, format: string, title: string, options: { template?: string } = {}) {
  const type = EXPORT_TYPES[format];
  if (!type || format === 'json') {
    if (format === 'json') {
      return c.body(JSON.stringify(evaluation, null, 2), 200, {
        'Content-Type': `${EXPORT_TYPES.json}; charset=utf-8`,
        'Content-Disposition': contentDisposition(`${title}.json`),
      });
    }
    throw badRequest('format 应为 docx、xlsx、pdf 或 json');
  }
  const exportEvaluation = await loadExportEvaluation();
  const bytes = await exportEvaluation(evaluation, format, options);
  return c.body(bytes as Uint8Array<ArrayBuffer>, 200, { 'Content-Type': type, 'Content-Disposition': contentDisposition(`${title}.${format}`) });
}

export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
