import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { TenantInfo } from '../../src/kernel/context.js';
import { emitAll } from '../../src/kernel/events/outbox.js';
import { newId } from '../../src/kernel/ids.js';
import { testDb } from '../../test/test-db.js';
import type { BenchTenant } from './members.js';

/**
 * The bulk producer of the webhooks suite: commits `member.created` events at a paced rate,
 * several per tenant transaction (new members and their events, through the kernel's
 * `emitAll`, as an import would), tenants in turn. POST /members alone cannot offer thousands
 * of events per second on 2 cores; this offers them with little CPU, so that what is measured
 * is the delivery pipeline. It runs in the bench's own process, beside the load generator.
 */

export const EVENTS_PER_TRANSACTION = 50;
const TICK_MS = 20;
/** Transactions in flight at once: enough to keep pace when one is slow, few enough to stay out of the API's way. */
const CONNECTIONS = 4;

export interface ProducerStats {
  eventsPerSecondOffered: number;
  eventsPerTransaction: number;
  transactions: number;
  events: number;
  seconds: number;
  /** Committed over the producer's running time. */
  eventsPerSecond: number;
  /** The most transactions that were due but not started (the producer could not keep pace when it grew). */
  maxBehind: number;
  errors: number;
}

export interface BulkProducer {
  start(): void;
  stop(): void;
  /** Waits for the transactions under way, closes the connections and tells what was committed. */
  done(): Promise<ProducerStats>;
}

export function bulkProducer(databaseUrl: string, tenants: readonly BenchTenant[], eventsPerSecond: number): BulkProducer {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: CONNECTIONS, application_name: 'courtyard-bench-producer' });
  const db = new Kysely<unknown>({ dialect: new PostgresDialect({ pool }) });
  const running = new Set<Promise<void>>();
  let timer: NodeJS.Timeout | undefined;
  let startedAt = 0;
  let stoppedAt = 0;
  let launched = 0;
  let committed = 0;
  let maxBehind = 0;
  let errors = 0;
  let firstError: unknown;

  async function commitOne(n: number): Promise<void> {
    const tenant = tenants[n % tenants.length]!;
    const members = Array.from({ length: EVENTS_PER_TRANSACTION }, (_, i) => ({
      tenantId: tenant.id,
      id: newId(),
      firstName: 'Bulk',
      lastName: `Member ${n}-${i}`,
      email: `bulk.${n}.${i}@${tenant.slug}.example`,
      phone: '+44 20 7946 0000',
      type: 'other' as const,
      status: 'active' as const,
      notes: '',
    }));
    await db.transaction().execute(async (trx) => {
      await testDb(trx).insertInto('members').values(members).execute();
      await emitAll({ db: trx, tenant: { id: tenant.id } as TenantInfo }, 'member.created', members.map(({ tenantId: _tenant, ...m }) => m));
    });
    committed++;
  }

  function tick(): void {
    const due = Math.floor(((Date.now() - startedAt) / 1000) * (eventsPerSecond / EVENTS_PER_TRANSACTION));
    maxBehind = Math.max(maxBehind, due - launched);
    while (launched < due && running.size < CONNECTIONS) {
      const run = commitOne(launched++)
        .catch((error: unknown) => {
          errors++;
          firstError ??= error;
        })
        .finally(() => running.delete(run));
      running.add(run);
    }
  }

  return {
    start() {
      startedAt = Date.now();
      timer = setInterval(tick, TICK_MS);
    },
    stop() {
      clearInterval(timer);
      stoppedAt = Date.now();
    },
    async done() {
      await Promise.all(running);
      await db.destroy();
      if (firstError) console.error('the bulk producer failed:', firstError);
      const seconds = ((stoppedAt || Date.now()) - startedAt) / 1000;
      const events = committed * EVENTS_PER_TRANSACTION;
      return {
        eventsPerSecondOffered: eventsPerSecond,
        eventsPerTransaction: EVENTS_PER_TRANSACTION,
        transactions: committed,
        events,
        seconds: Math.round(seconds * 100) / 100,
        eventsPerSecond: seconds > 0 ? Math.round(events / seconds) : 0,
        maxBehind,
        errors,
      };
    },
  };
}
