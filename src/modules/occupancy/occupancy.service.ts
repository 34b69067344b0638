import { readScope, type TenantContext } from '../../kernel/context.js';
import { todayIn, type IsoDate } from '../../kernel/dates.js';
import { violates } from '../../kernel/db/constraints.js';
import { AppError, fieldError, notFound } from '../../kernel/errors.js';
import { occupancyErrors } from './occupancy.errors.js';
import { emit } from '../../kernel/events/outbox.js';
import { decimal, OccupancyRepository } from './occupancy.repository.js';
import { SHARE_PATTERN, type CreateOccupancy, type MemberUnits, type MemberUnitsQuery, type Occupancy, type OccupancyRole, type OccupantsQuery, type Ownership, type UnitOccupants, type UpdateOccupancy } from './occupancy.schemas.js';
import { refreshUnits } from './occupancy.status.js';

// Tenants have no time zone yet: a day is a UTC day, as in the daily refresh.
// Statuses and "current" follow the tenant's calendar.
const today = (ctx: TenantContext): IsoDate => todayIn(ctx.tenant.timeZone);

/** The same data for every occupancy event, whoever emits it (this service or a lease). */
const eventOf = (o: Occupancy) => ({ id: o.id, unitId: o.unitId, memberId: o.memberId, role: o.role, startDate: o.startDate, endDate: o.endDate, leaseId: o.leaseId });

const inEffectOn = (o: Occupancy, day: IsoDate) => o.startDate <= day && (o.endDate === null || o.endDate >= day);

const ROLE_NOUNS: Record<OccupancyRole, string> = { owner: 'an owner', resident: 'a resident', renter: 'a renter', household: 'a household member' };
const rangeOf = (o: { startDate: IsoDate; endDate: IsoDate | null }) => (o.endDate ? `from ${o.startDate} to ${o.endDate}` : `from ${o.startDate}, open-ended`);

// Shares have 9 decimals (numeric(12, 9)): summed as integers of 1e-9, exactly.
const NANO = 1_000_000_000n;
const nanos = (share: string): bigint => {
  const [whole = '0', fraction = ''] = share.split('.');
  return BigInt(whole) * NANO + BigInt(fraction.padEnd(9, '0').slice(0, 9));
};
const fromNanos = (n: bigint): string => decimal(`${n / NANO}.${(n % NANO).toString().padStart(9, '0')}`);

function ownershipOn(occupancies: Occupancy[], day: IsoDate): Ownership {
  const owners = occupancies
    .filter((o) => o.role === 'owner' && o.ownershipShare !== null && inEffectOn(o, day))
    .map((o) => ({ occupancyId: o.id, memberId: o.memberId, ownershipShare: o.ownershipShare! }));
  const total = owners.reduce((sum, o) => sum + nanos(o.ownershipShare), 0n);
  return { owners, total: fromNanos(total), balanced: total === NANO };
}

/** Staff notes stay with staff: a portal member's answers leave them out. */
const withoutNotes = <T extends Occupancy>({ notes: _notes, ...rest }: T): Omit<T, 'notes'> => rest;

const managedByLease = (o: Occupancy) =>
  new AppError(occupancyErrors.managed_by_lease, 'This occupancy was made by a lease, which manages it: change, terminate or end the lease instead', { leaseId: o.leaseId });

const SHARE = new RegExp(SHARE_PATTERN);
/** The body with its share as the decimal string the database keeps; a JSON number is read as JSON wrote it. */
function withShareText<T extends { ownershipShare?: string | number }>(body: T): Omit<T, 'ownershipShare'> & { ownershipShare?: string } {
  const { ownershipShare: share, ...rest } = body;
  if (typeof share !== 'number') return { ...rest, ...(share !== undefined ? { ownershipShare: share } : {}) };
  if (!SHARE.test(String(share))) throw fieldError('ownershipShare', 'must be a decimal fraction of the unit in (0, 1] with up to 9 decimals');
  return { ...rest, ownershipShare: String(share) };
}

function checkShare(role: OccupancyRole, share: string | undefined): void {
  if (role === 'owner' && share === undefined) throw fieldError('ownershipShare', 'is required for an owner: their share of the unit, e.g. "1" or "0.5"');
  if (role !== 'owner' && share !== undefined) throw fieldError('ownershipShare', 'only owners have a share of the unit');
  if (share !== undefined && nanos(share) === 0n) throw fieldError('ownershipShare', 'must be more than 0');
}

function checkDates(startDate: IsoDate, endDate: IsoDate | null): void {
  if (endDate !== null && endDate < startDate) throw fieldError('endDate', `must be on or after the start date (${startDate})`);
}

/**
 * Refuses a stay that overlaps one of the same member, unit and role, naming it. The exclusion
 * constraint is what decides (two requests racing both pass this look); this only explains.
 */
async function refuseOverlap(repo: OccupancyRepository, o: { unitId: string; memberId: string; role: OccupancyRole; startDate: IsoDate; endDate: IsoDate | null; exceptId?: string }) {
  const other = await repo.overlapping(o);
  if (!other) return;
  const message = `This member is already ${ROLE_NOUNS[o.role]} of this unit ${rangeOf(other)}: the dates of one role cannot overlap`;
  throw new AppError(occupancyErrors.overlap, message, { errors: [{ field: 'startDate', message: `overlaps occupancy ${other.id} (${rangeOf(other)})` }], occupancyId: other.id });
}

/** The database's refusals a request can cause, as clear errors. */
function writeError(error: unknown, role: OccupancyRole): unknown {
  if (violates(error, 'occupancies_no_overlap')) {
    const message = `This member is already ${ROLE_NOUNS[role]} of this unit on some of these dates: the dates of one role cannot overlap`;
    return new AppError(occupancyErrors.overlap, message, { errors: [{ field: 'startDate', message: 'overlaps another occupancy of this member in the same role' }] });
  }
  if (violates(error, 'occupancies_tenant_id_unit_id_fkey')) return notFound('The unit');
  if (violates(error, 'occupancies_tenant_id_member_id_fkey')) return notFound('The member');
  return error;
}

/** Refuses the write (rolling it back) if it leaves the unit's owners holding more than all of it on some day. */
async function checkOwnership(repo: OccupancyRepository, o: Occupancy): Promise<void> {
  const over = await repo.overCommittedOwnership(o.unitId, o.startDate, o.endDate);
  if (!over) return;
  const total = decimal(over.total);
  const message = `The owners' shares of this unit would total ${total} on ${over.day}; together they may hold at most 1`;
  throw new AppError(occupancyErrors.shares_exceed_whole, message, { errors: [{ field: 'ownershipShare', message: `would make the owners' shares total ${total} on ${over.day}` }] });
}

export async function listOccupants(ctx: TenantContext, unitId: string, query: OccupantsQuery): Promise<UnitOccupants> {
  const day = query.date ?? today(ctx);
  const scope = readScope(ctx, 'occupancy.read');
  const repo = new OccupancyRepository(ctx.db);
  // A unit the member is not attached to answers as one that does not exist.
  if (scope && !(await repo.isAttached(unitId, scope.memberId, today(ctx)))) throw notFound('The unit');
  if (!(await repo.unitExists(unitId))) throw notFound('The unit');
  const data = await repo.listForUnit(unitId, query.history ? null : day);
  return { unitId, date: day, data: scope ? data.map(withoutNotes) : data, ownership: ownershipOn(data, day) };
}

export async function createOccupancy(ctx: TenantContext, unitId: string, body: CreateOccupancy): Promise<Occupancy> {
  const input = withShareText(body);
  checkShare(input.role, input.ownershipShare);
  checkDates(input.startDate, input.endDate ?? null);
  const repo = new OccupancyRepository(ctx.db);
  if (input.role === 'owner') await repo.lockOwnership(ctx.tenant.id, unitId);
  await repo.lockStay(ctx.tenant.id, unitId, input.memberId, input.role);
  await refuseOverlap(repo, { unitId, memberId: input.memberId, role: input.role, startDate: input.startDate, endDate: input.endDate ?? null });
  let created: Occupancy;
  try {
    created = await repo.insert(ctx.tenant.id, unitId, input);
  } catch (error) {
    throw writeError(error, input.role);
  }
  if (created.role === 'owner') await checkOwnership(repo, created);
  await emit(ctx, 'occupancy.created', eventOf(created));
  await refreshUnits(ctx, [unitId], today(ctx));
  return created;
}

export async function updateOccupancy(ctx: TenantContext, id: string, body: UpdateOccupancy): Promise<Occupancy> {
  const patch = withShareText(body);
  const repo = new OccupancyRepository(ctx.db);
  const current = await repo.lock(id);
  if (!current) throw notFound('The occupancy');
  if (current.leaseId) throw managedByLease(current);
  const day = today(ctx);
  if (patch.startDate !== undefined && patch.startDate !== current.startDate && current.startDate <= day) {
    throw new AppError(occupancyErrors.start_date_fixed, `The occupancy began on ${current.startDate}, so its start date stays: end it (PATCH endDate) and add a new occupancy instead`, {
      errors: [{ field: 'startDate', message: 'cannot change once the occupancy has begun' }],
    });
  }
  if (patch.ownershipShare !== undefined) {
    if (current.role !== 'owner') throw fieldError('ownershipShare', 'only owners have a share of the unit');
    checkShare('owner', patch.ownershipShare);
  }
  const startDate = patch.startDate ?? current.startDate;
  const endDate = patch.endDate !== undefined ? patch.endDate : current.endDate;
  checkDates(startDate, endDate);
  const datesChange = startDate !== current.startDate || endDate !== current.endDate;
  const ownersMayGrow = current.role === 'owner' && (datesChange || patch.ownershipShare !== undefined);
  if (ownersMayGrow) await repo.lockOwnership(ctx.tenant.id, current.unitId);
  if (datesChange) {
    await repo.lockStay(ctx.tenant.id, current.unitId, current.memberId, current.role);
    await refuseOverlap(repo, { ...current, startDate, endDate, exceptId: id });
  }
  let updated: Occupancy;
  try {
    updated = await repo.update(id, patch);
  } catch (error) {
    throw writeError(error, current.role);
  }
  if (ownersMayGrow) await checkOwnership(repo, updated);
  const ended = endDate !== null && (current.endDate === null || endDate < current.endDate);
  await emit(ctx, ended ? 'occupancy.ended' : 'occupancy.updated', eventOf(updated));
  await refreshUnits(ctx, [updated.unitId], day);
  return updated;
}

/** Removes an occupancy recorded by mistake; one that really ended gets an end date instead. */
export async function deleteOccupancy(ctx: TenantContext, id: string): Promise<void> {
  const repo = new OccupancyRepository(ctx.db);
  const occupancy = await repo.lock(id);
  if (!occupancy) throw notFound('The occupancy');
  if (occupancy.leaseId) throw managedByLease(occupancy);
  await repo.delete(id);
  await emit(ctx, 'occupancy.deleted', eventOf(occupancy));
  await refreshUnits(ctx, [occupancy.unitId], today(ctx));
}

export async function listMemberUnits(ctx: TenantContext, memberId: string, query: MemberUnitsQuery): Promise<MemberUnits> {
  const scope = readScope(ctx, 'occupancy.read');
  // Another member's units answer as a member that does not exist.
  if (scope && scope.memberId !== memberId) throw notFound('The member');
  const repo = new OccupancyRepository(ctx.db);
  if (!(await repo.memberExists(memberId))) throw notFound('The member');
  const all = query.history || !query.current;
  const data = await repo.listForMember(memberId, all ? null : today(ctx));
  return { memberId, data: scope ? data.map(withoutNotes) : data };
}
