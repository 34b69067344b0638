import { sql } from 'kysely';
import type { TenantScope } from '../../../kernel/context.js';
import type { IsoDate } from '../../../kernel/dates.js';
import { AppError, notFound } from '../../../kernel/errors.js';
import { financeErrors } from '../finance.errors.js';
import { emit } from '../../../kernel/events/outbox.js';
import { newId } from '../../../kernel/ids.js';
import { lockMember, postEntry, reverseEntry, type SystemAccount } from './journal.js';

export const CHARGE_KINDS = ['levy', 'rent', 'service', 'utility', 'fee', 'deposit', 'other'] as const;
export type ChargeKind = (typeof CHARGE_KINDS)[number];
export const CHARGE_STATUSES = ['open', 'partially_paid', 'paid', 'written_off', 'void'] as const;
export type ChargeStatus = (typeof CHARGE_STATUSES)[number];

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

export interface ChargeInput {
  memberId: string;
  unitId?: string | null;
  leaseId?: string | null;
  kind: ChargeKind;
  description: string;
  amount: number;
  currency: string;
  periodStart?: IsoDate | null;
  periodEnd?: IsoDate | null;
  dueDate: IsoDate;
}

export interface Charge {
  id: string;
  memberId: string;
  unitId: string | null;
  leaseId: string | null;
  kind: ChargeKind;
  description: string;
  amount: number;
  currency: string;
  periodStart: IsoDate | null;
  periodEnd: IsoDate | null;
  dueDate: IsoDate;
  allocated: number;
  writtenOff: number;
  outstanding: number;
  status: ChargeStatus;
  entryId: string;
  voidEntryId: string | null;
  naturalKey: string | null;
  createdAt: Date;
}

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

export const chargeColumns = ['id', 'member_id', 'unit_id', 'lease_id', 'kind', 'description', 'amount', 'currency', 'period_start', 'period_end', 'due_date', 'allocated', 'written_off', 'status', 'entry_id', 'void_entry_id', 'natural_key', 'created_at'] as const;

export const toCharge = (r: ChargeRow): Charge => ({
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

/** @deprecated The status ignoring write-offs; use chargeStatus. */
export const statusOf = (amount: number, settled: number): ChargeStatus => (settled === 0 ? 'open' : settled >= amount ? 'paid' : 'partially_paid');

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
  let q = scope.db.selectFrom('finance_charges').select(chargeColumns).where('id', '=', id);
  if (forUpdate) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (!row) throw notFound('The charge');
  return toCharge(row);
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
  if (options.naturalKey) {
    const existing = await scope.db.selectFrom('finance_charges').select(chargeColumns).where('natural_key', '=', options.naturalKey).executeTakeFirst();
    if (existing) return { charge: toCharge(existing), created: false };
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
  const row = await scope.db
    .insertInto('finance_charges')
    .values({
      tenant_id: scope.tenant.id,
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
      natural_key: options.naturalKey ?? null,
    })
    .returning(chargeColumns)
    .executeTakeFirstOrThrow();
  const charge = toCharge(row);
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
  const allocations = await scope.db.selectFrom('finance_allocations').select(['id', 'amount']).where('charge_id', '=', chargeId).where('reversed_entry_id', 'is', null).execute();
  const concerning = { memberId: charge.memberId, unitId: charge.unitId, leaseId: charge.leaseId, chargeId };
  for (const a of allocations as { id: string; amount: number }[]) {
    const amount = Number(a.amount);
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
    await scope.db.updateTable('finance_allocations').set({ reversed_entry_id: released }).where('id', '=', a.id).execute();
  }
  const voidEntryId = await reverseEntry(scope, charge.entryId, date, `Void: ${reason}`, 'void', createdBy);
  const row = await scope.db
    .updateTable('finance_charges')
    .set({ status: 'void', void_entry_id: voidEntryId, allocated: 0, updated_at: new Date() })
    .where('id', '=', chargeId)
    .returning(chargeColumns)
    .executeTakeFirstOrThrow();
  const voided = toCharge(row);
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
  const row = await scope.db
    .updateTable('finance_charges')
    .set({ written_off: sql`written_off + ${writeOff}`, status: chargeStatus({ ...charge, writtenOff: charge.writtenOff + writeOff }), updated_at: new Date() })
    .where('id', '=', chargeId)
    .returning(chargeColumns)
    .executeTakeFirstOrThrow();
  const written = toCharge(row);
  await emit(scope, 'charge.written_off', { ...written, amountWrittenOff: writeOff, reason });
  return written;
}
