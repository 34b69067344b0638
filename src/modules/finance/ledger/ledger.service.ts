import { readScope, type TenantContext } from '../../../kernel/context.js';
import type { IsoDate } from '../../../kernel/dates.js';
import { violates } from '../../../kernel/db/constraints.js';
import { AppError, fieldError, notFound, type FieldError } from '../../../kernel/errors.js';
import { financeErrors } from '../finance.errors.js';
import { emit } from '../../../kernel/events/outbox.js';
import { decodeCursor, pageOf } from '../../../kernel/http/pagination.js';
import { sumExact } from '../../../kernel/money.js';
import { accountLedger, memberBalance, trialBalance } from './balances.js';
import { findCharge, postCharge, voidCharge, writeOffCharge, type Charge } from './charges.js';
import { FinanceRepository } from './ledger.repository.js';
import type {
  Account,
  AccountLedger,
  AppliedCredit,
  ApplyCredit,
  ChargeDetail,
  CreateAccount,
  CreateCharge,
  CreateJournalEntry,
  JournalEntry,
  LedgerQuery,
  ListAccountsQuery,
  ListChargesQuery,
  ListJournalQuery,
  ListPaymentsQuery,
  MemberBalance,
  PaymentDetail,
  RecordedPayment,
  RecordPayment,
  RefundPayment,
  ReverseJournalEntry,
  TrialBalance,
  UpdateAccount,
  VoidCharge,
  WriteOffCharge,
} from './ledger.schemas.js';
import { assertBalanced, lockMember, postEntry, reverseEntry, systemAccounts } from './journal.js';
import { applyCredit, creditOf, recordPayment, refundPayment, type Payment } from './payments.js';

const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));
const isCurrency = (code: string) => CURRENCIES.has(code);

const userOf = (ctx: TenantContext) => ctx.principal?.userId ?? null;
const reader = (ctx: TenantContext) => readScope(ctx, 'finance.read');

/** Refuses a currency code of the right shape that ISO 4217 does not have. */
function checkCurrency(currency: string, field = 'currency'): void {
  if (!isCurrency(currency)) throw fieldError(field, `${currency} is not an ISO 4217 currency code`);
}

/** Refuses a correction dated before what it corrects: the ledger would show it undone before done. */
function notBefore(date: IsoDate, earliest: IsoDate, what: string): void {
  if (date < earliest) throw fieldError('date', `must not be before ${earliest}, when the ${what}`);
}

/** 404 naming the field when `id` is not a member (unit, lease) of the tenant. */
async function mustExist(repo: FinanceRepository, table: 'members' | 'units' | 'leases', id: string, field: string): Promise<void> {
  if (await repo.exists(table, id)) return;
  const what = { members: 'member', units: 'unit', leases: 'lease' }[table];
  throw new AppError('not_found', `The ${what} ${id} was not found`, { errors: [{ field, message: `is not a ${what} of this tenant` }] });
}

/** Refuses explicit allocation amounts that add up to more money than there is to allocate. */
function checkAllocationTotal(targets: { amount?: number }[] | undefined, available: number, currency: string, what: string): void {
  const asked = sumExact((targets ?? []).map((t) => t.amount ?? 0));
  if (asked > BigInt(available)) throw fieldError('allocations', `ask for ${asked} ${currency} in all, more than the ${available} ${what}`);
}

// ---- accounts -------------------------------------------------------------------------------

export async function listAccounts(ctx: TenantContext, query: ListAccountsQuery & { limit: number }) {
  await systemAccounts(ctx);
  const after = decodeCursor(query.cursor, ['string']);
  const rows = await new FinanceRepository(ctx.db).listAccounts(query, after);
  return pageOf(rows, query.limit, (a) => [a.code]);
}

export async function createAccount(ctx: TenantContext, input: CreateAccount): Promise<Account> {
  // Seeded first: an account taking a system account's code would keep it from being seeded.
  await systemAccounts(ctx);
  try {
    return await new FinanceRepository(ctx.db).insertAccount(ctx.tenant.id, input);
  } catch (error) {
    if (violates(error, 'finance_accounts_tenant_id_code_key')) {
      throw new AppError('already_exists', `An account with the code ${input.code} already exists`, { errors: [{ field: 'code', message: 'is taken by another account' }] });
    }
    throw error;
  }
}

export async function updateAccount(ctx: TenantContext, id: string, patch: UpdateAccount): Promise<Account> {
  const repo = new FinanceRepository(ctx.db);
  const account = await repo.findAccount(id);
  if (!account) throw notFound('The account');
  if (patch.archived === true && account.systemKey) {
    throw new AppError(financeErrors.system_account, `${account.code} ${account.name} is a system account: the platform posts to it, so it cannot be archived`, { systemKey: account.systemKey });
  }
  const set: { name?: string; archived_at?: Date | null } = {};
  if (patch.name !== undefined) set.name = patch.name;
  if (patch.archived !== undefined && patch.archived !== account.archived) set.archived_at = patch.archived ? new Date() : null;
  return repo.updateAccount(id, set);
}

export async function getAccountLedger(ctx: TenantContext, id: string, query: LedgerQuery, today: IsoDate): Promise<AccountLedger> {
  const to = query.to ?? today;
  const from = query.from ?? `${to.slice(0, 4)}-01-01`;
  if (from > to) throw fieldError('from', `must not be after ${to}, the end of the period`);
  const repo = new FinanceRepository(ctx.db);
  const account = await repo.findAccount(id);
  if (!account) throw notFound('The account');
  const ledger = await accountLedger(ctx, id, from, to);
  return { ...ledger, account, closing: await repo.accountBalances(id, to) };
}

// ---- journal --------------------------------------------------------------------------------

async function withLines(repo: FinanceRepository, entries: Omit<JournalEntry, 'lines'>[]): Promise<JournalEntry[]> {
  const lines = await repo.linesOf(entries.map((e) => e.id));
  return entries.map((e) => ({ ...e, lines: lines.get(e.id) ?? [] }));
}

export async function listJournal(ctx: TenantContext, query: ListJournalQuery & { limit: number }) {
  const after = decodeCursor(query.cursor, ['date', 'uuid']);
  const repo = new FinanceRepository(ctx.db);
  const rows = await withLines(repo, await repo.listEntries(query, after));
  return pageOf(rows, query.limit, (e) => [e.date, e.id]);
}

export async function getJournalEntry(ctx: TenantContext, id: string): Promise<JournalEntry> {
  const repo = new FinanceRepository(ctx.db);
  const entry = await repo.findEntry(id);
  if (!entry) throw notFound('The journal entry');
  return (await withLines(repo, [entry]))[0]!;
}

/**
 * A manual entry: adjustments, opening balances, expenses, transfers between accounts. The
 * receivable and member-credit accounts are left to charges and payments, whose tables must
 * agree with them line for line.
 */
export async function postManualEntry(ctx: TenantContext, input: CreateJournalEntry): Promise<JournalEntry> {
  const repo = new FinanceRepository(ctx.db);
  const system = await systemAccounts(ctx);
  const kept = new Map([[system.receivable, 'the receivable account (post a charge, or void or write one off)'], [system.member_credit, 'the member-credit account (record or refund a payment)']]);
  const accounts = await repo.accountsByIds([...new Set(input.lines.map((l) => l.accountId))]);
  const known = new Map<string, boolean>();
  const exists = async (table: 'members' | 'units' | 'leases', id: string) => {
    const key = `${table}/${id}`;
    if (!known.has(key)) known.set(key, await repo.exists(table, id));
    return known.get(key)!;
  };
  const missing: FieldError[] = [];
  const invalid: FieldError[] = [];
  for (const [i, line] of input.lines.entries()) {
    const account = accounts.get(line.accountId);
    if (!account) missing.push({ field: `lines.${i}.accountId`, message: 'is not an account of this tenant' });
    else if (kept.has(account.id)) invalid.push({ field: `lines.${i}.accountId`, message: `is ${kept.get(account.id)}: it cannot take manual lines` });
    else if (account.archived) invalid.push({ field: `lines.${i}.accountId`, message: `is archived (${account.code} ${account.name})` });
    if (line.amount === 0) invalid.push({ field: `lines.${i}.amount`, message: 'must not be 0' });
    if (!isCurrency(line.currency)) invalid.push({ field: `lines.${i}.currency`, message: `${line.currency} is not an ISO 4217 currency code` });
    for (const [key, table] of [['memberId', 'members'], ['unitId', 'units'], ['leaseId', 'leases']] as const) {
      const ref = line[key];
      if (ref && !(await exists(table, ref))) missing.push({ field: `lines.${i}.${key}`, message: `is not a ${table.slice(0, -1)} of this tenant` });
    }
  }
  if (missing.length > 0) throw new AppError('not_found', `The entry names ${missing.length === 1 ? 'a record' : 'records'} this tenant does not have`, { errors: missing });
  if (invalid.length > 0) throw new AppError('validation_failed', 'The entry has invalid lines', { errors: invalid });
  assertBalanced(input.lines);
  const id = await postEntry(
    ctx,
    {
      date: input.date,
      description: input.description,
      kind: 'manual',
      createdBy: userOf(ctx),
      lines: input.lines.map((l) => ({ account: { id: l.accountId }, amount: l.amount, currency: l.currency, memberId: l.memberId, unitId: l.unitId, leaseId: l.leaseId })),
    },
    system,
  );
  const entry = await getJournalEntry(ctx, id);
  await emit(ctx, 'journal.posted', entry);
  return entry;
}

/** What corrects an entry that is not manual, for the refusal to say. */
const CORRECTED_BY: Record<string, string> = {
  charge: 'void the charge or write it off',
  payment: 'refund the payment',
  allocation: 'void the charges it settled (their allocations go back to credit)',
  allocation_release: 'it released an allocation of a voided charge, which stays void',
  void: 'a void is final: post the charge again',
  write_off: 'a write-off is final',
  refund: 'a refund is final: record the money again as a payment',
  reversal: 'post the entry again instead',
};

/** Reverses a manual entry with its mirror image, once; other entries have their own corrections. */
export async function reverseManualEntry(ctx: TenantContext, id: string, input: ReverseJournalEntry, today: IsoDate): Promise<JournalEntry> {
  const repo = new FinanceRepository(ctx.db);
  // Locked: of two reversals racing, the second sees the first's and is refused by name.
  const entry = await repo.findEntry(id, true);
  if (!entry) throw notFound('The journal entry');
  if (entry.kind !== 'manual') {
    throw new AppError(financeErrors.entry_not_manual, `Only manual entries are reversed here; this is a ${entry.kind.replace('_', ' ')} entry: ${CORRECTED_BY[entry.kind] ?? 'it is corrected where it was made'}`, { kind: entry.kind });
  }
  if (entry.reversedById) throw new AppError(financeErrors.entry_already_reversed, `The entry is already reversed by ${entry.reversedById}`, { reversedById: entry.reversedById });
  const date = input.date ?? today;
  notBefore(date, entry.date, 'entry is dated');
  const reversalId = await reverseEntry(ctx, id, date, `Reversal: ${input.reason}`, 'reversal', userOf(ctx));
  const reversal = await getJournalEntry(ctx, reversalId);
  await emit(ctx, 'journal.reversed', reversal);
  return reversal;
}

// ---- charges --------------------------------------------------------------------------------

export async function listCharges(ctx: TenantContext, query: ListChargesQuery & { limit: number }) {
  const sort = query.sort ?? 'dueDate';
  const byDue = sort.endsWith('dueDate');
  const after = byDue ? decodeCursor(query.cursor, ['date', 'uuid']) : decodeCursor(query.cursor, ['uuid']);
  const rows = await new FinanceRepository(ctx.db).listCharges(query, after, reader(ctx));
  return pageOf(rows, query.limit, (c) => (byDue ? [c.dueDate, c.id] : [c.id]));
}

async function chargeDetail(repo: FinanceRepository, charge: Charge): Promise<ChargeDetail> {
  return { ...charge, allocations: await repo.allocationsOf('charge_id', charge.id) };
}

/** One charge with its allocations; a portal member gets 404 for anyone else's. */
export async function getCharge(ctx: TenantContext, id: string): Promise<ChargeDetail> {
  const repo = new FinanceRepository(ctx.db);
  const charge = await repo.findCharge(id, reader(ctx));
  if (!charge) throw notFound('The charge');
  return chargeDetail(repo, charge);
}

export async function createCharge(ctx: TenantContext, input: CreateCharge): Promise<ChargeDetail> {
  checkCurrency(input.currency);
  if (input.periodStart && input.periodEnd && input.periodEnd < input.periodStart) throw fieldError('periodEnd', `must not be before the period start ${input.periodStart}`);
  const repo = new FinanceRepository(ctx.db);
  await mustExist(repo, 'members', input.memberId, 'memberId');
  if (input.unitId) await mustExist(repo, 'units', input.unitId, 'unitId');
  if (input.leaseId) await mustExist(repo, 'leases', input.leaseId, 'leaseId');
  const { charge } = await postCharge(ctx, input, { createdBy: userOf(ctx) });
  return chargeDetail(repo, charge);
}

async function chargePostedOn(repo: FinanceRepository, charge: Charge): Promise<IsoDate> {
  return repo.entryDate(charge.entryId);
}

export async function voidChargeById(ctx: TenantContext, id: string, input: VoidCharge, today: IsoDate): Promise<ChargeDetail> {
  const repo = new FinanceRepository(ctx.db);
  const charge = await findCharge(ctx, id);
  const date = input.date ?? today;
  notBefore(date, await chargePostedOn(repo, charge), 'charge was posted');
  return chargeDetail(repo, await voidCharge(ctx, id, date, input.reason, userOf(ctx)));
}

export async function writeOffChargeById(ctx: TenantContext, id: string, input: WriteOffCharge, today: IsoDate): Promise<ChargeDetail> {
  const repo = new FinanceRepository(ctx.db);
  const charge = await findCharge(ctx, id);
  const date = input.date ?? today;
  notBefore(date, await chargePostedOn(repo, charge), 'charge was posted');
  return chargeDetail(repo, await writeOffCharge(ctx, id, input.amount ?? null, date, input.reason, userOf(ctx)));
}

// ---- payments and credit --------------------------------------------------------------------

export async function listPayments(ctx: TenantContext, query: ListPaymentsQuery & { limit: number }) {
  const after = decodeCursor(query.cursor, ['date', 'uuid']);
  const rows = await new FinanceRepository(ctx.db).listPayments(query, after, reader(ctx));
  return pageOf(rows, query.limit, (p) => [p.receivedOn, p.id]);
}

async function paymentDetail(repo: FinanceRepository, payment: Payment): Promise<PaymentDetail> {
  return { ...payment, allocations: await repo.allocationsOf('payment_id', payment.id) };
}

/** One payment with the allocations of its money; a portal member gets 404 for anyone else's. */
export async function getPayment(ctx: TenantContext, id: string): Promise<PaymentDetail> {
  const repo = new FinanceRepository(ctx.db);
  const payment = await repo.findPayment(id, reader(ctx));
  if (!payment) throw notFound('The payment');
  return paymentDetail(repo, payment);
}

/**
 * Records money received from a member: it settles the charges named, or else their open
 * charges oldest due first; what is left stays as their credit.
 */
export async function recordMemberPayment(ctx: TenantContext, input: RecordPayment): Promise<RecordedPayment> {
  checkCurrency(input.currency);
  const repo = new FinanceRepository(ctx.db);
  await mustExist(repo, 'members', input.memberId, 'memberId');
  // The member's money moves one transaction at a time from here to the commit.
  await lockMember(ctx, input.memberId);
  if (input.allocations?.some((a) => a.amount !== undefined)) {
    const credit = await creditOf(ctx, input.memberId, input.currency);
    checkAllocationTotal(input.allocations, input.amount + credit, input.currency, `the payment and the member's credit hold`);
  }
  const { payment } = await recordPayment(ctx, { ...input, allocations: input.allocations ?? null }, userOf(ctx));
  return { ...(await paymentDetail(repo, payment)), memberCredit: await creditOf(ctx, input.memberId, input.currency) };
}

export async function refundPaymentById(ctx: TenantContext, id: string, input: RefundPayment, today: IsoDate): Promise<PaymentDetail> {
  const repo = new FinanceRepository(ctx.db);
  const payment = await repo.findPayment(id, null);
  if (!payment) throw notFound('The payment');
  const date = input.date ?? today;
  notBefore(date, payment.receivedOn, 'payment was received');
  return paymentDetail(repo, await refundPayment(ctx, id, input.amount, date, input.reason, userOf(ctx)));
}

/** Applies a member's credit to their open charges now: the ones named, or oldest due first. */
export async function applyMemberCredit(ctx: TenantContext, input: ApplyCredit, today: IsoDate): Promise<AppliedCredit> {
  checkCurrency(input.currency);
  const repo = new FinanceRepository(ctx.db);
  await mustExist(repo, 'members', input.memberId, 'memberId');
  await lockMember(ctx, input.memberId);
  if (input.allocations?.some((a) => a.amount !== undefined)) {
    checkAllocationTotal(input.allocations, await creditOf(ctx, input.memberId, input.currency), input.currency, `of credit the member has`);
  }
  const made = await applyCredit(ctx, input.memberId, input.currency, { date: input.date ?? today, targets: input.allocations ?? null, createdBy: userOf(ctx), lockHeld: true });
  return { allocations: await repo.allocationsByIds(made.map((a) => a.id)), memberCredit: await creditOf(ctx, input.memberId, input.currency) };
}

// ---- balances and reports -------------------------------------------------------------------

/** A member's balance per currency; a portal member sees only their own (anyone else's: 404). */
export async function getMemberBalance(ctx: TenantContext, memberId: string, asOf: IsoDate): Promise<MemberBalance> {
  const scope = reader(ctx);
  const repo = new FinanceRepository(ctx.db);
  if ((scope && scope.memberId !== memberId) || !(await repo.exists('members', memberId))) throw notFound('The member');
  return { memberId, asOf, balances: await memberBalance(ctx, memberId, asOf), openCharges: await repo.openCharges(memberId) };
}

export async function getTrialBalance(ctx: TenantContext, asOf: IsoDate): Promise<TrialBalance> {
  return (await trialBalance(ctx, asOf)) as TrialBalance;
}
