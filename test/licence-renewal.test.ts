import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LICENCE_RENEWAL_JOB } from '../src/control/licences/licence-renewal.js';
import { type Control, newTenant, startControlPlane } from './control-plane-helpers.js';
import { ok } from './fixture.js';
import type { TestPlatform } from './helpers.js';

let t: TestPlatform;
let control: Control;
const DAY = 86_400_000;

beforeAll(async () => {
  ({ t, control } = await startControlPlane());
  for (const slug of ['ash', 'beech', 'cherry']) await ok(control('POST', '/tenants', newTenant(slug)));
});
afterAll(() => t?.close());

const licenceOf = async (slug: string) => (await ok(control('GET', `/tenants/${slug}/licence`), 200)) as { id: string; expiresAt: string; claims: { modules: string[]; limits: Record<string, number>; grace: number } };
const runRenewal = async () => {
  const job = t.platform.jobs.definition(LICENCE_RENEWAL_JOB);
  expect(job?.schedule).toEqual({ cron: '17 3 * * *', perTenant: false });
  await job!.handler({ id: randomUUID(), name: LICENCE_RENEWAL_JOB, data: {}, retryCount: 0 }, t.platform.jobs.context());
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
