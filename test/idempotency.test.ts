import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IdempotencyKeys, type Claimed } from '../src/data/idempotency/index.js';
import { TENANT_PASSWORD, type TestPlatform, type TestTenant } from './helpers.js';
import { countMembers, create, keyRows, member, replayed, send, startIdempotencyPlatform, updateKey } from './idempotency-helpers.js';
import { expectProblem } from './fixture.js';
import { testDb } from './test-db.js';

/**
 * Idempotency keys on the data plane: an unsafe request may carry `Idempotency-Key`; the first
 * completed response is kept per tenant and principal, a retry gets it again, and the handler
 * runs once. That keys keep no secrets is in idempotency.secrets.test.ts.
 */

let t: TestPlatform;
let oak: TestTenant;
let elm: TestTenant;
let oakManager: string;

beforeAll(async () => {
  ({ t, oak, elm, oakManager } = await startIdempotencyPlatform());
});
afterAll(() => t?.close());

describe('idempotency keys', () => {
  it('answers a retry with the same key and body with the stored status and body, and creates the member once', async () => {
    const key = randomUUID();
    const first = await create('Once', key);
    expect(first.statusCode).toBe(201);
    expect(replayed(first)).toBe(false);

    const retry = await create('Once', key);
    expect(retry.statusCode).toBe(201);
    expect(retry.body).toBe(first.body);
    expect(retry.headers['content-type']).toBe(first.headers['content-type']);
    expect(replayed(retry)).toBe(true);
    expect(await countMembers('Once')).toBe(1);
  });

  it('treats a body with the same fields in another order as the same request', async () => {
    const key = randomUUID();
    const first = await create('Ordered', key, { body: { firstName: 'Ada', lastName: 'Ordered', type: 'owner' } });
    const retry = await create('Ordered', key, { body: { type: 'owner', lastName: 'Ordered', firstName: 'Ada' } });
    expect(retry.statusCode).toBe(201);
    expect(retry.body).toBe(first.body);
    expect(await countMembers('Ordered')).toBe(1);
  });

  it('refuses the same key with a different body, path or method with 422 idempotency_key_reused', async () => {
    const key = randomUUID();
    const first = await create('Reused', key);
    expect(first.statusCode).toBe(201);

    expectProblem(await create('Reused', key, { body: member('Reused', { firstName: 'Grace' }) }), 422, 'idempotency_key_reused');
    const id = first.json().id as string;
    expectProblem(await send('PATCH', `/api/v1/members/${id}`, { key, body: { notes: 'x' } }), 422, 'idempotency_key_reused');
    expectProblem(await send('DELETE', `/api/v1/members/${id}`, { key }), 422, 'idempotency_key_reused');
    expect(await countMembers('Reused')).toBe(1);
    expect((await send('GET', `/api/v1/members/${id}`)).json().notes).toBe('');
  });

  it('runs the handler once for concurrent requests with the same key; the others answer 409 request_in_progress or the replay', async () => {
    const key = randomUUID();
    const responses = await Promise.all(Array.from({ length: 6 }, () => create('Concurrent', key)));
    const fresh = responses.filter((r) => r.statusCode === 201 && !replayed(r));
    expect(fresh).toHaveLength(1);
    for (const r of responses) {
      if (r === fresh[0]) continue;
      if (r.statusCode === 201) {
        expect(replayed(r)).toBe(true);
        expect(r.body).toBe(fresh[0]!.body);
      } else {
        expectProblem(r, 409, 'request_in_progress');
        expect(r.headers['retry-after']).toBe('1');
      }
    }
    expect(await countMembers('Concurrent')).toBe(1);
    // Once the first has finished, a retry gets its response.
    const retry = await create('Concurrent', key);
    expect(retry.body).toBe(fresh[0]!.body);
    expect(replayed(retry)).toBe(true);
  });

  it('refuses a key of 256 characters or an empty key with 400 validation_failed on the header, and writes nothing', async () => {
    for (const key of ['k'.repeat(256), '']) {
      const res = await create('TooLong', key);
      expectProblem(res, 400, 'validation_failed');
      expect(res.json().errors).toEqual([expect.objectContaining({ field: 'idempotency-key', in: 'headers' })]);
    }
    expect(await countMembers('TooLong')).toBe(0);
    const longest = await create('TooLong', 'k'.repeat(255));
    expect(longest.statusCode).toBe(201);
  });

  it('keeps keys apart per principal: two users of one tenant with the same key each run their request', async () => {
    const key = randomUUID();
    const owner = await create('TwoUsers', key);
    const manager = await create('TwoUsers', key, { token: oakManager });
    expect([owner.statusCode, manager.statusCode]).toEqual([201, 201]);
    expect(replayed(manager)).toBe(false);
    expect(manager.json().id).not.toBe(owner.json().id);
    expect(await countMembers('TwoUsers')).toBe(2);
    // A different request under the same key is still refused, per user.
    expectProblem(await create('TwoUsers', key, { token: oakManager, body: member('TwoUsers', { firstName: 'Grace' }) }), 422, 'idempotency_key_reused');
  });

  it('keeps keys apart per tenant: the same key in two tenants runs in each', async () => {
    const key = randomUUID();
    const inOak = await create('TwoTenants', key);
    const inElm = await create('TwoTenants', key, { token: elm.token, tenant: 'elm' });
    expect([inOak.statusCode, inElm.statusCode]).toEqual([201, 201]);
    expect(replayed(inElm)).toBe(false);
    expect(await countMembers('TwoTenants')).toBe(1);
    expect(await countMembers('TwoTenants', { token: elm.token, tenant: 'elm' })).toBe(1);
    expect(await keyRows(oak, key)).toHaveLength(1);
    expect(await keyRows(elm, key)).toHaveLength(1);
  });

  it('keeps keys in the tenant\'s own database when its placement is dedicated', async () => {
    const ash = await t.createTenant('ash', { placement: 'dedicated' });
    const key = randomUUID();
    const first = await create('Dedicated', key, { token: ash.token, tenant: 'ash' });
    const retry = await create('Dedicated', key, { token: ash.token, tenant: 'ash' });
    expect([first.statusCode, retry.statusCode]).toEqual([201, 201]);
    expect(retry.body).toBe(first.body);
    expect(replayed(retry)).toBe(true);
    expect(await countMembers('Dedicated', { token: ash.token, tenant: 'ash' })).toBe(1);
  });

  it('stores no error: a request refused by validation can be retried with the same key after fixing the body', async () => {
    const key = randomUUID();
    const bad = await create('Fixed', key, { body: member('Fixed', { type: 'martian' }) });
    expectProblem(bad, 400, 'validation_failed');
    expect(await keyRows(oak, key)).toHaveLength(0);
    const fixed = await create('Fixed', key);
    expect(fixed.statusCode).toBe(201);
    expect(replayed(fixed)).toBe(false);
    expect(await countMembers('Fixed')).toBe(1);
  });

  it('stores no error: a request its handler refuses (404) releases the key, so the retry runs again', async () => {
    const key = randomUUID();
    const missing = '0190a8f0-0000-7000-8000-000000000000';
    const first = await send('PATCH', `/api/v1/members/${missing}`, { key, body: { notes: 'x' } });
    expectProblem(first, 404, 'not_found');
    expect(await keyRows(oak, key)).toHaveLength(0);
    const again = await send('PATCH', `/api/v1/members/${missing}`, { key, body: { notes: 'x' } });
    expectProblem(again, 404, 'not_found');
    expect(again.json().requestId).not.toBe(first.json().requestId);
    expect(replayed(again)).toBe(false);
    // Nothing was kept, so the key may now carry a request that succeeds.
    expect((await create('AfterNotFound', key)).statusCode).toBe(201);
  });

  it('answers a replayed DELETE with 204 again, where a plain repeat is 404', async () => {
    const id = (await create('Deleted')).json().id as string;
    const key = randomUUID();
    const first = await send('DELETE', `/api/v1/members/${id}`, { key });
    expect(first.statusCode).toBe(204);
    expect(first.body).toBe('');
    const retry = await send('DELETE', `/api/v1/members/${id}`, { key });
    expect(retry.statusCode).toBe(204);
    expect(retry.body).toBe('');
    expect(replayed(retry)).toBe(true);
    expectProblem(await send('DELETE', `/api/v1/members/${id}`), 404, 'not_found');
  });

  it('replays a PATCH without running it again, even after the member changed', async () => {
    const id = (await create('Patched')).json().id as string;
    const key = randomUUID();
    const first = await send('PATCH', `/api/v1/members/${id}`, { key, body: { notes: 'first' } });
    expect(first.statusCode).toBe(200);
    expect((await send('PATCH', `/api/v1/members/${id}`, { body: { notes: 'second' } })).statusCode).toBe(200);
    const retry = await send('PATCH', `/api/v1/members/${id}`, { key, body: { notes: 'first' } });
    expect(retry.body).toBe(first.body);
    expect((await send('GET', `/api/v1/members/${id}`)).json().notes).toBe('second');
  });

  it('leaves a request without the header unaffected: each one runs', async () => {
    const a = await create('NoKey');
    const b = await create('NoKey');
    expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
    expect(a.json().id).not.toBe(b.json().id);
    expect(replayed(b)).toBe(false);
    expect(await countMembers('NoKey')).toBe(2);
  });

  it('ignores the header on public routes: sign-in never stores tokens and answers each attempt afresh', async () => {
    const key = 'k'.repeat(300); // not even validated there
    const login = () => t.call('POST', '/api/v1/auth/login', { tenant: 'oak', body: { email: oak.adminEmail, password: TENANT_PASSWORD }, headers: { 'idempotency-key': key } });
    const first = await login();
    const second = await login();
    expect([first.statusCode, second.statusCode]).toEqual([200, 200]);
    expect(replayed(second)).toBe(false);
    expect(second.json().refreshToken).not.toBe(first.json().refreshToken);
    expect(await keyRows(oak, key)).toHaveLength(0);
  });

  it('ignores the header on safe methods', async () => {
    const res = await send('GET', '/api/v1/members?limit=1', { key: 'k'.repeat(300) });
    expect(res.statusCode).toBe(200);
    expect(replayed(res)).toBe(false);
  });

  it('keeps a response for at least 24 hours, then forgets it: an expired key runs again', async () => {
    const key = randomUUID();
    const first = await create('Expired', key);
    const row = (await keyRows(oak, key))[0]!;
    expect(row).toMatchObject({ status: 'completed', responseStatus: 201, lockedUntil: null });
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBeGreaterThanOrEqual(24 * 3600_000);

    await updateKey(oak, key, { expiresAt: sql`now() - interval '1 second'` });
    const after = await create('Expired', key);
    expect(after.statusCode).toBe(201);
    expect(replayed(after)).toBe(false);
    expect(after.json().id).not.toBe(first.json().id);
    expect(await countMembers('Expired')).toBe(2);
  });

  it('sweeps every tenant’s expired keys on the hourly schedule, and leaves live ones', async () => {
    const live = randomUUID();
    const old = randomUUID();
    await create('Swept', live);
    await create('Swept', old, { body: member('Swept', { firstName: 'Old' }) });
    await updateKey(oak, old, { expiresAt: sql`now() - interval '1 second'` });
    // What a tick of the schedule does: one sweep job per tenant, once per tick.
    const jobs = t.platform.jobs;
    const tick = randomUUID();
    expect(await jobs.fanOut('idempotency.sweep', tick)).toBeGreaterThanOrEqual(1);
    expect(await jobs.fanOut('idempotency.sweep', tick)).toBe(0);
    const schedules = await t.platform.main.session((s) => s.rows<{ name: string; cron: string }>('SELECT name, cron FROM pgboss.schedule', []));
    expect(schedules).toContainEqual({ name: 'tick.idempotency.sweep', cron: '17 * * * *' });
    const sweep = t.platform.modules.get('idempotency')!.jobs!.find((j) => j.name === 'idempotency.sweep')!;
    await sweep.handler({ id: randomUUID(), name: sweep.name, data: { tenantId: oak.id }, retryCount: 0 }, jobs.context());
    expect(await keyRows(oak, old)).toHaveLength(0);
    expect(await keyRows(oak, live)).toHaveLength(1);
  });

  it('answers 409 while the first request holds the key, and frees a key whose request died once its lease runs out', async () => {
    const key = randomUUID();
    const first = await create('Crashed', key);
    // As if the first request were still running (or had crashed mid-way, its writes rolled back).
    await updateKey(oak, key, { status: 'in_progress', responseStatus: null, responseBody: null, lockedUntil: sql`now() + interval '1 minute'` });
    expectProblem(await create('Crashed', key), 409, 'request_in_progress');

    await updateKey(oak, key, { lockedUntil: sql`now() - interval '1 second'` });
    const taken = await create('Crashed', key);
    expect(taken.statusCode).toBe(201);
    expect(replayed(taken)).toBe(false);
    expect(taken.json().id).not.toBe(first.json().id);
    const retry = await create('Crashed', key);
    expect(retry.body).toBe(taken.body);
    expect(replayed(retry)).toBe(true);
  });

  it('rolls back the writes of a request whose claim was taken over meanwhile, so the work is done once', async () => {
    // Leases that have run out as soon as they are taken: the second claim takes the key over.
    const keys = new IdempotencyKeys(t.platform.router, { leaseMs: -1000 });
    const tenant = { id: oak.id, placement: 'pooled' as const, databaseName: null };
    const ref = { tenantId: oak.id, principal: randomUUID(), key: randomUUID() };
    const slow = await keys.claim(tenant, ref, 'same request');
    const retry = await keys.claim(tenant, ref, 'same request');
    expect([slow.kind, retry.kind]).toEqual(['claimed', 'claimed']);

    const work = (claimed: typeof slow) =>
      t.platform.main.tenantTransaction(oak.id, async (db) => {
        await testDb(db).insertInto('members').values({ tenantId: oak.id, id: randomUUID(), firstName: 'Ada', lastName: 'TakenOver', type: 'owner' }).execute();
        await keys.complete(db, claimed as Claimed, { status: 201, type: null, body: '{}' });
      });
    await expect(work(slow)).rejects.toMatchObject({ code: 'request_in_progress' });
    expect(await countMembers('TakenOver')).toBe(0);
    await work(retry);
    expect(await countMembers('TakenOver')).toBe(1);
  });

  it('documents the header in the OpenAPI document on unsafe authenticated routes only', async () => {
    const doc = (await t.call('GET', '/openapi.json')).json();
    const header = (op: { parameters?: { in: string; name: string; schema: { maxLength?: number } }[] }) => op.parameters?.find((p) => p.in === 'header' && p.name === 'idempotency-key');
    expect(header(doc.paths['/api/v1/members'].post)).toMatchObject({ schema: { maxLength: 255 } });
    expect(header(doc.paths['/api/v1/members/{id}'].patch)).toBeDefined();
    expect(header(doc.paths['/api/v1/members/{id}'].delete)).toBeDefined();
    expect(header(doc.paths['/api/v1/members'].get)).toBeUndefined();
    expect(header(doc.paths['/api/v1/auth/login'].post)).toBeUndefined();
  });
});
