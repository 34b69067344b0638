import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { USAGE_INGEST } from '../src/control/metering/usage.jobs.js';
import type { DomainEvent } from '../src/kernel/events/event.js';
import type { EventSubscriber } from '../src/kernel/jobs/job.js';
import { USAGE_RECORDED, USAGE_SNAPSHOT } from '../src/kernel/metering/meters.js';
import { estate, expectProblem, ok, type Estate } from './fixture.js';
import { startPlatform, type TestPlatform } from './helpers.js';
import { jobContext, relayMail, takeEvents } from './mail-helpers.js';

let t: TestPlatform;
let elm: Estate;
let fir: Estate;
let admin: string;

type Usage = { granularity: string; data: { meter: string; kind: string; total: number; points: { at: string; value: number }[] }[] };

const ingestion = (): EventSubscriber & { batch: NonNullable<EventSubscriber['batch']> } => {
  const s = t.platform.jobs.subscribers.find((x) => x.name === USAGE_INGEST);
  if (!s?.batch) throw new Error('the control plane has no usage ingestion');
  return s as EventSubscriber & { batch: NonNullable<EventSubscriber['batch']> };
};
/** The tenant's waiting usage events, out of its outbox as the relay takes them. */
const usageEvents = (tenant: Estate): Promise<DomainEvent[]> => takeEvents(t.platform, tenant.id, [USAGE_RECORDED, USAGE_SNAPSHOT]);
const ingest = (events: DomainEvent[]) => ingestion().batch.handle(events, jobContext(t.platform));
const usage = async (tenant: Estate, query = ''): Promise<Usage> => ok(t.call('GET', `/control/v1/tenants/${tenant.slug}/usage${query}`, { token: admin }), 200);
const totals = (u: Usage) => Object.fromEntries(u.data.map((s) => [s.meter, s.total]));

/** What the tenant's tables hold, counted straight from them. */
async function counted(tenant: Estate) {
  return tenant.tx(async (db) => {
    const one = async (q: ReturnType<typeof sql<{ n: string }>>) => Number((await q.execute(db)).rows[0]!.n);
    return {
      members: await one(sql`SELECT count(*) AS n FROM members`),
      units: await one(sql`SELECT count(*) AS n FROM units`),
      users: await one(sql`SELECT count(*) AS n FROM users WHERE status = 'active'`),
      storageBytes: await one(sql`SELECT coalesce(sum(size), 0) AS n FROM document_versions`),
      emails: await one(sql`SELECT count(*) AS n FROM mail_messages WHERE status = 'sent'`),
      charges: await one(sql`SELECT count(*) AS n FROM finance_charges`),
    };
  });
}

beforeAll(async () => {
  t = await startPlatform();
  admin = await t.platformToken();
  elm = await estate(t, { slug: 'elm', units: 3, members: 4, staff: true });
  fir = await estate(t, { slug: 'fir', members: 1 });
});

afterAll(async () => {
  await t?.close();
});

describe('metering', () => {
  it("aggregates what a tenant reports to the counts in its own tables, and a redelivery changes nothing", async () => {
    // Levels: a member removed, a unit added, a user disabled, a document stored.
    await ok(elm.api('DELETE', `/members/${elm.memberIds[3]}`), 204);
    await ok(elm.api('POST', `/properties/${elm.propertyId}/units`, { label: 'U-9', kind: 'shop' }));
    const leaving = await ok(elm.api('POST', '/users', { email: 'leaving@elm.test', name: 'Leaving', roles: ['staff'] }));
    await ok(elm.api('PATCH', `/users/${leaving.id}`, { status: 'disabled' }), 200);
    const doc = await ok(elm.api('POST', '/documents', { title: 'Rules' }));
    await ok(elm.api('POST', `/documents/${doc.id}/versions`, Buffer.from('%PDF-1.4\n%%EOF\n'), { headers: { 'content-type': 'application/octet-stream', 'x-file-name': 'rules.pdf' } }));
    // Flows: two charges, and the invitation e-mails the new users were sent.
    for (const memberId of elm.memberIds.slice(0, 2)) {
      await ok(elm.api('POST', '/finance/charges', { memberId, kind: 'levy', description: 'Levy', amount: 5_000, currency: 'EUR', dueDate: '2026-01-31' }));
    }
    await relayMail(t.platform, elm.id);
    await elm.runJob('metering', 'metering.snapshot');
    await t.platform.apiRequests!.flush();

    const events = await usageEvents(elm);
    expect(new Set(events.map((e) => e.type))).toEqual(new Set([USAGE_RECORDED, USAGE_SNAPSHOT]));
    await ingest(events);
    const direct = await counted(elm);
    expect(direct.emails).toBeGreaterThan(0);
    expect(direct.storageBytes).toBe(15);
    const first = await usage(elm);
    expect(totals(first)).toMatchObject(direct);

    // Delivered again, whole or in part, alone or with others: nothing counts twice.
    await ingest(events);
    await Promise.all([ingest(events), ingest(events.slice(2))]);
    await ingest([...events.slice(0, 3), ...events.slice(0, 3)]);
    expect((await usage(elm)).data).toEqual(first.data);
    // The hours, days and month hold the same sums.
    for (const granularity of ['hour', 'month']) {
      expect(totals(await usage(elm, `?granularity=${granularity}`))).toEqual(totals(first));
    }
  });

  it('counts the API requests each tenant was served', async () => {
    await t.platform.apiRequests!.flush();
    await ingest([...(await usageEvents(elm)), ...(await usageEvents(fir))]);
    const before = totals(await usage(elm, '?meter=apiRequests')).apiRequests!;
    const otherBefore = totals(await usage(fir, '?meter=apiRequests')).apiRequests ?? 0;
    for (let i = 0; i < 7; i++) await ok(elm.api('GET', '/members'), 200);
    await t.platform.apiRequests!.flush();
    await ingest([...(await usageEvents(elm)), ...(await usageEvents(fir))]);
    const after = await usage(elm, '?meter=apiRequests');
    expect(after.data.map((s) => s.meter)).toEqual(['apiRequests']);
    expect(after.data[0]!.total).toBe(before + 7);
    expect(totals(await usage(fir, '?meter=apiRequests')).apiRequests ?? 0).toBe(otherBefore);
  });

  it("shows a tenant's owner its own usage, and no one else", async () => {
    const own = await ok(elm.api('GET', '/billing/usage?meter=members'), 200);
    expect(own.data[0]).toMatchObject({ meter: 'members', kind: 'gauge', total: 3 });
    // Another tenant's owner reads their own tenant's, whatever they ask.
    const other = await ok(fir.api('GET', '/billing/usage?meter=members'), 200);
    expect(other.data[0].total).toBe(0);
    // Staff hold no billing permission.
    expectProblem(await elm.as(elm.staff!).api('GET', '/billing/usage'), 403, 'permission_denied');
  });

  it('refuses a range that is empty, too long or not a meter', async () => {
    expectProblem(await t.call('GET', '/control/v1/tenants/elm/usage?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z', { token: admin }), 400, 'validation_failed', 'from');
    expectProblem(await t.call('GET', '/control/v1/tenants/elm/usage?granularity=hour&from=2025-01-01T00:00:00Z&to=2026-01-01T00:00:00Z', { token: admin }), 400, 'validation_failed', 'from');
    expectProblem(await t.call('GET', '/control/v1/tenants/elm/usage?meter=coffee', { token: admin }), 400, 'validation_failed');
    expectProblem(await t.call('GET', '/control/v1/tenants/nowhere/usage', { token: admin }), 404, 'tenant_not_found');
  });

  it('keeps the plan limits on the tallies: a unit, a user and a member past the limit are refused', async () => {
    const tallies = await elm.tx(async (db) => Object.fromEntries((await sql<{ meter: string; value: string }>`SELECT meter, value FROM tenant_tallies`.execute(db)).rows.map((r) => [r.meter, Number(r.value)])));
    expect(tallies).toMatchObject(await counted(elm).then(({ members, units, users, storageBytes }) => ({ members, units, users, storageBytes })));
    await ok(t.call('POST', '/control/v1/tenants/elm/licence', { token: admin, body: { limits: { members: 3, units: tallies.units, users: tallies.users } } }));
    expectProblem(await elm.api('POST', '/members', { firstName: 'One', lastName: 'Toomany', type: 'owner' }), 403, 'plan_limit_reached');
    expectProblem(await elm.api('POST', '/users', { email: 'extra@elm.test', name: 'Extra', roles: ['staff'] }), 403, 'plan_limit_reached');
    expectProblem(await elm.api('POST', `/properties/${elm.propertyId}/units`, { label: 'U-99', kind: 'shop' }), 403, 'plan_limit_reached');
    const csv = 'property,property_kind,unit,unit_kind\nImported Estate,residential,I-1,apartment\n';
    expectProblem(await elm.api('POST', '/properties/import?dryRun=false', csv, { headers: { 'content-type': 'text/csv' } }), 403, 'plan_limit_reached');
    await ok(t.call('POST', '/control/v1/tenants/elm/licence', { token: admin, body: {} }));
  });
});
