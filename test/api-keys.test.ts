import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from './auth-helpers.js';
import { expectProblem } from './fixture.js';
import { startPlatform, type TestPlatform, type TestTenant } from './helpers.js';

/**
 * API keys: made by a user with some of their permissions, shown once, kept as a hash, sent as
 * `Bearer cy_…`, honoured only while the key and its creator are what they were made for, and
 * only in their own tenant.
 */

let t: TestPlatform;
let alder: TestTenant;
let birch: TestTenant;

beforeAll(async () => {
  t = await startPlatform();
  alder = await t.createTenant('alder');
  birch = await t.createTenant('birch');
});
afterAll(() => t?.close());

const as = (tenant: TestTenant, token = tenant.token) => ({ token, tenant: tenant.slug });
async function makeKey(tenant: TestTenant, body: Record<string, unknown>, token = tenant.token) {
  const res = await t.call('POST', '/api/v1/api-keys', { ...as(tenant, token), body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; key: string; prefix: string; permissions: string[]; name: string; expiresAt: string | null; createdAt: string };
}

describe('tenant API keys', () => {
  it('makes a key shown once, lists it without its secret, and lets it call the API with its permissions only', async () => {
    const made = await makeKey(alder, { name: 'ERP sync', permissions: ['members.read', 'members.read'] });
    expect(made.key).toMatch(/^cy_[A-Za-z0-9_-]{43}$/);
    expect(made.key.startsWith(made.prefix)).toBe(true);
    expect(made.prefix.length).toBeLessThan(16);
    expect(made.permissions).toEqual(['members.read']);
    expect(made.expiresAt).toBeNull();

    const list = await t.call('GET', '/api/v1/api-keys?q=erp', as(alder));
    expect(list.statusCode).toBe(200);
    expect(list.json().data.map((k: { id: string }) => k.id)).toEqual([made.id]);
    expect(list.body).not.toContain(made.key);
    expect(list.body).not.toContain(made.key.slice(made.prefix.length));
    expect((await t.call('GET', '/api/v1/api-keys?q=nothing-like-it', as(alder))).json().data).toEqual([]);
    const one = await t.call('GET', `/api/v1/api-keys/${made.id}`, as(alder));
    expect(one.json()).toMatchObject({ id: made.id, name: 'ERP sync', prefix: made.prefix, lastUsedAt: null, revokedAt: null });
    expect(one.body).not.toContain(made.key);

    expect((await t.call('GET', '/api/v1/members', as(alder, made.key))).statusCode).toBe(200);
    expectProblem(await t.call('POST', '/api/v1/members', { ...as(alder, made.key), body: { firstName: 'Ada', lastName: 'Key', type: 'owner' } }), 403, 'permission_denied');
    expectProblem(await t.call('GET', '/api/v1/users', as(alder, made.key)), 403, 'permission_denied');
    // It acts as its creator: /me shows the key's permissions, not the creator's.
    const me = await t.call('GET', '/api/v1/me', as(alder, made.key));
    expect(me.json().user.email).toBe(alder.adminEmail);
    expect(me.json().permissions).toEqual(['members.read']);
    // Warm (cached) path, then the last use is noted.
    expect((await t.call('GET', '/api/v1/members', as(alder, made.key))).statusCode).toBe(200);
    expect((await t.call('GET', `/api/v1/api-keys/${made.id}`, as(alder))).json().lastUsedAt).not.toBeNull();
  });

  it("does not let a key change its user's own account", async () => {
    const made = await makeKey(alder, { name: 'Self service', permissions: ['users.read'] });
    expectProblem(await t.call('PATCH', '/api/v1/me', { ...as(alder, made.key), body: { name: 'Renamed by a key' } }), 403, 'permission_denied');
    expectProblem(await t.call('GET', '/api/v1/me/sessions', as(alder, made.key)), 403, 'permission_denied');
    expectProblem(await t.call('POST', '/api/v1/me/password', { ...as(alder, made.key), body: { currentPassword: 'x', newPassword: 'a long new password 1' } }), 403, 'permission_denied');
  });

  it('refuses unknown permissions (422) and permissions the creator does not hold (403), writing nothing', async () => {
    const before = (await t.call('GET', '/api/v1/api-keys?limit=200', as(alder))).json().data.length;
    expectProblem(await t.call('POST', '/api/v1/api-keys', { ...as(alder), body: { name: 'Bad', permissions: ['members.read', 'nope.nothing'] } }), 422, 'core.unknown_permission', ['permissions']);

    const ownerPermissions: string[] = (await t.call('GET', '/api/v1/me', as(alder))).json().permissions;
    const manager = await createUser(t, alder, 'manager@alder.test', ['manager']);
    const managerToken = (await t.login('alder', 'manager@alder.test')).accessToken;
    const managerPermissions: string[] = (await t.call('GET', '/api/v1/me', as(alder, managerToken))).json().permissions;
    expect(managerPermissions).toContain('api_keys.manage');
    const ownerOnly = ownerPermissions.find((p) => !managerPermissions.includes(p));
    expect(ownerOnly, 'a permission the owner has and a manager has not').toBeDefined();
    const problem = expectProblem(await t.call('POST', '/api/v1/api-keys', { ...as(alder, managerToken), body: { name: 'Too much', permissions: ['members.read', ownerOnly] } }), 403, 'core.permission_not_held', ['permissions']);
    expect(JSON.stringify(problem.errors)).toContain(ownerOnly);
    expectProblem(await t.call('POST', '/api/v1/api-keys', { ...as(alder), body: { name: 'Past', permissions: [], expiresAt: '2020-01-01T00:00:00Z' } }), 422, 'unprocessable', ['expiresAt']);
    // Staff hold no api_keys.manage.
    await createUser(t, alder, 'staff@alder.test', ['staff']);
    const staffToken = (await t.login('alder', 'staff@alder.test')).accessToken;
    expectProblem(await t.call('POST', '/api/v1/api-keys', { ...as(alder, staffToken), body: { name: 'Staff', permissions: [] } }), 403, 'permission_denied');
    expectProblem(await t.call('GET', '/api/v1/api-keys', as(alder, staffToken)), 403, 'permission_denied');
    expect((await t.call('GET', '/api/v1/api-keys?limit=200', as(alder))).json().data.length).toBe(before);
    expect(manager.roles).toEqual(['manager']);
  });

  it('refuses a revoked key with 401 from the next request on', async () => {
    const made = await makeKey(alder, { name: 'Soon revoked', permissions: ['members.read'] });
    expect((await t.call('GET', '/api/v1/members', as(alder, made.key))).statusCode).toBe(200);
    expect((await t.call('GET', '/api/v1/members', as(alder, made.key))).statusCode).toBe(200);
    expect((await t.call('DELETE', `/api/v1/api-keys/${made.id}`, as(alder))).statusCode).toBe(204);
    expectProblem(await t.call('GET', '/api/v1/members', as(alder, made.key)), 401, 'unauthenticated');
    expect((await t.call('GET', `/api/v1/api-keys/${made.id}`, as(alder))).json().revokedAt).not.toBeNull();
    // Revoking again changes nothing; an unknown key is not found.
    expect((await t.call('DELETE', `/api/v1/api-keys/${made.id}`, as(alder))).statusCode).toBe(204);
    expectProblem(await t.call('DELETE', '/api/v1/api-keys/01a20000-0000-7000-8000-000000000000', as(alder)), 404, 'not_found');
  });

  it('refuses an expired key, and a key that never existed, with 401', async () => {
    const made = await makeKey(alder, { name: 'Short-lived', permissions: ['members.read'], expiresAt: new Date(Date.now() + 1500).toISOString() });
    expect((await t.call('GET', '/api/v1/members', as(alder, made.key))).statusCode).toBe(200);
    expect((await t.call('GET', '/api/v1/members', as(alder, made.key))).statusCode).toBe(200);
    await new Promise((r) => setTimeout(r, 1600));
    expectProblem(await t.call('GET', '/api/v1/members', as(alder, made.key)), 401, 'unauthenticated');
    expectProblem(await t.call('GET', '/api/v1/members', as(alder, `cy_${'A'.repeat(43)}`)), 401, 'unauthenticated');
  });

  it("narrows a key when its creator is demoted, and stops it when the creator is disabled", async () => {
    await createUser(t, alder, 'keymaker@alder.test', ['manager']);
    const keymaker = (await t.login('alder', 'keymaker@alder.test')).accessToken;
    const made = await makeKey(alder, { name: 'Manager key', permissions: ['users.read', 'users.write'] }, keymaker);
    const probe = () => t.call('POST', '/api/v1/users', { ...as(alder, made.key), body: { email: `probe-${Date.now()}@alder.test`, name: 'Probe', roles: ['staff'], password: 'a long password for probes' } });
    // Warm: cached the first and second time.
    expect((await t.call('GET', '/api/v1/users', as(alder, made.key))).statusCode).toBe(200);
    expect((await probe()).statusCode).toBe(201);
    const id = (await t.call('GET', '/api/v1/users?q=keymaker', as(alder))).json().data[0].id;
    // Staff hold users.read but not users.write.
    expect((await t.call('PATCH', `/api/v1/users/${id}`, { ...as(alder), body: { roles: ['staff'] } })).statusCode).toBe(200);
    expectProblem(await probe(), 403, 'permission_denied');
    expect((await t.call('GET', '/api/v1/users', as(alder, made.key))).statusCode).toBe(200);
    expect((await t.call('GET', '/api/v1/me', as(alder, made.key))).json().permissions).toEqual(['users.read']);
    // Promoted again: the key gets back what it was given, no more.
    expect((await t.call('PATCH', `/api/v1/users/${id}`, { ...as(alder), body: { roles: ['owner'] } })).statusCode).toBe(200);
    expect((await t.call('GET', '/api/v1/me', as(alder, made.key))).json().permissions).toEqual(['users.read', 'users.write']);
    expect((await t.call('PATCH', `/api/v1/users/${id}`, { ...as(alder), body: { status: 'disabled' } })).statusCode).toBe(200);
    expectProblem(await t.call('GET', '/api/v1/users', as(alder, made.key)), 401, 'unauthenticated');
  });

  it("refuses a tenant's key on another tenant with 401, never its data, and keeps each tenant's keys to itself", async () => {
    const made = await makeKey(alder, { name: 'Alder only', permissions: ['members.read', 'api_keys.manage'] });
    expect((await t.call('GET', '/api/v1/members', as(alder, made.key))).statusCode).toBe(200);
    for (const url of ['/api/v1/members', '/api/v1/api-keys', '/api/v1/me']) {
      const res = await t.call('GET', url, { token: made.key, tenant: 'birch' });
      expectProblem(res, 401, 'unauthenticated');
      expect(res.body).not.toContain(alder.id);
    }
    // Birch's owner sees none of alder's keys, by list or by id, and cannot revoke them.
    expect((await t.call('GET', '/api/v1/api-keys?limit=200', as(birch))).json().data).toEqual([]);
    expectProblem(await t.call('GET', `/api/v1/api-keys/${made.id}`, as(birch)), 404, 'not_found');
    expectProblem(await t.call('DELETE', `/api/v1/api-keys/${made.id}`, as(birch)), 404, 'not_found');
    expect((await t.call('GET', '/api/v1/members', as(alder, made.key))).statusCode).toBe(200);
  });

  it("keeps a key's Idempotency-Keys apart from its creator's", async () => {
    const made = await makeKey(alder, { name: 'Writer', permissions: ['members.write'] });
    const headers = { 'idempotency-key': 'shared-by-chance' };
    const byOwner = await t.call('POST', '/api/v1/members', { ...as(alder), headers, body: { firstName: 'Olga', lastName: 'Owner', type: 'owner' } });
    expect(byOwner.statusCode, byOwner.body).toBe(201);
    const byKey = await t.call('POST', '/api/v1/members', { ...as(alder, made.key), headers, body: { firstName: 'Kim', lastName: 'Key', type: 'owner' } });
    expect(byKey.statusCode, byKey.body).toBe(201);
    expect(byKey.json().id).not.toBe(byOwner.json().id);
    expect(byKey.headers['idempotent-replayed']).toBeUndefined();
  });

  it('answers a retried creation with the id, never the key again', async () => {
    const headers = { 'idempotency-key': 'make-key-once' };
    const first = await t.call('POST', '/api/v1/api-keys', { ...as(alder), headers, body: { name: 'Retried', permissions: ['members.read'] } });
    expect(first.statusCode).toBe(201);
    const again = await t.call('POST', '/api/v1/api-keys', { ...as(alder), headers, body: { name: 'Retried', permissions: ['members.read'] } });
    expect(again.statusCode).toBe(201);
    expect(again.json()).toMatchObject({ replayed: true, id: first.json().id });
    expect(again.body).not.toContain(first.json().key);
  });
});

describe('tenant API keys and step-up', () => {
  it('refuses a key the permissions that need a second factor (finance.approve), writing nothing', async () => {
    const before = (await t.call('GET', '/api/v1/api-keys?limit=200', as(alder))).json().data.length;
    expectProblem(await t.call('POST', '/api/v1/api-keys', { ...as(alder), body: { name: 'Approver', permissions: ['finance.read', 'finance.approve'] } }), 422, 'unprocessable', ['permissions']);
    expect((await t.call('GET', '/api/v1/api-keys?limit=200', as(alder))).json().data.length).toBe(before);
  });
});

describe('tenant API keys in the audit log', () => {
  it('records who made and who revoked a key, naming the key when it acted itself', async () => {
    const admin = await makeKey(alder, { name: 'Key keeper', permissions: ['api_keys.manage'] });
    const victim = await makeKey(alder, { name: 'Short-lived', permissions: ['members.read'] });
    expect((await t.call('DELETE', `/api/v1/api-keys/${victim.id}`, as(alder, admin.key))).statusCode).toBe(204);

    const log = await t.call('GET', '/api/v1/audit?action=api_key.*&limit=50', as(alder));
    expect(log.statusCode, log.body).toBe(200);
    const entries = log.json().data as { action: string; actor: { type: string; id: string | null }; target: { type: string; id: string } | null; details: Record<string, unknown> }[];
    const made = entries.find((e) => e.action === 'api_key.created' && e.target?.id === victim.id);
    expect(made?.actor.type).toBe('user');
    expect(made?.details).toMatchObject({ name: 'Short-lived', permissions: ['members.read'] });
    const revoked = entries.find((e) => e.action === 'api_key.revoked' && e.target?.id === victim.id);
    expect(revoked?.actor).toEqual({ type: 'api_key', id: admin.id });
    expect(log.body).not.toContain(victim.key);
    expect(log.body).not.toContain(admin.key);
  });
});

describe('platform API keys', () => {
  it('makes an operator key shown once that works on /control/v1 with its permissions, until revoked', async () => {
    const operator = await t.platformToken();
    const opts = { token: operator };
    expectProblem(await t.call('POST', '/control/v1/api-keys', { ...opts, body: { name: 'Bad', permissions: ['platform.everything'] } }), 422, 'control.unknown_permission', ['permissions']);
    const made = await t.call('POST', '/control/v1/api-keys', { ...opts, body: { name: 'Provisioning bot', permissions: ['platform.admin'] } });
    expect(made.statusCode, made.body).toBe(201);
    const { id, key, prefix } = made.json();
    expect(key).toMatch(/^cyp_[A-Za-z0-9_-]{43}$/);
    expect(key.startsWith(prefix)).toBe(true);

    const list = await t.call('GET', '/control/v1/api-keys', opts);
    expect(list.json().data.map((k: { id: string }) => k.id)).toContain(id);
    expect(list.body).not.toContain(key);

    expect((await t.call('GET', '/control/v1/tenants', { token: key })).statusCode).toBe(200);
    expect((await t.call('GET', '/control/v1/tenants', { token: key })).statusCode).toBe(200);
    // A platform key is no tenant key, and a tenant key no platform key.
    expectProblem(await t.call('GET', '/api/v1/members', { token: key, tenant: 'alder' }), 401, 'unauthenticated');
    const tenantKey = await makeKey(alder, { name: 'Tenant only', permissions: ['members.read'] });
    expect((await t.call('GET', '/control/v1/tenants', { token: tenantKey.key })).statusCode).toBe(401);

    // A key without permissions reaches nothing, and makes no key with more than it has.
    const bare = (await t.call('POST', '/control/v1/api-keys', { token: key, body: { name: 'Bare', permissions: [] } })).json();
    expectProblem(await t.call('GET', '/control/v1/tenants', { token: bare.key }), 403, 'permission_denied');
    expectProblem(await t.call('POST', '/control/v1/api-keys', { token: bare.key, body: { name: 'Escalate', permissions: ['platform.admin'] } }), 403, 'permission_denied');

    expect((await t.call('DELETE', `/control/v1/api-keys/${id}`, opts)).statusCode).toBe(204);
    expectProblem(await t.call('GET', '/control/v1/tenants', { token: key }), 401, 'unauthenticated');
    expectProblem(await t.call('DELETE', `/control/v1/api-keys/${tenantKey.id}`, opts), 404, 'not_found');
    expect((await t.call('GET', `/api/v1/api-keys/${tenantKey.id}`, as(alder))).json().revokedAt).toBeNull();
  });

  it('refuses a platform key past its expiry', async () => {
    const made = await t.call('POST', '/control/v1/api-keys', { token: await t.platformToken(), body: { name: 'Brief', permissions: ['platform.admin'], expiresAt: new Date(Date.now() + 1500).toISOString() } });
    expect(made.statusCode).toBe(201);
    expect((await t.call('GET', '/control/v1/plans', { token: made.json().key })).statusCode).toBe(200);
    await new Promise((r) => setTimeout(r, 1600));
    expectProblem(await t.call('GET', '/control/v1/plans', { token: made.json().key }), 401, 'unauthenticated');
  });
});
