import { Type } from 'typebox';
import type { TenantContext } from '../../../kernel/context.js';
import { todayIn } from '../../../kernel/dates.js';
import { fieldError } from '../../../kernel/errors.js';
import type { HttpApp } from '../../../kernel/http/app.js';
import { csvDownload, FormatQuery, JsonOrCsv } from '../../../kernel/http/csv.js';
import { recordAudit } from '../../audit/index.js';
import { DateOnly, IdParams } from '../../../kernel/http/schemas.js';
import { AGING_GROUPS, arrearsAging, collections, incomeByAccount, MAX_MONTHS, monthlyCollections, statementOf } from './reports.js';

const module = 'finance';
const tags = ['finance'];
const read = { module, permission: 'finance.read' };
const Money = Type.Integer();

const StatementLine = Type.Object({
  entryId: Type.String({ format: 'uuid' }),
  date: DateOnly,
  kind: Type.String(),
  description: Type.String(),
  chargeId: Type.Union([Type.String({ format: 'uuid' }), Type.Null()]),
  amount: Money,
  balance: Money,
});
const Statement = Type.Object({
  memberId: Type.String({ format: 'uuid' }),
  from: DateOnly,
  to: DateOnly,
  currencies: Type.Array(Type.Object({ currency: Type.String(), opening: Money, charges: Money, credits: Money, closing: Money, lines: Type.Array(StatementLine) })),
});
const Period = Type.Object({ from: Type.Optional(DateOnly), to: Type.Optional(DateOnly) }, { additionalProperties: false, description: 'Default: the month so far.' });

const AgingFigures = { currency: Type.String(), current: Money, days1to30: Money, days31to60: Money, days61to90: Money, over90: Money, total: Money };
const Aging = Type.Object({
  asOf: DateOnly,
  groupBy: Type.Enum(AGING_GROUPS),
  rows: Type.Array(Type.Object({ id: Type.Union([Type.String(), Type.Null()]), name: Type.Union([Type.String(), Type.Null()]), ...AgingFigures })),
  totals: Type.Array(Type.Object(AgingFigures)),
});
const Income = Type.Object({
  from: DateOnly,
  to: DateOnly,
  rows: Type.Array(Type.Object({ accountId: Type.String(), code: Type.String(), name: Type.String(), currency: Type.String(), income: Money })),
  totals: Type.Array(Type.Object({ currency: Type.String(), income: Money })),
});
const Collections = Type.Object({
  from: DateOnly,
  to: DateOnly,
  asOf: DateOnly,
  rows: Type.Array(Type.Object({ currency: Type.String(), charges: Type.Integer(), charged: Money, collected: Money, writtenOff: Money, rate: Type.Union([Type.Number(), Type.Null()]) })),
});
const Month = Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$', description: 'A calendar month, `YYYY-MM`.' });
const Monthly = Type.Object({
  from: Month,
  to: Month,
  rows: Type.Array(Type.Object({ month: Month, currency: Type.String(), billed: Money, collected: Money })),
});

// "Today" is the tenant's.
const today = (ctx: TenantContext) => todayIn(ctx.tenant.timeZone);
/** A report period: `from` defaults to the 1st of January of this year, `to` to today. */
const periodOf = (ctx: TenantContext, q: { from?: string; to?: string }) => {
  const to = q.to ?? today(ctx);
  const from = q.from ?? `${to.slice(0, 4)}-01-01`;
  orderedPeriod(from, to);
  return { from, to };
};
const orderedPeriod = (from: string, to: string) => {
  if (to < from) throw fieldError('to', 'must be on or after from');
};

/** Statements and the finance reports: arrears aging, income by account, collections. */
export function reportsRoutes(app: HttpApp): void {
  app.get('/finance/members/:id/statement', {
    config: { access: { module, permission: 'finance.read', own: 'finance.read.own' } },
    schema: { operationId: 'finance.members.statement', tags, summary: "A member's statement for a period: opening balance, every charge, payment, credit and fee, closing balance", params: IdParams, querystring: Period, response: { 200: Statement } },
  }, async (req) => {
    return statementOf(req.ctx, req.params.id, req.query, today(req.ctx));
  });

  app.get('/finance/reports/arrears', {
    config: { access: read },
    schema: {
      operationId: 'finance.reports.arrears',
      tags,
      summary: 'Arrears aging (current, 1–30, 31–60, 61–90, 90+ days) per member, unit or property',
      querystring: Type.Object({ asOf: Type.Optional(DateOnly), groupBy: Type.Optional(Type.Enum(AGING_GROUPS, { default: 'member' })), ...FormatQuery }, { additionalProperties: false }),
      response: { 200: JsonOrCsv(Aging) },
    },
  }, async (req, reply) => {
    const report = await arrearsAging(req.ctx, req.query.asOf ?? today(req.ctx), req.query.groupBy ?? 'member');
    if (req.query.format !== 'csv') return report;
    await recordAudit(req.ctx, { action: 'export.csv', target: { type: 'report', id: 'finance.arrears' }, details: { asOf: report.asOf, groupBy: report.groupBy } });
    return csvDownload(reply, `arrears-${report.asOf}.csv`, [report.groupBy, 'name', 'currency', 'current', '1-30', '31-60', '61-90', '90+', 'total'], [
      ...report.rows.map((r) => [r.id, r.name, r.currency, r.current, r.days1to30, r.days31to60, r.days61to90, r.over90, r.total]),
      ...report.totals.map((t) => ['Total', '', t.currency, t.current, t.days1to30, t.days31to60, t.days61to90, t.over90, t.total]),
    ]);
  });

  app.get('/finance/reports/income', {
    config: { access: read },
    schema: { operationId: 'finance.reports.income', tags, summary: 'Income per income account for a period', querystring: Type.Object({ from: Type.Optional(DateOnly), to: Type.Optional(DateOnly), ...FormatQuery }, { additionalProperties: false }), response: { 200: JsonOrCsv(Income) } },
  }, async (req, reply) => {
    const { from, to } = periodOf(req.ctx, req.query);
    const report = await incomeByAccount(req.ctx, from, to);
    if (req.query.format !== 'csv') return report;
    await recordAudit(req.ctx, { action: 'export.csv', target: { type: 'report', id: 'finance.income' }, details: { from: report.from, to: report.to } });
    return csvDownload(reply, `income-${report.from}-${report.to}.csv`, ['code', 'account', 'currency', 'income'], [
      ...report.rows.map((r) => [r.code, r.name, r.currency, r.income]),
      ...report.totals.map((t) => ['Total', '', t.currency, t.income]),
    ]);
  });

  app.get('/finance/reports/collections', {
    config: { access: read },
    schema: {
      operationId: 'finance.reports.collections',
      tags,
      summary: 'Collections rate of the charges due in a period',
      querystring: Type.Object({ from: Type.Optional(DateOnly), to: Type.Optional(DateOnly), asOf: Type.Optional(DateOnly), ...FormatQuery }, { additionalProperties: false }),
      response: { 200: JsonOrCsv(Collections) },
    },
  }, async (req, reply) => {
    const { from, to } = periodOf(req.ctx, req.query);
    const report = await collections(req.ctx, from, to, req.query.asOf ?? to);
    if (req.query.format !== 'csv') return report;
    await recordAudit(req.ctx, { action: 'export.csv', target: { type: 'report', id: 'finance.collections' }, details: { from: report.from, to: report.to } });
    return csvDownload(reply, `collections-${report.from}-${report.to}.csv`, ['currency', 'charges', 'charged', 'collected', 'written off', 'rate'], report.rows.map((r) => [r.currency, r.charges, r.charged, r.collected, r.writtenOff, r.rate]));
  });

  app.get('/finance/reports/collections/monthly', {
    config: { access: read },
    schema: {
      operationId: 'finance.reports.collectionsMonthly',
      tags,
      summary: `Billed (charges by due month, voids left out) and collected (payments by month received) per month and currency, at most ${MAX_MONTHS} months; by default the last 12`,
      querystring: Type.Object({ from: Type.Optional(Month), to: Type.Optional(Month), ...FormatQuery }, { additionalProperties: false }),
      response: { 200: JsonOrCsv(Monthly) },
    },
  }, async (req, reply) => {
    const report = await monthlyCollections(req.ctx, req.query, today(req.ctx).slice(0, 7));
    if (req.query.format !== 'csv') return report;
    await recordAudit(req.ctx, { action: 'export.csv', target: { type: 'report', id: 'finance.collections_monthly' }, details: { from: report.from, to: report.to } });
    return csvDownload(reply, `collections-monthly-${report.from}-${report.to}.csv`, ['month', 'currency', 'billed', 'collected'], report.rows.map((r) => [r.month, r.currency, r.billed, r.collected]));
  });
}
