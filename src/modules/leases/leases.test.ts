import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform, type TestPlatform, type TestTenant } from '../../../test/helpers.js';
import { addDays, isoDate } from '../../kernel/dates.js';
import type { Db } from '../../kernel/db/tables.js';
import { newId } from '../../kernel/ids.js';

let t: TestPlatform;
let oak: TestTenant;

beforeAll(async () => {
  t = await startPlatform();
  oak = await t.createTenant('oak');
});
afterAll(() => t?.close());

const today = isoDate(new Date());
const day = (n: number) => addDays(today, n);

type Method = 'GET' | 'POST' | 'PATCH';
const api = (method: Method, url: string, body?: unknown, o: { tenant?: TestTenant; token?: string; headers?: Record<string, string> } = {}) =>
  t.call(method, `/api/v1${url}`, { token: o.token ?? (o.tenant ?? oak).token, tenant: (o.tenant ?? oak).slug, ...(body !== undefined ? { body } : {}), ...(o.headers ? { headers: o.headers } : {}) });

/** A real tenant-bound transaction (row-level security applies), for fixtures and for looking. */
const tx = <T>(tenant: TestTenant, fn: (db: Db) => Promise<T>) => t.platform.jobs.context().tenantTransaction(tenant.id, fn);

function expectProblem(res: LightMyRequestResponse, status: number, code: string) {
  expect({ status: res.statusCode, code: res.json().code }, res.body).toEqual({ status, code });
}

/** A unit to let: through the properties API when it is there, else rows in a real tenant transaction. */
async function newUnit(tenant: TestTenant = oak, label = `U-${randomUUID().slice(0, 8)}`): Promise<{ id: string; propertyId: string }> {
  if (t.platform.app.hasRoute({ method: 'POST', url: '/api/v1/properties/:id/units' })) {
    const property = await api('POST', '/properties', { name: `P-${randomUUID().slice(0, 8)}`, kind: 'residential' }, { tenant });
    expect(property.statusCode, property.body).toBe(201);
    const unit = await api('POST', `/properties/${property.json().id}/units`, { label, kind: 'apartment' }, { tenant });
    expect(unit.statusCode, unit.body).toBe(201);
    return { id: unit.json().id, propertyId: property.json().id };
  }
  const propertyId = newId();
  const id = newId();
  await tx(tenant, async (db) => {
    await db.insertInto('properties').values({ tenant_id: tenant.id, id: propertyId, name: `P-${propertyId}`, kind: 'residential' }).execute();
    await db.insertInto('units').values({ tenant_id: tenant.id, id, property_id: propertyId, label, kind: 'apartment' }).execute();
  });
  return { id, propertyId };
}

async function newMember(tenant: TestTenant = oak, lastName = `R-${randomUUID().slice(0, 8)}`): Promise<string> {
  const res = await api('POST', '/members', { firstName: 'Rhea', lastName, type: 'renter' }, { tenant });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

const terms = (unitId: string, renterIds: string[], o: Record<string, unknown> = {}) => ({
  unitId,
  renterIds,
  startDate: day(-10),
  endDate: day(355),
  rent: { amount: 120_000, currency: 'EUR' },
  frequency: 'monthly',
  dueDay: 1,
  deposit: 240_000,
  ...o,
});

async function draft(o: Record<string, unknown> = {}, tenant: TestTenant = oak) {
  const unitId = (o.unitId as string | undefined) ?? (await newUnit(tenant)).id;
  const renterIds = (o.renterIds as string[] | undefined) ?? [await newMember(tenant)];
  const res = await api('POST', '/leases', terms(unitId, renterIds, o), { tenant });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function activate(id: string, tenant: TestTenant = oak) {
  const res = await api('POST', `/leases/${id}/activate`, undefined, { tenant });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** The occupancies a lease made (read in a tenant transaction: the occupancy API may not exist yet). */
const occupanciesOf = (leaseId: string, tenant: TestTenant = oak) =>
  tx<{ member_id: string; role: string; start_date: string; end_date: string | null }[]>(tenant, (db) =>
    db.selectFrom('occupancies').select(['member_id', 'role', 'start_date', 'end_date']).where('lease_id', '=', leaseId).orderBy('member_id').execute(),
  );

/** The unit's status as the properties API tells it (or its row, before that API exists). */
async function unitStatus(unitId: string, tenant: TestTenant = oak): Promise<string> {
  if (t.platform.app.hasRoute({ method: 'GET', url: '/api/v1/units/:id' })) {
    const res = await api('GET', `/units/${unitId}`, undefined, { tenant });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().status;
  }
  return (await tx<{ status: string }>(tenant, (db) => db.selectFrom('units').select('status').where('id', '=', unitId).executeTakeFirstOrThrow())).status;
}

/** The events of a type in the tenant's outbox (no workers run in tests: nothing relays them away). */
const events = (type: string, tenant: TestTenant = oak) =>
  tx<{ data: Record<string, unknown> }[]>(tenant, async (db) =>
    (await db.selectFrom('outbox').select('data').where('type', '=', type).orderBy('occurred_at').orderBy('id').execute()).map((r: { data: unknown }) => ({
      data: (typeof r.data === 'string' ? JSON.parse(r.data) : r.data) as Record<string, unknown>,
    })),
  );
const eventsOf = async (type: string, leaseId: string, tenant: TestTenant = oak) => (await events(type, tenant)).map((e) => e.data).filter((d) => d.id === leaseId);

async function runDaily(now: Date, tenant: TestTenant = oak) {
  const job = t.platform.modules.get('leases')!.jobs!.find((j) => j.name === 'leases.daily')!;
  await job.handler({ id: randomUUID(), name: job.name, data: { tenantId: tenant.id }, retryCount: 0 }, { ...t.platform.jobs.context(), now: () => now });
}
const at = (date: string) => new Date(`${date}T06:00:00Z`);

describe('drafting leases', () => {
  it('drafts a lease with its terms, reads it back and lists it', async () => {
    const unit = await newUnit();
    const [a, b] = [await newMember(), await newMember()];
    const res = await api('POST', '/leases', terms(unit.id, [b, a], { notes: 'Two renters' }));
    expect(res.statusCode, res.body).toBe(201);
    const lease = res.json();
    expect(lease).toMatchObject({
      unitId: unit.id, renterIds: [b, a], status: 'draft', startDate: day(-10), endDate: day(355), rent: { amount: 120_000, currency: 'EUR' },
      frequency: 'monthly', dueDay: 1, deposit: 240_000, notes: 'Two renters', previousLeaseId: null, successorId: null, activatedAt: null,
    });
    expect((await api('GET', `/leases/${lease.id}`)).json()).toEqual(lease);
    expect((await eventsOf('lease.created', lease.id))).toHaveLength(1);

    const listed = (await api('GET', `/leases?unitId=${unit.id}`)).json();
    expect(listed.data.map((l: { id: string }) => l.id)).toEqual([lease.id]);
    expect((await api('GET', `/leases?memberId=${a}`)).json().data.map((l: { id: string }) => l.id)).toEqual([lease.id]);
  });

  it('defaults to a periodic monthly lease due on the start day, with no deposit', async () => {
    const unit = await newUnit();
    const res = await api('POST', '/leases', { unitId: unit.id, renterIds: [await newMember()], startDate: '2031-03-17', rent: { amount: 99_00, currency: 'GBP' } });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ endDate: null, frequency: 'monthly', dueDay: 17, deposit: 0, notes: '' });
    const weekly = await api('POST', '/leases', { unitId: unit.id, renterIds: [await newMember()], startDate: '2031-03-17', frequency: 'weekly', rent: { amount: 250_00, currency: 'GBP' } });
    expect(weekly.json().dueDay).toBe(1); // 17 March 2031 is a Monday
  });

  it('refuses invalid terms with field errors, and writes nothing', async () => {
    const unit = await newUnit();
    const renter = await newMember();
    const before = (await api('GET', `/leases?unitId=${unit.id}`)).json().data.length;

    const crossed = await api('POST', '/leases', terms(unit.id, [renter], { frequency: 'weekly', dueDay: 9, startDate: day(10), endDate: day(5) }));
    expectProblem(crossed, 400, 'validation_failed');
    expect(crossed.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['dueDay', 'endDate']);

    const currency = await api('POST', '/leases', terms(unit.id, [renter], { rent: { amount: 100, currency: 'XYZ' } }));
    expectProblem(currency, 400, 'validation_failed');
    expect(currency.json().errors).toEqual([expect.objectContaining({ field: 'rent.currency' })]);

    const shape = await api('POST', '/leases', terms(unit.id, [], { rent: { amount: 12.5, currency: 'EUR' }, deposit: -1, frequency: 'daily', dueDay: 32 }));
    expectProblem(shape, 400, 'validation_failed');
    expect(shape.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['deposit', 'dueDay', 'frequency', 'rent.amount', 'renterIds']);

    const twice = await api('POST', '/leases', terms(unit.id, [renter, renter]));
    expectProblem(twice, 400, 'validation_failed');

    const noUnit = await api('POST', '/leases', terms(randomUUID(), [renter]));
    expectProblem(noUnit, 404, 'not_found');
    expect(noUnit.json().errors).toEqual([expect.objectContaining({ field: 'unitId' })]);

    const stranger = randomUUID();
    const noMember = await api('POST', '/leases', terms(unit.id, [renter, stranger]));
    expectProblem(noMember, 404, 'not_found');
    expect(noMember.json().detail).toContain(stranger);
    expect(noMember.json().errors).toEqual([expect.objectContaining({ field: 'renterIds' })]);

    expect((await api('GET', `/leases?unitId=${unit.id}`)).json().data.length).toBe(before);
  });

  it('refuses another tenant’s unit and members as unknown', async () => {
    const elm = await t.createTenant('elm');
    const theirUnit = await newUnit(elm);
    const theirMember = await newMember(elm);
    expectProblem(await api('POST', '/leases', terms(theirUnit.id, [await newMember()])), 404, 'not_found');
    expectProblem(await api('POST', '/leases', terms((await newUnit()).id, [theirMember])), 404, 'not_found');
    const ours = await draft();
    expectProblem(await api('GET', `/leases/${ours.id}`, undefined, { tenant: elm }), 404, 'not_found');
  });

  it('changes anything on a draft, and only the notes once active', async () => {
    const lease = await draft();
    const [unit, renter] = [await newUnit(), await newMember()];
    const patched = await api('PATCH', `/leases/${lease.id}`, { unitId: unit.id, renterIds: [renter], rent: { amount: 130_000, currency: 'EUR' }, frequency: 'weekly', dueDay: 5, endDate: null });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ unitId: unit.id, renterIds: [renter], rent: { amount: 130_000 }, frequency: 'weekly', dueDay: 5, endDate: null, status: 'draft' });
    expect((await eventsOf('lease.updated', lease.id)).at(-1)).toMatchObject({ changed: ['unitId', 'renterIds', 'rent', 'frequency', 'dueDay', 'endDate'] });

    const badDay = await api('PATCH', `/leases/${lease.id}`, { dueDay: 9 });
    expectProblem(badDay, 400, 'validation_failed');
    expect(badDay.json().errors).toEqual([expect.objectContaining({ field: 'dueDay' })]);
    expectProblem(await api('PATCH', `/leases/${lease.id}`, { startDate: day(400), endDate: day(399) }), 400, 'validation_failed');
    expectProblem(await api('PATCH', `/leases/${lease.id}`, { unitId: randomUUID() }), 404, 'not_found');
    expectProblem(await api('PATCH', `/leases/${lease.id}`, {}), 400, 'validation_failed');

    await activate(lease.id);
    const frozen = await api('PATCH', `/leases/${lease.id}`, { rent: { amount: 1, currency: 'EUR' }, notes: 'cheaper?' });
    expectProblem(frozen, 409, 'leases.terms_frozen');
    expect(frozen.json()).toMatchObject({ status: 409, currentStatus: 'active', fields: ['rent'] });
    const notes = await api('PATCH', `/leases/${lease.id}`, { notes: 'Keys handed over' });
    expect(notes.statusCode).toBe(200);
    expect(notes.json()).toMatchObject({ notes: 'Keys handed over', rent: { amount: 130_000 }, status: 'active' });
  });
});

describe('the lease lifecycle', () => {
  it('goes draft → active → ending → ended, moving the renters in and out', async () => {
    const unit = await newUnit();
    const renters = [await newMember(), await newMember()];
    const lease = await draft({ unitId: unit.id, renterIds: renters, startDate: day(-10), endDate: day(100) });
    expect(await unitStatus(unit.id)).toBe('vacant');
    expect(await occupanciesOf(lease.id)).toEqual([]);

    const active = await activate(lease.id);
    expect(active.status).toBe('active');
    expect(new Date(active.activatedAt).getTime()).toBeLessThanOrEqual(Date.now());
    expect(await occupanciesOf(lease.id)).toEqual(
      [...renters].sort().map((member_id) => ({ member_id, role: 'renter', start_date: day(-10), end_date: day(100) })),
    );
    expect(await unitStatus(unit.id)).toBe('occupied');
    expect(await eventsOf('lease.activated', lease.id)).toHaveLength(1);
    if (t.platform.app.hasRoute({ method: 'GET', url: '/api/v1/units/:id/occupants' })) {
      const occupants = await api('GET', `/units/${unit.id}/occupants`);
      expect(occupants.statusCode, occupants.body).toBe(200);
      expect(occupants.json().data.map((o: { memberId: string; role: string; leaseId: string }) => [o.memberId, o.role, o.leaseId]).sort()).toEqual(
        [...renters].sort().map((m) => [m, 'renter', lease.id]),
      );
    }

    const ending = await api('POST', `/leases/${lease.id}/terminate`, { date: day(20), reason: 'Moving abroad' });
    expect(ending.statusCode, ending.body).toBe(200);
    expect(ending.json()).toMatchObject({ status: 'ending', endDate: day(20), terminationReason: 'Moving abroad' });
    expect((await occupanciesOf(lease.id)).map((o) => o.end_date)).toEqual([day(20), day(20)]);
    expect(await unitStatus(unit.id)).toBe('occupied');
    expect(await eventsOf('lease.terminated', lease.id)).toEqual([expect.objectContaining({ status: 'ending' })]);

    // The end date may come earlier still, never later.
    const later = await api('POST', `/leases/${lease.id}/terminate`, { date: day(30) });
    expectProblem(later, 400, 'validation_failed');
    expect(later.json().errors[0].field).toBe('date');

    await runDaily(at(day(20)));
    expect((await api('GET', `/leases/${lease.id}`)).json().status).toBe('ending');
    await runDaily(at(day(21)));
    const ended = (await api('GET', `/leases/${lease.id}`)).json();
    expect(ended.status).toBe('ended');
    expect(await eventsOf('lease.ended', lease.id)).toEqual([expect.objectContaining({ id: lease.id, status: 'ended' })]);
    await runDaily(at(day(22)));
    expect(await eventsOf('lease.ended', lease.id)).toHaveLength(1);

    const again = await api('POST', `/leases/${lease.id}/terminate`, {});
    expectProblem(again, 409, 'leases.status_forbids');
    expect(again.json()).toMatchObject({ status: 409, currentStatus: 'ended', allowedTransitions: [] });
  });

  it('cancels a draft: draft → terminated, touching no occupancy, and final', async () => {
    const lease = await draft();
    const cancelled = await api('POST', `/leases/${lease.id}/terminate`, { reason: 'Changed their mind' });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json()).toMatchObject({ status: 'terminated', endDate: lease.endDate, activatedAt: null, terminationReason: 'Changed their mind' });
    expect(cancelled.json().terminatedAt).not.toBeNull();
    expect(await occupanciesOf(lease.id)).toEqual([]);
    const activated = await api('POST', `/leases/${lease.id}/activate`);
    expectProblem(activated, 409, 'leases.status_forbids');
    expect(activated.json().detail).toMatch(/terminated/);
    expect(activated.json().allowedTransitions).toEqual([]);
  });

  it('says which transitions a status allows when one is refused', async () => {
    const lease = await draft();
    await activate(lease.id);
    const twice = await api('POST', `/leases/${lease.id}/activate`);
    expectProblem(twice, 409, 'leases.status_forbids');
    expect(twice.json()).toMatchObject({ status: 409, currentStatus: 'active', allowedTransitions: ['ending', 'terminated', 'ended'] });
    expect(twice.json().detail).toMatch(/ending \(terminate on a future date\)/);
  });

  it('terminates an active lease today, cutting the occupancies; and refuses dates outside the lease', async () => {
    const unit = await newUnit();
    const lease = await draft({ unitId: unit.id, startDate: day(-30), endDate: day(300) });
    await activate(lease.id);
    const early = await api('POST', `/leases/${lease.id}/terminate`, { date: day(-32) });
    expectProblem(early, 400, 'validation_failed');
    expect(early.json().errors[0]).toMatchObject({ field: 'date' });
    expectProblem(await api('POST', `/leases/${lease.id}/terminate`, { date: day(301) }), 400, 'validation_failed');

    const res = await api('POST', `/leases/${lease.id}/terminate`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'terminated', endDate: today });
    expect((await occupanciesOf(lease.id)).map((o) => o.end_date)).toEqual([today]);
  });

  it('terminates a lease that has not begun on the day before its start, freeing its dates', async () => {
    const unit = await newUnit();
    const lease = await draft({ unitId: unit.id, startDate: day(30), endDate: day(200) });
    await activate(lease.id);
    expect(await unitStatus(unit.id)).toBe('vacant');
    const res = await api('POST', `/leases/${lease.id}/terminate`, { date: day(29) });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'terminated', endDate: day(29) });
    expect(await occupanciesOf(lease.id)).toEqual([]);
    const other = await draft({ unitId: unit.id, startDate: day(30), endDate: day(200) });
    expect((await activate(other.id)).status).toBe('active');
  });

  it('activates a lease that is already over straight to ended, as history', async () => {
    const unit = await newUnit();
    const lease = await draft({ unitId: unit.id, startDate: day(-400), endDate: day(-40) });
    const res = await activate(lease.id);
    expect(res.status).toBe('ended');
    expect(await occupanciesOf(lease.id)).toHaveLength(1);
    expect(await unitStatus(unit.id)).toBe('vacant');
    expect(await eventsOf('lease.ended', lease.id)).toHaveLength(1);
    // It still holds its dates: no other lease of the unit may claim them.
    const overlapping = await draft({ unitId: unit.id, startDate: day(-100), endDate: day(100) });
    expectProblem(await api('POST', `/leases/${overlapping.id}/activate`), 409, 'leases.unit_already_let');
  });
});

describe('one lease per unit at a time', () => {
  it('refuses to activate a lease overlapping an active one, naming it', async () => {
    const unit = await newUnit();
    const first = await draft({ unitId: unit.id, startDate: day(0), endDate: day(364) });
    await activate(first.id);
    const second = await draft({ unitId: unit.id, startDate: day(364), endDate: null });
    const refused = await api('POST', `/leases/${second.id}/activate`);
    expectProblem(refused, 409, 'leases.unit_already_let');
    expect(refused.json().detail).toBe(`The unit is already let from ${day(0)} to ${day(364)} (lease ${first.id}), which overlaps this lease’s dates`);
    expect(refused.json().conflictingLeaseId).toBe(first.id);
    expect((await api('GET', `/leases/${second.id}`)).json().status).toBe('draft');
    expect(await occupanciesOf(second.id)).toEqual([]);
    // Another unit, or the day after, is fine.
    const after = await draft({ unitId: unit.id, startDate: day(365), endDate: null });
    expect((await activate(after.id)).status).toBe('active');
  });

  it('lets exactly one of two concurrent overlapping activations through, every time', async () => {
    for (let round = 0; round < 6; round++) {
      const unit = await newUnit();
      const a = await draft({ unitId: unit.id, startDate: day(round), endDate: day(200) });
      const b = await draft({ unitId: unit.id, startDate: day(100), endDate: null });
      const results = await Promise.all([a, b].map((l) => api('POST', `/leases/${l.id}/activate`)));
      expect(results.map((r) => r.statusCode).sort(), results.map((r) => r.body).join('\n')).toEqual([200, 409]);
      const loser = results.find((r) => r.statusCode === 409)!;
      expect(loser.json().code).toBe('leases.unit_already_let');
      const active = (await api('GET', `/leases?unitId=${unit.id}&status=active`)).json().data;
      expect(active).toHaveLength(1);
      const loserId = active[0].id === a.id ? b.id : a.id;
      expect(await occupanciesOf(loserId)).toEqual([]);
    }
  });

  it('answers a retried activation with the same Idempotency-Key with the first answer', async () => {
    const lease = await draft();
    const key = randomUUID();
    const first = await api('POST', `/leases/${lease.id}/activate`, undefined, { headers: { 'idempotency-key': key } });
    expect(first.statusCode, first.body).toBe(200);
    const retry = await api('POST', `/leases/${lease.id}/activate`, undefined, { headers: { 'idempotency-key': key } });
    expect(retry.statusCode).toBe(200);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body).toBe(first.body);
    expect(await eventsOf('lease.activated', lease.id)).toHaveLength(1);
    // Without the key, a second activation is refused: it is already active.
    expectProblem(await api('POST', `/leases/${lease.id}/activate`), 409, 'leases.status_forbids');
  });
});

describe('renewals', () => {
  it('drafts a linked successor on the same terms, which activates right after its predecessor', async () => {
    const unit = await newUnit();
    const lease = await draft({ unitId: unit.id, startDate: '2030-01-01', endDate: '2030-12-31', frequency: 'quarterly', dueDay: 31 });
    await activate(lease.id);
    const res = await api('POST', `/leases/${lease.id}/renew`, { rent: { amount: 125_000, currency: 'EUR' } });
    expect(res.statusCode, res.body).toBe(201);
    const successor = res.json();
    expect(successor).toMatchObject({
      status: 'draft', previousLeaseId: lease.id, unitId: unit.id, renterIds: lease.renterIds, startDate: '2031-01-01', endDate: '2031-12-31',
      rent: { amount: 125_000, currency: 'EUR' }, frequency: 'quarterly', dueDay: 31, deposit: lease.deposit,
    });
    expect((await api('GET', `/leases/${lease.id}`)).json().successorId).toBe(successor.id);
    expect(await eventsOf('lease.renewed', lease.id)).toEqual([{ id: lease.id, successorId: successor.id }]);

    expect((await activate(successor.id)).status).toBe('active');
    const second = await api('POST', `/leases/${lease.id}/renew`, {});
    expectProblem(second, 409, 'leases.already_renewed');
    expect(second.json().successorId).toBe(successor.id);
    // The renters' tenancy continues: two occupancies each, back to back.
    const renter = lease.renterIds[0];
    const stays = await tx<{ start_date: string; end_date: string }[]>(oak, (db) =>
      db.selectFrom('occupancies').select(['start_date', 'end_date']).where('member_id', '=', renter).where('unit_id', '=', unit.id).orderBy('start_date').execute());
    expect(stays).toEqual([{ start_date: '2030-01-01', end_date: '2030-12-31' }, { start_date: '2031-01-01', end_date: '2031-12-31' }]);
  });

  it('renews a term of whole months for as many months, and one of odd length for as many days', async () => {
    const months = await draft({ startDate: '2031-03-15', endDate: '2031-09-14' });
    await activate(months.id);
    expect((await api('POST', `/leases/${months.id}/renew`)).json()).toMatchObject({ startDate: '2031-09-15', endDate: '2032-03-14' });
    const odd = await draft({ startDate: '2031-03-15', endDate: '2031-03-24' });
    await activate(odd.id);
    expect((await api('POST', `/leases/${odd.id}/renew`, { startDate: '2031-04-01' })).json()).toMatchObject({ startDate: '2031-04-01', endDate: '2031-04-10' });
  });

  it('refuses to renew a draft, a periodic lease, or into the lease’s own dates', async () => {
    const d = await draft();
    const refused = await api('POST', `/leases/${d.id}/renew`, {});
    expectProblem(refused, 409, 'leases.status_forbids');
    expect(refused.json().allowedTransitions).toEqual(['active', 'ended', 'terminated']);
    const periodic = await draft({ endDate: null });
    await activate(periodic.id);
    const rolling = await api('POST', `/leases/${periodic.id}/renew`, {});
    expectProblem(rolling, 409, 'leases.periodic_not_renewable');
    expect(rolling.json().detail).toMatch(/periodic/);
    const fixed = await draft({ startDate: day(0), endDate: day(99) });
    await activate(fixed.id);
    const inside = await api('POST', `/leases/${fixed.id}/renew`, { startDate: day(50) });
    expectProblem(inside, 400, 'validation_failed');
    expect(inside.json().errors[0].field).toBe('startDate');
  });

  it('lets one of two concurrent renewals through', async () => {
    const lease = await draft();
    await activate(lease.id);
    const results = await Promise.all([1, 2].map(() => api('POST', `/leases/${lease.id}/renew`, {})));
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
  });
});

describe('the daily job', () => {
  it('is scheduled shortly after midnight, once per tenant', async () => {
    const jobs = t.platform.jobs;
    const tick = randomUUID();
    expect(await jobs.fanOut('leases.daily', tick)).toBeGreaterThanOrEqual(1);
    expect(await jobs.fanOut('leases.daily', tick)).toBe(0);
    const schedules = await t.platform.main.session((s) => s.rows<{ name: string; cron: string }>('SELECT name, cron FROM pgboss.schedule', []));
    expect(schedules).toContainEqual({ name: 'tick.leases.daily', cron: '20 0 * * *' });
  });

  it('sends lease.expiring once at 60 and once at 30 days before the end, however often it runs', async () => {
    const ash = await t.createTenant('ash');
    const lease = await draft({ startDate: '2040-01-01', endDate: '2040-12-31' }, ash);
    await activate(lease.id, ash);
    const notices = async () => (await eventsOf('lease.expiring', lease.id, ash)).map((d) => [d.daysBefore, d.daysLeft]);

    await runDaily(at('2040-10-31'), ash); // 61 days left
    expect(await notices()).toEqual([]);
    await runDaily(at('2040-11-01'), ash); // 60
    await runDaily(at('2040-11-01'), ash);
    await Promise.all([runDaily(at('2040-11-02'), ash), runDaily(at('2040-11-02'), ash)]);
    expect(await notices()).toEqual([[60, 60]]);
    await runDaily(at('2040-11-30'), ash); // 31
    expect(await notices()).toEqual([[60, 60]]);
    await Promise.all([runDaily(at('2040-12-01'), ash), runDaily(at('2040-12-01'), ash)]); // 30
    await runDaily(at('2040-12-15'), ash);
    expect(await notices()).toEqual([[60, 60], [30, 30]]);
    const [first] = await eventsOf('lease.expiring', lease.id, ash);
    expect(first).toEqual({ id: lease.id, unitId: lease.unitId, renterIds: lease.renterIds, endDate: '2040-12-31', daysBefore: 60, daysLeft: 60, successorId: null });
  });

  it('sends only the 30-day notice for a lease first seen inside 30 days, marking the 60-day one passed', async () => {
    const lease = await draft({ startDate: '2041-01-01', endDate: '2041-06-30' });
    await activate(lease.id);
    await runDaily(at('2041-06-10'));
    await runDaily(at('2041-06-11'));
    expect((await eventsOf('lease.expiring', lease.id)).map((d) => [d.daysBefore, d.daysLeft])).toEqual([[30, 20]]);
    const rows = await tx<{ days_before: number; skipped: boolean }[]>(oak, (db) =>
      db.selectFrom('lease_notices').select(['days_before', 'skipped']).where('lease_id', '=', lease.id).orderBy('days_before').execute());
    expect(rows).toEqual([{ days_before: 30, skipped: false }, { days_before: 60, skipped: true }]);
  });

  it('ends active and ending leases after their end date, and leaves periodic ones', async () => {
    const fixed = await draft({ startDate: '2042-01-01', endDate: '2042-03-31' });
    const periodic = await draft({ startDate: '2042-01-01', endDate: null });
    await activate(fixed.id);
    await activate(periodic.id);
    await runDaily(at('2042-03-31'));
    expect((await api('GET', `/leases/${fixed.id}`)).json().status).toBe('active');
    await runDaily(at('2042-04-01'));
    expect((await api('GET', `/leases/${fixed.id}`)).json().status).toBe('ended');
    expect((await api('GET', `/leases/${periodic.id}`)).json().status).toBe('active');
  });
});

describe('listing leases', () => {
  it('pages by start date, newest first, and filters by status, renter and expiry', async () => {
    const fir = await t.createTenant('fir');
    const renter = await newMember(fir);
    const starts = ['2032-01-01', '2033-01-01', '2034-01-01', '2035-01-01', '2036-01-01'];
    const ids: string[] = [];
    for (const s of starts) ids.push((await draft({ startDate: s, endDate: addDays(s, 300), renterIds: [renter] }, fir)).id);
    const soon = await draft({ startDate: day(-100), endDate: day(20) }, fir);
    await activate(soon.id, fir);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { data: { startDate: string }[]; nextCursor: string | null } = (await api('GET', `/leases?limit=2${cursor ? `&cursor=${cursor}` : ''}`, undefined, { tenant: fir })).json();
      seen.push(...page.data.map((l) => l.startDate));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...starts.reverse(), day(-100)]);

    const byCreation = (await api('GET', '/leases?sort=createdAt&limit=200', undefined, { tenant: fir })).json().data.map((l: { id: string }) => l.id);
    expect(byCreation).toEqual([...ids, soon.id]);
    expect((await api('GET', `/leases?memberId=${renter}`, undefined, { tenant: fir })).json().data).toHaveLength(5);
    expect((await api('GET', '/leases?status=active', undefined, { tenant: fir })).json().data.map((l: { id: string }) => l.id)).toEqual([soon.id]);
    expect((await api('GET', '/leases?expiringWithinDays=30', undefined, { tenant: fir })).json().data.map((l: { id: string }) => l.id)).toEqual([soon.id]);
    expect((await api('GET', '/leases?expiringWithinDays=19', undefined, { tenant: fir })).json().data).toEqual([]);
    expectProblem(await api('GET', '/leases?cursor=garbage', undefined, { tenant: fir }), 400, 'invalid_cursor');
  });
});
