import type { FinanceOptions } from '../options.js';
import type { FinanceRoom } from '../room.js';
import { statementsJobs } from './statements.jobs.js';
import { statementsEvents, statementsRoutes } from './statements.routes.js';

/** Member statements: opening, movements and closing per currency, as JSON and as PDFs sent monthly. */
export const statementsRoom = (options: FinanceOptions): FinanceRoom => ({
  events: statementsEvents,
  jobs: statementsJobs(options),
  subscribers: [],
  routes: (app) => statementsRoutes(app, options),
});

export { memberStatement, type Statement } from './statements.js';
