import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeStripe, SECRET_KEY, WEBHOOK_SECRET } from '../../../../test/fake-stripe.js';
import { estate, ok, type Estate } from '../../../../test/fixture.js';
import { startPlatform, type TestPlatform } from '../../../../test/helpers.js';
import { testDb } from '../../../../test/test-db.js';

/**
 * A portal member pays the charges they chose (docs/portal.md#money): the checkout asks for
 * exactly those, the signed webhook's payment settles exactly those, a retry with the same
 * Idempotency-Key is the same session, and a wrong or foreign charge is refused with nothing
 * written and nothing sent to Stripe.
 */

const stripe = new FakeStripe();
let t: TestPlatform;
let yew: Estate;

const urls = { successUrl: 'https://yew.courtyard.test/portal/payment', cancelUrl: 'https://yew.courtyard.test/portal/money' };

async function member(firstName: string) {
  return ok(yew.api('POST', '/members', { firstName, lastName: 'Chooser', type: 'owner', email: `${firstName.toLowerCase()}@yew.test` }));
}
const charge = (memberId: string, amount: number, dueDate: string, currency = 'EUR') => ok(yew.api('POST', '/finance/charges', { memberId, kind: 'levy', description: `Levy due ${dueDate}`, amount, currency, dueDate }));
const portalLogin = async (memberId: string, email: string) => (await yew.newUser(email, ['member'], { memberId })).token;
const checkout = (token: string, body: Record<string, unknown>, key?: string) =>
  t.call('POST', '/api/v1/finance/checkout-sessions', { token, tenant: 'yew', body: { ...urls, ...body }, ...(key ? { headers: { 'idempotency-key': key } } : {}) });
const deliver = (payload: string) =>
  t.call('POST', '/t/yew/api/v1/finance/providers/stripe/webhook', { body: payload, headers: { 'content-type': 'application/json', 'stripe-signature': Stripe.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET }) } });
const chargeOf = async (id: string) => ok(yew.api('GET', `/finance/charges/${id}`), 200);

async function sessionRows(): Promise<number> {
  const tenant = (await t.platform.directory.byIdOrSlug('yew'))!;
  const rows = await t.platform.router.tenantTransaction(tenant, (db) => testDb(db).selectFrom('financeCheckoutSessions').select('id').execute());
  return rows.length;
}

beforeAll(async () => {
  await stripe.start();
  t = await startPlatform({ config: { stripeApiUrl: stripe.url } });
  yew = await estate(t, { slug: 'yew', stepUp: true });
  await ok(yew.api('PUT', '/finance/providers/stripe', { secretKey: SECRET_KEY, webhookSecret: WEBHOOK_SECRET, enabled: true }), 200);
});
afterAll(async () => {
  await t?.close();
  await stripe.stop();
});

describe('a checkout for chosen charges', () => {
  it('pays exactly the chosen charges once the signed webhook records the payment, the others stay open', async () => {
    const ada = await member('Ada');
    const [january, february, march] = [await charge(ada.id, 12_000, '2025-01-01'), await charge(ada.id, 8_050, '2025-02-01'), await charge(ada.id, 5_000, '2025-03-01')];
    const token = await portalLogin(ada.id, 'ada.portal@yew.test');
    const key = crypto.randomUUID();
    const sent = stripe.checkoutRequests().length;

    const first = await checkout(token, { memberId: ada.id, chargeIds: [march.id, january.id] }, key);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ scope: 'charges', amount: 17_000, currency: 'EUR', status: 'open', paymentId: null });
    expect(first.json().charges).toEqual([{ chargeId: march.id, amount: 5_000 }, { chargeId: january.id, amount: 12_000 }]);
    // A retry (a double tap, a lost answer) is the same session: Stripe is asked once.
    const retry = await checkout(token, { memberId: ada.id, chargeIds: [march.id, january.id] }, key);
    expect(retry.statusCode, retry.body).toBe(201);
    expect(retry.json()).toEqual(first.json());
    expect(stripe.checkoutRequests().length).toBe(sent + 1);
    // The same key for other charges is a mistake, not a new checkout.
    const reused = await checkout(token, { memberId: ada.id, chargeIds: [february.id] }, key);
    expect(reused.statusCode).toBe(422);
    expect(reused.json().code).toBe('idempotency_key_reused');

    const read = () => t.call('GET', `/api/v1/finance/checkout-sessions/${first.json().id}`, { token, tenant: 'yew' });
    expect((await read()).json()).toMatchObject({ status: 'open', paymentId: null });
    const recorded = await deliver(JSON.stringify(stripe.completed(first.json().providerSessionId)));
    expect(recorded.json()).toMatchObject({ outcome: 'recorded' });
    const session = (await read()).json();
    expect(session).toMatchObject({ status: 'completed', paymentId: recorded.json().paymentId });

    const payment = await ok(yew.api('GET', `/finance/payments/${session.paymentId}`), 200);
    expect(payment).toMatchObject({ amount: 17_000, method: 'card', memberId: ada.id });
    expect(payment.allocations.map((a: { chargeId: string; amount: number }) => [a.chargeId, a.amount]).sort()).toEqual([[january.id, 12_000], [march.id, 5_000]].sort());
    expect((await chargeOf(january.id)).status).toBe('paid');
    expect((await chargeOf(march.id)).status).toBe('paid');
    expect(await chargeOf(february.id)).toMatchObject({ status: 'open', outstanding: 8_050 });
    const balance = await ok(t.call('GET', `/api/v1/finance/members/${ada.id}/balance`, { token, tenant: 'yew' }), 200);
    expect(balance.balances).toEqual([expect.objectContaining({ currency: 'EUR', balance: 8_050 })]);
  });

  it('refuses a charge that owes nothing, mixed currencies and malformed lists with a problem, writing nothing and asking Stripe nothing', async () => {
    const ben = await member('Ben');
    const token = await portalLogin(ben.id, 'ben.portal@yew.test');
    const open = await charge(ben.id, 3_000, '2025-01-01');
    const voided = await charge(ben.id, 1_000, '2025-01-01');
    await ok(yew.api('POST', `/finance/charges/${voided.id}/void`, { reason: 'Billed twice' }), 200);
    const pounds = await charge(ben.id, 2_000, '2025-01-01', 'GBP');
    const sessions = await sessionRows();
    const sent = stripe.checkoutRequests().length;

    const owesNothing = await checkout(token, { memberId: ben.id, chargeIds: [open.id, voided.id] });
    expect(owesNothing.statusCode).toBe(409);
    expect(owesNothing.headers['content-type']).toContain('application/problem+json');
    expect(owesNothing.json()).toMatchObject({ code: 'finance.charge_owes_nothing', errors: [{ field: 'chargeIds.1', message: 'owes nothing' }] });

    const mixed = await checkout(token, { memberId: ben.id, chargeIds: [open.id, pounds.id] });
    expect(mixed.statusCode).toBe(400);
    expect(mixed.json()).toMatchObject({ code: 'validation_failed', errors: [{ field: 'chargeIds', message: 'must all be in one currency' }] });

    const unknown = await checkout(token, { memberId: ben.id, chargeIds: ['0190d6a8-0000-7000-8000-000000000000'] });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().errors).toEqual([{ field: 'chargeIds.0', message: 'is not a charge of this member' }]);

    for (const chargeIds of [[], [open.id, open.id], ['not-a-uuid']]) {
      const bad = await checkout(token, { memberId: ben.id, chargeIds });
      expect(bad.statusCode, JSON.stringify(chargeIds)).toBe(400);
      expect(bad.json().code).toBe('validation_failed');
      expect(bad.json().errors[0].field).toMatch(/^chargeIds/);
    }
    expect(await sessionRows()).toBe(sessions);
    expect(stripe.checkoutRequests().length).toBe(sent);
  });

  it("answers a member who names a neighbour's charge, or reads a neighbour's checkout, with 404 and nothing of the neighbour's", async () => {
    const cy = await member('Cy');
    const dee = await member('Dee');
    const cyCharge = await charge(cy.id, 4_200, '2025-01-01');
    const deeCharge = await charge(dee.id, 9_900, '2025-01-01');
    const cyToken = await portalLogin(cy.id, 'cy.portal@yew.test');
    const deeToken = await portalLogin(dee.id, 'dee.portal@yew.test');
    const sent = stripe.checkoutRequests().length;

    for (const body of [{ memberId: cy.id, chargeIds: [cyCharge.id, deeCharge.id] }, { memberId: dee.id, chargeIds: [deeCharge.id] }]) {
      const res = await checkout(cyToken, body);
      expect(res.statusCode, res.body).toBe(404);
      expect(res.body).not.toContain('9900');
      expect(res.body).not.toContain('Dee');
    }
    expect(stripe.checkoutRequests().length).toBe(sent);
    expect((await t.call('GET', `/api/v1/finance/charges/${deeCharge.id}`, { token: cyToken, tenant: 'yew' })).statusCode).toBe(404);

    const deeSession = await ok(checkout(deeToken, { memberId: dee.id, chargeIds: [deeCharge.id] }));
    const peek = await t.call('GET', `/api/v1/finance/checkout-sessions/${deeSession.id}`, { token: cyToken, tenant: 'yew' });
    expect(peek.statusCode).toBe(404);
    expect(peek.body).not.toContain(deeCharge.id);
  });
});
