import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TenantLocation } from '../src/kernel/db/router.js';
import type { Db } from '../src/kernel/db/tables.js';
import { Lru } from '../src/kernel/lru.js';
import { startPlatform, type TestPlatform, type TestTenant } from './helpers.js';

/**
 * The caches that keep a request from querying the registry, the licence, the session and the
 * roles: bounded by size, invalidated per tenant, and cheap when cold (one tenant transaction
 * per read). Across processes: multi-instance.test.ts.
 */

describe('the LRU under the caches', () => {
  it('keeps at most its size, dropping the least recently used first', () => {
    const lru = new Lru<string, number>(3);
    lru.set('a', 1);
    lru.set('b', 2);
    lru.set('c', 3);
    expect(lru.get('a')).toBe(1);
    lru.set('d', 4);
    expect(lru.size).toBe(3);
    expect(lru.get('b')).toBeUndefined();
    expect([lru.get('a'), lru.get('c'), lru.get('d')]).toEqual([1, 3, 4]);
    for (let i = 0; i < 1_000; i++) lru.set(`k${i}`, i);
    expect(lru.size).toBe(3);
  });

  it('never drops an entry used more recently than the last half of its size', () => {
    const lru = new Lru<string, number>(100);
    // A hot key hit between every insertion of cold ones survives however many come.
    for (let i = 0; i < 10_000; i++) {
      lru.set(`cold${i}`, i);
      if (i === 0) lru.set('hot', -1);
      expect(lru.get('hot')).toBe(-1);
    }
    // A key hit once survives the next half-size insertions.
    lru.get('cold9950');
    for (let i = 0; i < 50; i++) lru.set(`new${i}`, i);
    expect(lru.get('cold9950')).toBe(9950);
    expect(lru.size).toBe(100);
  });

  it('serves an entry no longer than its safety net', () => {
    const lru = new Lru<string, number>(10, 1_000);
    lru.set('a', 1, 0);
    expect(lru.get('a', 999)).toBe(1);
    expect(lru.get('a', 1_000)).toBeUndefined();
    expect(lru.size).toBe(0);
  });
});

describe('tenant caches', () => {
  let t: TestPlatform;
  let oak: TestTenant;
  let elm: TestTenant;

  beforeAll(async () => {
    t = await startPlatform();
    oak = await t.createTenant('oak');
    elm = await t.createTenant('elm');
  });
  afterAll(() => t?.close());

  /** Counts the tenant transactions `fn` opens. */
  async function tenantTransactions(fn: () => Promise<void>): Promise<number> {
    const router = t.platform.router;
    const original = router.tenantTransaction;
    let count = 0;
    router.tenantTransaction = <T>(tenant: TenantLocation, work: (trx: Db) => Promise<T>): Promise<T> => {
      count++;
      return original.call(router, tenant, work) as Promise<T>;
    };
    try {
      await fn();
    } finally {
      router.tenantTransaction = original;
    }
    return count;
  }

  it('reads a member on cold caches in one tenant transaction, and writes in two', async () => {
    const created = await t.call('POST', '/api/v1/members', { token: oak.token, tenant: 'oak', body: { firstName: 'Cold', lastName: 'Start', type: 'owner' } });
    expect(created.statusCode).toBe(201);
    const read = (token: string) => t.call('GET', `/api/v1/members/${created.json().id}`, { token, tenant: oak.id });

    // A new session (not cached yet) and no tenant or role cached: everything cold.
    const { accessToken } = await t.login('oak', oak.adminEmail);
    t.platform.directory.invalidate();
    t.platform.roles.forget(null);
    expect(await tenantTransactions(async () => expect((await read(accessToken)).statusCode).toBe(200))).toBe(1);
    expect(await tenantTransactions(async () => expect((await read(accessToken)).statusCode).toBe(200))).toBe(1);

    // A write is admitted before its body is read: its own transaction, then the handler's.
    const fresh = await t.login('oak', oak.adminEmail);
    t.platform.roles.forget(oak.id);
    const write = () => t.call('POST', '/api/v1/members', { token: fresh.accessToken, tenant: 'oak', body: { firstName: 'Cold', lastName: 'Write', type: 'owner' } });
    expect(await tenantTransactions(async () => expect((await write()).statusCode).toBe(201))).toBe(2);
    expect(await tenantTransactions(async () => expect((await write()).statusCode).toBe(201))).toBe(1);
  });

  it('refuses on cold caches what it refuses on warm ones', async () => {
    const res = await t.call('POST', '/api/v1/users', { token: oak.token, tenant: 'oak', body: { email: 'portal@oak.test', name: 'Portal', password: 'tenant-password-1', roles: ['member'] } });
    expect(res.statusCode).toBe(201);
    const { accessToken, refreshToken } = await t.login('oak', 'portal@oak.test');
    for (let i = 0; i < 2; i++) {
      t.platform.roles.forget(oak.id);
      const refused = await t.call('GET', '/api/v1/members', { token: accessToken, tenant: 'oak' });
      expect(refused.statusCode).toBe(403);
      expect(refused.json().code).toBe('permission_denied');
    }
    expect((await t.call('POST', '/api/v1/auth/logout', { tenant: 'oak', body: { refreshToken } })).statusCode).toBe(204);
    t.platform.roles.forget(null);
    const ended = await t.call('GET', '/api/v1/me', { token: accessToken, tenant: 'oak' });
    expect(ended.statusCode).toBe(401);
  });

  it("drops only the changed tenant's entries from the directory, and every unknown name", async () => {
    const directory = t.platform.directory;
    directory.invalidate();
    await directory.byIdOrSlug('oak');
    await directory.byIdOrSlug(elm.id);
    expect(await directory.byIdOrSlug('nobody')).toBeNull();
    expect(directory.cachedNames).toBe(3);

    const admin = await t.platformToken();
    expect((await t.call('POST', '/control/v1/tenants/oak/suspend', { token: admin })).statusCode).toBe(200);
    expect(directory.cachedNames).toBe(1);
    expect((await directory.byIdOrSlug(elm.id))?.status).toBe('active');
    expect((await directory.byIdOrSlug('oak'))?.status).toBe('suspended');
    expect((await t.call('POST', '/control/v1/tenants/oak/resume', { token: admin })).statusCode).toBe(200);
  });
});
