import { readScope, type TenantContext, type TenantInfo, type TenantScope } from '../../../kernel/context.js';
import { addDays, todayIn, type IsoDate } from '../../../kernel/dates.js';
import { notFound } from '../../../kernel/errors.js';
import { emit } from '../../../kernel/events/outbox.js';
import { decodeCursor, pageOf } from '../../../kernel/http/pagination.js';
import type { JobDefinition } from '../../../kernel/jobs/job.js';
import { newId } from '../../../kernel/ids.js';
import { memberContacts } from '../../members/index.js';
import type { FinanceOptions } from '../options.js';
import { formatMoney, renderStatementPdf } from './statement.pdf.js';
import { fill, statementMessages } from './statement.messages.js';
import { formatMonth } from '../../../kernel/i18n/format.js';
import { localeOf, type Locale } from '../../../kernel/i18n/locale.js';
import { memberStatement } from './statements.js';
import { StatementsRepository } from './statements.repository.js';
import type { StatementRecord } from './statements.schemas.js';

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
  locale: Locale = 'en',
): Promise<{ record: StatementRecord; created: boolean }> {
  if (!options.storage) throw new Error('the finance module was started without object storage');
  const repo = new StatementsRepository(scope.db);
  const existing = await repo.findForPeriod(memberId, period);
  if (existing && !regenerate) return { record: existing, created: false };
  const [member] = await memberContacts(scope.db, [memberId]);
  if (!member) throw notFound('The member');
  const statement = await memberStatement(scope, memberId, period.from, period.to);
  const generatedAt = options.now?.() ?? new Date();
  const pdf = await renderStatementPdf({ tenant, member: { name: `${member.firstName} ${member.lastName}`, email: member.email }, statement, generatedAt, locale });
  const key = `tenants/${scope.tenant.id}/statements/${memberId}/${period.from}_${period.to}.pdf`;
  await options.storage.put(key, pdf, 'application/pdf');
  const summary = statement.currencies.map(({ lines: _lines, ...figures }) => figures);
  const record = await repo.save(scope.tenant.id, existing?.id ?? newId(), memberId, period, { summary, objectKey: key, pdfBytes: pdf.length, generatedAt });
  await emit(scope, 'statement.generated', record);
  return { record, created: !existing };
}

/** The calendar month before the one `now` falls in, in `timeZone`. */
export function previousMonth(now: Date, timeZone: string): { from: IsoDate; to: IsoDate } {
  const firstOfThisMonth = `${todayIn(timeZone, now).slice(0, 7)}-01`;
  const to = addDays(firstOfThisMonth, -1);
  return { from: `${to.slice(0, 7)}-01`, to };
}

/**
 * The monthly run for one tenant: a statement for last month for every member with money on
 * the ledger up to its end, and an e-mail to those who have an address. One transaction per
 * member, and what is done is skipped when the job runs again, so a crash resumes.
 */
export async function runMonthlyStatements(tenantId: string, ctx: Parameters<JobDefinition['handler']>[1], options: FinanceOptions): Promise<void> {
  const now = ctx.now();
  const tenant = await options.tenantInfo?.(tenantId);
  if (!tenant) throw new Error(`tenant ${tenantId} is not known to the registry`);
  const period = previousMonth(now, tenant.timeZone);
  const members = await ctx.tenantTransaction(tenantId, (db) => new StatementsRepository(db).membersWithLines(period.to));
  // No one asked: the members' language is their tenant's default (a member keeps none of their own).
  const locale = localeOf({ tenantLocale: tenant.defaultLocale });
  const m = statementMessages[locale];
  for (const memberId of members) {
    await ctx.tenantTransaction(tenantId, async (db) => {
      const scope = { db, tenant };
      const repo = new StatementsRepository(db);
      const { record } = await issueStatement(scope, { ...options, now: () => now }, tenant, memberId, period, false, locale);
      if (record.emailedAt || !options.mail) return;
      const [member] = await memberContacts(db, [memberId]);
      if (!member?.email) return;
      const owed = record.summary.map((s) => formatMoney(s.closing, s.currency, locale)).join(', ') || formatMoney(0, 'EUR', locale);
      const month = locale === 'en' ? period.from.slice(0, 7) : formatMonth(period.from.slice(0, 7), locale);
      await options.mail.queue(scope, {
        kind: 'notification',
        to: { email: member.email, name: `${member.firstName} ${member.lastName}` },
        data: {
          title: fill(m.mailTitle, { month }),
          body: fill(m.mailBody, { from: m.day(period.from), to: m.day(period.to), owed }),
          actionUrl: options.tenantUrl ? `${options.tenantUrl(tenant)}/portal/statements/${record.id}` : '',
          actionLabel: m.mailAction,
        },
        locale,
      });
      await repo.markEmailed(record.id, now);
    });
  }
  ctx.log.info({ tenantId, period, members: members.length }, 'monthly statements issued');
}

/** One statement and where its PDF is kept; a portal member gets 404 for anyone else's. */
export async function findStatement(ctx: TenantContext, id: string): Promise<{ record: StatementRecord; objectKey: string }> {
  const found = await new StatementsRepository(ctx.db).find(id);
  const scope = readScope(ctx, 'finance.read');
  if (!found || (scope && found.record.memberId !== scope.memberId)) throw notFound('The statement');
  return found;
}

/** Statements issued, newest period first; a portal member sees only their own. */
export async function listStatements(ctx: TenantContext, query: { limit: number; cursor?: string; memberId?: string }) {
  const scope = readScope(ctx, 'finance.read');
  const after = decodeCursor(query.cursor, ['date', 'uuid']);
  const rows = await new StatementsRepository(ctx.db).list(query.limit, scope?.memberId ?? query.memberId, after);
  return pageOf(rows, query.limit, (r) => [r.from, r.id]);
}
