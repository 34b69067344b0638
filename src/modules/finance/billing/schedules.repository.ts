import { sql, type Kysely } from 'kysely';
import type { AnyDB } from '../../../kernel/db/database.js';
import { newId } from '../../../kernel/ids.js';
import type { LevyFrequency, Month } from './billing.periods.js';
import type { ListSchedulesQuery, RenterSplit, Schedule, ScheduleKind } from './billing.schemas.js';

interface ScheduleRow {
  id: string;
  kind: ScheduleKind;
  name: string;
  property_id: string | null;
  include_sub_properties: boolean;
  amount: number | null;
  currency: string | null;
  frequency: LevyFrequency | null;
  due_day: number | null;
  renter_split: RenterSplit | null;
  description: string;
  start_period: Month;
  end_period: Month | null;
  active: boolean;
  created_at: Date;
  updated_at: Date;
}

const columns = [
  'id', 'kind', 'name', 'property_id', 'include_sub_properties', 'amount', 'currency', 'frequency', 'due_day', 'renter_split',
  'description', 'start_period', 'end_period', 'active', 'created_at', 'updated_at',
] as const;

const toSchedule = (r: ScheduleRow): Schedule => ({
  id: r.id,
  kind: r.kind,
  name: r.name,
  propertyId: r.property_id,
  includeSubProperties: r.include_sub_properties,
  budget: r.amount === null || r.currency === null ? null : { amount: Number(r.amount), currency: r.currency },
  frequency: r.frequency,
  dueDay: r.due_day,
  renterSplit: r.renter_split,
  description: r.description,
  startPeriod: r.start_period,
  endPeriod: r.end_period,
  active: r.active,
  createdAt: r.created_at as unknown as string,
  updatedAt: r.updated_at as unknown as string,
});

/** A schedule as the service has checked it: every column's value. */
export interface ScheduleFields {
  kind: ScheduleKind;
  name: string;
  propertyId: string | null;
  includeSubProperties: boolean;
  amount: number | null;
  currency: string | null;
  frequency: LevyFrequency | null;
  dueDay: number | null;
  renterSplit: RenterSplit | null;
  description: string;
  startPeriod: Month;
  endPeriod: Month | null;
  active: boolean;
}

const toRow = (f: ScheduleFields) => ({
  kind: f.kind,
  name: f.name,
  property_id: f.propertyId,
  include_sub_properties: f.includeSubProperties,
  amount: f.amount,
  currency: f.currency,
  frequency: f.frequency,
  due_day: f.dueDay,
  renter_split: f.renterSplit,
  description: f.description,
  start_period: f.startPeriod,
  end_period: f.endPeriod,
  active: f.active,
});

/** Billing schedules SQL; runs inside the tenant transaction, so RLS scopes every statement. */
export class SchedulesRepository {
  constructor(private readonly db: Kysely<AnyDB>) {}

  async find(id: string): Promise<Schedule | undefined> {
    const row = await this.db.selectFrom('finance_schedules').select(columns).where('id', '=', id).executeTakeFirst();
    return row && toSchedule(row);
  }

  /** A page of `limit + 1` schedules by name after the keyset `after`. */
  async list(query: ListSchedulesQuery & { limit: number }, after: unknown[] | null): Promise<Schedule[]> {
    let q = this.db.selectFrom('finance_schedules').select(columns).limit(query.limit + 1);
    if (query.kind) q = q.where('kind', '=', query.kind);
    if (query.propertyId) q = q.where('property_id', '=', query.propertyId);
    if (query.active !== undefined) q = q.where('active', '=', query.active);
    if (after) q = q.where(sql`(name, id)`, '>', sql`(${after[0]}, ${after[1]}::uuid)`);
    return (await q.orderBy('name').orderBy('id').execute()).map(toSchedule);
  }

  /** The schedules a run bills: those named (whatever their state), or every active one; by name. */
  async forRun(ids: string[] | null): Promise<Schedule[]> {
    let q = this.db.selectFrom('finance_schedules').select(columns);
    q = ids === null ? q.where('active', '=', true) : ids.length === 0 ? q.where(sql<boolean>`false`) : q.where('id', 'in', ids);
    return (await q.orderBy('name').orderBy('id').execute()).map(toSchedule);
  }

  /** Every rent schedule but `except`: what a new or changed one must not overlap. */
  async rentSchedules(except: string | null): Promise<Schedule[]> {
    let q = this.db.selectFrom('finance_schedules').select(columns).where('kind', '=', 'rent');
    if (except) q = q.where('id', '<>', except);
    return (await q.orderBy('id').execute()).map(toSchedule);
  }

  async insert(tenantId: string, fields: ScheduleFields): Promise<Schedule> {
    const row = await this.db
      .insertInto('finance_schedules')
      .values({ tenant_id: tenantId, id: newId(), ...toRow(fields) })
      .returning(columns)
      .executeTakeFirstOrThrow();
    return toSchedule(row);
  }

  async update(id: string, fields: ScheduleFields): Promise<Schedule | undefined> {
    const row = await this.db
      .updateTable('finance_schedules')
      .set({ ...toRow(fields), updated_at: new Date() })
      .where('id', '=', id)
      .returning(columns)
      .executeTakeFirst();
    return row && toSchedule(row);
  }

  async delete(id: string): Promise<boolean> {
    const result = await this.db.deleteFrom('finance_schedules').where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  /**
   * Serialises changes to rent schedules per tenant: the overlap check reads the others, and two
   * requests racing must not both find none.
   */
  async lockRentSchedules(tenantId: string): Promise<void> {
    await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`finance:rent-schedules:${tenantId}`}, 0))`.execute(this.db);
  }

  /** Locks the schedule's row for a change (read-modify-write). */
  async lock(id: string): Promise<Schedule | undefined> {
    const row = await this.db.selectFrom('finance_schedules').select(columns).where('id', '=', id).forUpdate().executeTakeFirst();
    return row && toSchedule(row);
  }
}
