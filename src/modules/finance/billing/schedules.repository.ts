import { sql } from 'kysely';
import type { Db } from '../../../kernel/db/tables.js';
import { newId } from '../../../kernel/ids.js';
import { financeDb, type FinanceDb } from '../finance.tables.js';
import type { LevyFrequency, Month } from './billing.periods.js';
import type { ListSchedulesQuery, RenterSplit, Schedule, ScheduleKind } from './billing.schemas.js';

const columns = [
  'id', 'kind', 'name', 'propertyId', 'includeSubProperties', 'amount', 'currency', 'frequency', 'dueDay', 'renterSplit',
  'description', 'startPeriod', 'endPeriod', 'active', 'createdAt', 'updatedAt',
] as const;

// The budget is two columns, both set for a levy and neither for rent (a check in the migration).
const toSchedule = ({ amount, currency, ...r }: Omit<Schedule, 'budget'> & { amount: number | null; currency: string | null }): Schedule => ({
  ...r,
  budget: amount === null || currency === null ? null : { amount, currency },
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

/** Billing schedules SQL; runs inside the tenant transaction, so RLS scopes every statement. */
export class SchedulesRepository {
  private readonly db: FinanceDb;

  constructor(db: Db) {
    this.db = financeDb(db);
  }

  async find(id: string): Promise<Schedule | undefined> {
    const row = await this.db.selectFrom('financeSchedules').select(columns).where('id', '=', id).executeTakeFirst();
    return row && toSchedule(row);
  }

  /** A page of `limit + 1` schedules by name after the keyset `after`. */
  async list(query: ListSchedulesQuery & { limit: number }, after: unknown[] | null): Promise<Schedule[]> {
    let q = this.db.selectFrom('financeSchedules').select(columns).limit(query.limit + 1);
    if (query.kind) q = q.where('kind', '=', query.kind);
    if (query.propertyId) q = q.where('propertyId', '=', query.propertyId);
    if (query.active !== undefined) q = q.where('active', '=', query.active);
    if (after) q = q.where(sql`(name, id)`, '>', sql`(${after[0]}, ${after[1]}::uuid)`);
    return (await q.orderBy('name').orderBy('id').execute()).map(toSchedule);
  }

  /** The schedules a run bills: those named (whatever their state), or every active one; by name. */
  async forRun(ids: string[] | null): Promise<Schedule[]> {
    let q = this.db.selectFrom('financeSchedules').select(columns);
    q = ids === null ? q.where('active', '=', true) : ids.length === 0 ? q.where(sql<boolean>`false`) : q.where('id', 'in', ids);
    return (await q.orderBy('name').orderBy('id').execute()).map(toSchedule);
  }

  /** Every rent schedule but `except`: what a new or changed one must not overlap. */
  async rentSchedules(except: string | null): Promise<Schedule[]> {
    let q = this.db.selectFrom('financeSchedules').select(columns).where('kind', '=', 'rent');
    if (except) q = q.where('id', '<>', except);
    return (await q.orderBy('id').execute()).map(toSchedule);
  }

  async insert(tenantId: string, fields: ScheduleFields): Promise<Schedule> {
    const row = await this.db
      .insertInto('financeSchedules')
      .values({ tenantId, id: newId(), ...fields })
      .returning(columns)
      .executeTakeFirstOrThrow();
    return toSchedule(row);
  }

  async update(id: string, fields: ScheduleFields): Promise<Schedule | undefined> {
    const row = await this.db
      .updateTable('financeSchedules')
      .set({ ...fields, updatedAt: new Date() })
      .where('id', '=', id)
      .returning(columns)
      .executeTakeFirst();
    return row && toSchedule(row);
  }

  async delete(id: string): Promise<boolean> {
    const result = await this.db.deleteFrom('financeSchedules').where('id', '=', id).executeTakeFirst();
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
    const row = await this.db.selectFrom('financeSchedules').select(columns).where('id', '=', id).forUpdate().executeTakeFirst();
    return row && toSchedule(row);
  }
}
