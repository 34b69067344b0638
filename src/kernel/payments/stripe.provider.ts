import Stripe from 'stripe';
import { ProviderRequestError, WebhookSignatureError, type CheckoutCreated, type CheckoutRequest, type PaymentProvider, type ProviderCredentials, type ProviderEvent } from './provider.js';

export const STRIPE_API_URL = 'https://api.stripe.com';
/** Seconds a signed notification stays acceptable: Stripe's own default, against replays. */
export const STRIPE_SIGNATURE_TOLERANCE = 300;
export const STRIPE_WEBHOOK_EVENTS = ['checkout.session.completed', 'checkout.session.async_payment_succeeded', 'checkout.session.async_payment_failed', 'checkout.session.expired'] as const;

export interface StripeProviderOptions {
  /** Where the API is: Stripe's, or a local stand-in in tests. */
  apiUrl?: string;
  now?: () => Date;
  /** Milliseconds one API request may take; the checkout request holds a database transaction meanwhile. */
  timeout?: number;
}

/** Clients per secret key; a tenant's key changes rarely, and a client is not free to build. */
const CLIENTS_KEPT = 200;

type SessionObject = Stripe.Checkout.Session;

/** The Stripe adapter, on the official `stripe` package: Checkout Sessions and signed webhooks. */
export class StripeProvider implements PaymentProvider {
  readonly name = 'stripe' as const;
  readonly webhookEvents = STRIPE_WEBHOOK_EVENTS;
  readonly #address: { host: string; port: number; protocol: 'http' | 'https' };
  readonly #now: () => Date;
  readonly #timeout: number;
  readonly #clients = new Map<string, Stripe>();
  /** Verification needs no key: the package's webhook helpers are static. */
  readonly #webhooks = Stripe.webhooks;

  constructor(options: StripeProviderOptions = {}) {
    const url = new URL(options.apiUrl ?? STRIPE_API_URL);
    const protocol = url.protocol === 'http:' ? 'http' : 'https';
    this.#address = { host: url.hostname, port: Number(url.port || (protocol === 'http' ? 80 : 443)), protocol };
    this.#now = options.now ?? (() => new Date());
    this.#timeout = options.timeout ?? 20_000;
  }

  #client(secretKey: string): Stripe {
    let client = this.#clients.get(secretKey);
    if (client) {
      // Most recently used last, so that the oldest is the one dropped.
      this.#clients.delete(secretKey);
      this.#clients.set(secretKey, client);
      return client;
    }
    client = new Stripe(secretKey, { ...this.#address, timeout: this.#timeout, maxNetworkRetries: 1, telemetry: false, appInfo: { name: 'Courtyard' } });
    this.#clients.set(secretKey, client);
    if (this.#clients.size > CLIENTS_KEPT) this.#clients.delete(this.#clients.keys().next().value!);
    return client;
  }

  async createCheckout(credentials: ProviderCredentials, request: CheckoutRequest): Promise<CheckoutCreated> {
    const currency = request.currency.toLowerCase();
    let session: SessionObject;
    try {
      session = await this.#client(credentials.secretKey).checkout.sessions.create(
        {
          mode: 'payment',
          client_reference_id: request.sessionId,
          line_items: request.lineItems.map((item) => ({ quantity: 1, price_data: { currency, unit_amount: item.amount, product_data: { name: item.name } } })),
          metadata: request.metadata,
          // The payment carries the same metadata: refunds and disputes in Stripe's dashboard show whose it was.
          payment_intent_data: { metadata: request.metadata },
          success_url: request.successUrl,
          cancel_url: request.cancelUrl,
          ...(request.customerEmail ? { customer_email: request.customerEmail } : {}),
        },
        // A retry of this request (by the package, after a network error) opens no second session.
        { idempotencyKey: `courtyard-checkout-${request.sessionId}` },
      );
    } catch (error) {
      throw asRequestError(error);
    }
    if (!session.url) throw new ProviderRequestError('unavailable', `Stripe answered checkout session ${session.id} without a URL`);
    return { providerSessionId: session.id, url: session.url, expiresAt: session.expires_at ? new Date(session.expires_at * 1000) : null };
  }

  verifyWebhook(rawBody: Buffer, headers: Record<string, string | string[] | undefined>, credentials: Pick<ProviderCredentials, 'webhookSecret'>): ProviderEvent {
    const header = headers['stripe-signature'];
    if (typeof header !== 'string' || header.trim() === '') throw new WebhookSignatureError('The Stripe-Signature header is missing');
    let event: Stripe.Event;
    try {
      event = this.#webhooks.constructEvent(rawBody, header, credentials.webhookSecret, STRIPE_SIGNATURE_TOLERANCE, undefined, this.#now().getTime());
    } catch (error) {
      throw signatureProblem(error);
    }
    return normalize(event);
  }
}

function signatureProblem(error: unknown): WebhookSignatureError {
  if (!(error instanceof Stripe.errors.StripeSignatureVerificationError)) {
    // The signature held but the body is not an event (not JSON): Stripe never sends that.
    return new WebhookSignatureError('The body is not a Stripe event');
  }
  const message = error.message;
  if (/tolerance/i.test(message)) return new WebhookSignatureError(`The Stripe-Signature timestamp is more than ${STRIPE_SIGNATURE_TOLERANCE} seconds old: a delayed or replayed delivery`);
  if (/extract timestamp|expected scheme/i.test(message)) return new WebhookSignatureError('The Stripe-Signature header is malformed: expected t=<timestamp>,v1=<signature>');
  return new WebhookSignatureError("The Stripe-Signature header does not match the body and this tenant's webhook signing secret");
}

function asRequestError(error: unknown): ProviderRequestError {
  if (error instanceof Stripe.errors.StripeAuthenticationError || error instanceof Stripe.errors.StripePermissionError) {
    return new ProviderRequestError('credentials', `Stripe refused the secret key: ${error.message}`);
  }
  if (error instanceof Stripe.errors.StripeInvalidRequestError || error instanceof Stripe.errors.StripeCardError) {
    return new ProviderRequestError('request', `Stripe refused the checkout: ${error.message}`);
  }
  const message = error instanceof Error ? error.message : String(error);
  return new ProviderRequestError('unavailable', `Stripe could not be reached or failed: ${message}`);
}

const metadataOf = (s: SessionObject): Record<string, string> => ({ ...(s.metadata ?? {}) });
const intentId = (s: SessionObject): string | null => (typeof s.payment_intent === 'string' ? s.payment_intent : (s.payment_intent?.id ?? null));

function normalize(event: Stripe.Event): ProviderEvent {
  const common = (s: SessionObject) => ({ eventId: event.id, providerSessionId: s.id, clientReference: s.client_reference_id ?? null, metadata: metadataOf(s) });
  const paid = (s: SessionObject): ProviderEvent => ({
    kind: 'checkout.paid',
    ...common(s),
    amount: s.amount_total ?? 0,
    currency: (s.currency ?? '').toUpperCase(),
    paidAt: new Date(event.created * 1000),
    paymentReference: intentId(s) ?? s.id,
    payer: s.customer_details?.name ?? s.customer_details?.email ?? null,
  });
  switch (event.type) {
    case 'checkout.session.completed': {
      const s = event.data.object;
      // A bank debit completes unpaid; its async_payment_succeeded event brings the money.
      if (s.payment_status === 'paid') return paid(s);
      return s.payment_status === 'unpaid' ? { kind: 'checkout.pending', ...common(s) } : { kind: 'ignored', eventId: event.id, type: `${event.type} (${s.payment_status})` };
    }
    case 'checkout.session.async_payment_succeeded':
      return paid(event.data.object);
    case 'checkout.session.async_payment_failed':
      return { kind: 'checkout.closed', reason: 'failed', ...common(event.data.object) };
    case 'checkout.session.expired':
      return { kind: 'checkout.closed', reason: 'expired', ...common(event.data.object) };
    default:
      return { kind: 'ignored', eventId: event.id, type: event.type };
  }
}
