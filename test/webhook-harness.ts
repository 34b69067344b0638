import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DomainEvent } from '../src/kernel/events/event.js';
import { newId } from '../src/kernel/ids.js';
import type { JobContext } from '../src/kernel/jobs/job.js';
import { EndpointSecrets, webhookWorkers, type DeliverJobData, type WorkerOptions } from '../src/modules/webhooks/index.js';
import type { TestPlatform } from './helpers.js';
import { testDb } from './test-db.js';

/**
 * For the webhooks module's tests: a real HTTP receiver on 127.0.0.1 whose paths answer as
 * their names say, and the module's worker driven by the test (the platform's own job context,
 * a queue that records what is sent, a clock the test moves).
 */

export interface Hit {
  path: string;
  host: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface Receiver {
  port: number;
  /** Every request received, oldest first; empty it between tests. */
  hits: Hit[];
  hitsOn(path: string): Hit[];
  /** The receiver's URL for a path, by another name for 127.0.0.1 if told. */
  url(path: string, host?: string): string;
  close(): void;
}

export function startReceiver(): Promise<Receiver> {
  const hits: Hit[] = [];
  const slow = new Set<NodeJS.Timeout>();
  let port = 0;
  const replies: Record<string, (res: ServerResponse) => void> = {
    '/ok': (res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('thanks'),
    '/fail': (res) => res.writeHead(500).end('boom'),
    '/long': (res) => res.writeHead(500).end('x'.repeat(5_000)),
    '/gone': (res) => res.writeHead(410).end('gone'),
    '/redirect': (res) => res.writeHead(302, { location: `http://127.0.0.1:${port}/ok` }).end(),
    '/busy': (res) => res.writeHead(503, { 'retry-after': '3600' }).end('later'),
    '/slow': (res) => {
      const timer = setTimeout(() => res.writeHead(200).end('too late'), 3_000);
      slow.add(timer);
    },
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = (req.url ?? '/').split('?')[0]!;
      hits.push({ path, host: req.headers.host ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      (replies[path] ?? ((r: ServerResponse) => r.writeHead(404).end()))(res);
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port;
      resolve({
        port,
        hits,
        hitsOn: (path) => hits.filter((h) => h.path === path),
        url: (path, host = '127.0.0.1') => `http://${host}:${port}${path}`,
        close() {
          for (const timer of slow) clearTimeout(timer);
          server.closeAllConnections();
          server.close();
        },
      });
    }),
  );
}

const open: Harness[] = [];

/** Closes the senders of every harness made so far. */
export const closeHarnesses = () => Promise.all(open.splice(0).map((h) => h.workers.sender.close()));


export interface Queued {
  name: string;
  data: DeliverJobData;
  startAfter: Date | null;
  priority: number;
}

export interface Harness {
  clock: Date;
  queued: Queued[];
  sent: Queued[];
  workers: ReturnType<typeof webhookWorkers>;
  ctx: JobContext;
  relay(tenantId: string): Promise<DomainEvent[]>;
  runUntil(until?: Date): Promise<number>;
  deliver(event: DomainEvent): Promise<number>;
}

/** The webhook worker with the platform's job context, a recording queue and a clock the test moves. */
export async function harness(p: TestPlatform, options: Partial<WorkerOptions> = {}): Promise<Harness> {
  const workers = webhookWorkers({ allowPrivate: true, random: () => 0.5, ...options }, await platformSecrets(p));
  const queued: Queued[] = [];
  const sent: Queued[] = [];
  const h: Harness = {
    clock: new Date(),
    queued,
    sent,
    workers,
    ctx: undefined as unknown as JobContext,
    /** Feeds the tenant's outbox to the subscriber, as the relay would, and empties it. Returns the events. */
    async relay(tenantId: string): Promise<DomainEvent[]> {
      const events = await drainOutbox(p, tenantId);
      for (const event of events) await workers.fanOut.handle(event, h.ctx);
      return events;
    },
    /**
     * Runs every job due by `until`, earliest first, each at its own start time; among jobs due
     * at once the higher priority, then the older, as pg-boss fetches them. The clock ends at `until`.
     */
    async runUntil(until: Date = h.clock): Promise<number> {
      let ran = 0;
      for (;;) {
        const due = queued
          .filter((q) => (q.startAfter?.getTime() ?? 0) <= until.getTime())
          .sort((a, b) => (a.startAfter?.getTime() ?? 0) - (b.startAfter?.getTime() ?? 0) || b.priority - a.priority || sent.indexOf(a) - sent.indexOf(b));
        const next = due[0];
        if (!next) break;
        queued.splice(queued.indexOf(next), 1);
        if (next.startAfter && next.startAfter > h.clock) h.clock = next.startAfter;
        await workers.deliver.handler({ id: newId(), name: next.name, data: next.data, retryCount: 0 }, h.ctx);
        ran++;
      }
      if (until > h.clock) h.clock = until;
      return ran;
    },
    async deliver(event: DomainEvent) {
      await workers.fanOut.handle(event, h.ctx);
      return h.runUntil();
    },
  };
  h.ctx = {
    ...p.platform.jobs.context(),
    now: () => h.clock,
    queue: {
      async send(name, data, o) {
        const job = { name, data: data as DeliverJobData, startAfter: o?.startAfter ?? null, priority: o?.priority ?? 0 };
        queued.push(job);
        sent.push(job);
        return String(sent.length);
      },
    },
  };
  open.push(h);
  return h;
}

export async function drainOutbox(p: TestPlatform, tenantId: string): Promise<DomainEvent[]> {
  return p.platform.jobs.context().tenantTransaction(tenantId, async (db) => {
    const outbox = testDb(db);
    const rows = await outbox.selectFrom('outbox').selectAll().orderBy('occurredAt').orderBy('id').execute();
    await outbox.deleteFrom('outbox').execute();
    return rows.map((r) => ({
      id: r.id,
      type: r.type,
      tenantId: r.tenantId,
      occurredAt: r.occurredAt.toISOString(),
      version: r.version,
      data: typeof r.data === 'string' ? JSON.parse(r.data) : r.data,
    }));
  });
}

/** The endpoint secrets as the platform seals them: with its token secret, kept in the control database. */
export async function platformSecrets(p: TestPlatform): Promise<EndpointSecrets> {
  const row = await testDb(p.platform.main.kysely).selectFrom('control.secrets').select('value').where('name', '=', 'token_secret').executeTakeFirstOrThrow();
  return new EndpointSecrets(row.value);
}
