import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LICENCE_REISSUE_JOB, LICENCE_RENEWAL_JOB } from '../src/control/licences/licence-renewal.js';
import { type Control, newTenant, startControlPlane } from './control-plane-helpers.js';
import { ok } from './fixture.js';
import { startPlatform, type TestPlatform } from './helpers.js';

let t: TestPlatform;
let control: Control;
const DAY = 86_400_000;

beforeAll(async () => {
  ({ t, control } = await startControlPlane());
  for (const slug of ['ash', 'beech', 'cherry']) await ok(control('POST', '/tenants', newTenant(slug)));
});
afterAll(() => t?.close());

type LicenceBody = { id: string; jws: string; expiresAt: string; claims: { modules: string[]; limits: Record<string, number | null>; grace: number }; overrides: Record<string, unknown> };
const licenceOf = async (slug: string) => (await ok(control('GET', `/tenants/${slug}/licence`), 200)) as LicenceBody;
const runJob = async (platform: TestPlatform, name: string, data: object = {}) => {
  const job = platform.platform.jobs.definition(name);
  await job!.handler({ id: randomUUID(), name, data, retryCount: 0 }, platform.platform.jobs.context());
};
const runRenewal = async () => {
  expect(t.platform.jobs.definition(LICENCE_RENEWAL_JOB)?.schedule).toEqual({ cron: '17 3 * * *', perTenant: false });
  await runJob(t, LICENCE_RENEWAL_JOB);
};

describe('licence renewal', () => {
  it('renews, a year from its expiry and with its overrides, the licence of an active tenant that expires within 60 days; not a suspended one, nor one far from expiry', async () => {
    const soon = new Date(Date.now() + 20 * DAY);
    soon.setMilliseconds(0);
    // ash: expiring soon, with modules and limits that differ from its plan's.
    await ok(control('POST', '/tenants/ash/licence', { removeModules: ['webhooks'], limits: { users: 7 }, graceDays: 3, expiresAt: soon.toISOString() }), 201);
    // beech: expiring soon too, but suspended.
    await ok(control('POST', '/tenants/beech/licence', { expiresAt: soon.toISOString() }), 201);
    await ok(control('POST', '/tenants/beech/suspend'), 200);
    const ash = await licenceOf('ash');
    const beech = await licenceOf('beech');
    const cherry = await licenceOf('cherry');

    await runRenewal();

    const renewed = await licenceOf('ash');
    expect(renewed.id).not.toBe(ash.id);
    expect(new Date(renewed.expiresAt).getTime()).toBe(soon.getTime() + 365 * DAY);
    expect(renewed.claims.modules).toEqual(ash.claims.modules);
    expect(renewed.claims.modules).not.toContain('webhooks');
    expect(renewed.claims.limits).toEqual(ash.claims.limits);
    expect(renewed.claims.grace).toBe(3 * 86_400);
    expect((await licenceOf('beech')).id).toBe(beech.id);
    expect((await licenceOf('cherry')).id).toBe(cherry.id);

    const audit = await ok(control('GET', '/audit?action=licence.renewed'), 200);
    expect(audit.data.map((e: { actor: string; target: string }) => [e.actor, e.target])).toEqual([['system', (await ok(control('GET', '/tenants/ash'), 200)).id]]);

    // Run again (a retry, a second worker): nothing more is due.
    await runRenewal();
    expect((await licenceOf('ash')).id).toBe(renewed.id);
  });
});

describe('a plan edit', () => {
  const plan = { key: 'garden', name: 'Garden', modules: ['members'], limits: { members: 100, users: 3, storageMb: 512 }, price: { amountMinor: 900, currency: 'EUR', interval: 'month' } };

  it("reissues the licences of the plan's active and suspended tenants with its new modules and limits, keeping each tenant's own adjustments and expiry", async () => {
    await ok(control('POST', '/plans', plan));
    for (const slug of ['elm', 'fir', 'gum', 'hazel']) await ok(control('POST', '/tenants', newTenant(slug, { plan: 'garden' })));
    // fir: 10 users and the webhooks module beyond its plan, its own expiry.
    const expiry = new Date(Date.now() + 200 * DAY);
    expiry.setMilliseconds(0);
    await ok(control('POST', '/tenants/fir/licence', { addModules: ['webhooks'], limits: { users: 10 }, expiresAt: expiry.toISOString() }), 201);
    await ok(control('POST', '/tenants/gum/suspend'), 200);
    await ok(control('POST', '/tenants/hazel/archive'), 200);
    const before = { elm: await licenceOf('elm'), fir: await licenceOf('fir'), gum: await licenceOf('gum'), hazel: await licenceOf('hazel') };
    expect(before.fir.overrides).toEqual({ addModules: ['webhooks'], limits: { users: 10 } });
    const oak = await licenceOf('oak');

    await ok(control('PATCH', '/plans/garden', { modules: ['members', 'properties'], limits: { members: 250, users: 5 } }), 200);
    // The edit queued the reissue; no worker runs in this test, so it is run here.
    const queued = await ok(control('GET', `/jobs?queue=${LICENCE_REISSUE_JOB}`), 200);
    expect(queued.data.map((j: { payload: unknown }) => j.payload)).toContainEqual({ plan: 'garden' });
    await runJob(t, LICENCE_REISSUE_JOB, { plan: 'garden' });

    const elm = await licenceOf('elm');
    expect(elm.id).not.toBe(before.elm.id);
    expect(elm.claims.modules).toEqual(['members', 'properties']);
    expect(elm.claims.limits).toEqual({ members: 250, users: 5, storageMb: 512 });
    expect(elm.expiresAt).toBe(before.elm.expiresAt);
    const fir = await licenceOf('fir');
    expect(fir.claims.modules).toEqual(['members', 'properties', 'webhooks']);
    expect(fir.claims.limits).toEqual({ members: 250, users: 10, storageMb: 512 });
    expect(new Date(fir.expiresAt).getTime()).toBe(expiry.getTime());
    expect(fir.overrides).toEqual(before.fir.overrides);
    expect((await licenceOf('gum')).claims.modules).toEqual(['members', 'properties']);
    expect((await licenceOf('hazel')).id).toBe(before.hazel.id);
    expect((await licenceOf('oak')).id).toBe(oak.id);
    const audit = await ok(control('GET', '/audit?action=licence.reissued'), 200);
    expect(audit.data).toHaveLength(3);

    // The tenant's API follows at once: the properties module is now licensed to elm.
    const elmToken = (await t.login('elm', 'owner@elm.test')).accessToken;
    expect((await t.call('GET', '/api/v1/properties', { tenant: 'elm', token: elmToken })).statusCode).toBe(200);

    // Run again (a retry), and the daily renewal's sweep: nothing more to reissue.
    await runJob(t, LICENCE_REISSUE_JOB, { plan: 'garden' });
    await runRenewal();
    expect((await licenceOf('elm')).id).toBe(elm.id);
    expect((await licenceOf('fir')).id).toBe(fir.id);
  });

  it('changing only its name or price reissues nothing', async () => {
    const elm = await licenceOf('elm');
    await ok(control('PATCH', '/plans/garden', { name: 'Garden (2027)', price: { amountMinor: 1100, currency: 'EUR', interval: 'month' } }), 200);
    await runJob(t, LICENCE_REISSUE_JOB, { plan: 'garden' });
    expect((await licenceOf('elm')).id).toBe(elm.id);
  });
});

describe('a tenant whose licence is eleven months old', () => {
  it('keeps working a year on, past the first licence and its grace, with nobody acting but the daily job', async () => {
    let now = Date.now();
    const clock = await startPlatform({ platform: { clock: () => new Date(now) } });
    try {
      const pine = await clock.createTenant('pine');
      const first = (await ok(clock.call('GET', '/control/v1/tenants/pine/licence', { token: await clock.platformToken() }), 200)) as LicenceBody;
      const members = async () => (await clock.call('GET', '/api/v1/members', { tenant: 'pine', token: pine.token })).statusCode;
      expect(await members()).toBe(200);

      now += 335 * DAY;
      await runJob(clock, LICENCE_RENEWAL_JOB);
      const renewed = (await ok(clock.call('GET', '/control/v1/tenants/pine/licence', { token: await clock.platformToken() }), 200)) as LicenceBody;
      expect(renewed.id).not.toBe(first.id);
      expect(new Date(renewed.expiresAt).getTime()).toBe(new Date(first.expiresAt).getTime() + 365 * DAY);

      // Past the first licence's expiry and grace: it alone would be refused; the tenant works.
      now += 60 * DAY;
      await expect(clock.platform.licenceVerifier.verify(first.jws, pine.id)).rejects.toMatchObject({ code: 'licence_expired' });
      expect(await members()).toBe(200);
    } finally {
      await clock.close();
    }
  });
});
