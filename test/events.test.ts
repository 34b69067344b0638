import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DomainEvent } from '../src/kernel/events/event.js';
import { defineModule } from '../src/kernel/modules/manifest.js';
import { eventually, startPlatform, type TestPlatform, type TestTenant } from './helpers.js';
import { testDb } from './test-db.js';

// A probe module: its subscribers record what reaches them, through the real outbox, relay,
// queue and workers.
const received: DomainEvent[] = [];
// Only the retry test's member fails, so that other tests' events (still in flight on a slow
// machine) cannot take its failures.
const FLAKY_NAME = 'Retry';
let failuresLeft = 0;
const attempts: string[] = [];

const probe = defineModule({
  key: 'probe',
  name: 'Probe',
  description: 'Records events (tests only).',
  dependencies: [],
  alwaysLicensed: true,
  permissions: [],
  defaultGrants: {},
  routes: () => undefined,
  subscribers: [
    { name: 'probe.record', events: ['member.*', 'tenant.*'], handle: async (event) => void received.push(event) },
    {
      name: 'probe.flaky',
      events: ['member.created'],
      retry: { limit: 3, delaySeconds: 1 },
      handle: async (event) => {
        if ((event.data as { firstName?: string }).firstName !== FLAKY_NAME) return;
        attempts.push(event.id);
        if (failuresLeft > 0) {
          failuresLeft--;
          throw new Error('receiver down');
        }
      },
    },
  ],
});

let t: TestPlatform;
let oak: TestTenant;

const eventsOf = (type: string, id?: string) => received.filter((e) => e.type === type && (!id || (e.data as { id?: string }).id === id));

beforeAll(async () => {
  t = await startPlatform({ platform: { workers: true, extraModules: [probe] } });
  oak = await t.createTenant('oak');
});
afterAll(() => t?.close());

describe('domain events', () => {
  it('delivers the event of a committed change to its subscribers, once, in the documented envelope', async () => {
    const res = await t.call('POST', '/api/v1/members', { token: oak.token, tenant: 'oak', body: { firstName: 'Ada', lastName: 'Lovelace', type: 'owner' } });
    expect(res.statusCode).toBe(201);
    const id = res.json().id;
    const seen = await eventually(() => eventsOf('member.created', id), (e) => e.length > 0);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ type: 'member.created', tenantId: oak.id, version: 1, data: { id, firstName: 'Ada', lastName: 'Lovelace' } });
    expect(seen[0]!.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Date(seen[0]!.occurredAt).getTime()).toBeGreaterThan(0);

    await t.call('PATCH', `/api/v1/members/${id}`, { token: oak.token, tenant: 'oak', body: { status: 'inactive' } });
    await t.call('DELETE', `/api/v1/members/${id}`, { token: oak.token, tenant: 'oak' });
    const updated = await eventually(() => eventsOf('member.deleted', id), (e) => e.length > 0);
    expect(updated).toHaveLength(1);
    expect(eventsOf('member.updated', id)[0]).toMatchObject({ data: { status: 'inactive', changed: ['status'] } });
    // The relay emptied the outbox.
    await t.platform.jobs.relayNow();
    const left = await t.platform.router.tenantTransaction({ id: oak.id, placement: 'pooled', databaseName: null }, (db) => testDb(db).selectFrom('outbox').select('id').execute());
    expect(left).toEqual([]);
    expect(eventsOf('member.created', id)).toHaveLength(1);
  });

  it('emits nothing for a change that was rolled back', async () => {
    const admin = await t.platformToken();
    const elm = await t.createTenant('elm');
    await t.call('POST', '/control/v1/tenants/elm/licence', { token: admin, body: { limits: { members: 0 } } });
    const refused = await t.call('POST', '/api/v1/members', { token: elm.token, tenant: 'elm', body: { firstName: 'No', lastName: 'Room', type: 'owner' } });
    expect(refused.statusCode).toBe(403);
    const invalid = await t.call('POST', '/api/v1/members', { token: elm.token, tenant: 'elm', body: { firstName: '', lastName: 'Bad', type: 'owner' } });
    expect(invalid.statusCode).toBe(400);
    await t.platform.jobs.relayNow();
    const outbox = await t.platform.router.tenantTransaction({ id: elm.id, placement: 'pooled', databaseName: null }, (db) => testDb(db).selectFrom('outbox').select('id').execute());
    expect(outbox).toEqual([]);
    expect(received.filter((e) => e.tenantId === elm.id && e.type.startsWith('member.'))).toEqual([]);
  });

  it('relays platform events of the control plane, such as a tenant provisioned or suspended', async () => {
    const fir = await t.createTenant('fir');
    const provisioned = await eventually(() => received.filter((e) => e.type === 'tenant.provisioned' && e.tenantId === fir.id), (e) => e.length > 0);
    expect(provisioned[0]).toMatchObject({ data: { slug: 'fir', placement: 'pooled' } });
    const admin = await t.platformToken();
    await t.call('POST', '/control/v1/tenants/fir/suspend', { token: admin });
    const suspended = await eventually(() => received.filter((e) => e.type === 'tenant.suspended' && e.tenantId === fir.id), (e) => e.length > 0);
    expect(suspended[0]).toMatchObject({ data: { slug: 'fir', status: 'suspended' } });
  });

  it('relays events from a dedicated tenant database', async () => {
    const maple = await t.createTenant('maple', { placement: 'dedicated' });
    const res = await t.call('POST', '/api/v1/members', { token: maple.token, tenant: 'maple', body: { firstName: 'Acer', lastName: 'Saccharum', type: 'owner' } });
    expect(res.statusCode).toBe(201);
    const seen = await eventually(() => eventsOf('member.created', res.json().id), (e) => e.length > 0);
    expect(seen[0]!.tenantId).toBe(maple.id);
  });

  it('retries a failing subscriber with backoff until it succeeds', async () => {
    failuresLeft = 2;
    const res = await t.call('POST', '/api/v1/members', { token: oak.token, tenant: 'oak', body: { firstName: FLAKY_NAME, lastName: 'Me', type: 'renter' } });
    const eventId = (await eventually(() => eventsOf('member.created', res.json().id), (e) => e.length > 0))[0]!.id;
    const tries = await eventually(() => attempts.filter((a) => a === eventId), (a) => a.length >= 3, 30_000);
    expect(tries).toHaveLength(3);
    expect(failuresLeft).toBe(0);
  });

  it('shows operators the queues by state', async () => {
    const admin = await t.platformToken();
    const res = await t.call('GET', '/control/v1/jobs/counts', { token: admin });
    expect(res.statusCode).toBe(200);
    const rows = res.json().data as { queue: string; state: string; count: number }[];
    expect(rows.some((r) => r.queue === 'event.probe.record' && r.state === 'completed' && r.count > 0)).toBe(true);
    expect((await t.call('GET', '/control/v1/jobs/counts')).statusCode).toBe(401);
  });
});
