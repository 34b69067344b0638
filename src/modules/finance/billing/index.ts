import type { FinanceOptions } from '../options.js';
import type { FinanceRoom } from '../room.js';
import { billingEvents, billingJobs, billingRoutes, billingSubscribers } from './billing.routes.js';

/** Billing: levy and rent schedules, billing runs and late fees, all posting charges to the ledger. */
export const billingRoom = (options: FinanceOptions): FinanceRoom => ({
  events: billingEvents,
  jobs: billingJobs(options),
  // Billing runs are queued through the outbox: its subscriber sends the run's job.
  subscribers: billingSubscribers(options),
  routes: (app) => billingRoutes(app, options),
});
