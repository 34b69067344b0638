import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, refresh, signIn } from './auth-helpers.js';
import { expectProblem } from './fixture.js';
import { TENANT_PASSWORD, startPlatform, type TestPlatform, type TestTenant } from './helpers.js';

let t: TestPlatform;
let oak: TestTenant;

beforeAll(async () => {
  t = await startPlatform();
  oak = await t.createTenant('oak');
});
afterAll(() => t?.close());

describe('users and roles', () => {
  it('lists the system roles with their permissions', async () => {
    const res = await t.call('GET', '/api/v1/roles', { token: oak.token, tenant: 'oak' });
    expect(res.statusCode).toBe(200);
    const roles = res.json().data as { key: string; permissions: string[]; system: boolean; name: string }[];
    expect(roles.map((r) => r.key).sort()).toEqual(['manager', 'member', 'owner', 'staff']);
    const byKey = Object.fromEntries(roles.map((r) => [r.key, r]));
    expect(roles.every((r) => r.system && r.name.length > 0)).toBe(true);
    expect(byKey.owner!.permissions).toEqual(expect.arrayContaining(['users.read', 'users.write', 'roles.read', 'members.read', 'members.write']));
    expect(byKey.manager!.permissions).toEqual(expect.arrayContaining(['users.write', 'members.write']));
    expect(byKey.staff!.permissions).toContain('members.read');
    expect(byKey.staff!.permissions).not.toContain('users.write');
    expect(byKey.member!.permissions).not.toContain('members.read');
  });

  it('creates a user with roles who can sign in', async () => {
    const res = await t.call('POST', '/api/v1/users', { token: oak.token, tenant: 'oak', body: { email: 'New.Hire@Oak.test', name: 'New Hire', password: 'hired-in-the-spring', roles: ['staff', 'manager'] } });
    expect(res.statusCode).toBe(201);
    const user = res.json();
    expect(user).toMatchObject({ email: 'new.hire@oak.test', name: 'New Hire', status: 'active', roles: ['manager', 'staff'], memberId: null, lastLoginAt: null });
    expect(user.passwordHash ?? user.password_hash ?? user.password).toBeUndefined();
    const read = await t.call('GET', `/api/v1/users/${user.id}`, { token: oak.token, tenant: 'oak' });
    expect(read.json()).toEqual(user);
    expect((await signIn(t, 'oak', 'new.hire@oak.test', 'hired-in-the-spring')).statusCode).toBe(200);
    const after = (await t.call('GET', `/api/v1/users/${user.id}`, { token: oak.token, tenant: 'oak' })).json();
    expect(after.lastLoginAt).not.toBeNull();
  });

  it('searches users by name or e-mail, taking % and _ literally, and pages through the matches', async () => {
    const create = async (email: string, name: string) => (await t.call('POST', '/api/v1/users', { token: oak.token, tenant: 'oak', body: { email, name, password: TENANT_PASSWORD, roles: [] } })).json().id as string;
    const ids = async (q: string, more = '') => (await t.call('GET', `/api/v1/users?q=${encodeURIComponent(q)}${more}`, { token: oak.token, tenant: 'oak' })).json().data.map((u: { id: string }) => u.id);
    const byName = await create('finder.one@oak.test', 'Quinn Finder');
    const literal = await create('finder.two@oak.test', '50%_off Finder');
    const decoy = await create('finder.three@oak.test', '50xyoff Finder');
    expect(await ids(' quinn  ')).toEqual([byName]);
    expect(await ids('FINDER.TWO@')).toEqual([literal]);
    expect(await ids('50%_off')).toEqual([literal]);
    const first = (await t.call('GET', '/api/v1/users?q=finder&limit=2', { token: oak.token, tenant: 'oak' })).json();
    const second = (await t.call('GET', `/api/v1/users?q=finder&limit=2&cursor=${first.nextCursor}`, { token: oak.token, tenant: 'oak' })).json();
    expect([...first.data, ...second.data].map((u: { id: string }) => u.id)).toEqual([byName, literal, decoy]);
    expect(second.nextCursor).toBeNull();
  });

  it('refuses a second user with the same e-mail in another letter case', async () => {
    await createUser(t, oak, 'twice@oak.test');
    const res = await t.call('POST', '/api/v1/users', { token: oak.token, tenant: 'oak', body: { email: 'TWICE@oak.test', name: 'Again', password: TENANT_PASSWORD, roles: [] } });
    expectProblem(res, 409, 'already_exists');
    expect(res.json().errors).toEqual([{ field: 'email', message: expect.any(String) }]);
  });

  it('refuses an unknown role and a short password, and writes nothing', async () => {
    const unknownRole = await t.call('POST', '/api/v1/users', { token: oak.token, tenant: 'oak', body: { email: 'ghost@oak.test', name: 'Ghost', password: TENANT_PASSWORD, roles: ['staff', 'wizard'] } });
    expectProblem(unknownRole, 400, 'validation_failed');
    expect(unknownRole.json().errors).toEqual([{ field: 'roles', message: expect.stringContaining('wizard') }]);
    const shortPassword = await t.call('POST', '/api/v1/users', { token: oak.token, tenant: 'oak', body: { email: 'ghost@oak.test', name: 'Ghost', password: 'short', roles: ['staff'] } });
    expectProblem(shortPassword, 400, 'validation_failed');
    expect(shortPassword.json().errors.map((e: { field: string }) => e.field)).toEqual(['password']);
    expectProblem(await signIn(t, 'oak', 'ghost@oak.test', TENANT_PASSWORD), 401, 'invalid_credentials');
    // The e-mail is still free.
    await createUser(t, oak, 'ghost@oak.test');
  });

  it('refuses a user beyond the plan limit with plan_limit_reached', async () => {
    const maple = await t.createTenant('maple');
    await createUser(t, maple, 'second@maple.test');
    const admin = await t.platformToken();
    const licence = await t.call('POST', '/control/v1/tenants/maple/licence', { token: admin, body: { limits: { users: 2 } } });
    expect(licence.statusCode).toBe(201);
    const res = await t.call('POST', '/api/v1/users', { token: maple.token, tenant: 'maple', body: { email: 'third@maple.test', name: 'Third', password: TENANT_PASSWORD, roles: ['staff'] } });
    expectProblem(res, 403, 'plan_limit_reached');
    expect(res.json()).toMatchObject({ limit: 2, resource: 'users' });
    const list = (await t.call('GET', '/api/v1/users', { token: maple.token, tenant: 'maple' })).json();
    expect(list.data).toHaveLength(2);
  });

  it('lets concurrent creates not overshoot the user limit', async () => {
    const fir = await t.createTenant('fir');
    const admin = await t.platformToken();
    await t.call('POST', '/control/v1/tenants/fir/licence', { token: admin, body: { limits: { users: 3 } } });
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => t.call('POST', '/api/v1/users', { token: fir.token, tenant: 'fir', body: { email: `racer${i}@fir.test`, name: `Racer ${i}`, password: TENANT_PASSWORD, roles: ['staff'] } })),
    );
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(2);
    expect(results.filter((r) => r.statusCode === 403).every((r) => r.json().code === 'plan_limit_reached')).toBe(true);
    expect((await t.call('GET', '/api/v1/users', { token: fir.token, tenant: 'fir' })).json().data).toHaveLength(3);
  });

  it('counts only active users against the limit, and refuses to enable a user beyond it', async () => {
    const yew = await t.createTenant('yew');
    const leaver = await createUser(t, yew, 'leaver@yew.test');
    await t.call('PATCH', `/api/v1/users/${leaver.id}`, { token: yew.token, tenant: 'yew', body: { status: 'disabled' } });
    const admin = await t.platformToken();
    await t.call('POST', '/control/v1/tenants/yew/licence', { token: admin, body: { limits: { users: 2 } } });
    // The disabled user does not count: one more fits.
    await createUser(t, yew, 'joiner@yew.test');
    const enable = await t.call('PATCH', `/api/v1/users/${leaver.id}`, { token: yew.token, tenant: 'yew', body: { status: 'active' } });
    expectProblem(enable, 403, 'plan_limit_reached');
    expect((await t.call('GET', `/api/v1/users/${leaver.id}`, { token: yew.token, tenant: 'yew' })).json().status).toBe('disabled');
    // Changing an active user is no new seat.
    const renamed = await t.call('PATCH', `/api/v1/users/${leaver.id}`, { token: yew.token, tenant: 'yew', body: { name: 'Still away' } });
    expect(renamed.statusCode).toBe(200);
    const me = (await t.call('GET', '/api/v1/me', { token: yew.token, tenant: 'yew' })).json();
    const touched = await t.call('PATCH', `/api/v1/users/${me.user.id}`, { token: yew.token, tenant: 'yew', body: { status: 'active', name: 'Owner' } });
    expect(touched.statusCode).toBe(200);
  });

  it('changes a user’s permissions when their roles change, from their next sign-in', async () => {
    const user = await createUser(t, oak, 'promoted@oak.test', ['member']);
    const before = await t.login('oak', 'promoted@oak.test');
    // A member holds only the portal's own-record permissions.
    expect((await t.call('GET', '/api/v1/me', { token: before.accessToken, tenant: 'oak' })).json().permissions).toEqual(['communications.read.own', 'documents.read.own', 'finance.read.own', 'leases.read.own', 'members.read.own', 'members.write.own', 'occupancy.read.own', 'properties.read.own']);
    expectProblem(await t.call('GET', '/api/v1/members', { token: before.accessToken, tenant: 'oak' }), 403, 'permission_denied');

    const patched = await t.call('PATCH', `/api/v1/users/${user.id}`, { token: oak.token, tenant: 'oak', body: { roles: ['staff'] } });
    expect(patched.statusCode).toBe(200);
    expect(patched.json().roles).toEqual(['staff']);

    const after = await t.login('oak', 'promoted@oak.test');
    const me = (await t.call('GET', '/api/v1/me', { token: after.accessToken, tenant: 'oak' })).json();
    expect(me.roles).toEqual(['staff']);
    expect(me.permissions).toContain('members.read');
    expect((await t.call('GET', '/api/v1/members', { token: after.accessToken, tenant: 'oak' })).statusCode).toBe(200);
    // A refresh of the older session picks the new roles up too.
    const refreshed = (await refresh(t, 'oak', before.refreshToken)).json();
    expect((await t.call('GET', '/api/v1/members', { token: refreshed.accessToken, tenant: 'oak' })).statusCode).toBe(200);
  });

  it('does not let an owner disable themselves or give up their own owner role', async () => {
    const me = (await t.call('GET', '/api/v1/me', { token: oak.token, tenant: 'oak' })).json();
    const disable = await t.call('PATCH', `/api/v1/users/${me.user.id}`, { token: oak.token, tenant: 'oak', body: { status: 'disabled' } });
    expectProblem(disable, 409, 'core.own_access');
    const demote = await t.call('PATCH', `/api/v1/users/${me.user.id}`, { token: oak.token, tenant: 'oak', body: { roles: ['staff'] } });
    expectProblem(demote, 409, 'core.own_access');
    const still = (await t.call('GET', `/api/v1/users/${me.user.id}`, { token: oak.token, tenant: 'oak' })).json();
    expect(still).toMatchObject({ status: 'active', roles: ['owner'] });
    expect((await signIn(t, 'oak', oak.adminEmail, TENANT_PASSWORD)).statusCode).toBe(200);
  });

  it('does not let a manager grant the owner role, or change or demote an owner', async () => {
    const manager = await createUser(t, oak, 'manager@oak.test', ['manager']);
    const session = await t.login('oak', 'manager@oak.test');
    const promoteSelf = await t.call('PATCH', `/api/v1/users/${manager.id}`, { token: session.accessToken, tenant: 'oak', body: { roles: ['manager', 'owner'] } });
    expectProblem(promoteSelf, 403, 'permission_denied');
    const createOwner = await t.call('POST', '/api/v1/users', { token: session.accessToken, tenant: 'oak', body: { email: 'usurper@oak.test', name: 'Usurper', password: TENANT_PASSWORD, roles: ['owner'] } });
    expectProblem(createOwner, 403, 'permission_denied');
    const me = (await t.call('GET', '/api/v1/me', { token: oak.token, tenant: 'oak' })).json();
    const disableOwner = await t.call('PATCH', `/api/v1/users/${me.user.id}`, { token: session.accessToken, tenant: 'oak', body: { status: 'disabled' } });
    expectProblem(disableOwner, 403, 'permission_denied');
    const still = (await t.call('GET', `/api/v1/users/${manager.id}`, { token: oak.token, tenant: 'oak' })).json();
    expect(still.roles).toEqual(['manager']);
    expect((await t.call('GET', '/api/v1/users?limit=200', { token: oak.token, tenant: 'oak' })).json().data.map((u: { email: string }) => u.email)).not.toContain('usurper@oak.test');
    // An owner may grant it.
    const granted = await t.call('PATCH', `/api/v1/users/${manager.id}`, { token: oak.token, tenant: 'oak', body: { roles: ['manager', 'owner'] } });
    expect(granted.statusCode).toBe(200);
    expect(granted.json().roles).toEqual(['manager', 'owner']);
  });

  it('ends a user’s sessions when their password changes', async () => {
    const user = await createUser(t, oak, 'rotating@oak.test', ['staff']);
    const session = await t.login('oak', 'rotating@oak.test');
    const changed = await t.call('PATCH', `/api/v1/users/${user.id}`, { token: oak.token, tenant: 'oak', body: { password: 'a-brand-new-password' } });
    expect(changed.statusCode).toBe(200);
    expectProblem(await refresh(t, 'oak', session.refreshToken), 401, 'invalid_refresh_token');
    expect((await signIn(t, 'oak', 'rotating@oak.test', 'a-brand-new-password')).statusCode).toBe(200);
  });

  it('does not let staff create or change users', async () => {
    await createUser(t, oak, 'clerk@oak.test', ['staff']);
    const clerk = await t.login('oak', 'clerk@oak.test');
    expect((await t.call('GET', '/api/v1/users', { token: clerk.accessToken, tenant: 'oak' })).statusCode).toBe(200);
    const res = await t.call('POST', '/api/v1/users', { token: clerk.accessToken, tenant: 'oak', body: { email: 'sneaky@oak.test', name: 'Sneaky', password: TENANT_PASSWORD, roles: ['owner'] } });
    expectProblem(res, 403, 'permission_denied');
  });

  it('pages through users with cursors, each user once', async () => {
    const willow = await t.createTenant('willow');
    for (let i = 0; i < 6; i++) await createUser(t, willow, `user${i}@willow.test`, []);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const url: string = `/api/v1/users?limit=3${cursor ? `&cursor=${cursor}` : ''}`;
      const res = await t.call('GET', url, { token: willow.token, tenant: 'willow' });
      expect(res.statusCode).toBe(200);
      const page = res.json();
      expect(page.data.length).toBeLessThanOrEqual(3);
      seen.push(...page.data.map((u: { email: string }) => u.email));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
    expect([...seen].sort()).toEqual([willow.adminEmail, ...Array.from({ length: 6 }, (_, i) => `user${i}@willow.test`)].sort());
    expectProblem(await t.call('GET', '/api/v1/users?cursor=garbage', { token: willow.token, tenant: 'willow' }), 400, 'invalid_cursor');
  });
});

describe('the signed-in user', () => {
  it('describes the user, roles, permissions, licensed modules, tenant, branding and licence', async () => {
    const admin = await t.platformToken();
    const branded = await t.call('PUT', '/control/v1/tenants/oak/branding', { token: admin, body: { displayName: 'Oak Estate', primaryColor: '#225522' } });
    expect(branded.statusCode).toBe(200);

    const res = await t.call('GET', '/api/v1/me', { token: oak.token, tenant: 'oak' });
    expect(res.statusCode).toBe(200);
    const me = res.json();
    expect(me.user).toMatchObject({ email: oak.adminEmail, status: 'active', roles: ['owner'] });
    expect(me.roles).toEqual(['owner']);
    expect(me.permissions).toEqual([...me.permissions].sort());
    expect(me.permissions).toEqual(expect.arrayContaining(['users.read', 'users.write', 'roles.read', 'members.read', 'members.write']));
    expect([...me.modules].sort()).toEqual(['audit', 'billing', 'communications', 'core', 'documents', 'finance', 'leases', 'mail', 'members', 'objects', 'occupancy', 'properties', 'webhooks']);
    expect(me.tenant).toEqual({ id: oak.id, slug: 'oak', name: 'Tenant oak', timeZone: 'UTC', defaultLocale: 'en' });
    expect(me.branding).toMatchObject({ displayName: 'Oak Estate', primaryColor: '#225522' });
    expect(me.licence).toMatchObject({ plan: 'standard', state: 'valid', limits: { members: 5000, users: 50, storageMb: 20480 } });
    expect(new Date(me.licence.expiresAt).getTime()).toBeGreaterThan(Date.now());
    expect(new Date(me.licence.expiresAt).toISOString()).toBe(me.licence.expiresAt);
  });

  it('refuses /me without a token and with a token of another tenant', async () => {
    expectProblem(await t.call('GET', '/api/v1/me', { tenant: 'oak' }), 401, 'unauthenticated');
    const ash = await t.createTenant('ash');
    expectProblem(await t.call('GET', '/api/v1/me', { token: ash.token, tenant: 'oak' }), 403, 'tenant_mismatch');
  });
});
