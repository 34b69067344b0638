import { recordUsage } from '../../../kernel/metering/usage.js';
import type { TenantScope } from '../../../kernel/context.js';
import type { IsoDate } from '../../../kernel/dates.js';
import { AppError, notFound } from '../../../kernel/errors.js';
import { financeErrors } from '../finance.errors.js';
import { emit, emitAll } from '../../../kernel/events/outbox.js';
import { newId } from '../../../kernel/ids.js';
import { ChargesRepository } from './charges.repository.js';
import { chargeStatus, settleFromCredit } from './credit.js';
import { lockMember, lockMembers, postEntry, reverseEntry, systemAccounts, type SystemAccount } from './journal.js';
import type { Charge, ChargeInput, ChargeKind } from './ledger.types.js';

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

/** A charge for postCharges, with what makes it once (`naturalKey`) and the entry's date (default: its period's start, or else its due date). */
export interface ChargeToPost {
  input: ChargeInput;
  naturalKey?: string | null;
  date?: IsoDate;
}

/**
 * Posts charges and their journal entries (receivable against each kind's income account) in
 * the caller's transaction, in a few statements however many there are. A charge whose
 * natural key (a schedule's period, a late fee's charge and period) is taken already is not
 * made again: the charge made before is answered with `created` false, so however often a run
 * is retried, each charge exists once. Answers in the order asked; emits `charge.posted` for
 * each charge made.
 *
 * The members' credit then pays what they owe in the charges' currencies, oldest due first,
 * in the same transaction and in a few statements for the whole batch (settleFromCredit): a
 * member never holds credit in a currency while a charge in it is open. The answers show the
 * charges as that left them.
 */
export async function postCharges(
  scope: TenantScope,
  charges: ChargeToPost[],
  options: { createdBy?: string | null; accounts?: Record<SystemAccount, string> } = {},
): Promise<{ charge: Charge; created: boolean }[]> {
  if (charges.length === 0) return [];
  const accounts = options.accounts ?? (await systemAccounts(scope));
  const repo = new ChargesRepository(scope.db);
  // Taken before the charges exist: a payment of one of these members waits for this batch,
  // then sees its charges; this batch, once it has the locks, sees that payment's credit.
  await lockMembers(scope, charges.map((c) => c.input.memberId));
  const wanted = charges.map(({ input, naturalKey, date }) => ({
    ...input,
    id: newId(),
    entryId: newId(),
    naturalKey: naturalKey ?? null,
    entryDate: date ?? input.periodStart ?? input.dueDate,
    creditAccountId: accounts[CREDIT_ACCOUNT[input.kind]],
  }));
  // Two transactions racing on one natural key: the second waits for the first and makes nothing.
  const made = new Map((await repo.insertPosted(scope.tenant.id, wanted, accounts.receivable, options.createdBy ?? null)).map((c) => [c.id, c]));
  const taken = wanted.filter((w) => !made.has(w.id)).map((w) => w.naturalKey!);
  const before = new Map((await repo.findByNaturalKeys(scope.tenant.id, taken)).map((c) => [c.naturalKey, c]));
  const answers = wanted.map((w) => {
    const charge = made.get(w.id) ?? before.get(w.naturalKey);
    if (!charge) throw new Error(`finance: charge ${w.naturalKey ?? w.id} was neither made nor found`);
    return { charge, created: made.has(w.id) };
  });
  const created = answers.filter((a) => a.created).map((a) => a.charge);
  await emitAll(scope, 'charge.posted', created);
  await recordUsage(scope, 'charges', created.length);
  const pairs = new Map(created.map((c) => [`${c.memberId}/${c.currency}`, { memberId: c.memberId, currency: c.currency }]));
  const settled = new Map((await settleFromCredit(scope, [...pairs.values()], { accounts, createdBy: options.createdBy ?? null })).charges.map((c) => [c.id, c]));
  return answers.map((a) => ({ ...a, charge: settled.get(a.charge.id) ?? a.charge }));
}

/** One charge, as postCharges posts many. */
export async function postCharge(
  scope: TenantScope,
  input: ChargeInput,
  options: { naturalKey?: string; createdBy?: string | null; date?: IsoDate; accounts?: Record<SystemAccount, string> } = {},
): Promise<{ charge: Charge; created: boolean }> {
  const [posted] = await postCharges(scope, [{ input, naturalKey: options.naturalKey ?? null, date: options.date }], options);
  return posted!;
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
  const written = await new ChargesRepository(scope.db).writeOff(chargeId, writeOff, chargeStatus({ ...charge, writtenOff: charge.writtenOff + writeOff }));
  await emit(scope, 'charge.written_off', { ...written, amountWrittenOff: writeOff, reason });
  return written;
}
