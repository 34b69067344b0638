import { sql } from 'kysely';
import { containsPattern } from '../../../kernel/db/like.js';
import type { Db } from '../../../kernel/db/tables.js';
import { financeDb, type FinanceDb } from '../finance.tables.js';
import type { FinanceReader, Payment, PaymentInput } from './ledger.types.js';
import type { ListPaymentsQuery } from './payments.schemas.js';

const paymentColumns = ['id', 'memberId', 'method', 'amount', 'currency', 'receivedOn', 'reference', 'payer', 'refunded', 'entryId', 'provider', 'providerEventId', 'createdAt'] as const;

/** Payments received; runs inside the tenant transaction, under RLS. */
export class PaymentsRepository {
  private readonly db: FinanceDb;

  constructor(db: Db) {
    this.db = financeDb(db);
  }

  /** The payment; `lock` holds its row until the transaction ends. A reader sees only their own. */
  async find(id: string, options: { lock?: boolean; reader?: FinanceReader } = {}): Promise<Payment | undefined> {
    let q = this.db.selectFrom('financePayments').select(paymentColumns).where('id', '=', id);
    if (options.reader) q = q.where('memberId', '=', options.reader.memberId);
    if (options.lock) q = q.forUpdate();
    return q.executeTakeFirst();
  }

  /** The payment recorded for a provider's event, if any. */
  async findByProviderEvent(provider: string, eventId: string): Promise<Payment | undefined> {
    return this.db.selectFrom('financePayments').select(paymentColumns).where('provider', '=', provider).where('providerEventId', '=', eventId).executeTakeFirst();
  }

  /** A page of `limit + 1` payments after the keyset `after` (received on, id). */
  async list(query: ListPaymentsQuery & { limit: number }, after: unknown[] | null, reader: FinanceReader): Promise<Payment[]> {
    const desc = (query.sort ?? '-receivedOn') === '-receivedOn';
    const dir = desc ? 'desc' : 'asc';
    let q = this.db.selectFrom('financePayments').select(paymentColumns).limit(query.limit + 1);
    if (reader) q = q.where('memberId', '=', reader.memberId);
    if (query.memberId) q = q.where('memberId', '=', query.memberId);
    if (query.q) {
      const like = containsPattern(query.q);
      q = q.where((eb) => eb.or([eb('reference', 'ilike', like), eb('payer', 'ilike', like)]));
    }
    if (query.method) q = q.where('method', '=', query.method);
    if (query.currency) q = q.where('currency', '=', query.currency);
    if (query.receivedFrom) q = q.where('receivedOn', '>=', query.receivedFrom);
    if (query.receivedTo) q = q.where('receivedOn', '<=', query.receivedTo);
    if (after) q = q.where(sql`(received_on, id)`, desc ? '<' : '>', sql`(${after[0]}::date, ${after[1]}::uuid)`);
    q = q.orderBy('receivedOn', dir).orderBy('id', dir);
    return q.execute();
  }

  async insert(tenantId: string, id: string, input: PaymentInput, entryId: string): Promise<Payment> {
    return this.db
      .insertInto('financePayments')
      .values({
        tenantId,
        id,
        memberId: input.memberId,
        method: input.method,
        amount: input.amount,
        currency: input.currency,
        receivedOn: input.receivedOn,
        reference: input.reference ?? null,
        payer: input.payer ?? null,
        entryId,
        provider: input.provider?.name ?? null,
        providerEventId: input.provider?.eventId ?? null,
      })
      .returning(paymentColumns)
      .executeTakeFirstOrThrow();
  }

  async addRefunded(id: string, amount: number): Promise<Payment> {
    return this.db.updateTable('financePayments').set((eb) => ({ refunded: eb('refunded', '+', amount) })).where('id', '=', id).returning(paymentColumns).executeTakeFirstOrThrow();
  }
}
