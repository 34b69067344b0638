import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayIn } from '../src/kernel/dates.js';
import { previousMonth } from '../src/modules/finance/statements/statements.service.js';
import { day, estate, expectProblem, kit, ok, uniq, type Estate } from './fixture.js';
import { startPlatform, type TestPlatform } from './helpers.js';

/**
 * Two tenants a day apart: Tonga at UTC+13 (all year) and Honolulu at UTC−10 (all year). The
 * same instant is one date in one and the next in the other; each tenant's "today", due dates,
 * late-fee days, lease endings and monthly runs follow its own calendar.
 */
const TONGA = 'Pacific/Tongatapu';
const HONOLULU = 'Pacific/Honolulu';

let t: TestPlatform;
let tonga: Estate;
let hilo: Estate;

beforeAll(async () => {
  t = await startPlatform();
  // One set by its owner, one by the operator when creating it.
  tonga = await estate(t, { slug: `tz-tonga-${uniq()}`, staff: true });
  await ok(tonga.api('PATCH', '/settings/regional', { timeZone: TONGA }), 200);
  hilo = await kit(t, await t.createTenant(`tz-hilo-${uniq()}`, { timeZone: HONOLULU, defaultLocale: 'es' }));
});
afterAll(() => t?.close());

describe("a tenant's time zone and default locale", () => {
  it('are UTC and English until set, and reach /me, the settings and the console', async () => {
    const other = await t.createTenant(`tz-utc-${uniq()}`);
    expect(other.body).toMatchObject({ timeZone: 'UTC', defaultLocale: 'en' });
    expect((await t.call('GET', '/api/v1/me', { token: other.token, tenant: other.slug })).json().tenant).toMatchObject({ timeZone: 'UTC', defaultLocale: 'en' });

    expect(await ok(tonga.api('GET', '/settings/regional'), 200)).toEqual({ timeZone: TONGA, defaultLocale: 'en' });
    // The owner's change is in the control plane's audit log, as a tenant user's.
    const audit = await t.call('GET', `/control/v1/audit?action=tenant.regional_set&tenant=${tonga.id}`, { token: await t.platformToken() });
    expect(audit.statusCode, audit.body).toBe(200);
    expect(audit.json().data).toMatchObject([{ action: 'tenant.regional_set', target: tonga.id, actor: expect.stringMatching(/^tenant:tz-tonga-.*:user:/), data: { timeZone: TONGA } }]);
    expect((await ok(tonga.api('GET', '/me'), 200)).tenant).toMatchObject({ timeZone: TONGA, defaultLocale: 'en' });
    expect((await ok(hilo.api('GET', '/me'), 200)).tenant).toMatchObject({ timeZone: HONOLULU, defaultLocale: 'es' });
    const console = await t.call('GET', `/control/v1/tenants/${tonga.id}`, { token: await t.platformToken() });
    expect(console.json()).toMatchObject({ timeZone: TONGA, defaultLocale: 'en' });
  });

  it('are changed by the operator, in canonical spelling, and the next request sees it', async () => {
    const token = await t.platformToken();
    const changed = await t.call('PATCH', `/control/v1/tenants/${hilo.id}`, { token, body: { timeZone: 'pacific/honolulu', defaultLocale: 'en' } });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ timeZone: HONOLULU, defaultLocale: 'en' });
    expect((await ok(hilo.api('GET', '/settings/regional'), 200))).toEqual({ timeZone: HONOLULU, defaultLocale: 'en' });
    await ok(hilo.api('PATCH', '/settings/regional', { defaultLocale: 'es' }), 200);
    expect((await ok(hilo.api('GET', '/me'), 200)).tenant).toMatchObject({ timeZone: HONOLULU, defaultLocale: 'es' });
  });

  it('refuse a zone that is not an IANA name and a locale not offered, naming the field, and change nothing', async () => {
    expectProblem(await tonga.api('PATCH', '/settings/regional', { timeZone: 'Mars/Olympus_Mons' }), 400, 'validation_failed', 'timeZone');
    expectProblem(await tonga.api('PATCH', '/settings/regional', { timeZone: '+13:00' }), 400, 'validation_failed', 'timeZone');
    expectProblem(await tonga.api('PATCH', '/settings/regional', { defaultLocale: 'fr' }), 400, 'validation_failed', 'defaultLocale');
    expectProblem(await tonga.api('PATCH', '/settings/regional', {}), 400, 'validation_failed');
    const token = await t.platformToken();
    expectProblem(await t.call('PATCH', `/control/v1/tenants/${tonga.id}`, { token, body: { timeZone: 'Nowhere' } }), 400, 'validation_failed', 'timeZone');
    const create = await t.call('POST', '/control/v1/tenants', { token, body: { slug: `tz-bad-${uniq()}`, name: 'Bad zone', plan: 'standard', timeZone: 'Atlantis/Capital', admin: { email: 'x@bad.test', name: 'X' } } });
    expectProblem(create, 400, 'validation_failed', 'timeZone');
    expect(await ok(tonga.api('GET', '/settings/regional'), 200)).toEqual({ timeZone: TONGA, defaultLocale: 'en' });
  });

  it('are changed only by those who may change settings', async () => {
    expect((await tonga.api('GET', '/settings/regional', undefined, { token: tonga.staff!.token })).statusCode).toBe(200);
    expectProblem(await tonga.api('PATCH', '/settings/regional', { timeZone: 'UTC' }, { token: tonga.staff!.token }), 403, 'permission_denied');
  });
});

describe("today follows the tenant's zone", () => {
  it('ends a lease today where the tenant is when no date is given', async () => {
    // The two zones are 23 hours apart: at most instants their dates differ, and each tenant gets its own.
    for (const [tenant, zone] of [[tonga, TONGA], [hilo, HONOLULU]] as const) {
      const lease = await tenant.newLease({ startDate: day(-40), endDate: day(300) }, { activate: true });
      const ended = await ok(tenant.api('POST', `/leases/${lease.id}/terminate`, {}), 200);
      expect(ended.endDate).toBe(todayIn(zone));
    }
  });

  it('charges a late fee on the day the charge became late there, due that day', async () => {
    const m = { tonga: await tonga.newMember(), hilo: await hilo.newMember() };
    for (const tenant of [tonga, hilo]) await ok(tenant.api('PUT', '/finance/late-fee-rule', { enabled: true, graceDays: 0, kind: 'flat', amount: 1_500, repeat: 'once' }), 200);
    await ok(tonga.api('POST', '/finance/charges', { memberId: m.tonga, kind: 'levy', description: 'Levy February', amount: 10_000, currency: 'EUR', dueDate: '2027-02-28' }));
    await ok(hilo.api('POST', '/finance/charges', { memberId: m.hilo, kind: 'levy', description: 'Levy February', amount: 10_000, currency: 'EUR', dueDate: '2027-02-28' }));
    const fees = async (tenant: Estate) => (await ok(tenant.api('GET', '/finance/charges?kind=fee&limit=50'), 200)).data as { dueDate: string; amount: number }[];

    // 11:30 UTC on 28 February: 00:30 on 1 March in Tonga (late), 01:30 on 28 February in Honolulu (due today).
    const first = new Date('2027-02-28T11:30:00Z');
    await tonga.runJob('finance', 'finance.late-fees', first);
    await hilo.runJob('finance', 'finance.late-fees', first);
    expect(await fees(tonga)).toMatchObject([{ dueDate: '2027-03-01', amount: 1_500 }]);
    expect(await fees(hilo)).toEqual([]);

    // 10:30 UTC on 1 March: 00:30 on 1 March in Honolulu. Tonga has had its fee.
    const next = new Date('2027-03-01T10:30:00Z');
    await tonga.runJob('finance', 'finance.late-fees', next);
    await hilo.runJob('finance', 'finance.late-fees', next);
    expect(await fees(tonga)).toHaveLength(1);
    expect(await fees(hilo)).toMatchObject([{ dueDate: '2027-03-01', amount: 1_500 }]);
  });

  it('ends a lease after its last day there, not after the last UTC day', async () => {
    const lease = { tonga: await tonga.newLease({ startDate: day(-10), endDate: '2027-01-31' }, { activate: true }), hilo: await hilo.newLease({ startDate: day(-10), endDate: '2027-01-31' }, { activate: true }) };
    const status = async (tenant: Estate, id: string) => (await ok(tenant.api('GET', `/leases/${id}`), 200)).status as string;

    // 23:59 on 31 January in Honolulu is 09:59 UTC on 1 February; Tonga's 1 February began at 11:00 UTC on 31 January.
    const beforeTonga = new Date('2027-01-31T10:59:00Z');
    await tonga.runJob('leases', 'leases.daily', beforeTonga);
    expect(await status(tonga, lease.tonga.id)).toBe('active');
    const afterTonga = new Date('2027-01-31T11:20:00Z');
    await tonga.runJob('leases', 'leases.daily', afterTonga);
    await hilo.runJob('leases', 'leases.daily', afterTonga);
    expect(await status(tonga, lease.tonga.id)).toBe('ended');
    expect(await status(hilo, lease.hilo.id)).toBe('active');
    await hilo.runJob('leases', 'leases.daily', new Date('2027-02-01T09:59:00Z'));
    expect(await status(hilo, lease.hilo.id)).toBe('active');
    await hilo.runJob('leases', 'leases.daily', new Date('2027-02-01T10:20:00Z'));
    expect(await status(hilo, lease.hilo.id)).toBe('ended');
  });
});

describe('monthly and daily jobs run when the day or month starts where the tenant is', () => {
  const jobsFor = async (name: string) => {
    await t.platform.jobs.ready();
    const rows = await t.platform.main.session((s) => s.rows<{ data: { tenantId: string } }>('SELECT data FROM pgboss.job WHERE name = $1 ORDER BY created_on', [name]));
    return rows.map((r) => r.data.tenantId);
  };

  it('fans the monthly statements out to Tonga at its 05:00 on the 1st, a day before Honolulu', async () => {
    const before = await jobsFor('finance.statements');
    // 16:00 UTC on 28 February is 05:00 on 1 March in Tonga; 06:00 on 28 February in Honolulu.
    await t.platform.jobs.fanOut('finance.statements', randomUUID(), new Date('2027-02-28T16:02:00Z'));
    const tongaTick = (await jobsFor('finance.statements')).slice(before.length);
    expect(tongaTick).toEqual([tonga.id]);
    // 15:00 UTC on 1 March is 05:00 on 1 March in Honolulu.
    await t.platform.jobs.fanOut('finance.statements', randomUUID(), new Date('2027-03-01T15:00:00Z'));
    expect((await jobsFor('finance.statements')).slice(before.length + 1)).toEqual([hilo.id]);
    // A UTC tenant's month starts at 05:00 UTC: neither of these.
    await t.platform.jobs.fanOut('finance.statements', randomUUID(), new Date('2027-03-01T05:00:00Z'));
    expect((await jobsFor('finance.statements')).slice(before.length + 2)).not.toContain(tonga.id);
    expect((await jobsFor('finance.statements')).slice(before.length + 2)).not.toContain(hilo.id);
  });

  it("states the month just ended on the tenant's calendar", () => {
    const at = new Date('2027-02-28T16:00:00Z');
    expect(previousMonth(at, TONGA)).toEqual({ from: '2027-02-01', to: '2027-02-28' });
    expect(previousMonth(at, HONOLULU)).toEqual({ from: '2027-01-01', to: '2027-01-31' });
    expect(previousMonth(new Date('2027-01-01T09:59:00Z'), HONOLULU)).toEqual({ from: '2026-11-01', to: '2026-11-30' });
  });

  it("issues Tonga's statements for February on its 1 March, which is still February in UTC", async () => {
    const member = await tonga.newMember({ email: `ada-${uniq()}@tonga.test` });
    await ok(tonga.api('POST', '/finance/charges', { memberId: member, kind: 'levy', description: 'Levy', amount: 5_000, currency: 'EUR', dueDate: '2027-02-10' }));
    await tonga.runJob('finance', 'finance.statements', new Date('2027-02-28T16:00:00Z'));
    const statements = (await ok(tonga.api('GET', '/finance/statements?limit=50'), 200)).data as { memberId: string; from: string; to: string }[];
    expect(statements.filter((s) => s.memberId === member).map((s) => [s.from, s.to])).toEqual([['2027-02-01', '2027-02-28']]);
  });
});
