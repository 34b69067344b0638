import { randomBytes } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installPipeline } from '../src/data/pipeline.js';
import { RolePermissionCache } from '../src/data/role-cache.js';
import { createHttpApp, type HttpApp } from '../src/kernel/http/app.js';
import { newId } from '../src/kernel/ids.js';
import { Metrics } from '../src/kernel/observability/metrics.js';
import { generateLicenceKeyPair, LicenceSigner } from '../src/kernel/security/licence.js';
import { TENANT_PASSWORD, type TestPlatform, type TestTenant } from './helpers.js';
import { b64, control, licenceClaimsFor, me, newestLicence, startPipelinePlatform, storeLicence, unb64 } from './pipeline-helpers.js';
import { expectProblem } from './fixture.js';
import { testDb } from './test-db.js';

/** The data-plane pipeline's licence and permission gates, and the tenant-bound transaction around a handler. */

let t: TestPlatform;
let admin: string;
let oak: TestTenant;
let elm: TestTenant;

beforeAll(async () => {
  ({ t, admin, oak, elm } = await startPipelinePlatform());
});
afterAll(() => t?.close());

describe('licence gate', () => {
  it('refuses a tenant whose stored licence was tampered with, until a new one is issued', async () => {
    const fern = await t.createTenant('fern');
    const row = await newestLicence(fern.id);
    const [header, payload, signature] = row.jws.split('.') as [string, string, string];
    const tampered = `${header}.${b64({ ...unb64(payload), limits: { members: null, users: null, storageMb: null } })}.${signature}`;
    await control().updateTable('control.licences').set({ jws: tampered }).where('id', '=', row.id).execute();
    t.platform.directory.invalidate();

    expectProblem(await me({ token: fern.token, tenant: 'fern' }), 403, 'licence_invalid');
    expectProblem(await t.call('GET', '/api/v1/members', { token: fern.token, tenant: 'fern' }), 403, 'licence_invalid');
    expectProblem(await t.call('POST', '/api/v1/auth/login', { tenant: 'fern', body: { email: fern.adminEmail, password: TENANT_PASSWORD } }), 403, 'licence_invalid');

    expect((await t.call('POST', '/control/v1/tenants/fern/licence', { token: admin, body: {} })).statusCode).toBe(201);
    expect((await me({ token: fern.token, tenant: 'fern' })).statusCode).toBe(200);
  });

  it('refuses a licence signed by a foreign key', async () => {
    const moss = await t.createTenant('moss');
    const foreign = await LicenceSigner.fromPem(generateLicenceKeyPair().privateKey);
    const forged = await foreign.sign(licenceClaimsFor(moss));
    await storeLicence(moss.id, forged.jws, forged.claims);
    expectProblem(await me({ token: moss.token, tenant: 'moss' }), 403, 'licence_invalid');
    expectProblem(await t.call('GET', '/api/v1/members', { token: moss.token, tenant: 'moss' }), 403, 'licence_invalid');

    // The same claims signed with the platform's key are accepted: only the key differs.
    const key = await control().selectFrom('control.secrets').select('value').where('name', '=', 'licence_private_key').executeTakeFirstOrThrow();
    const genuine = await (await LicenceSigner.fromPem(key.value)).sign(licenceClaimsFor(moss));
    await storeLicence(moss.id, genuine.jws, genuine.claims);
    expect((await t.call('GET', '/api/v1/members', { token: moss.token, tenant: 'moss' })).statusCode).toBe(200);
  });

  it('refuses a licence that was issued for another tenant', async () => {
    const reed = await t.createTenant('reed');
    const elmLicence = await newestLicence(elm.id);
    await storeLicence(reed.id, elmLicence.jws, { ...elmLicence.claims, jti: crypto.randomUUID() });
    const res = await me({ token: reed.token, tenant: 'reed' });
    expectProblem(res, 403, 'licence_invalid');
    expect(res.json().detail).toMatch(/another tenant/);
    // The copied licence is genuine: it still serves the tenant it was issued for.
    expect((await me({ token: elm.token, tenant: 'elm' })).statusCode).toBe(200);
  });

  it('refuses a licence expired past its grace period with 403 licence_expired', async () => {
    const sage = await t.createTenant('sage');
    const yesterday = new Date(Date.now() - 86_400_000).toISOString();
    const issued = await t.call('POST', '/control/v1/tenants/sage/licence', { token: admin, body: { expiresAt: yesterday, graceDays: 0 } });
    expect(issued.statusCode).toBe(201);
    expectProblem(await me({ token: sage.token, tenant: 'sage' }), 403, 'licence_expired');
    expectProblem(await t.call('GET', '/api/v1/members', { token: sage.token, tenant: 'sage' }), 403, 'licence_expired');
    expectProblem(await t.call('POST', '/api/v1/auth/login', { tenant: 'sage', body: { email: sage.adminEmail, password: TENANT_PASSWORD } }), 403, 'licence_expired');
  });

  it('keeps serving a licence expired within its grace period and reports the grace state', async () => {
    const yew = await t.createTenant('yew');
    const before = await me({ token: yew.token, tenant: 'yew' });
    expect(before.json().licence.state).toBe('valid');
    const yesterday = new Date(Date.now() - 86_400_000);
    const issued = await t.call('POST', '/control/v1/tenants/yew/licence', { token: admin, body: { expiresAt: yesterday.toISOString(), graceDays: 14 } });
    expect(issued.statusCode).toBe(201);

    const res = await me({ token: yew.token, tenant: 'yew' });
    expect(res.statusCode).toBe(200);
    expect(res.json().licence).toMatchObject({ state: 'grace', expiresAt: new Date(Math.floor(yesterday.getTime() / 1000) * 1000).toISOString() });
    expect((await t.call('GET', '/api/v1/members', { token: yew.token, tenant: 'yew' })).statusCode).toBe(200);
    const created = await t.call('POST', '/api/v1/members', { token: yew.token, tenant: 'yew', body: { firstName: 'Grace', lastName: 'Period', type: 'owner' } });
    expect(created.statusCode).toBe(201);
  });

  it('refuses a module the licence no longer includes, keeps the core working, and restores it on reissue', async () => {
    const ivy = await t.createTenant('ivy');
    const created = await t.call('POST', '/api/v1/members', { token: ivy.token, tenant: 'ivy', body: { firstName: 'Kept', lastName: 'Safe', type: 'owner' } });
    expect(created.statusCode).toBe(201);

    const removed = await t.call('POST', '/control/v1/tenants/ivy/licence', { token: admin, body: { removeModules: ['members', 'properties', 'occupancy', 'leases', 'finance', 'documents', 'communications', 'objects'] } });
    expect(removed.statusCode).toBe(201);
    expect(removed.json().claims.modules).not.toContain('members');

    expectProblem(await t.call('GET', '/api/v1/members', { token: ivy.token, tenant: 'ivy' }), 403, 'module_not_licensed');
    expectProblem(await t.call('GET', `/api/v1/members/${created.json().id}`, { token: ivy.token, tenant: 'ivy' }), 403, 'module_not_licensed');
    expectProblem(await t.call('POST', '/api/v1/members', { token: ivy.token, tenant: 'ivy', body: { firstName: 'Not', lastName: 'Licensed', type: 'owner' } }), 403, 'module_not_licensed');
    const self = await me({ token: ivy.token, tenant: 'ivy' });
    expect(self.statusCode).toBe(200);
    expect(self.json().modules).not.toContain('members');
    expect((await t.call('GET', '/api/v1/users', { token: ivy.token, tenant: 'ivy' })).statusCode).toBe(200);

    expect((await t.call('POST', '/control/v1/tenants/ivy/licence', { token: admin, body: {} })).statusCode).toBe(201);
    const back = await t.call('GET', '/api/v1/members', { token: ivy.token, tenant: 'ivy' });
    expect(back.statusCode).toBe(200);
    expect(back.json().data.map((m: { id: string }) => m.id)).toEqual([created.json().id]);
    expect((await me({ token: ivy.token, tenant: 'ivy' })).json().modules).toContain('members');
  });
});

describe('permission gate', () => {
  async function userWithRole(tenant: TestTenant, email: string, roles: string[]) {
    const res = await t.call('POST', '/api/v1/users', { token: tenant.token, tenant: tenant.slug, body: { email, name: `User ${email}`, password: TENANT_PASSWORD, roles } });
    expect(res.statusCode).toBe(201);
    return (await t.login(tenant.slug, email)).accessToken;
  }

  it("refuses a 'member' user the staff routes but lets them see themselves", async () => {
    const token = await userWithRole(oak, 'resident@oak.test', ['member']);
    expectProblem(await t.call('GET', '/api/v1/members', { token, tenant: 'oak' }), 403, 'permission_denied');
    expectProblem(await t.call('GET', '/api/v1/users', { token, tenant: 'oak' }), 403, 'permission_denied');
    expectProblem(await t.call('GET', '/api/v1/roles', { token, tenant: 'oak' }), 403, 'permission_denied');
    // The gate runs before the body is read: a refused caller learns nothing from validation.
    expectProblem(await t.call('POST', '/api/v1/members', { token, tenant: 'oak', body: { nonsense: true } }), 403, 'permission_denied');

    const self = await me({ token, tenant: 'oak' });
    expect(self.statusCode).toBe(200);
    expect(self.json()).toMatchObject({ roles: ['member'], user: { email: 'resident@oak.test' } });
    expect(self.json().permissions).not.toContain('members.read');
  });

  it("lets a 'staff' user read and write members but not create users", async () => {
    const token = await userWithRole(oak, 'clerk@oak.test', ['staff']);
    const created = await t.call('POST', '/api/v1/members', { token, tenant: 'oak', body: { firstName: 'Staff', lastName: 'Made', type: 'renter' } });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    expect((await t.call('GET', `/api/v1/members/${id}`, { token, tenant: 'oak' })).statusCode).toBe(200);
    expect((await t.call('PATCH', `/api/v1/members/${id}`, { token, tenant: 'oak', body: { notes: 'Checked' } })).statusCode).toBe(200);
    expect((await t.call('GET', '/api/v1/members', { token, tenant: 'oak' })).statusCode).toBe(200);
    expect((await t.call('DELETE', `/api/v1/members/${id}`, { token, tenant: 'oak' })).statusCode).toBe(204);
    expect((await t.call('GET', '/api/v1/users', { token, tenant: 'oak' })).statusCode).toBe(200);

    const before = (await t.call('GET', '/api/v1/users?limit=200', { token: oak.token, tenant: 'oak' })).json().data.length;
    expectProblem(await t.call('POST', '/api/v1/users', { token, tenant: 'oak', body: { email: 'sneaky@oak.test', name: 'Sneaky', password: TENANT_PASSWORD, roles: ['owner'] } }), 403, 'permission_denied');
    const self = (await me({ token, tenant: 'oak' })).json();
    expectProblem(await t.call('PATCH', `/api/v1/users/${self.user.id}`, { token, tenant: 'oak', body: { roles: ['owner'] } }), 403, 'permission_denied');
    expect((await t.call('GET', '/api/v1/users?limit=200', { token: oak.token, tenant: 'oak' })).json().data.length).toBe(before);
    expect((await me({ token, tenant: 'oak' })).json().roles).toEqual(['staff']);
  });
});

describe('tenant-bound transaction', () => {
  it('answers a write only after it has committed, so the next request sees it', async () => {
    const opts = { token: oak.token, tenant: 'oak' };
    for (let i = 0; i < 15; i++) {
      const created = await t.call('POST', '/api/v1/members', { ...opts, body: { firstName: `Commit${i}`, lastName: 'Order', type: 'owner' } });
      expect(created.statusCode).toBe(201);
      const id = created.json().id;
      expect((await t.call('GET', `/api/v1/members/${id}`, opts)).statusCode).toBe(200);
      expect((await t.call('PATCH', `/api/v1/members/${id}`, { ...opts, body: { notes: `round ${i}` } })).statusCode).toBe(200);
      expect((await t.call('GET', `/api/v1/members/${id}`, opts)).json().notes).toBe(`round ${i}`);
      expect((await t.call('DELETE', `/api/v1/members/${id}`, opts)).statusCode).toBe(204);
      expect((await t.call('GET', `/api/v1/members/${id}`, opts)).statusCode).toBe(404);
    }
    for (let i = 0; i < 5; i++) {
      const user = await t.call('POST', '/api/v1/users', { ...opts, body: { email: `commit${i}@oak.test`, name: `Commit ${i}`, roles: ['staff'] } });
      expect(user.statusCode).toBe(201);
      expect((await t.call('GET', `/api/v1/users/${user.json().id}`, opts)).statusCode).toBe(200);
    }
  });

  it('refuses a handler that sends its reply inside the transaction, and rolls its writes back', async () => {
    const app = createHttpApp({ logger: pino({ level: 'silent' }), bodyLimit: 1_048_576, trustProxy: false, metrics: new Metrics(() => ({})) });
    const p = t.platform;
    const access = { module: 'members', permission: 'members.write' };
    const insert = (req: FastifyRequest, lastName: string) =>
      testDb(req.ctx.db).insertInto('members').values({ tenantId: req.ctx.tenant.id, id: newId(), firstName: 'Probe', lastName, type: 'other' }).execute();
    await app.register(
      async (scope) => {
        const s = scope as unknown as HttpApp;
        installPipeline(s, { directory: p.directory, router: p.router, licences: p.licenceVerifier, tokens: p.tokens, roles: new RolePermissionCache(), sessions: p.sessions, apiKeys: p.apiKeys, rateLimit: p.rateLimit, modules: p.modules, baseDomain: 'courtyard.test', fingerprintKey: randomBytes(32) });
        s.post('/inside', { config: { access } }, async (req, reply) => {
          await insert(req, 'SentInside');
          return reply.code(201).send({ ok: true });
        });
        s.post('/after', { config: { access } }, async (req, reply) => {
          await insert(req, 'SentAfter');
          reply.code(201);
          return { ok: true };
        });
      },
      { prefix: '/api/v1' },
    );
    await app.ready();
    try {
      const headers = { authorization: `Bearer ${oak.token}`, 'x-tenant-id': 'oak' };
      const inside = await app.inject({ method: 'POST', url: '/api/v1/inside', headers });
      expectProblem(inside, 500, 'internal_error');
      const after = await app.inject({ method: 'POST', url: '/api/v1/after', headers });
      expect(after.statusCode).toBe(201);
      expect(after.json()).toEqual({ ok: true });

      const names = (await t.call('GET', '/api/v1/members?q=Probe&limit=200', { token: oak.token, tenant: 'oak' })).json().data.map((m: { lastName: string }) => m.lastName);
      expect(names).toEqual(['SentAfter']);
    } finally {
      await app.close();
    }
  });
});
