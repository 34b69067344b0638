import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { USAGE_INGEST } from '../src/control/metering/usage.jobs.js';
import { DUNNING_JOB } from '../src/control/billing/billing.jobs.js';
import { daysBetween } from '../src/control/billing/invoice-lines.js';
import { proportion } from '../src/control/billing/pricing.js';
import type { TenantContext } from '../src/kernel/context.js';
import { recordUsage } from '../src/kernel/metering/usage.js';
import { USAGE_RECORDED, USAGE_SNAPSHOT } from '../src/kernel/metering/meters.js';
import { estate, expectProblem, ok, type Estate } from './fixture.js';
import { FakeStripe, SECRET_KEY, WEBHOOK_SECRET } from './fake-stripe.js';
import { startPlatform, type TestPlatform } from './helpers.js';
import { jobContext, readMailFile, takeEvents } from './mail-helpers.js';
import { testDb } from './test-db.js';

const DAY = 86_400_000;
const startOfToday = Math.floor(Date.now() / DAY) * DAY;
/** The platform's clock: today (usage events carry the real time, so periods must hold it), moved on by the tests. */
let clock = startOfToday + 3_600_000;
let t: TestPlatform;
let admin: string;
const stripe = new FakeStripe();

const control = (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, body?: unknown) => t.call(method, `/control/v1${url}`, { token: admin, body });
const invoicesOf = async (slug: string) => (await ok(control('GET', `/invoices?tenant=${slug}&kind=invoice`), 200)).data as Invoice[];
const subscriptionOf = async (slug: string) => ok(control('GET', `/tenants/${slug}/subscription`), 200);
const run = () => ok(control('POST', '/billing/run'), 200);
const dunning = async () => {
  const job = t.platform.jobs.definition(DUNNING_JOB)!;
  await job.handler({ id: randomUUID(), name: DUNNING_JOB, data: {}, retryCount: 0 }, t.platform.jobs.context());
};
/** The tenant's usage events, reported and aggregated as the relay and the control plane's subscriber do. */
async function report(tenant: Estate) {
  await tenant.runJob('metering', 'metering.snapshot');
  const events = await takeEvents(t.platform, tenant.id, [USAGE_RECORDED, USAGE_SNAPSHOT]);
  await t.platform.jobs.subscribers.find((s) => s.name === USAGE_INGEST)!.batch!.handle(events, jobContext(t.platform));
}

interface Invoice {
  id: string;
  number: string;
  status: string;
  lines: { kind: string; meter: string | null; quantity: number; amountMinor: number }[];
  subtotalMinor: number;
  taxMinor: number;
  totalMinor: number;
  amountDueMinor: number;
  periodStart: string;
  periodEnd: string;
  dueAt: string;
}

beforeAll(async () => {
  await stripe.start();
  t = await startPlatform({ config: { billingStripeSecretKey: SECRET_KEY, billingStripeWebhookSecret: WEBHOOK_SECRET, stripeApiUrl: stripe.url }, platform: { clock: () => new Date(clock) } });
  admin = await t.platformToken();
  await ok(control('POST', '/plans', {
    key: 'metered',
    name: 'Metered',
    modules: ['members', 'properties'],
    limits: { members: null, users: null, storageMb: null },
    price: { amountMinor: 3_000, currency: 'EUR', interval: 'month' },
    pricing: {
      trialDays: 0,
      components: [
        { meter: 'units', mode: 'graduated', tiers: [{ upTo: 2, unitAmountMinor: 150 }, { upTo: null, unitAmountMinor: 100 }] },
        { meter: 'sms', included: 5, tiers: [{ upTo: null, unitAmountMinor: 5 }] },
      ],
    },
  }));
  await ok(control('PUT', '/tax-rates/ES', { rateBp: 2_100, name: 'IVA' }), 200);
});

afterAll(async () => {
  await t?.close();
  await stripe.stop();
});

describe("the platform's billing", () => {
  let rowan: Estate;
  let first: Invoice;

  it("issues a period's invoice from the plan and the aggregates, to the cent, once however often the run runs", async () => {
    rowan = await estate(t, { slug: 'rowan', plan: 'metered', units: 3 });
    const sub = await subscriptionOf('rowan');
    expect(sub).toMatchObject({ plan: 'metered', status: 'active', dunning: null, periodStart: new Date(startOfToday).toISOString() });
    await ok(control('PATCH', '/tenants/rowan/subscription', { country: 'es', billingEmail: 'treasurer@rowan.test' }), 200);
    await rowan.tx((_db, trx) => recordUsage({ db: trx, tenant: { id: rowan.id } as TenantContext['tenant'] }, 'sms', 12));
    await report(rowan);

    // Nothing before the period ends.
    expect(await run()).toMatchObject({ issued: 0 });
    clock = new Date(sub.periodEnd).getTime() + 3_600_000;
    expect(await run()).toMatchObject({ issued: 1 });
    expect(await run()).toMatchObject({ issued: 0 });
    const invoices = await invoicesOf('rowan');
    expect(invoices).toHaveLength(1);
    first = invoices[0]!;
    // By hand: 30.00 base; units 2 at 1.50 and 1 at 1.00; SMS 12 − 5 included = 7 at 0.05; IVA 21 %.
    expect(first.lines.map((l) => [l.kind, l.meter, l.quantity, l.amountMinor])).toEqual([
      ['base', null, 1, 3_000],
      ['usage', 'units', 2, 300],
      ['usage', 'units', 1, 100],
      ['usage', 'sms', 7, 35],
    ]);
    expect(first).toMatchObject({ subtotalMinor: 3_435, taxMinor: 721, totalMinor: 4_156, amountDueMinor: 4_156, status: 'open', periodStart: sub.periodStart, periodEnd: sub.periodEnd });
    expect(first.number).toBe(`INV-${new Date(clock).getUTCFullYear()}-000001`);
    expect(new Date(first.dueAt).getTime()).toBe(clock + 14 * DAY);
    // The next period began where this one ended.
    expect(await subscriptionOf('rowan')).toMatchObject({ periodStart: sub.periodEnd, status: 'active' });

    const pdf = await t.call('GET', `/control/v1/invoices/${first.id}/pdf`, { token: admin });
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it("shows the tenant's owner its invoices and no other tenant's, and mails the invoice to the billing address", async () => {
    const own = await ok(rowan.api('GET', '/billing/invoices'), 200);
    expect(own.data.map((i: Invoice) => i.number)).toEqual([first.number]);
    const fir = await estate(t, { slug: 'fir' });
    expectProblem(await fir.api('GET', `/billing/invoices/${first.id}`), 404, 'not_found');
    expectProblem(await fir.api('GET', `/billing/invoices/${first.id}/pdf`), 404, 'not_found');
    expect((await ok(fir.api('GET', '/billing/invoices'), 200)).data).toEqual([]);

    const issued = await testDb(t.platform.main.kysely).selectFrom('control.outbox').select(['id', 'type', 'tenantId', 'data', 'occurredAt']).where('type', '=', 'invoice.issued').where('tenantId', '=', rowan.id).execute();
    expect(issued).toHaveLength(1);
    const mailer = t.platform.jobs.subscribers.find((s) => s.name === 'control.billing.mail')!;
    const event = { ...issued[0]!, version: 1, occurredAt: new Date(issued[0]!.occurredAt).toISOString() };
    await mailer.handle(event, jobContext(t.platform));
    const mail = await readMailFile(t.config.dataDir, event.id);
    expect(mail.subject).toBe(`Invoice ${first.number} from Courtyard`);
    expect(mail.to).toMatchObject({ value: [{ address: 'treasurer@rowan.test' }] });
    expect(mail.attachments.map((a) => [a.filename, a.contentType])).toEqual([[`${first.number}.pdf`, 'application/pdf']]);
  });

  it('records a card payment from the signed webhook once, and nothing from a bad signature', async () => {
    const checkout = await ok(rowan.api('POST', `/billing/invoices/${first.id}/checkout`), 200);
    expect(checkout.url).toMatch(/^https:\/\/checkout\.stripe\.com\//);
    const session = [...stripe.sessions.values()].at(-1)!;
    expect(session).toMatchObject({ amount_total: 4_156, currency: 'eur', metadata: { courtyard_invoice: first.id } });
    const event = JSON.stringify(stripe.completed(session.id as string));
    const signed = (payload: string, secret = WEBHOOK_SECRET) => Stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp: Math.floor(clock / 1000) });
    const webhook = (payload: string, signature: string) => t.call('POST', '/control/v1/billing/stripe/webhook', { body: payload, headers: { 'content-type': 'application/json', 'stripe-signature': signature } });

    expectProblem(await webhook(event, signed(event, 'whsec_wrong')), 400, 'validation_failed', 'stripe-signature');
    expect((await invoicesOf('rowan'))[0]!.status).toBe('open');
    expect((await ok(webhook(event, signed(event)), 200)).outcome).toBe('paid');
    expect((await ok(webhook(event, signed(event)), 200)).outcome).toBe('duplicate');
    const paid = (await invoicesOf('rowan'))[0]!;
    expect(paid).toMatchObject({ status: 'paid', amountDueMinor: 0 });
    const payments = await testDb(t.platform.main.kysely).selectFrom('control.invoicePaymentEvents').selectAll().where('invoiceId', '=', first.id).execute();
    expect(payments).toHaveLength(1);

    // A second checkout of the paid invoice, paid too: recorded nowhere but in the audit, once however often Stripe delivers it.
    const again = JSON.stringify(stripe.completed(session.id as string));
    expect((await ok(webhook(again, signed(again)), 200)).outcome).toBe('not open');
    expect((await ok(webhook(again, signed(again)), 200)).outcome).toBe('duplicate');
    const told = await testDb(t.platform.main.kysely).selectFrom('control.auditLog').select('action').where('action', '=', 'invoice.paid_again').where('target', '=', first.id).execute();
    expect(told).toHaveLength(1);
    expect((await invoicesOf('rowan'))[0]).toMatchObject({ status: 'paid', amountDueMinor: 0 });
  });

  it('prorates a plan change to the day, and the licence follows the new plan at once', async () => {
    const spruce = await estate(t, { slug: 'spruce', plan: 'starter' });
    const sub = await subscriptionOf('spruce');
    const start = new Date(sub.periodStart);
    const end = new Date(sub.periodEnd);
    clock = start.getTime() + 10 * DAY + 3_600_000;
    const moved = await ok(spruce.api('PUT', '/billing/subscription', { plan: 'standard' }), 200);
    expect(moved).toMatchObject({ plan: 'standard', periodStart: sub.periodStart });
    expect((await ok(control('GET', '/tenants/spruce/licence'), 200)).claims.plan).toBe('standard');
    clock = end.getTime() + 3_600_000;
    await run();
    const [invoice] = await invoicesOf('spruce');
    const days = daysBetween(start, end);
    // 10 days of Starter (49.00) and the rest of Standard (199.00), each rounded half up.
    expect(invoice!.lines.map((l) => [l.quantity, l.amountMinor])).toEqual([
      [10, Number(proportion(4_900n, 10, days))],
      [days - 10, Number(proportion(19_900n, days - 10, days))],
    ]);
  });

  it('issues one invoice, with no number lost, when a run is killed mid-way and run again', async () => {
    const db = t.platform.main.kysely;
    const holly = await estate(t, { slug: 'holly', plan: 'starter' });
    const sub = await subscriptionOf('holly');
    clock = new Date(sub.periodEnd).getTime() + 3_600_000;
    // Its first invoice written dies with its transaction, as a killed worker's would.
    await sql`CREATE SEQUENCE control.test_kill`.execute(db);
    await sql`CREATE FUNCTION control.test_kill() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW.tenant_id = '${sql.raw(holly.id)}' AND nextval('control.test_kill') = 1 THEN RAISE EXCEPTION 'killed'; END IF; RETURN NEW; END $$`.execute(db);
    await sql`CREATE TRIGGER test_kill AFTER INSERT ON control.invoices FOR EACH ROW EXECUTE FUNCTION control.test_kill()`.execute(db);
    try {
      const before = await testDb(db).selectFrom('control.invoices').select('number').where('kind', '=', 'invoice').execute();
      expect(await run()).toMatchObject({ failed: 1 });
      expect(await invoicesOf('holly')).toEqual([]);
      const issued = await testDb(db).selectFrom('control.invoices').select('number').where('kind', '=', 'invoice').execute();
      expect(await subscriptionOf('holly')).toMatchObject({ periodStart: sub.periodStart });
      expect(await run()).toMatchObject({ issued: 1, failed: 0 });
      const numbers = (await testDb(db).selectFrom('control.invoices').select('number').where('kind', '=', 'invoice').execute()).map((r) => r.number);
      expect(numbers).toHaveLength(issued.length + 1);
      expect(issued.length).toBeGreaterThanOrEqual(before.length);
      expect((await invoicesOf('holly')).map((i) => i.number)).toHaveLength(1);
    } finally {
      await sql`DROP TRIGGER test_kill ON control.invoices`.execute(db);
      await sql`DROP FUNCTION control.test_kill()`.execute(db);
      await sql`DROP SEQUENCE control.test_kill`.execute(db);
    }
  });

  it('numbers invoices without a gap when runs race', async () => {
    for (const slug of ['maple', 'linden', 'cedar', 'aspen']) await estate(t, { slug, plan: 'starter' });
    clock += 62 * DAY;
    const outcomes = await Promise.all([run(), run(), run()]);
    expect(outcomes.reduce((n, o) => n + o.issued, 0)).toBeGreaterThanOrEqual(4);
    const rows = await testDb(t.platform.main.kysely).selectFrom('control.invoices').select('number').where('kind', '=', 'invoice').execute();
    const bySeries = new Map<string, number[]>();
    for (const { number } of rows) {
      const [, year, n] = /^INV-(\d{4})-(\d{6})$/.exec(number)!;
      bySeries.set(year!, [...(bySeries.get(year!) ?? []), Number(n)]);
    }
    for (const ns of bySeries.values()) expect(ns.sort((a, b) => a - b)).toEqual(ns.map((_, i) => i + 1));
    // And each period once.
    const periods = await testDb(t.platform.main.kysely).selectFrom('control.invoices').select(['tenantId', 'periodStart']).where('kind', '=', 'invoice').execute();
    expect(new Set(periods.map((p) => `${p.tenantId}/${new Date(p.periodStart!).toISOString()}`)).size).toBe(periods.length);
  });

  it("takes a tenant that does not pay to past due, read-only and suspended, and paying restores it at once", async () => {
    const alder = await estate(t, { slug: 'alder', plan: 'starter', members: 1 });
    const sub = await subscriptionOf('alder');
    clock = new Date(sub.periodEnd).getTime() + 3_600_000;
    await run();
    const [invoice] = await invoicesOf('alder');
    const due = new Date(invoice!.dueAt).getTime();
    const at = async (days: number) => {
      clock = due + days * DAY + 3_600_000;
      await dunning();
      return subscriptionOf('alder');
    };
    const write = () => alder.api('POST', '/members', { firstName: 'New', lastName: 'Neighbour', type: 'owner' });

    expect(await at(1)).toMatchObject({ status: 'active', dunning: 'reminded' });
    expect(await at(3)).toMatchObject({ status: 'past_due', dunning: 'grace' });
    expect((await write()).statusCode).toBe(201);
    expect(await at(14)).toMatchObject({ status: 'past_due', dunning: 'read_only' });
    expect((await ok(control('GET', '/tenants/alder/licence'), 200)).claims.readOnly).toBe(true);
    expect((await alder.api('GET', '/members')).statusCode).toBe(200);
    expectProblem(await write(), 402, 'subscription_past_due');
    // The owner can still pay.
    expect((await alder.api('GET', `/billing/invoices/${invoice!.id}`)).statusCode).toBe(200);
    expect(await at(30)).toMatchObject({ dunning: 'suspended' });
    expect((await ok(control('GET', '/tenants/alder'), 200)).status).toBe('suspended');
    expect((await alder.api('GET', '/members')).statusCode).toBe(403);

    await ok(control('POST', `/invoices/${invoice!.id}/payments`, { reference: 'TRF-2026-0042' }), 200);
    expect(await subscriptionOf('alder')).toMatchObject({ status: 'active', dunning: null });
    expect((await ok(control('GET', '/tenants/alder'), 200)).status).toBe('active');
    expect((await ok(control('GET', '/tenants/alder/licence'), 200)).claims.readOnly).toBeUndefined();
    expect((await write()).statusCode).toBe(201);
    // Reminders were sent on the schedule's days (0 and 7), once each.
    const reminders = await testDb(t.platform.main.kysely).selectFrom('control.outbox').select('data').where('type', '=', 'invoice.reminder').where('tenantId', '=', alder.id).execute();
    expect(reminders).toHaveLength(2);
  });

  it('ends a subscription canceled at the period end with its last invoice, and its licence with it', async () => {
    await estate(t, { slug: 'poplar', plan: 'starter' });
    const sub = await ok(control('PATCH', '/tenants/poplar/subscription', { cancelAtPeriodEnd: true }), 200);
    expect(sub.cancelAtPeriodEnd).toBe(true);
    clock = new Date(sub.periodEnd).getTime() + 3_600_000;
    await run();
    expect(await subscriptionOf('poplar')).toMatchObject({ status: 'canceled', canceledAt: sub.periodEnd, periodEnd: sub.periodEnd });
    expect(await invoicesOf('poplar')).toHaveLength(1);
    expect((await ok(control('GET', '/tenants/poplar/licence'), 200)).expiresAt).toBe(sub.periodEnd);
    clock += 62 * DAY;
    await run();
    expect(await invoicesOf('poplar')).toHaveLength(1);
  });

  it('corrects a finalised invoice with a credit note and never edits it', async () => {
    const [invoice] = await invoicesOf('holly');
    expectProblem(await control('POST', `/invoices/${invoice!.id}/credit-notes`, { amountMinor: invoice!.totalMinor + 1, reason: 'Too much' }), 400, 'validation_failed', 'amountMinor');
    const note = await ok(control('POST', `/invoices/${invoice!.id}/credit-notes`, { reason: 'Goodwill' }), 201);
    expect(note).toMatchObject({ kind: 'credit_note', corrects: invoice!.id, totalMinor: invoice!.amountDueMinor, status: 'issued' });
    expect(note.number).toMatch(/^CN-\d{4}-000001$/);
    const after = await ok(control('GET', `/invoices/${invoice!.id}`), 200);
    expect(after).toMatchObject({ status: 'void', totalMinor: invoice!.totalMinor, lines: invoice!.lines, amountDueMinor: 0 });
    await expect(sql`UPDATE control.invoices SET total_minor = 1 WHERE id = ${invoice!.id}`.execute(t.platform.main.kysely)).rejects.toThrow(/never edited/);
    await expect(sql`DELETE FROM control.invoices WHERE id = ${invoice!.id}`.execute(t.platform.main.kysely)).rejects.toThrow(/kept/);
  });
});
