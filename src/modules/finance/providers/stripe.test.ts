import { randomBytes } from 'node:crypto';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeStripe, SECRET_KEY, WEBHOOK_SECRET } from '../../../../test/fake-stripe.js';
import { estate, ok, type Estate } from '../../../../test/fixture.js';
import { startPlatform, type TestPlatform } from '../../../../test/helpers.js';
import { testDb } from '../../../../test/test-db.js';

/**
 * Card payments against Stripe's real wire format. Stripe itself cannot be reached from here,
 * so a small stand-in of its API runs on 127.0.0.1: it takes what the official `stripe`
 * package sends (form-encoded, Bearer secret key) and answers as Stripe's Checkout Sessions
 * API does. Webhooks are signed by the official package's own test signer and delivered
 * through the HTTP API. The stand-in is test/fake-stripe.ts.
 */


const stripe = new FakeStripe();
let t: TestPlatform;
let oak: Estate;
let elm: Estate;
let staffToken: string;

async function member(firstName: string, lastName: string, tenant = oak) {
  return ok(tenant.api('POST', '/members', { firstName, lastName, type: 'owner', email: `${firstName.toLowerCase()}@${tenant.slug}.test` }));
}

async function charge(memberId: string, amount: number, dueDate: string, currency = 'EUR', tenant = oak) {
  return ok(tenant.api('POST', '/finance/charges', { memberId, kind: 'levy', description: `Levy due ${dueDate}`, amount, currency, dueDate }));
}

const userOf = async (role: string, email: string, memberId?: string): Promise<string> => (await oak.newUser(email, [role], memberId ? { memberId } : {})).token;

const configure = (tenant: Estate, body: Record<string, unknown>) => tenant.api('PUT', '/finance/providers/stripe', body);

const urls = { successUrl: 'https://oak.courtyard.test/portal/paid?session={CHECKOUT_SESSION_ID}', cancelUrl: 'https://oak.courtyard.test/portal/balance' };

const openCheckout = (body: Record<string, unknown>, token = oak.token) => t.call('POST', '/api/v1/finance/checkout-sessions', { token, tenant: 'oak', body: { ...urls, ...body } });

/** Delivers a signed event as Stripe does: to the tenant's URL, the raw JSON bytes, the Stripe-Signature header. */
function deliver(payload: string, options: { secret?: string; timestamp?: number; header?: string | null; path?: string } = {}) {
  const header = options.header !== undefined ? options.header : Stripe.webhooks.generateTestHeaderString({ payload, secret: options.secret ?? WEBHOOK_SECRET, ...(options.timestamp ? { timestamp: options.timestamp } : {}) });
  return t.call('POST', options.path ?? '/t/oak/api/v1/finance/providers/stripe/webhook', {
    body: payload,
    headers: { 'content-type': 'application/json; charset=utf-8', 'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)', ...(header === null ? {} : { 'stripe-signature': header }) },
  });
}

const paymentsOf = async (memberId: string) => (await ok(oak.api('GET', `/finance/payments?memberId=${memberId}`), 200)).data as { id: string; amount: number; method: string; currency: string; reference: string }[];
const chargeOf = async (id: string) => ok(oak.api('GET', `/finance/charges/${id}`), 200);

beforeAll(async () => {
  await stripe.start();
  t = await startPlatform({ config: { stripeApiUrl: stripe.url } });
  oak = await estate(t, { slug: 'oak', stepUp: true });
  elm = await estate(t, { slug: 'elm' });
  staffToken = await userOf('staff', 'clerk@oak.test');
});
afterAll(async () => {
  await t?.close();
  await stripe.stop();
});

describe('Stripe settings', () => {
  it('shows an unconfigured tenant the webhook URL and the events to enable', async () => {
    const settings = await ok(t.call('GET', '/api/v1/finance/providers/stripe', { token: elm.token, tenant: 'elm' }), 200);
    expect(settings).toMatchObject({ provider: 'stripe', enabled: false, mode: null, secretKey: { set: false, last4: null }, webhookSecret: { set: false, last4: null }, updatedAt: null });
    expect(settings.webhookUrl).toBe('https://elm.courtyard.test/api/v1/finance/providers/stripe/webhook');
    expect(settings.webhookEvents).toEqual(expect.arrayContaining(['checkout.session.completed', 'checkout.session.async_payment_succeeded']));
  });

  it('needs finance.approve to change, refuses bad keys and a first set-up without both keys', async () => {
    const byStaff = await t.call('PUT', '/api/v1/finance/providers/stripe', { token: staffToken, tenant: 'oak', body: { secretKey: SECRET_KEY, webhookSecret: WEBHOOK_SECRET, enabled: true } });
    expect(byStaff.statusCode).toBe(403);
    expect((await t.call('GET', '/api/v1/finance/providers/stripe', { token: staffToken, tenant: 'oak' })).statusCode).toBe(200);

    const badKey = await configure(oak, { secretKey: 'pk_test_publishable', webhookSecret: WEBHOOK_SECRET, enabled: true });
    expect(badKey.statusCode).toBe(400);
    expect(badKey.json().errors.map((e: { field: string }) => e.field)).toEqual(['secretKey']);

    const half = await configure(oak, { secretKey: SECRET_KEY, enabled: true });
    expect(half.statusCode).toBe(400);
    expect(half.json().errors).toEqual([{ field: 'webhookSecret', message: 'is needed the first time Stripe is set up' }]);
    expect((await oak.api('GET', '/finance/providers/stripe')).json().secretKey.set).toBe(false);
  });

  it('keeps the keys sealed: the API shows their last four characters, the database no key at all', async () => {
    const res = await configure(oak, { secretKey: SECRET_KEY, webhookSecret: WEBHOOK_SECRET, enabled: true });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ enabled: true, mode: 'test', secretKey: { set: true, last4: SECRET_KEY.slice(-4) }, webhookSecret: { set: true, last4: WEBHOOK_SECRET.slice(-4) } });
    const read = await oak.api('GET', '/finance/providers/stripe');
    expect(read.body).not.toContain(SECRET_KEY);
    expect(read.body).not.toContain(WEBHOOK_SECRET);

    const tenant = (await t.platform.directory.byIdOrSlug('oak'))!;
    const rows = await t.platform.router.tenantTransaction(tenant, (db) => testDb(db).selectFrom('financePaymentProviders').selectAll().execute());
    expect(rows).toHaveLength(1);
    const stored = JSON.stringify(rows[0]);
    expect(stored).not.toContain(SECRET_KEY.slice(8));
    expect(stored).not.toContain(WEBHOOK_SECRET.slice(6));

    // Switching off keeps the keys; switching on again needs none.
    expect((await ok(configure(oak, { enabled: false }), 200)).secretKey.set).toBe(true);
    expect((await ok(configure(oak, { enabled: true }), 200)).enabled).toBe(true);
  });
});

describe('checkout sessions', () => {
  let ada: { id: string };
  let adaCharges: { id: string }[];

  beforeAll(async () => {
    ada = await member('Ada', 'Lovelace');
    adaCharges = [await charge(ada.id, 12_000, '2025-01-01'), await charge(ada.id, 8_050, '2025-02-01'), await charge(ada.id, 5_000, '2025-03-01')];
  });

  it('opens a session for chosen charges with the amount from the ledger, as the stripe package sends it', async () => {
    const before = stripe.checkoutRequests().length;
    const res = await openCheckout({ memberId: ada.id, chargeIds: [adaCharges[1]!.id, adaCharges[0]!.id] });
    expect(res.statusCode, res.body).toBe(201);
    const session = res.json();
    expect(session).toMatchObject({ memberId: ada.id, scope: 'charges', amount: 20_050, currency: 'EUR', status: 'open', provider: 'stripe' });
    expect(session.url).toMatch(/^https:\/\/checkout\.stripe\.com\/c\/pay\/cs_test_/);
    expect(session.charges).toEqual([{ chargeId: adaCharges[1]!.id, amount: 8_050 }, { chargeId: adaCharges[0]!.id, amount: 12_000 }]);

    const sent = stripe.checkoutRequests().slice(before);
    expect(sent).toHaveLength(1);
    const { headers, form } = sent[0]!;
    expect(headers.authorization).toBe(`Bearer ${SECRET_KEY}`);
    expect(headers['idempotency-key']).toBe(`courtyard-checkout-${session.id}`);
    expect(headers['stripe-version']).toBe(Stripe.API_VERSION);
    expect(form).toMatchObject({
      mode: 'payment',
      client_reference_id: session.id,
      success_url: urls.successUrl,
      cancel_url: urls.cancelUrl,
      customer_email: 'ada@oak.test',
      'line_items[0][quantity]': '1',
      'line_items[0][price_data][currency]': 'eur',
      'line_items[0][price_data][unit_amount]': '8050',
      'line_items[0][price_data][product_data][name]': 'Levy due 2025-02-01',
      'line_items[1][price_data][unit_amount]': '12000',
      'metadata[courtyard_tenant_id]': oak.id,
      'metadata[courtyard_member_id]': ada.id,
      'metadata[courtyard_session_id]': session.id,
      'metadata[courtyard_scope]': 'charges',
      'metadata[courtyard_charge_ids]': `${adaCharges[1]!.id},${adaCharges[0]!.id}`,
      'payment_intent_data[metadata][courtyard_tenant_id]': oak.id,
    });
    expect(form['line_items[2][quantity]']).toBeUndefined();
    expect(stripe.sessions.get(session.providerSessionId)!.amount_total).toBe(20_050);
  });

  it("opens a session for the member's whole balance", async () => {
    const res = await openCheckout({ memberId: ada.id });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ scope: 'balance', amount: 25_050, currency: 'EUR' });
    expect(res.json().charges.map((c: { chargeId: string }) => c.chargeId)).toEqual(adaCharges.map((c) => c.id));
    const { form } = stripe.checkoutRequests().at(-1)!;
    expect(form).toMatchObject({ 'line_items[0][price_data][unit_amount]': '25050', 'line_items[0][price_data][product_data][name]': 'Account balance of Ada Lovelace', 'metadata[courtyard_scope]': 'balance' });
    expect(form['metadata[courtyard_charge_ids]']).toBeUndefined();
  });

  it('refuses what it cannot charge: nothing owed, two currencies, a charge of another member, no provider, a bad URL', async () => {
    const before = stripe.checkoutRequests().length;
    const ben = await member('Ben', 'Quill');
    const nothing = await openCheckout({ memberId: ben.id });
    expect(nothing.statusCode).toBe(409);
    expect(nothing.json().detail).toMatch(/owes nothing/);

    await charge(ben.id, 1_000, '2025-01-01', 'EUR');
    const gbp = await charge(ben.id, 2_000, '2025-01-01', 'GBP');
    const mixed = await openCheckout({ memberId: ben.id });
    expect(mixed.statusCode).toBe(400);
    expect(mixed.json().errors[0].field).toBe('chargeIds');
    expect((await openCheckout({ memberId: ben.id, chargeIds: [gbp.id, adaCharges[0]!.id] })).json().errors[0]).toMatchObject({ field: 'chargeIds.1', message: 'is not a charge of this member' });

    const elmMember = await member('Eve', 'Elm', elm);
    expect((await t.call('POST', '/api/v1/finance/checkout-sessions', { token: elm.token, tenant: 'elm', body: { ...urls, memberId: elmMember.id } })).statusCode).toBe(409);
    expect((await openCheckout({ memberId: elmMember.id })).statusCode).toBe(404);
    expect((await openCheckout({ memberId: ada.id, successUrl: 'javascript:alert(1)' })).statusCode).toBe(400);
    expect(stripe.checkoutRequests().length).toBe(before);
  });

  it('answers 422 and records nothing when Stripe refuses the key', async () => {
    const ash = await estate(t, { slug: 'ash', stepUp: true });
    const m = await member('Ash', 'Tree', ash);
    await charge(m.id, 500, '2025-01-01', 'EUR', ash);
    await ok(configure(ash, { secretKey: 'sk_test_revokedrevokedrevoked', webhookSecret: WEBHOOK_SECRET, enabled: true }), 200);
    const res = await t.call('POST', '/api/v1/finance/checkout-sessions', { token: ash.token, tenant: 'ash', body: { ...urls, memberId: m.id } });
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().detail).toMatch(/Stripe refused the secret key: Invalid API Key provided/);
    const tenant = (await t.platform.directory.byIdOrSlug('ash'))!;
    expect(await t.platform.router.tenantTransaction(tenant, (db) => testDb(db).selectFrom('financeCheckoutSessions').selectAll().execute())).toEqual([]);
  });

  it('lets a portal member pay for themselves only', async () => {
    const cy = await member('Cy', 'Portal');
    const dee = await member('Dee', 'Neighbour');
    await charge(cy.id, 4_200, '2025-01-01');
    const deeCharge = await charge(dee.id, 9_900, '2025-01-01');
    const cyToken = await userOf('member', 'cy@portal.test', cy.id);

    const own = await openCheckout({ memberId: cy.id }, cyToken);
    expect(own.statusCode, own.body).toBe(201);
    expect(own.json()).toMatchObject({ memberId: cy.id, amount: 4_200 });

    const before = stripe.checkoutRequests().length;
    const theirs = await openCheckout({ memberId: dee.id }, cyToken);
    expect(theirs.statusCode).toBe(404);
    expect(theirs.body).not.toContain('Neighbour');
    expect((await openCheckout({ memberId: cy.id, chargeIds: [deeCharge.id] }, cyToken)).statusCode).toBe(404);
    expect(stripe.checkoutRequests().length).toBe(before);

    // Reading or changing the settings stays with staff.
    expect((await t.call('GET', '/api/v1/finance/providers/stripe', { token: cyToken, tenant: 'oak' })).statusCode).toBe(403);
    const unlinked = await userOf('member', 'nobody@portal.test');
    expect((await openCheckout({ memberId: cy.id }, unlinked)).statusCode).toBe(403);
  });
});

describe('the Stripe webhook', () => {
  let grace: { id: string };
  let graceCharges: { id: string }[];
  let session: { id: string; providerSessionId: string };

  beforeAll(async () => {
    grace = await member('Grace', 'Hopper');
    graceCharges = [await charge(grace.id, 10_000, '2025-01-01'), await charge(grace.id, 7_500, '2025-02-01'), await charge(grace.id, 3_000, '2025-03-01')];
    session = await ok(openCheckout({ memberId: grace.id, chargeIds: [graceCharges[2]!.id, graceCharges[1]!.id] }));
  });

  it('records a paid checkout once, however often Stripe delivers it, and pays the chosen charges', async () => {
    const payload = JSON.stringify(stripe.completed(session.providerSessionId));
    const first = await deliver(payload);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ received: true, outcome: 'recorded' });
    const again = await Promise.all([deliver(payload), deliver(payload)]);
    for (const r of again) {
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json()).toEqual({ received: true, outcome: 'already_recorded', paymentId: first.json().paymentId });
    }

    const payments = await paymentsOf(grace.id);
    expect(payments).toHaveLength(1);
    expect(payments[0]).toMatchObject({ id: first.json().paymentId, amount: 10_500, currency: 'EUR', method: 'card' });
    expect(payments[0]!.reference).toMatch(/^pi_/);
    expect((await chargeOf(graceCharges[2]!.id)).status).toBe('paid');
    expect((await chargeOf(graceCharges[1]!.id)).status).toBe('paid');
    // The oldest charge was not chosen, so it still owes.
    expect((await chargeOf(graceCharges[0]!.id)).status).toBe('open');
    const paid = await openCheckout({ memberId: grace.id, chargeIds: [graceCharges[2]!.id] });
    expect(paid.statusCode).toBe(409);
    expect(paid.json().errors).toEqual([{ field: 'chargeIds.0', message: 'owes nothing' }]);
  });

  it("shows a member their own checkout pending until the webhook records it, and never a neighbour's", async () => {
    const ivy = await member('Ivy', 'Pending');
    const jon = await member('Jon', 'Nextdoor');
    await charge(ivy.id, 6_000, '2025-01-01');
    await charge(jon.id, 8_000, '2025-01-01');
    const ivyToken = await userOf('member', 'ivy@portal.test', ivy.id);
    const jonToken = await userOf('member', 'jon@portal.test', jon.id);
    const opened = await ok(openCheckout({ memberId: ivy.id }, ivyToken));
    const read = (token: string) => t.call('GET', `/api/v1/finance/checkout-sessions/${opened.id}`, { token, tenant: 'oak' });

    // Back from Stripe's page before the webhook: still open, no payment.
    expect((await read(ivyToken)).json()).toMatchObject({ id: opened.id, memberId: ivy.id, status: 'open', paymentId: null, amount: 6_000 });
    const theirs = await read(jonToken);
    expect(theirs.statusCode).toBe(404);
    expect(theirs.body).not.toContain('Pending');
    expect((await t.call('GET', `/api/v1/finance/checkout-sessions/${opened.id}`, { token: staffToken, tenant: 'oak' })).statusCode).toBe(200);

    const delivered = await deliver(JSON.stringify(stripe.completed(opened.providerSessionId)));
    expect(delivered.json()).toMatchObject({ outcome: 'recorded' });
    expect((await read(ivyToken)).json()).toMatchObject({ status: 'completed', paymentId: delivered.json().paymentId });
    expect((await read(jonToken)).statusCode).toBe(404);
    // Another tenant's staff find nothing by the id.
    expect((await t.call('GET', `/api/v1/finance/checkout-sessions/${opened.id}`, { token: elm.token, tenant: 'elm' })).statusCode).toBe(404);
  });

  it('records a whole-balance checkout oldest due first', async () => {
    const hal = await member('Hal', 'Balance');
    const older = await charge(hal.id, 2_500, '2025-01-01');
    const newer = await charge(hal.id, 2_500, '2025-04-01');
    const s = await ok(openCheckout({ memberId: hal.id }));
    // The payer paid part of it (a later charge of the balance stays open).
    const res = await deliver(JSON.stringify(stripe.completed(s.providerSessionId, { amountTotal: 2_500 })));
    expect(res.json().outcome).toBe('recorded');
    expect((await chargeOf(older.id)).status).toBe('paid');
    expect((await chargeOf(newer.id)).status).toBe('open');
  });

  it('answers a bad, missing or malformed signature with 400 and records nothing', async () => {
    const ivy = await member('Ivy', 'Unsigned');
    await charge(ivy.id, 1_234, '2025-01-01');
    const s = await ok(openCheckout({ memberId: ivy.id }));
    const payload = JSON.stringify(stripe.completed(s.providerSessionId));

    const wrongSecret = await deliver(payload, { secret: 'whsec_someoneelsessecret' });
    expect(wrongSecret.statusCode).toBe(400);
    expect(wrongSecret.headers['content-type']).toContain('application/problem+json');
    expect(wrongSecret.json()).toMatchObject({ code: 'validation_failed', errors: [{ field: 'stripe-signature' }] });
    expect(wrongSecret.json().detail).toMatch(/does not match the body/);

    const missing = await deliver(payload, { header: null });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().detail).toBe('The Stripe-Signature header is missing');
    expect((await deliver(payload, { header: 'garbage' })).json().detail).toMatch(/malformed/);
    expect(await paymentsOf(ivy.id)).toEqual([]);
  });

  it('refuses a tampered body', async () => {
    const jo = await member('Jo', 'Tampered');
    await charge(jo.id, 5_000, '2025-01-01');
    const s = await ok(openCheckout({ memberId: jo.id }));
    const payload = JSON.stringify(stripe.completed(s.providerSessionId));
    const header = Stripe.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET });
    const tampered = payload.replace('"amount_total":5000', '"amount_total":500000');
    expect(tampered).not.toBe(payload);
    const res = await deliver(tampered, { header });
    expect(res.statusCode).toBe(400);
    expect(await paymentsOf(jo.id)).toEqual([]);
    // The same bytes as signed are accepted.
    expect((await deliver(payload, { header })).statusCode).toBe(200);
    expect((await paymentsOf(jo.id)).map((p) => p.amount)).toEqual([5_000]);
  });

  it('refuses a signature older than the tolerance, as a replay', async () => {
    const kim = await member('Kim', 'Stale');
    await charge(kim.id, 700, '2025-01-01');
    const s = await ok(openCheckout({ memberId: kim.id }));
    const payload = JSON.stringify(stripe.completed(s.providerSessionId));
    const res = await deliver(payload, { timestamp: Math.floor(Date.now() / 1000) - 3_600 });
    expect(res.statusCode).toBe(400);
    expect(res.json().detail).toMatch(/more than 300 seconds old/);
    expect(await paymentsOf(kim.id)).toEqual([]);
  });

  it('acknowledges event types it does not handle, and sessions Courtyard did not open, without recording', async () => {
    const other = JSON.stringify({ id: `evt_${randomBytes(8).toString('hex')}`, object: 'event', api_version: Stripe.API_VERSION, created: Math.floor(Date.now() / 1000), data: { object: { id: 'cus_123', object: 'customer' } }, livemode: false, pending_webhooks: 1, request: { id: null, idempotency_key: null }, type: 'customer.created' });
    expect((await deliver(other)).json()).toEqual({ received: true, outcome: 'ignored', paymentId: null });
    const foreign = stripe.completed(session.providerSessionId, { metadata: { order: 'shop-42' } });
    expect((await deliver(JSON.stringify(foreign))).json()).toMatchObject({ outcome: 'ignored' });
    // Still pending: a bank debit completes unpaid, its money arrives with a later event.
    const lee = await member('Lee', 'Pending');
    await charge(lee.id, 1_500, '2025-01-01');
    const s = await ok(openCheckout({ memberId: lee.id }));
    expect((await deliver(JSON.stringify(stripe.completed(s.providerSessionId, { paymentStatus: 'unpaid' })))).json().outcome).toBe('pending');
    expect(await paymentsOf(lee.id)).toEqual([]);
    const succeeded = await deliver(JSON.stringify(stripe.completed(s.providerSessionId, { type: 'checkout.session.async_payment_succeeded' })));
    expect(succeeded.json().outcome).toBe('recorded');
    expect((await paymentsOf(lee.id)).map((p) => p.amount)).toEqual([1_500]);
  });

  it("refuses another tenant's checkout delivered to this tenant's URL, recording nothing", async () => {
    const mo = await member('Mo', 'Crossed');
    await charge(mo.id, 3_300, '2025-01-01');
    const s = await ok(openCheckout({ memberId: mo.id }));
    const event = stripe.completed(s.providerSessionId);
    event.data.object.metadata = { ...(event.data.object.metadata as Record<string, string>), courtyard_tenant_id: elm.id };
    const res = await deliver(JSON.stringify(event));
    expect(res.statusCode).toBe(400);
    expect(res.json().detail).toMatch(/belongs to another tenant/);
    expect(await paymentsOf(mo.id)).toEqual([]);

    // And elm, whose Stripe is not set up, cannot verify anything at all.
    const toElm = await deliver(JSON.stringify(stripe.completed(s.providerSessionId)), { path: '/t/elm/api/v1/finance/providers/stripe/webhook' });
    expect(toElm.statusCode).toBe(400);
    expect(await paymentsOf(mo.id)).toEqual([]);
  });

  it('takes only JSON, and leaves every other route its own JSON parsing', async () => {
    const res = await t.call('POST', '/t/oak/api/v1/finance/providers/stripe/webhook', { body: 'id=evt_1', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(res.statusCode).toBe(415);
    const parsed = await oak.api('POST', '/members', { firstName: 'Parsed', lastName: 'Json', type: 'owner' });
    expect(parsed.statusCode).toBe(201);
  });
});
