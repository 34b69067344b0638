import { Type } from 'typebox';
import type { EventDefinition } from '../../../kernel/events/event.js';
import type { HttpApp } from '../../../kernel/http/app.js';
import { rawJsonRoutes } from '../../../kernel/http/raw-json.js';
import { IdParams } from '../../../kernel/http/schemas.js';
import type { FinanceOptions } from '../options.js';
import { CheckoutSession, CreateCheckoutSession, PutStripeSettings, StripeSettings, WebhookReceipt } from './providers.schemas.js';
import { CardPayments } from './providers.service.js';

export const providerEvents: EventDefinition[] = [
  { type: 'payment_provider.updated', version: 1, description: "A tenant's payment provider settings changed; data is {provider, enabled, mode, secretKeyChanged, webhookSecretChanged, updatedBy}, never the keys." },
  {
    type: 'payment.card_received',
    version: 1,
    description: 'A card payment arrived through the provider and was recorded (after payment.recorded); data is {paymentId, memberId, amount, currency, provider, providerEventId, providerSessionId, checkoutSessionId, allocations[{chargeId, amount}]}.',
  },
];

const module = 'finance';
const tags = ['finance'];

export function providerRoutes(app: HttpApp, options: FinanceOptions): void {
  const cards = new CardPayments(options);

  app.get('/finance/providers/stripe', {
    config: { access: { module, permission: 'finance.read' } },
    schema: { operationId: 'finance.providers.stripe.get', tags, summary: "The tenant's Stripe settings: whether keys are set (their last 4 characters, never the keys) and the webhook URL to give Stripe", response: { 200: StripeSettings } },
  }, (req) => cards.getSettings(req.ctx));

  app.put('/finance/providers/stripe', {
    config: { access: { module, permission: 'finance.approve' } },
    schema: { operationId: 'finance.providers.stripe.replace', tags, summary: 'Set the Stripe keys (sealed at rest) and switch card payments on or off; a key left out is kept', body: PutStripeSettings, response: { 200: StripeSettings } },
  }, (req) => cards.putSettings(req.ctx, req.body));

  // A portal member opens a checkout for their own balance: `own` admits them, the service
  // confines them to their member id.
  app.post('/finance/checkout-sessions', {
    config: { access: { module, permission: 'finance.write', own: 'finance.read.own' } },
    schema: { operationId: 'finance.checkoutSessions.create', tags, summary: "Open a card checkout for a member's balance or chosen open charges (amount from the ledger); answers the page to send the payer to", body: CreateCheckoutSession, response: { 201: CheckoutSession } },
  }, async (req, reply) => {
    const session = await cards.createCheckout(req.ctx, req.body);
    reply.code(201);
    return session;
  });

  // The portal's return page: pending until the webhook has recorded the payment.
  app.get('/finance/checkout-sessions/:id', {
    config: { access: { module, permission: 'finance.read', own: 'finance.read.own' } },
    schema: { operationId: 'finance.checkoutSessions.get', tags, summary: 'One checkout session and its outcome: open until the provider\'s webhook records the payment (completed, with paymentId), or expired/failed (a portal member sees their own)', params: IdParams, response: { 200: CheckoutSession } },
  }, (req) => cards.getCheckout(req.ctx, req.params.id));

  // Stripe signs the exact bytes it sends, so this route alone keeps the body raw: its JSON
  // parser lives in a scope of its own, and every other route parses JSON as before.
  rawJsonRoutes(app, (raw) => {
    raw.post('/finance/providers/stripe/webhook', {
      // Public: Stripe cannot sign in. The tenant's webhook signing secret is the credential,
      // and the URL (tenant domain or /t/{slug}) names the tenant, as on every data-plane route.
      config: { access: { public: true, module } },
      schema: {
        operationId: 'finance.providers.stripe.webhook',
        tags,
        summary: "Stripe's notifications for this tenant (checkout.session.*), verified with its webhook signing secret; a paid checkout is recorded as a payment once",
        security: [],
        headers: Type.Object({ 'stripe-signature': Type.Optional(Type.String({ description: 't=<unix seconds>,v1=<HMAC-SHA256 of "t.body">' })) }),
        response: { 200: WebhookReceipt },
      },
    }, (req) => cards.receiveWebhook(req.ctx, req.body, req.headers));
  });

}
