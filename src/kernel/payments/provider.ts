/**
 * What a card payment needs of a provider (a member paying the community's charges, in the
 * finance module; a community paying the platform's invoices, in the control plane): a hosted
 * checkout for an amount, and the provider's signed notifications turned into a few normalized
 * events. Both speak to providers through this interface only; stripe.provider.ts is the one
 * adapter.
 */

export const PROVIDER_NAMES = ['stripe'] as const;
export type ProviderName = (typeof PROVIDER_NAMES)[number];

/** A tenant's keys at the provider, opened from their sealed form for one request. */
export interface ProviderCredentials {
  secretKey: string;
  webhookSecret: string;
}

export interface CheckoutRequest {
  /** Our session id: the provider's idempotency key and client reference. */
  sessionId: string;
  /** Minor units of `currency`; the sum of the line items. */
  amount: number;
  currency: string;
  lineItems: { name: string; amount: number }[];
  customerEmail: string | null;
  /** Carried by the provider's session and its payment, and back in its events. */
  metadata: Record<string, string>;
  successUrl: string;
  cancelUrl: string;
}

export interface CheckoutCreated {
  providerSessionId: string;
  url: string;
  expiresAt: Date | null;
}

interface SessionEvent {
  eventId: string;
  /** The provider's checkout session id. */
  providerSessionId: string;
  /** Our session id, as we gave it. */
  clientReference: string | null;
  metadata: Record<string, string>;
}

export type ProviderEvent =
  /** The checkout's money was received: record a payment of what was actually paid. */
  | (SessionEvent & { kind: 'checkout.paid'; amount: number; currency: string; paidAt: Date; paymentReference: string; payer: string | null })
  /** Completed, but the money is still on its way (a bank debit): a `checkout.paid` follows, or a failure. */
  | (SessionEvent & { kind: 'checkout.pending' })
  /** Expired or failed: nothing was paid, and nothing will be for this session. */
  | (SessionEvent & { kind: 'checkout.closed'; reason: 'expired' | 'failed' })
  | { kind: 'ignored'; eventId: string; type: string };

/** The notification's signature is missing, malformed, wrong or too old: nothing in it may be trusted. */
export class WebhookSignatureError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WebhookSignatureError';
  }
}

/** The provider refused or failed a request: `kind` says whose fault it is. */
export class ProviderRequestError extends Error {
  constructor(
    readonly kind: 'credentials' | 'request' | 'unavailable',
    message: string,
  ) {
    super(message);
    this.name = 'ProviderRequestError';
  }
}

export interface PaymentProvider {
  readonly name: ProviderName;
  /** The notification types a tenant should enable at the provider for this module to work. */
  readonly webhookEvents: readonly string[];
  createCheckout(credentials: ProviderCredentials, request: CheckoutRequest): Promise<CheckoutCreated>;
  /** Verifies the notification over its exact bytes, then normalizes it; throws WebhookSignatureError. */
  verifyWebhook(rawBody: Buffer, headers: Record<string, string | string[] | undefined>, credentials: Pick<ProviderCredentials, 'webhookSecret'>): ProviderEvent;
}
