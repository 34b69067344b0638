import type { Db } from '../../kernel/db/tables.js';
import { AppError } from '../../kernel/errors.js';
import type { PlatformAccount } from '../../kernel/platform-account.js';
import type { UsageService } from '../metering/usage.service.js';
import type { PlansService } from '../plans/plans.service.js';
import type { TenantsService } from '../tenants/tenants.service.js';
import { invoiceView, type BillingService } from './billing.service.js';
import type { SubscriptionsService } from './subscriptions.service.js';

export interface PlatformAccountDeps {
  db: Db;
  usage: UsageService;
  plans: PlansService;
  tenants: TenantsService;
  subscriptions: SubscriptionsService;
  billing: BillingService;
  /** The tenant's workspace, where a checkout returns to. */
  tenantUrl: (tenant: { slug: string }) => string;
  log: Parameters<TenantsService['update']>[0]['log'];
}

/** The control plane's side of the kernel's PlatformAccount: each call confined to the tenant it names. */
export function platformAccount(deps: PlatformAccountDeps): PlatformAccount {
  const ctx = (actor = 'system') => ({ db: deps.db, actor, log: deps.log });
  return {
    usage: (tenantId, query) => deps.usage.usage(deps.db, tenantId, query),
    subscription: (tenantId) => deps.subscriptions.get(ctx(), tenantId),
    async plans() {
      return (await deps.plans.list(deps.db)).filter((p) => p.active).map(({ key, name, description, price, pricing, limits, modules }) => ({ key, name, description, price, pricing, limits: { ...limits }, modules }));
    },
    async changePlan(tenantId, plan, actor) {
      const target = await deps.plans.get(deps.db, plan).catch(() => undefined);
      if (!target?.active) throw new AppError('validation_failed', `No plan "${plan}" to move to`, { errors: [{ field: 'plan', message: 'is not a plan open to subscribe to' }] });
      await deps.tenants.update(ctx(actor), tenantId, { plan });
      return deps.subscriptions.get(ctx(), tenantId);
    },
    invoices: (tenantId, query) => deps.billing.listInvoices(deps.db, { ...query, tenantId }),
    invoice: async (tenantId, id) => invoiceView(await deps.billing.invoice(deps.db, id, tenantId)),
    invoicePdf: (tenantId, id, locale) => deps.billing.pdf(deps.db, id, tenantId, locale),
    async checkout(tenantId, id) {
      const tenant = await deps.tenants.get(ctx(), tenantId);
      const back = `${deps.tenantUrl(tenant)}/billing?invoice=${id}`;
      return deps.billing.checkout(deps.db, id, tenantId, { successUrl: `${back}&paid=1`, cancelUrl: back });
    },
  };
}
