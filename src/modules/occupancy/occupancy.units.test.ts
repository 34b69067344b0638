import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { day, expectProblem, ok, today, type Estate } from '../../../test/fixture.js';
import type { TestPlatform } from '../../../test/helpers.js';
import { attach, attachedTo, eventsOf, newMember, newUnit, occupants, patch, startOccupancy, statusOf } from '../../../test/occupancy-helpers.js';
import type { TenantInfo } from '../../kernel/context.js';
import { newId } from '../../kernel/ids.js';
import { addLeaseOccupancies } from './index.js';

/** A unit's status as dates pass, occupancy history, and what a member sees of occupancy. */

let t: TestPlatform;
let oak: Estate;

beforeAll(async () => {
  ({ t, oak } = await startOccupancy());
});
afterAll(() => t?.close());

describe('unit status', () => {
  it('derives vacant, occupied and owner-occupied from who lives there today, and attaches members current and coming', async () => {
    const [ned, ora, pip] = [await newMember('Ned', 'owner'), await newMember('Ora'), await newMember('Pip', 'renter')];
    const ownerLivesThere = await newUnit('D-1');
    await ok(attach(ownerLivesThere, { memberId: ned, role: 'owner', startDate: day(-10), ownershipShare: '1' }));
    expect(await statusOf(ownerLivesThere)).toBe('vacant');
    await ok(attach(ownerLivesThere, { memberId: ned, role: 'resident', startDate: day(-10) }));
    expect(await statusOf(ownerLivesThere)).toBe('owner-occupied');

    const letOut = await newUnit('D-2');
    await ok(attach(letOut, { memberId: ned, role: 'owner', startDate: day(-10), ownershipShare: '1' }));
    await ok(attach(letOut, { memberId: pip, role: 'renter', startDate: day(-5) }));
    expect(await statusOf(letOut)).toBe('occupied');
    expect(await attachedTo(letOut)).toEqual([ned, pip].sort());

    const household = await newUnit('D-3');
    await ok(attach(household, { memberId: ora, role: 'household', startDate: today }));
    expect(await statusOf(household)).toBe('occupied');

    const coming = await newUnit('D-4');
    await ok(attach(coming, { memberId: ora, role: 'resident', startDate: day(1) }));
    expect(await statusOf(coming)).toBe('vacant');
    expect(await attachedTo(coming)).toEqual([ora]);

    const past = await newUnit('D-5');
    const stay = await ok(attach(past, { memberId: pip, role: 'resident', startDate: day(-30) }));
    expect(await statusOf(past)).toBe('occupied');
    // The end day is still lived in.
    await ok(patch(stay.id, { endDate: today }), 200);
    expect(await statusOf(past)).toBe('occupied');
    await ok(patch(stay.id, { endDate: day(-1) }), 200);
    expect(await statusOf(past)).toBe('vacant');
    expect(await attachedTo(past)).toEqual([]);

    // A mistake removed: nobody is left attached.
    const mistake = await newUnit('D-6');
    const wrong = await ok(attach(mistake, { memberId: ora, role: 'resident', startDate: day(-3) }));
    expect(await statusOf(mistake)).toBe('occupied');
    await ok(oak.api('DELETE', `/occupancies/${wrong.id}`), 204);
    expect(await statusOf(mistake)).toBe('vacant');
    expect(await attachedTo(mistake)).toEqual([]);

    const changes = (await oak.outbox('unit.status_changed')).filter((e) => e.data.id === past);
    expect(changes.map((c) => `${c.data.previousStatus}>${c.data.status}`)).toEqual(['vacant>occupied', 'occupied>vacant']);
  });

  it('keeps the status right when two changes to one unit race', async () => {
    for (let i = 0; i < 8; i++) {
      const unit = await newUnit(`R-${i}`);
      const [leaver, comer] = [await newMember(`Leaver${i}`), await newMember(`Comer${i}`)];
      const leaving = await ok(attach(unit, { memberId: leaver, role: 'resident', startDate: day(-30) }));
      // Each change alone would leave the unit vacant or occupied; together, occupied.
      const [ended, added] = await Promise.all([patch(leaving.id, { endDate: day(-1) }), attach(unit, { memberId: comer, role: 'resident', startDate: today })]);
      expect([ended.statusCode, added.statusCode]).toEqual([200, 201]);
      expect(await statusOf(unit)).toBe('occupied');
      expect(await attachedTo(unit)).toEqual([comer]);
    }
  });

  it('moves statuses as dates pass with the daily refresh job', async () => {
    const [quin, rae] = [await newMember('Quin'), await newMember('Rae')];
    const movingIn = await newUnit('E-1');
    await ok(attach(movingIn, { memberId: quin, role: 'resident', startDate: day(3) }));
    const movingOut = await newUnit('E-2');
    await ok(attach(movingOut, { memberId: rae, role: 'renter', startDate: day(-100), endDate: day(1) }));
    expect([await statusOf(movingIn), await statusOf(movingOut)]).toEqual(['vacant', 'occupied']);

    const job = t.platform.modules.get('occupancy')!.jobs!.find((j) => j.name === 'occupancy.refresh')!;
    expect(job.schedule).toEqual({ cron: '10 0 * * *', perTenant: true, tenantLocal: true });
    const runOn = (date: string) => job.handler({ id: randomUUID(), name: job.name, data: { tenantId: oak.id }, retryCount: 0 }, { ...t.platform.jobs.context(), now: () => new Date(`${date}T00:10:00Z`) });

    await runOn(day(2));
    expect([await statusOf(movingIn), await statusOf(movingOut)]).toEqual(['vacant', 'vacant']);
    expect(await attachedTo(movingOut)).toEqual([]);
    expect(await attachedTo(movingIn)).toEqual([quin]);
    await runOn(day(3));
    expect(await statusOf(movingIn)).toBe('occupied');
    // Run twice, or late: the same outcome, and nothing new to say.
    const before = await oak.tx((db) => db.selectFrom('outbox').select('id').where('type', '=', 'unit.status_changed').execute());
    await runOn(day(3));
    const after = await oak.tx((db) => db.selectFrom('outbox').select('id').where('type', '=', 'unit.status_changed').execute());
    expect(after).toHaveLength(before.length);
    // Back to the real today, as the next request would leave it.
    await runOn(today);
    expect([await statusOf(movingIn), await statusOf(movingOut)]).toEqual(['vacant', 'occupied']);
  });

  it('schedules the refresh daily, one job per tenant and tick', async () => {
    const tick = randomUUID();
    // Ten past midnight where the tenants are (UTC here): the quarter-hour tick that meets it.
    const at = new Date(`${today}T00:10:30Z`);
    expect(await t.platform.jobs.fanOut('occupancy.refresh', tick, at)).toBeGreaterThanOrEqual(1);
    expect(await t.platform.jobs.fanOut('occupancy.refresh', tick, at)).toBe(0);
    expect(await t.platform.jobs.fanOut('occupancy.refresh', randomUUID(), new Date(`${today}T01:10:30Z`))).toBe(0);
    const schedules = await t.platform.main.session((s) => s.rows<{ name: string; cron: string }>('SELECT name, cron FROM pgboss.schedule', []));
    expect(schedules).toContainEqual({ name: 'tick.occupancy.refresh', cron: '10,25,40,55 * * * *' });
  });
});

describe('history', () => {
  it('keeps an ended occupancy as history, makes a new stay a new row, and removes only mistakes', async () => {
    const unit = await newUnit('F-1');
    const sam = await newMember('Sam');
    const stay = await ok(attach(unit, { memberId: sam, role: 'resident', startDate: day(-400) }));
    expectProblem(await patch(stay.id, { startDate: day(-399) }), 409, 'occupancy.start_date_fixed', 'startDate');
    const noted = await ok(patch(stay.id, { notes: 'Has a dog' }), 200);
    expect(noted).toMatchObject({ notes: 'Has a dog', endDate: null, startDate: day(-400) });
    const ended = await ok(patch(stay.id, { endDate: day(-1) }), 200);
    expect(ended).toMatchObject({ id: stay.id, endDate: day(-1), notes: 'Has a dog' });

    expect((await occupants(unit)).data).toEqual([]);
    expect((await occupants(unit, '?history=true')).data.map((o: { id: string; endDate: string }) => [o.id, o.endDate])).toEqual([[stay.id, day(-1)]]);
    expect((await ok(oak.api('GET', `/members/${sam}/units`), 200)).data).toEqual([]);
    const all = await ok(oak.api('GET', `/members/${sam}/units?history=true`), 200);
    expect(all).toEqual({ memberId: sam, data: [expect.objectContaining({ id: stay.id, role: 'resident', unit: { id: unit, label: 'F-1', propertyId: oak.propertyId } })] });
    expect((await ok(oak.api('GET', `/members/${sam}/units?current=false`), 200)).data).toHaveLength(1);

    const again = await ok(attach(unit, { memberId: sam, role: 'resident', startDate: day(30) }));
    expect((await ok(oak.api('GET', `/members/${sam}/units`), 200)).data.map((o: { id: string }) => o.id)).toEqual([again.id]);
    // Not begun yet: its start may still move.
    expect((await ok(patch(again.id, { startDate: day(20) }), 200)).startDate).toBe(day(20));
    expect((await occupants(unit, '?history=true')).data).toHaveLength(2);

    await ok(oak.api('DELETE', `/occupancies/${again.id}`), 204);
    expectProblem(await oak.api('DELETE', `/occupancies/${again.id}`), 404, 'not_found');
    expectProblem(await patch(again.id, { notes: 'x' }), 404, 'not_found');
    expectProblem(await patch(stay.id, {}), 400, 'validation_failed');

    const shape = (o: { id: string; startDate: string }, endDate: string | null) => ({ id: o.id, unitId: unit, memberId: sam, role: 'resident', startDate: o.startDate, endDate, leaseId: null });
    expect(await eventsOf(stay.id)).toEqual([
      { type: 'occupancy.created', data: shape(stay, null) },
      { type: 'occupancy.updated', data: shape(stay, null) },
      { type: 'occupancy.ended', data: shape(stay, day(-1)) },
    ]);
    expect((await eventsOf(again.id)).map((e: { type: string }) => e.type)).toEqual(['occupancy.created', 'occupancy.updated', 'occupancy.deleted']);
  });

  it('leaves the occupancies a lease made to the lease', async () => {
    const unit = await newUnit('F-2');
    const [tom, uma] = [await newMember('Tom', 'renter'), await newMember('Uma', 'renter')];
    const lease = await ok(oak.api('POST', '/leases', { unitId: unit, renterIds: [tom, uma], startDate: day(-10), endDate: day(355), rent: { amount: 100_000, currency: 'EUR' }, frequency: 'monthly', dueDay: 1 }));
    await ok(oak.api('POST', `/leases/${lease.id}/activate`), 200);
    expect(await statusOf(unit)).toBe('occupied');
    const made = (await occupants(unit)).data as { id: string; role: string; leaseId: string }[];
    expect(made.map((o) => [o.role, o.leaseId])).toEqual([['renter', lease.id], ['renter', lease.id]]);
    for (const o of made) {
      expectProblem(await patch(o.id, { endDate: today }), 409, 'occupancy.managed_by_lease');
      expectProblem(await oak.api('DELETE', `/occupancies/${o.id}`), 409, 'occupancy.managed_by_lease');
    }
    // A renter of the lease cannot be added again by hand for those dates,
    expectProblem(await attach(unit, { memberId: tom, role: 'renter', startDate: day(100) }), 409, 'occupancy.overlap');
    // nor by another lease's activation: the exclusion constraint refuses it, and the activation rolls back.
    const overlapping = oak.tx(async (db, trx) => {
      const draft = newId();
      await db.insertInto('leases').values({ tenantId: oak.id, id: draft, unitId: unit, startDate: day(100), rentAmount: 100_000, currency: 'EUR', frequency: 'monthly', dueDay: 1 }).execute();
      await addLeaseOccupancies({ db: trx, tenant: { id: oak.id } as TenantInfo }, { leaseId: draft, unitId: unit, renterIds: [tom], startDate: day(100), endDate: null });
    });
    await expect(overlapping).rejects.toMatchObject({ code: 'occupancy.overlap', extra: { errors: [{ field: 'renterIds' }] } });

    await ok(oak.api('POST', `/leases/${lease.id}/terminate`, { date: day(-1) }), 200);
    expect(await statusOf(unit)).toBe('vacant');
    expect((await occupants(unit, '?history=true')).data.map((o: { endDate: string }) => o.endDate)).toEqual([day(-1), day(-1)]);
    expect((await eventsOf(made[0]!.id)).map((e: { type: string }) => e.type)).toEqual(['occupancy.created', 'occupancy.ended']);
  });
});

describe('member scope', () => {
  let vic: { member: string; token: string; unit: string };
  let wes: { member: string; unit: string };
  let coming: { member: string; token: string; unit: string };
  let gone: { member: string; token: string; unit: string };

  const portalLogin = async (memberId: string, email: string): Promise<string> => (await oak.newPortalUser(memberId, email)).token;

  beforeAll(async () => {
    const [v, w, c, g] = [await newMember('Vic', 'owner'), await newMember('Wes'), await newMember('Cleo'), await newMember('Gil')];
    const [vu, wu, cu, gu] = [await newUnit('G-1'), await newUnit('G-2'), await newUnit('G-3'), await newUnit('G-4')];
    await ok(attach(vu, { memberId: v, role: 'owner', startDate: day(-100), ownershipShare: '1', notes: 'Staff only: owes the service charge' }));
    await ok(attach(vu, { memberId: v, role: 'resident', startDate: day(-100) }));
    await ok(attach(wu, { memberId: w, role: 'resident', startDate: day(-100), notes: 'Private note of Wes' }));
    await ok(attach(cu, { memberId: c, role: 'resident', startDate: day(14) }));
    await ok(attach(gu, { memberId: g, role: 'resident', startDate: day(-100), endDate: day(-1) }));
    vic = { member: v, token: await portalLogin(v, 'vic@oak.test'), unit: vu };
    wes = { member: w, unit: wu };
    coming = { member: c, token: await portalLogin(c, 'cleo@oak.test'), unit: cu };
    gone = { member: g, token: await portalLogin(g, 'gil@oak.test'), unit: gu };
  });

  it("shows a member their unit's occupants and their own units, without staff notes", async () => {
    const mine = await ok(oak.api('GET', `/units/${vic.unit}/occupants`, undefined, { token: vic.token }), 200);
    expect(mine.data.map((o: { role: string; memberId: string }) => [o.role, o.memberId])).toEqual([['owner', vic.member], ['resident', vic.member]]);
    expect(mine.ownership).toMatchObject({ total: '1', balanced: true });
    expect(mine.data[0]).not.toHaveProperty('notes');
    expect(JSON.stringify(mine)).not.toContain('Staff only');
    const units = await ok(oak.api('GET', `/members/${vic.member}/units`, undefined, { token: vic.token }), 200);
    expect(units.data.map((o: { unit: { label: string }; role: string }) => `${o.unit.label}:${o.role}`)).toEqual(['G-1:owner', 'G-1:resident']);
    expect(units.data[0]).not.toHaveProperty('notes');
    // Staff see the notes.
    expect((await occupants(vic.unit)).data[0].notes).toBe('Staff only: owes the service charge');

    // Attached from a coming date: the unit is theirs to see already.
    expect((await ok(oak.api('GET', `/units/${coming.unit}/occupants?history=true`, undefined, { token: coming.token }), 200)).data).toHaveLength(1);
  });

  it("answers 404 for another member's unit and units, and for a unit the member has left", async () => {
    for (const url of [
      `/units/${wes.unit}/occupants`,
      `/units/${wes.unit}/occupants?history=true`,
      `/units/${randomUUID()}/occupants`,
      `/members/${wes.member}/units`,
      `/members/${randomUUID()}/units`,
      `/units/${wes.member}/occupants`,
    ]) {
      const res = await oak.api('GET', url, undefined, { token: vic.token });
      expectProblem(res, 404, 'not_found');
      expect(res.body).not.toContain('Private note of Wes');
    }
    expectProblem(await oak.api('GET', `/units/${gone.unit}/occupants`, undefined, { token: gone.token }), 404, 'not_found');
    expect((await ok(oak.api('GET', `/members/${gone.member}/units?history=true`, undefined, { token: gone.token }), 200)).data).toHaveLength(1);
    expect((await ok(oak.api('GET', `/members/${gone.member}/units`, undefined, { token: gone.token }), 200)).data).toEqual([]);
  });

  it('refuses a member every write', async () => {
    expectProblem(await oak.api('POST', `/units/${vic.unit}/occupants`, { memberId: vic.member, role: 'household', startDate: today }, { token: vic.token }), 403, 'permission_denied');
    const [own] = (await occupants(vic.unit)).data as { id: string }[];
    expectProblem(await oak.api('PATCH', `/occupancies/${own!.id}`, { notes: 'mine' }, { token: vic.token }), 403, 'permission_denied');
    expectProblem(await oak.api('DELETE', `/occupancies/${own!.id}`, undefined, { token: vic.token }), 403, 'permission_denied');
  });
});
