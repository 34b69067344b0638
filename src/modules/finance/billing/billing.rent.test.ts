import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { estate, ok as expectStatus, uniq, type Estate, type Method } from '../../../../test/fixture.js';
import { startPlatform, type TestPlatform } from '../../../../test/helpers.js';
import { billingJobs } from './billing.routes.js';

let t: TestPlatform;
let oak: Estate;

beforeAll(async () => {
  t = await startPlatform();
  oak = await estate(t, { slug: 'oak' });
});
afterAll(() => t?.close());

const api = (method: Method, url: string, body?: unknown) => oak.api(method, url, body);
const ok = (res: Promise<LightMyRequestResponse>, status = 200) => expectStatus(res, status);
const property = async () => (await ok(api('POST', '/properties', { name: `Block ${uniq()}`, kind: 'residential' }), 201)).id as string;
const unit = async (propertyId: string, label = `R-${uniq()}`) => (await ok(api('POST', `/properties/${propertyId}/units`, { label, kind: 'apartment' }), 201)).id as string;
const renter = async () => (await ok(api('POST', '/members', { firstName: 'Rhea', lastName: `R-${uniq()}`, type: 'renter' }), 201)).id as string;

/** An activated lease of a new unit in the property. */
async function lease(propertyId: string, terms: { startDate: string; endDate?: string | null; amount: number; frequency?: string; dueDay?: number; renters?: number }) {
  const renterIds = [];
  for (let i = 0; i < (terms.renters ?? 1); i++) renterIds.push(await renter());
  const drafted = await ok(
    api('POST', '/leases', {
      unitId: await unit(propertyId),
      renterIds,
      startDate: terms.startDate,
      endDate: terms.endDate ?? null,
      rent: { amount: terms.amount, currency: 'EUR' },
      frequency: terms.frequency ?? 'monthly',
      ...(terms.dueDay ? { dueDay: terms.dueDay } : {}),
    }),
    201,
  );
  await ok(api('POST', `/leases/${drafted.id}/activate`));
  return { id: drafted.id as string, unitId: drafted.unitId as string, renterIds };
}

async function rentSchedule(propertyId: string, o: Record<string, unknown> = {}) {
  return ok(api('POST', '/finance/schedules', { kind: 'rent', name: `Rent ${uniq()}`, propertyId, startPeriod: '2025-01', ...o }), 201);
}

type Line = { leaseId: string; memberId: string; amount: number; periodStart: string; periodEnd: string; dueDate: string; description: string };
const preview = async (period: string, scheduleId: string) => (await ok(api('POST', '/finance/billing-runs', { period, scheduleIds: [scheduleId], dryRun: true }))) as { charges: Line[]; skipped: (Line & { reason: string })[] };
const rows = (lines: Line[]) => lines.map((c) => [c.periodStart, c.periodEnd, c.amount]);

async function runJob(runId: string) {
  const job = billingJobs({}).find((j) => j.name === 'finance.billing-run')!;
  await job.handler({ id: randomUUID(), name: job.name, data: { tenantId: oak.id, runId }, retryCount: 0 }, t.platform.jobs.context());
}

describe('rent from leases', () => {
  it('charges monthly rent to the lead renter, the first and last short periods pro rata by days', async () => {
    const propertyId = await property();
    const l = await lease(propertyId, { startDate: '2025-03-15', endDate: '2025-05-20', amount: 3_100, dueDay: 1, renters: 2 });
    const schedule = await rentSchedule(propertyId);
    const march = await preview('2025-03', schedule.id);
    expect(rows(march.charges)).toEqual([['2025-03-15', '2025-03-31', 1_700]]);
    expect(march.charges[0]).toMatchObject({ leaseId: l.id, unitId: l.unitId, memberId: l.renterIds[0], kind: 'rent', dueDate: '2025-03-15', description: expect.stringContaining('Rent 2025-03-15 to 2025-03-31') });
    expect(rows((await preview('2025-04', schedule.id)).charges)).toEqual([['2025-04-01', '2025-04-30', 3_100]]);
    expect(rows((await preview('2025-05', schedule.id)).charges)).toEqual([['2025-05-01', '2025-05-20', 2_000]]);
    expect((await preview('2025-06', schedule.id)).charges).toEqual([]);
    expect((await preview('2025-02', schedule.id)).charges).toEqual([]);
  });

  it('charges weekly rent for each due weekday of the month, and quarterly rent in its quarters only', async () => {
    const propertyId = await property();
    // 1 September 2025 is a Monday; due on Mondays.
    const weekly = await lease(propertyId, { startDate: '2025-09-01', amount: 25_000, frequency: 'weekly', dueDay: 1 });
    const quarterly = await lease(propertyId, { startDate: '2025-08-10', amount: 300_000, frequency: 'quarterly', dueDay: 10 });
    const schedule = await rentSchedule(propertyId);
    const september = (await preview('2025-09', schedule.id)).charges;
    expect(september.filter((c) => c.leaseId === weekly.id).map((c) => c.periodStart)).toEqual(['2025-09-01', '2025-09-08', '2025-09-15', '2025-09-22', '2025-09-29']);
    expect(september.filter((c) => c.leaseId === quarterly.id)).toEqual([]);
    const november = (await preview('2025-11', schedule.id)).charges.filter((c) => c.leaseId === quarterly.id);
    expect(rows(november)).toEqual([['2025-11-10', '2026-02-09', 300_000]]);
    expect(rows((await preview('2025-08', schedule.id)).charges)).toEqual([['2025-08-10', '2025-11-09', 300_000]]);
  });

  it('splits the rent equally between the renters when the schedule says so, the odd cent to the lead renter', async () => {
    const propertyId = await property();
    const l = await lease(propertyId, { startDate: '2025-01-01', amount: 10_000, renters: 3 });
    const schedule = await rentSchedule(propertyId, { renterSplit: 'equal' });
    const january = (await preview('2025-01', schedule.id)).charges;
    expect(january.map((c) => [c.memberId, c.amount])).toEqual([[l.renterIds[0], 3_334], [l.renterIds[1], 3_333], [l.renterIds[2], 3_333]]);
  });

  it('bills nothing before the schedule’s first month, and each lease period once however often the month runs', async () => {
    const propertyId = await property();
    const l = await lease(propertyId, { startDate: '2024-11-01', amount: 90_000, dueDay: 1 });
    const schedule = await rentSchedule(propertyId, { startPeriod: '2025-02' });
    expect((await preview('2025-01', schedule.id)).charges).toEqual([]);
    const first = await ok(api('POST', '/finance/billing-runs', { period: '2025-02', scheduleIds: [schedule.id], dryRun: false }), 202);
    await runJob(first.id);
    expect(await ok(api('GET', `/finance/billing-runs/${first.id}`))).toMatchObject({ status: 'completed', counts: { created: 1 } });
    const second = await ok(api('POST', '/finance/billing-runs', { period: '2025-02-14', scheduleIds: [schedule.id], dryRun: false }), 202);
    await runJob(second.id);
    const run = await ok(api('GET', `/finance/billing-runs/${second.id}`));
    expect(run).toMatchObject({ status: 'completed', counts: { created: 0, existing: 1 } });
    const items = await ok(api('GET', `/finance/billing-runs/${first.id}/items`));
    expect(items.data).toEqual([expect.objectContaining({ leaseId: l.id, memberId: l.renterIds[0], status: 'created', amount: 90_000, periodStart: '2025-02-01', periodEnd: '2025-02-28' })]);
  });
});
