import { readScope, type TenantContext, type TenantScope } from '../../kernel/context.js';
import { addDays, daysBetween, todayIn, type IsoDate } from '../../kernel/dates.js';
import { violates } from '../../kernel/db/constraints.js';
import { AppError, fieldError, notFound, type FieldError } from '../../kernel/errors.js';
import { leasesErrors } from './leases.errors.js';
import { emit } from '../../kernel/events/outbox.js';
import { decodeCursor, pageOf } from '../../kernel/http/pagination.js';
import { safeTotal } from '../../kernel/money.js';
import { addLeaseOccupancies, endLeaseOccupancies } from '../occupancy/index.js';
import { LeasesRepository, type LeaseChanges, type LeaseTerms } from './leases.repository.js';
import { defaultDueDay, isCurrency, monthlyEquivalent, notAllowed, renewedEnd } from './leases.rules.js';
import type { CreateLease, Lease, ListLeasesQuery, RenewLease, RentRoll, RentRollQuery, RentRollTotal, TerminateLease, UpdateLease } from './leases.schemas.js';

const cursorOf = (sort: string) => (l: Lease) => (sort.endsWith('startDate') ? [l.startDate, l.id] : [l.id]);

export async function listLeases(ctx: TenantContext, query: ListLeasesQuery & { limit: number }) {
  const sort = query.sort ?? '-startDate';
  const after = sort.endsWith('startDate') ? decodeCursor(query.cursor, ['date', 'uuid']) : decodeCursor(query.cursor, ['uuid']);
  const rows = await new LeasesRepository(ctx.db).list(query, after, readScope(ctx, 'leases.read'), todayIn(ctx.tenant.timeZone));
  return pageOf(rows, query.limit, cursorOf(sort));
}

/** One lease; a portal member gets 404 for any lease they do not rent under, as if it did not exist. */
export async function getLease(ctx: TenantContext, id: string): Promise<Lease> {
  const lease = await new LeasesRepository(ctx.db).find(id, readScope(ctx, 'leases.read'));
  if (!lease) throw notFound('The lease');
  return lease;
}

/** Refuses terms that the schema cannot judge alone, naming every bad field at once. */
function checkTerms(terms: LeaseTerms): void {
  const errors: FieldError[] = [];
  if (terms.endDate !== null && terms.endDate < terms.startDate) {
    errors.push({ field: 'endDate', message: `must not be before the start date ${terms.startDate}` });
  }
  if (terms.frequency === 'weekly' && terms.dueDay > 7) errors.push({ field: 'dueDay', message: 'must be 1–7 (Monday–Sunday) for weekly rent' });
  if (!isCurrency(terms.currency)) errors.push({ field: 'rent.currency', message: 'is not an ISO 4217 currency code' });
  if (errors.length > 0) throw new AppError('validation_failed', 'The lease has invalid fields', { errors });
}

/** Turns a reference to a unit the tenant does not have into a 404 that says so. */
async function referencingUnit<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (violates(error, 'leases_unit_fkey')) {
      throw new AppError('not_found', 'The unit was not found', { errors: [{ field: 'unitId', message: 'is not a unit of this tenant' }] });
    }
    throw error;
  }
}

/**
 * Makes `memberIds` the lease's renters. The foreign key is the check that each is a member;
 * one row per statement, because PostgreSQL hides the missing key of a table under row-level
 * security, and the 404 should say which member it is.
 */
async function setRenters(ctx: TenantContext, repo: LeasesRepository, leaseId: string, memberIds: string[]): Promise<void> {
  await repo.clearRenters(leaseId);
  for (const [position, memberId] of memberIds.entries()) {
    try {
      await repo.addRenter(ctx.tenant.id, leaseId, memberId, position);
    } catch (error) {
      if (violates(error, 'lease_renters_member_fkey')) {
        throw new AppError('not_found', `The member ${memberId} was not found`, { errors: [{ field: 'renterIds', message: `${memberId} is not a member of this tenant` }] });
      }
      throw error;
    }
  }
}

export async function createLease(ctx: TenantContext, input: CreateLease): Promise<Lease> {
  const frequency = input.frequency ?? 'monthly';
  const terms: LeaseTerms = {
    unitId: input.unitId,
    startDate: input.startDate,
    endDate: input.endDate ?? null,
    rentAmount: input.rent.amount,
    currency: input.rent.currency,
    frequency,
    dueDay: input.dueDay ?? defaultDueDay(frequency, input.startDate),
    deposit: input.deposit ?? 0,
    notes: input.notes ?? '',
    previousLeaseId: null,
  };
  checkTerms(terms);
  const repo = new LeasesRepository(ctx.db);
  const id = await referencingUnit(() => repo.insert(ctx.tenant.id, terms));
  await setRenters(ctx, repo, id, input.renterIds);
  const lease = (await repo.find(id))!;
  await emit(ctx, 'lease.created', lease);
  return lease;
}

const TERM_FIELDS = ['unitId', 'renterIds', 'startDate', 'endDate', 'rent', 'frequency', 'dueDay', 'deposit'] as const;

/**
 * A draft changes freely. Once activated, a lease's terms are what was agreed and what the
 * unit's occupancy follows: only its notes change; new terms are a renewal, an earlier end a
 * termination.
 */
export async function updateLease(ctx: TenantContext, id: string, patch: UpdateLease): Promise<Lease> {
  const repo = new LeasesRepository(ctx.db);
  const lease = await repo.lock(id);
  if (!lease) throw notFound('The lease');
  const changed = Object.keys(patch);
  const terms = TERM_FIELDS.filter((f) => patch[f] !== undefined);
  if (terms.length > 0 && lease.status !== 'draft') {
    throw new AppError(leasesErrors.terms_frozen, `The lease is ${lease.status}: only its notes can change (${terms.join(', ')} cannot). Terminate it to end it earlier, renew it to change its terms.`, {
      currentStatus: lease.status,
      fields: terms,
    });
  }
  const set: LeaseChanges = {};
  if (patch.notes !== undefined) set.notes = patch.notes;
  if (terms.length > 0) {
    const merged: LeaseTerms = {
      unitId: patch.unitId ?? lease.unitId,
      startDate: patch.startDate ?? lease.startDate,
      endDate: patch.endDate !== undefined ? patch.endDate : lease.endDate,
      rentAmount: patch.rent?.amount ?? lease.rent.amount,
      currency: patch.rent?.currency ?? lease.rent.currency,
      frequency: patch.frequency ?? lease.frequency,
      dueDay: patch.dueDay ?? lease.dueDay,
      deposit: patch.deposit ?? lease.deposit,
      notes: lease.notes,
      previousLeaseId: lease.previousLeaseId,
    };
    checkTerms(merged);
    Object.assign(set, {
      unitId: merged.unitId,
      startDate: merged.startDate,
      endDate: merged.endDate,
      rentAmount: merged.rentAmount,
      currency: merged.currency,
      frequency: merged.frequency,
      dueDay: merged.dueDay,
      depositAmount: merged.deposit,
    });
  }
  await referencingUnit(() => repo.update(id, set));
  if (patch.renterIds) await setRenters(ctx, repo, id, patch.renterIds);
  const updated = (await repo.find(id))!;
  await emit(ctx, 'lease.updated', { ...updated, changed });
  return updated;
}

const period = (l: Pick<Lease, 'startDate' | 'endDate'>) => `from ${l.startDate} ${l.endDate === null ? 'with no end date (periodic)' : `to ${l.endDate}`}`;

/**
 * draft → active: the lease takes the unit for its dates and its renters become the unit's
 * renters. The exclusion constraint leases_no_overlap is what refuses a second lease of the
 * unit, however activations race; the look-up before it only names the lease in the way (a
 * failed statement aborts the transaction, so nothing can be looked up after it). A lease
 * whose end date has already passed (entered after the fact) goes straight to ended.
 */
export async function activateLease(ctx: TenantContext, id: string, now = new Date()): Promise<Lease> {
  const repo = new LeasesRepository(ctx.db);
  const lease = await repo.lock(id);
  if (!lease) throw notFound('The lease');
  if (lease.status !== 'draft') throw notAllowed(lease, 'activated');
  const taken = await repo.overlapping(lease);
  if (taken) {
    throw new AppError(leasesErrors.unit_already_let, `The unit is already let ${period(taken)} (lease ${taken.id}), which overlaps this lease’s dates`, { conflictingLeaseId: taken.id });
  }
  const over = lease.endDate !== null && lease.endDate < todayIn(ctx.tenant.timeZone, now);
  try {
    await repo.update(id, { status: over ? 'ended' : 'active', activatedAt: now });
  } catch (error) {
    if (violates(error, 'leases_no_overlap')) {
      throw new AppError(leasesErrors.unit_already_let, `The unit is already let on some of the dates ${period(lease)}: another lease of the unit was activated for them at the same time`);
    }
    throw error;
  }
  await addLeaseOccupancies(ctx, { leaseId: id, unitId: lease.unitId, renterIds: lease.renterIds, startDate: lease.startDate, endDate: lease.endDate }, now);
  const activated = (await repo.find(id))!;
  await emit(ctx, 'lease.activated', activated);
  if (over) await emit(ctx, 'lease.ended', activated);
  return activated;
}

/**
 * Ends a tenancy on `date`, its last day. A draft is cancelled (it never held the unit). An
 * active or ending lease: on a future date it is `ending` until then, today or earlier it is
 * `terminated` now, and so is one ended before it began (the day before its start). The
 * renters' occupancies are cut to the date.
 */
export async function terminateLease(ctx: TenantContext, id: string, input: TerminateLease, now = new Date()): Promise<Lease> {
  const repo = new LeasesRepository(ctx.db);
  const lease = await repo.lock(id);
  if (!lease) throw notFound('The lease');
  const reason = input.reason ?? null;
  if (lease.status === 'draft') {
    await repo.update(id, { status: 'terminated', terminatedAt: now, terminationReason: reason });
  } else if (lease.status === 'active' || lease.status === 'ending') {
    const today = todayIn(ctx.tenant.timeZone, now);
    const date = input.date ?? today;
    const earliest = addDays(lease.startDate, -1);
    if (date < earliest) throw fieldError('date', `must not be before ${earliest}, the day before the lease starts`);
    if (lease.endDate !== null && date > lease.endDate) throw fieldError('date', `must not be after the lease’s end date ${lease.endDate}: renew the lease to extend it`);
    const status = date > today && date >= lease.startDate ? 'ending' : 'terminated';
    await repo.update(id, { status, endDate: date, terminatedAt: now, terminationReason: reason });
    await endLeaseOccupancies(ctx, id, date, now);
  } else {
    throw notAllowed(lease, 'terminated');
  }
  const terminated = (await repo.find(id))!;
  await emit(ctx, 'lease.terminated', terminated);
  return terminated;
}

/**
 * A successor lease (a draft) that continues `id` from the day after its end, on the same
 * terms unless given. One per lease: the lock on the predecessor orders concurrent renewals,
 * and the unique index leases_one_successor backs it.
 */
export async function renewLease(ctx: TenantContext, id: string, input: RenewLease): Promise<Lease> {
  const repo = new LeasesRepository(ctx.db);
  const lease = await repo.lock(id);
  if (!lease) throw notFound('The lease');
  if (lease.status !== 'active' && lease.status !== 'ending') throw notAllowed(lease, 'renewed');
  if (lease.endDate === null) {
    throw new AppError(leasesErrors.periodic_not_renewable, 'The lease is periodic (it has no end date): it renews itself each period. Change its terms by terminating it and drafting a new lease.', { currentStatus: lease.status });
  }
  if (lease.successorId) throw new AppError(leasesErrors.already_renewed, `The lease was already renewed: its successor is lease ${lease.successorId}`, { successorId: lease.successorId });
  const startDate = input.startDate ?? addDays(lease.endDate, 1);
  if (startDate <= lease.endDate) throw fieldError('startDate', `must be after ${lease.endDate}, the end of the lease it renews`);
  const frequency = input.frequency ?? lease.frequency;
  const terms: LeaseTerms = {
    unitId: lease.unitId,
    startDate,
    endDate: input.endDate !== undefined ? input.endDate : renewedEnd({ startDate: lease.startDate, endDate: lease.endDate }, startDate),
    rentAmount: input.rent?.amount ?? lease.rent.amount,
    currency: input.rent?.currency ?? lease.rent.currency,
    frequency,
    // A due day that suited another frequency does not carry over.
    dueDay: input.dueDay ?? (frequency === lease.frequency ? lease.dueDay : defaultDueDay(frequency, startDate)),
    deposit: input.deposit ?? lease.deposit,
    notes: '',
    previousLeaseId: lease.id,
  };
  checkTerms(terms);
  let successorId: string;
  try {
    successorId = await repo.insert(ctx.tenant.id, terms);
  } catch (error) {
    if (violates(error, 'leases_one_successor')) throw new AppError(leasesErrors.already_renewed, 'The lease was already renewed');
    throw error;
  }
  await setRenters(ctx, repo, successorId, input.renterIds ?? lease.renterIds);
  const successor = (await repo.find(successorId))!;
  await emit(ctx, 'lease.created', successor);
  await emit(ctx, 'lease.renewed', { id: lease.id, successorId });
  return successor;
}

/**
 * What the daily job does for a tenant on `now` (today in the tenant's zone): leases past their end date end, and leases
 * ending within 60 and 30 days are announced (lease.expiring), each notice once however often
 * it runs: the notice's row, inserted or not, decides whether to emit.
 */
export async function runDaily(scope: TenantScope, now: Date): Promise<{ ended: number; notices: number }> {
  const today = todayIn(scope.tenant.timeZone, now);
  const repo = new LeasesRepository(scope.db);
  const ended = await repo.endPast(today);
  for (const lease of ended) await emit(scope, 'lease.ended', lease);
  const notices = await repo.recordNotices(today);
  for (const { lease, daysBefore } of notices) {
    await emit(scope, 'lease.expiring', {
      id: lease.id,
      unitId: lease.unitId,
      renterIds: lease.renterIds,
      endDate: lease.endDate,
      daysBefore,
      daysLeft: daysBetween(today, lease.endDate!),
      // Renewed already: a subscriber prompting a renewal can tell, and stay quiet.
      successorId: lease.successorId,
    });
  }
  return { ended: ended.length, notices: notices.length };
}

/** Every unit let on a date, its rent as agreed and per month, with totals per currency. */
export async function rentRoll(ctx: TenantContext, query: RentRollQuery): Promise<RentRoll> {
  const date: IsoDate = query.date ?? todayIn(ctx.tenant.timeZone);
  const lines = await new LeasesRepository(ctx.db).rentRoll(date, query.propertyId ?? null);
  const rows = lines.map((l) => ({
    unitId: l.unitId,
    unitLabel: l.unitLabel,
    propertyId: l.propertyId,
    propertyName: l.propertyName,
    leaseId: l.leaseId,
    renters: l.renterIds.map((id, i) => ({ id, name: l.renterNames[i]! })),
    rent: { amount: Number(l.rentAmount), currency: l.currency },
    frequency: l.frequency,
    monthlyRent: monthlyEquivalent(Number(l.rentAmount), l.frequency),
    deposit: Number(l.depositAmount),
    startDate: l.startDate,
    endDate: l.endDate,
    status: l.status,
  }));
  // Totals add the rows' rounded amounts, so that they agree with the rows a reader sums;
  // exactly, and refused past 2^53 − 1 (no cap bounds a sum of many leases' rents).
  const totals = new Map<string, { units: number; monthlyRent: bigint; deposit: bigint }>();
  for (const r of rows) {
    const t = totals.get(r.rent.currency) ?? { units: 0, monthlyRent: 0n, deposit: 0n };
    totals.set(r.rent.currency, { units: t.units + 1, monthlyRent: t.monthlyRent + BigInt(r.monthlyRent), deposit: t.deposit + BigInt(r.deposit) });
  }
  const total = ([currency, t]: [string, { units: number; monthlyRent: bigint; deposit: bigint }]): RentRollTotal => ({
    currency,
    units: t.units,
    monthlyRent: safeTotal(t.monthlyRent, `${currency} monthly rent of the rent roll`),
    deposit: safeTotal(t.deposit, `${currency} deposits of the rent roll`),
  });
  return { date, propertyId: query.propertyId ?? null, rows, totals: [...totals].map(total).sort((a, b) => a.currency.localeCompare(b.currency)) };
}
