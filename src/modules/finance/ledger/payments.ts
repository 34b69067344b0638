import { sql } from 'kysely';
import type { TenantScope } from '../../../kernel/context.js';
import type { IsoDate } from '../../../kernel/dates.js';
import { AppError, notFound } from '../../../kernel/errors.js';
import { financeErrors } from '../finance.errors.js';
import { emit } from '../../../kernel/events/outbox.js';
import { newId } from '../../../kernel/ids.js';
import { exact, safeTotal, sumExact } from '../../../kernel/money.js';
import { chargeColumns, chargeStatus, toCharge, type Charge } from './charges.js';
import { lockMember, postEntry, systemAccounts, type SystemAccount } from './journal.js';

export const PAYMENT_METHODS = ['bank_transfer', 'cash', 'cheque', 'card', 'other'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

export interface PaymentInput {
  memberId: string;
  method: PaymentMethod;
  amount: number;
  currency: string;
  receivedOn: IsoDate;
  reference?: string | null;
  payer?: string | null;
  /** Charges to settle, in this order and up to these amounts; absent: oldest due first. */
  allocations?: { chargeId: string; amount?: number }[] | null;
  /** A card payment's provider and event: the payment is recorded once per event. */
  provider?: { name: string; eventId: string } | null;
}

export interface Payment {
  id: string;
  memberId: string;
  method: PaymentMethod;
  amount: number;
  currency: string;
  receivedOn: IsoDate;
  reference: string | null;
  payer: string | null;
  refunded: number;
  entryId: string;
  provider: string | null;
  providerEventId: string | null;
  createdAt: Date;
}

export interface Allocation {
  id: string;
  chargeId: string;
  paymentId: string | null;
  amount: number;
  currency: string;
  entryId: string;
}

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

export const paymentColumns = ['id', 'member_id', 'method', 'amount', 'currency', 'received_on', 'reference', 'payer', 'refunded', 'entry_id', 'provider', 'provider_event_id', 'created_at'] as const;

export const toPayment = (r: PaymentRow): Payment => ({
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

/** The member's unapplied money in `currency`: what the member-credit account holds for them. */
export async function creditOf(scope: TenantScope, memberId: string, currency: string, creditAccountId?: string): Promise<number> {
  const account = creditAccountId ?? (await systemAccounts(scope)).member_credit;
  const row = await sql<{ credit: string | null }>`
    SELECT -sum(amount) AS credit FROM finance_lines WHERE account_id = ${account} AND member_id = ${memberId} AND currency = ${currency}`.execute(scope.db);
  return safeTotal(exact(row.rows[0]?.credit), 'credit');
}

/**
 * Records a payment: the money lands in the member's credit (bank against member credit),
 * then settles their open charges, oldest due first or as the payer said. What is left stays
 * as credit and settles later charges (`applyCredit`). A provider event already recorded
 * returns its payment (`created` false) and changes nothing.
 */
export async function recordPayment(scope: TenantScope, input: PaymentInput, createdBy: string | null = null): Promise<{ payment: Payment; allocations: Allocation[]; created: boolean }> {
  // Looked for under the member's lock: a second delivery racing the first waits for it to
  // commit and then finds its payment, instead of failing on the unique key.
  await lockMember(scope, input.memberId);
  if (input.provider) {
    const existing = await scope.db
      .selectFrom('finance_payments')
      .select(paymentColumns)
      .where('provider', '=', input.provider.name)
      .where('provider_event_id', '=', input.provider.eventId)
      .executeTakeFirst();
    if (existing) return { payment: toPayment(existing), allocations: [], created: false };
  }
  const accounts = await systemAccounts(scope);
  const id = newId();
  const entryId = await postEntry(
    scope,
    {
      date: input.receivedOn,
      description: `Payment${input.reference ? ` ${input.reference}` : ''} (${input.method.replace('_', ' ')})`,
      kind: 'payment',
      createdBy,
      lines: [
        { account: { key: 'bank' }, amount: input.amount, currency: input.currency, memberId: input.memberId },
        { account: { key: 'member_credit' }, amount: -input.amount, currency: input.currency, memberId: input.memberId },
      ],
    },
    accounts,
  );
  const row = await scope.db
    .insertInto('finance_payments')
    .values({
      tenant_id: scope.tenant.id,
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
  const payment = toPayment(row);
  await emit(scope, 'payment.recorded', payment);
  const allocations = await applyCredit(scope, input.memberId, input.currency, { date: input.receivedOn, paymentId: id, targets: input.allocations ?? null, createdBy, lockHeld: true, accounts });
  return { payment, allocations, created: true };
}

/**
 * Settles the member's open charges in `currency` from their credit: the given targets in
 * order (each up to its amount or what it still owes), else every open charge oldest due
 * first, until the credit runs out. Serialised per member, so that concurrent payments never
 * settle more than a charge owes nor spend credit twice.
 */
export async function applyCredit(
  scope: TenantScope,
  memberId: string,
  currency: string,
  options: { date: IsoDate; paymentId?: string | null; targets?: { chargeId: string; amount?: number }[] | null; createdBy?: string | null; lockHeld?: boolean; accounts?: Record<SystemAccount, string> },
): Promise<Allocation[]> {
  if (!options.lockHeld) await lockMember(scope, memberId);
  const accounts = options.accounts ?? (await systemAccounts(scope));
  let credit = await creditOf(scope, memberId, currency, accounts.member_credit);
  if (!options.targets && credit <= 0) return [];

  let charges: Charge[];
  if (options.targets) {
    const ids = options.targets.map((t) => t.chargeId);
    // Twice the same charge would plan both shares from the same stale outstanding amount.
    const repeated = ids.findIndex((id, i) => ids.indexOf(id) !== i);
    if (repeated >= 0) throw new AppError('validation_failed', `The charge ${ids[repeated]} is named twice`, { errors: [{ field: `allocations.${repeated}.chargeId`, message: 'names a charge already named' }] });
    const rows = ids.length === 0 ? [] : await scope.db.selectFrom('finance_charges').select(chargeColumns).where('id', 'in', ids).forUpdate().execute();
    const byId = new Map(rows.map((r: Parameters<typeof toCharge>[0]) => [r.id, toCharge(r)]));
    charges = ids.map((id, i) => {
      const charge = byId.get(id);
      if (!charge || charge.memberId !== memberId) throw new AppError('not_found', `The charge ${id} was not found for this member`, { errors: [{ field: `allocations.${i}.chargeId`, message: 'is not a charge of this member' }] });
      if (charge.currency !== currency) throw new AppError('validation_failed', `The charge ${id} is in ${charge.currency}`, { errors: [{ field: `allocations.${i}.chargeId`, message: `is in ${charge.currency}, the payment in ${currency}` }] });
      if (charge.status === 'void' || charge.outstanding === 0) throw new AppError(financeErrors.charge_owes_nothing, `The charge ${id} owes nothing`, { errors: [{ field: `allocations.${i}.chargeId`, message: 'owes nothing' }] });
      const asked = options.targets![i]!.amount;
      if (asked !== undefined && asked > charge.outstanding) {
        throw new AppError('validation_failed', `The charge ${charge.id} owes ${charge.outstanding}`, { errors: [{ field: `allocations.${i}.amount`, message: `is more than the ${charge.outstanding} the charge owes` }] });
      }
      return charge;
    });
  } else {
    const rows = await scope.db
      .selectFrom('finance_charges')
      .select(chargeColumns)
      .where('member_id', '=', memberId)
      .where('currency', '=', currency)
      .where('status', 'in', ['open', 'partially_paid'])
      .orderBy('due_date')
      .orderBy('id')
      .forUpdate()
      .execute();
    charges = rows.map(toCharge);
  }
  // Targets are checked above even without credit: a wrong one is refused, not silently ignored.
  if (credit <= 0) return [];

  const plan: { charge: Charge; amount: number }[] = [];
  charges.forEach((charge, i) => {
    if (credit === 0) return;
    const asked = options.targets?.[i]?.amount;
    const amount = Math.min(credit, asked ?? charge.outstanding);
    if (amount <= 0) return;
    plan.push({ charge, amount });
    credit -= amount;
  });
  if (plan.length === 0) return [];

  const total = safeTotal(sumExact(plan.map((p) => p.amount)), 'allocation');
  const entryId = await postEntry(
    scope,
    {
      date: options.date,
      description: `Allocation to ${plan.length} charge${plan.length === 1 ? '' : 's'}`,
      kind: 'allocation',
      createdBy: options.createdBy ?? null,
      lines: [
        { account: { key: 'member_credit' }, amount: total, currency, memberId },
        ...plan.map((p) => ({ account: { key: 'receivable' as const }, amount: -p.amount, currency, memberId, unitId: p.charge.unitId, leaseId: p.charge.leaseId, chargeId: p.charge.id })),
      ],
    },
    accounts,
  );
  const allocations = plan.map((p) => ({ id: newId(), chargeId: p.charge.id, paymentId: options.paymentId ?? null, amount: p.amount, currency, entryId }));
  await scope.db
    .insertInto('finance_allocations')
    .values(allocations.map((a) => ({ tenant_id: scope.tenant.id, id: a.id, member_id: memberId, charge_id: a.chargeId, payment_id: a.paymentId, amount: a.amount, currency, entry_id: entryId })))
    .execute();
  for (const p of plan) {
    const row = await scope.db
      .updateTable('finance_charges')
      .set({ allocated: sql`allocated + ${p.amount}`, status: chargeStatus({ ...p.charge, allocated: p.charge.allocated + p.amount }), updated_at: new Date() })
      .where('id', '=', p.charge.id)
      .returning(chargeColumns)
      .executeTakeFirstOrThrow();
    const charge = toCharge(row);
    if (charge.status === 'paid') await emit(scope, 'charge.paid', charge);
  }
  await emit(scope, 'payment.allocated', { memberId, paymentId: options.paymentId ?? null, currency, total, allocations });
  return allocations;
}

/** Pays back part of a member's credit that came from `paymentId` (never more than the credit holds). */
export async function refundPayment(scope: TenantScope, paymentId: string, amount: number, date: IsoDate, reason: string, createdBy: string | null): Promise<Payment> {
  const found = await scope.db.selectFrom('finance_payments').select(paymentColumns).where('id', '=', paymentId).executeTakeFirst();
  if (!found) throw notFound('The payment');
  await lockMember(scope, found.member_id);
  const payment = toPayment((await scope.db.selectFrom('finance_payments').select(paymentColumns).where('id', '=', paymentId).forUpdate().executeTakeFirstOrThrow()) as PaymentRow);
  if (amount > payment.amount - payment.refunded) {
    throw new AppError('validation_failed', `At most ${payment.amount - payment.refunded} of this payment can be refunded`, { errors: [{ field: 'amount', message: 'is more than the payment has left to refund' }] });
  }
  const credit = await creditOf(scope, payment.memberId, payment.currency);
  if (amount > credit) {
    throw new AppError(financeErrors.refund_exceeds_credit, `The member's credit is ${credit}: release the payment's allocations (void the charges) before refunding more`, { credit });
  }
  await postEntry(scope, {
    date,
    description: `Refund: ${reason}`,
    kind: 'refund',
    createdBy,
    lines: [
      { account: { key: 'member_credit' }, amount, currency: payment.currency, memberId: payment.memberId },
      { account: { key: 'bank' }, amount: -amount, currency: payment.currency, memberId: payment.memberId },
    ],
  });
  const row = await scope.db.updateTable('finance_payments').set({ refunded: sql`refunded + ${amount}` }).where('id', '=', paymentId).returning(paymentColumns).executeTakeFirstOrThrow();
  const refunded = toPayment(row);
  await emit(scope, 'payment.refunded', { ...refunded, amountRefunded: amount, reason });
  return refunded;
}
