import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TENANT_PASSWORD, type TestPlatform, type TestTenant } from './helpers.js';
import { b64, me, signAccess, startPipelinePlatform, unb64 } from './pipeline-helpers.js';
import { expectProblem } from './fixture.js';

/**
 * The data-plane request pipeline, through the HTTP API:
 * resolve tenant → authenticate → licence gate → permission gate → handler.
 * Here the tenant and the token; the gates and the transaction are in pipeline.gates.test.ts.
 */

let t: TestPlatform;
let admin: string;
let oak: TestTenant;
let elm: TestTenant;

beforeAll(async () => {
  ({ t, admin, oak, elm } = await startPipelinePlatform());
});
afterAll(() => t?.close());

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
