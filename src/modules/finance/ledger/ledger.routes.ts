import type { TenantContext } from '../../../kernel/context.js';
import { todayIn } from '../../../kernel/dates.js';
import type { EventDefinition } from '../../../kernel/events/event.js';
import type { HttpApp } from '../../../kernel/http/app.js';
import { JsonOrCsv, csvDownload } from '../../../kernel/http/csv.js';
import { recordAudit } from '../../audit/index.js';
import { IdParams } from '../../../kernel/http/schemas.js';
import { BalanceQuery, MemberBalance, TrialBalance, TrialBalanceQuery } from './balances.schemas.js';
import { ChargeDetail, ChargePage, CreateCharge, ListChargesQuery, VoidCharge, WriteOffCharge } from './charges.schemas.js';
import {
  Account,
  AccountLedger,
  AccountPage,
  CreateAccount,
  CreateJournalEntry,
  JournalEntry,
  JournalPage,
  LedgerQuery,
  ListAccountsQuery,
  ListJournalQuery,
  ReverseJournalEntry,
  UpdateAccount,
} from './ledger.schemas.js';
import {
  AppliedCredit,
  ApplyCredit,
  ListPaymentsQuery,
  PaymentDetail,
  PaymentPage,
  RecordedPayment,
  RecordPayment,
  RefundPayment,
} from './payments.schemas.js';
import {
  applyMemberCredit,
  createAccount,
  createCharge,
  getAccountLedger,
  getCharge,
  getJournalEntry,
  getMemberBalance,
  getPayment,
  getTrialBalance,
  listAccounts,
  listCharges,
  listJournal,
  listPayments,
  postManualEntry,
  recordMemberPayment,
  refundPaymentById,
  reverseManualEntry,
  updateAccount,
  voidChargeById,
  writeOffChargeById,
} from './ledger.service.js';
import type { FinanceOptions } from '../options.js';

export const ledgerEvents: EventDefinition[] = [
  { type: 'charge.posted', version: 1, description: 'A charge was posted to a member (by hand, a billing run or a late fee); data is the charge.' },
  { type: 'charge.paid', version: 1, description: 'Payments settled all of a charge; data is the charge.' },
  { type: 'charge.voided', version: 1, description: 'A charge was voided and its allocations went back to the member’s credit; data is the charge, reason and releasedToCredit.' },
  { type: 'charge.written_off', version: 1, description: 'Part or all of a charge was written off as bad debt; data is the charge, amountWrittenOff and reason.' },
  { type: 'payment.recorded', version: 1, description: 'Money from a member was recorded (it lands in their credit first); data is the payment.' },
  { type: 'payment.allocated', version: 1, description: 'A member’s credit settled charges; data is {memberId, paymentId, currency, total, allocations}.' },
  { type: 'payment.refunded', version: 1, description: 'Part of a payment was paid back out of the member’s credit; data is the payment, amountRefunded and reason.' },
  { type: 'journal.posted', version: 1, description: 'A manual journal entry was posted; data is the entry with its lines.' },
  { type: 'journal.reversed', version: 1, description: 'A manual journal entry was reversed; data is the reversing entry (reversesId names the entry reversed).' },
];

const module = 'finance';
const tags = ['finance'];
const read = { module, permission: 'finance.read' };
// A portal member is admitted to these reads by finance.read.own; the service confines them to their own records.
const readOwn = { module, permission: 'finance.read', own: 'finance.read.own' };
const write = { module, permission: 'finance.write' };
const approve = { module, permission: 'finance.approve' };

const TRIAL_BALANCE_COLUMNS = ['code', 'name', 'type', 'currency', 'debit', 'credit', 'balance'];

export function ledgerRoutes(app: HttpApp, options: FinanceOptions): void {
  const today = (ctx: TenantContext) => todayIn(ctx.tenant.timeZone, options.now?.() ?? new Date());

  // ---- the chart of accounts

  app.get('/finance/accounts', {
    config: { access: read },
    schema: { operationId: 'finance.accounts.list', tags, summary: 'The chart of accounts, in code order (the system accounts are set up on first use)', querystring: ListAccountsQuery, response: { 200: AccountPage } },
  }, (req) => listAccounts(req.ctx, req.query as typeof req.query & { limit: number }));

  app.post('/finance/accounts', {
    config: { access: write },
    schema: { operationId: 'finance.accounts.create', tags, summary: 'Add an account to the chart', body: CreateAccount, response: { 201: Account } },
  }, async (req, reply) => {
    reply.code(201);
    return createAccount(req.ctx, req.body);
  });

  app.patch('/finance/accounts/:id', {
    config: { access: write },
    schema: { operationId: 'finance.accounts.update', tags, summary: 'Rename an account, or archive it (not a system account) or bring it back', params: IdParams, body: UpdateAccount, response: { 200: Account } },
  }, (req) => updateAccount(req.ctx, req.params.id, req.body));

  app.get('/finance/accounts/:id/ledger', {
    config: { access: read },
    schema: { operationId: 'finance.accounts.ledger', tags, summary: 'An account’s lines over a period with the running balance, opening and closing balances per currency', params: IdParams, querystring: LedgerQuery, response: { 200: AccountLedger } },
  }, (req) => getAccountLedger(req.ctx, req.params.id, req.query, today(req.ctx)));

  // ---- the journal

  app.get('/finance/journal', {
    config: { access: read },
    schema: { operationId: 'finance.journal.list', tags, summary: 'Journal entries with their lines (cursor-paginated; by date range, kind, account or member)', querystring: ListJournalQuery, response: { 200: JournalPage } },
  }, (req) => listJournal(req.ctx, req.query as typeof req.query & { limit: number }));

  app.post('/finance/journal', {
    config: { access: write },
    schema: { operationId: 'finance.journal.create', tags, summary: 'Post a manual entry, balanced per currency', body: CreateJournalEntry, response: { 201: JournalEntry } },
  }, async (req, reply) => {
    reply.code(201);
    return postManualEntry(req.ctx, req.body);
  });

  app.get('/finance/journal/:id', {
    config: { access: read },
    schema: { operationId: 'finance.journal.get', tags, summary: 'One journal entry with its lines and the entry that reverses it', params: IdParams, response: { 200: JournalEntry } },
  }, (req) => getJournalEntry(req.ctx, req.params.id));

  app.post('/finance/journal/:id/reverse', {
    config: { access: approve },
    schema: { operationId: 'finance.journal.reverse', tags, summary: 'Reverse a manual entry (once) with its mirror image', params: IdParams, body: ReverseJournalEntry, response: { 201: JournalEntry } },
  }, async (req, reply) => {
    const reversal = await reverseManualEntry(req.ctx, req.params.id, req.body, today(req.ctx));
    await recordAudit(req.ctx, { action: 'finance.journal.reversed', target: { type: 'journal_entry', id: req.params.id }, details: { reason: req.body.reason, reversalId: reversal.id } });
    reply.code(201);
    return reversal;
  });

  // ---- charges

  app.get('/finance/charges', {
    config: { access: readOwn },
    schema: { operationId: 'finance.charges.list', tags, summary: 'Charges (cursor-paginated; by member, unit, lease, status, kind, due date)', querystring: ListChargesQuery, response: { 200: ChargePage } },
  }, (req) => listCharges(req.ctx, req.query as typeof req.query & { limit: number }));

  app.post('/finance/charges', {
    config: { access: write },
    schema: { operationId: 'finance.charges.create', tags, summary: 'Post a charge to a member', body: CreateCharge, response: { 201: ChargeDetail } },
  }, async (req, reply) => {
    reply.code(201);
    return createCharge(req.ctx, req.body);
  });

  app.get('/finance/charges/:id', {
    config: { access: readOwn },
    schema: { operationId: 'finance.charges.get', tags, summary: 'One charge with its allocations', params: IdParams, response: { 200: ChargeDetail } },
  }, (req) => getCharge(req.ctx, req.params.id));

  app.post('/finance/charges/:id/void', {
    config: { access: approve },
    schema: { operationId: 'finance.charges.void', tags, summary: 'Void a charge: its entry is reversed and what was paid on it goes back to the member’s credit', params: IdParams, body: VoidCharge, response: { 200: ChargeDetail } },
  }, async (req) => {
    const charge = await voidChargeById(req.ctx, req.params.id, req.body, today(req.ctx));
    await recordAudit(req.ctx, { action: 'finance.charge.voided', target: { type: 'charge', id: req.params.id }, details: { reason: req.body.reason } });
    return charge;
  });

  app.post('/finance/charges/:id/write-off', {
    config: { access: approve },
    schema: { operationId: 'finance.charges.writeOff', tags, summary: 'Write off what is outstanding of a charge (or part of it) as bad debt', params: IdParams, body: WriteOffCharge, response: { 200: ChargeDetail } },
  }, async (req) => {
    const charge = await writeOffChargeById(req.ctx, req.params.id, req.body, today(req.ctx));
    await recordAudit(req.ctx, { action: 'finance.charge.written_off', target: { type: 'charge', id: req.params.id }, details: { reason: req.body.reason, amount: req.body.amount ?? null } });
    return charge;
  });

  // ---- payments and credit

  app.get('/finance/payments', {
    config: { access: readOwn },
    schema: { operationId: 'finance.payments.list', tags, summary: 'Payments (cursor-paginated; by member, method, currency, date received)', querystring: ListPaymentsQuery, response: { 200: PaymentPage } },
  }, (req) => listPayments(req.ctx, req.query as typeof req.query & { limit: number }));

  app.post('/finance/payments', {
    config: { access: write },
    schema: { operationId: 'finance.payments.create', tags, summary: 'Record a payment: it settles the charges named, or the oldest due first; the rest stays as credit', body: RecordPayment, response: { 201: RecordedPayment } },
  }, async (req, reply) => {
    reply.code(201);
    return recordMemberPayment(req.ctx, req.body);
  });

  app.get('/finance/payments/:id', {
    config: { access: readOwn },
    schema: { operationId: 'finance.payments.get', tags, summary: 'One payment with the allocations of its money', params: IdParams, response: { 200: PaymentDetail } },
  }, (req) => getPayment(req.ctx, req.params.id));

  app.post('/finance/payments/:id/refund', {
    config: { access: approve },
    schema: { operationId: 'finance.payments.refund', tags, summary: 'Pay back part of a payment out of the member’s credit', params: IdParams, body: RefundPayment, response: { 200: PaymentDetail } },
  }, async (req) => {
    const payment = await refundPaymentById(req.ctx, req.params.id, req.body, today(req.ctx));
    await recordAudit(req.ctx, { action: 'finance.payment.refunded', target: { type: 'payment', id: req.params.id }, details: { reason: req.body.reason, amount: req.body.amount } });
    return payment;
  });

  app.post('/finance/allocations', {
    config: { access: write },
    schema: { operationId: 'finance.allocations.create', tags, summary: 'Apply a member’s credit to their open charges now (the ones named, or the oldest due first)', body: ApplyCredit, response: { 200: AppliedCredit } },
  }, (req) => applyMemberCredit(req.ctx, req.body, today(req.ctx)));

  // ---- balances and reports

  app.get('/finance/members/:id/balance', {
    config: { access: readOwn },
    schema: { operationId: 'finance.members.balance', tags, summary: 'A member’s balance per currency (receivable, credit, balance) and their open charges', params: IdParams, querystring: BalanceQuery, response: { 200: MemberBalance } },
  }, (req) => getMemberBalance(req.ctx, req.params.id, req.query.asOf ?? today(req.ctx)));

  app.get('/finance/reports/trial-balance', {
    config: { access: read },
    schema: { operationId: 'finance.reports.trialBalance', tags, summary: 'The trial balance: every account’s balance per currency on a date; debits equal credits (JSON or CSV)', querystring: TrialBalanceQuery,
      response: { 200: JsonOrCsv(TrialBalance, 'format=csv: RFC 4180, a header row, a total line per currency.') },
    },
  }, async (req, reply) => {
    const report = await getTrialBalance(req.ctx, req.query.asOf ?? today(req.ctx));
    if (req.query.format !== 'csv') return report;
    const rows = report.rows.map((r) => [r.code, r.name, r.type, r.currency, r.debit, r.credit, r.balance]);
    const totals = report.totals.map((t) => ['Total', '', '', t.currency, t.debit, t.credit, t.debit - t.credit]);
    await recordAudit(req.ctx, { action: 'export.csv', target: { type: 'report', id: 'finance.trial_balance' }, details: { asOf: report.asOf } });
    return csvDownload(reply, `trial-balance-${report.asOf}.csv`, TRIAL_BALANCE_COLUMNS, [...rows, ...totals]);
  });
}
