import type { FinanceRoom } from '../room.js';
import { reportsRoutes } from './reports.routes.js';

/** Reports: arrears aging, income by account, collections rate and monthly collections, as JSON or CSV. */
export const reportsRoom = (): FinanceRoom => ({
  events: [],
  jobs: [],
  subscribers: [],
  routes: (app) => reportsRoutes(app),
});
