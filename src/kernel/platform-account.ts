import type { Static } from 'typebox';
import type { Checkout, Invoice, InvoiceStatus, PlanOffer, Subscription } from './billing.schemas.js';
import type { Locale } from './i18n/locale.js';
import type { UsageQuery, UsageReport } from './metering/usage.schemas.js';

/**
 * A tenant's account with the platform (its usage, its plan, its invoices), as the data plane
 * shows it to the tenant's owner: the control plane implements it over its registry, and
 * neither side imports the other. Every call names the tenant, and answers only what is that
 * tenant's (another's invoice is not found). Its calls use the registry's connection, not the
 * tenant's: a route calls them before its tenant transaction begins (a pre-handler).
 */
export interface PlatformAccount {
  usage(tenantId: string, query: Static<typeof UsageQuery>): Promise<Static<typeof UsageReport>>;
  subscription(tenantId: string): Promise<Static<typeof Subscription>>;
  /** The plans open to subscribe to, with their prices. */
  plans(): Promise<Static<typeof PlanOffer>[]>;
  /** Moves the tenant to another plan from today (prorated at the period's invoice); its licence follows at once. */
  changePlan(tenantId: string, plan: string, actor: string): Promise<Static<typeof Subscription>>;
  invoices(tenantId: string, query: { limit: number; cursor?: string; status?: Static<typeof InvoiceStatus> }): Promise<{ data: Static<typeof Invoice>[]; nextCursor: string | null }>;
  invoice(tenantId: string, id: string): Promise<Static<typeof Invoice>>;
  invoicePdf(tenantId: string, id: string, locale: Locale): Promise<{ number: string; body: Buffer }>;
  /** A card checkout for what is due on an open invoice, returning to the workspace's Billing page. */
  checkout(tenantId: string, id: string): Promise<Static<typeof Checkout>>;
}
