import { randomBytes } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refresh, signIn, createUser } from './auth-helpers.js';
import { expectProblem } from './fixture.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, TENANT_PASSWORD, startPlatform, type TestPlatform, type TestTenant } from './helpers.js';

// Sign-in and refresh tokens; the rate limits are in auth.rate-limits.test.ts, users and roles in auth.users.test.ts.

let t: TestPlatform;
let oak: TestTenant;

beforeAll(async () => {
  t = await startPlatform();
  oak = await t.createTenant('oak');
});
afterAll(() => t?.close());

describe('tenant sign-in', () => {
  it('returns an access token, a refresh token and their lifetime for the right password', async () => {
    const res = await signIn(t, 'oak', oak.adminEmail, TENANT_PASSWORD);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toEqual({ accessToken: expect.any(String), refreshToken: expect.any(String), expiresIn: t.config.accessTokenTtl, tokenType: 'Bearer' });
    expect(body.accessToken.split('.')).toHaveLength(3);
    const me = await t.call('GET', '/api/v1/me', { token: body.accessToken, tenant: 'oak' });
    expect(me.statusCode).toBe(200);
    expect(me.json().user.email).toBe(oak.adminEmail);
  });

  it('accepts the e-mail in any letter case', async () => {
    const res = await signIn(t, 'oak', oak.adminEmail.toUpperCase(), TENANT_PASSWORD);
    expect(res.statusCode).toBe(200);
  });

  it('answers a wrong password and an unknown e-mail with the same invalid_credentials problem', async () => {
    const wrong = await signIn(t, 'oak', oak.adminEmail, 'not-the-password-1');
    const unknown = await signIn(t, 'oak', 'nobody@oak.test', TENANT_PASSWORD);
    expectProblem(wrong, 401, 'invalid_credentials');
    expectProblem(unknown, 401, 'invalid_credentials');
    const strip = (r: LightMyRequestResponse) => {
      const { requestId: _r, instance: _i, ...rest } = r.json();
      return rest;
    };
    expect(strip(wrong)).toEqual(strip(unknown));
    expect(wrong.json().detail).toBe(unknown.json().detail);
    expect(wrong.json().accessToken).toBeUndefined();
  });

  it('refuses a disabled user with account_disabled only when the password is right, and ends their sessions', async () => {
    const user = await createUser(t, oak, 'leaver@oak.test');
    const session = await t.login('oak', 'leaver@oak.test');
    const disabled = await t.call('PATCH', `/api/v1/users/${user.id}`, { token: oak.token, tenant: 'oak', body: { status: 'disabled' } });
    expect(disabled.statusCode).toBe(200);
    expect(disabled.json().status).toBe('disabled');

    expectProblem(await signIn(t, 'oak', 'leaver@oak.test', TENANT_PASSWORD), 403, 'account_disabled');
    expectProblem(await signIn(t, 'oak', 'leaver@oak.test', 'wrong-password-12'), 401, 'invalid_credentials');
    expectProblem(await refresh(t, 'oak', session.refreshToken), 401, 'invalid_refresh_token');

    // Enabled again, the old session stays ended; a new sign-in works.
    await t.call('PATCH', `/api/v1/users/${user.id}`, { token: oak.token, tenant: 'oak', body: { status: 'active' } });
    expectProblem(await refresh(t, 'oak', session.refreshToken), 401, 'invalid_refresh_token');
    expect((await signIn(t, 'oak', 'leaver@oak.test', TENANT_PASSWORD)).statusCode).toBe(200);
  });

  it('keeps the same e-mail in two tenants as two accounts with their own passwords', async () => {
    const north = await t.createTenant('north');
    const south = await t.createTenant('south');
    const inNorth = await createUser(t, north, 'shared@example.test', ['staff'], 'aurora-over-the-fjord');
    const inSouth = await createUser(t, south, 'shared@example.test', ['staff'], 'dunes-under-the-sun');
    expect(inNorth.id).not.toBe(inSouth.id);

    expect((await signIn(t, 'north', 'shared@example.test', 'aurora-over-the-fjord')).statusCode).toBe(200);
    expect((await signIn(t, 'south', 'shared@example.test', 'dunes-under-the-sun')).statusCode).toBe(200);
    expectProblem(await signIn(t, 'north', 'shared@example.test', 'dunes-under-the-sun'), 401, 'invalid_credentials');
    expectProblem(await signIn(t, 'south', 'shared@example.test', 'aurora-over-the-fjord'), 401, 'invalid_credentials');

    const me = await t.call('GET', '/api/v1/me', { token: (await t.login('south', 'shared@example.test', 'dunes-under-the-sun')).accessToken, tenant: 'south' });
    expect(me.json().user.id).toBe(inSouth.id);
    expect(me.json().tenant.slug).toBe('south');
  });
});

describe('tenant refresh tokens', () => {
  it('rotates: a refresh returns a new pair and the new refresh token works in turn', async () => {
    const first = await t.login('oak', oak.adminEmail);
    const res = await refresh(t, 'oak', first.refreshToken);
    expect(res.statusCode).toBe(200);
    const second = res.json();
    expect(second).toEqual({ accessToken: expect.any(String), refreshToken: expect.any(String), expiresIn: t.config.accessTokenTtl, tokenType: 'Bearer' });
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect((await t.call('GET', '/api/v1/me', { token: second.accessToken, tenant: 'oak' })).statusCode).toBe(200);
    const third = await refresh(t, 'oak', second.refreshToken);
    expect(third.statusCode).toBe(200);
    expect(third.json().refreshToken).not.toBe(second.refreshToken);
  });

  it('revokes the whole session when a spent refresh token is replayed', async () => {
    const first = await t.login('oak', oak.adminEmail);
    const second = (await refresh(t, 'oak', first.refreshToken)).json();
    const third = (await refresh(t, 'oak', second.refreshToken)).json();

    const replay = await refresh(t, 'oak', first.refreshToken);
    expectProblem(replay, 401, 'invalid_refresh_token');
    // The revocation was committed although the request failed: the newest token is refused too.
    expectProblem(await refresh(t, 'oak', third.refreshToken), 401, 'invalid_refresh_token');
    // Other sessions of the same user are untouched.
    const other = await t.login('oak', oak.adminEmail);
    expect((await refresh(t, 'oak', other.refreshToken)).statusCode).toBe(200);
  });

  it('revokes the session on sign-out', async () => {
    const session = await t.login('oak', oak.adminEmail);
    const next = (await refresh(t, 'oak', session.refreshToken)).json();
    const out = await t.call('POST', '/api/v1/auth/logout', { tenant: 'oak', body: { refreshToken: session.refreshToken } });
    expect(out.statusCode).toBe(204);
    expect(out.body).toBe('');
    expectProblem(await refresh(t, 'oak', next.refreshToken), 401, 'invalid_refresh_token');
  });

  it('refuses an unknown refresh token and one of another tenant, which stays valid in its own', async () => {
    const elm = await t.createTenant('elm');
    expectProblem(await refresh(t, 'oak', randomBytes(32).toString('base64url')), 401, 'invalid_refresh_token');
    const foreign = await refresh(t, 'oak', elm.refreshToken);
    expectProblem(foreign, 401, 'invalid_refresh_token');
    expect((await refresh(t, 'elm', elm.refreshToken)).statusCode).toBe(200);
  });
});

describe('platform sign-in and refresh tokens', () => {
  const control = (path: string, body: unknown) => t.call('POST', `/control/v1/auth/${path}`, { body });

  it('signs the administrator in and refuses a wrong password and an unknown e-mail alike', async () => {
    const ok = await control('login', { email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ accessToken: expect.any(String), refreshToken: expect.any(String), expiresIn: t.config.accessTokenTtl, tokenType: 'Bearer' });
    const wrong = await control('login', { email: ADMIN_EMAIL, password: 'not-the-password-1' });
    const unknown = await control('login', { email: 'nobody@courtyard.test', password: ADMIN_PASSWORD });
    expectProblem(wrong, 401, 'invalid_credentials');
    expectProblem(unknown, 401, 'invalid_credentials');
    expect(wrong.json().detail).toBe(unknown.json().detail);
    // A platform token is no tenant token.
    const asTenant = await t.call('GET', '/api/v1/me', { token: ok.json().accessToken, tenant: 'oak' });
    expectProblem(asTenant, 401, 'unauthenticated');
  });

  it('rotates platform refresh tokens and revokes the session when a spent one is replayed', async () => {
    const first = (await control('login', { email: ADMIN_EMAIL, password: ADMIN_PASSWORD })).json();
    const rotated = await control('refresh', { refreshToken: first.refreshToken });
    expect(rotated.statusCode).toBe(200);
    const second = rotated.json();
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect((await t.call('GET', '/control/v1/plans', { token: second.accessToken })).statusCode).toBe(200);

    expectProblem(await control('refresh', { refreshToken: first.refreshToken }), 401, 'invalid_refresh_token');
    expectProblem(await control('refresh', { refreshToken: second.refreshToken }), 401, 'invalid_refresh_token');
  });

  it('revokes the platform session on sign-out', async () => {
    const session = (await control('login', { email: ADMIN_EMAIL, password: ADMIN_PASSWORD })).json();
    const next = (await control('refresh', { refreshToken: session.refreshToken })).json();
    expect((await control('logout', { refreshToken: next.refreshToken })).statusCode).toBe(204);
    expectProblem(await control('refresh', { refreshToken: next.refreshToken }), 401, 'invalid_refresh_token');
  });

  it('keeps tenant and platform refresh tokens apart', async () => {
    const platform = (await control('login', { email: ADMIN_EMAIL, password: ADMIN_PASSWORD })).json();
    const tenant = await t.login('oak', oak.adminEmail);
    expectProblem(await refresh(t, 'oak', platform.refreshToken), 401, 'invalid_refresh_token');
    expectProblem(await control('refresh', { refreshToken: tenant.refreshToken }), 401, 'invalid_refresh_token');
  });
});
