import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, counts, events, levy, levyEstate, member, newSchedule, ok, own, ownedUnit, preview, property, startBilling, unit } from '../../../../test/billing-helpers.js';
import { expectProblem } from '../../../../test/fixture.js';
import type { TestPlatform } from '../../../../test/helpers.js';

/** Billing schedules and how a levy splits; the runs are in billing.runs.test.ts. */

let t: TestPlatform;

beforeAll(async () => {
  ({ t } = await startBilling());
});
afterAll(() => t?.close());

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
