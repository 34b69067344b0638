import { randomBytes } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LoginThrottle } from '../src/kernel/security/login-throttle.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, TENANT_PASSWORD, startPlatform, type TestPlatform, type TestTenant } from './helpers.js';

let t: TestPlatform;
let oak: TestTenant;

beforeAll(async () => {
  t = await startPlatform();
  oak = await t.createTenant('oak');
});
afterAll(() => t?.close());

const PROBLEM = 'application/problem+json';

/** A user created by the tenant's owner through the API; returns the created user. */
async function createUser(tenant: TestTenant, email: string, roles: string[] = ['staff'], password = TENANT_PASSWORD, on: TestPlatform = t) {
  const res = await on.call('POST', '/api/v1/users', { token: tenant.token, tenant: tenant.slug, body: { email, name: `User ${email}`, password, roles } });
  if (res.statusCode !== 201) throw new Error(`user ${email} was not created: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; email: string; roles: string[] };
}

const signIn = (tenant: string, email: string, password: string, on: TestPlatform = t, remoteAddress?: string) =>
  on.platform.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    headers: { 'x-tenant-id': tenant },
    payload: { email, password },
    ...(remoteAddress ? { remoteAddress } : {}),
  });
const refresh = (tenant: string, refreshToken: string) => t.call('POST', '/api/v1/auth/refresh', { tenant, body: { refreshToken } });

function expectProblem(res: LightMyRequestResponse, status: number, code: string) {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toContain(PROBLEM);
  expect(res.json()).toMatchObject({ status, code });
}

describe('tenant sign-in', () => {
  it('returns an access token, a refresh token and their lifetime for the right password', async () => {
    const res = await signIn('oak', oak.adminEmail, TENANT_PASSWORD);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toEqual({ accessToken: expect.any(String), refreshToken: expect.any(String), expiresIn: t.config.accessTokenTtl, tokenType: 'Bearer' });
    expect(body.accessToken.split('.')).toHaveLength(3);
    const me = await t.call('GET', '/api/v1/me', { token: body.accessToken, tenant: 'oak' });
    expect(me.statusCode).toBe(200);
    expect(me.json().user.email).toBe(oak.adminEmail);
  });

  it('accepts the e-mail in any letter case', async () => {
    const res = await signIn('oak', oak.adminEmail.toUpperCase(), TENANT_PASSWORD);
    expect(res.statusCode).toBe(200);
  });

  it('answers a wrong password and an unknown e-mail with the same invalid_credentials problem', async () => {
    const wrong = await signIn('oak', oak.adminEmail, 'not-the-password-1');
    const unknown = await signIn('oak', 'nobody@oak.test', TENANT_PASSWORD);
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
    const user = await createUser(oak, 'leaver@oak.test');
    const session = await t.login('oak', 'leaver@oak.test');
    const disabled = await t.call('PATCH', `/api/v1/users/${user.id}`, { token: oak.token, tenant: 'oak', body: { status: 'disabled' } });
    expect(disabled.statusCode).toBe(200);
    expect(disabled.json().status).toBe('disabled');

    expectProblem(await signIn('oak', 'leaver@oak.test', TENANT_PASSWORD), 403, 'account_disabled');
    expectProblem(await signIn('oak', 'leaver@oak.test', 'wrong-password-12'), 401, 'invalid_credentials');
    expectProblem(await refresh('oak', session.refreshToken), 401, 'invalid_refresh_token');

    // Enabled again, the old session stays ended; a new sign-in works.
    await t.call('PATCH', `/api/v1/users/${user.id}`, { token: oak.token, tenant: 'oak', body: { status: 'active' } });
    expectProblem(await refresh('oak', session.refreshToken), 401, 'invalid_refresh_token');
    expect((await signIn('oak', 'leaver@oak.test', TENANT_PASSWORD)).statusCode).toBe(200);
  });

  it('keeps the same e-mail in two tenants as two accounts with their own passwords', async () => {
    const north = await t.createTenant('north');
    const south = await t.createTenant('south');
    const inNorth = await createUser(north, 'shared@example.test', ['staff'], 'north-password-1');
    const inSouth = await createUser(south, 'shared@example.test', ['staff'], 'south-password-1');
    expect(inNorth.id).not.toBe(inSouth.id);

    expect((await signIn('north', 'shared@example.test', 'north-password-1')).statusCode).toBe(200);
    expect((await signIn('south', 'shared@example.test', 'south-password-1')).statusCode).toBe(200);
    expectProblem(await signIn('north', 'shared@example.test', 'south-password-1'), 401, 'invalid_credentials');
    expectProblem(await signIn('south', 'shared@example.test', 'north-password-1'), 401, 'invalid_credentials');

    const me = await t.call('GET', '/api/v1/me', { token: (await t.login('south', 'shared@example.test', 'south-password-1')).accessToken, tenant: 'south' });
    expect(me.json().user.id).toBe(inSouth.id);
    expect(me.json().tenant.slug).toBe('south');
  });
});

describe('tenant refresh tokens', () => {
  it('rotates: a refresh returns a new pair and the new refresh token works in turn', async () => {
    const first = await t.login('oak', oak.adminEmail);
    const res = await refresh('oak', first.refreshToken);
    expect(res.statusCode).toBe(200);
    const second = res.json();
    expect(second).toEqual({ accessToken: expect.any(String), refreshToken: expect.any(String), expiresIn: t.config.accessTokenTtl, tokenType: 'Bearer' });
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect((await t.call('GET', '/api/v1/me', { token: second.accessToken, tenant: 'oak' })).statusCode).toBe(200);
    const third = await refresh('oak', second.refreshToken);
    expect(third.statusCode).toBe(200);
    expect(third.json().refreshToken).not.toBe(second.refreshToken);
  });

  it('revokes the whole session when a spent refresh token is replayed', async () => {
    const first = await t.login('oak', oak.adminEmail);
    const second = (await refresh('oak', first.refreshToken)).json();
    const third = (await refresh('oak', second.refreshToken)).json();

    const replay = await refresh('oak', first.refreshToken);
    expectProblem(replay, 401, 'invalid_refresh_token');
    // The revocation was committed although the request failed: the newest token is refused too.
    expectProblem(await refresh('oak', third.refreshToken), 401, 'invalid_refresh_token');
    // Other sessions of the same user are untouched.
    const other = await t.login('oak', oak.adminEmail);
    expect((await refresh('oak', other.refreshToken)).statusCode).toBe(200);
  });

  it('revokes the session on sign-out', async () => {
    const session = await t.login('oak', oak.adminEmail);
    const next = (await refresh('oak', session.refreshToken)).json();
    const out = await t.call('POST', '/api/v1/auth/logout', { tenant: 'oak', body: { refreshToken: session.refreshToken } });
    expect(out.statusCode).toBe(204);
    expect(out.body).toBe('');
    expectProblem(await refresh('oak', next.refreshToken), 401, 'invalid_refresh_token');
  });

  it('refuses an unknown refresh token and one of another tenant, which stays valid in its own', async () => {
    const elm = await t.createTenant('elm');
    expectProblem(await refresh('oak', randomBytes(32).toString('base64url')), 401, 'invalid_refresh_token');
    const foreign = await refresh('oak', elm.refreshToken);
    expectProblem(foreign, 401, 'invalid_refresh_token');
    expect((await refresh('elm', elm.refreshToken)).statusCode).toBe(200);
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
    expectProblem(await refresh('oak', platform.refreshToken), 401, 'invalid_refresh_token');
    expectProblem(await control('refresh', { refreshToken: tenant.refreshToken }), 401, 'invalid_refresh_token');
  });
});

describe('sign-in rate limits', () => {
  it('refuses the address that failed on an account, never the account: the right password from elsewhere still signs in', async () => {
    const p = await startPlatform({ config: { loginRatePerAccount: 3, loginRatePerIp: 1000 } });
    try {
      const pine = await p.createTenant('pine');
      await createUser(pine, 'other@pine.test', ['staff'], TENANT_PASSWORD, p);
      const attacker = '203.0.113.66';
      for (let i = 0; i < 3; i++) expectProblem(await signIn('pine', pine.adminEmail, `wrong-password-${i}`, p, attacker), 401, 'invalid_credentials');

      // The attacker's address is refused for this account, even with the right password…
      const limited = await signIn('pine', pine.adminEmail, TENANT_PASSWORD, p, attacker);
      expectProblem(limited, 429, 'rate_limited');
      const retryAfter = Number(limited.headers['retry-after']);
      expect(Number.isInteger(retryAfter) && retryAfter > 0).toBe(true);
      expect(limited.json()).toMatchObject({ title: 'Too many requests', retryAfter, requestId: expect.any(String), instance: '/api/v1/auth/login' });
      // (the e-mail in another case is the same account)
      expectProblem(await signIn('pine', pine.adminEmail.toUpperCase(), TENANT_PASSWORD, p, attacker), 429, 'rate_limited');
      // …but not for other accounts,
      expect((await signIn('pine', 'other@pine.test', TENANT_PASSWORD, p, attacker)).statusCode).toBe(200);
      // and the owner, from their own address, signs in: slowed down, not refused.
      const started = Date.now();
      expect((await signIn('pine', pine.adminEmail, TENANT_PASSWORD, p, '198.51.100.20')).statusCode).toBe(200);
      expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    } finally {
      await p.close();
    }
  });

  it('cannot be used to lock the platform administrator out: ten failures from anywhere leave the right password working', async () => {
    const p = await startPlatform({ config: { loginRatePerIp: 1000, loginRatePerAccount: 10 } }); // the default limit
    try {
      const login = (password: string, remoteAddress: string) =>
        p.platform.app.inject({ method: 'POST', url: '/control/v1/auth/login', payload: { email: ADMIN_EMAIL, password }, remoteAddress });
      // Ten failures, spread over addresses as a botnet would.
      for (let i = 0; i < 10; i++) expectProblem(await login(`wrong-password-${i}`, `203.0.113.${i % 3}`), 401, 'invalid_credentials');
      const started = Date.now();
      expect((await login(ADMIN_PASSWORD, '198.51.100.1')).statusCode).toBe(200);
      // The guesser is slowed: every attempt on the account now waits.
      expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    } finally {
      await p.close();
    }
  });

  it('doubles the wait with every failure past the limit, up to five seconds', () => {
    const throttle = new LoginThrottle({ perIp: 50, perAccount: 10 });
    expect([0, 9, 10, 11, 12, 14, 15, 1_000].map((f) => throttle.delayFor(f))).toEqual([0, 0, 250, 500, 1_000, 4_000, 5_000, 5_000]);
  });

  it('forgets an account’s failures after a successful sign-in', async () => {
    const p = await startPlatform({ config: { loginRatePerAccount: 3, loginRatePerIp: 1000 } });
    try {
      const birch = await p.createTenant('birch');
      for (let i = 0; i < 2; i++) expectProblem(await signIn('birch', birch.adminEmail, 'wrong-password-1', p), 401, 'invalid_credentials');
      expect((await signIn('birch', birch.adminEmail, TENANT_PASSWORD, p)).statusCode).toBe(200);
      for (let i = 0; i < 2; i++) expectProblem(await signIn('birch', birch.adminEmail, 'wrong-password-1', p), 401, 'invalid_credentials');
      expect((await signIn('birch', birch.adminEmail, TENANT_PASSWORD, p)).statusCode).toBe(200);
    } finally {
      await p.close();
    }
  });

  it('refuses every sign-in from an IP after its attempts, whatever the account, and spares other IPs', async () => {
    const p = await startPlatform({ config: { loginRatePerIp: 5 } });
    try {
      const cedar = await p.createTenant('cedar');
      const ip = '198.51.100.7';
      for (let i = 0; i < 5; i++) {
        const right = i % 2 === 1;
        const res = await signIn('cedar', right ? cedar.adminEmail : `someone${i}@cedar.test`, right ? TENANT_PASSWORD : 'wrong-password-1', p, ip);
        expect(res.statusCode).toBe(right ? 200 : 401);
      }
      const sixth = await signIn('cedar', cedar.adminEmail, TENANT_PASSWORD, p, ip);
      expectProblem(sixth, 429, 'rate_limited');
      expect(Number(sixth.headers['retry-after'])).toBeGreaterThan(0);
      expectProblem(await signIn('cedar', 'new@cedar.test', TENANT_PASSWORD, p, ip), 429, 'rate_limited');
      // The platform sign-in shares the per-IP budget.
      const control = await p.platform.app.inject({ method: 'POST', url: '/control/v1/auth/login', payload: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD }, remoteAddress: ip });
      expectProblem(control, 429, 'rate_limited');

      expect((await signIn('cedar', cedar.adminEmail, TENANT_PASSWORD, p, '198.51.100.8')).statusCode).toBe(200);
    } finally {
      await p.close();
    }
  });

  const redisUrl = process.env.REDIS_URL;
  // Only with Redis: without it every instance counts on its own, which is the documented behaviour.
  const sharedLimitTests: [string, () => Promise<void>][] = redisUrl
    ? [
        [
          'shares the per-account and per-IP limits between instances through Redis',
          async () => {
            const run = randomBytes(6).toString('hex');
            // Both instances have the same administrator, so one account key; and a per-run IP.
            const adminEmail = `admin-${run}@courtyard.test`;
            const ip = `2001:db8:${run.slice(0, 4)}:${run.slice(4, 8)}::${run.slice(8, 12)}`;
            const config = { redisUrl, adminEmail, loginRatePerAccount: 3, loginRatePerIp: 1000 };
            const a = await startPlatform({ config });
            const b = await startPlatform({ config });
            try {
              const login = (on: TestPlatform, password: string, remoteAddress = ip) =>
                on.platform.app.inject({ method: 'POST', url: '/control/v1/auth/login', payload: { email: adminEmail, password }, remoteAddress });
              // Each instance alone accepts the right password.
              expect((await login(b, ADMIN_PASSWORD)).statusCode).toBe(200);
              expectProblem(await login(a, 'wrong-password-1'), 401, 'invalid_credentials');
              expectProblem(await login(b, 'wrong-password-2'), 401, 'invalid_credentials');
              expectProblem(await login(a, 'wrong-password-3'), 401, 'invalid_credentials');
              // Three failures across two instances: both refuse this address for the account now…
              expectProblem(await login(b, ADMIN_PASSWORD), 429, 'rate_limited');
              expectProblem(await login(a, ADMIN_PASSWORD), 429, 'rate_limited');
              // …and both slow every other address's attempts on it, which still get in.
              const started = Date.now();
              expect((await login(a, ADMIN_PASSWORD, `${ip}:1`)).statusCode).toBe(200);
              expect(Date.now() - started).toBeGreaterThanOrEqual(250);
            } finally {
              await a.close();
              await b.close();
            }

            const perIp = { redisUrl, loginRatePerAccount: 1000, loginRatePerIp: 4 };
            const c = await startPlatform({ config: perIp });
            const d = await startPlatform({ config: perIp });
            try {
              const ipOnly = `2001:db8:${run.slice(0, 4)}:${run.slice(4, 8)}::1:${run.slice(8, 12)}`;
              const login = (on: TestPlatform) =>
                on.platform.app.inject({ method: 'POST', url: '/control/v1/auth/login', payload: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD }, remoteAddress: ipOnly });
              expect((await login(c)).statusCode).toBe(200);
              expect((await login(d)).statusCode).toBe(200);
              expect((await login(c)).statusCode).toBe(200);
              expect((await login(d)).statusCode).toBe(200);
              expectProblem(await login(c), 429, 'rate_limited');
              expectProblem(await login(d), 429, 'rate_limited');
            } finally {
              await c.close();
              await d.close();
            }
          },
        ],
      ]
    : [];
  for (const [name, fn] of sharedLimitTests) it(name, fn);
});

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
    const res = await t.call('POST', '/api/v1/users', { token: oak.token, tenant: 'oak', body: { email: 'New.Hire@Oak.test', name: 'New Hire', password: 'new-hire-password', roles: ['staff', 'manager'] } });
    expect(res.statusCode).toBe(201);
    const user = res.json();
    expect(user).toMatchObject({ email: 'new.hire@oak.test', name: 'New Hire', status: 'active', roles: ['manager', 'staff'], memberId: null, lastLoginAt: null });
    expect(user.passwordHash ?? user.password_hash ?? user.password).toBeUndefined();
    const read = await t.call('GET', `/api/v1/users/${user.id}`, { token: oak.token, tenant: 'oak' });
    expect(read.json()).toEqual(user);
    expect((await signIn('oak', 'new.hire@oak.test', 'new-hire-password')).statusCode).toBe(200);
    const after = (await t.call('GET', `/api/v1/users/${user.id}`, { token: oak.token, tenant: 'oak' })).json();
    expect(after.lastLoginAt).not.toBeNull();
  });

  it('refuses a second user with the same e-mail in another letter case', async () => {
    await createUser(oak, 'twice@oak.test');
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
    expectProblem(await signIn('oak', 'ghost@oak.test', TENANT_PASSWORD), 401, 'invalid_credentials');
    // The e-mail is still free.
    await createUser(oak, 'ghost@oak.test');
  });

  it('refuses a user beyond the plan limit with plan_limit_reached', async () => {
    const maple = await t.createTenant('maple');
    await createUser(maple, 'second@maple.test');
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
    const leaver = await createUser(yew, 'leaver@yew.test');
    await t.call('PATCH', `/api/v1/users/${leaver.id}`, { token: yew.token, tenant: 'yew', body: { status: 'disabled' } });
    const admin = await t.platformToken();
    await t.call('POST', '/control/v1/tenants/yew/licence', { token: admin, body: { limits: { users: 2 } } });
    // The disabled user does not count: one more fits.
    await createUser(yew, 'joiner@yew.test');
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
    const user = await createUser(oak, 'promoted@oak.test', ['member']);
    const before = await t.login('oak', 'promoted@oak.test');
    // A member holds only the portal's own-record permissions.
    expect((await t.call('GET', '/api/v1/me', { token: before.accessToken, tenant: 'oak' })).json().permissions).toEqual(['finance.read.own', 'leases.read.own', 'occupancy.read.own', 'properties.read.own']);
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
    const refreshed = (await refresh('oak', before.refreshToken)).json();
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
    expect((await signIn('oak', oak.adminEmail, TENANT_PASSWORD)).statusCode).toBe(200);
  });

  it('does not let a manager grant the owner role, or change or demote an owner', async () => {
    const manager = await createUser(oak, 'manager@oak.test', ['manager']);
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
    const user = await createUser(oak, 'rotating@oak.test', ['staff']);
    const session = await t.login('oak', 'rotating@oak.test');
    const changed = await t.call('PATCH', `/api/v1/users/${user.id}`, { token: oak.token, tenant: 'oak', body: { password: 'a-brand-new-password' } });
    expect(changed.statusCode).toBe(200);
    expectProblem(await refresh('oak', session.refreshToken), 401, 'invalid_refresh_token');
    expect((await signIn('oak', 'rotating@oak.test', 'a-brand-new-password')).statusCode).toBe(200);
  });

  it('does not let staff create or change users', async () => {
    await createUser(oak, 'clerk@oak.test', ['staff']);
    const clerk = await t.login('oak', 'clerk@oak.test');
    expect((await t.call('GET', '/api/v1/users', { token: clerk.accessToken, tenant: 'oak' })).statusCode).toBe(200);
    const res = await t.call('POST', '/api/v1/users', { token: clerk.accessToken, tenant: 'oak', body: { email: 'sneaky@oak.test', name: 'Sneaky', password: TENANT_PASSWORD, roles: ['owner'] } });
    expectProblem(res, 403, 'permission_denied');
  });

  it('pages through users with cursors, each user once', async () => {
    const willow = await t.createTenant('willow');
    for (let i = 0; i < 6; i++) await createUser(willow, `user${i}@willow.test`, []);
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
    expect([...me.modules].sort()).toEqual(['core', 'finance', 'leases', 'mail', 'members', 'occupancy', 'properties', 'webhooks']);
    expect(me.tenant).toEqual({ id: oak.id, slug: 'oak', name: 'Tenant oak' });
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
