import type { PlatformAccount } from '../../kernel/platform-account.js';
import { defineModule } from '../../kernel/modules/manifest.js';
import { billingRoutes } from './billing.routes.js';

/**
 * The `billing` module: the tenant's account with the platform (usage, plan, invoices), for
 * its owner. Always licensed: a tenant can always see what it owes and pay it.
 */
export const billingModule = (account: PlatformAccount) =>
  defineModule({
    key: 'billing',
    name: 'Billing',
    description: "The community's subscription to the platform: its plan, usage and invoices.",
    dependencies: ['core'],
    alwaysLicensed: true,
    permissions: [
      { key: 'billing.read', description: "See the community's plan, usage and invoices from the platform" },
      { key: 'billing.manage', description: 'Pay the platform, and change the plan' },
    ],
    // The owner's alone (the owner holds every permission): what the community pays is theirs to see.
    defaultGrants: {},
    routes: (app) => billingRoutes(app, account),
  });
