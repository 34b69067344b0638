import { generate } from 'otplib';
import type { BrowserContext } from 'playwright-core';
import Stripe from 'stripe';
import { createCourtyardClient } from '../../sdk/src/index.js';
import { accessTokenOf, must, server, TENANT_PASSWORD } from './browser.js';
import { enrolManager } from './finance-setup.js';

/** Switches the tenant's card payments on with the Stripe stand-in's keys: finance.approve, so with a fresh second factor. */
export async function enableCards(tenant: { slug: string; email: string }): Promise<void> {
  const secret = await enrolManager(tenant);
  const api = createCourtyardClient({ baseUrl: server().url, tenant: tenant.slug });
  const signedIn = await must(api.POST('/api/v1/auth/login', { body: { email: tenant.email, password: TENANT_PASSWORD } }));
  if (!('mfaToken' in signedIn)) throw new Error('the manager has two-step sign-in: a code is asked');
  // The enrolment spent this window's code: the next window's is accepted (one step of drift).
  const tokens = await must(api.POST('/api/v1/auth/mfa', { body: { mfaToken: signedIn.mfaToken, code: await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 }) } }));
  const token = accessTokenOf(tokens);
  const stepped = createCourtyardClient({ baseUrl: server().url, tenant: tenant.slug, accessToken: () => token });
  const { secretKey, webhookSecret } = server().stripe;
  await must(stepped.PUT('/api/v1/finance/providers/stripe', { body: { secretKey, webhookSecret, enabled: true } }));
}

/** Stripe's "checkout.session.completed" for a session of the stand-in, signed, delivered to `webhook` (a path of the server). */
async function deliverPaid(slug: string, providerSessionId: string, payer: { email: string; name: string }, webhook: string): Promise<Response> {
  const { url, secretKey, webhookSecret } = server().stripe;
  const session = (await (await fetch(`${url}/v1/checkout/sessions/${providerSessionId}`, { headers: { authorization: `Bearer ${secretKey}` } })).json()) as Record<string, unknown>;
  const payload = JSON.stringify({
    id: `evt_${slug}_${Date.now()}`,
    object: 'event',
    api_version: Stripe.API_VERSION,
    created: Math.floor(Date.now() / 1000),
    data: { object: { ...session, customer_details: payer, payment_intent: `pi_${slug}_${Date.now()}`, payment_status: 'paid', status: 'complete' } },
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type: 'checkout.session.completed',
  });
  const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret: webhookSecret });
  return fetch(`${server().url}${webhook}`, { method: 'POST', headers: { 'content-type': 'application/json', 'stripe-signature': signature }, body: payload });
}

/** A member's card payment, paid at the stand-in: its event delivered to the tenant's webhook URL. */
export const stripePaid = (tenant: { slug: string }, providerSessionId: string, payer: { email: string; name: string }): Promise<Response> =>
  deliverPaid(tenant.slug, providerSessionId, payer, `/t/${tenant.slug}/api/v1/finance/providers/stripe/webhook`);

/** A platform invoice paid by card at the stand-in (the operator's keys): its event delivered to the operator's billing webhook. */
export const stripePaidInvoice = (tenant: { slug: string }, providerSessionId: string, payer: { email: string; name: string }): Promise<Response> =>
  deliverPaid(tenant.slug, providerSessionId, payer, '/control/v1/billing/stripe/webhook');

/**
 * The stand-in answers Stripe's API, not its hosted page: the browser gets a page of its own
 * at checkout.stripe.com. Answers the id of the last Checkout Session the browser was sent to.
 */
export async function standInCheckout(context: BrowserContext, html = '<!doctype html><title>Checkout</title><main><h1>Stripe Checkout stand-in</h1></main>'): Promise<{ sessionId: () => string | undefined }> {
  let url: URL | undefined;
  await context.route('https://checkout.stripe.com/**', (route) => {
    url = new URL(route.request().url());
    return route.fulfill({ contentType: 'text/html', body: html });
  });
  return { sessionId: () => url?.pathname.split('/').at(-1) };
}
