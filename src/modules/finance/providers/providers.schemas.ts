import { Type, type Static } from 'typebox';
import { Timestamp, Uuid } from '../../../kernel/http/schemas.js';

const KeyState = Type.Object({
  set: Type.Boolean(),
  last4: Type.Union([Type.String(), Type.Null()], { description: 'The last four characters, to tell keys apart; the key itself is never shown.' }),
});

export const StripeSettings = Type.Object({
  provider: Type.Literal('stripe'),
  enabled: Type.Boolean({ description: 'Members and staff may open checkouts. Payments already made are recorded either way.' }),
  mode: Type.Union([Type.Enum(['test', 'live']), Type.Null()], { description: "The secret key's mode (sk_test_ or sk_live_)." }),
  secretKey: KeyState,
  webhookSecret: KeyState,
  webhookUrl: Type.String({ description: "The URL to give Stripe as this tenant's webhook endpoint." }),
  webhookEvents: Type.Array(Type.String(), { description: 'The events to enable on that endpoint.' }),
  updatedAt: Type.Union([Timestamp, Type.Null()]),
});
export type StripeSettings = Static<typeof StripeSettings>;

export const PutStripeSettings = Type.Object(
  {
    secretKey: Type.Optional(Type.String({ pattern: '^(sk|rk)_(test|live)_[0-9A-Za-z]{8,247}$', description: 'A secret (sk_) or restricted (rk_) key with write access to Checkout Sessions. Omitted: the stored one is kept.' })),
    webhookSecret: Type.Optional(Type.String({ pattern: '^whsec_[0-9A-Za-z+/=]{8,249}$', description: "The signing secret of the tenant's webhook endpoint at Stripe. Omitted: the stored one is kept." })),
    enabled: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type PutStripeSettings = Static<typeof PutStripeSettings>;

// Not format 'uri': Stripe's {CHECKOUT_SESSION_ID} placeholder has braces, which RFC 3986 refuses.
const HttpUrl = Type.String({ pattern: '^https?://[^\\s/?#]+[^\\s]*$', maxLength: 2048, description: 'An http(s) URL; Stripe replaces {CHECKOUT_SESSION_ID} in it.' });

export const CreateCheckoutSession = Type.Object(
  {
    memberId: Uuid,
    chargeIds: Type.Optional(Type.Array(Uuid, { minItems: 1, maxItems: 100, uniqueItems: true, description: 'Open charges to pay, in one currency. Omitted: the member’s whole balance.' })),
    successUrl: HttpUrl,
    cancelUrl: HttpUrl,
  },
  { additionalProperties: false },
);
export type CreateCheckoutSession = Static<typeof CreateCheckoutSession>;

export const CheckoutSession = Type.Object({
  id: Uuid,
  url: Type.String({ description: 'Where to send the payer: the provider’s hosted checkout page.' }),
  provider: Type.Literal('stripe'),
  providerSessionId: Type.String(),
  memberId: Uuid,
  scope: Type.Enum(['balance', 'charges'], { description: 'balance: settles the member’s charges oldest due first; charges: the chosen ones.' }),
  amount: Type.Integer({ description: 'Minor units.' }),
  currency: Type.String(),
  charges: Type.Array(Type.Object({ chargeId: Uuid, amount: Type.Integer() })),
  status: Type.Enum(['open', 'completed', 'expired', 'failed']),
  paymentId: Type.Union([Uuid, Type.Null()]),
  expiresAt: Type.Union([Timestamp, Type.Null()]),
  createdAt: Timestamp,
});
export type CheckoutSession = Static<typeof CheckoutSession>;

export const WebhookOutcomes = ['recorded', 'already_recorded', 'pending', 'closed', 'ignored'] as const;
export type WebhookOutcome = (typeof WebhookOutcomes)[number];
export const WebhookReceipt = Type.Object({
  received: Type.Literal(true),
  outcome: Type.Enum(WebhookOutcomes),
  paymentId: Type.Union([Uuid, Type.Null()]),
});
export type WebhookReceipt = Static<typeof WebhookReceipt>;
