import type { Logger } from 'pino';
import { billingMailSubscriber, dunningJob, invoiceRunJob } from './control/billing/billing.jobs.js';
import type { ControlBilling } from './control/billing/billing.routes.js';
import { BillingService } from './control/billing/billing.service.js';
import { Collection } from './control/billing/collection.js';
import { InvoiceRun } from './control/billing/invoice-run.js';
import { platformAccount } from './control/billing/platform-account.js';
import type { SubscriptionsService } from './control/billing/subscriptions.service.js';
import type { LicencesService } from './control/licences/licences.service.js';
import { usageIngestion, usageReceiptsPruneJob } from './control/metering/usage.jobs.js';
import type { UsageService } from './control/metering/usage.service.js';
import type { PlansService } from './control/plans/plans.service.js';
import type { TenantsService } from './control/tenants/tenants.service.js';
import type { Config } from './kernel/config.js';
import type { Database } from './kernel/db/database.js';
import type { EventSubscriber, JobDefinition } from './kernel/jobs/job.js';
import type { Mailer } from './kernel/mail/mailer.js';
import { StripeProvider } from './kernel/payments/stripe.provider.js';
import type { PlatformAccount } from './kernel/platform-account.js';
import { tenantUrlFor } from './modules/mail/index.js';

/**
 * The platform's metering and billing of its tenants, put together: usage ingestion and the
 * invoice e-mails (subscribers), the invoice run, dunning and receipts' pruning (jobs), the operators' service, and the
 * tenant's own view of its account that the data plane's billing module serves.
 */
export function platformBilling(input: {
  config: Config;
  main: Database;
  log: Logger;
  now: () => Date;
  onChange: (tenantId: string) => void;
  licences: LicencesService;
  plans: PlansService;
  tenants: TenantsService;
  subscriptions: SubscriptionsService;
  usage: UsageService;
  mailer: Mailer;
}): { control: ControlBilling; account: PlatformAccount; jobs: JobDefinition[]; subscribers: EventSubscriber[] } {
  const { config, main, now } = input;
  const db = main.kysely;
  const seller = { name: 'Courtyard', email: config.mailFrom };
  const tenantUrl = tenantUrlFor(config.baseDomain, config.port);
  const collection = new Collection({ db, schedule: config.billingDunning, now, licences: input.licences, onChange: input.onChange });
  const run = new InvoiceRun({ db, usage: input.usage, paymentTermsDays: config.billingPaymentTermsDays, licences: input.licences, onChange: input.onChange });
  const stripeKeys = config.billingStripeSecretKey && config.billingStripeWebhookSecret ? { secretKey: config.billingStripeSecretKey, webhookSecret: config.billingStripeWebhookSecret } : null;
  const service = new BillingService({ db, collection, stripe: new StripeProvider({ apiUrl: config.stripeApiUrl, now }), stripeKeys, seller, now });
  return {
    control: { service, subscriptions: input.subscriptions, collection, run, now },
    account: platformAccount({ db, usage: input.usage, plans: input.plans, tenants: input.tenants, subscriptions: input.subscriptions, billing: service, tenantUrl, log: input.log }),
    jobs: [invoiceRunJob(run), dunningJob(collection), usageReceiptsPruneJob(db)],
    subscribers: [usageIngestion(db, input.usage), billingMailSubscriber({ db, mailer: input.mailer, from: config.mailFrom, seller, tenantUrl })],
  };
}

/** A PlatformAccount to hand the data plane's module before the control plane that implements it exists; `bind` it once it does. */
export function deferredAccount(): { account: PlatformAccount; bind(impl: PlatformAccount): void } {
  let impl: PlatformAccount | undefined;
  const account = new Proxy({} as PlatformAccount, {
    get: (_target, name: keyof PlatformAccount) => {
      if (!impl) throw new Error('the platform account is not bound yet');
      return impl[name];
    },
  });
  return { account, bind: (a) => (impl = a) };
}
