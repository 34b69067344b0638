import type { LightMyRequestResponse } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startPlatform, TENANT_PASSWORD, type TestPlatform, type TestTenant } from './helpers.js';
import { testDb } from './test-db.js';

/**
 * An access token is only as good as its session: the moment a user signs out, is disabled,
 * gets a new password or loses a member link, the tokens already issued stop working on the
 * next request — not when they expire. A change of roles does not end them: the next request
 * acts with the roles the user holds now.
 */

let t: TestPlatform;
let oak: TestTenant;

const owner = () => ({ token: oak.token, tenant: 'oak' });

async function ok(res: Promise<LightMyRequestResponse>, status = 201) {
  const r = await res;
  expect(r.statusCode, r.body).toBe(status);
  return r.json();
}

function expectSignedOut(res: LightMyRequestResponse) {
  expect(res.statusCode, res.body).toBe(401);
  expect(res.json().code).toBe('unauthenticated');
}

/** A user of Oak with these roles, signed in: their id and token pair. */
async function userWith(email: string, roles: string[], extra: Record<string, unknown> = {}) {
  const user = await ok(t.call('POST', '/api/v1/users', { ...owner(), body: { email, name: email, password: TENANT_PASSWORD, roles, ...extra } }));
  return { id: user.id as string, ...(await t.login('oak', email)) };
}

beforeAll(async () => {
  t = await startPlatform();
  oak = await t.createTenant('oak');
});
afterAll(async () => {
  await t?.close();
});

describe('tenant access tokens follow their session', () => {
  it('stops a demoted owner from making a new owner with the token they still hold', async () => {
    const ex = await userWith('ex-owner@oak.test', ['owner']);
    expect((await t.call('GET', '/api/v1/users', { token: ex.accessToken, tenant: 'oak' })).statusCode).toBe(200);
    await ok(t.call('PATCH', `/api/v1/users/${ex.id}`, { ...owner(), body: { roles: ['staff'] } }), 200);

    // The token still names the owner role, but its user is staff now, on this very request.
    const attempt = await t.call('POST', '/api/v1/users', { token: ex.accessToken, tenant: 'oak', body: { email: 'sock-puppet@oak.test', name: 'Puppet', password: TENANT_PASSWORD, roles: ['owner'] } });
    expect(attempt.statusCode, attempt.body).toBe(403);

    // A refresh gets a token that says what is true now: staff, who cannot make owners.
    const refreshed = await ok(t.call('POST', '/api/v1/auth/refresh', { tenant: 'oak', body: { refreshToken: ex.refreshToken } }), 200);
    const again = await t.call('POST', '/api/v1/users', { token: refreshed.accessToken, tenant: 'oak', body: { email: 'sock-puppet@oak.test', name: 'Puppet', password: TENANT_PASSWORD, roles: ['owner'] } });
    expect(again.statusCode).toBe(403);
    const users = await ok(t.call('GET', '/api/v1/users?limit=100', owner()), 200);
    expect(users.data.map((u: { email: string }) => u.email)).not.toContain('sock-puppet@oak.test');
  });

  it('stops a disabled manager at once, and their refresh token too', async () => {
    const manager = await userWith('disabled-manager@oak.test', ['manager']);
    expect((await t.call('GET', '/api/v1/users', { token: manager.accessToken, tenant: 'oak' })).statusCode).toBe(200);
    await ok(t.call('PATCH', `/api/v1/users/${manager.id}`, { ...owner(), body: { status: 'disabled' } }), 200);

    expectSignedOut(await t.call('POST', '/api/v1/users', { token: manager.accessToken, tenant: 'oak', body: { email: 'new-manager@oak.test', name: 'New', password: TENANT_PASSWORD, roles: ['manager'] } }));
    expect((await t.call('POST', '/api/v1/auth/refresh', { tenant: 'oak', body: { refreshToken: manager.refreshToken } })).json().code).toBe('invalid_refresh_token');
    expect((await t.call('POST', '/api/v1/auth/login', { tenant: 'oak', body: { email: 'new-manager@oak.test', password: TENANT_PASSWORD } })).statusCode).toBe(401);
  });

  it('stops a demoted manager from writing off a charge', async () => {
    const member = await ok(t.call('POST', '/api/v1/members', { ...owner(), body: { firstName: 'Debt', lastName: 'Or', type: 'owner' } }));
    const charge = await ok(t.call('POST', '/api/v1/finance/charges', { ...owner(), body: { memberId: member.id, kind: 'levy', description: 'Levy', amount: 5_000, currency: 'EUR', dueDate: '2026-01-31' } }));
    const manager = await userWith('demoted-manager@oak.test', ['manager']);
    await ok(t.call('PATCH', `/api/v1/users/${manager.id}`, { ...owner(), body: { roles: ['staff'] } }), 200);

    const writeOff = await t.call('POST', `/api/v1/finance/charges/${charge.id}/write-off`, { token: manager.accessToken, tenant: 'oak', body: { reason: 'Uncollectable' } });
    expect(writeOff.statusCode, writeOff.body).toBe(403);
    expect(writeOff.json().code).toBe('permission_denied');
    expect((await ok(t.call('GET', `/api/v1/finance/charges/${charge.id}`, owner()), 200)).status).toBe('open');
  });

  it('ends the access token with the session on sign-out', async () => {
    const staff = await userWith('leaving@oak.test', ['staff']);
    expect((await t.call('GET', '/api/v1/me', { token: staff.accessToken, tenant: 'oak' })).statusCode).toBe(200);
    expect((await t.call('POST', '/api/v1/auth/logout', { tenant: 'oak', body: { refreshToken: staff.refreshToken } })).statusCode).toBe(204);
    expectSignedOut(await t.call('GET', '/api/v1/me', { token: staff.accessToken, tenant: 'oak' }));
  });

  it('ends every session of a user whose password is changed, and only theirs', async () => {
    const staff = await userWith('new-password@oak.test', ['staff']);
    const laptop = await t.login('oak', 'new-password@oak.test');
    await ok(t.call('PATCH', `/api/v1/users/${staff.id}`, { ...owner(), body: { password: 'quiet lanterns at night' } }), 200);
    expectSignedOut(await t.call('GET', '/api/v1/me', { token: staff.accessToken, tenant: 'oak' }));
    expectSignedOut(await t.call('GET', '/api/v1/me', { token: laptop.accessToken, tenant: 'oak' }));
    expect((await t.call('GET', '/api/v1/me', owner())).statusCode).toBe(200);
    expect((await t.call('POST', '/api/v1/auth/login', { tenant: 'oak', body: { email: 'new-password@oak.test', password: 'quiet lanterns at night' } })).statusCode).toBe(200);
  });

  it('stops a portal login unlinked from its member from reading that member’s charges', async () => {
    const member = await ok(t.call('POST', '/api/v1/members', { ...owner(), body: { firstName: 'Porta', lastName: 'Lee', type: 'owner' } }));
    await ok(t.call('POST', '/api/v1/finance/charges', { ...owner(), body: { memberId: member.id, kind: 'levy', description: 'Porta levy', amount: 7_000, currency: 'EUR', dueDate: '2026-01-31' } }));
    const portal = await userWith('porta@oak.test', ['member'], { memberId: member.id });
    const before = await ok(t.call('GET', '/api/v1/finance/charges', { token: portal.accessToken, tenant: 'oak' }), 200);
    expect(before.data).toHaveLength(1);

    await ok(t.call('PATCH', `/api/v1/users/${portal.id}`, { ...owner(), body: { memberId: null } }), 200);
    expectSignedOut(await t.call('GET', '/api/v1/finance/charges', { token: portal.accessToken, tenant: 'oak' }));
  });

  it('refuses the token of a session revoked because a spent refresh token was replayed', async () => {
    const staff = await userWith('replayed@oak.test', ['staff']);
    const next = await ok(t.call('POST', '/api/v1/auth/refresh', { tenant: 'oak', body: { refreshToken: staff.refreshToken } }), 200);
    expect((await t.call('GET', '/api/v1/me', { token: next.accessToken, tenant: 'oak' })).statusCode).toBe(200);
    expect((await t.call('POST', '/api/v1/auth/refresh', { tenant: 'oak', body: { refreshToken: staff.refreshToken } })).statusCode).toBe(401);
    expectSignedOut(await t.call('GET', '/api/v1/me', { token: next.accessToken, tenant: 'oak' }));
  });
});

describe('platform access tokens follow their session', () => {
  const control = (path: string, body: unknown) => t.call('POST', `/control/v1/auth/${path}`, { body });

  it('ends the access token with the session on sign-out', async () => {
    const session = await ok(control('login', { email: ADMIN_EMAIL, password: ADMIN_PASSWORD }), 200);
    expect((await t.call('GET', '/control/v1/plans', { token: session.accessToken })).statusCode).toBe(200);
    expect((await control('logout', { refreshToken: session.refreshToken })).statusCode).toBe(204);
    expectSignedOut(await t.call('GET', '/control/v1/plans', { token: session.accessToken }));
  });

  it('refuses a disabled operator’s access token and refresh token', async () => {
    const session = await ok(control('login', { email: ADMIN_EMAIL, password: ADMIN_PASSWORD }), 200);
    await testDb(t.platform.main.kysely).updateTable('control.platformUsers').set({ status: 'disabled' }).where('email', '=', ADMIN_EMAIL).execute();
    try {
      expectSignedOut(await t.call('GET', '/control/v1/plans', { token: session.accessToken }));
      expect((await control('refresh', { refreshToken: session.refreshToken })).json().code).toBe('invalid_refresh_token');
    } finally {
      await testDb(t.platform.main.kysely).updateTable('control.platformUsers').set({ status: 'active' }).where('email', '=', ADMIN_EMAIL).execute();
    }
  });
});

describe('absolute session lifetime', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  const DAY = 86_400_000;

  it('ends a session 30 days after sign-in however often it is refreshed, tenant and platform alike', async () => {
    const staff = await userWith('faithful@oak.test', ['staff']);
    let tenantRefresh = staff.refreshToken;
    let platformRefresh = (await ok(t.call('POST', '/control/v1/auth/login', { body: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD } }), 200)).refreshToken as string;
    const start = Date.now();
    // Only Date moves: the database and the timers keep real time.
    vi.useFakeTimers({ toFake: ['Date'], now: start });
    for (const day of [9, 18, 27]) {
      vi.setSystemTime(start + day * DAY);
      const tenant = await ok(t.call('POST', '/api/v1/auth/refresh', { tenant: 'oak', body: { refreshToken: tenantRefresh } }), 200);
      expect((await t.call('GET', '/api/v1/me', { token: tenant.accessToken, tenant: 'oak' })).statusCode).toBe(200);
      tenantRefresh = tenant.refreshToken;
      platformRefresh = (await ok(t.call('POST', '/control/v1/auth/refresh', { body: { refreshToken: platformRefresh } }), 200)).refreshToken;
    }
    vi.setSystemTime(start + 30 * DAY + 60_000);
    const ended = await t.call('POST', '/api/v1/auth/refresh', { tenant: 'oak', body: { refreshToken: tenantRefresh } });
    expect(ended.json()).toMatchObject({ code: 'invalid_refresh_token', detail: expect.stringMatching(/session has ended/) });
    expect((await t.call('POST', '/control/v1/auth/refresh', { body: { refreshToken: platformRefresh } })).json().code).toBe('invalid_refresh_token');
  });
});
