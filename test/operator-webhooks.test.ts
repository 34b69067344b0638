import { randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { MAX_OPERATOR_ENDPOINTS } from '../src/control/webhooks/webhooks.service.js';
import { OPERATOR_DELIVER_JOB, OPERATOR_FAN_OUT, OPERATOR_PRUNE_JOB, type DeliverJobData } from '../src/control/webhooks/webhooks.delivery.js';
import type { DomainEvent } from '../src/kernel/events/event.js';
import { FAN_OUT_SUBSCRIBER } from '../src/modules/webhooks/index.js';
import type { JobContext } from '../src/kernel/jobs/job.js';
import { expectProblem, ok } from './fixture.js';
import { startPlatform, type TestPlatform } from './helpers.js';
import { testDb } from './test-db.js';

/**
 * The operator's own webhooks: control-plane events (an invoice issued, paid) reach the
 * operator's endpoints through the real relay and queue, driven here job by job on a clock the
 * test moves, and are received by a real HTTP server that verifies them with the reference
 * `standardwebhooks` package.
 */

const HOUR = 3_600_000;
let clock = Math.floor(Date.now() / HOUR) * HOUR + HOUR / 2;
let t: TestPlatform;
let strict: TestPlatform;
let admin: string;

interface Hit {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}
const hits: Hit[] = [];
/** Status codes a path answers, one per request (then 200). */
const answers = new Map<string, number[]>();
let server: Server;
let base = '';
const hitsOn = (path: string) => hits.filter((h) => h.path === path);

const control = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown, on: TestPlatform = t) => on.call(method, `/control/v1${url}`, { token: admin, body });
const endpoint = async (path: string, events: string[], extra: Record<string, unknown> = {}) => ok(control('POST', '/webhooks/endpoints', { url: `${base}${path}`, events, ...extra }), 201);
const deliveriesOf = async (endpointId: string) => (await ok(control('GET', `/webhooks/endpoints/${endpointId}/deliveries`), 200)).data as { id: string; eventId: string; eventType: string; status: string; attemptCount: number; attempts: { statusCode: number | null }[]; payload: Record<string, unknown> }[];

/** A job context as a worker has it, on the test's clock. */
const context = (): JobContext => ({ ...t.platform.jobs.context(), now: () => new Date(clock) });
const queued = async (queue: string) => t.platform.jobs.list({ queue, state: 'created' }, 200, null);
const handed: DomainEvent[] = [];

/**
 * What the workers would do: relay the outboxes, run the fan-out on each control event, then
 * every delivery job due by the clock, earliest first, each at its own start time.
 */
async function pump(): Promise<void> {
  await t.platform.jobs.relayNow();
  const fanOut = t.platform.jobs.subscribers.find((s) => s.name === OPERATOR_FAN_OUT)!;
  for (const job of await queued(`event.${OPERATOR_FAN_OUT}`)) {
    await t.platform.jobs.discard(job.queue, job.id);
    handed.push(job.data as DomainEvent);
    await fanOut.handle(job.data as DomainEvent, context());
  }
  const deliver = t.platform.jobs.definition(OPERATOR_DELIVER_JOB)!;
  for (;;) {
    const due = (await queued(OPERATOR_DELIVER_JOB)).filter((j) => j.startAfter.getTime() <= clock).sort((a, b) => a.startAfter.getTime() - b.startAfter.getTime());
    const next = due[0];
    if (!next) return;
    await t.platform.jobs.discard(next.queue, next.id);
    await deliver.handler({ id: next.id, name: OPERATOR_DELIVER_JOB, data: next.data as DeliverJobData, retryCount: 0 }, context());
  }
}

/** standardwebhooks checks the timestamp against the system clock: verify as of the message's own. */
function verify(secret: string, hit: Hit): unknown {
  vi.useFakeTimers({ toFake: ['Date'], now: Number(hit.headers['webhook-timestamp']) * 1000 });
  try {
    return new Webhook(secret).verify(hit.body, hit.headers as Record<string, string>);
  } finally {
    vi.useRealTimers();
  }
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = req.url ?? '/';
      hits.push({ path, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(answers.get(path)?.shift() ?? 200).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  [t, strict] = await Promise.all([startPlatform({ config: { webhooksAllowPrivate: true }, platform: { clock: () => new Date(clock) } }), startPlatform()]);
  admin = await t.platformToken();
});
afterAll(async () => {
  await Promise.all([t?.close(), strict?.close()]);
  server?.closeAllConnections();
  server?.close();
});

let invoices: { id: string; secret: string };

describe("the operator's webhooks", () => {
  let invoice: { id: string; number: string };
  let other: { id: string };
  let quince: Awaited<ReturnType<TestPlatform['createTenant']>>;
  /** The deliveries of the issued invoice to the invoices endpoint. */
  const issuedHits = async () => {
    const issued = (await deliveriesOf(invoices.id)).find((d) => d.eventType === 'invoice.issued')!;
    return { issued, received: hitsOn('/invoices').filter((h) => h.headers['webhook-id'] === issued.id) };
  };

  it('delivers an issued invoice once, signed per Standard Webhooks, and nothing to an endpoint whose patterns do not match', async () => {
    invoices = await endpoint('/invoices', ['invoice.*'], { description: 'Accounting' });
    expect(invoices).toMatchObject({ events: ['invoice.*'], description: 'Accounting', enabled: true });
    expect(invoices.secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    other = await endpoint('/other', ['tenant.suspended', 'credit_note.*']);

    quince = await t.createTenant('quince', { plan: 'starter' });
    const sub = await ok(control('GET', '/tenants/quince/subscription'), 200);
    clock = new Date(sub.periodEnd).getTime() + HOUR;
    expect(await ok(control('POST', '/billing/run'), 200)).toMatchObject({ issued: 1 });
    [invoice] = (await ok(control('GET', '/invoices?tenant=quince&kind=invoice'), 200)).data;
    await pump();

    const [hit, ...more] = hitsOn('/invoices');
    expect(more).toEqual([]);
    expect(hit!.headers['content-type']).toBe('application/json');
    const body = verify(invoices.secret, hit!) as Record<string, unknown>;
    expect(body).toMatchObject({ type: 'invoice.issued', version: 1, tenantId: quince.id, data: { id: invoice.id, number: invoice.number } });
    expect(new Date(body.occurredAt as string).toISOString()).toBe(body.occurredAt);
    // The event's id is in the body; webhook-id is the delivery's, the same on every attempt.
    const [delivery] = await deliveriesOf(invoices.id);
    expect(delivery).toMatchObject({ id: hit!.headers['webhook-id'], eventId: body.id, eventType: 'invoice.issued', status: 'succeeded', attemptCount: 1, attempts: [{ statusCode: 200 }] });
    expect(handed.find((e) => e.id === body.id)?.type).toBe('invoice.issued');
    // Another secret does not verify it.
    expect(() => verify(`whsec_${Buffer.from(randomUUID()).toString('base64')}`, hit!)).toThrow();

    expect(hitsOn('/other')).toEqual([]);
    expect(await deliveriesOf(other.id)).toEqual([]);
  });

  it('sends nothing twice when the same outbox event is handed over again, or its job runs again', async () => {
    const issued = handed.find((e) => e.type === 'invoice.issued')!;
    const fanOut = t.platform.jobs.subscribers.find((s) => s.name === OPERATOR_FAN_OUT)!;
    await fanOut.handle(issued, context());
    const [delivery] = await deliveriesOf(invoices.id);
    await t.platform.jobs.definition(OPERATOR_DELIVER_JOB)!.handler({ id: randomUUID(), name: OPERATOR_DELIVER_JOB, data: { deliveryId: delivery!.id, attempt: 1 }, retryCount: 1 }, context());
    await pump();
    expect(hitsOn('/invoices')).toHaveLength(1);
    expect(await deliveriesOf(invoices.id)).toHaveLength(1);
    expect(await testDb(t.platform.main.kysely).selectFrom('control.webhookDeliveries').select('id').where('eventId', '=', issued.id).execute()).toHaveLength(1);
  });

  it('retries a failing receiver on the schedule, with the same webhook-id, until it answers', async () => {
    const flaky = await endpoint('/flaky', ['invoice.paid']);
    answers.set('/flaky', [500, 503]);
    await ok(control('POST', `/invoices/${invoice.id}/payments`, { reference: 'TRANSFER-1' }), 200);
    await pump();
    expect(hitsOn('/flaky')).toHaveLength(1);
    let [delivery] = await deliveriesOf(flaky.id);
    expect(delivery).toMatchObject({ eventType: 'invoice.paid', status: 'pending', attemptCount: 1 });

    // The second attempt is due 5 s later (±10 %), the third 5 minutes after that.
    clock += 4_000;
    await pump();
    expect(hitsOn('/flaky')).toHaveLength(1);
    clock += 2_000;
    await pump();
    expect(hitsOn('/flaky')).toHaveLength(2);
    clock += 6 * 60_000;
    await pump();
    const received = hitsOn('/flaky');
    expect(received).toHaveLength(3);
    expect(new Set(received.map((h) => h.headers['webhook-id']))).toEqual(new Set([delivery!.id]));
    [delivery] = await deliveriesOf(flaky.id);
    expect(delivery).toMatchObject({ status: 'succeeded', attemptCount: 3 });
    expect(delivery!.attempts.map((a) => a.statusCode)).toEqual([500, 503, 200]);
    expect((verify(flaky.secret, received[2]!) as { data: { id: string } }).data.id).toBe(invoice.id);
  });

  it('redelivers a delivery on request with the same webhook-id, and audits it', async () => {
    const { issued: delivery } = await issuedHits();
    const again = await ok(control('POST', `/webhooks/deliveries/${delivery.id}/redeliver`), 202);
    expect(again).toMatchObject({ id: delivery.id, status: 'pending', attemptCount: 1 });
    await pump();
    const { issued, received } = await issuedHits();
    expect(received).toHaveLength(2);
    expect(received[1]!.body).toBe(received[0]!.body);
    expect(issued).toMatchObject({ status: 'succeeded', attemptCount: 2 });
    const audit = (await ok(control('GET', '/audit?action=webhook_delivery.redelivered'), 200)).data;
    expect(audit).toMatchObject([{ action: 'webhook_delivery.redelivered', target: invoices.id, data: { delivery: delivery.id } }]);
  });

  it('sends a test event, signs with both secrets after a rotation, and shows a secret only when it is made', async () => {
    const rotated = await ok(control('POST', `/webhooks/endpoints/${other.id}/rotate-secret`), 200);
    expect(rotated.secret).toMatch(/^whsec_/);
    expect(new Date(rotated.previousSecretExpiresAt).getTime()).toBe(clock + 24 * HOUR);
    const read = await ok(control('GET', `/webhooks/endpoints/${other.id}`), 200);
    expect(read.secret).toBeUndefined();
    expect((await control('GET', '/webhooks/endpoints')).body).not.toContain(rotated.secret);

    const test = await ok(control('POST', `/webhooks/endpoints/${other.id}/test`), 202);
    expect(test).toMatchObject({ eventType: 'webhook.test', status: 'pending', payload: { type: 'webhook.test', tenantId: null } });
    await pump();
    const [hit] = hitsOn('/other');
    expect(String(hit!.headers['webhook-signature']).split(' ')).toHaveLength(2);
    expect(verify(rotated.secret, hit!)).toMatchObject({ type: 'webhook.test', data: { endpointId: other.id } });
  });

  it('audits changes, refuses a test to a disabled endpoint, and removes an endpoint with its deliveries', async () => {
    const changed = await ok(control('PATCH', `/webhooks/endpoints/${other.id}`, { enabled: false, description: 'Paused' }), 200);
    expect(changed).toMatchObject({ enabled: false, disabledReason: 'manual', description: 'Paused' });
    expectProblem(await control('POST', `/webhooks/endpoints/${other.id}/test`), 409, 'control.webhook_endpoint_disabled');
    expect((await control('DELETE', `/webhooks/endpoints/${other.id}`)).statusCode).toBe(204);
    expectProblem(await control('GET', `/webhooks/endpoints/${other.id}`), 404, 'not_found');
    expect(await testDb(t.platform.main.kysely).selectFrom('control.webhookDeliveries').select('id').where('endpointId', '=', other.id).execute()).toEqual([]);
    const actions = (await ok(control('GET', `/audit?q=${other.id}&limit=20`), 200)).data.map((e: { action: string }) => e.action);
    expect(actions).toEqual(['webhook_endpoint.deleted', 'webhook_endpoint.updated', 'webhook_endpoint.secret_rotated', 'webhook_endpoint.created']);
  });

  it('lists the control event catalogue, and delivers its events only, never a tenant\'s business events', async () => {
    const types = (await ok(control('GET', '/webhooks/event-types'), 200)).data.map((e: { type: string }) => e.type);
    expect(types).toEqual(expect.arrayContaining(['invoice.issued', 'invoice.paid', 'invoice.voided', 'subscription.created', 'tenant.suspended']));

    const everything = await endpoint('/everything', ['*']);
    await ok(t.call('POST', '/api/v1/members', { token: quince.token, tenant: 'quince', body: { firstName: 'Ada', lastName: 'Quince', type: 'owner' } }), 201);
    await ok(control('POST', '/tenants/quince/suspend'), 200);
    await pump();
    const delivered = hitsOn('/everything').map((h) => (JSON.parse(h.body) as { type: string }).type);
    expect(delivered).toEqual(['tenant.suspended']);
    expect((await deliveriesOf(everything.id)).map((d) => d.eventType)).toEqual(['tenant.suspended']);
    // Nor the other way round: the tenants' webhooks (a module's `*`) are handed the member, never the platform's events.
    const tenantSide = (await queued(`event.${FAN_OUT_SUBSCRIBER}`)).flatMap((j) => (j.data as { events: DomainEvent[] }).events.map((e) => e.type));
    expect(tenantSide).toContain('member.created');
    expect(tenantSide.filter((type) => /^(tenant|invoice|subscription|credit_note)\./.test(type))).toEqual([]);
  });
});

describe('refusals', () => {
  it('refuses private destinations unless COURTYARD_WEBHOOKS_ALLOW_PRIVATE is set', async () => {
    const strictAdmin = await strict.platformToken();
    const post = (url: string) => strict.call('POST', '/control/v1/webhooks/endpoints', { token: strictAdmin, body: { url, events: ['*'] } });
    const loopback = expectProblem(await post(`${base}/invoices`), 400, 'validation_failed', ['url']);
    expect(loopback.errors[0].message).toBe('points to 127.0.0.1, a loopback address: webhooks may not be sent there');
    expectProblem(await post('http://169.254.169.254/latest/meta-data'), 400, 'validation_failed', ['url']);
    expectProblem(await post('http://10.0.0.8/hook'), 400, 'validation_failed', ['url']);
    expect((await strict.call('GET', '/control/v1/webhooks/endpoints', { token: strictAdmin })).json().data).toEqual([]);
    // A public address is taken.
    expect((await post('https://203.0.113.10/courtyard')).statusCode).toBe(201);
  });

  it('answers bad input with problem details naming the fields, and writes nothing', async () => {
    const before = (await ok(control('GET', '/webhooks/endpoints?limit=200'), 200)).data.length;
    expectProblem(await control('POST', '/webhooks/endpoints', { url: 'ftp://example.com/x', events: ['*'] }), 400, 'validation_failed', ['url']);
    expectProblem(await control('POST', '/webhooks/endpoints', { url: 'https://user:pw@example.com/x', events: ['*'] }), 400, 'validation_failed', ['url']);
    expectProblem(await control('POST', '/webhooks/endpoints', { url: `${base}/x`, events: ['Invoice issued'] }), 400, 'validation_failed', ['events.0']);
    expectProblem(await control('POST', '/webhooks/endpoints', { url: `${base}/x`, events: [] }), 400, 'validation_failed', ['events']);
    expectProblem(await control('POST', '/webhooks/endpoints', { events: ['*'] }), 400, 'validation_failed', ['url']);
    expectProblem(await control('POST', '/webhooks/endpoints', { url: `${base}/x`, events: ['*'], secret: 'mine' }), 400, 'validation_failed', ['secret']);
    expectProblem(await control('PATCH', `/webhooks/endpoints/${invoices.id}`, {}), 400, 'validation_failed');
    expectProblem(await control('POST', `/webhooks/deliveries/${randomUUID()}/redeliver`), 404, 'not_found');
    expect((await ok(control('GET', '/webhooks/endpoints?limit=200'), 200)).data).toHaveLength(before);
  });

  it('refuses an endpoint beyond the platform\'s fifty, and takes one again once another is removed', async () => {
    const existing = (await ok(control('GET', '/webhooks/endpoints?limit=200'), 200)).data.length;
    const added: { id: string }[] = [];
    for (let i = existing; i < MAX_OPERATOR_ENDPOINTS; i++) added.push(await endpoint(`/cap-${i}`, ['tenant.suspended'], { enabled: false }));
    expectProblem(await control('POST', '/webhooks/endpoints', { url: `${base}/one-too-many`, events: ['*'] }), 422, 'control.webhook_endpoint_limit');
    expect((await ok(control('GET', '/webhooks/endpoints?limit=200'), 200)).data).toHaveLength(MAX_OPERATOR_ENDPOINTS);
    expect((await control('DELETE', `/webhooks/endpoints/${added.pop()!.id}`)).statusCode).toBe(204);
    added.push(await endpoint('/in-its-place', ['tenant.suspended'], { enabled: false }));
    for (const e of added) expect((await control('DELETE', `/webhooks/endpoints/${e.id}`)).statusCode).toBe(204);
  });

  it('prunes finished deliveries once they are older than the retention, never a pending one', async () => {
    const statuses = () => testDb(t.platform.main.kysely).selectFrom('control.webhookDeliveries').select('status').execute();
    const before = await statuses();
    expect(before.some((d) => d.status !== 'pending')).toBe(true);
    const prune = t.platform.jobs.definition(OPERATOR_PRUNE_JOB)!;
    await prune.handler({ id: randomUUID(), name: OPERATOR_PRUNE_JOB, data: {}, retryCount: 0 }, context());
    expect(await statuses()).toHaveLength(before.length);
    const later = { ...context(), now: () => new Date(clock + 400 * 24 * HOUR) };
    await prune.handler({ id: randomUUID(), name: OPERATOR_PRUNE_JOB, data: {}, retryCount: 0 }, later);
    expect((await statuses()).map((d) => d.status)).toEqual(before.filter((d) => d.status === 'pending').map((d) => d.status));
  });
});
