import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { day, estate, expectProblem, ok, type Estate } from '../../../test/fixture.js';
import { startPlatform, type TestPlatform } from '../../../test/helpers.js';
import { addDays } from '../../kernel/dates.js';

/** Renewing leases, the daily job that sends notices and ends leases, and listing them. */

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

const eventsOf = async (type: string, leaseId: string, tenant: Estate = oak) => (await tenant.outbox(type)).map((e) => e.data).filter((d) => d.id === leaseId);
const runDaily = (now: Date, tenant: Estate = oak) => tenant.runJob('leases', 'leases.daily', now);
const at = (date: string) => new Date(`${date}T06:00:00Z`);

describe('renewals', () => {
  it('drafts a linked successor on the same terms, which activates right after its predecessor', async () => {
    const unit = await newUnit();
    const lease = await draft({ unitId: unit.id, startDate: '2030-01-01', endDate: '2030-12-31', frequency: 'quarterly', dueDay: 31 });
    await activate(lease.id);
    const res = await oak.api('POST', `/leases/${lease.id}/renew`, { rent: { amount: 125_000, currency: 'EUR' } });
    expect(res.statusCode, res.body).toBe(201);
    const successor = res.json();
    expect(successor).toMatchObject({
      status: 'draft', previousLeaseId: lease.id, unitId: unit.id, renterIds: lease.renterIds, startDate: '2031-01-01', endDate: '2031-12-31',
      rent: { amount: 125_000, currency: 'EUR' }, frequency: 'quarterly', dueDay: 31, deposit: lease.deposit,
    });
    expect((await oak.api('GET', `/leases/${lease.id}`)).json().successorId).toBe(successor.id);
    expect(await eventsOf('lease.renewed', lease.id)).toEqual([{ id: lease.id, successorId: successor.id }]);

    expect((await activate(successor.id)).status).toBe('active');
    const second = await oak.api('POST', `/leases/${lease.id}/renew`, {});
    expectProblem(second, 409, 'leases.already_renewed');
    expect(second.json().successorId).toBe(successor.id);
    // The renters' tenancy continues: two occupancies each, back to back.
    const renter = lease.renterIds[0];
    const stays = await oak.tx((db) =>
      db.selectFrom('occupancies').select(['startDate', 'endDate']).where('memberId', '=', renter).where('unitId', '=', unit.id).orderBy('startDate').execute());
    expect(stays).toEqual([{ startDate: '2030-01-01', endDate: '2030-12-31' }, { startDate: '2031-01-01', endDate: '2031-12-31' }]);
  });

  it('renews a term of whole months for as many months, and one of odd length for as many days', async () => {
    const months = await draft({ startDate: '2031-03-15', endDate: '2031-09-14' });
    await activate(months.id);
    expect((await oak.api('POST', `/leases/${months.id}/renew`)).json()).toMatchObject({ startDate: '2031-09-15', endDate: '2032-03-14' });
    const odd = await draft({ startDate: '2031-03-15', endDate: '2031-03-24' });
    await activate(odd.id);
    expect((await oak.api('POST', `/leases/${odd.id}/renew`, { startDate: '2031-04-01' })).json()).toMatchObject({ startDate: '2031-04-01', endDate: '2031-04-10' });
  });

  it('refuses to renew a draft, a periodic lease, or into the lease’s own dates', async () => {
    const d = await draft();
    const refused = await oak.api('POST', `/leases/${d.id}/renew`, {});
    expectProblem(refused, 409, 'leases.status_forbids');
    expect(refused.json().allowedTransitions).toEqual(['active', 'ended', 'terminated']);
    const periodic = await draft({ endDate: null });
    await activate(periodic.id);
    const rolling = await oak.api('POST', `/leases/${periodic.id}/renew`, {});
    expectProblem(rolling, 409, 'leases.periodic_not_renewable');
    expect(rolling.json().detail).toMatch(/periodic/);
    const fixed = await draft({ startDate: day(0), endDate: day(99) });
    await activate(fixed.id);
    const inside = await oak.api('POST', `/leases/${fixed.id}/renew`, { startDate: day(50) });
    expectProblem(inside, 400, 'validation_failed');
    expect(inside.json().errors[0].field).toBe('startDate');
  });

  it('lets one of two concurrent renewals through', async () => {
    const lease = await draft();
    await activate(lease.id);
    const results = await Promise.all([1, 2].map(() => oak.api('POST', `/leases/${lease.id}/renew`, {})));
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
  });
});

describe('the daily job', () => {
  it('is scheduled shortly after midnight, once per tenant', async () => {
    const jobs = t.platform.jobs;
    const tick = randomUUID();
    // Twenty past midnight where the tenants are (UTC here).
    const at = new Date('2026-05-04T00:20:00Z');
    expect(await jobs.fanOut('leases.daily', tick, at)).toBeGreaterThanOrEqual(1);
    expect(await jobs.fanOut('leases.daily', tick, at)).toBe(0);
    const schedules = await t.platform.main.session((s) => s.rows<{ name: string; cron: string }>('SELECT name, cron FROM pgboss.schedule', []));
    expect(schedules).toContainEqual({ name: 'tick.leases.daily', cron: '5,20,35,50 * * * *' });
  });

  it('sends lease.expiring once at 60 and once at 30 days before the end, however often it runs', async () => {
    const ash = await estate(t, { slug: 'ash' });
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
    const rows = await oak.tx((db) =>
      db.selectFrom('leaseNotices').select(['daysBefore', 'skipped']).where('leaseId', '=', lease.id).orderBy('daysBefore').execute());
    expect(rows).toEqual([{ daysBefore: 30, skipped: false }, { daysBefore: 60, skipped: true }]);
  });

  it('ends active and ending leases after their end date, and leaves periodic ones', async () => {
    const fixed = await draft({ startDate: '2042-01-01', endDate: '2042-03-31' });
    const periodic = await draft({ startDate: '2042-01-01', endDate: null });
    await activate(fixed.id);
    await activate(periodic.id);
    await runDaily(at('2042-03-31'));
    expect((await oak.api('GET', `/leases/${fixed.id}`)).json().status).toBe('active');
    await runDaily(at('2042-04-01'));
    expect((await oak.api('GET', `/leases/${fixed.id}`)).json().status).toBe('ended');
    expect((await oak.api('GET', `/leases/${periodic.id}`)).json().status).toBe('active');
  });
});

describe('listing leases', () => {
  it('pages by start date, newest first, and filters by status, renter and expiry', async () => {
    const fir = await estate(t, { slug: 'fir' });
    const renter = await newMember(fir);
    const starts = ['2032-01-01', '2033-01-01', '2034-01-01', '2035-01-01', '2036-01-01'];
    const ids: string[] = [];
    for (const s of starts) ids.push((await draft({ startDate: s, endDate: addDays(s, 300), renterIds: [renter] }, fir)).id);
    const soon = await draft({ startDate: day(-100), endDate: day(20) }, fir);
    await activate(soon.id, fir);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { data: { startDate: string }[]; nextCursor: string | null } = (await fir.api('GET', `/leases?limit=2${cursor ? `&cursor=${cursor}` : ''}`)).json();
      seen.push(...page.data.map((l) => l.startDate));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...starts.reverse(), day(-100)]);

    const byCreation = (await fir.api('GET', '/leases?sort=createdAt&limit=200')).json().data.map((l: { id: string }) => l.id);
    expect(byCreation).toEqual([...ids, soon.id]);
    expect((await fir.api('GET', `/leases?memberId=${renter}`)).json().data).toHaveLength(5);
    expect((await fir.api('GET', '/leases?status=active')).json().data.map((l: { id: string }) => l.id)).toEqual([soon.id]);
    expect((await fir.api('GET', '/leases?expiringWithinDays=30')).json().data.map((l: { id: string }) => l.id)).toEqual([soon.id]);
    expect((await fir.api('GET', '/leases?expiringWithinDays=19')).json().data).toEqual([]);
    expectProblem(await fir.api('GET', '/leases?cursor=garbage'), 400, 'invalid_cursor');
  });
});
