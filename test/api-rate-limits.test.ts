import { randomUUID } from 'node:crypto';
import type { FastifyReply } from 'fastify';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../src/kernel/errors.js';
import { ApiRateLimit } from '../src/kernel/security/api-rate-limit.js';
import { createUser } from './auth-helpers.js';
import { expectProblem } from './fixture.js';
import { startPlatform, type TestPlatform } from './helpers.js';

/**
 * The API's rate limits per principal and per tenant: every counted answer says where its
 * caller stands; past a limit, 429 `rate_limited` with `Retry-After`. Kept in memory, and in
 * Redis when REDIS_URL is set (the PostgreSQL run), where instances count together.
 */

const redisUrl = process.env.REDIS_URL;
const stores: [string, string | undefined][] = [['memory', undefined], ...(redisUrl ? [['Redis', redisUrl] as [string, string]] : [])];

for (const [store, url] of stores) {
  describe(`API rate limits (${store})`, () => {
    let t: TestPlatform;
    beforeAll(async () => {
      t = await startPlatform({ config: { apiRatePerPrincipal: 4, apiRatePerTenant: 6, redisUrl: url } });
    });
    afterAll(() => t?.close());

    it('limits each principal and each tenant apart, with RateLimit headers and Retry-After', async () => {
      const elm = await t.createTenant('elm');
      await createUser(t, elm, 'second@elm.test', ['manager']); // the owner's 1st request, the tenant's 1st
      const second = (await t.login('elm', 'second@elm.test')).accessToken; // signed out: not counted
      const asOwner = () => t.call('GET', '/api/v1/members', { token: elm.token, tenant: 'elm' });
      const asSecond = () => t.call('GET', '/api/v1/members', { token: second, tenant: 'elm' });
      const stand = (res: Awaited<ReturnType<typeof asOwner>>) => [res.statusCode, ...standing(res.headers).slice(0, 2)];

      // Both quotas are stated; the owner's own limit (4) is the tighter one.
      const first = await asOwner();
      expect(first.headers['ratelimit-policy']).toBe('"principal";q=4;w=60, "tenant";q=6;w=60');
      expect(stand(first)).toEqual([200, 'principal', 2]);
      expect(stand(await asOwner())).toEqual([200, 'principal', 1]);
      const last = await asOwner();
      expect(stand(last)).toEqual([200, 'principal', 0]);
      expect(standing(last.headers)[2]).toBeGreaterThanOrEqual(1);
      expect(standing(last.headers)[2]).toBeLessThanOrEqual(60);
      const refused = await asOwner();
      expectProblem(refused, 429, 'rate_limited');
      expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60);
      expect(standing(refused.headers).slice(0, 2)).toEqual(['principal', 0]);

      // The second user has a count of their own; the tenant's (6) has 4 used: the refusal was given back.
      expect(stand(await asSecond())).toEqual([200, 'tenant', 1]);
      expect(stand(await asSecond())).toEqual([200, 'tenant', 0]);
      const tenantRefused = await asSecond();
      expectProblem(tenantRefused, 429, 'rate_limited');
      expect(standing(tenantRefused.headers)[0]).toBe('tenant');
      expect(tenantRefused.headers['retry-after']).toBeDefined();

      // Another tenant is not held back by this one.
      const fir = await t.createTenant('fir');
      expect(stand(await t.call('GET', '/api/v1/members', { token: fir.token, tenant: 'fir' }))).toEqual([200, 'principal', 3]);
    });

    it('counts an API key apart from its creator, and leaves health, metrics, pages and sign-in alone', async () => {
      const gum = await t.createTenant('gum');
      const made = await t.call('POST', '/api/v1/api-keys', { token: gum.token, tenant: 'gum', body: { name: 'Counted apart', permissions: ['members.read'] } });
      expect(made.statusCode).toBe(201);
      const key = made.json().key as string;
      for (const remaining of [3, 2, 1, 0]) expect(standing((await t.call('GET', '/api/v1/members', { token: key, tenant: 'gum' })).headers)[1]).toBe(remaining);
      expectProblem(await t.call('GET', '/api/v1/members', { token: key, tenant: 'gum' }), 429, 'rate_limited');
      // The owner made one request (the key); the tenant has 5 used.
      expect(standing((await t.call('GET', '/api/v1/members', { token: gum.token, tenant: 'gum' })).headers).slice(0, 2)).toEqual(['tenant', 0]);

      for (let i = 0; i < 8; i++) {
        for (const url of ['/health/live', '/health/ready', '/metrics', '/', '/t/gum/']) {
          const res = await t.call('GET', url);
          expect(res.statusCode, url).not.toBe(429);
          expect(res.headers.ratelimit, url).toBeUndefined();
        }
        const login = await t.call('POST', '/api/v1/auth/login', { tenant: 'gum', body: { email: gum.adminEmail, password: 'wrong password here' } });
        expect(login.statusCode).toBe(401);
        expect(login.headers.ratelimit).toBeUndefined();
      }
    });

  });

  describe(`API rate limits of operators and of plans (${store})`, () => {
    let t: TestPlatform;
    beforeAll(async () => {
      t = await startPlatform({ config: { apiRatePerPrincipal: 20, apiRatePerTenant: 30, redisUrl: url } });
    });
    afterAll(() => t?.close());

    it("applies a plan's own limits, carried by its tenants' licences", async () => {
      const operator = await t.platformToken();
      const plan = await t.call('POST', '/control/v1/plans', {
        token: operator,
        body: { key: `api-heavy-${store.toLowerCase()}`, name: 'API heavy', modules: ['members'], limits: { members: null, users: null, storageMb: null, apiRatePerPrincipal: 8, apiRatePerTenant: 9 }, price: { amountMinor: 0, currency: 'EUR', interval: 'month' } },
      });
      expect(plan.statusCode, plan.body).toBe(201);
      expect(plan.json().limits).toMatchObject({ apiRatePerPrincipal: 8, apiRatePerTenant: 9 });
      const yew = await t.createTenant('yew', { plan: plan.json().key });
      const first = await t.call('GET', '/api/v1/members', { token: yew.token, tenant: 'yew' });
      expect(first.headers['ratelimit-policy']).toBe('"principal";q=8;w=60, "tenant";q=9;w=60');
      for (let i = 0; i < 7; i++) expect((await t.call('GET', '/api/v1/members', { token: yew.token, tenant: 'yew' })).statusCode).toBe(200);
      expectProblem(await t.call('GET', '/api/v1/members', { token: yew.token, tenant: 'yew' }), 429, 'rate_limited');
      // The platform's limits still hold for a tenant whose plan sets none.
      const ivy = await t.createTenant('ivy');
      expect((await t.call('GET', '/api/v1/members', { token: ivy.token, tenant: 'ivy' })).headers['ratelimit-policy']).toBe('"principal";q=20;w=60, "tenant";q=30;w=60');
    });

    it('limits platform operators on /control/v1 the same way', async () => {
      const oak = await t.createTenant('oak');
      const operator = await t.platformToken(); // signing in is not counted
      const first = await t.call('GET', '/control/v1/plans', { token: operator });
      expect(first.headers['ratelimit-policy']).toBe('"principal";q=20;w=60, "tenant";q=30;w=60');
      const [policy, left] = standing(first.headers);
      expect(policy).toBe('principal');
      expect(left).toBeLessThan(20); // the tenants made before were counted too
      for (let i = 0; i < left; i++) expect((await t.call('GET', '/control/v1/plans', { token: operator })).statusCode).toBe(200);
      expectProblem(await t.call('GET', '/control/v1/plans', { token: operator }), 429, 'rate_limited');
      // A tenant's users are not counted with the operators.
      expect((await t.call('GET', '/api/v1/members', { token: oak.token, tenant: 'oak' })).statusCode).toBe(200);
    });
  });
}

/** What `RateLimit` says: the policy closest to running out, what remains of it, seconds until it resets. */
function standing(headers: Record<string, unknown>): [string, number, number] {
  const match = /^"(\w+)";r=(\d+);t=(\d+)$/.exec(String(headers.ratelimit));
  if (!match) throw new Error(`no RateLimit field: ${String(headers.ratelimit)}`);
  return [match[1]!, Number(match[2]), Number(match[3])];
}

describe('the API rate limit store', () => {
  const reply = () => {
    const headers: Record<string, string> = {};
    return { headers: (h: Record<string, string>) => Object.assign(headers, h), sent: headers } as unknown as FastifyReply & { sent: Record<string, string> };
  };
  const refusal = (p: Promise<void>) => p.then(() => null, (e: unknown) => (e instanceof AppError ? e.code : e));

  it('counts in each instance apart without Redis', async () => {
    const tenant = randomUUID();
    const a = new ApiRateLimit({ perPrincipal: 2, perTenant: 0 });
    const b = new ApiRateLimit({ perPrincipal: 2, perTenant: 0 });
    for (const limit of [a, a, b, b]) expect(await refusal(limit.admit(reply(), tenant, 'user'))).toBeNull();
    expect(await refusal(a.admit(reply(), tenant, 'user'))).toBe('rate_limited');
    // 0 is no limit at all: no counting, no headers.
    const off = new ApiRateLimit({ perPrincipal: 0, perTenant: 0 });
    const r = reply();
    for (let i = 0; i < 5; i++) await off.admit(r, tenant, 'user');
    expect(r.sent).toEqual({});
  });

  // Only with Redis: without it every instance counts on its own, which is the documented behaviour.
  if (redisUrl) it('counts every instance together through Redis', async () => {
    const clients = [new Redis(redisUrl!), new Redis(redisUrl!)];
    try {
      const tenant = randomUUID();
      const [a, b] = clients.map((c) => new ApiRateLimit({ perPrincipal: 3, perTenant: 100 }, c)) as [ApiRateLimit, ApiRateLimit];
      const first = reply();
      await a.admit(first, tenant, 'user');
      expect(first.sent).toMatchObject({ 'ratelimit-policy': '"principal";q=3;w=60, "tenant";q=100;w=60' });
      expect(standing(first.sent).slice(0, 2)).toEqual(['principal', 2]);
      await b.admit(reply(), tenant, 'user');
      await a.admit(reply(), tenant, 'user');
      expect(await refusal(b.admit(reply(), tenant, 'user'))).toBe('rate_limited');
      expect(await refusal(a.admit(reply(), tenant, 'user'))).toBe('rate_limited');
      expect(await refusal(b.admit(reply(), tenant, 'another user'))).toBeNull();
    } finally {
      for (const c of clients) c.disconnect();
    }
  });
});
