import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DomainEvent } from '../src/kernel/events/event.js';
import { defineModule } from '../src/kernel/modules/manifest.js';
import { eventually, startPlatform, type TestPlatform, type TestTenant } from './helpers.js';

// Notifications, not polls, move work along: with the relay's and the workers' polls hours
// apart, an event still reaches its subscriber and a queued job still runs, well within
// eventually()'s time (a poll would take hours).
const HOURS = 3 * 3600;

const received: DomainEvent[] = [];
const ran: string[] = [];
let failuresLeft = 1;

const probe = defineModule({
  key: 'probe',
  name: 'Probe',
  description: 'Records events and jobs (tests only).',
  dependencies: [],
  alwaysLicensed: true,
  permissions: [],
  defaultGrants: {},
  routes: () => undefined,
  subscribers: [{ name: 'probe.record', events: ['member.created', 'tenant.provisioned'], handle: async (event) => void received.push(event) }],
  jobs: [
    { name: 'probe.run', handler: async (job) => void ran.push((job.data as { n: string }).n) },
    {
      name: 'probe.flaky',
      retry: { limit: 2, delaySeconds: 1 },
      handler: async (job) => {
        if (failuresLeft-- > 0) throw new Error('not yet');
        ran.push((job.data as { n: string }).n);
      },
    },
  ],
});

let t: TestPlatform;
let oak: TestTenant;

const eventsOf = (type: string, id: string) => received.filter((e) => e.type === type && (e.data as { id?: string }).id === id);

beforeAll(async () => {
  t = await startPlatform({ platform: { workers: true, extraModules: [probe], polls: { relayIntervalMs: HOURS * 1000, workerPollSeconds: HOURS } } });
  oak = await t.createTenant('oak');
}, 60_000);
afterAll(() => t?.close());

describe('waking the relay and the workers without polling', () => {
  it('delivers a pooled tenant’s event to its subscriber', async () => {
    const res = await t.call('POST', '/api/v1/members', { token: oak.token, tenant: 'oak', body: { firstName: 'Wake', lastName: 'Up', type: 'owner' } });
    expect(res.statusCode).toBe(201);
    expect(await eventually(() => eventsOf('member.created', res.json().id), (e) => e.length > 0)).toHaveLength(1);
  });

  it('delivers a platform event of the control plane to its subscriber', async () => {
    const fir = await t.createTenant('fir');
    expect(await eventually(() => eventsOf('tenant.provisioned', fir.id), (e) => e.length > 0)).toHaveLength(1);
  });

  it('delivers a dedicated tenant’s event, whose database no process listens to', async () => {
    const maple = await t.createTenant('maple', { placement: 'dedicated' });
    const res = await t.call('POST', '/api/v1/members', { token: maple.token, tenant: 'maple', body: { firstName: 'Acer', lastName: 'Rubrum', type: 'owner' } });
    expect(res.statusCode).toBe(201);
    expect(await eventually(() => eventsOf('member.created', res.json().id), (e) => e.length > 0)).toHaveLength(1);
  });

  it('runs a job as soon as it is sent, and retries a failed one when its delay is over', async () => {
    await t.platform.jobs.send('probe.run', { n: 'sent' });
    expect(await eventually(() => ran, (r) => r.includes('sent'))).toContain('sent');
    await t.platform.jobs.send('probe.flaky', { n: 'retried' });
    expect(await eventually(() => ran, (r) => r.includes('retried'))).toContain('retried');
    expect(failuresLeft).toBe(-1);
  });
});

describe('the due-jobs sweep', () => {
  it('wakes the workers of a job that fell due with nobody told (a cron tick, a timer lost with its process)', async () => {
    // Sweeps every second; pg-boss's own poll is an hour apart.
    const swept = await startPlatform({ platform: { workers: true, extraModules: [probe], polls: { relayIntervalMs: HOURS * 1000, workerPollSeconds: 1 } } });
    try {
      // Due in two hours, past the wake-up timers' horizon; then made due behind the runtime's back.
      const id = await swept.platform.jobs.send('probe.run', { n: 'swept' }, { startAfter: new Date(Date.now() + 2 * 3_600_000) });
      await sql`UPDATE pgboss.job SET start_after = now() WHERE id = ${id}`.execute(swept.platform.main.kysely);
      expect(await eventually(() => ran, (r) => r.includes('swept'))).toContain('swept');
    } finally {
      await swept.close();
    }
  });
});
