import type { Receipt } from '../lib/receiver.js';
import type { WorkEnv, WorkProbe, WorkResult } from '../lib/types.js';
import { summarise } from '../lib/util.js';
import type { BulkProducer, ProducerStats } from './webhooks.producer.js';
import type { WebhooksFixture } from './webhooks.js';

/**
 * The webhooks suite's work probe: after a scenario's window, waits for the deliveries of the
 * events it committed to drain, then reports how far commit → fan-out → delivery got and how fast.
 */

const FAN_OUT_QUEUE = 'event.webhooks.fan-out';
const DELIVER_QUEUE = 'webhooks.deliver';
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const per = (n: number, secondsSpan: number) => (secondsSpan > 0 ? Math.round((n / secondsSpan) * 10) / 10 : null);

async function pgbossExists(env: WorkEnv): Promise<boolean> {
  return (await env.admin.query<{ t: string | null }>("SELECT to_regclass('pgboss.job')::text AS t")).rows[0]!.t !== null;
}

/** `producer`: events committed in bulk during the window, besides (or instead of) those of the requests. */
export function deliveryProbe(f: WebhooksFixture, env: WorkEnv, { maxDrainSeconds, producer }: { maxDrainSeconds: number; producer?: BulkProducer }): WorkProbe {
  const { admin, log } = env;
  let mark = 0;
  let windowStart = 0;
  let windowEnd = 0;
  const purged = { outbox: 0, jobs: 0 };
  /** member.created events committed since the scenario started: one member each. */
  const committedSince = async () =>
    (await admin.query<{ n: number }>('SELECT count(*)::int AS n FROM members WHERE created_at >= to_timestamp($1::float8 / 1000)', [mark])).rows[0]!.n;

  return {
    async prepare() {
      // Events no worker delivered in an earlier scenario (the API alone runs none) and jobs an
      // earlier scenario left queued would compete with this one's: discard them.
      purged.outbox = (await admin.query('DELETE FROM outbox')).rowCount ?? 0;
      if (await pgbossExists(env)) {
        purged.jobs = (await admin.query(`DELETE FROM pgboss.job WHERE state IN ('created', 'retry', 'active')`)).rowCount ?? 0;
      }
      await admin.query('VACUUM ANALYZE outbox');
      await admin.query('ANALYZE members, webhook_deliveries, webhook_attempts');
      if (purged.outbox || purged.jobs) log(`    discarded ${purged.outbox} undelivered events and ${purged.jobs} queued jobs of earlier scenarios`);
      await f.receiver.reset();
      mark = Date.now();
    },
    windowStart: () => {
      windowStart = Date.now();
      producer?.start();
    },
    windowEnd: () => {
      producer?.stop();
      windowEnd = Date.now();
    },
    cpuSeconds: () => f.receiver.cpuSeconds(),

    async finish(): Promise<WorkResult> {
      // Drain: wait until every event committed since the scenario started is delivered, up to
      // maxDrainSeconds after the window; give up early when the rate so far cannot make it.
      const produced = producer ? await producer.done() : null;
      if (produced) log(`    bulk producer: ${produced.events} events in ${produced.transactions} transactions (${produced.eventsPerSecond}/s of ${produced.eventsPerSecondOffered} offered), ${produced.errors} errors`);
      const deadline = windowEnd + maxDrainSeconds * 1000;
      const drainStart = Date.now();
      const gotAtDrainStart = (await f.receiver.count()).created;
      let drained = false;
      let projectedSeconds: number | null = null;
      let lastLog = Date.now();
      for (;;) {
        const expected = await committedSince();
        const got = (await f.receiver.count()).created;
        if (got >= expected) {
          drained = true;
          break;
        }
        const now = Date.now();
        const elapsed = (now - drainStart) / 1000;
        const rate = elapsed > 0 ? (got - gotAtDrainStart) / elapsed : 0;
        if (now >= deadline) {
          projectedSeconds = rate > 0 ? Math.round((now - windowEnd) / 1000 + (expected - got) / rate) : null;
          break;
        }
        if (elapsed >= 5) {
          const need = rate > 0 ? (expected - got) / rate : Number.POSITIVE_INFINITY;
          if (need > ((deadline - now) / 1000) * 2) {
            projectedSeconds = Number.isFinite(need) ? Math.round((now - windowEnd) / 1000 + need) : null;
            log(`    draining: ${got} of ${expected} delivered, ${rate.toFixed(1)}/s: cannot finish within ${maxDrainSeconds} s of the window, giving up`);
            break;
          }
        }
        if (now - lastLog >= 5_000) {
          log(`    draining: ${got} of ${expected} delivered (${rate.toFixed(1)}/s)`);
          lastLog = now;
        }
        await sleep(250);
      }
      return analyse(f, env, { mark, windowStart, windowEnd, drained, projectedSeconds, purged, maxDrainSeconds, produced });
    },
  };
}

interface Window {
  mark: number;
  windowStart: number;
  windowEnd: number;
  drained: boolean;
  projectedSeconds: number | null;
  purged: { outbox: number; jobs: number };
  maxDrainSeconds: number;
  produced: ProducerStats | null;
}

async function analyse(f: WebhooksFixture, env: WorkEnv, w: Window): Promise<WorkResult> {
  const { admin } = env;
  const since = [w.mark];
  const members = (
    await admin.query<{ id: string; t: number }>('SELECT id::text, extract(epoch FROM created_at)::float8 * 1000 AS t FROM members WHERE created_at >= to_timestamp($1::float8 / 1000)', since)
  ).rows;
  const receipts = await f.receiver.receipts();
  const fanOutAt = new Map(
    (
      await admin.query<{ event_id: string; t: number }>(
        "SELECT event_id::text, extract(epoch FROM created_at)::float8 * 1000 AS t FROM webhook_deliveries WHERE event_type = 'member.created' AND created_at >= to_timestamp($1::float8 / 1000)",
        since,
      )
    ).rows.map((r) => [r.event_id, r.t]),
  );
  const deliveries = Object.fromEntries(
    (await admin.query<{ status: string; n: number }>('SELECT status, count(*)::int AS n FROM webhook_deliveries WHERE created_at >= to_timestamp($1::float8 / 1000) GROUP BY status', since)).rows.map((r) => [r.status, r.n]),
  );
  const failedAttempts = (
    await admin.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM webhook_attempts WHERE attempted_at >= to_timestamp($1::float8 / 1000) AND (status_code IS NULL OR status_code NOT BETWEEN 200 AND 299)',
      since,
    )
  ).rows[0]!.n;
  const outboxLeft = (await admin.query<{ n: number }>('SELECT count(*)::int AS n FROM outbox')).rows[0]!.n;
  const queues: Record<string, Record<string, number>> = {};
  if (await pgbossExists(env)) {
    const rows = await admin.query<{ name: string; state: string; n: number }>(
      'SELECT name, state::text, count(*)::int AS n FROM pgboss.job WHERE name = ANY($1) AND created_on >= to_timestamp($2::float8 / 1000) GROUP BY name, state ORDER BY name, state',
      [[FAN_OUT_QUEUE, DELIVER_QUEUE], w.mark],
    );
    for (const r of rows.rows) (queues[r.name] ??= {})[r.state] = r.n;
  }

  // Work still queued: outbox rows not relayed yet, and jobs waiting or running. Undelivered
  // events that are all accounted for here are late, not lost.
  // A job holds a batch: of events (fan-out) or of deliveries (deliver); one each when queued by a version before batching.
  const held: Record<string, number> = {};
  if (await pgbossExists(env)) {
    const rows = await admin.query<{ name: string; n: number }>(
      `SELECT name, sum(coalesce(jsonb_array_length(data->'events'), jsonb_array_length(data->'deliveries'), 1))::int AS n
         FROM pgboss.job WHERE name = ANY($1) AND state IN ('created', 'retry', 'active') GROUP BY name`,
      [[FAN_OUT_QUEUE, DELIVER_QUEUE]],
    );
    for (const r of rows.rows) held[r.name] = r.n;
  }
  const waiting = (q: string) => ['created', 'retry', 'active'].reduce((n, state) => n + (queues[q]?.[state] ?? 0), 0);
  const stillQueued = { outbox: outboxLeft, fanOutJobs: waiting(FAN_OUT_QUEUE), fanOutEvents: held[FAN_OUT_QUEUE] ?? 0, deliverJobs: waiting(DELIVER_QUEUE), deliveries: held[DELIVER_QUEUE] ?? 0 };

  // The first receipt of each member.created event, by member.
  const first = new Map<string, Receipt>();
  const seenIds = new Set<string>();
  let duplicates = 0;
  let badSignatures = 0;
  let others = 0;
  for (const r of receipts) {
    if (!r.verified) badSignatures++;
    if (r.type !== 'member.created' || !r.memberId) {
      others++;
      continue;
    }
    if (seenIds.has(r.webhookId)) duplicates++;
    seenIds.add(r.webhookId);
    const had = first.get(r.memberId);
    if (!had || r.receivedAt < had.receivedAt) first.set(r.memberId, r);
  }

  const { windowStart: ws, windowEnd: we } = w;
  const windowSeconds = (we - ws) / 1000;
  let warmup = 0;
  let inWindow = 0;
  let after = 0;
  let undelivered = 0;
  let backlogAtWindowEnd = 0;
  let deliveredInWindow = 0;
  let deliveredAfterWindow = 0;
  let lastReceipt = 0;
  const latency: number[] = [];
  const toFanOut: number[] = [];
  const fromFanOut: number[] = [];
  for (const m of members) {
    const r = first.get(m.id);
    if (m.t < ws) warmup++;
    else if (m.t < we) inWindow++;
    else after++;
    if (!r) undelivered++;
    if (m.t < we && (!r || r.receivedAt >= we)) backlogAtWindowEnd++;
    if (!r) continue;
    lastReceipt = Math.max(lastReceipt, r.receivedAt);
    if (r.receivedAt >= ws && r.receivedAt < we) deliveredInWindow++;
    if (r.receivedAt >= we) deliveredAfterWindow++;
    if (m.t >= ws && m.t < we && Number.isFinite(r.occurredAt)) {
      latency.push(r.receivedAt - r.occurredAt);
      const fo = fanOutAt.get(r.webhookId);
      if (fo !== undefined) {
        toFanOut.push(fo - r.occurredAt);
        fromFanOut.push(r.receivedAt - fo);
      }
    }
  }
  const drainSeconds = w.drained && deliveredAfterWindow > 0 ? Math.max(0, (lastReceipt - we) / 1000) : w.drained ? 0 : null;

  const problems: string[] = [];
  if (undelivered > 0) {
    problems.push(
      `${undelivered} of ${members.length} events not delivered ${w.maxDrainSeconds} s after the window${w.projectedSeconds ? ` (at the drain's rate, about ${w.projectedSeconds} s)` : ''}` +
        (stillQueued.outbox + stillQueued.fanOutEvents + stillQueued.deliveries >= undelivered ? '; all still queued' : '; NOT all accounted for by queued work'),
    );
  }
  if (badSignatures > 0) problems.push(`${badSignatures} webhooks with a signature that does not verify`);
  if (failedAttempts > 0) problems.push(`${failedAttempts} failed delivery attempts`);
  if (w.produced?.errors) problems.push(`the bulk producer failed ${w.produced.errors} transactions`);

  const latencyMs = summarise(latency);
  const orNull = (v: number[]) => (v.length ? summarise(v) : null);
  const summary = {
    workers: 'in the server process, as `courtyard start` runs them (createPlatform(config, {workers: true}))',
    windowSeconds: Math.round(windowSeconds * 100) / 100,
    events: { committed: members.length, beforeWindow: warmup, inWindow, afterWindow: after },
    committedPerSecond: per(inWindow, windowSeconds),
    delivered: {
      total: members.length - undelivered,
      inWindow: deliveredInWindow,
      /** Deliveries per second while the API load ran: the pipeline's throughput from commit to receiver. */
      perSecondInWindow: per(deliveredInWindow, windowSeconds),
      afterWindow: deliveredAfterWindow,
      drained: w.drained,
      /** From the end of the window to the last delivery; null when not drained. */
      drainSeconds: drainSeconds === null ? null : Math.round(drainSeconds * 100) / 100,
      // Only when there was a backlog to keep the workers busy all along.
      perSecondDrain: drainSeconds && deliveredAfterWindow >= 100 ? per(deliveredAfterWindow, drainSeconds) : null,
      projectedDrainSeconds: w.projectedSeconds,
    },
    backlogAtWindowEnd,
    undelivered,
    /** Events of the window: their occurredAt (inside the transaction, just before commit) to receipt. */
    commitToDeliveredMs: orNull(latency),
    stagesMs: {
      /** occurredAt → the delivery row (the fan-out job's transaction): relay and fan-out queue. */
      commitToFanOut: orNull(toFanOut),
      /** The delivery row → receipt: deliver queue and the HTTP attempt. */
      fanOutToReceived: orNull(fromFanOut),
    },
    duplicates,
    badSignatures,
    otherReceipts: others,
    failedAttempts,
    deliveries,
    outboxLeft,
    queues,
    /** Work still queued at the end: undelivered events all accounted for here are late, not lost. */
    stillQueued,
    discardedBefore: w.purged,
    ...(w.produced ? { producer: w.produced } : {}),
  };

  const lines = [
    `deliveries (workers in the server process): ${inWindow} events committed in the window (${summary.committedPerSecond ?? 0}/s), ` +
      `${deliveredInWindow} delivered in the window (${summary.delivered.perSecondInWindow ?? 0}/s); backlog at its end ${backlogAtWindowEnd}`,
    w.drained
      ? `drained ${drainSeconds?.toFixed(1)} s after the window${summary.delivered.perSecondDrain ? ` (${summary.delivered.perSecondDrain}/s without the API load)` : ''}`
      : `NOT drained: ${undelivered} of ${members.length} undelivered${w.projectedSeconds ? `; at the drain's rate about ${w.projectedSeconds} s after the window` : ''}; ` +
        `still queued: ${stillQueued.outbox} in the outboxes, ${stillQueued.fanOutEvents} events in ${stillQueued.fanOutJobs} fan-out jobs, ${stillQueued.deliveries} deliveries in ${stillQueued.deliverJobs} deliver jobs`,
    latencyMs.count === 0
      ? 'commit → delivered: no event of the window was delivered'
      : `commit → delivered (events of the window, ${latencyMs.count} delivered${latencyMs.count < inWindow ? ` of ${inWindow}: the first, so these understate` : ''}): ` +
        `p50 ${latencyMs.p50} ms, p99 ${latencyMs.p99} ms, max ${latencyMs.max} ms; ` +
        `commit → fan-out p50 ${summary.stagesMs.commitToFanOut?.p50 ?? '?'} ms, fan-out → received p50 ${summary.stagesMs.fanOutToReceived?.p50 ?? '?'} ms`,
    `duplicates ${duplicates}, bad signatures ${badSignatures}, failed attempts ${failedAttempts}`,
  ];
  return { valid: problems.length === 0, summary, lines, problems };
}
