import type { LookupAddress } from 'node:dns';
import { Webhook } from 'standardwebhooks';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { estate, type Estate } from '../../../test/fixture.js';
import { startPlatform, type TestPlatform } from '../../../test/helpers.js';
import { testDb } from '../../../test/test-db.js';
import { closeHarnesses, drainOutbox, harness, platformSecrets, startReceiver, type Hit, type Receiver } from '../../../test/webhook-harness.js';
import type { DomainEvent } from '../../kernel/events/event.js';
import { newId } from '../../kernel/ids.js';
import { systemResolver } from '../../kernel/webhooks/ssrf.js';

/**
 * The webhooks module's worker on a real database and a real HTTP receiver on 127.0.0.1. The
 * worker's subscriber and job handler are called here directly (see test/webhook-harness.ts);
 * the relay and pg-boss are exercised end to end in webhooks.relay.test.ts.
 */

let receiver: Receiver;
// The receiver is on loopback: this platform's operator allows private destinations.
let open: TestPlatform;
let oak: Estate;

beforeAll(async () => {
  receiver = await startReceiver();
  open = await startPlatform({ config: { webhooksAllowPrivate: true } });
  oak = await estate(open, { slug: 'oak' });
});
afterAll(async () => {
  receiver?.close();
  await open?.close();
});

const receiverUrl = (path: string, host?: string) => receiver.url(path, host);

async function createEndpoint(body: Record<string, unknown>) {
  const res = await oak.api('POST', '/webhooks/endpoints', { description: 'Test receiver', ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; secret: string; url: string };
}

async function deliveriesOf(endpointId: string, query = 'limit=200') {
  const res = await oak.api('GET', `/webhooks/endpoints/${endpointId}/deliveries?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { data: Delivery[]; nextCursor: string | null };
}

interface Delivery {
  id: string;
  eventId: string;
  eventType: string;
  status: string;
  attemptCount: number;
  nextAttemptAt: string | null;
  lastStatusCode: number | null;
  lastResponseBody: string | null;
  lastError: string | null;
  attempts: { number: number; attemptedAt: string; statusCode: number | null; responseBody: string | null; durationMs: number; error: string | null }[];
  payload: { type: string; timestamp: string; data: unknown };
}

const eventOf = (type: string, data: object = { id: newId() }, tenantId = oak.id): DomainEvent => ({ id: newId(), type, tenantId, occurredAt: new Date().toISOString(), version: 1, data });

/** standardwebhooks checks the timestamp against the system clock: verify as of `now`. */
function verifyAt(now: Date, secret: string, hit: Hit) {
  vi.useFakeTimers({ toFake: ['Date'], now });
  try {
    return new Webhook(secret).verify(hit.body, hit.headers as Record<string, string>);
  } finally {
    vi.useRealTimers();
  }
}

afterEach(async () => {
  // Each test starts with no endpoints, an empty outbox and no hits.
  const list = (await oak.api('GET', '/webhooks/endpoints?limit=200')).json().data as { id: string }[];
  for (const e of list) expect((await oak.api('DELETE', `/webhooks/endpoints/${e.id}`)).statusCode).toBe(204);
  await drainOutbox(open, oak.id);
  receiver.hits.length = 0;
  await closeHarnesses();
});

describe('webhook deliveries', () => {
  it('delivers a committed change to a local receiver, signed so that the standardwebhooks package verifies it', async () => {
    const h = await harness(open);
    const endpoint = await createEndpoint({ url: receiverUrl('/ok'), events: ['member.*'] });
    const elsewhere = await createEndpoint({ url: receiverUrl('/fail'), events: ['invoice.*'] });
    const off = await createEndpoint({ url: receiverUrl('/fail'), events: ['*'], enabled: false });

    const member = await oak.api('POST', '/members', { firstName: 'Ada', lastName: 'Lovelace', type: 'owner' });
    expect(member.statusCode).toBe(201);
    const events = await h.relay(oak.id);
    const created = events.find((e) => e.type === 'member.created')!;
    expect(created).toBeDefined();
    await h.runUntil();

    expect(receiver.hitsOn('/fail')).toEqual([]);
    const [hit] = receiver.hitsOn('/ok');
    expect(receiver.hitsOn('/ok')).toHaveLength(1);
    expect(hit!.headers['content-type']).toBe('application/json');
    expect(hit!.headers['webhook-id']).toBe(created.id);
    const verified = verifyAt(new Date(), endpoint.secret, hit!) as { type: string; timestamp: string; data: { id: string; firstName: string } };
    expect(verified).toMatchObject({ type: 'member.created', timestamp: created.occurredAt, data: { id: member.json().id, firstName: 'Ada' } });
    expect(() => verifyAt(new Date(), elsewhere.secret, hit!)).toThrow();

    const { data } = await deliveriesOf(endpoint.id);
    expect(data).toHaveLength(1);
    expect(data[0]).toMatchObject({ eventId: created.id, eventType: 'member.created', status: 'succeeded', attemptCount: 1, nextAttemptAt: null, lastStatusCode: 200, lastResponseBody: 'thanks', lastError: null });
    expect(data[0]!.attempts).toEqual([{ number: 1, attemptedAt: expect.any(String), statusCode: 200, responseBody: 'thanks', durationMs: expect.any(Number), error: null }]);
    expect(data[0]!.payload).toEqual(JSON.parse(hit!.body));
    expect((await deliveriesOf(elsewhere.id)).data).toEqual([]);
    expect((await deliveriesOf(off.id)).data).toEqual([]);
  });

  it('makes one delivery per endpoint and event however often the event is handed over, and a repeated job sends nothing twice', async () => {
    const h = await harness(open);
    const endpoint = await createEndpoint({ url: receiverUrl('/ok'), events: ['*'] });
    const event = eventOf('member.updated');
    await h.workers.fanOut.handle(event, h.ctx);
    await h.workers.fanOut.handle(event, h.ctx);
    expect(h.queued).toHaveLength(2);
    const job = { ...h.queued[0]! };
    await h.runUntil();
    expect(receiver.hitsOn('/ok')).toHaveLength(1);
    // The same job again, as an at-least-once queue may run it: nothing is sent.
    await h.workers.deliver.handler({ id: newId(), name: job.name, data: job.data, retryCount: 1 }, h.ctx);
    expect(receiver.hitsOn('/ok')).toHaveLength(1);
    expect((await deliveriesOf(endpoint.id)).data.map((d) => d.attemptCount)).toEqual([1]);
  });

  it('records every failed attempt and spaces the attempts by the schedule: at once, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h', async () => {
    const h = await harness(open);
    const endpoint = await createEndpoint({ url: receiverUrl('/fail'), events: ['member.*'] });
    const start = h.clock;
    await h.deliver(eventOf('member.updated'));
    expect(receiver.hitsOn('/fail')).toHaveLength(1);
    let [delivery] = (await deliveriesOf(endpoint.id)).data;
    expect(delivery).toMatchObject({ status: 'pending', attemptCount: 1, lastStatusCode: 500, lastResponseBody: 'boom', lastError: 'HTTP 500' });
    expect(new Date(delivery!.nextAttemptAt!).getTime() - start.getTime()).toBe(5_000);
    expect(h.queued.map((q) => q.startAfter?.getTime())).toEqual([start.getTime() + 5_000]);

    await h.runUntil(new Date(start.getTime() + 3 * 86_400_000));
    expect(receiver.hitsOn('/fail')).toHaveLength(8);
    [delivery] = (await deliveriesOf(endpoint.id)).data;
    expect(delivery).toMatchObject({ status: 'failed', attemptCount: 8, nextAttemptAt: null });
    const times = delivery!.attempts.map((a) => new Date(a.attemptedAt).getTime());
    expect(times.slice(1).map((t, i) => t - times[i]!)).toEqual([5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000]);
    expect(delivery!.attempts.map((a) => a.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(delivery!.attempts.every((a) => a.statusCode === 500 && a.responseBody === 'boom' && a.durationMs >= 0)).toBe(true);
    // The receiver saw the same message every time.
    expect(new Set(receiver.hitsOn('/fail').map((x) => x.headers['webhook-id'])).size).toBe(1);
    expect(new Set(receiver.hitsOn('/fail').map((x) => x.body)).size).toBe(1);
    expect(h.queued).toEqual([]);
    // 27.6 hours of failure do not disable the endpoint.
    expect((await oak.api('GET', `/webhooks/endpoints/${endpoint.id}`)).json()).toMatchObject({ enabled: true, failingSince: start.toISOString() });
  });

  it('spreads the retries with jitter', async () => {
    const h = await harness(open, { random: () => 0 });
    await createEndpoint({ url: receiverUrl('/fail'), events: ['*'] });
    const start = h.clock.getTime();
    await h.deliver(eventOf('member.updated'));
    expect(h.queued[0]!.startAfter!.getTime() - start).toBe(4_500);
  });

  it('honours Retry-After', async () => {
    const h = await harness(open);
    const endpoint = await createEndpoint({ url: receiverUrl('/busy'), events: ['*'] });
    const start = h.clock.getTime();
    await h.deliver(eventOf('member.updated'));
    expect(h.queued.map((q) => q.startAfter!.getTime() - start)).toEqual([3_600_000]);
    const [delivery] = (await deliveriesOf(endpoint.id)).data;
    expect(delivery).toMatchObject({ lastStatusCode: 503, lastResponseBody: 'later', status: 'pending' });
    expect(new Date(delivery!.nextAttemptAt!).getTime() - start).toBe(3_600_000);
  });

  it('does not follow redirects: a 3xx is a failed attempt', async () => {
    const h = await harness(open);
    const endpoint = await createEndpoint({ url: receiverUrl('/redirect'), events: ['*'] });
    await h.deliver(eventOf('member.updated'));
    expect(receiver.hitsOn('/redirect')).toHaveLength(1);
    expect(receiver.hitsOn('/ok')).toEqual([]);
    const [delivery] = (await deliveriesOf(endpoint.id)).data;
    expect(delivery).toMatchObject({ status: 'pending', lastStatusCode: 302, lastError: expect.stringMatching(/^redirect \(302 to http:\/\/127\.0\.0\.1:\d+\/ok\) not followed$/) });
    expect(h.queued).toHaveLength(1);
  });

  it('records a receiver that does not answer in time as a failed attempt', async () => {
    const h = await harness(open, { timeoutMs: 300 });
    const endpoint = await createEndpoint({ url: receiverUrl('/slow'), events: ['*'] });
    await h.deliver(eventOf('member.updated'));
    const [delivery] = (await deliveriesOf(endpoint.id)).data;
    expect(delivery).toMatchObject({ status: 'pending', lastStatusCode: null, lastResponseBody: null, lastError: 'timed out after 300 ms' });
    expect(delivery!.attempts[0]!.durationMs).toBeGreaterThanOrEqual(250);
    expect(delivery!.attempts[0]!.durationMs).toBeLessThan(3_000);
    expect(h.queued).toHaveLength(1);
  });

  it('keeps the first kilobyte of a long response body', async () => {
    const h = await harness(open);
    const endpoint = await createEndpoint({ url: receiverUrl('/long'), events: ['*'] });
    await h.deliver(eventOf('member.updated'));
    const [delivery] = (await deliveriesOf(endpoint.id)).data;
    expect(delivery!.lastResponseBody).toBe('x'.repeat(1024));
    expect(delivery!.attempts[0]!.responseBody).toBe('x'.repeat(1024));
  });

  it('disables an endpoint that answers 410 Gone, and tells the tenant', async () => {
    const h = await harness(open);
    const gone = await createEndpoint({ url: receiverUrl('/gone'), events: ['member.*'] });
    const watcher = await createEndpoint({ url: receiverUrl('/ok'), events: ['webhook_endpoint.*'] });
    await h.deliver(eventOf('member.updated'));
    expect(receiver.hitsOn('/gone')).toHaveLength(1);
    expect(h.queued).toEqual([]);
    expect((await deliveriesOf(gone.id)).data[0]).toMatchObject({ status: 'failed', lastStatusCode: 410, attemptCount: 1 });
    expect((await oak.api('GET', `/webhooks/endpoints/${gone.id}`)).json()).toMatchObject({ enabled: false, disabledReason: 'gone' });

    // The tenant is told: an event, which its other endpoints may receive.
    const events = await h.relay(oak.id);
    expect(events.map((e) => e.type)).toEqual(['webhook_endpoint.disabled']);
    expect(events[0]!.data).toEqual({ endpointId: gone.id, url: gone.url, reason: 'gone', failingSince: h.clock.toISOString() });
    await h.runUntil();
    const told = receiver.hitsOn('/ok');
    expect(told).toHaveLength(1);
    expect(verifyAt(h.clock, watcher.secret, told[0]!)).toMatchObject({ type: 'webhook_endpoint.disabled', data: { endpointId: gone.id, reason: 'gone' } });

    // A disabled endpoint receives nothing more.
    await h.deliver(eventOf('member.updated'));
    expect(receiver.hitsOn('/gone')).toHaveLength(1);
    expect((await deliveriesOf(gone.id)).data).toHaveLength(1);
  });

  it('disables an endpoint that has failed for 5 days, and tells the tenant once', async () => {
    const h = await harness(open);
    const endpoint = await createEndpoint({ url: receiverUrl('/fail'), events: ['member.*'] });
    const start = h.clock.getTime();
    const day = 86_400_000;
    await h.deliver(eventOf('member.updated'));
    await h.runUntil(new Date(start + 4 * day));
    expect((await oak.api('GET', `/webhooks/endpoints/${endpoint.id}`)).json()).toMatchObject({ enabled: true, failingSince: new Date(start).toISOString() });

    // Four days in, a new event fails again; its retries run past the fifth day.
    await h.deliver(eventOf('member.created'));
    expect((await oak.api('GET', `/webhooks/endpoints/${endpoint.id}`)).json().enabled).toBe(true);
    await h.runUntil(new Date(start + 6 * day));
    const after = (await oak.api('GET', `/webhooks/endpoints/${endpoint.id}`)).json();
    expect(after).toMatchObject({ enabled: false, disabledReason: 'failing', failingSince: new Date(start).toISOString() });

    const [second, first] = (await deliveriesOf(endpoint.id)).data;
    expect(first).toMatchObject({ status: 'failed', attemptCount: 8 });
    expect(second).toMatchObject({ status: 'failed' });
    const times = second!.attempts.map((a) => new Date(a.attemptedAt).getTime() - start);
    expect(times.at(-1)).toBeGreaterThanOrEqual(5 * day);
    expect(times.slice(0, -1).every((t) => t < 5 * day)).toBe(true);

    const events = (await h.relay(oak.id)).filter((e) => e.type === 'webhook_endpoint.disabled');
    expect(events).toHaveLength(1);
    expect(events[0]!.data).toEqual({ endpointId: endpoint.id, url: endpoint.url, reason: 'failing', failingSince: new Date(start).toISOString() });
    expect(h.queued).toEqual([]);
  });

  it('refuses private destinations at delivery, after name resolution, unless the operator allows them', async () => {
    // *.rebind.test resolves to loopback: a name that passed registration elsewhere and now points inside.
    const resolve = async (host: string): Promise<LookupAddress[]> => (host.endsWith('.rebind.test') ? [{ address: '127.0.0.1', family: 4 }] : systemResolver(host));
    const guarded = await harness(open, { allowPrivate: false, resolve });
    const urls = [receiverUrl('/ok'), receiverUrl('/ok', 'localhost'), receiverUrl('/ok', '[::1]'), receiverUrl('/ok', 'hooks.rebind.test')];
    const endpoints = [];
    for (const url of urls) endpoints.push(await createEndpoint({ url, events: ['member.*'] }));
    await guarded.deliver(eventOf('member.updated'));
    expect(receiver.hits).toEqual([]);
    for (const [i, e] of endpoints.entries()) {
      const [delivery] = (await deliveriesOf(e.id)).data;
      expect(delivery, urls[i]).toMatchObject({ status: 'pending', attemptCount: 1, lastStatusCode: null, lastError: expect.stringMatching(/^refused: (127\.0\.0\.1|::1) is a loopback address/) });
    }

    // Allowed, the same resolver's answer is where the connection goes: the receiver on 127.0.0.1.
    const allowed = await harness(open, { allowPrivate: true, resolve });
    for (const e of endpoints.slice(2)) await oak.api('DELETE', `/webhooks/endpoints/${e.id}`);
    await allowed.deliver(eventOf('member.updated'));
    expect(receiver.hitsOn('/ok').map((x) => x.host).sort()).toEqual([`127.0.0.1:${receiver.port}`, `localhost:${receiver.port}`].sort());
    const rebound = await createEndpoint({ url: receiverUrl('/ok', 'hooks.rebind.test'), events: ['invoice.*'] });
    await allowed.deliver(eventOf('invoice.paid'));
    expect(receiver.hitsOn('/ok').at(-1)!.host).toBe(`hooks.rebind.test:${receiver.port}`);
    expect((await deliveriesOf(rebound.id)).data[0]).toMatchObject({ status: 'succeeded' });
  });

  it('rotates the secret: both sign for 24 hours, the new one alone after', async () => {
    const h = await harness(open);
    const endpoint = await createEndpoint({ url: receiverUrl('/ok'), events: ['*'] });
    const rotated = await oak.api('POST', `/webhooks/endpoints/${endpoint.id}/rotate-secret`);
    expect(rotated.statusCode, rotated.body).toBe(200);
    const { secret, previousSecretExpiresAt } = rotated.json();
    expect(secret).toMatch(/^whsec_/);
    expect(secret).not.toBe(endpoint.secret);
    const rotatedAt = new Date(previousSecretExpiresAt).getTime() - 24 * 3_600_000;
    expect(Math.abs(rotatedAt - Date.now())).toBeLessThan(60_000);
    expect((await oak.api('GET', `/webhooks/endpoints/${endpoint.id}`)).json().secret).toBeUndefined();

    h.clock = new Date(rotatedAt + 23 * 3_600_000);
    expect((await oak.api('POST', `/webhooks/endpoints/${endpoint.id}/test`)).statusCode).toBe(202);
    await h.relay(oak.id);
    await h.runUntil();
    const during = receiver.hitsOn('/ok').at(-1)!;
    expect(String(during.headers['webhook-signature']).split(' ')).toHaveLength(2);
    expect(verifyAt(h.clock, endpoint.secret, during)).toMatchObject({ type: 'webhook.test' });
    expect(verifyAt(h.clock, secret, during)).toMatchObject({ type: 'webhook.test' });

    h.clock = new Date(rotatedAt + 25 * 3_600_000);
    await oak.api('POST', `/webhooks/endpoints/${endpoint.id}/test`);
    await h.relay(oak.id);
    await h.runUntil();
    const after = receiver.hitsOn('/ok').at(-1)!;
    expect(after).not.toBe(during);
    expect(String(after.headers['webhook-signature']).split(' ')).toHaveLength(1);
    expect(verifyAt(h.clock, secret, after)).toMatchObject({ type: 'webhook.test' });
    expect(() => verifyAt(h.clock, endpoint.secret, after)).toThrow();
  });

  it('keeps signing secrets sealed at rest, bound to their endpoint; a secret stored in the clear before sealing still signs and is sealed by its next delivery', async () => {
    const h = await harness(open);
    const endpoint = await createEndpoint({ url: receiverUrl('/ok'), events: ['*'] });
    const other = await createEndpoint({ url: receiverUrl('/ok'), events: ['member.created'] });
    const stored = (id: string) =>
      open.platform.jobs.context().tenantTransaction(oak.id, (db) => testDb(db).selectFrom('webhookEndpoints').select(['secret', 'previousSecret']).where('id', '=', id).executeTakeFirstOrThrow());
    const atRest = await stored(endpoint.id);
    expect(atRest.secret).not.toContain(endpoint.secret.slice(6));
    expect(atRest.secret).toMatch(/^v1\./);
    const secrets = await platformSecrets(open);
    expect(secrets.open(oak.id, endpoint.id, atRest.secret)).toBe(endpoint.secret);
    // Copied onto another endpoint's row, it does not open.
    expect(() => secrets.open(oak.id, other.id, atRest.secret)).toThrow();

    // A row as an earlier version wrote it: the secret in the clear.
    await open.platform.jobs.context().tenantTransaction(oak.id, (db) => testDb(db).updateTable('webhookEndpoints').set({ secret: endpoint.secret }).where('id', '=', endpoint.id).execute());
    expect((await oak.api('POST', `/webhooks/endpoints/${endpoint.id}/test`)).statusCode).toBe(202);
    await h.relay(oak.id);
    await h.runUntil();
    expect(verifyAt(h.clock, endpoint.secret, receiver.hitsOn('/ok').at(-1)!)).toMatchObject({ type: 'webhook.test' });
    const resealed = await stored(endpoint.id);
    expect(resealed.secret).toMatch(/^v1\./);
    expect(secrets.open(oak.id, endpoint.id, resealed.secret)).toBe(endpoint.secret);
  });

  it('sends a test message to one endpoint only, and refuses one to a disabled endpoint', async () => {
    const h = await harness(open);
    const target = await createEndpoint({ url: receiverUrl('/ok'), events: ['member.created'] });
    const other = await createEndpoint({ url: receiverUrl('/ok'), events: ['*'] });
    const res = await oak.api('POST', `/webhooks/endpoints/${target.id}/test`);
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json()).toMatchObject({ endpointId: target.id, eventType: 'webhook.test', status: 'pending', attemptCount: 0, attempts: [], payload: { type: 'webhook.test', data: { endpointId: target.id } } });
    await h.relay(oak.id);
    await h.runUntil();
    expect(receiver.hitsOn('/ok')).toHaveLength(1);
    expect(verifyAt(h.clock, target.secret, receiver.hitsOn('/ok')[0]!)).toMatchObject({ type: 'webhook.test' });
    expect((await deliveriesOf(target.id)).data[0]).toMatchObject({ id: res.json().id, status: 'succeeded' });
    expect((await deliveriesOf(other.id)).data).toEqual([]);

    await oak.api('PATCH', `/webhooks/endpoints/${other.id}`, { enabled: false });
    const refused = await oak.api('POST', `/webhooks/endpoints/${other.id}/test`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('webhooks.endpoint_disabled');
    expect((await oak.api('POST', `/webhooks/endpoints/${newId()}/test`)).statusCode).toBe(404);
  });

  it('lists deliveries newest first with cursors and a status filter, and retries one by hand', async () => {
    const h = await harness(open);
    const endpoint = await createEndpoint({ url: receiverUrl('/fail'), events: ['member.*'] });
    const events = [eventOf('member.created'), eventOf('member.updated'), eventOf('member.deleted')];
    for (const e of events) await h.deliver(e);

    const first = await deliveriesOf(endpoint.id, 'limit=2');
    expect(first.data.map((d) => d.eventId)).toEqual([events[2]!.id, events[1]!.id]);
    expect(first.nextCursor).toBeTruthy();
    const second = await deliveriesOf(endpoint.id, `limit=2&cursor=${first.nextCursor}`);
    expect(second.data.map((d) => d.eventId)).toEqual([events[0]!.id]);
    expect(second.nextCursor).toBeNull();
    expect((await deliveriesOf(endpoint.id, 'status=pending')).data).toHaveLength(3);
    expect((await deliveriesOf(endpoint.id, 'status=succeeded')).data).toEqual([]);
    expect((await oak.api('GET', `/webhooks/endpoints/${endpoint.id}/deliveries?status=lost`)).statusCode).toBe(400);
    expect((await oak.api('GET', `/webhooks/endpoints/${newId()}/deliveries`)).statusCode).toBe(404);

    // The receiver is fixed; the oldest delivery is retried by hand at once.
    await oak.api('PATCH', `/webhooks/endpoints/${endpoint.id}`, { url: receiverUrl('/ok') });
    const oldest = second.data[0]!;
    const retried = await oak.api('POST', `/webhooks/deliveries/${oldest.id}/retry`);
    expect(retried.statusCode, retried.body).toBe(202);
    expect(retried.json()).toMatchObject({ id: oldest.id, status: 'pending', attemptCount: 1 });
    await h.relay(oak.id);
    await h.runUntil();
    expect(receiver.hitsOn('/ok')).toHaveLength(1);
    expect(receiver.hitsOn('/ok')[0]!.headers['webhook-id']).toBe(events[0]!.id);
    const after = (await deliveriesOf(endpoint.id, 'status=succeeded')).data;
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ id: oldest.id, attemptCount: 2, lastStatusCode: 200 });
    expect(after[0]!.attempts.map((a) => a.statusCode)).toEqual([500, 200]);
    // The attempt the schedule had planned finds the delivery done, and sends nothing.
    await h.runUntil(new Date(h.clock.getTime() + 10_000));
    expect(receiver.hitsOn('/ok').filter((x) => x.headers['webhook-id'] === events[0]!.id)).toHaveLength(1);

    // A delivery that succeeded can be sent again (a replay).
    expect((await oak.api('POST', `/webhooks/deliveries/${oldest.id}/retry`)).statusCode).toBe(202);
    await h.relay(oak.id);
    await h.runUntil();
    expect(receiver.hitsOn('/ok').filter((x) => x.headers['webhook-id'] === events[0]!.id)).toHaveLength(2);

    expect((await oak.api('POST', `/webhooks/deliveries/${newId()}/retry`)).statusCode).toBe(404);
    await oak.api('PATCH', `/webhooks/endpoints/${endpoint.id}`, { enabled: false });
    const disabled = await oak.api('POST', `/webhooks/deliveries/${oldest.id}/retry`);
    expect(disabled.statusCode).toBe(409);
    expect(disabled.json().code).toBe('webhooks.endpoint_disabled');
  });

  it('fails the waiting deliveries of an endpoint that was disabled, without an attempt', async () => {
    const h = await harness(open);
    const endpoint = await createEndpoint({ url: receiverUrl('/fail'), events: ['*'] });
    await h.deliver(eventOf('member.updated'));
    await oak.api('PATCH', `/webhooks/endpoints/${endpoint.id}`, { enabled: false });
    await h.runUntil(new Date(h.clock.getTime() + 60_000));
    expect(receiver.hitsOn('/fail')).toHaveLength(1);
    expect((await deliveriesOf(endpoint.id)).data[0]).toMatchObject({ status: 'failed', attemptCount: 1, lastError: 'not attempted: the endpoint is disabled' });
  });
});
