import { sql, type Kysely } from 'kysely';
import type { AnyDB } from '../../../kernel/db/database.js';
import type { ListPaymentsQuery } from './payments.schemas.js';
import type { FinanceReader, Payment, PaymentInput, PaymentMethod } from './ledger.types.js';

interface PaymentRow {
  id: string;
  member_id: string;
  method: PaymentMethod;
  amount: number;
  currency: string;
  received_on: string;
  reference: string | null;
  payer: string | null;
  refunded: number;
  entry_id: string;
  provider: string | null;
  provider_event_id: string | null;
  created_at: Date;
}

const paymentColumns = ['id', 'member_id', 'method', 'amount', 'currency', 'received_on', 'reference', 'payer', 'refunded', 'entry_id', 'provider', 'provider_event_id', 'created_at'] as const;

const toPayment = (r: PaymentRow): Payment => ({
  id: r.id,
  memberId: r.member_id,
  method: r.method,
  amount: Number(r.amount),
  currency: r.currency,
  receivedOn: r.received_on,
  reference: r.reference,
  payer: r.payer,
  refunded: Number(r.refunded),
  entryId: r.entry_id,
  provider: r.provider,
  providerEventId: r.provider_event_id,
  createdAt: r.created_at,
});

/** Payments received; runs inside the tenant transaction, under RLS. */
export class PaymentsRepository {
  constructor(private readonly db: Kysely<AnyDB>) {}

  /** The payment; `lock` holds its row until the transaction ends. A reader sees only their own. */
  async find(id: string, options: { lock?: boolean; reader?: FinanceReader } = {}): Promise<Payment | undefined> {
    let q = this.db.selectFrom('finance_payments').select(paymentColumns).where('id', '=', id);
    if (options.reader) q = q.where('member_id', '=', options.reader.memberId);
    if (options.lock) q = q.forUpdate();
    const row = await q.executeTakeFirst();
    return row && toPayment(row);
  }

  /** The payment recorded for a provider's event, if any. */
  async findByProviderEvent(provider: string, eventId: string): Promise<Payment | undefined> {
    const row = await this.db.selectFrom('finance_payments').select(paymentColumns).where('provider', '=', provider).where('provider_event_id', '=', eventId).executeTakeFirst();
    return row && toPayment(row);
  }

  /** A page of `limit + 1` payments after the keyset `after` (received on, id). */
  async list(query: ListPaymentsQuery & { limit: number }, after: unknown[] | null, reader: FinanceReader): Promise<Payment[]> {
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

  async insert(tenantId: string, id: string, input: PaymentInput, entryId: string): Promise<Payment> {
    const row = await this.db
      .insertInto('finance_payments')
      .values({
        tenant_id: tenantId,
        id,
        member_id: input.memberId,
        method: input.method,
        amount: input.amount,
        currency: input.currency,
        received_on: input.receivedOn,
        reference: input.reference ?? null,
        payer: input.payer ?? null,
        entry_id: entryId,
        provider: input.provider?.name ?? null,
        provider_event_id: input.provider?.eventId ?? null,
      })
      .returning(paymentColumns)
      .executeTakeFirstOrThrow();
    return toPayment(row);
  }

  async addRefunded(id: string, amount: number): Promise<Payment> {
    const row = await this.db.updateTable('finance_payments').set({ refunded: sql`refunded + ${amount}` }).where('id', '=', id).returning(paymentColumns).executeTakeFirstOrThrow();
    return toPayment(row);
  }
}
