import type { FinanceRoom } from '../room.js';
import { bankImportEvents, bankImportRoutes } from './bank-import.routes.js';

export type { Proposal } from './bank-import.match.js';

/** Bank statement import: CSV statements whose credits are matched to members and recorded as payments. */
export const bankImportRoom = (): FinanceRoom => ({
  events: bankImportEvents,
  jobs: [],
  subscribers: [],
  routes: bankImportRoutes,
});
