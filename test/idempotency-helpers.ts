import type { LightMyRequestResponse } from 'fastify';
import type { UpdateObject } from 'kysely';
import { expect } from 'vitest';
import { startPlatform, TENANT_PASSWORD, type TestPlatform, type TestTenant } from './helpers.js';
import { testDb, type TestTables } from './test-db.js';

/**
 * What the idempotency tests (idempotency*.test.ts) share. The calls below act on the platform
 * the file's `startIdempotencyPlatform` started (each test file runs in a process of its own).
 */

let t: TestPlatform;
let oak: TestTenant;

/** A platform with two tenants, oak and elm, and a second user of oak (a manager, `oakManager`), to show keys are per principal. */
export async function startIdempotencyPlatform(): Promise<{ t: TestPlatform; oak: TestTenant; elm: TestTenant; oakManager: string }> {
  t = await startPlatform();
  oak = await t.createTenant('oak');
  const elm = await t.createTenant('elm');
  const user = await t.call('POST', '/api/v1/users', {
    token: oak.token,
    tenant: 'oak',
    body: { email: 'manager@oak.test', name: 'Manager', password: TENANT_PASSWORD, roles: ['manager'] },
  });
  expect(user.statusCode).toBe(201);
  const oakManager = (await t.login('oak', 'manager@oak.test')).accessToken;
  return { t, oak, elm, oakManager };
}

export const member = (lastName: string, overrides: Record<string, unknown> = {}) => ({ firstName: 'Ada', lastName, type: 'owner', ...overrides });

export function send(method: 'POST' | 'PATCH' | 'DELETE' | 'GET', url: string, o: { key?: string; body?: unknown; token?: string; tenant?: string } = {}) {
  return t.call(method, url, {
    token: o.token ?? oak.token,
    tenant: o.tenant ?? 'oak',
    ...(o.body !== undefined ? { body: o.body } : {}),
    ...(o.key !== undefined ? { headers: { 'idempotency-key': o.key } } : {}),
  });
}

export const create = (lastName: string, key?: string, o: { token?: string; tenant?: string; body?: unknown } = {}) =>
  send('POST', '/api/v1/members', { key, body: o.body ?? member(lastName), token: o.token, tenant: o.tenant });

/** How many members of the tenant have this last name (a unique name per test). */
export async function countMembers(lastName: string, o: { token?: string; tenant?: string } = {}): Promise<number> {
  const res = await send('GET', `/api/v1/members?limit=200&q=${encodeURIComponent(lastName)}`, o);
  expect(res.statusCode).toBe(200);
  return (res.json().data as { lastName: string }[]).filter((m) => m.lastName === lastName).length;
}

/** The stored key rows of a tenant (read under its row-level security). */
export function keyRows(tenant: TestTenant, key: string) {
  return t.platform.main.tenantTransaction(tenant.id, (db) => testDb(db).selectFrom('idempotencyKeys').selectAll().where('key', '=', key).execute());
}

export function updateKey(tenant: TestTenant, key: string, set: UpdateObject<TestTables, 'idempotencyKeys'>) {
  return t.platform.main.tenantTransaction(tenant.id, (db) => testDb(db).updateTable('idempotencyKeys').set(set).where('key', '=', key).execute());
}

export const replayed = (res: LightMyRequestResponse) => res.headers['idempotent-replayed'] === 'true';
