import { sql, type Kysely, type Selectable } from 'kysely';
import type { IsoDate } from '../../kernel/dates.js';
import type { KernelTables } from '../../kernel/db/kernel.tables.js';
import { tablesOf, type Db } from '../../kernel/db/tables.js';
import { newId } from '../../kernel/ids.js';
import { existingMembers, memberNames } from '../members/index.js';
import { existingUnits, unitLabels, type UnitOccupancy } from '../properties/index.js';
import type { CreateOccupancy, MemberUnit, Occupancy, OccupancyRole, Occupant } from './occupancy.schemas.js';
import type { OccupancyTables } from './occupancy.tables.js';

/** numeric(12, 9) comes back as "0.500000000": shown as "0.5". */
export function decimal(value: string): string {
  return value.includes('.') ? value.replace(/0+$/, '').replace(/\.$/, '') : value;
}

// The share as `decimal` shows it, trimmed in SQL so that rows come back as the API has them.
const columns = [
  'id',
  'unitId',
  'memberId',
  'role',
  'startDate',
  'endDate',
  sql<string | null>`trim_scale(ownership_share)::text`.as('ownershipShare'),
  'leaseId',
  'notes',
  'createdAt',
  'updatedAt',
] as const;

// Roles list in this order (owners first), not alphabetically.
const roleOrder = sql`array_position(ARRAY['owner', 'resident', 'renter', 'household']::text[], o.role)`;

/** In effect on `day`: begun by then and not ended before it. */
const inEffectOn = (day: IsoDate) => sql<boolean>`o.start_date <= ${day}::date AND (o.end_date IS NULL OR o.end_date >= ${day}::date)`;
/** Not ended before `day`: in effect or still to come. */
const notEndedBefore = (day: IsoDate) => sql<boolean>`(o.end_date IS NULL OR o.end_date >= ${day}::date)`;

/** What is stored of a new occupancy: the share as the decimal text the service checked. */
export type NewOccupancy = Omit<CreateOccupancy, 'ownershipShare'> & { ownershipShare?: string };

/** A lease's terms, as occupancy keeps them. */
export interface LeaseTerm {
  leaseId: string;
  unitId: string;
  renterIds: string[];
  startDate: IsoDate;
  /** Inclusive; null for a periodic lease. */
  endDate: IsoDate | null;
}

// What an occupancy event carries of a lease's occupancy.
const eventFields = ['id', 'unitId', 'memberId', 'role', 'startDate', 'endDate', 'leaseId'] as const;
export type LeaseOccupancyEvent = Pick<Selectable<OccupancyTables['occupancies']>, (typeof eventFields)[number]>;

export interface OccupancyPatch {
  startDate?: IsoDate;
  endDate?: IsoDate | null;
  ownershipShare?: string;
  notes?: string;
}

/** Occupancy SQL; runs inside the tenant transaction, so RLS scopes every statement. */
export class OccupancyRepository {
  private readonly db: Kysely<OccupancyTables & KernelTables>;

  /** `tenantDb` is the tenant transaction, for the members' and properties' read functions. */
  constructor(private readonly tenantDb: Db) {
    this.db = tablesOf(tenantDb);
  }

  /** The occupancy, locked until the transaction ends so that concurrent changes to it queue. */
  async lock(id: string): Promise<Occupancy | undefined> {
    return this.db.selectFrom('occupancies as o').select(columns).where('o.id', '=', id).forUpdate().executeTakeFirst();
  }

  async unitExists(id: string): Promise<boolean> {
    return (await existingUnits(this.tenantDb, [id])).has(id);
  }

  async memberExists(id: string): Promise<boolean> {
    return (await existingMembers(this.tenantDb, [id])).has(id);
  }

  /**
   * The unit's occupancies in effect on `day`, or all of them; with the members' names (from
   * the members module), owners first.
   */
  async listForUnit(unitId: string, day: IsoDate | null): Promise<Occupant[]> {
    let q = this.db.selectFrom('occupancies as o').select(columns).where('o.unitId', '=', unitId);
    if (day !== null) q = q.where(inEffectOn(day));
    const rows = await q.orderBy(roleOrder).orderBy('o.startDate').orderBy('o.id').execute();
    const members = await memberNames(this.tenantDb, rows.map((r) => r.memberId));
    return rows.flatMap((r) => {
      const member = members.get(r.memberId);
      return member ? [{ ...r, member }] : [];
    });
  }

  /**
   * The member's occupancies not ended before `day`, or all of them; with their units (from the
   * properties module, which gives them in label order), then owners first, earliest first.
   */
  async listForMember(memberId: string, notEndedBeforeDay: IsoDate | null): Promise<MemberUnit[]> {
    let q = this.db.selectFrom('occupancies as o').select(columns).where('o.memberId', '=', memberId);
    if (notEndedBeforeDay !== null) q = q.where(notEndedBefore(notEndedBeforeDay));
    const rows = await q.orderBy(roleOrder).orderBy('o.startDate').execute();
    const units = await unitLabels(this.tenantDb, rows.map((r) => r.unitId));
    const rank = new Map([...units.keys()].map((id, i) => [id, i]));
    return rows
      .filter((r) => units.has(r.unitId))
      .sort((a, b) => rank.get(a.unitId)! - rank.get(b.unitId)!)
      .map((r) => {
        const { label, propertyId } = units.get(r.unitId)!;
        return { ...r, unit: { id: r.unitId, label, propertyId } };
      });
  }

  /** Whether the member has an occupancy of the unit that has not ended before `day` (what admits a portal login to it). */
  async isAttached(unitId: string, memberId: string, day: IsoDate): Promise<boolean> {
    const row = await this.db
      .selectFrom('occupancies as o')
      .select('o.id')
      .where('o.unitId', '=', unitId)
      .where('o.memberId', '=', memberId)
      .where(notEndedBefore(day))
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  }

  /** An occupancy of the same member, unit and role sharing a day with [start, end] (end null: open-ended). */
  async overlapping(o: { unitId: string; memberId: string; role: OccupancyRole; startDate: IsoDate; endDate: IsoDate | null; exceptId?: string }): Promise<Occupancy | undefined> {
    let q = this.db
      .selectFrom('occupancies as o')
      .select(columns)
      .where('o.unitId', '=', o.unitId)
      .where('o.memberId', '=', o.memberId)
      .where('o.role', '=', o.role)
      .where(sql<boolean>`daterange(o.start_date, o.end_date, '[]') && daterange(${o.startDate}::date, ${o.endDate}::date, '[]')`);
    if (o.exceptId) q = q.where('o.id', '<>', o.exceptId);
    return q.orderBy('o.startDate').limit(1).executeTakeFirst();
  }

  /**
   * The first day of [start, end] on which the unit's owners' shares sum to more than 1, and
   * that sum. The sum only rises on a day an owner's occupancy begins, so those days (and
   * `start`) are the only ones to look at.
   */
  async overCommittedOwnership(unitId: string, start: IsoDate, end: IsoDate | null): Promise<{ day: IsoDate; total: string } | undefined> {
    const { rows } = await sql<{ day: IsoDate; total: string }>`
      WITH o AS (
        SELECT start_date, end_date, ownership_share FROM occupancies
         WHERE unit_id = ${unitId} AND role = 'owner' AND ownership_share IS NOT NULL
           AND daterange(start_date, end_date, '[]') && daterange(${start}::date, ${end}::date, '[]')
      )
      SELECT d.day, sum(o.ownership_share) AS total
        FROM (SELECT DISTINCT greatest(start_date, ${start}::date) AS day FROM o) d
        JOIN o ON o.start_date <= d.day AND (o.end_date IS NULL OR o.end_date >= d.day)
       GROUP BY d.day
      HAVING sum(o.ownership_share) > 1
       ORDER BY d.day
       LIMIT 1`.execute(this.db);
    return rows[0];
  }

  async insert(tenantId: string, unitId: string, input: NewOccupancy): Promise<Occupancy> {
    return this.db
      .insertInto('occupancies')
      .values({
        tenantId,
        id: newId(),
        unitId,
        memberId: input.memberId,
        role: input.role,
        startDate: input.startDate,
        endDate: input.endDate ?? null,
        ownershipShare: input.ownershipShare ?? null,
        notes: input.notes ?? '',
      })
      .returning(columns)
      .executeTakeFirstOrThrow();
  }

  async update(id: string, patch: OccupancyPatch): Promise<Occupancy> {
    // Kysely leaves out the fields that are undefined: the patch changes only what it names.
    const { startDate, endDate, ownershipShare, notes } = patch;
    return this.db
      .updateTable('occupancies')
      .set({ startDate, endDate, ownershipShare, notes, updatedAt: new Date() })
      .where('id', '=', id)
      .returning(columns)
      .executeTakeFirstOrThrow();
  }

  async delete(id: string): Promise<void> {
    await this.db.deleteFrom('occupancies').where('id', '=', id).execute();
  }

  // -------------------------------------------------------------------------------------------
  // Leases

  /** A renter's occupancy for a lease's dates; what an occupancy event carries of it. */
  async insertLeaseOccupancy(tenantId: string, lease: LeaseTerm, memberId: string): Promise<LeaseOccupancyEvent> {
    return this.db
      .insertInto('occupancies')
      .values({ tenantId, id: newId(), unitId: lease.unitId, memberId, role: 'renter', startDate: lease.startDate, endDate: lease.endDate, leaseId: lease.leaseId })
      .returning(eventFields)
      .executeTakeFirstOrThrow();
  }

  /** Removes the lease's occupancies that begin after `lastDay` and ends the others on it (those ending later or never). */
  async endLeaseOccupancies(leaseId: string, lastDay: IsoDate): Promise<{ removed: LeaseOccupancyEvent[]; ended: LeaseOccupancyEvent[] }> {
    const removed = await this.db.deleteFrom('occupancies').where('leaseId', '=', leaseId).where('startDate', '>', lastDay).returning(eventFields).execute();
    const ended = await this.db
      .updateTable('occupancies')
      .set({ endDate: lastDay, updatedAt: sql`now()` })
      .where('leaseId', '=', leaseId)
      .where((eb) => eb.or([eb('endDate', 'is', null), eb('endDate', '>', lastDay)]))
      .returning(eventFields)
      .execute();
    return { removed, ended };
  }

  // -------------------------------------------------------------------------------------------
  // Units' status

  /** Every unit that has ever had an occupant. */
  async occupiedUnits(): Promise<string[]> {
    return (await this.db.selectFrom('occupancies').select('unitId').distinct().execute()).map((r) => r.unitId);
  }

  /**
   * Each unit's status on `today`: owner-occupied when an owner also lives there as a resident,
   * occupied when anyone else lives there (a resident, renter or household member), vacant
   * otherwise; with its members whose occupancy has not ended before `today` (current or coming).
   */
  async unitStatuses(unitIds: string[], today: IsoDate): Promise<UnitOccupancy[]> {
    const { rows } = await sql<UnitOccupancy>`
      WITH target AS (
        SELECT unnest(${unitIds}::uuid[]) AS unit_id
      ), live AS (
        SELECT o.unit_id, o.member_id, o.role, o.start_date <= ${today}::date AS current
          FROM occupancies o JOIN target t ON t.unit_id = o.unit_id
         WHERE o.end_date IS NULL OR o.end_date >= ${today}::date
      )
      SELECT t.unit_id,
             CASE
               WHEN EXISTS (SELECT 1 FROM live r JOIN live w ON w.unit_id = r.unit_id AND w.member_id = r.member_id
                             WHERE r.unit_id = t.unit_id AND r.current AND r.role = 'resident' AND w.current AND w.role = 'owner')
                 THEN 'owner-occupied'
               WHEN EXISTS (SELECT 1 FROM live l WHERE l.unit_id = t.unit_id AND l.current AND l.role IN ('resident', 'renter', 'household'))
                 THEN 'occupied'
               ELSE 'vacant'
             END AS status,
             coalesce((SELECT array_agg(DISTINCT l.member_id) FROM live l WHERE l.unit_id = t.unit_id), '{}') AS member_ids
        FROM target t`.execute(this.db);
    return rows;
  }

  /**
   * Serialises the writes that change a unit's owners, so that two owners added at once cannot
   * each see room for their share and together overshoot 1.
   */
  async lockOwnership(tenantId: string, unitId: string): Promise<void> {
    await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`occupancy.owners:${tenantId}:${unitId}`}, 0))`.execute(this.db);
  }

  /**
   * Serialises the writes of one member's stays in one unit and role. Without it two inserts
   * racing each find the other's uncommitted row while checking the exclusion constraint, wait
   * on each other, and PostgreSQL aborts one as a deadlock; with it the second waits, then sees
   * the first's row and is refused with the overlap named.
   */
  async lockStay(tenantId: string, unitId: string, memberId: string, role: OccupancyRole): Promise<void> {
    await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`occupancy.stay:${tenantId}:${unitId}:${memberId}:${role}`}, 0))`.execute(this.db);
  }
}
