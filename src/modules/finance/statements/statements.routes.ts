import { sql } from 'kysely';
import { Type } from 'typebox';
import { readScope, type TenantContext, type TenantInfo, type TenantScope } from '../../../kernel/context.js';
import { addDays, isoDate, type IsoDate } from '../../../kernel/dates.js';
import { fieldError, notFound } from '../../../kernel/errors.js';
import type { EventDefinition } from '../../../kernel/events/event.js';
import { emit } from '../../../kernel/events/outbox.js';
import type { HttpApp } from '../../../kernel/http/app.js';
import { decodeCursor, pageOf } from '../../../kernel/http/pagination.js';
import { DateOnly, IdParams, Page, PageQuery, Timestamp, Uuid } from '../../../kernel/http/schemas.js';
import type { JobDefinition } from '../../../kernel/jobs/job.js';
import { newId } from '../../../kernel/ids.js';
import type { FinanceOptions } from '../options.js';
import { formatMoney, renderStatementPdf } from './statement.pdf.js';
import { memberStatement } from './statements.js';

const module = 'finance';
const tags = ['finance'];
const STATEMENT_JOB = 'finance.statements';

export const statementsEvents: EventDefinition[] = [
  { type: 'statement.generated', version: 1, description: 'A member statement was generated (or generated again); data is the statement record without its lines.' },
];

const Summary = Type.Array(Type.Object({ currency: Type.String(), opening: Type.Integer(), charges: Type.Integer(), credits: Type.Integer(), closing: Type.Integer() }));
const StatementRecord = Type.Object({
  id: Uuid,
  memberId: Uuid,
  from: DateOnly,
  to: DateOnly,
  summary: Summary,
  pdfBytes: Type.Integer(),
  /** The API path that downloads the PDF (with the same credentials). */
  downloadUrl: Type.String(),
  generatedAt: Timestamp,
  emailedAt: Type.Union([Timestamp, Type.Null()]),
});
type StatementRecord = {
  id: string;
  memberId: string;
  from: IsoDate;
  to: IsoDate;
  summary: { currency: string; opening: number; charges: number; credits: number; closing: number }[];
  pdfBytes: number;
  downloadUrl: string;
  generatedAt: Date;
  emailedAt: Date | null;
};

interface Row {
  id: string;
  member_id: string;
  period_from: string;
  period_to: string;
  summary: StatementRecord['summary'];
  object_key: string;
  pdf_bytes: number;
  generated_at: Date;
  emailed_at: Date | null;
}
const columns = ['id', 'member_id', 'period_from', 'period_to', 'summary', 'object_key', 'pdf_bytes', 'generated_at', 'emailed_at'] as const;
const toRecord = (r: Row): StatementRecord => ({
  id: r.id,
  memberId: r.member_id,
  from: r.period_from,
  to: r.period_to,
  summary: typeof r.summary === 'string' ? JSON.parse(r.summary) : r.summary,
  pdfBytes: r.pdf_bytes,
  downloadUrl: `/api/v1/finance/statements/${r.id}/pdf`,
  generatedAt: r.generated_at,
  emailedAt: r.emailed_at,
});

/**
 * Generates a member's statement for a period: the figures from the ledger, the branded PDF
 * into object storage (a key per member and period, so a retry overwrites the same object),
 * and the record. `regenerate` false keeps a statement already issued for the period as it is.
 */
export async function issueStatement(
  scope: TenantScope,
  options: FinanceOptions,
  tenant: Pick<TenantInfo, 'id' | 'name' | 'branding'>,
  memberId: string,
  period: { from: IsoDate; to: IsoDate },
  regenerate: boolean,
): Promise<{ record: StatementRecord; created: boolean }> {
  if (!options.storage) throw new Error('the finance module was started without object storage');
  const existing = await scope.db.selectFrom('finance_statements').select(columns).where('member_id', '=', memberId).where('period_from', '=', period.from).where('period_to', '=', period.to).executeTakeFirst();
  if (existing && !regenerate) return { record: toRecord(existing), created: false };
  const member = await scope.db.selectFrom('members').select(['first_name', 'last_name', 'email']).where('id', '=', memberId).executeTakeFirst();
  if (!member) throw notFound('The member');
  const statement = await memberStatement(scope, memberId, period.from, period.to);
  const generatedAt = options.now?.() ?? new Date();
  const pdf = await renderStatementPdf({ tenant, member: { name: `${member.first_name} ${member.last_name}`, email: member.email }, statement, generatedAt });
  const key = `tenants/${scope.tenant.id}/statements/${memberId}/${period.from}_${period.to}.pdf`;
  await options.storage.put(key, pdf, 'application/pdf');
  const summary = statement.currencies.map(({ lines: _lines, ...figures }) => figures);
  const row = await scope.db
    .insertInto('finance_statements')
    .values({ tenant_id: scope.tenant.id, id: existing?.id ?? newId(), member_id: memberId, period_from: period.from, period_to: period.to, summary: JSON.stringify(summary), object_key: key, pdf_bytes: pdf.length, generated_at: generatedAt })
    .onConflict((oc) => oc.columns(['tenant_id', 'member_id', 'period_from', 'period_to']).doUpdateSet({ summary: JSON.stringify(summary), object_key: key, pdf_bytes: pdf.length, generated_at: generatedAt }))
    .returning(columns)
    .executeTakeFirstOrThrow();
  const record = toRecord(row);
  await emit(scope, 'statement.generated', record);
  return { record, created: !existing };
}

/** The calendar month before the one `now` falls in. */
export function previousMonth(now: Date): { from: IsoDate; to: IsoDate } {
  const firstOfThisMonth = `${isoDate(now).slice(0, 7)}-01`;
  const to = addDays(firstOfThisMonth, -1);
  return { from: `${to.slice(0, 7)}-01`, to };
}

/**
 * The monthly run for one tenant: a statement for last month for every member with money on
 * the ledger up to its end, and an e-mail to those who have an address. One transaction per
 * member, and what is done is skipped when the job runs again, so a crash resumes.
 */
async function runMonthlyStatements(tenantId: string, ctx: Parameters<JobDefinition['handler']>[1], options: FinanceOptions): Promise<void> {
  const now = ctx.now();
  const period = previousMonth(now);
  const tenant = await options.tenantInfo?.(tenantId);
  if (!tenant) throw new Error(`tenant ${tenantId} is not known to the registry`);
  const members = await ctx.tenantTransaction(tenantId, async (db) =>
    (await sql<{ member_id: string }>`SELECT DISTINCT member_id FROM finance_lines WHERE member_id IS NOT NULL AND entry_date <= ${period.to}::date ORDER BY member_id`.execute(db)).rows.map((r) => r.member_id),
  );
  for (const memberId of members) {
    await ctx.tenantTransaction(tenantId, async (db) => {
      const scope = { db, tenant };
      const { record } = await issueStatement(scope, { ...options, now: () => now }, tenant, memberId, period, false);
      if (record.emailedAt || !options.mail) return;
      const member = await db.selectFrom('members').select(['first_name', 'last_name', 'email']).where('id', '=', memberId).executeTakeFirst();
      if (!member?.email) return;
      const owed = record.summary.map((s) => formatMoney(s.closing, s.currency)).join(', ') || formatMoney(0, 'EUR');
      await options.mail.queue(scope, {
        kind: 'notification',
        to: { email: member.email, name: `${member.first_name} ${member.last_name}` },
        data: {
          title: `Your statement for ${period.from.slice(0, 7)}`,
          body: `Your statement from ${period.from} to ${period.to} is ready. Balance at ${period.to}: ${owed}. Sign in to download it as a PDF.`,
          actionUrl: options.tenantUrl ? `${options.tenantUrl(tenant)}/portal/statements/${record.id}` : '',
          actionLabel: 'See your statement',
        },
      });
      await db.updateTable('finance_statements').set({ emailed_at: now }).where('id', '=', record.id).execute();
    });
  }
  ctx.log.info({ tenantId, period, members: members.length }, 'monthly statements issued');
}

export const statementsJobs = (options: FinanceOptions): JobDefinition[] => [
  {
    name: STATEMENT_JOB,
    // 05:00 UTC on the 1st: last month's statements.
    schedule: { cron: '0 5 1 * *', perTenant: true },
    retry: { limit: 5, delaySeconds: 60 },
    leaseSeconds: 3_600,
    handler: (job, ctx) => runMonthlyStatements((job.data as { tenantId: string }).tenantId, ctx, options),
  },
];

const GenerateStatement = Type.Object({ memberId: Uuid, from: DateOnly, to: DateOnly }, { additionalProperties: false });
const ListStatementsQuery = Type.Object({ ...PageQuery, memberId: Type.Optional(Uuid) }, { additionalProperties: false });

async function findRecord(ctx: TenantContext, id: string): Promise<Row> {
  const row = await ctx.db.selectFrom('finance_statements').select(columns).where('id', '=', id).executeTakeFirst();
  const scope = readScope(ctx, 'finance.read');
  if (!row || (scope && row.member_id !== scope.memberId)) throw notFound('The statement');
  return row;
}

/** Member statements: generated on request or by the monthly job, kept as PDFs, downloaded through the API. */
export function statementsRoutes(app: HttpApp, options: FinanceOptions): void {
  const own = { module, permission: 'finance.read', own: 'finance.read.own' };

  app.post('/finance/statements', {
    config: { access: { module, permission: 'finance.write' } },
    schema: { operationId: 'finance.statements.create', tags, summary: "Generate (or generate again) a member's statement for a period, as figures and a branded PDF", body: GenerateStatement, response: { 201: StatementRecord } },
  }, async (req, reply) => {
    if (req.body.to < req.body.from) throw fieldError('to', 'must be on or after from');
    const { record } = await issueStatement(req.ctx, options, req.ctx.tenant, req.body.memberId, req.body, true);
    reply.code(201);
    return record;
  });

  app.get('/finance/statements', {
    config: { access: own },
    schema: { operationId: 'finance.statements.list', tags, summary: 'Statements issued, newest period first (a portal member sees their own)', querystring: ListStatementsQuery, response: { 200: Page(StatementRecord) } },
  }, async (req) => {
    const scope = readScope(req.ctx, 'finance.read');
    const limit = req.query.limit;
    const after = decodeCursor(req.query.cursor, ['date', 'uuid']);
    let q = req.ctx.db.selectFrom('finance_statements').select(columns).orderBy('period_from', 'desc').orderBy('id', 'desc').limit(limit + 1);
    const memberId = scope?.memberId ?? req.query.memberId;
    if (memberId) q = q.where('member_id', '=', memberId);
    if (after) q = q.where(sql`(period_from, id)`, '<', sql`(${after[0]}::date, ${after[1]}::uuid)`);
    const rows = (await q.execute()).map(toRecord);
    return pageOf(rows, limit, (r) => [r.from, r.id]);
  });

  app.get('/finance/statements/:id', {
    config: { access: own },
    schema: { operationId: 'finance.statements.get', tags, summary: 'One statement record', params: IdParams, response: { 200: StatementRecord } },
  }, async (req) => toRecord(await findRecord(req.ctx, req.params.id)));

  app.get('/finance/statements/:id/pdf', {
    config: { access: own },
    schema: { operationId: 'finance.statements.pdf', tags, summary: 'Download the statement PDF', params: IdParams, response: { 200: { content: { 'application/pdf': { schema: Type.String({ format: 'binary' }) } } } } },
  }, async (req, reply) => {
    const row = await findRecord(req.ctx, req.params.id);
    const pdf = await options.storage?.get(row.object_key);
    if (!pdf) throw notFound('The statement PDF');
    reply.type('application/pdf');
    reply.header('content-disposition', `attachment; filename="statement-${row.period_from}-${row.period_to}.pdf"`);
    // Fastify sends a Buffer as it is; the type provider only knows the schema's string.
    return pdf as unknown as string;
  });
}
