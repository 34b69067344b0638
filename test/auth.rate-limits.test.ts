import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { LoginThrottle } from '../src/kernel/security/login-throttle.js';
import { createUser, signIn } from './auth-helpers.js';
import { expectProblem } from './fixture.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, TENANT_PASSWORD, startPlatform, type TestPlatform } from './helpers.js';

// Every test starts a platform of its own with the limits it needs.

describe('sign-in rate limits', () => {
  it('refuses the address that failed on an account, never the account: the right password from elsewhere still signs in', async () => {
    const p = await startPlatform({ config: { loginRatePerAccount: 3, loginRatePerIp: 1000 } });
    try {
      const pine = await p.createTenant('pine');
      await createUser(p, pine, 'other@pine.test', ['staff'], TENANT_PASSWORD);
      const attacker = '203.0.113.66';
      for (let i = 0; i < 3; i++) expectProblem(await signIn(p, 'pine', pine.adminEmail, `wrong-password-${i}`, attacker), 401, 'invalid_credentials');

      // The attacker's address is refused for this account, even with the right password…
      const limited = await signIn(p, 'pine', pine.adminEmail, TENANT_PASSWORD, attacker);
      expectProblem(limited, 429, 'rate_limited');
      const retryAfter = Number(limited.headers['retry-after']);
      expect(Number.isInteger(retryAfter) && retryAfter > 0).toBe(true);
      expect(limited.json()).toMatchObject({ title: 'Too many requests', retryAfter, requestId: expect.any(String), instance: '/api/v1/auth/login' });
      // (the e-mail in another case is the same account)
      expectProblem(await signIn(p, 'pine', pine.adminEmail.toUpperCase(), TENANT_PASSWORD, attacker), 429, 'rate_limited');
      // …but not for other accounts,
      expect((await signIn(p, 'pine', 'other@pine.test', TENANT_PASSWORD, attacker)).statusCode).toBe(200);
      // and the owner, from their own address, signs in: slowed down, not refused.
      const started = Date.now();
      expect((await signIn(p, 'pine', pine.adminEmail, TENANT_PASSWORD, '198.51.100.20')).statusCode).toBe(200);
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
      for (let i = 0; i < 2; i++) expectProblem(await signIn(p, 'birch', birch.adminEmail, 'wrong-password-1'), 401, 'invalid_credentials');
      expect((await signIn(p, 'birch', birch.adminEmail, TENANT_PASSWORD)).statusCode).toBe(200);
      for (let i = 0; i < 2; i++) expectProblem(await signIn(p, 'birch', birch.adminEmail, 'wrong-password-1'), 401, 'invalid_credentials');
      expect((await signIn(p, 'birch', birch.adminEmail, TENANT_PASSWORD)).statusCode).toBe(200);
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
        const res = await signIn(p, 'cedar', right ? cedar.adminEmail : `someone${i}@cedar.test`, right ? TENANT_PASSWORD : 'wrong-password-1', ip);
        expect(res.statusCode).toBe(right ? 200 : 401);
      }
      const sixth = await signIn(p, 'cedar', cedar.adminEmail, TENANT_PASSWORD, ip);
      expectProblem(sixth, 429, 'rate_limited');
      expect(Number(sixth.headers['retry-after'])).toBeGreaterThan(0);
      expectProblem(await signIn(p, 'cedar', 'new@cedar.test', TENANT_PASSWORD, ip), 429, 'rate_limited');
      // The platform sign-in shares the per-IP budget.
      const control = await p.platform.app.inject({ method: 'POST', url: '/control/v1/auth/login', payload: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD }, remoteAddress: ip });
      expectProblem(control, 429, 'rate_limited');

      expect((await signIn(p, 'cedar', cedar.adminEmail, TENANT_PASSWORD, '198.51.100.8')).statusCode).toBe(200);
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
