import type { FastifyBaseLogger } from 'fastify';
import type { TenantInfo } from '../context.js';
import type { Db } from '../db/tables.js';
import type { DomainEvent } from '../events/event.js';

export interface JobOptions {
  /**
   * Deduplication key. pg-boss enforces it on standard queues only within a time slot: give
   * `singletonSeconds` too (one job per key and slot).
   */
  singletonKey?: string;
  singletonSeconds?: number;
  startAfter?: Date;
  /** Overrides the job definition's retry limit. */
  retryLimit?: number;
  /** The tenant the job works for: fairness is per tenant. */
  tenantId?: string | null;
  /** Among a queue's due jobs the higher runs first (default 0), then the older: how a module keeps its tenants fair. */
  priority?: number;
}

/**
 * The durable queue (pg-boss), as modules see it. It writes through its own connection: send
 * after the tenant transaction that justifies a job has ended, never inside it (on the
 * embedded database, one connection, the send would wait for that transaction forever).
 */
export interface JobQueue {
  send(name: string, data: object, options?: JobOptions): Promise<string | null>;
}

/** What a job handler acts with. Handlers run at least once: they must be idempotent. */
export interface JobContext {
  queue: JobQueue;
  log: FastifyBaseLogger;
  /** A tenant-bound transaction for `tenantId`, in whichever database its placement names. */
  tenantTransaction<T>(tenantId: string, fn: (db: Db) => Promise<T>): Promise<T>;
  /** The tenant as the registry knows it now: its time zone above all, which decides what "today" is. */
  tenant(tenantId: string): Promise<TenantInfo>;
  /** The current time; tests inject a clock. */
  now(): Date;
}

export interface Job<T = unknown> {
  id: string;
  name: string;
  data: T;
  /** 0 on the first run. */
  retryCount: number;
}

/** A kind of job a module runs: part of its manifest. */
export interface JobDefinition<T = unknown> {
  /** `<module>.<verb>`, e.g. `webhooks.deliver`. */
  name: string;
  handler(job: Job<T>, ctx: JobContext): Promise<void>;
  /** Retries after a failure, with exponential backoff and jitter from `delaySeconds`. */
  retry?: { limit: number; delaySeconds: number };
  /** See EventSubscriber.leaseSeconds (default 15 minutes). */
  leaseSeconds?: number;
  /**
   * Runs on a cron schedule (UTC, minute precision). `perTenant`: each tick becomes one job per
   * active tenant, data `{tenantId}`, once per tenant and tick however many workers run.
   * `tenantLocal` (with `perTenant`): the cron is read in each tenant's time zone, its minute a
   * single number; a tenant gets the job when its own clock says so (see local-schedule.ts).
   */
  schedule?: { cron: string; perTenant: boolean; tenantLocal?: boolean };
  /**
   * Runs of this job at once in one process on a server (default 4; one on the embedded
   * database, whose single connection they would only queue for). More for jobs that mostly
   * wait on the network.
   */
  concurrency?: number;
}

/** A module's reaction to domain events: `events` may end in `*` (`member.*`, `*`). */
export interface EventSubscriber {
  name: string;
  events: string[];
  handle(event: DomainEvent, ctx: JobContext): Promise<void>;
  /** Retries after a failure (default 8, from 5 s, exponential with jitter), then the dead-letter queue. */
  retry?: { limit: number; delaySeconds: number };
  /**
   * The longest a run may take, in seconds (default 15 minutes). A run still active after it
   * counts as failed (its worker died, or it hung) and is retried: what a killed worker's jobs
   * wait before another worker takes them (plus up to the queue's maintenance interval and the
   * retry delay). Short work should say so.
   */
  leaseSeconds?: number;
  /** As JobDefinition.concurrency: runs at once in one process (default 4, one on the embedded database). */
  concurrency?: number;
  /**
   * Takes events in batches: the relay queues one job per `size` of a pass's events (each
   * tenant's oldest first) rather than one per event, and a run takes the events of up to ten
   * such jobs, so that the work of many events shares its statements. A failed run's jobs are
   * retried. `handle` still serves a single event.
   */
  batch?: { size: number; handle(events: DomainEvent[], ctx: JobContext): Promise<void> };
}
