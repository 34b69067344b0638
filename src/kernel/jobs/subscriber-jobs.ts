import type PgBoss from 'pg-boss';
import type { DomainEvent } from '../events/event.js';
import type { EventSubscriber } from './job.js';
import type { OutboxRow } from './outbox.repository.js';

export const DEAD_LETTER_QUEUE = 'courtyard.dead-letter';
/** Each subscriber's queue is its name behind this prefix. */
export const SUBSCRIBER_PREFIX = 'event.';
export const DEFAULT_RETRY = { limit: 8, delaySeconds: 5 };
export const DEFAULT_LEASE_SECONDS = 15 * 60;

/**
 * The job data key that carries the W3C traceparent of the span that caused a job (the
 * request that wrote its outbox row, or the job that sent it): its run continues that trace.
 * Taken off again before the handler sees the data.
 */
export const TRACEPARENT = 'traceparent';

/** Types under this prefix are the platform's own (usage reports): only a pattern that names them matches. */
const PLATFORM_PREFIX = 'platform.';

/**
 * Does a subscriber's pattern (`member.created`, `member.*`, `*`) match an event type? `*`
 * is the tenant's business: never the platform's usage reports, nor a plane's own events
 * (`plane`: from the control outbox), which only patterns naming them match.
 */
export const matches = (pattern: string, type: string, plane = false): boolean =>
  pattern === type ||
  (pattern === '*' && !plane && !type.startsWith(PLATFORM_PREFIX)) ||
  (pattern.endsWith('.*') && type.startsWith(pattern.slice(0, -1)) && (!type.startsWith(PLATFORM_PREFIX) || pattern.startsWith(PLATFORM_PREFIX)));

/** The data of a batch subscriber's job: the events of one relay pass that match it, oldest of each tenant first. */
export interface EventBatch {
  events: DomainEvent[];
}

/**
 * One job per (event, subscriber whose patterns match); fairness: each tenant's nth event of
 * the batch gets priority -n. A subscriber that takes batches gets one job per `batch.size`
 * of its events instead, in the relay's order (each tenant's oldest first), so that the queue
 * holds a row per batch rather than per event; the job continues the trace of its first event.
 * `plane`: the rows are a plane outbox's (see `matches`).
 */
export function subscriberJobs(rows: OutboxRow[], subscribers: readonly EventSubscriber[], plane = false): PgBoss.JobInsert[] {
  const rank = new Map<string, number>();
  const events = rows.map((row) => {
    const event: DomainEvent = {
      id: row.id,
      type: row.type,
      tenantId: row.tenant_id,
      occurredAt: new Date(row.occurred_at).toISOString(),
      version: row.version,
      data: typeof row.data === 'string' ? JSON.parse(row.data) : row.data,
    };
    const n = (rank.get(row.tenant_id ?? '') ?? 0) + 1;
    rank.set(row.tenant_id ?? '', n);
    return { event, n, traceparent: row.traceparent };
  });
  const options = (s: EventSubscriber) => ({
    name: SUBSCRIBER_PREFIX + s.name,
    retryLimit: (s.retry ?? DEFAULT_RETRY).limit,
    retryDelay: (s.retry ?? DEFAULT_RETRY).delaySeconds,
    retryBackoff: true,
    expireInSeconds: s.leaseSeconds ?? DEFAULT_LEASE_SECONDS,
    deadLetter: DEAD_LETTER_QUEUE,
  });
  return subscribers.flatMap((s): PgBoss.JobInsert[] => {
    const mine = events.filter(({ event }) => s.events.some((p) => matches(p, event.type, plane)));
    if (!s.batch) {
      return mine.map(({ event, n, traceparent }) => ({
        ...options(s),
        data: traceparent ? { ...event, [TRACEPARENT]: traceparent } : event,
        singletonKey: `${s.name}:${event.id}`,
        priority: -Math.min(n, 1_000),
      }));
    }
    const jobs: PgBoss.JobInsert[] = [];
    for (let i = 0; i < mine.length; i += s.batch.size) {
      const chunk = mine.slice(i, i + s.batch.size);
      const traceparent = chunk[0]!.traceparent;
      const data: EventBatch = { events: chunk.map((e) => e.event) };
      jobs.push({ ...options(s), data: traceparent ? { ...data, [TRACEPARENT]: traceparent } : data });
    }
    return jobs;
  });
}
