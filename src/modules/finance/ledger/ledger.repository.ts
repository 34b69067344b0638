import { sql, type Kysely } from 'kysely';
import type { IsoDate } from '../../../kernel/dates.js';
import type { AnyDB } from '../../../kernel/db/database.js';
import { newId } from '../../../kernel/ids.js';
import { exact, safeTotal } from '../../../kernel/money.js';
import { chargeColumns, toCharge, type Charge } from './charges.js';
import type { Account, Allocation, CreateAccount, JournalEntry, JournalLine, ListAccountsQuery, ListChargesQuery, ListJournalQuery, ListPaymentsQuery } from './ledger.schemas.js';
import { paymentColumns, toPayment, type Payment } from './payments.js';

/** Whose records a read sees: a portal member only their own. */
export type FinanceReader = { memberId: string } | null;

interface AccountRow {
  id: string;
  code: string;
  name: string;
  type: Account['type'];
  system_key: string | null;
  archived_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

const accountColumns = ['id', 'code', 'name', 'type', 'system_key', 'archived_at', 'created_at', 'updated_at'] as const;

const toAccount = (r: AccountRow): Account => ({
  id: r.id,
  code: r.code,
  name: r.name,
  type: r.type,
  systemKey: r.system_key,
  archived: r.archived_at !== null,
  archivedAt: r.archived_at as unknown as string | null,
  createdAt: r.created_at as unknown as string,
  updatedAt: r.updated_at as unknown as string,
});

interface EntryRow {
  id: string;
  entry_date: string;
  description: string;
  kind: string;
  reverses_id: string | null;
  reversed_by_id: string | null;
  created_by: string | null;
  created_at: Date;
}

interface LineRow {
  entry_id: string;
  line_no: number;
  account_id: string;
  account_code: string;
  account_name: string;
  amount: number | string;
  currency: string;
  member_id: string | null;
  unit_id: string | null;
  lease_id: string | null;
  charge_id: string | null;
}

interface AllocationRow {
  id: string;
  member_id: string;
  charge_id: string;
  payment_id: string | null;
  amount: number | string;
  currency: string;
  entry_id: string;
  reversed_entry_id: string | null;
  created_at: Date;
}

const allocationColumns = ['id', 'member_id', 'charge_id', 'payment_id', 'amount', 'currency', 'entry_id', 'reversed_entry_id', 'created_at'] as const;

const toAllocation = (r: AllocationRow): Allocation => ({
  id: r.id,
  memberId: r.member_id,
  chargeId: r.charge_id,
  paymentId: r.payment_id,
  amount: Number(r.amount),
  currency: r.currency,
  entryId: r.entry_id,
  releasedEntryId: r.reversed_entry_id,
  createdAt: r.created_at as unknown as string,
});

// The entry that reverses this one (one at most: the unique key on reverses_id).
const reversedById = sql<string | null>`(SELECT r.id FROM finance_entries r WHERE r.tenant_id = e.tenant_id AND r.reverses_id = e.id)`;

/**
 * The finance module's SQL for the core API (lists, look-ups, the chart of accounts); runs
 * inside the tenant transaction, so RLS scopes every statement. The postings themselves are in
 * ledger.ts, charges.ts and payments.ts, which billing and the payment provider share.
 */
export class FinanceRepository {
  constructor(private readonly db: Kysely<AnyDB>) {}

  // Existence checks on other modules' tables, read-only, so that a reference to a record the
  // tenant does not have is a 404 naming the field before anything is written.
  async exists(table: 'members' | 'units' | 'leases', id: string): Promise<boolean> {
    return (await this.db.selectFrom(table).select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
  }

  // ---- accounts

  async findAccount(id: string): Promise<Account | undefined> {
    const row = await this.db.selectFrom('finance_accounts').select(accountColumns).where('id', '=', id).executeTakeFirst();
    return row && toAccount(row);
  }

  async accountsByIds(ids: string[]): Promise<Map<string, Account>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db.selectFrom('finance_accounts').select(accountColumns).where('id', 'in', ids).execute();
    return new Map(rows.map((r: AccountRow) => [r.id, toAccount(r)]));
  }

  /** A page of `limit + 1` accounts after the code `after`, in code order. */
  async listAccounts(query: ListAccountsQuery & { limit: number }, after: unknown[] | null): Promise<Account[]> {
    let q = this.db.selectFrom('finance_accounts').select(accountColumns).orderBy('code').limit(query.limit + 1);
    if (query.type) q = q.where('type', '=', query.type);
    if (!query.includeArchived) q = q.where('archived_at', 'is', null);
    if (after) q = q.where('code', '>', after[0] as string);
    return (await q.execute()).map(toAccount);
  }

  async insertAccount(tenantId: string, input: CreateAccount): Promise<Account> {
    const row = await this.db
      .insertInto('finance_accounts')
      .values({ tenant_id: tenantId, id: newId(), code: input.code, name: input.name, type: input.type })
      .returning(accountColumns)
      .executeTakeFirstOrThrow();
    return toAccount(row);
  }

  async updateAccount(id: string, set: { name?: string; archived_at?: Date | null }): Promise<Account> {
    const row = await this.db
      .updateTable('finance_accounts')
      .set({ ...set, updated_at: new Date() })
      .where('id', '=', id)
      .returning(accountColumns)
      .executeTakeFirstOrThrow();
    return toAccount(row);
  }

  /** Per currency, the account's balance at the end of `to`. */
  async accountBalances(accountId: string, to: IsoDate): Promise<{ currency: string; balance: number }[]> {
    const result = await sql<{ currency: string; balance: string }>`
      SELECT currency, sum(amount) AS balance FROM finance_lines
       WHERE account_id = ${accountId} AND entry_date <= ${to}::date
       GROUP BY currency ORDER BY currency`.execute(this.db);
    return result.rows.map((r) => ({ currency: r.currency, balance: safeTotal(exact(r.balance), 'balance') }));
  }

  // ---- journal

  private entries() {
    return this.db
      .selectFrom('finance_entries as e')
      .select(['e.id', 'e.entry_date', 'e.description', 'e.kind', 'e.reverses_id', reversedById.as('reversed_by_id'), 'e.created_by', 'e.created_at']);
  }

  /** The entry (without lines); `lock` holds its row until the transaction ends. */
  async findEntry(id: string, lock = false): Promise<Omit<JournalEntry, 'lines'> | undefined> {
    let q = this.entries().where('e.id', '=', id);
    if (lock) q = q.forUpdate('e');
    const row = await q.executeTakeFirst();
    return row && toEntry(row as EntryRow);
  }

  /** A page of `limit + 1` entries after the keyset `after` (date, id), without their lines. */
  async listEntries(query: ListJournalQuery & { limit: number }, after: unknown[] | null): Promise<Omit<JournalEntry, 'lines'>[]> {
    const desc = (query.sort ?? '-date') === '-date';
    const dir = desc ? 'desc' : 'asc';
    let q = this.entries().limit(query.limit + 1);
    if (query.from) q = q.where('e.entry_date', '>=', query.from);
    if (query.to) q = q.where('e.entry_date', '<=', query.to);
    if (query.kind) q = q.where('e.kind', '=', query.kind);
    if (query.accountId) {
      q = q.where(sql<boolean>`EXISTS (SELECT 1 FROM finance_lines l WHERE l.tenant_id = e.tenant_id AND l.entry_id = e.id AND l.account_id = ${query.accountId}::uuid)`);
    }
    if (query.memberId) {
      q = q.where(sql<boolean>`EXISTS (SELECT 1 FROM finance_lines l WHERE l.tenant_id = e.tenant_id AND l.entry_id = e.id AND l.member_id = ${query.memberId}::uuid)`);
    }
    if (after) q = q.where(sql`(e.entry_date, e.id)`, desc ? '<' : '>', sql`(${after[0]}::date, ${after[1]}::uuid)`);
    // Ids are UUIDv7: within a day, id order is the order of posting.
    q = q.orderBy('e.entry_date', dir).orderBy('e.id', dir);
    return (await q.execute()).map((r) => toEntry(r as EntryRow));
  }

  /** The lines of the entries, each entry's in line order. */
  async linesOf(entryIds: string[]): Promise<Map<string, JournalLine[]>> {
    const byEntry = new Map<string, JournalLine[]>(entryIds.map((id) => [id, []]));
    if (entryIds.length === 0) return byEntry;
    const rows = await this.db
      .selectFrom('finance_lines as l')
      .innerJoin('finance_accounts as a', (j) => j.onRef('a.tenant_id', '=', 'l.tenant_id').onRef('a.id', '=', 'l.account_id'))
      .select(['l.entry_id', 'l.line_no', 'l.account_id', 'a.code as account_code', 'a.name as account_name', 'l.amount', 'l.currency', 'l.member_id', 'l.unit_id', 'l.lease_id', 'l.charge_id'])
      .where('l.entry_id', 'in', entryIds)
      .orderBy('l.entry_id')
      .orderBy('l.line_no')
      .execute();
    for (const r of rows as LineRow[]) {
      byEntry.get(r.entry_id)?.push({
        lineNo: r.line_no,
        accountId: r.account_id,
        accountCode: r.account_code,
        accountName: r.account_name,
        amount: Number(r.amount),
        currency: r.currency,
        memberId: r.member_id,
        unitId: r.unit_id,
        leaseId: r.lease_id,
        chargeId: r.charge_id,
      });
    }
    return byEntry;
  }

  async entryDate(id: string): Promise<IsoDate> {
    const row = await this.db.selectFrom('finance_entries').select('entry_date').where('id', '=', id).executeTakeFirstOrThrow();
    return row.entry_date as IsoDate;
  }

  // ---- charges

  async findCharge(id: string, reader: FinanceReader): Promise<Charge | undefined> {
    let q = this.db.selectFrom('finance_charges').select(chargeColumns).where('id', '=', id);
    if (reader) q = q.where('member_id', '=', reader.memberId);
    const row = await q.executeTakeFirst();
    return row && toCharge(row);
  }

  /** A page of `limit + 1` charges after the keyset `after`, for the caller to split. */
  async listCharges(query: ListChargesQuery & { limit: number }, after: unknown[] | null, reader: FinanceReader): Promise<Charge[]> {
    const sort = query.sort ?? 'dueDate';
    const desc = sort.startsWith('-');
    const dir = desc ? 'desc' : 'asc';
    const cmp = desc ? '<' : '>';
    let q = this.db.selectFrom('finance_charges').select(chargeColumns).limit(query.limit + 1);
    if (reader) q = q.where('member_id', '=', reader.memberId);
    if (query.memberId) q = q.where('member_id', '=', query.memberId);
    if (query.unitId) q = q.where('unit_id', '=', query.unitId);
    if (query.leaseId) q = q.where('lease_id', '=', query.leaseId);
    if (query.status) q = q.where('status', '=', query.status);
    if (query.outstanding !== undefined) q = q.where('status', query.outstanding ? 'in' : 'not in', ['open', 'partially_paid']);
    if (query.kind) q = q.where('kind', '=', query.kind);
    if (query.currency) q = q.where('currency', '=', query.currency);
    if (query.dueBefore) q = q.where('due_date', '<', query.dueBefore);
    if (query.dueAfter) q = q.where('due_date', '>', query.dueAfter);
    if (sort.endsWith('dueDate')) {
      if (after) q = q.where(sql`(due_date, id)`, cmp, sql`(${after[0]}::date, ${after[1]}::uuid)`);
      q = q.orderBy('due_date', dir).orderBy('id', dir);
    } else {
      // Ids are UUIDv7, minted at creation: id order is creation order, and the key is exact.
      if (after) q = q.where('id', cmp, after[0] as string);
      q = q.orderBy('id', dir);
    }
    return (await q.execute()).map(toCharge);
  }

  async openCharges(memberId: string): Promise<Charge[]> {
    const rows = await this.db
      .selectFrom('finance_charges')
      .select(chargeColumns)
      .where('member_id', '=', memberId)
      .where('status', 'in', ['open', 'partially_paid'])
      .orderBy('due_date')
      .orderBy('id')
      .execute();
    return rows.map(toCharge);
  }

  // ---- allocations

  async allocationsOf(column: 'charge_id' | 'payment_id', id: string): Promise<Allocation[]> {
    const rows = await this.db.selectFrom('finance_allocations').select(allocationColumns).where(column, '=', id).orderBy('id').execute();
    return rows.map(toAllocation);
  }

  async allocationsByIds(ids: string[]): Promise<Allocation[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.selectFrom('finance_allocations').select(allocationColumns).where('id', 'in', ids).orderBy('id').execute();
    return rows.map(toAllocation);
  }

  // ---- payments

  async findPayment(id: string, reader: FinanceReader): Promise<Payment | undefined> {
    let q = this.db.selectFrom('finance_payments').select(paymentColumns).where('id', '=', id);
    if (reader) q = q.where('member_id', '=', reader.memberId);
    const row = await q.executeTakeFirst();
    return row && toPayment(row);
  }

  /** A page of `limit + 1` payments after the keyset `after` (received on, id). */
  async listPayments(query: ListPaymentsQuery & { limit: number }, after: unknown[] | null, reader: FinanceReader): Promise<Payment[]> {
    const desc = (query.sort ?? '-receivedOn') === '-receivedOn';
    const dir = desc ? 'desc' : 'asc';
    let q = this.db.selectFrom('finance_payments').select(paymentColumns).limit(query.limit + 1);
    if (reader) q = q.where('member_id', '=', reader.memberId);
    if (query.memberId) q = q.where('member_id', '=', query.memberId);
    if (query.method) q = q.where('method', '=', query.method);
    if (query.currency) q = q.where('currency', '=', query.currency);
    if (query.receivedFrom) q = q.where('received_on', '>=', query.receivedFrom);
    if (query.receivedTo) q = q.where('received_on', '<=', query.receivedTo);
    if (after) q = q.where(sql`(received_on, id)`, desc ? '<' : '>', sql`(${after[0]}::date, ${after[1]}::uuid)`);
    q = q.orderBy('received_on', dir).orderBy('id', dir);
    return (await q.execute()).map(toPayment);
  }
}

const toEntry = (r: EntryRow): Omit<JournalEntry, 'lines'> => ({
  id: r.id,
  date: r.entry_date,
  description: r.description,
  kind: r.kind,
  reversesId: r.reverses_id,
  reversedById: r.reversed_by_id,
  createdBy: r.created_by,
  createdAt: r.created_at as unknown as string,
});
