import { sql, type Kysely, type Updateable } from 'kysely';
import type { IsoDate } from '../../kernel/dates.js';
import type { KernelTables } from '../../kernel/db/kernel.tables.js';
import { anyUuid, tablesOf, type Db } from '../../kernel/db/tables.js';
import { newId } from '../../kernel/ids.js';
import { memberNames, membersNamed } from '../members/index.js';
import { unitLabels, unitsLabelled, unitsUnder } from '../properties/index.js';
import type { Frequency, Lease, LeaseStatus, ListLeasesQuery } from './leases.schemas.js';
import type { LeasesTables } from './leases.tables.js';

const columns = [
  'l.id', 'l.unitId', 'l.status', 'l.startDate', 'l.endDate', 'l.rentAmount', 'l.currency', 'l.frequency', 'l.dueDay', 'l.depositAmount',
  'l.previousLeaseId', 'l.notes', 'l.activatedAt', 'l.terminatedAt', 'l.terminationReason', 'l.createdAt', 'l.updatedAt',
] as const;

// Renters in the order given, and the successor (one at most: leases_one_successor).
const renterIds = sql<string[]>`array(SELECT r.member_id::text FROM lease_renters r WHERE r.tenant_id = l.tenant_id AND r.lease_id = l.id ORDER BY r.position, r.member_id)`;
const successorId = sql<string | null>`(SELECT s.id FROM leases s WHERE s.tenant_id = l.tenant_id AND s.previous_lease_id = l.id)`;

type LeaseRow = Omit<Lease, 'rent' | 'deposit'> & { rentAmount: number | string; currency: string; depositAmount: number | string };

/** Rent and deposit as the API shapes them: the amount with its currency. */
const toLease = ({ rentAmount, currency, depositAmount, ...lease }: LeaseRow): Lease => ({
  ...lease,
  rent: { amount: Number(rentAmount), currency },
  deposit: Number(depositAmount),
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

/** The fields of a lease a change may set. */
export type LeaseChanges = Omit<Updateable<LeasesTables['leases']>, 'id' | 'tenantId' | 'createdAt' | 'updatedAt'>;

/** Whose leases a read sees: a portal member only those they rent under, drafts never. */
export type LeaseReader = { memberId: string } | null;

export interface RentRollLine {
  leaseId: string;
  unitId: string;
  unitLabel: string;
  propertyId: string;
  propertyName: string;
  renterIds: string[];
  renterNames: string[];
  rentAmount: number | string;
  currency: string;
  frequency: Frequency;
  depositAmount: number | string;
  startDate: IsoDate;
  endDate: IsoDate | null;
  status: LeaseStatus;
}

/** Leases SQL; runs inside the tenant transaction, so RLS scopes every statement. */
export class LeasesRepository {
  private readonly db: Kysely<LeasesTables & KernelTables>;

  /** `tenantDb` is the tenant transaction, for the members' and properties' read functions. */
  constructor(private readonly tenantDb: Db) {
    this.db = tablesOf(tenantDb);
  }

  private select(reader: LeaseReader = null) {
    let q = this.db.selectFrom('leases as l').select([...columns, renterIds.as('renterIds'), successorId.as('successorId')]);
    if (reader) {
      q = q
        .where('l.status', '<>', 'draft')
        .where(sql<boolean>`EXISTS (SELECT 1 FROM lease_renters r WHERE r.tenant_id = l.tenant_id AND r.lease_id = l.id AND r.member_id = ${reader.memberId}::uuid)`);
    }
    return q;
  }

  async find(id: string, reader: LeaseReader = null): Promise<Lease | undefined> {
    const row = await this.select(reader).where('l.id', '=', id).executeTakeFirst();
    return row && toLease(row);
  }

  /** The lease, its row locked until the transaction ends: changes to one lease run one at a time. */
  async lock(id: string): Promise<Lease | undefined> {
    const row = await this.select().where('l.id', '=', id).forUpdate('l').executeTakeFirst();
    return row && toLease(row);
  }

  /** A page of `limit + 1` rows after the keyset `after`, for the caller to split. */
  async list(query: ListLeasesQuery & { limit: number }, after: unknown[] | null, reader: LeaseReader, today: IsoDate): Promise<Lease[]> {
    const sort = query.sort ?? '-startDate';
    const desc = sort.startsWith('-');
    const dir = desc ? 'desc' : 'asc';
    const cmp = desc ? '<' : '>';
    let q = this.select(reader).limit(query.limit + 1);
    if (query.unitId) q = q.where('l.unitId', '=', query.unitId);
    if (query.status) q = q.where('l.status', '=', query.status);
    if (query.memberId) {
      q = q.where(sql<boolean>`EXISTS (SELECT 1 FROM lease_renters r WHERE r.tenant_id = l.tenant_id AND r.lease_id = l.id AND r.member_id = ${query.memberId}::uuid)`);
    }
    if (query.q) {
      // Labels and names belong to the properties and members modules: ask them which match, then match ids.
      const units = await unitsLabelled(this.tenantDb, query.q);
      const members = await membersNamed(this.tenantDb, query.q);
      q = q.where((eb) =>
        eb.or([
          eb('l.unitId', '=', anyUuid(units)),
          sql<boolean>`EXISTS (SELECT 1 FROM lease_renters r WHERE r.tenant_id = l.tenant_id AND r.lease_id = l.id AND r.member_id = ${anyUuid(members)})`,
        ]),
      );
    }
    if (query.expiringWithinDays !== undefined) {
      q = q
        .where('l.status', 'in', ['active', 'ending'])
        .where(sql<boolean>`l.end_date BETWEEN ${today}::date AND ${today}::date + ${query.expiringWithinDays}::int`);
    }
    if (sort.endsWith('startDate')) {
      if (after) q = q.where(sql`(l.start_date, l.id)`, cmp, sql`(${after[0]}::date, ${after[1]}::uuid)`);
      q = q.orderBy('l.startDate', dir).orderBy('l.id', dir);
    } else {
      // Ids are UUIDv7, minted at creation: id order is creation order, and the key is exact.
      if (after) q = q.where('l.id', cmp, after[0] as string);
      q = q.orderBy('l.id', dir);
    }
    return (await q.execute()).map(toLease);
  }

  async insert(tenantId: string, terms: LeaseTerms): Promise<string> {
    const id = newId();
    await this.db
      .insertInto('leases')
      .values({
        tenantId,
        id,
        unitId: terms.unitId,
        startDate: terms.startDate,
        endDate: terms.endDate,
        rentAmount: terms.rentAmount,
        currency: terms.currency,
        frequency: terms.frequency,
        dueDay: terms.dueDay,
        depositAmount: terms.deposit,
        notes: terms.notes,
        previousLeaseId: terms.previousLeaseId,
      })
      .execute();
    return id;
  }

  async clearRenters(leaseId: string): Promise<void> {
    await this.db.deleteFrom('leaseRenters').where('leaseId', '=', leaseId).execute();
  }

  /** `position`: the renter's place in the order given (0 is the lead renter). */
  async addRenter(tenantId: string, leaseId: string, memberId: string, position: number): Promise<void> {
    await this.db.insertInto('leaseRenters').values({ tenantId, leaseId, memberId, position }).execute();
  }

  async update(id: string, changes: LeaseChanges): Promise<void> {
    await this.db.updateTable('leases').set({ ...changes, updatedAt: new Date() }).where('id', '=', id).execute();
  }

  /** Another activated lease of the unit whose dates meet [start, end] (end null: open). */
  async overlapping(lease: Pick<Lease, 'id' | 'unitId' | 'startDate' | 'endDate'>): Promise<Lease | undefined> {
    const row = await this.select()
      .where('l.unitId', '=', lease.unitId)
      .where('l.id', '<>', lease.id)
      .where('l.activatedAt', 'is not', null)
      // As leases_no_overlap: a lease ended before it began holds no dates (nor a valid range).
      .where(sql<boolean>`(l.end_date IS NULL OR l.end_date >= l.start_date)`)
      .where(sql<boolean>`daterange(l.start_date, l.end_date, '[]') && daterange(${lease.startDate}::date, ${lease.endDate}::date, '[]')`)
      .orderBy('l.startDate')
      .executeTakeFirst();
    return row && toLease(row);
  }

  /**
   * Moves leases whose end date has passed to `ended`, returning them. A statement, not a
   * read-then-write: a retried or concurrent run finds them already ended and returns nothing.
   */
  async endPast(today: IsoDate): Promise<Lease[]> {
    const ended = await this.db
      .updateTable('leases')
      .set({ status: 'ended', updatedAt: new Date() })
      .where('status', 'in', ['active', 'ending'])
      .where('endDate', '<', today)
      .returning('id')
      .execute();
    if (ended.length === 0) return [];
    const rows = await this.select().where('l.id', '=', anyUuid(ended.map((r) => r.id))).orderBy('l.id').execute();
    return rows.map(toLease);
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
    const recorded = await sql<{ leaseId: string; daysBefore: number }>`
      INSERT INTO lease_notices (tenant_id, lease_id, days_before)
      SELECT l.tenant_id, l.id, CASE WHEN l.end_date - ${today}::date <= 30 THEN 30 ELSE 60 END
        FROM leases l
       WHERE l.status IN ('active', 'ending') AND l.end_date BETWEEN ${today}::date AND ${today}::date + 60
      ON CONFLICT DO NOTHING
      RETURNING lease_id, days_before`.execute(this.db);
    if (recorded.rows.length === 0) return [];
    const rows = await this.select().where('l.id', '=', anyUuid(recorded.rows.map((r) => r.leaseId))).orderBy('l.id').execute();
    const daysBefore = new Map(recorded.rows.map((r) => [r.leaseId, r.daysBefore]));
    return rows.map((r) => ({ lease: toLease(r), daysBefore: daysBefore.get(r.id)! }));
  }

  /**
   * The rent roll on `date`: every lease in force then, with its unit, property and renters,
   * in the order of the properties' names and the units' labels. Units, properties and
   * member names come from their modules' read functions, one query each however long the
   * roll: four queries in all. 5,000 units: well under a second on PostgreSQL and PGlite.
   */
  async rentRoll(date: IsoDate, propertyId: string | null): Promise<RentRollLine[]> {
    let q = this.db
      .selectFrom('leases as l')
      .select(['l.id', 'l.unitId', renterIds.as('renterIds'), 'l.rentAmount', 'l.currency', 'l.frequency', 'l.depositAmount', 'l.startDate', 'l.endDate', 'l.status'])
      .where('l.activatedAt', 'is not', null)
      .where('l.startDate', '<=', date)
      .where((eb) => eb.or([eb('l.endDate', 'is', null), eb('l.endDate', '>=', date)]));
    if (propertyId !== null) q = q.where('l.unitId', '=', anyUuid(await unitsUnder(this.tenantDb, propertyId)));
    const leases = await q.execute();
    const units = await unitLabels(this.tenantDb, leases.map((l) => l.unitId), { byProperty: true });
    const names = await memberNames(this.tenantDb, leases.flatMap((l) => l.renterIds));
    const rank = new Map([...units.keys()].map((id, i) => [id, i]));
    return leases
      .filter((l) => units.has(l.unitId))
      .sort((a, b) => rank.get(a.unitId)! - rank.get(b.unitId)!)
      .map(({ id, renterIds: ids, ...lease }) => {
        const unit = units.get(lease.unitId)!;
        const renters = ids.filter((m) => names.has(m));
        return {
          leaseId: id,
          ...lease,
          unitLabel: unit.label,
          propertyId: unit.propertyId,
          propertyName: unit.propertyName,
          renterIds: renters,
          renterNames: renters.map((m) => `${names.get(m)!.firstName} ${names.get(m)!.lastName}`),
        };
      });
  }
}
