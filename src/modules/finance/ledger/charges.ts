import type { TenantScope } from '../../../kernel/context.js';
import type { IsoDate } from '../../../kernel/dates.js';
import { AppError, notFound } from '../../../kernel/errors.js';
import { financeErrors } from '../finance.errors.js';
import { emit } from '../../../kernel/events/outbox.js';
import { newId } from '../../../kernel/ids.js';
import { ChargesRepository } from './charges.repository.js';
import { lockMember, postEntry, reverseEntry, type SystemAccount } from './journal.js';
import type { Charge, ChargeInput, ChargeKind, ChargeStatus } from './ledger.types.js';

/** Where a charge's money is earned (or, for a deposit, held). */
export const CREDIT_ACCOUNT: Record<ChargeKind, SystemAccount> = {
  levy: 'levy_income',
  rent: 'rent_income',
  service: 'other_income',
  utility: 'other_income',
  fee: 'late_fee_income',
  deposit: 'deposits_held',
  other: 'other_income',
};

/**
 * A charge's status from what settled it: nothing left to pay is `paid` when payments settled
 * it all, `written_off` when any of it was written off (a debt given up is not a debt paid).
 */
export function chargeStatus(c: { amount: number; allocated: number; writtenOff: number }): ChargeStatus {
  const settled = c.allocated + c.writtenOff;
  if (settled === 0) return 'open';
  if (settled < c.amount) return 'partially_paid';
  return c.writtenOff > 0 ? 'written_off' : 'paid';
}

export async function findCharge(scope: TenantScope, id: string, forUpdate = false): Promise<Charge> {
  const charge = await new ChargesRepository(scope.db).find(id, { lock: forUpdate });
  if (!charge) throw notFound('The charge');
  return charge;
}

/** The charges of those ids the tenant has, in no particular order. */
export async function chargesByIds(scope: TenantScope, ids: string[]): Promise<Charge[]> {
  return new ChargesRepository(scope.db).findMany(ids);
}

/** The member's charges that still owe money (in `currency`, if given), oldest due first: the order payments settle them. */
export async function openCharges(scope: TenantScope, memberId: string, currency?: string): Promise<Charge[]> {
  return new ChargesRepository(scope.db).open(memberId, { currency });
}

/**
 * Posts a charge and its journal entry (receivable against the kind's income account), in the
 * caller's transaction. With a natural key (a schedule's period, a late fee's charge and
 * period) a charge already posted under that key is returned instead, and `created` is false:
 * however often a run is retried, each charge exists once.
 */
export async function postCharge(
  scope: TenantScope,
  input: ChargeInput,
  options: { naturalKey?: string; createdBy?: string | null; date?: IsoDate; accounts?: Record<SystemAccount, string> } = {},
): Promise<{ charge: Charge; created: boolean }> {
  const charges = new ChargesRepository(scope.db);
  if (options.naturalKey) {
    const existing = await charges.findByNaturalKey(options.naturalKey);
    if (existing) return { charge: existing, created: false };
  }
  const id = newId();
  const concerning = { memberId: input.memberId, unitId: input.unitId ?? null, leaseId: input.leaseId ?? null, chargeId: id };
  const entryId = await postEntry(
    scope,
    {
      date: options.date ?? input.periodStart ?? input.dueDate,
      description: input.description,
      kind: 'charge',
      createdBy: options.createdBy ?? null,
      lines: [
        { account: { key: 'receivable' }, amount: input.amount, currency: input.currency, ...concerning },
        { account: { key: CREDIT_ACCOUNT[input.kind] }, amount: -input.amount, currency: input.currency, ...concerning },
      ],
    },
    options.accounts,
  );
  // Two transactions racing on one natural key: the unique key refuses the second, whose
  // entry rolls back with it. Billing runs also serialise per tenant and period.
  const charge = await charges.insert(scope.tenant.id, id, input, entryId, options.naturalKey ?? null);
  await emit(scope, 'charge.posted', charge);
  return { charge, created: true };
}

/**
 * Voids a charge: its allocations go back to the member's credit (each allocation entry is
 * reversed) and its entry is reversed. A charge written off in part cannot be voided: reverse
 * the write-off first.
 */
export async function voidCharge(scope: TenantScope, chargeId: string, date: IsoDate, reason: string, createdBy: string | null): Promise<Charge> {
  const before = await findCharge(scope, chargeId);
  await lockMember(scope, before.memberId);
  const charge = await findCharge(scope, chargeId, true);
  if (charge.status === 'void') throw new AppError(financeErrors.charge_already_void, 'The charge is already void', { currentStatus: charge.status });
  if (charge.writtenOff > 0) throw new AppError(financeErrors.charge_written_off, 'Part of the charge is written off: a written-off charge cannot be voided');
  // One allocation entry may settle several charges: release this charge's share alone.
  const charges = new ChargesRepository(scope.db);
  const allocations = await charges.unreleasedAllocations(chargeId);
  const concerning = { memberId: charge.memberId, unitId: charge.unitId, leaseId: charge.leaseId, chargeId };
  for (const { id, amount } of allocations) {
    const released = await postEntry(scope, {
      date,
      description: `Allocation released: ${reason}`,
      kind: 'allocation_release',
      createdBy,
      lines: [
        { account: { key: 'receivable' }, amount, currency: charge.currency, ...concerning },
        { account: { key: 'member_credit' }, amount: -amount, currency: charge.currency, memberId: charge.memberId },
      ],
    });
    await charges.releaseAllocation(id, released);
  }
  const voidEntryId = await reverseEntry(scope, charge.entryId, date, `Void: ${reason}`, 'void', createdBy);
  const voided = await charges.markVoid(chargeId, voidEntryId);
  await emit(scope, 'charge.voided', { ...voided, reason, releasedToCredit: charge.allocated });
  return voided;
}

/** Writes off what is left of a charge (or `amount` of it) as bad debt. */
export async function writeOffCharge(scope: TenantScope, chargeId: string, amount: number | null, date: IsoDate, reason: string, createdBy: string | null): Promise<Charge> {
  const before = await findCharge(scope, chargeId);
  await lockMember(scope, before.memberId);
  const charge = await findCharge(scope, chargeId, true);
  if (charge.status === 'void') throw new AppError(financeErrors.charge_already_void, 'The charge is void: there is nothing to write off', { currentStatus: charge.status });
  if (charge.outstanding === 0) throw new AppError(financeErrors.charge_owes_nothing, `The charge is ${charge.status.replace('_', ' ')}: nothing of it is outstanding to write off`, { currentStatus: charge.status });
  const writeOff = amount ?? charge.outstanding;
  if (writeOff > charge.outstanding) throw new AppError('validation_failed', `Only ${charge.outstanding} is outstanding`, { errors: [{ field: 'amount', message: `is more than the ${charge.outstanding} outstanding` }] });
  const concerning = { memberId: charge.memberId, unitId: charge.unitId, leaseId: charge.leaseId, chargeId };
  await postEntry(scope, {
    date,
    description: `Write-off: ${reason}`,
    kind: 'write_off',
    createdBy,
    lines: [
      { account: { key: 'bad_debt' }, amount: writeOff, currency: charge.currency, ...concerning },
      { account: { key: 'receivable' }, amount: -writeOff, currency: charge.currency, ...concerning },
    ],
  });
  const written = await new ChargesRepository(scope.db).settle(chargeId, 'writtenOff', writeOff, chargeStatus({ ...charge, writtenOff: charge.writtenOff + writeOff }));
  await emit(scope, 'charge.written_off', { ...written, amountWrittenOff: writeOff, reason });
  return written;
}
