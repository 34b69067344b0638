import type { FastifyBaseLogger } from 'fastify';
import type PgBoss from 'pg-boss';
import type { Database } from '../db/database.js';

/** Jobs were queued: the payload names their queues, comma-separated. */
export const JOBS_CHANNEL = 'courtyard_jobs';
/** Delayed jobs and retries due within this get a wake-up timer; later ones wait for a poll. */
const WAKE_HORIZON_MS = 3_600_000;

/**
 * Tells every process (this one included) which queues have jobs, on JOBS_CHANNEL: batched per
 * tick, so a fan-out of a thousand sends makes one notification, and for jobs due later (delayed
 * or retried) when they fall due.
 */
export class QueueAnnouncer {
  readonly #pending = new Set<string>();
  /** Wake-up timers of delayed jobs, by queue and second. */
  readonly #timers = new Map<string, NodeJS.Timeout>();
  #stopped = false;

  constructor(
    private readonly main: Database,
    private readonly log: FastifyBaseLogger,
  ) {}

  announce(queue: string): void {
    if (this.#pending.size === 0) setImmediate(() => this.#flush());
    this.#pending.add(queue);
  }

  /** Announces `queue` when a job of it becomes due in `delayMs` (coalesced per queue and second). */
  announceIn(queue: string, delayMs: number): void {
    if (delayMs <= 0) return this.announce(queue);
    if (delayMs > WAKE_HORIZON_MS || this.#stopped) return;
    const key = `${queue}@${Math.ceil((Date.now() + delayMs) / 1000)}`;
    if (this.#timers.has(key)) return;
    const timer = setTimeout(() => {
      this.#timers.delete(key);
      this.announce(queue);
    }, delayMs + 50);
    timer.unref();
    this.#timers.set(key, timer);
  }

  /** A failed job is retried after pg-boss's delay: at most retryDelay·2^(n+1) s with backoff (pg-boss picks at random in its upper half). */
  announceRetry(queue: string, job: PgBoss.JobWithMetadata<object> | undefined): void {
    if (!job || job.retryCount >= job.retryLimit) return;
    const seconds = job.retryBackoff ? job.retryDelay * 2 ** Math.min(16, job.retryCount + 1) : job.retryDelay;
    this.announceIn(queue, seconds * 1000);
  }

  stop(): void {
    this.#stopped = true;
    for (const timer of this.#timers.values()) clearTimeout(timer);
  }

  #flush(): void {
    const queues = [...this.#pending];
    this.#pending.clear();
    if (queues.length === 0 || this.#stopped) return;
    this.main.notify(JOBS_CHANNEL, queues.join(',')).catch((error: unknown) => this.log.warn({ err: error }, 'could not announce queued jobs; workers find them at their next poll'));
  }
}
