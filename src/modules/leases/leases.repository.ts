import { sql, type Kysely } from 'kysely';
import type { IsoDate } from '../../kernel/dates.js';
import type { AnyDB } from '../../kernel/db/database.js';
import { newId } from '../../kernel/ids.js';
import type { Frequency, Lease, LeaseStatus, ListLeasesQuery } from './leases.schemas.js';

interface LeaseRow {
  id: string;
  unit_id: string;
  status: LeaseStatus;
  start_date: string;
  end_date: string | null;
  rent_amount: number | string;
  currency: string;
  frequency: Frequency;
  due_day: number;
  deposit_amount: number | string;
  previous_lease_id: string | null;
  notes: string;
  activated_at: Date | null;
  terminated_at: Date | null;
  termination_reason: string | null;
  created_at: Date;
  updated_at: Date;
  renter_ids: string[];
  successor_id: string | null;
}

const columns = [
  'id', 'unit_id', 'status', 'start_date', 'end_date', 'rent_amount', 'currency', 'frequency', 'due_day', 'deposit_amount',
  'previous_lease_id', 'notes', 'activated_at', 'terminated_at', 'termination_reason', 'created_at', 'updated_at',
] as const;

// Renters in the order given, and the successor (one at most: leases_one_successor).
const renterIds = sql<string[]>`array(SELECT r.member_id::text FROM lease_renters r WHERE r.tenant_id = l.tenant_id AND r.lease_id = l.id ORDER BY r.position, r.member_id)`;
const successorId = sql<string | null>`(SELECT s.id FROM leases s WHERE s.tenant_id = l.tenant_id AND s.previous_lease_id = l.id)`;

export const toLease = (r: LeaseRow): Lease => ({
  id: r.id,
  unitId: r.unit_id,
  renterIds: r.renter_ids,
  status: r.status,
  startDate: r.start_date,
  endDate: r.end_date,
  rent: { amount: Number(r.rent_amount), currency: r.currency },
  frequency: r.frequency,
  dueDay: r.due_day,
  deposit: Number(r.deposit_amount),
  notes: r.notes,
  previousLeaseId: r.previous_lease_id,
  successorId: r.successor_id,
  activatedAt: r.activated_at as unknown as string | null,
  terminatedAt: r.terminated_at as unknown as string | null,
  terminationReason: r.termination_reason,
  createdAt: r.created_at as unknown as string,
  updatedAt: r.updated_at as unknown as string,
});

/** What a lease is made of, as the service has checked it. */
export interface LeaseTerms {
  unitId: string;
  startDate: IsoDate;
  endDate: IsoDate | null;
  rentAmount: number;
  currency: string;
  frequency: Frequency;
  dueDay: number;
  deposit: number;
  notes: string;
  previousLeaseId: string | null;
}

/** The fields of a lease row a change may set (column names). */
export type LeaseChanges = Partial<Record<(typeof columns)[number], unknown>>;

/** Whose leases a read sees: a portal member only those they rent under, drafts never. */
export type LeaseReader = { memberId: string } | null;

export interface RentRollLine {
  lease_id: string;
  unit_id: string;
  unit_label: string;
  property_id: string;
  property_name: string;
  renter_ids: string[];
  renter_names: string[];
  rent_amount: number | string;
  currency: string;
  frequency: Frequency;
  deposit_amount: number | string;
  start_date: string;
  end_date: string | null;
  status: LeaseStatus;
}

/** Leases SQL; runs inside the tenant transaction, so RLS scopes every statement. */
export class LeasesRepository {
  constructor(private readonly db: Kysely<AnyDB>) {}

  private select(reader: LeaseReader = null) {
    let q = this.db.selectFrom('leases as l').select([...columns.map((c) => `l.${c}` as const), renterIds.as('renter_ids'), successorId.as('successor_id')]);
    if (reader) {
      q = q
        .where('l.status', '<>', 'draft')
        .where(sql<boolean>`EXISTS (SELECT 1 FROM lease_renters r WHERE r.tenant_id = l.tenant_id AND r.lease_id = l.id AND r.member_id = ${reader.memberId}::uuid)`);
    }
    return q;
  }

  async find(id: string, reader: LeaseReader = null): Promise<Lease | undefined> {
    const row = await this.select(reader).where('l.id', '=', id).executeTakeFirst();
    return row && toLease(row as LeaseRow);
  }

  /** The lease, its row locked until the transaction ends: changes to one lease run one at a time. */
  async lock(id: string): Promise<Lease | undefined> {
    const row = await this.select().where('l.id', '=', id).forUpdate('l').executeTakeFirst();
    return row && toLease(row as LeaseRow);
  }

  /** A page of `limit + 1` rows after the keyset `after`, for the caller to split. */
  async list(query: ListLeasesQuery & { limit: number }, after: unknown[] | null, reader: LeaseReader, today: IsoDate): Promise<Lease[]> {
    const sort = query.sort ?? '-startDate';
    const desc = sort.startsWith('-');
    const dir = desc ? 'desc' : 'asc';
    const cmp = desc ? '<' : '>';
    let q = this.select(reader).limit(query.limit + 1);
    if (query.unitId) q = q.where('l.unit_id', '=', query.unitId);
    if (query.status) q = q.where('l.status', '=', query.status);
    if (query.memberId) {
      q = q.where(sql<boolean>`EXISTS (SELECT 1 FROM lease_renters r WHERE r.tenant_id = l.tenant_id AND r.lease_id = l.id AND r.member_id = ${query.memberId}::uuid)`);
    }
    if (query.expiringWithinDays !== undefined) {
      q = q
        .where('l.status', 'in', ['active', 'ending'])
        .where(sql<boolean>`l.end_date BETWEEN ${today}::date AND ${today}::date + ${query.expiringWithinDays}::int`);
    }
    if (sort.endsWith('startDate')) {
      if (after) q = q.where(sql`(l.start_date, l.id)`, cmp, sql`(${after[0]}::date, ${after[1]}::uuid)`);
      q = q.orderBy('l.start_date', dir).orderBy('l.id', dir);
    } else {
      // Ids are UUIDv7, minted at creation: id order is creation order, and the key is exact.
      if (after) q = q.where('l.id', cmp, after[0] as string);
      q = q.orderBy('l.id', dir);
    }
    return (await q.execute()).map((r) => toLease(r as LeaseRow));
  }

  async insert(tenantId: string, terms: LeaseTerms): Promise<string> {
    const id = newId();
    await this.db
      .insertInto('leases')
      .values({
        tenant_id: tenantId,
        id,
        unit_id: terms.unitId,
        start_date: terms.startDate,
        end_date: terms.endDate,
        rent_amount: terms.rentAmount,
        currency: terms.currency,
        frequency: terms.frequency,
        due_day: terms.dueDay,
        deposit_amount: terms.deposit,
        notes: terms.notes,
        previous_lease_id: terms.previousLeaseId,
      })
      .execute();
    return id;
  }

  async clearRenters(leaseId: string): Promise<void> {
    await this.db.deleteFrom('lease_renters').where('lease_id', '=', leaseId).execute();
  }

  /** `position`: the renter's place in the order given (0 is the lead renter). */
  async addRenter(tenantId: string, leaseId: string, memberId: string, position: number): Promise<void> {
    await this.db.insertInto('lease_renters').values({ tenant_id: tenantId, lease_id: leaseId, member_id: memberId, position }).execute();
  }

  async update(id: string, changes: LeaseChanges): Promise<void> {
    await this.db.updateTable('leases').set({ ...changes, updated_at: new Date() }).where('id', '=', id).execute();
  }

  /** Another activated lease of the unit whose dates meet [start, end] (end null: open). */
  async overlapping(lease: Pick<Lease, 'id' | 'unitId' | 'startDate' | 'endDate'>): Promise<Lease | undefined> {
    const row = await this.select()
      .where('l.unit_id', '=', lease.unitId)
      .where('l.id', '<>', lease.id)
      .where('l.activated_at', 'is not', null)
      // As leases_no_overlap: a lease ended before it began holds no dates (nor a valid range).
      .where(sql<boolean>`(l.end_date IS NULL OR l.end_date >= l.start_date)`)
      .where(sql<boolean>`daterange(l.start_date, l.end_date, '[]') && daterange(${lease.startDate}::date, ${lease.endDate}::date, '[]')`)
      .orderBy('l.start_date')
      .executeTakeFirst();
    return row && toLease(row as LeaseRow);
  }

  /**
   * Moves leases whose end date has passed to `ended`, returning them. A statement, not a
   * read-then-write: a retried or concurrent run finds them already ended and returns nothing.
   */
  async endPast(today: IsoDate): Promise<Lease[]> {
    const ended = await this.db
      .updateTable('leases')
      .set({ status: 'ended', updated_at: new Date() })
      .where('status', 'in', ['active', 'ending'])
      .where('end_date', '<', today)
      .returning('id')
      .execute();
    if (ended.length === 0) return [];
    const rows = await this.select().where('l.id', 'in', ended.map((r) => r.id as string)).orderBy('l.id').execute();
    return rows.map((r) => toLease(r as LeaseRow));
  }

  /**
   * Records the expiring notices due on `today` and returns the ones this call recorded (the
   * others were recorded by an earlier or concurrent run, which sent them). A lease first seen
   * inside 30 days has its 60-day notice recorded as skipped, never sent.
   */
  async recordNotices(today: IsoDate): Promise<{ lease: Lease; daysBefore: number }[]> {
    await sql`
      INSERT INTO lease_notices (tenant_id, lease_id, days_before, skipped)
      SELECT l.tenant_id, l.id, 60, true FROM leases l
       WHERE l.status IN ('active', 'ending') AND l.end_date BETWEEN ${today}::date AND ${today}::date + 30
      ON CONFLICT DO NOTHING`.execute(this.db);
    const recorded = await sql<{ lease_id: string; days_before: number }>`
      INSERT INTO lease_notices (tenant_id, lease_id, days_before)
      SELECT l.tenant_id, l.id, CASE WHEN l.end_date - ${today}::date <= 30 THEN 30 ELSE 60 END
        FROM leases l
       WHERE l.status IN ('active', 'ending') AND l.end_date BETWEEN ${today}::date AND ${today}::date + 60
      ON CONFLICT DO NOTHING
      RETURNING lease_id, days_before`.execute(this.db);
    if (recorded.rows.length === 0) return [];
    const rows = await this.select().where('l.id', 'in', recorded.rows.map((r) => r.lease_id)).orderBy('l.id').execute();
    const daysBefore = new Map(recorded.rows.map((r) => [r.lease_id, r.days_before]));
    return rows.map((r) => ({ lease: toLease(r as LeaseRow), daysBefore: daysBefore.get(r.id as string)! }));
  }

  /**
   * The rent roll on `date`: every lease in force then, with its unit, property and renters.
   * A report may read other modules' tables (units, properties, members) where a call per row
   * would not scale: this one query is the only place the leases module does, read-only.
   *
   * Driven from the leases, each joined by primary key through a lateral subquery that
   * `OFFSET 0` keeps the planner from flattening: without statistics (PGlite has no
   * autovacuum) it would otherwise start from the property and scan its every unit per lease.
   * 5,000 units: about 0.1 s on PostgreSQL, 0.2 s on PGlite, with or without statistics.
   */
  async rentRoll(date: IsoDate, propertyId: string | null): Promise<RentRollLine[]> {
    const inProperty = propertyId === null
      ? sql``
      : sql`AND u.property_id IN (
              WITH RECURSIVE tree AS (
                SELECT p.id FROM properties p WHERE p.id = ${propertyId}::uuid
                UNION
                SELECT c.id FROM properties c JOIN tree t ON c.parent_id = t.id
              )
              SELECT id FROM tree)`;
    const result = await sql<RentRollLine>`
      SELECT l.id AS lease_id, l.unit_id, u.label AS unit_label, u.property_id, p.name AS property_name, r.renter_ids, r.renter_names,
             l.rent_amount, l.currency, l.frequency, l.deposit_amount, l.start_date, l.end_date, l.status
        FROM leases l
        CROSS JOIN LATERAL (SELECT u.label, u.property_id FROM units u WHERE u.tenant_id = l.tenant_id AND u.id = l.unit_id OFFSET 0) u
        CROSS JOIN LATERAL (SELECT p.name FROM properties p WHERE p.tenant_id = l.tenant_id AND p.id = u.property_id OFFSET 0) p
        CROSS JOIN LATERAL (
          SELECT coalesce(array_agg(m.id::text ORDER BY lr.position, m.id), '{}') AS renter_ids,
                 coalesce(array_agg(m.first_name || ' ' || m.last_name ORDER BY lr.position, m.id), '{}') AS renter_names
            FROM lease_renters lr JOIN members m ON m.tenant_id = lr.tenant_id AND m.id = lr.member_id
           WHERE lr.tenant_id = l.tenant_id AND lr.lease_id = l.id
        ) r
       WHERE l.activated_at IS NOT NULL
         AND l.start_date <= ${date}::date
         AND (l.end_date IS NULL OR l.end_date >= ${date}::date)
         ${inProperty}
       ORDER BY p.name, u.property_id, u.label, l.unit_id`.execute(this.db);
    return result.rows;
  }
}
