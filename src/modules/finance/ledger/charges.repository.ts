import { sql } from 'kysely';
import { containsPattern } from '../../../kernel/db/like.js';
import type { IsoDate } from '../../../kernel/dates.js';
import type { Db } from '../../../kernel/db/tables.js';
import { financeDb, type FinanceDb } from '../finance.tables.js';
import type { Allocation, ListChargesQuery } from './charges.schemas.js';
import type { Charge, ChargeInput, ChargeStatus, FinanceReader } from './ledger.types.js';

const chargeColumns = ['id', 'memberId', 'unitId', 'leaseId', 'kind', 'description', 'amount', 'currency', 'periodStart', 'periodEnd', 'dueDate', 'allocated', 'writtenOff', 'status', 'entryId', 'voidEntryId', 'naturalKey', 'createdAt'] as const;

const chargeSqlColumns = chargeColumns.map((c) => c.replace(/[A-Z]/g, (l) => `_${l.toLowerCase()}`));

/** A charge to post: ids minted by the caller, the entry's date and the account credited chosen. */
export interface NewCharge extends ChargeInput {
  id: string;
  entryId: string;
  naturalKey: string | null;
  entryDate: IsoDate;
  creditAccountId: string;
}

const withOutstanding = (c: Omit<Charge, 'outstanding'>): Charge => ({ ...c, outstanding: c.status === 'void' ? 0 : c.amount - c.allocated - c.writtenOff });

const allocationColumns = ['id', 'memberId', 'chargeId', 'paymentId', 'amount', 'currency', 'entryId', 'reversedEntryId as releasedEntryId', 'createdAt'] as const;

/** Charges and the allocations that settle them; runs inside the tenant transaction, under RLS. */
export class ChargesRepository {
  private readonly db: FinanceDb;

  constructor(db: Db) {
    this.db = financeDb(db);
  }

  /** The charge; `lock` holds its row until the transaction ends. A reader sees only their own. */
  async find(id: string, options: { lock?: boolean; reader?: FinanceReader } = {}): Promise<Charge | undefined> {
    let q = this.db.selectFrom('financeCharges').select(chargeColumns).where('id', '=', id);
    if (options.reader) q = q.where('memberId', '=', options.reader.memberId);
    if (options.lock) q = q.forUpdate();
    const row = await q.executeTakeFirst();
    return row && withOutstanding(row);
  }

  /**
   * The charges made under these natural keys. One probe of the unique key per key (a lateral
   * LIMIT 1 cannot become a join): without statistics on natural_key, `= ANY(keys)` looks
   * unselective and the planner scans the tenant's charges through another index instead.
   */
  async findByNaturalKeys(tenantId: string, keys: string[]): Promise<Charge[]> {
    if (keys.length === 0) return [];
    const rows = await sql<Omit<Charge, 'outstanding'>>`
      SELECT c.* FROM unnest(${keys}::text[]) AS k(natural_key)
       CROSS JOIN LATERAL (SELECT ${sql.join(chargeSqlColumns.map((col) => sql.ref(`f.${col}`)))} FROM finance_charges f
                            WHERE f.tenant_id = ${tenantId}::uuid AND f.natural_key = k.natural_key LIMIT 1) c`.execute(this.db);
    return rows.rows.map(withOutstanding);
  }

  /** The charges of those ids the tenant has; `lock` holds their rows until the transaction ends. */
  async findMany(ids: string[], options: { lock?: boolean } = {}): Promise<Charge[]> {
    if (ids.length === 0) return [];
    let q = this.db.selectFrom('financeCharges').select(chargeColumns).where('id', 'in', ids);
    if (options.lock) q = q.forUpdate();
    return (await q.execute()).map(withOutstanding);
  }

  /** The member's charges with something left to pay, oldest due first; `currency` narrows them. */
  async open(memberId: string, options: { currency?: string } = {}): Promise<Charge[]> {
    let q = this.db
      .selectFrom('financeCharges')
      .select(chargeColumns)
      .where('memberId', '=', memberId)
      .where('status', 'in', ['open', 'partially_paid'])
      .orderBy('dueDate')
      .orderBy('id');
    if (options.currency) q = q.where('currency', '=', options.currency);
    return (await q.execute()).map(withOutstanding);
  }

  /** A page of `limit + 1` charges after the keyset `after`, for the caller to split. */
  async list(query: ListChargesQuery & { limit: number }, after: unknown[] | null, reader: FinanceReader): Promise<Charge[]> {
    const sort = query.sort ?? 'dueDate';
    const desc = sort.startsWith('-');
    const dir = desc ? 'desc' : 'asc';
    const cmp = desc ? '<' : '>';
    let q = this.db.selectFrom('financeCharges').select(chargeColumns).limit(query.limit + 1);
    if (reader) q = q.where('memberId', '=', reader.memberId);
    if (query.memberId) q = q.where('memberId', '=', query.memberId);
    if (query.q) q = q.where('description', 'ilike', containsPattern(query.q));
    if (query.unitId) q = q.where('unitId', '=', query.unitId);
    if (query.leaseId) q = q.where('leaseId', '=', query.leaseId);
    if (query.status) q = q.where('status', '=', query.status);
    if (query.outstanding !== undefined) q = q.where('status', query.outstanding ? 'in' : 'not in', ['open', 'partially_paid']);
    if (query.kind) q = q.where('kind', '=', query.kind);
    if (query.currency) q = q.where('currency', '=', query.currency);
    if (query.dueBefore) q = q.where('dueDate', '<', query.dueBefore);
    if (query.dueAfter) q = q.where('dueDate', '>', query.dueAfter);
    if (sort.endsWith('dueDate')) {
      if (after) q = q.where(sql`(due_date, id)`, cmp, sql`(${after[0]}::date, ${after[1]}::uuid)`);
      q = q.orderBy('dueDate', dir).orderBy('id', dir);
    } else {
      // Ids are UUIDv7, minted at creation: id order is creation order, and the key is exact.
      if (after) q = q.where('id', cmp, after[0] as string);
      q = q.orderBy('id', dir);
    }
    return (await q.execute()).map(withOutstanding);
  }

  /**
   * Posts charges with their journal entries (receivable debited, `creditAccountId` credited)
   * in one statement, whatever their number: a charge whose natural key is taken is left out,
   * with its entry and lines. Returns the charges made, in no particular order.
   *
   * The statement reads no table (ON CONFLICT probes the unique key itself), so its plan does
   * not depend on statistics; the foreign keys are checked when it ends, the lines' balance per
   * statement and the entries' turnover at commit (migration 0008).
   */
  async insertPosted(tenantId: string, charges: NewCharge[], receivableId: string, createdBy: string | null): Promise<Charge[]> {
    const input = charges.map((c) => ({
      id: c.id,
      entry_id: c.entryId,
      member_id: c.memberId,
      unit_id: c.unitId ?? null,
      lease_id: c.leaseId ?? null,
      kind: c.kind,
      description: c.description,
      amount: c.amount,
      currency: c.currency,
      period_start: c.periodStart ?? null,
      period_end: c.periodEnd ?? null,
      due_date: c.dueDate,
      natural_key: c.naturalKey,
      entry_date: c.entryDate,
      credit_account_id: c.creditAccountId,
    }));
    const rows = await sql<Omit<Charge, 'outstanding'>>`
      WITH input AS (
        SELECT * FROM jsonb_to_recordset(${JSON.stringify(input)}::jsonb) AS i(
          id uuid, entry_id uuid, member_id uuid, unit_id uuid, lease_id uuid, kind text, description text, amount bigint, currency text,
          period_start date, period_end date, due_date date, natural_key text, entry_date date, credit_account_id uuid)
      ), charge AS (
        INSERT INTO finance_charges (tenant_id, id, member_id, unit_id, lease_id, kind, description, amount, currency, period_start, period_end, due_date, entry_id, natural_key)
        SELECT ${tenantId}::uuid, id, member_id, unit_id, lease_id, kind, description, amount, currency, period_start, period_end, due_date, entry_id, natural_key FROM input
        ON CONFLICT (tenant_id, natural_key) DO NOTHING
        RETURNING *
      ), entry AS (
        INSERT INTO finance_entries (tenant_id, id, entry_date, description, kind, created_by)
        SELECT c.tenant_id, c.entry_id, i.entry_date, c.description, 'charge', ${createdBy}::uuid FROM charge c JOIN input i ON i.id = c.id
      ), line AS (
        INSERT INTO finance_lines (tenant_id, entry_id, line_no, account_id, amount, currency, member_id, unit_id, lease_id, charge_id, entry_date)
        SELECT c.tenant_id, c.entry_id, n.line_no,
               CASE n.line_no WHEN 1 THEN ${receivableId}::uuid ELSE i.credit_account_id END,
               CASE n.line_no WHEN 1 THEN c.amount ELSE -c.amount END,
               c.currency, c.member_id, c.unit_id, c.lease_id, c.id, i.entry_date
          FROM charge c JOIN input i ON i.id = c.id CROSS JOIN (VALUES (1), (2)) AS n(line_no)
      )
      SELECT ${sql.join(chargeSqlColumns.map((col) => sql.ref(col)))} FROM charge`.execute(this.db);
    return rows.rows.map(withOutstanding);
  }

  async markVoid(id: string, voidEntryId: string): Promise<Charge> {
    const row = await this.db
      .updateTable('financeCharges')
      .set({ status: 'void', voidEntryId, allocated: 0, updatedAt: new Date() })
      .where('id', '=', id)
      .returning(chargeColumns)
      .executeTakeFirstOrThrow();
    return withOutstanding(row);
  }

  /** Adds to what was written off and sets the status that follows. */
  async writeOff(id: string, amount: number, status: ChargeStatus): Promise<Charge> {
    const row = await this.db
      .updateTable('financeCharges')
      .set((eb) => ({ writtenOff: eb('writtenOff', '+', amount), status, updatedAt: new Date() }))
      .where('id', '=', id)
      .returning(chargeColumns)
      .executeTakeFirstOrThrow();
    return withOutstanding(row);
  }

  // ---- allocations

  async allocationsOf(column: 'chargeId' | 'paymentId', id: string): Promise<Allocation[]> {
    return this.db.selectFrom('financeAllocations').select(allocationColumns).where(column, '=', id).orderBy('id').execute();
  }

  async allocationsByIds(ids: string[]): Promise<Allocation[]> {
    if (ids.length === 0) return [];
    return this.db.selectFrom('financeAllocations').select(allocationColumns).where('id', 'in', ids).orderBy('id').execute();
  }

  /** The charge's allocations not yet released back to credit. */
  async unreleasedAllocations(chargeId: string): Promise<{ id: string; amount: number }[]> {
    return this.db.selectFrom('financeAllocations').select(['id', 'amount']).where('chargeId', '=', chargeId).where('reversedEntryId', 'is', null).execute();
  }

  async releaseAllocation(id: string, entryId: string): Promise<void> {
    await this.db.updateTable('financeAllocations').set({ reversedEntryId: entryId }).where('id', '=', id).execute();
  }
}
