import { sql, type Kysely } from 'kysely';
import type { AnyDB } from '../../../kernel/db/database.js';
import type { Allocation, ListChargesQuery } from './charges.schemas.js';
import type { Charge, ChargeInput, ChargeKind, ChargeStatus, FinanceReader } from './ledger.types.js';

interface ChargeRow {
  id: string;
  member_id: string;
  unit_id: string | null;
  lease_id: string | null;
  kind: ChargeKind;
  description: string;
  amount: number;
  currency: string;
  period_start: string | null;
  period_end: string | null;
  due_date: string;
  allocated: number;
  written_off: number;
  status: ChargeStatus;
  entry_id: string;
  void_entry_id: string | null;
  natural_key: string | null;
  created_at: Date;
}

const chargeColumns = ['id', 'member_id', 'unit_id', 'lease_id', 'kind', 'description', 'amount', 'currency', 'period_start', 'period_end', 'due_date', 'allocated', 'written_off', 'status', 'entry_id', 'void_entry_id', 'natural_key', 'created_at'] as const;

const toCharge = (r: ChargeRow): Charge => ({
  id: r.id,
  memberId: r.member_id,
  unitId: r.unit_id,
  leaseId: r.lease_id,
  kind: r.kind,
  description: r.description,
  amount: Number(r.amount),
  currency: r.currency,
  periodStart: r.period_start,
  periodEnd: r.period_end,
  dueDate: r.due_date,
  allocated: Number(r.allocated),
  writtenOff: Number(r.written_off),
  outstanding: r.status === 'void' ? 0 : Number(r.amount) - Number(r.allocated) - Number(r.written_off),
  status: r.status,
  entryId: r.entry_id,
  voidEntryId: r.void_entry_id,
  naturalKey: r.natural_key,
  createdAt: r.created_at,
});

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

/** Charges and the allocations that settle them; runs inside the tenant transaction, under RLS. */
export class ChargesRepository {
  constructor(private readonly db: Kysely<AnyDB>) {}

  /** The charge; `lock` holds its row until the transaction ends. A reader sees only their own. */
  async find(id: string, options: { lock?: boolean; reader?: FinanceReader } = {}): Promise<Charge | undefined> {
    let q = this.db.selectFrom('finance_charges').select(chargeColumns).where('id', '=', id);
    if (options.reader) q = q.where('member_id', '=', options.reader.memberId);
    if (options.lock) q = q.forUpdate();
    const row = await q.executeTakeFirst();
    return row && toCharge(row);
  }

  async findByNaturalKey(naturalKey: string): Promise<Charge | undefined> {
    const row = await this.db.selectFrom('finance_charges').select(chargeColumns).where('natural_key', '=', naturalKey).executeTakeFirst();
    return row && toCharge(row);
  }

  /** The charges of those ids the tenant has; `lock` holds their rows until the transaction ends. */
  async findMany(ids: string[], options: { lock?: boolean } = {}): Promise<Charge[]> {
    if (ids.length === 0) return [];
    let q = this.db.selectFrom('finance_charges').select(chargeColumns).where('id', 'in', ids);
    if (options.lock) q = q.forUpdate();
    return (await q.execute()).map(toCharge);
  }

  /** The member's charges with something left to pay, oldest due first; `currency` and `lock` narrow and hold them. */
  async open(memberId: string, options: { currency?: string; lock?: boolean } = {}): Promise<Charge[]> {
    let q = this.db
      .selectFrom('finance_charges')
      .select(chargeColumns)
      .where('member_id', '=', memberId)
      .where('status', 'in', ['open', 'partially_paid'])
      .orderBy('due_date')
      .orderBy('id');
    if (options.currency) q = q.where('currency', '=', options.currency);
    if (options.lock) q = q.forUpdate();
    return (await q.execute()).map(toCharge);
  }

  /** A page of `limit + 1` charges after the keyset `after`, for the caller to split. */
  async list(query: ListChargesQuery & { limit: number }, after: unknown[] | null, reader: FinanceReader): Promise<Charge[]> {
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

  async insert(tenantId: string, id: string, input: ChargeInput, entryId: string, naturalKey: string | null): Promise<Charge> {
    const row = await this.db
      .insertInto('finance_charges')
      .values({
        tenant_id: tenantId,
        id,
        member_id: input.memberId,
        unit_id: input.unitId ?? null,
        lease_id: input.leaseId ?? null,
        kind: input.kind,
        description: input.description,
        amount: input.amount,
        currency: input.currency,
        period_start: input.periodStart ?? null,
        period_end: input.periodEnd ?? null,
        due_date: input.dueDate,
        entry_id: entryId,
        natural_key: naturalKey,
      })
      .returning(chargeColumns)
      .executeTakeFirstOrThrow();
    return toCharge(row);
  }

  async markVoid(id: string, voidEntryId: string): Promise<Charge> {
    const row = await this.db
      .updateTable('finance_charges')
      .set({ status: 'void', void_entry_id: voidEntryId, allocated: 0, updated_at: new Date() })
      .where('id', '=', id)
      .returning(chargeColumns)
      .executeTakeFirstOrThrow();
    return toCharge(row);
  }

  /** Adds to what payments settled (or, `writtenOff`, to what was written off) and sets the status that follows. */
  async settle(id: string, column: 'allocated' | 'written_off', amount: number, status: ChargeStatus): Promise<Charge> {
    const row = await this.db
      .updateTable('finance_charges')
      .set({ [column]: sql`${sql.ref(column)} + ${amount}`, status, updated_at: new Date() })
      .where('id', '=', id)
      .returning(chargeColumns)
      .executeTakeFirstOrThrow();
    return toCharge(row);
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

  /** The charge's allocations not yet released back to credit. */
  async unreleasedAllocations(chargeId: string): Promise<{ id: string; amount: number }[]> {
    const rows = await this.db.selectFrom('finance_allocations').select(['id', 'amount']).where('charge_id', '=', chargeId).where('reversed_entry_id', 'is', null).execute();
    return rows.map((a: { id: string; amount: number | string }) => ({ id: a.id, amount: Number(a.amount) }));
  }

  async releaseAllocation(id: string, entryId: string): Promise<void> {
    await this.db.updateTable('finance_allocations').set({ reversed_entry_id: entryId }).where('id', '=', id).execute();
  }

  async insertAllocations(tenantId: string, memberId: string, currency: string, entryId: string, allocations: { id: string; chargeId: string; paymentId: string | null; amount: number }[]): Promise<void> {
    await this.db
      .insertInto('finance_allocations')
      .values(allocations.map((a) => ({ tenant_id: tenantId, id: a.id, member_id: memberId, charge_id: a.chargeId, payment_id: a.paymentId, amount: a.amount, currency, entry_id: entryId })))
      .execute();
  }
}
