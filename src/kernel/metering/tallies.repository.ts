import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../db/tables.js';
import type { GaugeMeter } from './meters.js';

/**
 * The statement that locks a tenant's tally of `meter` (creating it at 0) until the transaction
 * ends, and answers its value as `value`: for a module's insert that must stay within a plan
 * limit to use as a CTE, so that the check and the write are one statement.
 */
export const lockedTally = (tenantId: string, meter: GaugeMeter): RawBuilder<{ value: string }> => sql`
  INSERT INTO tenant_tallies AS t (tenant_id, meter, value) VALUES (${tenantId}::uuid, ${meter}, 0)
  ON CONFLICT (tenant_id, meter) DO UPDATE SET value = t.value
  RETURNING t.value`;

/** SQL for `tenant_tallies`, the per-tenant counters its modules' triggers keep. */
export class TalliesRepository {
  constructor(private readonly db: Db) {}

  /** The tally of `meter`, locked until the transaction ends: a limit checked against it holds under concurrency. */
  async lock(tenantId: string, meter: GaugeMeter): Promise<number> {
    const { rows } = await lockedTally(tenantId, meter).execute(this.db);
    return Number(rows[0]!.value);
  }

  /** Every tally of the tenant in scope (a meter never written reads as absent). */
  async values(): Promise<Partial<Record<GaugeMeter, number>>> {
    const { rows } = await sql<{ meter: GaugeMeter; value: string }>`SELECT meter, value FROM tenant_tallies`.execute(this.db);
    return Object.fromEntries(rows.map((r) => [r.meter, Number(r.value)]));
  }
}

/**
 * Refuses to add `adding` of a limited meter beyond the licence's limit (null or absent: none),
 * holding the tally's lock until the transaction ends so concurrent adds queue and never
 * overshoot; the tally's trigger then counts what the caller inserts.
 */
export async function refuseBeyondLimit(ctx: { db: Db; tenant: { id: string } }, meter: GaugeMeter, limit: number | null | undefined, adding: number, refusal: () => Error): Promise<void> {
  if (limit === null || limit === undefined || adding <= 0) return;
  if ((await new TalliesRepository(ctx.db).lock(ctx.tenant.id, meter)) + adding > limit) throw refusal();
}
