import { randomBytes } from 'node:crypto';
import { SignJWT } from 'jose';
import type { FastifyRequest, LightMyRequestResponse } from 'fastify';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installPipeline } from '../src/data/pipeline.js';
import { RolePermissionCache } from '../src/data/role-cache.js';
import { createHttpApp, type HttpApp } from '../src/kernel/http/app.js';
import { newId } from '../src/kernel/ids.js';
import { Metrics } from '../src/kernel/observability/metrics.js';
import { generateLicenceKeyPair, LicenceSigner, type LicenceClaims } from '../src/kernel/security/licence.js';
import { startPlatform, TENANT_PASSWORD, type TestPlatform, type TestTenant } from './helpers.js';
import { testDb } from './test-db.js';

/**
 * The data-plane request pipeline, through the HTTP API:
 * resolve tenant → authenticate → licence gate → permission gate → handler.
 */

let t: TestPlatform;
let admin: string;
let oak: TestTenant;
let elm: TestTenant;

beforeAll(async () => {
  t = await startPlatform();
  admin = await t.platformToken();
  oak = await t.createTenant('oak');
  elm = await t.createTenant('elm');
});
afterAll(() => t?.close());

const control = () => testDb(t.platform.main.kysely);

function expectProblem(res: LightMyRequestResponse, status: number, code: string) {
  expect({ status: res.statusCode, body: res.body }).toMatchObject({ status });
  expect(res.headers['content-type']).toContain('application/problem+json');
  expect(res.json()).toMatchObject({ status, code });
}

const me = (o: Parameters<TestPlatform['call']>[2]) => t.call('GET', '/api/v1/me', o);

async function tokenSecret(): Promise<Uint8Array> {
  const row = await control().selectFrom('control.secrets').select('value').where('name', '=', 'token_secret').executeTakeFirstOrThrow();
  return new TextEncoder().encode(row.value);
}

/** An access token signed with the platform's own secret, with the given lifetime. */
async function signAccess(claims: { sub: string; tid: string; roles: string[]; sid: string }, iat: number, exp: number, audience = 'courtyard:tenant') {
  return new SignJWT({ roles: claims.roles, sid: claims.sid, tid: claims.tid })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.sub)
    .setAudience(audience)
    .setIssuedAt(iat)
    .setExpirationTime(exp)
    .sign(await tokenSecret());
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const unb64 = (part: string) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));

async function newestLicence(tenantId: string) {
  return control().selectFrom('control.licences').selectAll().where('tenantId', '=', tenantId).orderBy('issuedAt', 'desc').limit(1).executeTakeFirstOrThrow();
}

/** Stores a licence as the tenant's newest, as if the control plane had issued it, and drops the data plane's cache. */
async function storeLicence(tenantId: string, jws: string, claims: LicenceClaims) {
  await control()
    .insertInto('control.licences')
    .values({ id: claims.jti, tenantId, jws, claims: JSON.stringify(claims), expiresAt: new Date(claims.exp * 1000) })
    .execute();
  t.platform.directory.invalidate();
}

function licenceClaimsFor(tenant: TestTenant): Omit<LicenceClaims, 'iss' | 'jti' | 'iat'> {
  const now = Math.floor(Date.now() / 1000);
  return { sub: tenant.id, tenant: tenant.slug, plan: 'standard', modules: ['members'], limits: { members: 100, users: 10, storageMb: 100 }, nbf: now - 60, exp: now + 3600, grace: 0 };
}

describe('tenant resolution', () => {
  it('resolves the tenant from x-tenant-id by slug and by id', async () => {
    for (const tenant of ['oak', oak.id, oak.id.toUpperCase()]) {
      const res = await me({ token: oak.token, tenant });
      expect(res.statusCode).toBe(200);
      expect(res.json().tenant).toMatchObject({ id: oak.id, slug: 'oak' });
    }
  });

  it('resolves the tenant from its subdomain of the base domain', async () => {
    const res = await me({ token: oak.token, headers: { host: 'oak.courtyard.test' } });
    expect(res.statusCode).toBe(200);
    expect(res.json().tenant.slug).toBe('oak');
    const withPort = await me({ token: elm.token, headers: { host: 'ELM.courtyard.test:8443' } });
    expect(withPort.statusCode).toBe(200);
    expect(withPort.json().tenant.slug).toBe('elm');
    const login = await t.call('POST', '/api/v1/auth/login', { headers: { host: 'oak.courtyard.test' }, body: { email: oak.adminEmail, password: TENANT_PASSWORD } });
    expect(login.statusCode).toBe(200);
  });

  it('resolves the tenant from a custom domain added on the control plane', async () => {
    const before = await me({ token: oak.token, headers: { host: 'portal.oak-estate.example' } });
    expectProblem(before, 404, 'tenant_not_found');
    const added = await t.call('POST', '/control/v1/tenants/oak/domains', { token: admin, body: { domain: 'portal.oak-estate.example' } });
    expect(added.statusCode).toBe(201);
    const res = await me({ token: oak.token, headers: { host: 'portal.oak-estate.example' } });
    expect(res.statusCode).toBe(200);
    expect(res.json().tenant.slug).toBe('oak');
    const members = await t.call('GET', '/api/v1/members', { token: oak.token, headers: { host: 'portal.oak-estate.example' } });
    expect(members.statusCode).toBe(200);
  });

  it('resolves the tenant from a /t/{slug} path prefix', async () => {
    const res = await t.call('GET', '/t/oak/api/v1/me', { token: oak.token });
    expect(res.statusCode).toBe(200);
    expect(res.json().tenant.slug).toBe('oak');
    const list = await t.call('GET', '/t/elm/api/v1/members?limit=5', { token: elm.token });
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({ data: [], nextCursor: null });
  });

  it('refuses an unknown tenant with 404 tenant_not_found, however it is named', async () => {
    expectProblem(await me({ token: oak.token, tenant: 'nowhere' }), 404, 'tenant_not_found');
    expectProblem(await me({ token: oak.token, tenant: '01900000-0000-7000-8000-000000000000' }), 404, 'tenant_not_found');
    expectProblem(await me({ token: oak.token, tenant: 'x'.repeat(65) }), 404, 'tenant_not_found');
    expectProblem(await me({ token: oak.token, headers: { host: 'nowhere.courtyard.test' } }), 404, 'tenant_not_found');
    expectProblem(await t.call('GET', '/t/nowhere/api/v1/me', { token: oak.token }), 404, 'tenant_not_found');
    expectProblem(await t.call('POST', '/api/v1/auth/login', { tenant: 'nowhere', body: { email: oak.adminEmail, password: TENANT_PASSWORD } }), 404, 'tenant_not_found');
  });

  it('refuses a request that names no tenant at all with 404', async () => {
    expectProblem(await me({ token: oak.token }), 404, 'tenant_not_found');
    expectProblem(await me({ token: oak.token, headers: { host: 'courtyard.test' } }), 404, 'tenant_not_found');
    expectProblem(await t.call('POST', '/api/v1/auth/login', { body: { email: oak.adminEmail, password: TENANT_PASSWORD } }), 404, 'tenant_not_found');
  });

  it('refuses a suspended or archived tenant with 403 tenant_suspended, and serves a resumed one again', async () => {
    const pine = await t.createTenant('pine');
    expect((await me({ token: pine.token, tenant: 'pine' })).statusCode).toBe(200);

    expect((await t.call('POST', '/control/v1/tenants/pine/suspend', { token: admin })).statusCode).toBe(200);
    expectProblem(await me({ token: pine.token, tenant: 'pine' }), 403, 'tenant_suspended');
    expectProblem(await t.call('GET', '/api/v1/members', { token: pine.token, headers: { host: 'pine.courtyard.test' } }), 403, 'tenant_suspended');
    expectProblem(await t.call('POST', '/api/v1/auth/login', { tenant: 'pine', body: { email: pine.adminEmail, password: TENANT_PASSWORD } }), 403, 'tenant_suspended');

    expect((await t.call('POST', '/control/v1/tenants/pine/resume', { token: admin })).statusCode).toBe(200);
    expect((await me({ token: pine.token, tenant: 'pine' })).statusCode).toBe(200);

    expect((await t.call('POST', '/control/v1/tenants/pine/archive', { token: admin })).statusCode).toBe(200);
    expectProblem(await me({ token: pine.token, tenant: 'pine' }), 403, 'tenant_suspended');
    expectProblem(await t.call('POST', '/api/v1/auth/login', { tenant: pine.id, body: { email: pine.adminEmail, password: TENANT_PASSWORD } }), 403, 'tenant_suspended');
  });

  it('refuses 403 tenant_mismatch when the header, host and path name different tenants', async () => {
    expectProblem(await me({ token: oak.token, tenant: 'oak', headers: { host: 'elm.courtyard.test' } }), 403, 'tenant_mismatch');
    expectProblem(await t.call('GET', '/t/elm/api/v1/me', { token: oak.token, tenant: 'oak' }), 403, 'tenant_mismatch');
    expectProblem(await t.call('GET', '/t/oak/api/v1/me', { token: oak.token, headers: { host: 'elm.courtyard.test' } }), 403, 'tenant_mismatch');
    expectProblem(await me({ token: elm.token, tenant: elm.id, headers: { host: 'portal.oak-estate.example' } }), 403, 'tenant_mismatch');
    // A public route is refused the same way: sign-in cannot be aimed at two tenants.
    expectProblem(await t.call('POST', '/api/v1/auth/login', { tenant: 'elm', headers: { host: 'oak.courtyard.test' }, body: { email: oak.adminEmail, password: TENANT_PASSWORD } }), 403, 'tenant_mismatch');

    // All places naming the same tenant agree.
    const agreeing = await t.call('GET', '/t/oak/api/v1/me', { token: oak.token, tenant: oak.id, headers: { host: 'oak.courtyard.test' } });
    expect(agreeing.statusCode).toBe(200);
  });
});

describe('authentication', () => {
  it('refuses a request without a token with 401 unauthenticated', async () => {
    expectProblem(await me({ tenant: 'oak' }), 401, 'unauthenticated');
    expectProblem(await t.call('GET', '/api/v1/members', { tenant: 'oak' }), 401, 'unauthenticated');
    expectProblem(await t.call('POST', '/api/v1/members', { tenant: 'oak', body: { firstName: 'No', lastName: 'Token', type: 'owner' } }), 401, 'unauthenticated');
  });

  it('refuses a malformed Authorization header with 401', async () => {
    for (const authorization of [`Token ${oak.token}`, 'Bearer', 'Bearer ', `Bearer ${oak.token} extra`, `Basic ${Buffer.from('a:b').toString('base64')}`, 'Bearer not.a.jwt']) {
      expectProblem(await me({ tenant: 'oak', headers: { authorization } }), 401, 'unauthenticated');
    }
  });

  it('refuses an expired access token with 401', async () => {
    const self = (await me({ token: oak.token, tenant: 'oak' })).json();
    // The owner's live session: only the expiry may decide.
    const { sid } = JSON.parse(Buffer.from(oak.token.split('.')[1]!, 'base64url').toString()) as { sid: string };
    const claims = { sub: self.user.id, tid: oak.id, roles: ['owner'], sid };
    const now = Math.floor(Date.now() / 1000);
    // The same claims and key with a future expiry are accepted: only the expiry differs.
    expect((await me({ token: await signAccess(claims, now - 60, now + 600), tenant: 'oak' })).statusCode).toBe(200);
    const expired = await me({ token: await signAccess(claims, now - 7200, now - 3600), tenant: 'oak' });
    expectProblem(expired, 401, 'unauthenticated');
    expect(expired.json().detail).toMatch(/expired/);
  });

  it('refuses a token whose signature or payload was tampered with', async () => {
    const [header, payload, signature] = oak.token.split('.') as [string, string, string];
    const i = Math.floor(signature.length / 2);
    const flipped = `${signature.slice(0, i)}${signature[i] === 'A' ? 'B' : 'A'}${signature.slice(i + 1)}`;
    expectProblem(await me({ token: `${header}.${payload}.${flipped}`, tenant: 'oak' }), 401, 'unauthenticated');

    const claims = unb64(payload);
    const asElm = `${header}.${b64({ ...claims, tid: elm.id })}.${signature}`;
    expectProblem(await me({ token: asElm, tenant: 'elm' }), 401, 'unauthenticated');
    const longer = `${header}.${b64({ ...claims, exp: claims.exp + 86_400 })}.${signature}`;
    expectProblem(await me({ token: longer, tenant: 'oak' }), 401, 'unauthenticated');
    const unsigned = `${b64({ alg: 'none', typ: 'JWT' })}.${payload}.`;
    expectProblem(await me({ token: unsigned, tenant: 'oak' }), 401, 'unauthenticated');

    // The untouched token still works.
    expect((await me({ token: oak.token, tenant: 'oak' })).statusCode).toBe(200);
  });

  it("refuses one tenant's token at another tenant with 403 tenant_mismatch", async () => {
    expectProblem(await me({ token: oak.token, tenant: 'elm' }), 403, 'tenant_mismatch');
    expectProblem(await t.call('GET', '/api/v1/members', { token: oak.token, headers: { host: 'elm.courtyard.test' } }), 403, 'tenant_mismatch');
    expectProblem(await t.call('GET', '/t/elm/api/v1/users', { token: oak.token }), 403, 'tenant_mismatch');
    // Even on a public route, a token that is sent must belong to the tenant.
    expectProblem(await t.call('POST', '/api/v1/auth/refresh', { token: oak.token, tenant: 'elm', body: { refreshToken: elm.refreshToken } }), 403, 'tenant_mismatch');
  });

  it('refuses a platform token on the data plane and a tenant token on the control plane', async () => {
    expectProblem(await me({ token: admin, tenant: 'oak' }), 401, 'unauthenticated');
    expectProblem(await t.call('GET', '/api/v1/members', { token: admin, tenant: 'oak' }), 401, 'unauthenticated');
    // A control-audience token carrying a tenant claim is no tenant token either.
    const self = (await me({ token: oak.token, tenant: 'oak' })).json();
    const now = Math.floor(Date.now() / 1000);
    const controlAudience = await signAccess({ sub: self.user.id, tid: oak.id, roles: ['owner'], sid: '01900000-0000-7000-8000-000000000002' }, now, now + 600, 'courtyard:control');
    expectProblem(await me({ token: controlAudience, tenant: 'oak' }), 401, 'unauthenticated');

    expectProblem(await t.call('GET', '/control/v1/tenants', { token: oak.token }), 401, 'unauthenticated');
  });
});

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

    const removed = await t.call('POST', '/control/v1/tenants/ivy/licence', { token: admin, body: { removeModules: ['members', 'properties', 'occupancy', 'leases', 'finance'] } });
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
        installPipeline(s, { directory: p.directory, router: p.router, licences: p.licenceVerifier, tokens: p.tokens, roles: new RolePermissionCache(p.router), sessions: p.sessions, modules: p.modules, baseDomain: 'courtyard.test', fingerprintKey: randomBytes(32) });
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
