import { Type, type TSchema } from 'typebox';
import { Timestamp, Uuid } from './http/schemas.js';

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/**
 * The platform's billing of a tenant as both planes' APIs show it: the console's operators
 * (`/control/v1`) and the tenant's owner (`/api/v1/billing`) read the same shapes.
 */

const Money = Type.Integer({ description: 'Minor units of the currency' });
const Tier = Type.Object({ upTo: Nullable(Type.Integer()), unitAmountMinor: Money, flatAmountMinor: Money });
export const PriceTerms = Type.Object(
  {
    planKey: Type.String(),
    planName: Type.String(),
    amountMinor: Money,
    currency: Type.String(),
    interval: Type.Union([Type.Literal('month'), Type.Literal('year')]),
    trialDays: Type.Integer(),
    components: Type.Array(Type.Object({ meter: Type.String(), included: Type.Integer(), per: Type.Integer(), mode: Type.Union([Type.Literal('graduated'), Type.Literal('volume')]), tiers: Type.Array(Tier) })),
  },
  { description: "The plan's price as it stood when the period began: a price change applies from the next period" },
);

export const SubscriptionStatus = Type.Union([Type.Literal('trialing'), Type.Literal('active'), Type.Literal('past_due'), Type.Literal('canceled')]);
export const DunningStage = Nullable(Type.Union([Type.Literal('reminded'), Type.Literal('grace'), Type.Literal('read_only'), Type.Literal('suspended')], { description: 'How far collection of an overdue invoice has gone: reminded, grace (past due, still working), read_only (changes answer 402), suspended; null in good standing' }));

export const Subscription = Type.Object({
  tenantId: Uuid,
  plan: Type.String(),
  status: SubscriptionStatus,
  dunning: DunningStage,
  terms: PriceTerms,
  periodStart: Timestamp,
  periodEnd: Timestamp,
  trialEndsAt: Nullable(Timestamp),
  country: Nullable(Type.String()),
  billingEmail: Nullable(Type.String()),
  cancelAtPeriodEnd: Type.Boolean(),
  canceledAt: Nullable(Timestamp),
});

export const InvoiceLine = Type.Object({
  kind: Type.Union([Type.Literal('base'), Type.Literal('usage')]),
  description: Type.String(),
  meter: Nullable(Type.String()),
  quantity: Type.Integer(),
  unitAmountMinor: Money,
  flatAmountMinor: Money,
  amountMinor: Money,
  usage: Nullable(Type.Integer({ description: 'The usage measured over the period, before what is included is taken off' })),
});

export const InvoiceStatus = Type.Union([Type.Literal('open'), Type.Literal('paid'), Type.Literal('void'), Type.Literal('issued')], { description: 'An invoice is open, paid or void (credited in full); a credit note is issued' });

export const Invoice = Type.Object({
  id: Uuid,
  tenantId: Uuid,
  number: Type.String({ description: 'From a gap-free sequence per kind and year: INV-2026-000001, CN-2026-000001' }),
  kind: Type.Union([Type.Literal('invoice'), Type.Literal('credit_note')]),
  corrects: Nullable(Uuid),
  plan: Nullable(Type.String()),
  periodStart: Nullable(Timestamp),
  periodEnd: Nullable(Timestamp),
  status: InvoiceStatus,
  currency: Type.String(),
  lines: Type.Array(InvoiceLine),
  subtotalMinor: Money,
  taxRateBp: Type.Integer({ description: 'Tax rate in basis points (2100 = 21 %)' }),
  taxMinor: Money,
  totalMinor: Money,
  creditedMinor: Money,
  amountDueMinor: Money,
  billTo: Type.Object({ name: Type.String(), slug: Type.String(), country: Nullable(Type.String()), email: Nullable(Type.String()) }),
  issuedAt: Timestamp,
  dueAt: Timestamp,
  paidAt: Nullable(Timestamp),
  paidVia: Nullable(Type.Union([Type.Literal('card'), Type.Literal('bank_transfer'), Type.Literal('credit')])),
  paymentReference: Nullable(Type.String()),
});

export const CheckoutUrls = Type.Object(
  {
    successUrl: Type.String({ format: 'uri', pattern: '^https?://', maxLength: 2000 }),
    cancelUrl: Type.String({ format: 'uri', pattern: '^https?://', maxLength: 2000 }),
  },
  { additionalProperties: false },
);
export const Checkout = Type.Object({ url: Type.String(), expiresAt: Nullable(Timestamp) });

/** A plan a tenant's owner may move to, with its price. */
export const PlanOffer = Type.Object({
  key: Type.String(),
  name: Type.String(),
  description: Type.String(),
  price: Type.Object({ amountMinor: Money, currency: Type.String(), interval: Type.Union([Type.Literal('month'), Type.Literal('year')]) }),
  pricing: Type.Object({ trialDays: Type.Integer(), components: PriceTerms.properties.components }),
  limits: Type.Record(Type.String(), Nullable(Type.Integer())),
  modules: Type.Array(Type.String()),
});
