import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Control, startControlPlane } from './control-plane-helpers.js';
import type { TestPlatform, TestTenant } from './helpers.js';

// The audit log's read API (GET /control/v1/audit): filters, paging newest first, and who may read it.

interface Entry {
  seq: number;
  at: string;
  actor: string;
  action: string;
  target: string | null;
  data: Record<string, unknown>;
}

let t: TestPlatform;
let oak: TestTenant;
let control: Control;
let startedAt: string;

const audit = async (query: Record<string, string | number> = {}) => {
  const res = await control('GET', `/audit?${new URLSearchParams(Object.entries(query).map(([k, v]): [string, string] => [k, String(v)])).toString()}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { data: Entry[]; nextCursor: string | null };
};

/** Every entry the filter matches, page by page. */
const walk = async (query: Record<string, string | number>) => {
  const seen: Entry[] = [];
  let cursor: string | null = null;
  do {
    const page = await audit({ ...query, ...(cursor ? { cursor } : {}) });
    seen.push(...page.data);
    cursor = page.nextCursor;
  } while (cursor);
  return seen;
};

beforeAll(async () => {
  ({ t, oak, control } = await startControlPlane());
  startedAt = new Date().toISOString();
  for (const key of ['audit-one', 'audit-two', 'audit-three']) {
    const res = await control('POST', '/plans', { key, name: key, modules: ['members'], limits: { members: null, users: 5, storageMb: null }, price: { amountMinor: 100, currency: 'EUR', interval: 'month' } });
    expect(res.statusCode, res.body).toBe(201);
  }
  expect((await control('POST', `/tenants/${oak.id}/suspend`)).statusCode).toBe(200);
  expect((await control('POST', `/tenants/${oak.id}/resume`)).statusCode).toBe(200);
});
afterAll(() => t?.close());

describe('reading the audit log', () => {
  it('lists entries newest first with their actor, action, target and data', async () => {
    const page = await audit();
    const seqs = page.data.map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    expect(page.data[0]).toMatchObject({ action: 'tenant.resumed', target: oak.id, actor: expect.stringMatching(/^platform:/), data: {} });
    expect(new Date(page.data[0]!.at).toISOString()).toBe(page.data[0]!.at);
    expect(page.data.map((e) => e.action)).toEqual(expect.arrayContaining(['plan.created', 'tenant.created', 'tenant.provisioned', 'platform_user.signed_in', 'platform_user.bootstrapped']));
  });

  it('filters by action, actor, tenant (id or slug) and text', async () => {
    const created = await audit({ action: 'plan.created' });
    expect(created.data.map((e) => e.target)).toEqual(['audit-three', 'audit-two', 'audit-one']);

    const operator = created.data[0]!.actor;
    const byOperator = await walk({ actor: operator });
    expect(byOperator.length).toBeGreaterThan(3);
    expect(byOperator.every((e) => e.actor === operator)).toBe(true);
    const bySystem = await audit({ actor: 'system' });
    expect(bySystem.data.map((e) => e.action)).toContain('platform_user.bootstrapped');
    expect(bySystem.data.every((e) => e.actor === 'system')).toBe(true);

    const byId = await walk({ tenant: oak.id });
    expect(byId.map((e) => e.action)).toEqual(expect.arrayContaining(['tenant.created', 'tenant.provisioned', 'tenant.suspended', 'tenant.resumed', 'licence.issued']));
    expect(byId.every((e) => e.target === oak.id)).toBe(true);
    expect(await walk({ tenant: 'oak' })).toEqual(byId);
    expect((await audit({ tenant: 'no-such-tenant' })).data).toEqual([]);

    expect((await audit({ tenant: 'oak', action: 'tenant.suspended' })).data).toHaveLength(1);
    const text = await audit({ q: 'AUDIT-T' });
    expect(text.data.map((e) => e.target)).toEqual(['audit-three', 'audit-two']);
    // LIKE's wildcards are searched for as themselves.
    expect((await audit({ q: '%' })).data).toEqual([]);
  });

  it('filters by a time range, from inclusive and to exclusive', async () => {
    const all = await walk({ limit: 200 });
    const since = await walk({ from: startedAt });
    expect(since.map((e) => e.action).sort()).toEqual(['plan.created', 'plan.created', 'plan.created', 'tenant.resumed', 'tenant.suspended']);
    const before = await walk({ to: startedAt });
    expect(before.length + since.length).toBe(all.length);

    const middle = since.find((e) => e.action === 'plan.created' && e.target === 'audit-two')!;
    expect((await audit({ from: middle.at, to: middle.at })).data).toEqual([]);
    const fromMiddle = await audit({ from: middle.at, action: 'plan.created' });
    expect(fromMiddle.data.map((e) => e.target)).toEqual(['audit-three', 'audit-two']);
    const toMiddle = await audit({ to: middle.at, action: 'plan.created' });
    expect(toMiddle.data.map((e) => e.target)).toEqual(['audit-one']);
  });

  it('pages by cursor without gaps or repeats, filters kept', async () => {
    const all = await audit({ limit: 200 });
    const paged = await walk({ limit: 2 });
    expect(paged.map((e) => e.seq)).toEqual(all.data.map((e) => e.seq));
    expect(new Set(paged.map((e) => e.seq)).size).toBe(paged.length);

    const first = await audit({ limit: 2, action: 'plan.created' });
    expect(first.data.map((e) => e.target)).toEqual(['audit-three', 'audit-two']);
    const second = await audit({ limit: 2, action: 'plan.created', cursor: first.nextCursor! });
    expect(second.data.map((e) => e.target)).toEqual(['audit-one']);
    expect(second.nextCursor).toBeNull();
  });

  it('refuses a forged cursor, a malformed time and an unknown filter', async () => {
    for (const query of ['cursor=not-a-cursor', `cursor=${Buffer.from('["x"]').toString('base64url')}`]) {
      const res = await control('GET', `/audit?${query}`);
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe('invalid_cursor');
    }
    for (const query of ['from=yesterday', 'to=2024-13-45T00:00:00Z', 'limit=0', 'limit=201', 'hash=x']) {
      const res = await control('GET', `/audit?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().code).toBe('validation_failed');
    }
  });
});

describe('who may read the audit log', () => {
  it('refuses a caller without a platform token: none, garbage, or a tenant user token', async () => {
    const none = await t.call('GET', '/control/v1/audit');
    expect(none.statusCode).toBe(401);
    expect(none.json().code).toBe('unauthenticated');

    const garbage = await t.call('GET', '/control/v1/audit', { token: 'not.a.jwt' });
    expect(garbage.statusCode).toBe(401);

    // A genuine token of the tenant's owner, meant for the data plane.
    const tenantToken = await t.call('GET', '/control/v1/audit', { token: oak.token });
    expect(tenantToken.statusCode).toBe(401);
    expect(tenantToken.json().code).toBe('unauthenticated');
  });
});
