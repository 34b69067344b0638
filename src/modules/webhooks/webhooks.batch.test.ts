import { Webhook } from 'standardwebhooks';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { estate, type Estate } from '../../../test/fixture.js';
import { startPlatform, type TestPlatform } from '../../../test/helpers.js';
import { closeHarnesses, harness, startReceiver, type Hit, type Receiver } from '../../../test/webhook-harness.js';
import type { DomainEvent } from '../../kernel/events/event.js';
import { newId } from '../../kernel/ids.js';
import { DELIVER_BATCH } from './index.js';

/**
 * The batched pipeline: a fan-out run over many events and tenants, the deliver jobs it
 * queues (ranked per tenant behind that tenant's backlog), and per-endpoint slots. The queue is
 * the harness's, which takes due jobs as pg-boss does: higher priority first, then older.
 */

let receiver: Receiver;
let open: TestPlatform;
let busy: Estate;
let quiet: Estate;

beforeAll(async () => {
  receiver = await startReceiver();
  open = await startPlatform({ config: { webhooksAllowPrivate: true } });
  [busy, quiet] = [await estate(open, { slug: 'busy' }), await estate(open, { slug: 'quiet' })];
});
afterAll(async () => {
  receiver?.close();
  await open?.close();
});
afterEach(async () => {
  for (const t of [busy, quiet]) {
    const list = (await t.api('GET', '/webhooks/endpoints?limit=200')).json().data as { id: string }[];
    for (const e of list) await t.api('DELETE', `/webhooks/endpoints/${e.id}`);
  }
  receiver.hits.length = 0;
  await closeHarnesses();
});

async function endpointOf(t: Estate, path: string) {
  const res = await t.api('POST', '/webhooks/endpoints', { url: receiver.url(path), events: ['member.*'] });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; secret: string };
}

const eventsOf = (t: Estate, n: number): DomainEvent[] =>
  Array.from({ length: n }, () => ({ id: newId(), type: 'member.updated', tenantId: t.id, occurredAt: new Date().toISOString(), version: 1, data: { id: newId() } }));

const deliveries = async (t: Estate, endpointId: string) =>
  (await t.api('GET', `/webhooks/endpoints/${endpointId}/deliveries?limit=200`)).json().data as { status: string; attemptCount: number; lastError: string | null }[];

function verifies(secret: string, hit: Hit): boolean {
  try {
    new Webhook(secret).verify(hit.body, hit.headers as Record<string, string>);
    return true;
  } catch {
    return false;
  }
}

describe('batched webhook delivery', () => {
  it('fans out a batch of many tenants’ events with a few jobs per tenant, and delivers each event once, signed', async () => {
    const h = await harness(open);
    const [b, q] = [await endpointOf(busy, '/ok'), await endpointOf(quiet, '/ok')];
    const events = [...eventsOf(busy, 120), ...eventsOf(quiet, 3)];
    await h.workers.fanOut.batch.handle(events, h.ctx);
    // busy: 120 deliveries in jobs of at most DELIVER_BATCH; quiet: one job (tenants are fanned out side by side).
    const jobsOf = (tenantId: string) => h.queued.filter((j) => j.data.tenantId === tenantId).map((j) => [j.data.tenantId, j.data.deliveries.length]);
    expect([...jobsOf(busy.id), ...jobsOf(quiet.id)]).toEqual([
      [busy.id, DELIVER_BATCH],
      [busy.id, DELIVER_BATCH],
      [busy.id, 120 - 2 * DELIVER_BATCH],
      [quiet.id, 3],
    ]);
    // Handed over again (an at-least-once queue), the batch creates and queues nothing new once delivered.
    await h.runUntil();
    await h.workers.fanOut.batch.handle(events, h.ctx);
    expect(await h.runUntil()).toBe(0);

    const hits = receiver.hitsOn('/ok');
    expect(hits).toHaveLength(123);
    expect(new Set(hits.map((x) => x.headers['webhook-id'])).size).toBe(123);
    const busyIds = new Set(events.slice(0, 120).map((e) => e.id));
    expect(hits.every((x) => verifies(busyIds.has(String(x.headers['webhook-id'])) ? b.secret : q.secret, x))).toBe(true);
    expect((await deliveries(busy, b.id)).length).toBe(120);
    expect((await deliveries(quiet, q.id)).every((d) => d.status === 'succeeded' && d.attemptCount === 1)).toBe(true);
  });

  it('does not let a tenant with 100× the events delay another tenant’s first delivery by more than one batch', async () => {
    const h = await harness(open);
    await endpointOf(busy, '/ok');
    await endpointOf(quiet, '/ok');
    // The busy tenant's 1,000 events are fanned out first: their jobs wait in the queue when the quiet tenant's 10 arrive.
    const loud = eventsOf(busy, 1_000);
    for (let i = 0; i < loud.length; i += 500) await h.workers.fanOut.batch.handle(loud.slice(i, i + 500), h.ctx);
    const soft = eventsOf(quiet, 10);
    await h.workers.fanOut.batch.handle(soft, h.ctx);
    await h.runUntil();

    const order = receiver.hitsOn('/ok').map((x) => String(x.headers['webhook-id']));
    expect(order).toHaveLength(1_010);
    const softIds = new Set(soft.map((e) => e.id));
    const first = order.findIndex((id) => softIds.has(id));
    expect(first).toBeGreaterThanOrEqual(0);
    expect(first).toBeLessThanOrEqual(DELIVER_BATCH);
    // All of the quiet tenant's deliveries come before the busy tenant's second batch.
    expect(order.slice(0, DELIVER_BATCH + soft.length).filter((id) => softIds.has(id))).toHaveLength(soft.length);
  });

  it('keeps a slow receiver to its endpoint’s slots: the rest of its batch goes back to the queue, and another tenant’s deliveries go on meanwhile', async () => {
    const h = await harness(open, { timeoutMs: 1_000, endpointConcurrency: 2, slotWaitMs: 100 });
    const slow = await endpointOf(busy, '/slow');
    const fast = await endpointOf(quiet, '/ok');
    await h.workers.fanOut.batch.handle([...eventsOf(busy, 5), ...eventsOf(quiet, 5)], h.ctx);
    const queued = h.queued.splice(0);
    const [slowJob, fastJob] = [queued.find((j) => j.data.tenantId === busy.id), queued.find((j) => j.data.tenantId === quiet.id)];
    const run = (job: typeof slowJob) => h.workers.deliver.handler({ id: newId(), name: job!.name, data: job!.data, retryCount: 0 }, h.ctx);

    const started = Date.now();
    const slowRun = run(slowJob);
    await run(fastJob);
    // The fast endpoint's five were delivered while the slow one's attempts were still waiting for an answer.
    expect(Date.now() - started).toBeLessThan(800);
    expect(receiver.hitsOn('/ok')).toHaveLength(5);
    await slowRun;

    // Two attempts (its slots) were made and timed out; three found no slot, were not attempted and are queued again shortly.
    expect(receiver.hitsOn('/slow')).toHaveLength(2);
    const slowDeliveries = await deliveries(busy, slow.id);
    expect(slowDeliveries.filter((d) => d.attemptCount === 1).map((d) => d.lastError)).toEqual(['timed out after 1000 ms', 'timed out after 1000 ms']);
    expect(slowDeliveries.filter((d) => d.attemptCount === 0)).toHaveLength(3);
    const deferred = h.queued.find((j) => j.data.deliveries.length === 3)!;
    expect(deferred.startAfter!.getTime() - h.clock.getTime()).toBe(2_000);
    expect(deferred.data.deliveries.every((d) => d.attempt === 1)).toBe(true);
    expect((await deliveries(quiet, fast.id)).every((d) => d.status === 'succeeded')).toBe(true);

    // Queued again, they are attempted: nothing was claimed and left behind.
    await h.runUntil(new Date(h.clock.getTime() + 2_000));
    expect(receiver.hitsOn('/slow').length).toBeGreaterThanOrEqual(4);
  });
});
