import type { TenantInfo } from '../../kernel/context.js';
import type { MailQueue } from '../../kernel/mail/queue.js';
import type { ObjectStorage } from '../../kernel/storage/object-storage.js';

/** What the platform hands the finance module at start-up (configuration, secrets, clocks for tests). */
export interface FinanceOptions {
  /** Seals the secrets tenants give the module (a payment provider's keys); see SealedBox. */
  sealingSecret?: string;
  /** The current time; tests inject a clock. */
  now?: () => Date;
  /** Base URL of the Stripe API (COURTYARD_STRIPE_API_URL); tests point it at a local stand-in. */
  stripeApiUrl?: string;
  /** The tenant's own address (`https://oak.example`): the webhook URL a tenant gives Stripe is shown from it. */
  tenantUrl?: (tenant: TenantInfo) => string;
  /** Where statement PDFs are kept (a local directory or an S3 bucket). */
  storage?: ObjectStorage;
  /** Queues the e-mail that tells members their statement is ready. */
  mail?: MailQueue;
  /** The registry's view of a tenant (name, branding) for work done outside a request. */
  tenantInfo?: (tenantId: string) => Promise<TenantInfo | undefined>;
}
