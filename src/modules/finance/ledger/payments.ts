import type { TenantScope } from '../../../kernel/context.js';
import type { IsoDate } from '../../../kernel/dates.js';
import { AppError, notFound } from '../../../kernel/errors.js';
import { financeErrors } from '../finance.errors.js';
import { emit } from '../../../kernel/events/outbox.js';
import { newId } from '../../../kernel/ids.js';
import { safeTotal } from '../../../kernel/money.js';
import { BalancesRepository } from './balances.repository.js';
import { settleFromCredit, writeSettlements, type Settlement } from './credit.js';
import { ChargesRepository } from './charges.repository.js';
import { lockMember, postEntry, systemAccounts, type SystemAccount } from './journal.js';
import type { Allocation, Payment, PaymentInput } from './ledger.types.js';
import { PaymentsRepository } from './payments.repository.js';

/** The member's unapplied money in `currency`: what the member-credit account holds for them. */
export async function creditOf(scope: TenantScope, memberId: string, currency: string, creditAccountId?: string): Promise<number> {
  const account = creditAccountId ?? (await systemAccounts(scope)).member_credit;
  return safeTotal(await new BalancesRepository(scope.db).memberCredit(account, memberId, currency), 'credit');
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
  const payments = new PaymentsRepository(scope.db);
  if (input.provider) {
    const existing = await payments.findByProviderEvent(input.provider.name, input.provider.eventId);
    if (existing) return { payment: existing, allocations: [], created: false };
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
  const payment = await payments.insert(scope.tenant.id, id, input, entryId);
  await emit(scope, 'payment.recorded', payment);
  const allocations = await applyCredit(scope, input.memberId, input.currency, { date: input.receivedOn, paymentId: id, targets: input.allocations ?? null, createdBy, lockHeld: true, accounts });
  return { payment, allocations, created: true };
}

/**
 * Settles the member's open charges in `currency` from their credit: the given targets in
 * order (each up to its amount or what it still owes), else every open charge oldest due
 * first (settleFromCredit), until the credit runs out. Serialised per member, so that
 * concurrent payments never settle more than a charge owes nor spend credit twice.
 */
export async function applyCredit(
  scope: TenantScope,
  memberId: string,
  currency: string,
  options: { date: IsoDate; paymentId?: string | null; targets?: { chargeId: string; amount?: number }[] | null; createdBy?: string | null; lockHeld?: boolean; accounts?: Record<SystemAccount, string> },
): Promise<Allocation[]> {
  if (!options.lockHeld) await lockMember(scope, memberId);
  const accounts = options.accounts ?? (await systemAccounts(scope));
  const settle = { accounts, paymentId: options.paymentId, createdBy: options.createdBy };
  if (!options.targets) return (await settleFromCredit(scope, [{ memberId, currency }], { ...settle, date: options.date })).allocations;

  const targets = options.targets;
  const ids = targets.map((t) => t.chargeId);
  // Twice the same charge would plan both shares from the same stale outstanding amount.
  const repeated = ids.findIndex((id, i) => ids.indexOf(id) !== i);
  if (repeated >= 0) throw new AppError('validation_failed', `The charge ${ids[repeated]} is named twice`, { errors: [{ field: `allocations.${repeated}.chargeId`, message: 'names a charge already named' }] });
  const byId = new Map((await new ChargesRepository(scope.db).findMany(ids, { lock: true })).map((c) => [c.id, c]));
  const settling = ids.map((id, i) => {
    const charge = byId.get(id);
    if (!charge || charge.memberId !== memberId) throw new AppError('not_found', `The charge ${id} was not found for this member`, { errors: [{ field: `allocations.${i}.chargeId`, message: 'is not a charge of this member' }] });
    if (charge.currency !== currency) throw new AppError('validation_failed', `The charge ${id} is in ${charge.currency}`, { errors: [{ field: `allocations.${i}.chargeId`, message: `is in ${charge.currency}, the payment in ${currency}` }] });
    if (charge.status === 'void' || charge.outstanding === 0) throw new AppError(financeErrors.charge_owes_nothing, `The charge ${id} owes nothing`, { errors: [{ field: `allocations.${i}.chargeId`, message: 'owes nothing' }] });
    const asked = targets[i]!.amount;
    if (asked !== undefined && asked > charge.outstanding) {
      throw new AppError('validation_failed', `The charge ${charge.id} owes ${charge.outstanding}`, { errors: [{ field: `allocations.${i}.amount`, message: `is more than the ${charge.outstanding} the charge owes` }] });
    }
    return charge;
  });

  // Targets are checked above even without credit: a wrong one is refused, not silently ignored.
  let credit = await creditOf(scope, memberId, currency, accounts.member_credit);
  const shares: Settlement['shares'] = [];
  settling.forEach((charge, i) => {
    const amount = Math.min(credit, targets[i]!.amount ?? charge.outstanding);
    if (amount <= 0) return;
    shares.push({ charge, amount });
    credit -= amount;
  });
  if (shares.length === 0) return [];
  return (await writeSettlements(scope, [{ memberId, currency, date: options.date, shares }], settle)).allocations;
}

/** Pays back part of a member's credit that came from `paymentId` (never more than the credit holds). */
export async function refundPayment(scope: TenantScope, paymentId: string, amount: number, date: IsoDate, reason: string, createdBy: string | null): Promise<Payment> {
  const payments = new PaymentsRepository(scope.db);
  const found = await payments.find(paymentId);
  if (!found) throw notFound('The payment');
  await lockMember(scope, found.memberId);
  const payment = (await payments.find(paymentId, { lock: true }))!;
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
  const refunded = await payments.addRefunded(paymentId, amount);
  await emit(scope, 'payment.refunded', { ...refunded, amountRefunded: amount, reason });
  return refunded;
}
