import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { estate, expectProblem, ok as expectStatus, uniq, type Estate, type Method } from '../../../../test/fixture.js';
import { startPlatform, type TestPlatform } from '../../../../test/helpers.js';
import type { TestDb, TestTables } from '../../../../test/test-db.js';
import type { DomainEvent } from '../../../kernel/events/event.js';
import type { JobContext } from '../../../kernel/jobs/job.js';
import { billingJobs, billingSubscribers } from './billing.routes.js';
import type { BillingTuning } from './billing.service.js';

let t: TestPlatform;
let oak: Estate;

beforeAll(async () => {
  t = await startPlatform();
  oak = await estate(t, { slug: 'oak' });
});
afterAll(() => t?.close());

const api = (method: Method, url: string, body?: unknown, tenant: Estate = oak) => tenant.api(method, url, body);
const ok = (res: Promise<LightMyRequestResponse>, status = 200) => expectStatus(res, status);
/** A real tenant-bound transaction (row-level security applies), for looking at what the API does not show. */
const tx = <T>(fn: (db: TestDb) => Promise<T>, tenant: Estate = oak) => tenant.tx(fn);

async function property(parentId?: string): Promise<string> {
  return (await ok(api('POST', '/properties', { name: `Estate ${uniq()}`, kind: 'residential', ...(parentId ? { parentId } : {}) }), 201)).id;
}
async function unit(propertyId: string, label: string, participationShare: string | null): Promise<string> {
  return (await ok(api('POST', `/properties/${propertyId}/units`, { label, kind: 'apartment', ...(participationShare === null ? {} : { participationShare }) }), 201)).id;
}
async function member(lastName = `O-${uniq()}`): Promise<string> {
  return (await ok(api('POST', '/members', { firstName: 'Olu', lastName, type: 'owner' }), 201)).id;
}
async function own(unitId: string, memberId: string, ownershipShare = '1', startDate = '2020-01-01'): Promise<string> {
  return (await ok(api('POST', `/units/${unitId}/occupants`, { memberId, role: 'owner', startDate, ownershipShare }), 201)).id;
}
/** A unit with one owner (a new member); returns both. */
async function ownedUnit(propertyId: string, label: string, share: string | null) {
  const unitId = await unit(propertyId, label, share);
  const memberId = await member();
  await own(unitId, memberId);
  return { unitId, memberId };
}

const levy = (propertyId: string, o: Record<string, unknown> = {}) => ({
  kind: 'levy',
  name: `Service charge ${uniq()}`,
  propertyId,
  budget: { amount: 10_000, currency: 'EUR' },
  frequency: 'monthly',
  dueDay: 5,
  startPeriod: '2025-01',
  ...o,
});
const newSchedule = async (body: Record<string, unknown>) => ok(api('POST', '/finance/schedules', body), 201);

const preview = (period: string, scheduleIds: string[]) => ok(api('POST', '/finance/billing-runs', { period, scheduleIds, dryRun: true }));
const start = (period: string, scheduleIds?: string[]) => api('POST', '/finance/billing-runs', { period, ...(scheduleIds ? { scheduleIds } : {}), dryRun: false });

/** The billing-run job's handler, as the platform would run it; `tuning` shrinks batches or stops between them. */
async function runJob(runId: string, tuning: BillingTuning = {}, o: { tenant?: Estate; retryCount?: number } = {}) {
  const job = billingJobs({ billing: tuning }).find((j) => j.name === 'finance.billing-run')!;
  const tenant = o.tenant ?? oak;
  await job.handler({ id: randomUUID(), name: job.name, data: { tenantId: tenant.id, runId }, retryCount: o.retryCount ?? 0 }, { ...t.platform.jobs.context(), now: () => new Date('2025-06-01T02:00:00Z') });
}

/** The events of a type in the tenant's outbox (no workers run in tests: nothing relays them away). */
const events = (type: string) =>
  tx(async (db) =>
    (await db.selectFrom('outbox').select(['id', 'type', 'data']).where('type', '=', type).orderBy('id').execute()).map((r) => ({
      id: r.id,
      type: r.type,
      data: (typeof r.data === 'string' ? JSON.parse(r.data) : r.data) as Record<string, unknown>,
    })),
  );

/** The charges a schedule made, by natural key. */
const chargesOf = (scheduleId: string) =>
  tx((db) =>
    db
      .selectFrom('financeCharges')
      .select(['naturalKey', 'memberId', 'unitId', 'amount', 'dueDate', 'description', 'kind'])
      .where('naturalKey', 'like', `schedule:${scheduleId}:%`)
      .orderBy('naturalKey')
      .execute(),
  );

const counts = () =>
  tx(async (db) => {
    const n = async (table: keyof TestTables) => Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    return { charges: await n('financeCharges'), entries: await n('financeEntries'), runs: await n('financeBillingRuns'), items: await n('financeBillingRunItems'), outbox: await n('outbox') };
  });

/** An estate of `shares.length` units, each owned by a member of its own, and a levy schedule on it. */
async function levyEstate(shares: (string | null)[], o: Record<string, unknown> = {}) {
  const propertyId = await property();
  const units = [];
  for (const [i, share] of shares.entries()) units.push({ label: `A-${String(i + 1).padStart(2, '0')}`, share, ...(await ownedUnit(propertyId, `A-${String(i + 1).padStart(2, '0')}`, share)) });
  const schedule = await newSchedule(levy(propertyId, o));
  return { propertyId, units, schedule };
}

describe('billing schedules', () => {
  it('adds, reads, lists, changes and removes a levy schedule', async () => {
    const propertyId = await property();
    const created = await newSchedule(levy(propertyId, { name: 'Levy AAA', description: '{schedule} {period}: unit {unit} of {property}' }));
    expect(created).toMatchObject({
      kind: 'levy', name: 'Levy AAA', propertyId, includeSubProperties: false, budget: { amount: 10_000, currency: 'EUR' }, frequency: 'monthly', dueDay: 5,
      renterSplit: null, startPeriod: '2025-01', endPeriod: null, active: true,
    });
    expect(await ok(api('GET', `/finance/schedules/${created.id}`))).toEqual(created);
    const listed = await ok(api('GET', `/finance/schedules?propertyId=${propertyId}`));
    expect(listed.data.map((s: { id: string }) => s.id)).toEqual([created.id]);

    const changed = await ok(api('PATCH', `/finance/schedules/${created.id}`, { budget: { amount: 12_000, currency: 'EUR' }, frequency: 'quarterly', active: false }));
    expect(changed).toMatchObject({ budget: { amount: 12_000 }, frequency: 'quarterly', active: false, name: 'Levy AAA' });
    expect((await ok(api('GET', `/finance/schedules?propertyId=${propertyId}&active=true`))).data).toEqual([]);
    expect((await events('billing_schedule.updated')).at(-1)?.data).toMatchObject({ id: created.id, changed: ['budget', 'frequency', 'active'] });

    expect((await api('DELETE', `/finance/schedules/${created.id}`)).statusCode).toBe(204);
    expectProblem(await api('GET', `/finance/schedules/${created.id}`), 404, 'not_found');
    expectProblem(await api('DELETE', `/finance/schedules/${created.id}`), 404, 'not_found');
  });

  it('refuses a schedule with invalid fields, naming each, and writes nothing', async () => {
    const before = await counts();
    const noProperty = await api('POST', '/finance/schedules', { kind: 'levy', name: 'X', startPeriod: '2025-01', description: 'Levy {month}' });
    expectProblem(noProperty, 400, 'validation_failed');
    expect(noProperty.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['budget', 'description', 'propertyId']);

    const rentWithBudget = await api('POST', '/finance/schedules', { kind: 'rent', name: 'Rent', startPeriod: '2025-03', endPeriod: '2025-01', budget: { amount: 1, currency: 'EUR' }, dueDay: 3 });
    expectProblem(rentWithBudget, 400, 'validation_failed');
    expect(rentWithBudget.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['budget', 'dueDay', 'endPeriod']);

    const shape = await api('POST', '/finance/schedules', { kind: 'levy', name: '', propertyId: 'nope', budget: { amount: 1.5, currency: 'eur' }, frequency: 'weekly', startPeriod: '2025-13' });
    expectProblem(shape, 400, 'validation_failed');

    const currency = await api('POST', '/finance/schedules', levy(await property(), { budget: { amount: 100, currency: 'XYZ' } }));
    expectProblem(currency, 400, 'validation_failed');
    expect(currency.json().errors).toEqual([expect.objectContaining({ field: 'budget.currency' })]);

    const unknown = await api('POST', '/finance/schedules', levy(randomUUID()));
    expectProblem(unknown, 404, 'not_found');
    expect(unknown.json().errors).toEqual([expect.objectContaining({ field: 'propertyId' })]);
    const after = await counts();
    expect(after.charges).toBe(before.charges);
  });

  it('refuses a second rent schedule over the same leases', async () => {
    const estateId = await property();
    const block = await property(estateId);
    const whole = await newSchedule({ kind: 'rent', name: 'Estate rent', propertyId: estateId, startPeriod: '2025-01' });
    expect(whole).toMatchObject({ kind: 'rent', includeSubProperties: true, renterSplit: 'lead', budget: null, frequency: null, dueDay: null });
    const overlapping = await api('POST', '/finance/schedules', { kind: 'rent', name: 'Block rent', propertyId: block, startPeriod: '2025-01' });
    expectProblem(overlapping, 409, 'finance.schedule_overlap');
    expect(overlapping.json().conflictingScheduleId).toBe(whole.id);
    // Confined to the estate's own units, it no longer reaches the block's leases.
    await ok(api('PATCH', `/finance/schedules/${whole.id}`, { includeSubProperties: false }));
    await newSchedule({ kind: 'rent', name: 'Block rent', propertyId: block, startPeriod: '2025-01' });
    expectProblem(await api('PATCH', `/finance/schedules/${whole.id}`, { includeSubProperties: true }), 409, 'finance.schedule_overlap');
  });
});

describe('levy splits', () => {
  it('splits 100.00 EUR over awkward shares so that the charges sum to exactly the budget', async () => {
    // 3 units of a third, 7 of a seventh: shares summing to ~2, normalised by their sum.
    const shares = [...Array.from({ length: 3 }, () => '0.333333333'), ...Array.from({ length: 7 }, () => '0.142700000')];
    const { units, schedule } = await levyEstate(shares);
    const p = await preview('2025-03', [schedule.id]);
    expect(p.charges).toHaveLength(10);
    expect(p.charges.reduce((s: number, c: { amount: number }) => s + c.amount, 0)).toBe(10_000);
    expect(p.totals).toEqual([{ currency: 'EUR', charges: 10, amount: 10_000 }]);
    // Exact parts: a third-unit 10000 × 0.333333333 / 1.998899999 = 1667.58…, a seventh 713.90…
    const byUnit = new Map(p.charges.map((c: { unitId: string; amount: number }) => [c.unitId, c.amount]));
    const exact = (share: number) => (10_000 * share) / (3 * 0.333333333 + 7 * 0.1427);
    for (const u of units) {
      const part = byUnit.get(u.unitId) as number;
      expect(Math.abs(part - exact(Number(u.share)))).toBeLessThan(1);
    }
    expect(p.charges[0]).toMatchObject({
      scheduleId: schedule.id, kind: 'levy', memberId: units[0]!.memberId, unitId: units[0]!.unitId, leaseId: null, currency: 'EUR',
      description: `${schedule.name} 2025-03: A-01`, periodStart: '2025-03-01', periodEnd: '2025-03-31', dueDate: '2025-03-05',
      naturalKey: `schedule:${schedule.id}:2025-03:${units[0]!.unitId}:${units[0]!.memberId}`,
    });
    expect(p.skipped).toEqual([]);
  });

  it('splits a unit’s part between its owners by ownership share, and reports units without a share or an owner', async () => {
    const propertyId = await property();
    const shared = await unit(propertyId, 'B-1', '0.5');
    const [a, b] = [await member(), await member()];
    await own(shared, a, '0.333333333');
    await own(shared, b, '0.666666667');
    const solo = await ownedUnit(propertyId, 'B-2', '0.25');
    const noOwner = await unit(propertyId, 'B-3', '0.25');
    const noShare = await ownedUnit(propertyId, 'B-4', null);
    const schedule = await newSchedule(levy(propertyId, { budget: { amount: 1_001, currency: 'GBP' } }));

    const p = await preview('2025-04-15', [schedule.id]);
    expect(p.period).toBe('2025-04');
    // B-1 gets 500.5 → 501 (the largest remainder), B-2 250, B-3 250 (no owner: not charged).
    const amounts = p.charges.map((c: { unitId: string; memberId: string; amount: number }) => [c.unitId, c.memberId, c.amount]);
    expect(amounts).toEqual([[shared, [a, b].sort()[0], expect.any(Number)], [shared, [a, b].sort()[1], expect.any(Number)], [solo.unitId, solo.memberId, 250]]);
    const ownerParts = new Map(p.charges.filter((c: { unitId: string }) => c.unitId === shared).map((c: { memberId: string; amount: number }) => [c.memberId, c.amount]));
    expect(ownerParts.get(a)).toBe(167);
    expect(ownerParts.get(b)).toBe(334);
    expect(p.skipped.map((s: { unitId: string; reason: string; amount: number | null }) => [s.unitId, s.reason, s.amount])).toEqual([
      [noOwner, 'no_owner', 250],
      [noShare.unitId, 'no_share', null],
    ]);
    expect(p.skipped[0].detail).toContain('no owner on 2025-04-01');
  });

  it('includes the units of the properties inside the estate when the schedule says so', async () => {
    const estateId = await property();
    const blockA = await property(estateId);
    const blockB = await property(estateId);
    const own1 = await ownedUnit(estateId, 'E-1', '0.2');
    const a1 = await ownedUnit(blockA, 'A-1', '0.4');
    const b1 = await ownedUnit(blockB, 'B-1', '0.4');
    const flat = await newSchedule(levy(estateId));
    const deep = await newSchedule(levy(estateId, { includeSubProperties: true }));
    expect((await preview('2025-01', [flat.id])).charges.map((c: { unitId: string; amount: number }) => [c.unitId, c.amount])).toEqual([[own1.unitId, 10_000]]);
    const all = (await preview('2025-01', [deep.id])).charges.map((c: { unitId: string; amount: number }) => [c.unitId, c.amount]);
    expect(new Map(all)).toEqual(new Map([[a1.unitId, 4_000], [b1.unitId, 4_000], [own1.unitId, 2_000]]));
  });

  it('bills a quarterly levy only in the months that begin its quarters', async () => {
    const { schedule } = await levyEstate(['1'], { frequency: 'quarterly', startPeriod: '2025-02', endPeriod: '2025-07' });
    const months = ['2025-01', '2025-02', '2025-03', '2025-05', '2025-08'];
    const billed = [];
    for (const m of months) billed.push((await preview(m, [schedule.id])).charges.length);
    expect(billed).toEqual([0, 1, 0, 1, 0]);
    expect((await preview('2025-05', [schedule.id])).charges[0]).toMatchObject({ periodStart: '2025-05-01', periodEnd: '2025-07-31', dueDate: '2025-05-05' });
  });

  it('previews without writing anything', async () => {
    const { schedule } = await levyEstate(['0.5', '0.5']);
    const before = await counts();
    const p = await preview('2025-02', [schedule.id]);
    expect(p.charges).toHaveLength(2);
    expect(await counts()).toEqual(before);
  });
});

describe('billing runs', () => {
  /** The job the `billing_run.queued` subscriber sends for a queued run, caught instead of queued. */
  async function sentJobFor(runId: string) {
    const event = (await events('billing_run.queued')).find((e) => e.data.id === runId)!;
    expect(event).toBeDefined();
    const sent: { name: string; data: object }[] = [];
    const ctx: JobContext = { ...t.platform.jobs.context(), queue: { send: async (name, data) => (sent.push({ name, data }), randomUUID()) } };
    await billingSubscribers({})[0]!.handle({ id: event.id, type: event.type, tenantId: oak.id, occurredAt: new Date().toISOString(), version: 1, data: event.data } satisfies DomainEvent, ctx);
    return sent;
  }

  it('queues a run, whose job creates every charge once and reports what it did', async () => {
    const { units, schedule } = await levyEstate(['0.3', '0.3', '0.4', null]);
    const res = await start('2025-05', [schedule.id]);
    expect(res.statusCode, res.body).toBe(202);
    const queued = res.json();
    expect(queued).toMatchObject({ period: '2025-05', scheduleIds: [schedule.id], status: 'queued', counts: { planned: 0, created: 0 }, startedAt: null });

    expect(await sentJobFor(queued.id)).toEqual([{ name: 'finance.billing-run', data: { tenantId: oak.id, runId: queued.id } }]);
    await runJob(queued.id);

    const run = await ok(api('GET', `/finance/billing-runs/${queued.id}`));
    expect(run).toMatchObject({ status: 'completed', counts: { planned: 3, created: 3, existing: 0, failed: 0, pending: 0, skipped: 1 }, errors: [] });
    const charges = await chargesOf(schedule.id);
    const byUnit = (rows: unknown[][]) => [...rows].sort((x, y) => (String(x[0]) < String(y[0]) ? -1 : 1));
    expect(byUnit(charges.map((c) => [c.unitId, c.memberId, Number(c.amount), c.kind, c.dueDate]))).toEqual(
      byUnit(units.slice(0, 3).map((u, i) => [u.unitId, u.memberId, [3_000, 3_000, 4_000][i], 'levy', '2025-05-05'])),
    );

    const items = await ok(api('GET', `/finance/billing-runs/${queued.id}/items`));
    expect(items.data.map((i: { status: string }) => i.status)).toEqual(['created', 'created', 'created', 'skipped']);
    expect(items.data.filter((i: { chargeId: string | null }) => i.chargeId).length).toBe(3);
    expect(items.data[3]).toMatchObject({ unitId: units[3]!.unitId, reason: 'no_share', chargeId: null });
    const skipped = await ok(api('GET', `/finance/billing-runs/${queued.id}/items?status=skipped`));
    expect(skipped.data).toHaveLength(1);
    if (t.platform.app.hasRoute({ method: 'GET', url: '/api/v1/finance/charges/:id' })) {
      const first = await ok(api('GET', `/finance/charges/${items.data[0].chargeId}`));
      expect(first).toMatchObject({ kind: 'levy', amount: 3_000, currency: 'EUR' });
    }

    const completed = (await events('billing_run.completed')).filter((e) => e.data.id === queued.id);
    expect(completed).toHaveLength(1);
    expect(completed[0]!.data).toMatchObject({ status: 'completed', counts: { created: 3, skipped: 1 } });
    expect((await ok(api('GET', '/finance/billing-runs?period=2025-05'))).data.map((r: { id: string }) => r.id)).toContain(queued.id);

    // The job again (at least once): nothing more.
    await runJob(queued.id);
    expect(await chargesOf(schedule.id)).toHaveLength(3);
    expect((await events('billing_run.completed')).filter((e) => e.data.id === queued.id)).toHaveLength(1);

    // A second run of the month finds every charge made.
    const again = (await start('2025-05', [schedule.id])).json();
    await runJob(again.id);
    expect(await ok(api('GET', `/finance/billing-runs/${again.id}`))).toMatchObject({ status: 'completed', counts: { planned: 3, created: 0, existing: 3, skipped: 1 } });
    expect(await chargesOf(schedule.id)).toHaveLength(3);
  });

  it('runs one run of a month at a time, and a run executed twice at once makes each charge once', async () => {
    const { schedule } = await levyEstate(['0.25', '0.25', '0.25', '0.25']);
    const [first, second] = await Promise.all([start('2025-06', [schedule.id]), start('2025-06', [schedule.id])]);
    const statuses = [first.statusCode, second.statusCode].sort();
    expect(statuses).toEqual([202, 409]);
    const refused = first.statusCode === 409 ? first : second;
    const accepted = (first.statusCode === 202 ? first : second).json();
    expect(refused.json().code).toBe('finance.billing_run_in_progress');

    await Promise.all([runJob(accepted.id, { batchSize: 1 }), runJob(accepted.id, { batchSize: 2 })]);
    expect(await chargesOf(schedule.id)).toHaveLength(4);
    expect(await ok(api('GET', `/finance/billing-runs/${accepted.id}`))).toMatchObject({ status: 'completed', counts: { planned: 4, created: 4, existing: 0 } });
    // Done: the month may run again.
    expect((await start('2025-06', [schedule.id])).statusCode).toBe(202);
  });

  it('resumes a run whose job died after its first batch, with no charge twice', async () => {
    const { schedule } = await levyEstate(Array.from({ length: 8 }, () => '0.125'));
    const run = (await start('2025-07', [schedule.id])).json();
    const killed = runJob(run.id, {
      batchSize: 3,
      afterBatch: (n) => {
        if (n === 1) throw new Error('worker killed');
      },
    });
    await expect(killed).rejects.toThrow('worker killed');
    expect(await ok(api('GET', `/finance/billing-runs/${run.id}`))).toMatchObject({ status: 'running', counts: { planned: 8, created: 3, pending: 5 } });
    expect(await chargesOf(schedule.id)).toHaveLength(3);

    await runJob(run.id, { batchSize: 3 });
    expect(await ok(api('GET', `/finance/billing-runs/${run.id}`))).toMatchObject({ status: 'completed', counts: { planned: 8, created: 8, existing: 0, pending: 0 } });
    const charges = await chargesOf(schedule.id);
    expect(charges).toHaveLength(8);
    expect(new Set(charges.map((c) => c.naturalKey)).size).toBe(8);
    expect(charges.reduce((s, c) => s + Number(c.amount), 0)).toBe(10_000);
  });

  it('charges the rest when the database refuses an item, and fails the run naming it', async () => {
    const { units, schedule } = await levyEstate(['0.25', '0.25', '0.25', '0.25']);
    const gone = units[2]!;
    const run = (await start('2025-11', [schedule.id])).json();
    // Between the plan and its third charge, the unit's owner is removed (a mistake undone).
    await runJob(run.id, {
      batchSize: 1,
      afterBatch: async (n) => {
        if (n !== 1) return;
        const occupants = await ok(api('GET', `/units/${gone.unitId}/occupants`));
        for (const o of occupants.data as { id: string }[]) expect((await api('DELETE', `/occupancies/${o.id}`)).statusCode).toBe(204);
        expect((await api('DELETE', `/members/${gone.memberId}`)).statusCode).toBe(204);
      },
    });
    const failed = await ok(api('GET', `/finance/billing-runs/${run.id}`));
    expect(failed).toMatchObject({ status: 'failed', counts: { planned: 4, created: 3, failed: 1, pending: 0 } });
    expect(failed.errors).toEqual([expect.objectContaining({ naturalKey: `schedule:${schedule.id}:2025-11:${gone.unitId}:${gone.memberId}` })]);
    const items = await ok(api('GET', `/finance/billing-runs/${run.id}/items?status=failed`));
    expect(items.data).toEqual([expect.objectContaining({ unitId: gone.unitId, status: 'failed', reason: 'error', chargeId: null })]);
    expect((await events('billing_run.failed')).filter((e) => e.data.id === run.id)).toHaveLength(1);
    expect((await chargesOf(schedule.id)).map((c) => c.unitId).sort()).toEqual([units[0]!.unitId, units[1]!.unitId, units[3]!.unitId].sort());
  });

  it('marks the run failed when its job runs out of retries', async () => {
    const { schedule } = await levyEstate(['0.5', '0.5']);
    const run = (await start('2025-12', [schedule.id])).json();
    // Each attempt dies after one charge; the fifth retry is the last.
    const dying = { batchSize: 1, afterBatch: () => { throw new Error('database unreachable'); } };
    await expect(runJob(run.id, dying, { retryCount: 1 })).rejects.toThrow('database unreachable');
    expect((await ok(api('GET', `/finance/billing-runs/${run.id}`))).status).toBe('running');
    await expect(runJob(run.id, dying, { retryCount: 5 })).rejects.toThrow('database unreachable');
    const failed = await ok(api('GET', `/finance/billing-runs/${run.id}`));
    expect(failed).toMatchObject({ status: 'failed', errors: [{ naturalKey: null, message: 'the run stopped: database unreachable' }] });
    expect((await events('billing_run.failed')).filter((e) => e.data.id === run.id)).toHaveLength(1);
    // A failed run frees the month.
    expect((await start('2025-12', [schedule.id])).statusCode).toBe(202);
  });

  it('never bills a unit’s levy to a new owner once it was billed to the old one', async () => {
    const propertyId = await property();
    const unitId = await unit(propertyId, 'S-1', '1');
    const seller = await member();
    const occupancy = await own(unitId, seller);
    const schedule = await newSchedule(levy(propertyId));
    const run = (await start('2025-08', [schedule.id])).json();
    await runJob(run.id);
    expect((await chargesOf(schedule.id)).map((c) => c.memberId)).toEqual([seller]);

    // The sale is recorded late: the buyer owns the unit from before the billed month.
    await ok(api('PATCH', `/occupancies/${occupancy}`, { endDate: '2025-07-31' }));
    const buyer = await member();
    await own(unitId, buyer, '1', '2025-08-01');
    const p = await preview('2025-08', [schedule.id]);
    expect(p.charges).toEqual([]);
    expect(p.skipped).toEqual([expect.objectContaining({ memberId: buyer, reason: 'billed_to_others' })]);
    const rerun = (await start('2025-08', [schedule.id])).json();
    await runJob(rerun.id);
    expect((await chargesOf(schedule.id)).map((c) => c.memberId)).toEqual([seller]);
    // The next month is the buyer's.
    expect((await preview('2025-09', [schedule.id])).charges.map((c: { memberId: string }) => c.memberId)).toEqual([buyer]);
  });

  it('refuses a run of an unknown schedule or a month that is not one', async () => {
    const unknown = randomUUID();
    const res = await start('2025-05', [unknown]);
    expectProblem(res, 404, 'not_found');
    expect(res.json().errors).toEqual([expect.objectContaining({ field: 'scheduleIds' })]);
    expectProblem(await api('POST', '/finance/billing-runs', { period: '2025-02-30', dryRun: true }), 400, 'validation_failed');
    expectProblem(await api('POST', '/finance/billing-runs', { period: '2025-05' }), 400, 'validation_failed');
    expectProblem(await api('GET', `/finance/billing-runs/${randomUUID()}`), 404, 'not_found');
    expectProblem(await api('GET', `/finance/billing-runs/${randomUUID()}/items`), 404, 'not_found');
  });

  it('keeps runs and schedules to their tenant', async () => {
    const elm = await estate(t, { slug: 'elm' });
    const { schedule } = await levyEstate(['1']);
    const run = (await start('2025-10', [schedule.id])).json();
    expectProblem(await api('GET', `/finance/schedules/${schedule.id}`, undefined, elm), 404, 'not_found');
    expectProblem(await api('GET', `/finance/billing-runs/${run.id}`, undefined, elm), 404, 'not_found');
    const theirs = await api('POST', '/finance/billing-runs', { period: '2025-10', scheduleIds: [schedule.id], dryRun: true }, elm);
    expectProblem(theirs, 404, 'not_found');
    // Their own run of the same month is theirs to start.
    expect((await api('POST', '/finance/billing-runs', { period: '2025-10', dryRun: false }, elm)).statusCode).toBe(202);
  });
});
