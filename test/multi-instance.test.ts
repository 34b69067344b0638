import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DomainEvent } from '../src/kernel/events/event.js';
import { defineModule } from '../src/kernel/modules/manifest.js';
import { createPlatform, type Platform } from '../src/platform.js';
import { startPlatform, testConfig, type TestPlatform, type TestTenant } from './helpers.js';

// Several processes share one PostgreSQL server; PGlite serves one process, so this suite
// runs only on PostgreSQL (vitest.config.ts leaves the file out otherwise).
const onPostgres = Boolean(process.env.DATABASE_URL);

async function eventually(check: () => Promise<boolean>, timeoutMs = 5_000): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}

if (onPostgres) {
  describe('several instances on one database', () => {
    let control: TestPlatform;
    let dataPlane: Platform;
    let oak: TestTenant;

    beforeAll(async () => {
      control = await startPlatform();
      oak = await control.createTenant('oak');
      // A second process's data plane, on the same database.
      dataPlane = await createPlatform(testConfig(control.database.overrides), { plane: 'data' });
    });
    afterAll(async () => {
      await dataPlane?.close();
      await control?.close();
    });

    const membersOnDataPlane = () =>
      dataPlane.app.inject({ method: 'GET', url: '/api/v1/members', headers: { 'x-tenant-id': 'oak', authorization: `Bearer ${oak.token}` } });

    it('tells every data plane at once when the control plane suspends, resumes or relicenses a tenant', async () => {
      expect((await membersOnDataPlane()).statusCode).toBe(200);
      const admin = await control.platformToken();

      await control.call('POST', '/control/v1/tenants/oak/suspend', { token: admin });
      // The cache's safety net is hours: the notification did it.
      expect(await eventually(async () => (await membersOnDataPlane()).statusCode === 403)).toBe(true);
      expect((await membersOnDataPlane()).json().code).toBe('tenant_suspended');

      await control.call('POST', '/control/v1/tenants/oak/resume', { token: admin });
      expect(await eventually(async () => (await membersOnDataPlane()).statusCode === 200)).toBe(true);

      await control.call('POST', '/control/v1/tenants/oak/licence', { token: admin, body: { removeModules: ['members', 'properties', 'occupancy', 'leases', 'finance', 'documents', 'communications', 'objects'] } });
      expect(await eventually(async () => (await membersOnDataPlane()).statusCode === 403)).toBe(true);
      expect((await membersOnDataPlane()).json().code).toBe('module_not_licensed');
    });

    it('ends a signed-out session on every data plane at once, not when its token expires', async () => {
      const session = await control.login('oak', oak.adminEmail);
      const me = () => dataPlane.app.inject({ method: 'GET', url: '/api/v1/me', headers: { 'x-tenant-id': 'oak', authorization: `Bearer ${session.accessToken}` } });
      // The other instance has checked, and cached, the session.
      expect((await me()).statusCode).toBe(200);
      expect((await control.call('POST', '/api/v1/auth/logout', { tenant: 'oak', body: { refreshToken: session.refreshToken } })).statusCode).toBe(204);
      expect(await eventually(async () => (await me()).statusCode === 401)).toBe(true);
    });

    it("changes a user's permissions on every data plane at once when an owner changes their roles", async () => {
      // A tenant of its own: the first test took oak's members module away.
      const ash = await control.createTenant('ash');
      expect((await control.call('POST', '/api/v1/users', { token: ash.token, tenant: 'ash', body: { email: 'clerk@ash.test', name: 'Clerk', password: 'tenant-password-1', roles: ['staff'] } })).statusCode).toBe(201);
      const clerk = await control.login('ash', 'clerk@ash.test');
      const members = (token: string) => dataPlane.app.inject({ method: 'GET', url: '/api/v1/members', headers: { 'x-tenant-id': 'ash', authorization: `Bearer ${token}` } });
      expect((await members(clerk.accessToken)).statusCode).toBe(200);

      const id = (await control.call('GET', '/api/v1/users?limit=200', { token: ash.token, tenant: 'ash' })).json().data.find((u: { email: string }) => u.email === 'clerk@ash.test').id;
      expect((await control.call('PATCH', `/api/v1/users/${id}`, { token: ash.token, tenant: 'ash', body: { roles: ['member'] } })).statusCode).toBe(200);
      // The token names the old role, but the other instance acts with the user's roles now, at once.
      expect(await eventually(async () => (await members(clerk.accessToken)).statusCode === 403)).toBe(true);
      expect((await members(clerk.accessToken)).json().code).toBe('permission_denied');
      const refreshed = await control.call('POST', '/api/v1/auth/refresh', { tenant: 'ash', body: { refreshToken: clerk.refreshToken } });
      expect(refreshed.statusCode).toBe(200);
      const denied = await members(refreshed.json().accessToken);
      expect(denied.statusCode).toBe(403);
      expect(denied.json().code).toBe('permission_denied');

      // A custom role given, then changed, on one instance: the other follows with the same token.
      const ashCall = (method: 'POST' | 'PATCH', url: string, body: unknown) => control.call(method, url, { token: ash.token, tenant: 'ash', body });
      const reader = await ashCall('POST', '/api/v1/roles', { key: 'reader', name: 'Reader', permissions: ['members.read'] });
      expect(reader.statusCode, reader.body).toBe(201);
      expect((await ashCall('PATCH', `/api/v1/users/${id}`, { roles: ['reader'] })).statusCode).toBe(200);
      expect(await eventually(async () => (await members(clerk.accessToken)).statusCode === 200)).toBe(true);
      expect((await ashCall('PATCH', `/api/v1/roles/${reader.json().id}`, { permissions: [] })).statusCode).toBe(200);
      expect(await eventually(async () => (await members(clerk.accessToken)).statusCode === 403)).toBe(true);
    });

    it("brings a running instance's cached roles up to new default grants when another instance starts", async () => {
      const elm = await control.createTenant('elm');
      expect((await control.call('POST', '/api/v1/users', { token: elm.token, tenant: 'elm', body: { email: 'clerk@elm.test', name: 'Clerk', password: 'tenant-password-1', roles: ['staff'] } })).statusCode).toBe(201);
      const clerk = await control.login('elm', 'clerk@elm.test');
      const members = () => dataPlane.app.inject({ method: 'GET', url: '/api/v1/members', headers: { 'x-tenant-id': 'elm', authorization: `Bearer ${clerk.accessToken}` } });
      // The grants of an older build, before the running data plane first reads elm's roles.
      await control.platform.main.session((s) => s.query("UPDATE roles SET permissions = array_remove(permissions, 'members.read') WHERE key = 'staff'"));
      expect((await members()).statusCode).toBe(403);

      // A new build starts: it restores the staff role's default grants and tells the running instances.
      const next = await createPlatform(testConfig(control.database.overrides), { plane: 'data' });
      try {
        expect(await eventually(async () => (await members()).statusCode === 200)).toBe(true);
      } finally {
        await next.close();
      }
    });

    it('serves only the data plane on a data-plane instance', async () => {
      const res = await dataPlane.app.inject({ method: 'GET', url: '/control/v1/tenants' });
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('route_not_found');
    });
  });

  // The workers run on one instance, with their polls hours apart; the other serves the API
  // alone. What the API instance queues, the worker instance picks up at once: notified.
  describe('work queued on an instance without workers', () => {
    const received: DomainEvent[] = [];
    const ran: string[] = [];
    const probe = defineModule({
      key: 'probe',
      name: 'Probe',
      description: 'Records events and jobs (tests only).',
      dependencies: [],
      alwaysLicensed: true,
      permissions: [],
      defaultGrants: {},
      routes: () => undefined,
      subscribers: [{ name: 'probe.record', events: ['member.created'], handle: async (event) => void received.push(event) }],
      jobs: [{ name: 'probe.run', handler: async (job) => void ran.push((job.data as { n: string }).n) }],
    });
    let workers: TestPlatform;
    let api: Platform;

    beforeAll(async () => {
      workers = await startPlatform({ platform: { workers: true, extraModules: [probe], polls: { relayIntervalMs: 3 * 3_600_000, workerPollSeconds: 3 * 3_600 } } });
      api = await createPlatform(testConfig(workers.database.overrides), { plane: 'data', extraModules: [probe] });
    });
    afterAll(async () => {
      await api?.close();
      await workers?.close();
    });

    const createMember = (tenant: TestTenant, firstName: string) =>
      api.app.inject({ method: 'POST', url: '/api/v1/members', headers: { 'x-tenant-id': tenant.slug, authorization: `Bearer ${tenant.token}` }, payload: { firstName, lastName: 'Elsewhere', type: 'owner' } });
    const delivered = (id: string) => eventually(async () => received.some((e) => e.type === 'member.created' && (e.data as { id: string }).id === id), 20_000);

    it('relays the events of a pooled and of a dedicated tenant written there', async () => {
      for (const placement of ['pooled', 'dedicated'] as const) {
        const tenant = await workers.createTenant(`far-${placement}`, { placement });
        const res = await createMember(tenant, placement);
        expect(res.statusCode).toBe(201);
        expect(await delivered(res.json().id)).toBe(true);
      }
    });

    it('runs a job sent there', async () => {
      await api.jobs.send('probe.run', { n: 'from the api instance' });
      expect(await eventually(async () => ran.includes('from the api instance'), 20_000)).toBe(true);
    });
  });
}
