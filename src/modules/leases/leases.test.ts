import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { day, estate, expectProblem, leaseTerms as terms, ok, today, type Estate } from '../../../test/fixture.js';
import { startPlatform, type TestPlatform } from '../../../test/helpers.js';

let t: TestPlatform;
let oak: Estate;

beforeAll(async () => {
  t = await startPlatform();
  oak = await estate(t, { slug: 'oak' });
});
afterAll(() => t?.close());

/** A unit to let, in a property of its own. */
const newUnit = async (tenant: Estate = oak, label = `U-${randomUUID().slice(0, 8)}`): Promise<{ id: string; propertyId: string }> => {
  const property = await tenant.newProperty({ name: `P-${randomUUID().slice(0, 8)}` });
  return { id: (await tenant.newUnit(property.id, { label })).id, propertyId: property.id };
};
const newMember = (tenant: Estate = oak): Promise<string> => tenant.newMember({ firstName: 'Rhea', type: 'renter' });

const draft = (o: Record<string, unknown> = {}, tenant: Estate = oak) => tenant.newLease(o);
const activate = (id: string, tenant: Estate = oak) => ok(tenant.api('POST', `/leases/${id}/activate`), 200);

/** The occupancies a lease made. */
const occupanciesOf = (leaseId: string, tenant: Estate = oak) =>
  tenant.tx((db) => db.selectFrom('occupancies').select(['memberId', 'role', 'startDate', 'endDate']).where('leaseId', '=', leaseId).orderBy('memberId').execute());
const unitStatus = async (unitId: string, tenant: Estate = oak): Promise<string> => (await ok(tenant.api('GET', `/units/${unitId}`), 200)).status;
const eventsOf = async (type: string, leaseId: string, tenant: Estate = oak) => (await tenant.outbox(type)).map((e) => e.data).filter((d) => d.id === leaseId);
const runDaily = (now: Date, tenant: Estate = oak) => tenant.runJob('leases', 'leases.daily', now);
const at = (date: string) => new Date(`${date}T06:00:00Z`);

describe('drafting leases', () => {
  it('drafts a lease with its terms, reads it back and lists it', async () => {
    const unit = await newUnit();
    const [a, b] = [await newMember(), await newMember()];
    const res = await oak.api('POST', '/leases', terms(unit.id, [b, a], { notes: 'Two renters' }));
    expect(res.statusCode, res.body).toBe(201);
    const lease = res.json();
    expect(lease).toMatchObject({
      unitId: unit.id, renterIds: [b, a], status: 'draft', startDate: day(-10), endDate: day(355), rent: { amount: 120_000, currency: 'EUR' },
      frequency: 'monthly', dueDay: 1, deposit: 240_000, notes: 'Two renters', previousLeaseId: null, successorId: null, activatedAt: null,
    });
    expect((await oak.api('GET', `/leases/${lease.id}`)).json()).toEqual(lease);
    expect((await eventsOf('lease.created', lease.id))).toHaveLength(1);

    const listed = (await oak.api('GET', `/leases?unitId=${unit.id}`)).json();
    expect(listed.data.map((l: { id: string }) => l.id)).toEqual([lease.id]);
    expect((await oak.api('GET', `/leases?memberId=${a}`)).json().data.map((l: { id: string }) => l.id)).toEqual([lease.id]);
  });

  it('defaults to a periodic monthly lease due on the start day, with no deposit', async () => {
    const unit = await newUnit();
    const res = await oak.api('POST', '/leases', { unitId: unit.id, renterIds: [await newMember()], startDate: '2031-03-17', rent: { amount: 99_00, currency: 'GBP' } });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ endDate: null, frequency: 'monthly', dueDay: 17, deposit: 0, notes: '' });
    const weekly = await oak.api('POST', '/leases', { unitId: unit.id, renterIds: [await newMember()], startDate: '2031-03-17', frequency: 'weekly', rent: { amount: 250_00, currency: 'GBP' } });
    expect(weekly.json().dueDay).toBe(1); // 17 March 2031 is a Monday
  });

  it('refuses invalid terms with field errors, and writes nothing', async () => {
    const unit = await newUnit();
    const renter = await newMember();
    const before = (await oak.api('GET', `/leases?unitId=${unit.id}`)).json().data.length;

    const crossed = await oak.api('POST', '/leases', terms(unit.id, [renter], { frequency: 'weekly', dueDay: 9, startDate: day(10), endDate: day(5) }));
    expectProblem(crossed, 400, 'validation_failed');
    expect(crossed.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['dueDay', 'endDate']);

    const currency = await oak.api('POST', '/leases', terms(unit.id, [renter], { rent: { amount: 100, currency: 'XYZ' } }));
    expectProblem(currency, 400, 'validation_failed');
    expect(currency.json().errors).toEqual([expect.objectContaining({ field: 'rent.currency' })]);

    const shape = await oak.api('POST', '/leases', terms(unit.id, [], { rent: { amount: 12.5, currency: 'EUR' }, deposit: -1, frequency: 'daily', dueDay: 32 }));
    expectProblem(shape, 400, 'validation_failed');
    expect(shape.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['deposit', 'dueDay', 'frequency', 'rent.amount', 'renterIds']);

    const twice = await oak.api('POST', '/leases', terms(unit.id, [renter, renter]));
    expectProblem(twice, 400, 'validation_failed');

    const noUnit = await oak.api('POST', '/leases', terms(randomUUID(), [renter]));
    expectProblem(noUnit, 404, 'not_found');
    expect(noUnit.json().errors).toEqual([expect.objectContaining({ field: 'unitId' })]);

    const stranger = randomUUID();
    const noMember = await oak.api('POST', '/leases', terms(unit.id, [renter, stranger]));
    expectProblem(noMember, 404, 'not_found');
    expect(noMember.json().detail).toContain(stranger);
    expect(noMember.json().errors).toEqual([expect.objectContaining({ field: 'renterIds' })]);

    expect((await oak.api('GET', `/leases?unitId=${unit.id}`)).json().data.length).toBe(before);
  });

  it('refuses another tenant’s unit and members as unknown', async () => {
    const elm = await estate(t, { slug: 'elm' });
    const theirUnit = await newUnit(elm);
    const theirMember = await newMember(elm);
    expectProblem(await oak.api('POST', '/leases', terms(theirUnit.id, [await newMember()])), 404, 'not_found');
    expectProblem(await oak.api('POST', '/leases', terms((await newUnit()).id, [theirMember])), 404, 'not_found');
    const ours = await draft();
    expectProblem(await elm.api('GET', `/leases/${ours.id}`), 404, 'not_found');
  });

  it('changes anything on a draft, and only the notes once active', async () => {
    const lease = await draft();
    const [unit, renter] = [await newUnit(), await newMember()];
    const patched = await oak.api('PATCH', `/leases/${lease.id}`, { unitId: unit.id, renterIds: [renter], rent: { amount: 130_000, currency: 'EUR' }, frequency: 'weekly', dueDay: 5, endDate: null });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ unitId: unit.id, renterIds: [renter], rent: { amount: 130_000 }, frequency: 'weekly', dueDay: 5, endDate: null, status: 'draft' });
    expect((await eventsOf('lease.updated', lease.id)).at(-1)).toMatchObject({ changed: ['unitId', 'renterIds', 'rent', 'frequency', 'dueDay', 'endDate'] });

    const badDay = await oak.api('PATCH', `/leases/${lease.id}`, { dueDay: 9 });
    expectProblem(badDay, 400, 'validation_failed');
    expect(badDay.json().errors).toEqual([expect.objectContaining({ field: 'dueDay' })]);
    expectProblem(await oak.api('PATCH', `/leases/${lease.id}`, { startDate: day(400), endDate: day(399) }), 400, 'validation_failed');
    expectProblem(await oak.api('PATCH', `/leases/${lease.id}`, { unitId: randomUUID() }), 404, 'not_found');
    expectProblem(await oak.api('PATCH', `/leases/${lease.id}`, {}), 400, 'validation_failed');

    await activate(lease.id);
    const frozen = await oak.api('PATCH', `/leases/${lease.id}`, { rent: { amount: 1, currency: 'EUR' }, notes: 'cheaper?' });
    expectProblem(frozen, 409, 'leases.terms_frozen');
    expect(frozen.json()).toMatchObject({ status: 409, currentStatus: 'active', fields: ['rent'] });
    const notes = await oak.api('PATCH', `/leases/${lease.id}`, { notes: 'Keys handed over' });
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
      [...renters].sort().map((memberId) => ({ memberId, role: 'renter', startDate: day(-10), endDate: day(100) })),
    );
    expect(await unitStatus(unit.id)).toBe('occupied');
    expect(await eventsOf('lease.activated', lease.id)).toHaveLength(1);
    const occupants = await oak.api('GET', `/units/${unit.id}/occupants`);
    expect(occupants.statusCode, occupants.body).toBe(200);
    expect(occupants.json().data.map((o: { memberId: string; role: string; leaseId: string }) => [o.memberId, o.role, o.leaseId]).sort()).toEqual(
      [...renters].sort().map((m) => [m, 'renter', lease.id]),
    );

    const ending = await oak.api('POST', `/leases/${lease.id}/terminate`, { date: day(20), reason: 'Moving abroad' });
    expect(ending.statusCode, ending.body).toBe(200);
    expect(ending.json()).toMatchObject({ status: 'ending', endDate: day(20), terminationReason: 'Moving abroad' });
    expect((await occupanciesOf(lease.id)).map((o) => o.endDate)).toEqual([day(20), day(20)]);
    expect(await unitStatus(unit.id)).toBe('occupied');
    expect(await eventsOf('lease.terminated', lease.id)).toEqual([expect.objectContaining({ status: 'ending' })]);

    // The end date may come earlier still, never later.
    const later = await oak.api('POST', `/leases/${lease.id}/terminate`, { date: day(30) });
    expectProblem(later, 400, 'validation_failed');
    expect(later.json().errors[0].field).toBe('date');

    await runDaily(at(day(20)));
    expect((await oak.api('GET', `/leases/${lease.id}`)).json().status).toBe('ending');
    await runDaily(at(day(21)));
    const ended = (await oak.api('GET', `/leases/${lease.id}`)).json();
    expect(ended.status).toBe('ended');
    expect(await eventsOf('lease.ended', lease.id)).toEqual([expect.objectContaining({ id: lease.id, status: 'ended' })]);
    await runDaily(at(day(22)));
    expect(await eventsOf('lease.ended', lease.id)).toHaveLength(1);

    const again = await oak.api('POST', `/leases/${lease.id}/terminate`, {});
    expectProblem(again, 409, 'leases.status_forbids');
    expect(again.json()).toMatchObject({ status: 409, currentStatus: 'ended', allowedTransitions: [] });
  });

  it('cancels a draft: draft → terminated, touching no occupancy, and final', async () => {
    const lease = await draft();
    const cancelled = await oak.api('POST', `/leases/${lease.id}/terminate`, { reason: 'Changed their mind' });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json()).toMatchObject({ status: 'terminated', endDate: lease.endDate, activatedAt: null, terminationReason: 'Changed their mind' });
    expect(cancelled.json().terminatedAt).not.toBeNull();
    expect(await occupanciesOf(lease.id)).toEqual([]);
    const activated = await oak.api('POST', `/leases/${lease.id}/activate`);
    expectProblem(activated, 409, 'leases.status_forbids');
    expect(activated.json().detail).toMatch(/terminated/);
    expect(activated.json().allowedTransitions).toEqual([]);
  });

  it('says which transitions a status allows when one is refused', async () => {
    const lease = await draft();
    await activate(lease.id);
    const twice = await oak.api('POST', `/leases/${lease.id}/activate`);
    expectProblem(twice, 409, 'leases.status_forbids');
    expect(twice.json()).toMatchObject({ status: 409, currentStatus: 'active', allowedTransitions: ['ending', 'terminated', 'ended'] });
    expect(twice.json().detail).toMatch(/ending \(terminate on a future date\)/);
  });

  it('terminates an active lease today, cutting the occupancies; and refuses dates outside the lease', async () => {
    const unit = await newUnit();
    const lease = await draft({ unitId: unit.id, startDate: day(-30), endDate: day(300) });
    await activate(lease.id);
    const early = await oak.api('POST', `/leases/${lease.id}/terminate`, { date: day(-32) });
    expectProblem(early, 400, 'validation_failed');
    expect(early.json().errors[0]).toMatchObject({ field: 'date' });
    expectProblem(await oak.api('POST', `/leases/${lease.id}/terminate`, { date: day(301) }), 400, 'validation_failed');

    const res = await oak.api('POST', `/leases/${lease.id}/terminate`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'terminated', endDate: today });
    expect((await occupanciesOf(lease.id)).map((o) => o.endDate)).toEqual([today]);
  });

  it('terminates a lease that has not begun on the day before its start, freeing its dates', async () => {
    const unit = await newUnit();
    const lease = await draft({ unitId: unit.id, startDate: day(30), endDate: day(200) });
    await activate(lease.id);
    expect(await unitStatus(unit.id)).toBe('vacant');
    const res = await oak.api('POST', `/leases/${lease.id}/terminate`, { date: day(29) });
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
    expectProblem(await oak.api('POST', `/leases/${overlapping.id}/activate`), 409, 'leases.unit_already_let');
  });
});

describe('one lease per unit at a time', () => {
  it('refuses to activate a lease overlapping an active one, naming it', async () => {
    const unit = await newUnit();
    const first = await draft({ unitId: unit.id, startDate: day(0), endDate: day(364) });
    await activate(first.id);
    const second = await draft({ unitId: unit.id, startDate: day(364), endDate: null });
    const refused = await oak.api('POST', `/leases/${second.id}/activate`);
    expectProblem(refused, 409, 'leases.unit_already_let');
    expect(refused.json().detail).toBe(`The unit is already let from ${day(0)} to ${day(364)} (lease ${first.id}), which overlaps this lease’s dates`);
    expect(refused.json().conflictingLeaseId).toBe(first.id);
    expect((await oak.api('GET', `/leases/${second.id}`)).json().status).toBe('draft');
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
      const results = await Promise.all([a, b].map((l) => oak.api('POST', `/leases/${l.id}/activate`)));
      expect(results.map((r) => r.statusCode).sort(), results.map((r) => r.body).join('\n')).toEqual([200, 409]);
      const loser = results.find((r) => r.statusCode === 409)!;
      expect(loser.json().code).toBe('leases.unit_already_let');
      const active = (await oak.api('GET', `/leases?unitId=${unit.id}&status=active`)).json().data;
      expect(active).toHaveLength(1);
      const loserId = active[0].id === a.id ? b.id : a.id;
      expect(await occupanciesOf(loserId)).toEqual([]);
    }
  });

  it('answers a retried activation with the same Idempotency-Key with the first answer', async () => {
    const lease = await draft();
    const key = randomUUID();
    const first = await oak.api('POST', `/leases/${lease.id}/activate`, undefined, { headers: { 'idempotency-key': key } });
    expect(first.statusCode, first.body).toBe(200);
    const retry = await oak.api('POST', `/leases/${lease.id}/activate`, undefined, { headers: { 'idempotency-key': key } });
    expect(retry.statusCode).toBe(200);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body).toBe(first.body);
    expect(await eventsOf('lease.activated', lease.id)).toHaveLength(1);
    // Without the key, a second activation is refused: it is already active.
    expectProblem(await oak.api('POST', `/leases/${lease.id}/activate`), 409, 'leases.status_forbids');
  });
});

describe('searching leases', () => {
  it('finds leases by unit label or renter name, takes % and _ literally, and pages through the matches', async () => {
    const tag = randomUUID().slice(0, 8);
    const ids = async (q: string, more = '') => (await ok(oak.api('GET', `/leases?q=${encodeURIComponent(q)}${more}`), 200)).data.map((l: { id: string }) => l.id);
    const quill = await oak.newMember({ firstName: 'Rhea', lastName: `Quill${tag}`, type: 'renter' });
    const loft = await draft(terms((await newUnit(oak, `Loft-${tag}`)).id, [await newMember(), quill]));
    const literal = await draft(terms((await newUnit(oak, `50%_off-${tag}`)).id, [await newMember()]));
    await draft(terms((await newUnit(oak, `50xyoff-${tag}`)).id, [await newMember()]));
    expect(await ids(`LOFT-${tag}`)).toEqual([loft.id]);
    expect(await ids(`quill${tag}`)).toEqual([loft.id]);
    expect(await ids(`Rhea Quill${tag}`)).toEqual([loft.id]);
    expect(await ids(`50%_off-${tag}`)).toEqual([literal.id]);
    expect(await ids(`nobody-${tag}`)).toEqual([]);

    const paged = [];
    for (let i = 0; i < 3; i++) paged.push((await draft(terms((await newUnit(oak, `Paged-${tag}-${i}`)).id, [await newMember()]))).id);
    const first = await ok(oak.api('GET', `/leases?q=paged-${tag}&sort=createdAt&limit=2`), 200);
    const second = await ok(oak.api('GET', `/leases?q=paged-${tag}&sort=createdAt&limit=2&cursor=${first.nextCursor}`), 200);
    expect([...first.data, ...second.data].map((l: { id: string }) => l.id)).toEqual(paged);
    expect(second.nextCursor).toBeNull();
  });
});
