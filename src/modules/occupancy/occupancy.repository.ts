import { sql, type Kysely } from 'kysely';
import type { AnyDB } from '../../kernel/db/database.js';
import type { IsoDate } from '../../kernel/dates.js';
import { newId } from '../../kernel/ids.js';
import type { CreateOccupancy, MemberUnit, Occupancy, OccupancyRole, Occupant } from './occupancy.schemas.js';

interface OccupancyRow {
  id: string;
  unit_id: string;
  member_id: string;
  role: OccupancyRole;
  start_date: string;
  end_date: string | null;
  ownership_share: string | null;
  lease_id: string | null;
  notes: string;
  created_at: Date;
  updated_at: Date;
}

const fields = ['id', 'unit_id', 'member_id', 'role', 'start_date', 'end_date', 'ownership_share', 'lease_id', 'notes', 'created_at', 'updated_at'] as const;
const columns = fields.map((f) => `o.${f}` as const);

/** numeric(12, 9) comes back as "0.500000000": shown as "0.5". */
export function decimal(value: string): string {
  return value.includes('.') ? value.replace(/0+$/, '').replace(/\.$/, '') : value;
}

const toOccupancy = (r: OccupancyRow): Occupancy => ({
  id: r.id,
  unitId: r.unit_id,
  memberId: r.member_id,
  role: r.role,
  startDate: r.start_date,
  endDate: r.end_date,
  ownershipShare: r.ownership_share === null ? null : decimal(r.ownership_share),
  leaseId: r.lease_id,
  notes: r.notes,
  createdAt: r.created_at as unknown as string,
  updatedAt: r.updated_at as unknown as string,
});

// Roles list in this order (owners first), not alphabetically.
const roleOrder = sql`array_position(ARRAY['owner', 'resident', 'renter', 'household']::text[], o.role)`;

/** In effect on `day`: begun by then and not ended before it. */
const inEffectOn = (day: IsoDate) => sql<boolean>`o.start_date <= ${day}::date AND (o.end_date IS NULL OR o.end_date >= ${day}::date)`;
/** Not ended before `day`: in effect or still to come. */
const notEndedBefore = (day: IsoDate) => sql<boolean>`(o.end_date IS NULL OR o.end_date >= ${day}::date)`;

export interface OccupancyPatch {
  startDate?: IsoDate;
  endDate?: IsoDate | null;
  ownershipShare?: string;
  notes?: string;
}

/** Occupancy SQL; runs inside the tenant transaction, so RLS scopes every statement. */
export class OccupancyRepository {
  constructor(private readonly db: Kysely<AnyDB>) {}

  /** The occupancy, locked until the transaction ends so that concurrent changes to it queue. */
  async lock(id: string): Promise<Occupancy | undefined> {
    const row = await this.db.selectFrom('occupancies as o').select(columns).where('o.id', '=', id).forUpdate().executeTakeFirst();
    return row && toOccupancy(row);
  }

  /** The unit as the occupancy module needs it (its label and property), from the properties module's table. */
  async findUnit(id: string): Promise<{ id: string; label: string; propertyId: string } | undefined> {
    const row = await this.db.selectFrom('units').select(['id', 'label', 'property_id']).where('id', '=', id).executeTakeFirst();
    return row && { id: row.id, label: row.label, propertyId: row.property_id };
  }

  async memberExists(id: string): Promise<boolean> {
    return (await this.db.selectFrom('members').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
  }

  /** The unit's occupancies in effect on `day`, or all of them; with the members' names. */
  async listForUnit(unitId: string, day: IsoDate | null): Promise<Occupant[]> {
    let q = this.db
      .selectFrom('occupancies as o')
      .innerJoin('members as m', 'm.id', 'o.member_id')
      .select([...columns, 'm.first_name', 'm.last_name'])
      .where('o.unit_id', '=', unitId);
    if (day !== null) q = q.where(inEffectOn(day));
    const rows = await q.orderBy(roleOrder).orderBy('o.start_date').orderBy('o.id').execute();
    return rows.map((r: OccupancyRow & { first_name: string; last_name: string }) => ({ ...toOccupancy(r), member: { firstName: r.first_name, lastName: r.last_name } }));
  }

  /** The member's occupancies not ended before `day`, or all of them; with their units. */
  async listForMember(memberId: string, notEndedBeforeDay: IsoDate | null): Promise<MemberUnit[]> {
    let q = this.db
      .selectFrom('occupancies as o')
      .innerJoin('units as u', 'u.id', 'o.unit_id')
      .select([...columns, 'u.label', 'u.property_id'])
      .where('o.member_id', '=', memberId);
    if (notEndedBeforeDay !== null) q = q.where(notEndedBefore(notEndedBeforeDay));
    const rows = await q.orderBy('u.label').orderBy('u.id').orderBy(roleOrder).orderBy('o.start_date').execute();
    return rows.map((r: OccupancyRow & { label: string; property_id: string }) => ({ ...toOccupancy(r), unit: { id: r.unit_id, label: r.label, propertyId: r.property_id } }));
  }

  /** Whether the member has an occupancy of the unit that has not ended before `day` (what admits a portal login to it). */
  async isAttached(unitId: string, memberId: string, day: IsoDate): Promise<boolean> {
    const row = await this.db
      .selectFrom('occupancies as o')
      .select('o.id')
      .where('o.unit_id', '=', unitId)
      .where('o.member_id', '=', memberId)
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
      .where('o.unit_id', '=', o.unitId)
      .where('o.member_id', '=', o.memberId)
      .where('o.role', '=', o.role)
      .where(sql<boolean>`daterange(o.start_date, o.end_date, '[]') && daterange(${o.startDate}::date, ${o.endDate}::date, '[]')`);
    if (o.exceptId) q = q.where('o.id', '<>', o.exceptId);
    const row = await q.orderBy('o.start_date').limit(1).executeTakeFirst();
    return row && toOccupancy(row);
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

  async insert(tenantId: string, unitId: string, input: CreateOccupancy): Promise<Occupancy> {
    const row = await this.db
      .insertInto('occupancies')
      .values({
        tenant_id: tenantId,
        id: newId(),
        unit_id: unitId,
        member_id: input.memberId,
        role: input.role,
        start_date: input.startDate,
        end_date: input.endDate ?? null,
        ownership_share: input.ownershipShare ?? null,
        notes: input.notes ?? '',
      })
      .returning(fields)
      .executeTakeFirstOrThrow();
    return toOccupancy(row);
  }

  async update(id: string, patch: OccupancyPatch): Promise<Occupancy> {
    const set: Record<string, unknown> = { updated_at: new Date() };
    if (patch.startDate !== undefined) set.start_date = patch.startDate;
    if (patch.endDate !== undefined) set.end_date = patch.endDate;
    if (patch.ownershipShare !== undefined) set.ownership_share = patch.ownershipShare;
    if (patch.notes !== undefined) set.notes = patch.notes;
    const row = await this.db.updateTable('occupancies').set(set).where('id', '=', id).returning(fields).executeTakeFirstOrThrow();
    return toOccupancy(row);
  }

  async delete(id: string): Promise<void> {
    await this.db.deleteFrom('occupancies').where('id', '=', id).execute();
  }

  /**
   * Serialises the writes that change a unit's owners, so that two owners added at once cannot
   * each see room for their share and together overshoot 1.
   */
  async lockOwnership(tenantId: string, unitId: string): Promise<void> {
    await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`occupancy.owners:${tenantId}:${unitId}`}, 0))`.execute(this.db);
  }
}
