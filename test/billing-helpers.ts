import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import type { TestDb, TestTables } from './test-db.js';
import { billingJobs } from '../src/modules/finance/billing/billing.routes.js';
import type { BillingTuning } from '../src/modules/finance/billing/billing.service.js';
import { estate, ok as expectStatus, uniq, type Estate, type Method } from './fixture.js';
import { startPlatform, type TestPlatform } from './helpers.js';

/**
 * What the billing tests (src/modules/finance/billing/billing*.test.ts) share. The calls below
 * act on the tenant the file's `startBilling` made (each test file runs in a process of its own).
 */

let t: TestPlatform;
let oak: Estate;

/** A platform with one tenant, oak. */
export async function startBilling(): Promise<{ t: TestPlatform; oak: Estate }> {
  t = await startPlatform();
  oak = await estate(t, { slug: 'oak' });
  return { t, oak };
}

export const api = (method: Method, url: string, body?: unknown, tenant: Estate = oak) => tenant.api(method, url, body);
export const ok = (res: Promise<LightMyRequestResponse>, status = 200) => expectStatus(res, status);
/** A real tenant-bound transaction (row-level security applies), for looking at what the API does not show. */
export const tx = <T>(fn: (db: TestDb) => Promise<T>, tenant: Estate = oak) => tenant.tx(fn);

export async function property(parentId?: string): Promise<string> {
  return (await ok(api('POST', '/properties', { name: `Estate ${uniq()}`, kind: 'residential', ...(parentId ? { parentId } : {}) }), 201)).id;
}
export async function unit(propertyId: string, label: string, participationShare: string | null): Promise<string> {
  return (await ok(api('POST', `/properties/${propertyId}/units`, { label, kind: 'apartment', ...(participationShare === null ? {} : { participationShare }) }), 201)).id;
}
export async function member(lastName = `O-${uniq()}`): Promise<string> {
  return (await ok(api('POST', '/members', { firstName: 'Olu', lastName, type: 'owner' }), 201)).id;
}
export async function own(unitId: string, memberId: string, ownershipShare = '1', startDate = '2020-01-01'): Promise<string> {
  return (await ok(api('POST', `/units/${unitId}/occupants`, { memberId, role: 'owner', startDate, ownershipShare }), 201)).id;
}
/** A unit with one owner (a new member); returns both. */
export async function ownedUnit(propertyId: string, label: string, share: string | null) {
  const unitId = await unit(propertyId, label, share);
  const memberId = await member();
  await own(unitId, memberId);
  return { unitId, memberId };
}

export const levy = (propertyId: string, o: Record<string, unknown> = {}) => ({
  kind: 'levy',
  name: `Service charge ${uniq()}`,
  propertyId,
  budget: { amount: 10_000, currency: 'EUR' },
  frequency: 'monthly',
  dueDay: 5,
  startPeriod: '2025-01',
  ...o,
});
export const newSchedule = async (body: Record<string, unknown>) => ok(api('POST', '/finance/schedules', body), 201);

export const preview = (period: string, scheduleIds: string[]) => ok(api('POST', '/finance/billing-runs', { period, scheduleIds, dryRun: true }));
export const start = (period: string, scheduleIds?: string[]) => api('POST', '/finance/billing-runs', { period, ...(scheduleIds ? { scheduleIds } : {}), dryRun: false });

/** The billing-run job's handler, as the platform would run it; `tuning` shrinks batches or stops between them. */
export async function runJob(runId: string, tuning: BillingTuning = {}, o: { tenant?: Estate; retryCount?: number } = {}) {
  const job = billingJobs({ billing: tuning }).find((j) => j.name === 'finance.billing-run')!;
  const tenant = o.tenant ?? oak;
  await job.handler({ id: randomUUID(), name: job.name, data: { tenantId: tenant.id, runId }, retryCount: o.retryCount ?? 0 }, { ...t.platform.jobs.context(), now: () => new Date('2025-06-01T02:00:00Z') });
}

/** The events of a type in the tenant's outbox (no workers run in tests: nothing relays them away). */
export const events = (type: string) =>
  tx(async (db) =>
    (await db.selectFrom('outbox').select(['id', 'type', 'data']).where('type', '=', type).orderBy('id').execute()).map((r) => ({
      id: r.id,
      type: r.type,
      data: (typeof r.data === 'string' ? JSON.parse(r.data) : r.data) as Record<string, unknown>,
    })),
  );

/** The charges a schedule made, by natural key. */
export const chargesOf = (scheduleId: string) =>
  tx((db) =>
    db
      .selectFrom('financeCharges')
      .select(['naturalKey', 'memberId', 'unitId', 'amount', 'dueDate', 'description', 'kind'])
      .where('naturalKey', 'like', `schedule:${scheduleId}:%`)
      .orderBy('naturalKey')
      .execute(),
  );

export const counts = () =>
  tx(async (db) => {
    const n = async (table: keyof TestTables) => Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    return { charges: await n('financeCharges'), entries: await n('financeEntries'), runs: await n('financeBillingRuns'), items: await n('financeBillingRunItems'), outbox: await n('outbox') };
  });

/** An estate of `shares.length` units, each owned by a member of its own, and a levy schedule on it. */
export async function levyEstate(shares: (string | null)[], o: Record<string, unknown> = {}) {
  const propertyId = await property();
  const units = [];
  for (const [i, share] of shares.entries()) units.push({ label: `A-${String(i + 1).padStart(2, '0')}`, share, ...(await ownedUnit(propertyId, `A-${String(i + 1).padStart(2, '0')}`, share)) });
  const schedule = await newSchedule(levy(propertyId, o));
  return { propertyId, units, schedule };
}
