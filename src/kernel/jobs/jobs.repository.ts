import type { Database } from '../db/database.js';

/** pg-boss's job states, in its order: waiting, waiting again after a failure, running, and the three ends. */
export const JOB_STATES = ['created', 'retry', 'active', 'completed', 'cancelled', 'failed'] as const;
export type JobState = (typeof JOB_STATES)[number];

export interface QueueCount {
  queue: string;
  state: string;
  count: number;
  oldestSeconds: number | null;
}

/** One job as pg-boss keeps it. */
export interface JobRecord {
  id: string;
  queue: string;
  state: JobState;
  data: unknown;
  /** Re-runs so far (0 on the first run). */
  retryCount: number;
  retryLimit: number;
  startAfter: Date;
  createdOn: Date;
  startedOn: Date | null;
  completedOn: Date | null;
  /** What the last run returned or, after a failure, the serialised error. */
  output: unknown;
  /** created_on in microseconds since the epoch: the page key (a Date would drop the microseconds). */
  createdMicros: number;
}

export interface JobFilter {
  queue?: string;
  state?: JobState;
  /** The tenant named by the job's data (`tenantId`), as every tenant's job and event carries it. */
  tenantId?: string;
}

interface JobRow {
  id: string;
  queue: string;
  state: JobState;
  data: unknown;
  retry_count: number;
  retry_limit: number;
  start_after: Date | string;
  created_on: Date | string;
  started_on: Date | string | null;
  completed_on: Date | string | null;
  output: unknown;
  created_micros: string;
}

const COLUMNS = `id, name AS queue, state::text AS state, data, retry_count, retry_limit, start_after, created_on, started_on, completed_on, output,
  (extract(epoch FROM created_on) * 1000000)::bigint::text AS created_micros`;

const dateOf = (v: Date | string) => new Date(v);
const toRecord = (r: JobRow): JobRecord => ({
  id: r.id,
  queue: r.queue,
  state: r.state,
  data: r.data,
  retryCount: Number(r.retry_count),
  retryLimit: Number(r.retry_limit),
  startAfter: dateOf(r.start_after),
  createdOn: dateOf(r.created_on),
  startedOn: r.started_on === null ? null : dateOf(r.started_on),
  completedOn: r.completed_on === null ? null : dateOf(r.completed_on),
  output: r.output,
  createdMicros: Number(r.created_micros),
});

/** pg-boss's job table (schema `pgboss` of the main database), read for operators. pg-boss writes it. */
export class JobsRepository {
  constructor(private readonly main: Database) {}

  /** Counts by queue and state, and the oldest job's age in seconds. */
  async counts(): Promise<QueueCount[]> {
    const rows = await this.main.session((s) =>
      s.rows<{ queue: string; state: string; count: number; oldest: number | null }>(
        `SELECT name AS queue, state::text AS state, count(*)::int AS count,
                extract(epoch FROM now() - min(created_on))::float8 AS oldest
           FROM pgboss.job GROUP BY name, state ORDER BY name, state`,
        [],
      ),
    );
    return rows.map((r) => ({ queue: r.queue, state: r.state, count: Number(r.count), oldestSeconds: r.oldest === null ? null : Math.round(Number(r.oldest)) }));
  }

  /** Newest first, `limit` rows after the job created at `before` (microseconds) with id `before.id`. */
  async page(filter: JobFilter, limit: number, before: { micros: number; id: string } | null): Promise<JobRecord[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    if (filter.queue !== undefined) where.push(`name = ${param(filter.queue)}`);
    if (filter.state !== undefined) where.push(`state = ${param(filter.state)}::pgboss.job_state`);
    if (filter.tenantId !== undefined) where.push(`data->>'tenantId' = ${param(filter.tenantId)}`);
    if (before) where.push(`(created_on, id) < (timestamptz 'epoch' + ${param(before.micros)}::bigint * interval '1 microsecond', ${param(before.id)}::uuid)`);
    const sql = `SELECT ${COLUMNS} FROM pgboss.job ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY created_on DESC, id DESC LIMIT ${param(limit)}`;
    const rows = await this.main.session((s) => s.rows<JobRow>(sql, params));
    return rows.map(toRecord);
  }

  /** Which of `queues` hold a job that is due now (waiting, or waiting again after a failure): one look for all. */
  async dueQueues(queues: string[]): Promise<string[]> {
    const rows = await this.main.session((s) => s.rows<{ name: string }>(`SELECT DISTINCT name FROM pgboss.job WHERE name = ANY($1::text[]) AND state < 'active' AND start_after <= now()`, [queues]));
    return rows.map((r) => r.name);
  }

  async find(id: string): Promise<JobRecord | null> {
    const rows = await this.main.session((s) => s.rows<JobRow>(`SELECT ${COLUMNS} FROM pgboss.job WHERE id = $1`, [id]));
    return rows[0] ? toRecord(rows[0]) : null;
  }
}
