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

/** Does a subscriber's pattern (`member.created`, `member.*`, `*`) match an event type? */
export const matches = (pattern: string, type: string): boolean =>
  pattern === '*' || pattern === type || (pattern.endsWith('.*') && type.startsWith(pattern.slice(0, -1)));

/** One job per (event, subscriber whose patterns match); fairness: each tenant's nth event of the batch gets priority -n. */
export function subscriberJobs(rows: OutboxRow[], subscribers: readonly EventSubscriber[]): PgBoss.JobInsert[] {
  const rank = new Map<string, number>();
  return rows.flatMap((row) => {
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
    return subscribers
      .filter((s) => s.events.some((p) => matches(p, row.type)))
      .map((s) => ({
        name: SUBSCRIBER_PREFIX + s.name,
        data: row.traceparent ? { ...event, [TRACEPARENT]: row.traceparent } : event,
        singletonKey: `${s.name}:${event.id}`,
        priority: -Math.min(n, 1_000),
        retryLimit: (s.retry ?? DEFAULT_RETRY).limit,
        retryDelay: (s.retry ?? DEFAULT_RETRY).delaySeconds,
        retryBackoff: true,
        expireInSeconds: s.leaseSeconds ?? DEFAULT_LEASE_SECONDS,
        deadLetter: DEAD_LETTER_QUEUE,
      }));
  });
}
