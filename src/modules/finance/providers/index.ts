import type { FinanceOptions } from '../options.js';
import type { FinanceRoom } from '../room.js';
import { providerEvents, providerRoutes } from './providers.routes.js';

/** Card payments through a payment provider (Stripe): settings, checkout sessions and signed webhooks. */
export const providersRoom = (options: FinanceOptions): FinanceRoom => ({
  events: providerEvents,
  jobs: [],
  subscribers: [],
  routes: (app) => providerRoutes(app, options),
});
