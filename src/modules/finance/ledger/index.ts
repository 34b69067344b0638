import type { FinanceOptions } from '../options.js';
import type { FinanceRoom } from '../room.js';
import { ledgerEvents, ledgerRoutes } from './ledger.routes.js';

/** The ledger: accounts, journal entries, charges, payments and balances. The other rooms post through it. */
export const ledgerRoom = (options: FinanceOptions): FinanceRoom => ({
  events: ledgerEvents,
  jobs: [],
  subscribers: [],
  routes: (app) => ledgerRoutes(app, options),
});

export { memberBalance, membersInArrears } from './balances.js';
export { chargesByIds, openCharges, postCharge, postCharges, voidCharge, writeOffCharge, type ChargeToPost } from './charges.js';
export type { Charge } from './ledger.types.js';
export { lockMember, lockMembers, systemAccounts, type SystemAccount } from './journal.js';
export { recordPayment } from './payments.js';
