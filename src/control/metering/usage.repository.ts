import { sql } from 'kysely';
import type { Db } from '../../kernel/db/tables.js';

export type Granularity = 'hour' | 'day' | 'month';

export interface CountedUsage {
  eventId: string;
  tenantId: string;
  meter: string;
  quantity: number;
  at: string;
}

export interface GaugeReading {
  tenantId: string;
  meter: string;
  value: number;
  at: string;
}

export interface UsagePoint {
  meter: string;
  bucket: Date;
  value: number;
}

/** The buckets a reading lands in, as a relation (`g.granularity`), in UTC. */
const GRANULARITIES = sql`(VALUES ('hour'), ('day'), ('month')) AS g (granularity)`;

/** SQL for the platform's usage aggregates (`control.usage`) and their receipts. */
export class UsageRepository {
  constructor(private readonly db: Db) {}

  /**
   * Adds counted events to their buckets, each event once: those whose receipt exists (a
   * redelivery, or the same event twice in the batch) add nothing. One statement for the batch.
   * Answers how many events were new.
   */
  async addCounted(events: CountedUsage[]): Promise<number> {
    if (events.length === 0) return 0;
    const { rows } = await sql<{ fresh: string }>`
      WITH input AS (
        SELECT DISTINCT ON (event_id) *
          FROM unnest(${events.map((e) => e.eventId)}::uuid[], ${events.map((e) => e.tenantId)}::uuid[], ${events.map((e) => e.meter)}::text[],
                      ${events.map((e) => e.quantity)}::bigint[], ${events.map((e) => e.at)}::timestamptz[]) AS i (event_id, tenant_id, meter, quantity, at)
      ), fresh AS (
        INSERT INTO control.usage_receipts (event_id, tenant_id)
        SELECT event_id, tenant_id FROM input
        ON CONFLICT (event_id) DO NOTHING
        RETURNING event_id
      ), added AS (
        INSERT INTO control.usage AS u (tenant_id, meter, granularity, bucket, value)
        SELECT i.tenant_id, i.meter, g.granularity, date_trunc(g.granularity, i.at, 'UTC'), sum(i.quantity)
          FROM input i JOIN fresh f USING (event_id) CROSS JOIN ${GRANULARITIES}
         GROUP BY 1, 2, 3, 4
         -- One order for every batch: two batches raising the same buckets wait, never deadlock.
         ORDER BY 1, 2, 3, 4
        ON CONFLICT (tenant_id, meter, granularity, bucket) DO UPDATE SET value = u.value + EXCLUDED.value
      )
      SELECT count(*) AS fresh FROM fresh`.execute(this.db);
    return Number(rows[0]!.fresh);
  }

  /** Raises each gauge's buckets to the level read, where it is higher: reading it again changes nothing. */
  async raiseGauges(readings: GaugeReading[]): Promise<void> {
    if (readings.length === 0) return;
    await sql`
      INSERT INTO control.usage AS u (tenant_id, meter, granularity, bucket, value)
      SELECT r.tenant_id, r.meter, g.granularity, date_trunc(g.granularity, r.at, 'UTC'), max(r.value)
        FROM unnest(${readings.map((r) => r.tenantId)}::uuid[], ${readings.map((r) => r.meter)}::text[], ${readings.map((r) => r.value)}::bigint[],
                    ${readings.map((r) => r.at)}::timestamptz[]) AS r (tenant_id, meter, value, at)
       CROSS JOIN ${GRANULARITIES}
       GROUP BY 1, 2, 3, 4
       ORDER BY 1, 2, 3, 4
      ON CONFLICT (tenant_id, meter, granularity, bucket) DO UPDATE SET value = greatest(u.value, EXCLUDED.value)`.execute(this.db);
  }

  /** A tenant's buckets of `granularity` from `from` (inclusive) to `to` (exclusive), oldest first. */
  async series(tenantId: string, granularity: Granularity, from: Date, to: Date, meters: string[]): Promise<UsagePoint[]> {
    const { rows } = await sql<{ meter: string; bucket: Date; value: string }>`
      SELECT meter, bucket, value FROM control.usage
       WHERE tenant_id = ${tenantId}::uuid AND granularity = ${granularity} AND bucket >= ${from} AND bucket < ${to} AND meter = ANY(${meters}::text[])
       ORDER BY meter, bucket`.execute(this.db);
    return rows.map((r) => ({ meter: r.meter, bucket: new Date(r.bucket), value: Number(r.value) }));
  }

  /** Each meter's day buckets over [from, to) (whole UTC days): their sum and their peak. */
  async periodTotals(tenantId: string, from: Date, to: Date): Promise<{ meter: string; sum: number; peak: number }[]> {
    const { rows } = await sql<{ meter: string; sum: string; peak: string }>`
      SELECT meter, sum(value) AS sum, max(value) AS peak FROM control.usage
       WHERE tenant_id = ${tenantId}::uuid AND granularity = 'day' AND bucket >= ${from} AND bucket < ${to}
       GROUP BY meter`.execute(this.db);
    return rows.map((r) => ({ meter: r.meter, sum: Number(r.sum), peak: Number(r.peak) }));
  }

  /** Drops receipts older than `cutoff`, at most `limit`; answers how many went. */
  async pruneReceipts(cutoff: Date, limit: number): Promise<number> {
    const result = await sql`
      DELETE FROM control.usage_receipts WHERE event_id IN (
        SELECT event_id FROM control.usage_receipts WHERE received_at < ${cutoff} ORDER BY received_at LIMIT ${limit})`.execute(this.db);
    return Number(result.numAffectedRows ?? 0);
  }
}
