import { defineModule, type ModuleManifest } from '../../kernel/modules/manifest.js';
import { billingEvents, billingJobs, billingRoutes, billingSubscribers } from './billing.routes.js';
import { coreEvents, coreJobs, coreRoutes } from './core.routes.js';
import type { FinanceOptions } from './options.js';
import { providerEvents, providerJobs, providerRoutes } from './provider.routes.js';
import { reportsEvents, reportsJobs, reportsRoutes } from './reports.routes.js';
import { statementsEvents, statementsJobs, statementsRoutes } from './statements.routes.js';

export type { FinanceOptions } from './options.js';

/**
 * The `finance` module: a double-entry ledger per tenant, charges, billing runs, payments
 * (recorded, by card through a payment provider, from bank statements), late fees.
 */
export function financeModule(options: FinanceOptions = {}): ModuleManifest {
  return defineModule({
    key: 'finance',
    name: 'Finance',
    description: 'Levies and rent: a double-entry ledger, charges, billing runs, payments, late fees and statements.',
    dependencies: ['core', 'members', 'properties', 'occupancy', 'leases'],
    permissions: [
      { key: 'finance.read', description: 'See accounts, the journal, charges, payments, balances and reports' },
      { key: 'finance.write', description: 'Post charges and journal entries, record and allocate payments, run billing' },
      { key: 'finance.approve', description: 'Void charges, refund payments and write off debts' },
      { key: 'finance.read.own', description: 'See one’s own charges, payments, balance and statements (portal)' },
    ],
    defaultGrants: {
      manager: ['finance.read', 'finance.write', 'finance.approve'],
      staff: ['finance.read', 'finance.write'],
      member: ['finance.read.own'],
    },
    migrations: new URL('./migrations/', import.meta.url),
    events: [...coreEvents, ...billingEvents, ...providerEvents, ...reportsEvents, ...statementsEvents],
    jobs: [...coreJobs(options), ...billingJobs(options), ...providerJobs(options), ...reportsJobs(options), ...statementsJobs(options)],
    // Billing runs are queued through the outbox: its subscriber sends the run's job.
    subscribers: [...billingSubscribers(options)],
    routes(app) {
      coreRoutes(app, options);
      billingRoutes(app, options);
      providerRoutes(app, options);
      reportsRoutes(app, options);
      statementsRoutes(app, options);
    },
  });
}
