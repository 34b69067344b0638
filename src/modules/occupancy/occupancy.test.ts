import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { day, expectProblem, ok, today, type Estate } from '../../../test/fixture.js';
import type { TestPlatform } from '../../../test/helpers.js';
import { attach, newMember, newUnit, occupants, patch, startOccupancy } from '../../../test/occupancy-helpers.js';

/** Attaching members to units, with their dates and owners' shares; status, history and member scope are in occupancy.units.test.ts. */

let t: TestPlatform;
let oak: Estate;

beforeAll(async () => {
  ({ t, oak } = await startOccupancy());
});
afterAll(() => t?.close());

describe('attaching members to units', () => {
  it('attaches owners, residents, renters and household members, and lists them by role then start date', async () => {
    const unit = await newUnit('A-1');
    const [ada, bea, cal, dot] = [await newMember('Ada', 'owner'), await newMember('Bea', 'owner'), await newMember('Cal', 'renter'), await newMember('Dot', 'household')];
    const adaOwns = await ok(attach(unit, { memberId: ada, role: 'owner', startDate: day(-100), ownershipShare: '0.5', notes: 'Bought in spring' }));
    expect(adaOwns).toMatchObject({ unitId: unit, memberId: ada, role: 'owner', startDate: day(-100), endDate: null, ownershipShare: '0.5', leaseId: null, notes: 'Bought in spring' });
    expect(adaOwns.id).toMatch(/^[0-9a-f-]{36}$/);
    await ok(attach(unit, { memberId: bea, role: 'owner', startDate: day(-50), ownershipShare: 0.5 }));
    await ok(attach(unit, { memberId: ada, role: 'resident', startDate: day(-100) }));
    await ok(attach(unit, { memberId: dot, role: 'household', startDate: day(-10), endDate: day(30) }));
    await ok(attach(unit, { memberId: cal, role: 'renter', startDate: day(-10) }));

    const now = await occupants(unit);
    expect(now.unitId).toBe(unit);
    expect(now.date).toBe(today);
    expect(now.data.map((o: { role: string; member: { firstName: string } }) => `${o.role}:${o.member.firstName}`)).toEqual(['owner:Ada', 'owner:Bea', 'resident:Ada', 'renter:Cal', 'household:Dot']);
    expect(now.ownership).toEqual({
      owners: [
        { occupancyId: adaOwns.id, memberId: ada, ownershipShare: '0.5' },
        { occupancyId: expect.any(String), memberId: bea, ownershipShare: '0.5' },
      ],
      total: '1',
      balanced: true,
    });

    const before = await occupants(unit, `?date=${day(-60)}`);
    expect(before.data.map((o: { role: string; member: { firstName: string } }) => `${o.role}:${o.member.firstName}`)).toEqual(['owner:Ada', 'resident:Ada']);
    expect(before.ownership).toMatchObject({ total: '0.5', balanced: false });
    expect((await occupants(unit, `?date=${day(31)}`)).data).toHaveLength(4);
  });

  it('answers 404 for a unit or member that does not exist, and refuses invalid input with field errors', async () => {
    const unit = await newUnit('A-2');
    const eve = await newMember('Eve');
    const noUnit = await attach(randomUUID(), { memberId: eve, role: 'resident', startDate: today });
    expectProblem(noUnit, 404, 'not_found');
    expect(noUnit.json().detail).toBe('The unit was not found');
    const noMember = await attach(unit, { memberId: randomUUID(), role: 'resident', startDate: today });
    expectProblem(noMember, 404, 'not_found');
    expect(noMember.json().detail).toBe('The member was not found');
    expectProblem(await oak.api('GET', `/units/${randomUUID()}/occupants`), 404, 'not_found');
    expectProblem(await oak.api('GET', `/members/${randomUUID()}/units`), 404, 'not_found');

    expectProblem(await attach(unit, { memberId: eve, role: 'resident', startDate: day(5), endDate: day(4) }), 400, 'validation_failed', 'endDate');
    expectProblem(await attach(unit, { memberId: eve, role: 'resident', startDate: today, ownershipShare: '1' }), 400, 'validation_failed', 'ownershipShare');
    expectProblem(await attach(unit, { memberId: eve, role: 'owner', startDate: today }), 400, 'validation_failed', 'ownershipShare');
    expectProblem(await attach(unit, { memberId: eve, role: 'owner', startDate: today, ownershipShare: '0' }), 400, 'validation_failed', 'ownershipShare');
    expectProblem(await attach(unit, { memberId: eve, role: 'owner', startDate: today, ownershipShare: '1.5' }), 400, 'validation_failed', 'ownershipShare');
    // A JSON number is read as JSON wrote it: too fine, or out of range, it is refused like the string.
    for (const ownershipShare of [1e-10, 0.1234567891, 1.5, 0]) {
      expectProblem(await attach(unit, { memberId: eve, role: 'owner', startDate: today, ownershipShare }), 400, 'validation_failed', 'ownershipShare');
    }
    expectProblem(await attach(unit, { memberId: eve, role: 'lodger', startDate: '2024-02-30' }), 400, 'validation_failed', 'role');
    expectProblem(await attach(unit, { memberId: eve, role: 'resident', startDate: '2024-02-30' }), 400, 'validation_failed', 'startDate');
    expectProblem(await oak.api('GET', `/units/${unit}/occupants?date=yesterday`), 400, 'validation_failed', 'date');
    expect((await occupants(unit, '?history=true')).data).toEqual([]);
  });
});

describe('dates', () => {
  it('refuses overlapping dates for the same member, unit and role, and allows adjacent stays and other roles', async () => {
    const unit = await newUnit('B-1');
    const [fay, gus] = [await newMember('Fay'), await newMember('Gus')];
    const first = await ok(attach(unit, { memberId: fay, role: 'resident', startDate: day(-30), endDate: day(-1) }));
    // Ranges are inclusive: sharing the last day is an overlap.
    const overlap = await attach(unit, { memberId: fay, role: 'resident', startDate: day(-1) });
    expectProblem(overlap, 409, 'occupancy.overlap', 'startDate');
    expect(overlap.json().detail).toContain(`already a resident of this unit from ${day(-30)} to ${day(-1)}`);
    const next = await ok(attach(unit, { memberId: fay, role: 'resident', startDate: today }));
    expectProblem(await attach(unit, { memberId: fay, role: 'resident', startDate: day(300), endDate: day(400) }), 409, 'occupancy.overlap', 'startDate');
    await ok(attach(unit, { memberId: fay, role: 'household', startDate: day(-30) }));
    await ok(attach(unit, { memberId: gus, role: 'resident', startDate: day(-30) }));
    // Moving the end of the first stay later would make it overlap the next one.
    expectProblem(await patch(first.id, { endDate: today }), 409, 'occupancy.overlap', 'startDate');
    expectProblem(await patch(first.id, { endDate: null }), 409, 'occupancy.overlap');
    expectProblem(await patch(next.id, { endDate: day(-1) }), 400, 'validation_failed', 'endDate');
    expect((await occupants(unit, '?history=true')).data.filter((o: { memberId: string; role: string }) => o.memberId === fay && o.role === 'resident')).toHaveLength(2);
  });

  it('lets exactly one of two concurrent requests for the same stay through: the database decides', async () => {
    const unit = await newUnit('B-2');
    for (let i = 0; i < 4; i++) {
      const member = await newMember(`Racer${i}`);
      const body = { memberId: member, role: 'resident', startDate: day(i), endDate: day(i + 10) };
      const results = await Promise.all([attach(unit, body), attach(unit, { ...body, startDate: day(i + 5), endDate: null })]);
      expect(results.map((r) => r.statusCode).sort(), results.map((r) => r.body).join('\n')).toEqual([201, 409]);
      expect(results.find((r) => r.statusCode === 409)!.json().code).toBe('occupancy.overlap');
    }
    const rows = await oak.tx((db) => db.selectFrom('occupancies').select('memberId').where('unitId', '=', unit).execute());
    expect(rows).toHaveLength(4);
  });
});

describe("owners' shares", () => {
  it('reports the total of the current owners and refuses a write that takes it past 1', async () => {
    const unit = await newUnit('C-1');
    const [hal, ivy, jo, kit] = [await newMember('Hal', 'owner'), await newMember('Ivy', 'owner'), await newMember('Jo', 'owner'), await newMember('Kit', 'owner')];
    const halOwns = await ok(attach(unit, { memberId: hal, role: 'owner', startDate: day(-365), ownershipShare: '0.600' }));
    expect(halOwns.ownershipShare).toBe('0.6');
    expect((await occupants(unit)).ownership).toEqual({ owners: [{ occupancyId: halOwns.id, memberId: hal, ownershipShare: '0.6' }], total: '0.6', balanced: false });

    const tooMuch = await attach(unit, { memberId: ivy, role: 'owner', startDate: day(-30), ownershipShare: '0.5' });
    expectProblem(tooMuch, 409, 'occupancy.shares_exceed_whole', 'ownershipShare');
    expect(tooMuch.json().detail).toContain(`would total 1.1 on ${day(-30)}`);
    const ivyOwns = await ok(attach(unit, { memberId: ivy, role: 'owner', startDate: day(-30), ownershipShare: '0.4' }));
    expect((await occupants(unit)).ownership).toMatchObject({ total: '1', balanced: true });
    expectProblem(await patch(ivyOwns.id, { ownershipShare: '0.45' }), 409, 'occupancy.shares_exceed_whole', 'ownershipShare');
    // A future owner counts from their first day: a sale is recorded by ending the seller first.
    expectProblem(await attach(unit, { memberId: jo, role: 'owner', startDate: day(10), ownershipShare: '0.6' }), 409, 'occupancy.shares_exceed_whole', 'ownershipShare');
    await ok(patch(halOwns.id, { endDate: day(9) }), 200);
    const joOwns = await ok(attach(unit, { memberId: jo, role: 'owner', startDate: day(10), ownershipShare: '0.6' }));
    expect((await occupants(unit, `?date=${day(10)}`)).ownership).toEqual({
      owners: [
        { occupancyId: ivyOwns.id, memberId: ivy, ownershipShare: '0.4' },
        { occupancyId: joOwns.id, memberId: jo, ownershipShare: '0.6' },
      ],
      total: '1',
      balanced: true,
    });
    // Reopening the seller's ownership would overlap the buyer's.
    expectProblem(await patch(halOwns.id, { endDate: null }), 409, 'occupancy.shares_exceed_whole', 'ownershipShare');
    expectProblem(await attach(unit, { memberId: kit, role: 'owner', startDate: day(100), ownershipShare: '0.000000001' }), 409, 'occupancy.shares_exceed_whole', 'ownershipShare');
    const thirds = await newUnit('C-2');
    for (const member of [hal, ivy, jo]) await ok(attach(thirds, { memberId: member, role: 'owner', startDate: today, ownershipShare: '0.333333333' }));
    expect((await occupants(thirds)).ownership).toMatchObject({ total: '0.999999999', balanced: false });
    const kitResides = await ok(attach(thirds, { memberId: kit, role: 'resident', startDate: today }));
    expectProblem(await patch(kitResides.id, { ownershipShare: '0.1' }), 400, 'validation_failed', 'ownershipShare');
  });

  it('lets only one of two owners added at once take a share that leaves no room for the other', async () => {
    const unit = await newUnit('C-3');
    const [lea, max] = [await newMember('Lea', 'owner'), await newMember('Max', 'owner')];
    const results = await Promise.all([
      attach(unit, { memberId: lea, role: 'owner', startDate: today, ownershipShare: '0.6' }),
      attach(unit, { memberId: max, role: 'owner', startDate: today, ownershipShare: '0.6' }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect((await occupants(unit)).ownership.total).toBe('0.6');
  });
});
