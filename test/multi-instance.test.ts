import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
      // Well within the cache's 60-second safety net: the notification did it.
      expect(await eventually(async () => (await membersOnDataPlane()).statusCode === 403)).toBe(true);
      expect((await membersOnDataPlane()).json().code).toBe('tenant_suspended');

      await control.call('POST', '/control/v1/tenants/oak/resume', { token: admin });
      expect(await eventually(async () => (await membersOnDataPlane()).statusCode === 200)).toBe(true);

      await control.call('POST', '/control/v1/tenants/oak/licence', { token: admin, body: { removeModules: ['members', 'properties', 'occupancy', 'leases', 'finance'] } });
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

    it('serves only the data plane on a data-plane instance', async () => {
      const res = await dataPlane.app.inject({ method: 'GET', url: '/control/v1/tenants' });
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('route_not_found');
    });
  });
}
