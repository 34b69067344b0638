import type { ColumnType } from 'kysely';
import type { Jsonb, RequiredTimestamptz, Timestamptz } from '../../kernel/db/kernel.tables.js';
import type { InvoiceLine } from './invoice-lines.js';
import type { PriceTerms } from './pricing.js';

type Bigint = ColumnType<number | string, number, number>;

export type SubscriptionStatus = 'trialing' | 'active' | 'past_due' | 'canceled';
/** How far collection has gone for an overdue invoice (null: in good standing). */
export type DunningStage = 'reminded' | 'grace' | 'read_only' | 'suspended';
export type InvoiceStatus = 'open' | 'paid' | 'void' | 'issued';

export interface BillTo {
  name: string;
  slug: string;
  country: string | null;
  email: string | null;
}

/** The platform's billing tables (migration 0017), as the control plane's SQL sees them. */
export interface BillingTables {
  'control.taxRates': {
    country: string;
    rateBp: number;
    name: string;
    updatedAt: Timestamptz;
  };
  'control.subscriptions': {
    tenantId: string;
    planKey: string;
    status: SubscriptionStatus;
    dunning: DunningStage | null;
    terms: Jsonb<PriceTerms>;
    periodStart: RequiredTimestamptz;
    periodEnd: RequiredTimestamptz;
    trialEndsAt: Date | string | null;
    /** The day of the month paid periods start on (1–31; a shorter month's last day stands in). */
    anchorDay: number;
    country: string | null;
    billingEmail: string | null;
    cancelAtPeriodEnd: ColumnType<boolean, boolean | undefined, boolean>;
    canceledAt: Date | string | null;
    createdAt: Timestamptz;
    updatedAt: Timestamptz;
  };
  'control.subscriptionChanges': {
    tenantId: string;
    at: RequiredTimestamptz;
    terms: Jsonb<PriceTerms>;
  };
  'control.documentSequences': {
    series: string;
    nextValue: Bigint;
  };
  'control.invoices': {
    id: string;
    tenantId: string;
    number: string;
    kind: 'invoice' | 'credit_note';
    corrects: string | null;
    planKey: string | null;
    periodStart: Date | string | null;
    periodEnd: Date | string | null;
    status: InvoiceStatus;
    currency: string;
    lines: Jsonb<InvoiceLine[]>;
    subtotalMinor: Bigint;
    taxRateBp: number;
    taxMinor: Bigint;
    totalMinor: Bigint;
    creditedMinor: ColumnType<number | string, number | undefined, number>;
    billTo: Jsonb<BillTo>;
    issuedAt: RequiredTimestamptz;
    dueAt: RequiredTimestamptz;
    paidAt: Date | string | null;
    paidVia: 'card' | 'bank_transfer' | 'credit' | null;
    paymentReference: string | null;
    voidedAt: Date | string | null;
    remindersSent: ColumnType<number, number | undefined, number>;
  };
  'control.invoicePaymentEvents': {
    eventId: string;
    invoiceId: string;
    receivedAt: Timestamptz;
  };
}
