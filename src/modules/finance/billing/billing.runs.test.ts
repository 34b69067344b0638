import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, chargesOf, events, levy, levyEstate, member, newSchedule, ok, own, preview, property, runJob, start, startBilling, unit } from '../../../../test/billing-helpers.js';
import { estate, expectProblem, type Estate } from '../../../../test/fixture.js';
import type { TestPlatform } from '../../../../test/helpers.js';
import type { DomainEvent } from '../../../kernel/events/event.js';
import type { JobContext } from '../../../kernel/jobs/job.js';
import { billingSubscribers } from './billing.routes.js';

/** Billing runs: queued, run by their job once per charge, resumed, failed, and kept to their tenant. */

let t: TestPlatform;
let oak: Estate;

beforeAll(async () => {
  ({ t, oak } = await startBilling());
});
afterAll(() => t?.close());

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
