/**
 * The webhooks suite (issue 3's benchmark): events per second from commit to webhook
 * delivered on a local receiver, and the API's p99 while that load runs, against the API alone
 * in the same run.
 *
 * 50 tenants (by default) of 100 members, each with one webhook endpoint (`member.*`) that
 * points at a receiver in a child process on 127.0.0.1 (bench/servers/receiver.ts: answers 200
 * at once, records the time of receipt per webhook-id and verifies the signature). The write
 * route is POST /api/v1/members: every 201 is one member.created event, one delivery.
 *
 *   (a) the API alone: the server without workers (nothing delivers), closed loop;
 *   (b) the same load with the job workers and the outbox relay in the server process, as
 *       `courtyard start` runs them; after the window, the deliveries drain (--drain);
 *   (c), (d) the same two paced at --rate requests/s: the API's latency at the same offered
 *       load, and commit → delivered latency when the pipeline keeps up;
 *   (e), (f) the pipeline at thousands of events per second: GET /api/v1/members/{id} paced at
 *       --rate with the workers running, idle (e), and while a bulk producer commits
 *       --event-rate member.created events per second (f; webhooks.producer.ts), 50 per tenant
 *       transaction. POST /members alone cannot offer that many on 2 cores.
 *
 * (b), (d) and (f) are invalid when an event committed during the scenario is not delivered by
 * the end of the drain, when a signature does not verify, or when an attempt failed.
 */
import type { Platform } from '../../src/platform.js';
import { startReceiver, type Receiver } from '../lib/receiver.js';
import { table } from '../lib/report.js';
import type { BenchRequest, Scenario, ScenarioResult, Suite, SuiteEnv } from '../lib/types.js';
import { seconds } from '../lib/util.js';
import { checkReadOne, createOne, readOneOf, seedMembers, type MembersFixture } from './members.js';
import { deliveryProbe, sleep } from './webhooks.delivery.js';
import { bulkProducer } from './webhooks.producer.js';

export interface WebhooksFixture extends MembersFixture {
  /** The benchmark database, for the bulk producer's own connections. */
  databaseUrl: string;
  receiver: Receiver;
  endpoints: number;
  endpointSeconds: number;
}

const ALLOW_PRIVATE = { COURTYARD_WEBHOOKS_ALLOW_PRIVATE: 'true' };
const EVENTS = ['member.*'];

async function seed(env: SuiteEnv): Promise<WebhooksFixture> {
  const receiver = await startReceiver();
  try {
    let endpoints = 0;
    let endpointSeconds = 0;
    const members = await seedMembers(env, {
      config: { webhooksAllowPrivate: true },
      // One endpoint per tenant, registered through the API as a tenant administrator would.
      extend: async (p: Platform, f: MembersFixture) => {
        const t0 = process.hrtime.bigint();
        const secrets: Record<string, string> = {};
        for (const t of f.tenants) {
          const res = await p.app.inject({
            method: 'POST',
            url: '/api/v1/webhooks/endpoints',
            headers: { authorization: t.authorization, 'x-tenant-id': t.id },
            payload: { url: receiver.urlFor(t.slug), events: EVENTS, description: 'benchmark receiver' },
          });
          const body = res.json() as { secret?: string };
          if (res.statusCode !== 201 || typeof body.secret !== 'string') throw new Error(`registering the endpoint of ${t.slug} answered ${res.statusCode} ${res.body}`);
          secrets[t.slug] = body.secret;
        }
        await receiver.setSecrets(secrets);
        endpoints = Object.keys(secrets).length;
        endpointSeconds = seconds(t0);
        env.log(`  registered ${endpoints} webhook endpoints (${EVENTS.join(', ')}) at ${receiver.urlFor('<slug>')}`);
      },
    });
    return { ...members, databaseUrl: env.databaseUrl, receiver, endpoints, endpointSeconds };
  } catch (error) {
    await receiver.stop();
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// Checks

async function post(baseUrl: string, r: BenchRequest) {
  const res = await fetch(baseUrl + r.path, { method: r.method, headers: r.headers, ...(r.body ? { body: r.body } : {}) });
  return { status: res.status, body: (await res.json().catch(() => null)) as Record<string, unknown> | null };
}

async function checkCreate(f: WebhooksFixture, baseUrl: string): Promise<string> {
  const res = await post(baseUrl, createOne(f));
  if (res.status !== 201 || typeof res.body?.id !== 'string') throw new Error(`create answered ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}

/** A member created through the API reaches the receiver, correctly signed. */
async function checkDelivered(f: WebhooksFixture, baseUrl: string): Promise<void> {
  const id = await checkCreate(f, baseUrl);
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const got = (await f.receiver.receipts()).find((r) => r.memberId === id);
    if (got && !got.verified) throw new Error(`the webhook of member ${id} arrived with a signature that does not verify`);
    if (got) return;
    await sleep(100);
  }
  throw new Error(`the webhook of member ${id} did not arrive within 30 s`);
}

// ---------------------------------------------------------------------------------------------
// The work, deliveries of every member.created event committed during the scenario, is measured
// by `deliveryProbe` (webhooks.delivery.ts); here it is reported.

const ms = (n: number) => Math.round(n * 10) / 10;

function report(results: ScenarioResult[]): string[] {
  const withWork = results.filter((r) => r.work);
  if (withWork.length === 0) return [];
  interface Work {
    committedPerSecond: number | null;
    delivered: { perSecondInWindow: number | null; drainSeconds: number | null; perSecondDrain: number | null; projectedDrainSeconds: number | null };
    commitToDeliveredMs: { p50: number; p99: number } | null;
    backlogAtWindowEnd: number;
    undelivered: number;
    duplicates: number;
    badSignatures: number;
  }
  const rows = withWork.map((r) => {
    const w = r.work as unknown as Work;
    return [
      `(${r.id})`,
      r.title,
      String(w.committedPerSecond ?? '—'),
      String(w.delivered.perSecondInWindow ?? '—'),
      String(w.backlogAtWindowEnd),
      w.delivered.drainSeconds === null ? `> ${w.delivered.projectedDrainSeconds ?? '?'}` : w.delivered.drainSeconds.toFixed(1),
      String(w.delivered.perSecondDrain ?? '—'),
      w.commitToDeliveredMs ? ms(w.commitToDeliveredMs.p50).toFixed(0) : '—',
      w.commitToDeliveredMs ? ms(w.commitToDeliveredMs.p99).toFixed(0) : '—',
      String(w.undelivered),
      `${w.duplicates} / ${w.badSignatures}`,
      r.valid ? 'ok' : 'INVALID',
    ];
  });
  const out = [
    table(
      ['', 'deliveries', 'committed/s', 'delivered/s', 'backlog', 'drain s', 'drain/s', 'commit→rcvd p50 ms', 'p99 ms', 'undelivered', 'dup / bad sig', ''],
      rows,
      [false, false, true, true, true, true, true, true, true, true, true, false],
    ),
  ];
  const compare = (aloneId: string, withId: string, what: string) => {
    const alone = results.find((r) => r.id === aloneId);
    const delivering = results.find((r) => r.id === withId);
    if (!alone || !delivering || alone.requests === 0 || delivering.requests === 0) return;
    const flag = alone.valid && delivering.valid ? '' : ' (not both valid: not a result)';
    out.push(
      `${what}: API while webhooks are delivered (${withId}) against the API alone (${aloneId}): p99 ${delivering.latencyMs.p99.toFixed(2)} ms against ${alone.latencyMs.p99.toFixed(2)} ms ` +
        `(×${(delivering.latencyMs.p99 / alone.latencyMs.p99).toFixed(2)}), ${delivering.requestsPerSecond.toFixed(0)} req/s against ${alone.requestsPerSecond.toFixed(0)} (×${(delivering.requestsPerSecond / alone.requestsPerSecond).toFixed(2)})${flag}`,
    );
  };
  out.push('');
  compare('a', 'b', 'closed loop');
  compare('c', 'd', 'paced');
  compare('e', 'f', 'bulk events');
  return out;
}

const server = { kind: 'platform', env: ALLOW_PRIVATE } as const;
const withWorkers = { kind: 'platform', workers: true, env: ALLOW_PRIVATE } as const;

const scenarios: Scenario<WebhooksFixture>[] = [
  {
    id: 'a',
    key: 'webhooks.api.alone',
    title: 'POST /api/v1/members, API alone (no workers)',
    server,
    request: createOne,
    check: async (f, baseUrl) => void (await checkCreate(f, baseUrl)),
  },
  {
    id: 'b',
    key: 'webhooks.api.delivering',
    title: 'POST /api/v1/members, workers delivering in process',
    server: withWorkers,
    request: createOne,
    check: checkDelivered,
    work: (f, env) => deliveryProbe(f, env, { maxDrainSeconds: env.params.drainSeconds }),
  },
  {
    id: 'c',
    key: 'webhooks.api.alone.paced',
    title: 'POST /api/v1/members paced, API alone (no workers)',
    server,
    request: createOne,
    rate: (params) => params.rate,
    check: async (f, baseUrl) => void (await checkCreate(f, baseUrl)),
  },
  {
    id: 'd',
    key: 'webhooks.api.delivering.paced',
    title: 'POST /api/v1/members paced, workers delivering in process',
    server: withWorkers,
    request: createOne,
    rate: (params) => params.rate,
    check: checkDelivered,
    // Paced, the pipeline keeps up or it does not: a short drain tells which.
    work: (f, env) => deliveryProbe(f, env, { maxDrainSeconds: Math.min(env.params.drainSeconds, 15) }),
  },
  {
    id: 'e',
    key: 'webhooks.read.idle',
    title: 'GET /api/v1/members/{id} paced, workers idle',
    server: withWorkers,
    request: (f) => readOneOf(f.tenants),
    rate: (params) => params.rate,
    check: checkReadOne,
  },
  {
    id: 'f',
    key: 'webhooks.read.bulk-events',
    title: 'GET /api/v1/members/{id} paced, bulk events delivered in process',
    server: withWorkers,
    request: (f) => readOneOf(f.tenants),
    rate: (params) => params.rate,
    check: checkDelivered,
    work: (f, env) => deliveryProbe(f, env, { maxDrainSeconds: env.params.drainSeconds, producer: bulkProducer(f.databaseUrl, f.tenants, env.params.eventRate) }),
  },
];

export const webhooksSuite: Suite<WebhooksFixture> = {
  name: 'webhooks',
  description: 'Webhooks from commit to a local receiver, and the API while they are delivered against the API alone',
  defaults: { tenants: 50, membersPerTenant: 100, serviceTenants: 1, drainSeconds: 45 },
  seed,
  describeFixture: (f) => ({
    tenants: f.tenants.length,
    membersPerTenant: f.tenants[0]?.members.length ?? 0,
    webhookEndpoints: f.endpoints,
    endpointEvents: EVENTS,
    receiver: 'child process on 127.0.0.1 (bench/servers/receiver.ts): answers 200 at once, records receipt time per webhook-id, verifies every signature with standardwebhooks',
    seedingSeconds: {
      ...Object.fromEntries(Object.entries(f.seeding).map(([k, v]) => [k.replace(/Seconds$/, ''), Math.round(v * 100) / 100])),
      endpoints: Math.round(f.endpointSeconds * 100) / 100,
    },
  }),
  scenarios,
  ratios: [
    { name: '(b)/(a) req/s', numerator: 'b', denominator: 'a' },
    { name: '(b)/(a) p99', metric: 'p99', numerator: 'b', denominator: 'a' },
    { name: '(d)/(c) p99', metric: 'p99', numerator: 'd', denominator: 'c' },
    { name: '(f)/(e) p99', metric: 'p99', numerator: 'f', denominator: 'e', target: 1.2 },
  ],
  report,
  teardown: (f) => f.receiver.stop(),
};
