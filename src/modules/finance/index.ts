import { defineModule, type ModuleManifest } from '../../kernel/modules/manifest.js';
import { bankImportRoom } from './bank-import/index.js';
import { billingRoom } from './billing/index.js';
import { ledgerRoom } from './ledger/index.js';
import { financeErrors } from './finance.errors.js';
import type { FinanceOptions } from './options.js';
import { providersRoom } from './providers/index.js';
import { reportsRoom } from './reports/index.js';
import { statementsRoom } from './statements/index.js';

export type { FinanceOptions } from './options.js';
export { membersInArrears } from './ledger/index.js';

/**
 * The `finance` module: a double-entry ledger per tenant, charges, billing runs, payments
 * (recorded, by card through a payment provider, from bank statements), late fees.
 */
export function financeModule(options: FinanceOptions = {}): ModuleManifest {
  const rooms = [ledgerRoom(options), billingRoom(options), bankImportRoom(), providersRoom(options), statementsRoom(options), reportsRoom()];
  return defineModule({
    key: 'finance',
    name: 'Finance',
    description: 'Levies and rent: a double-entry ledger, charges, billing runs, payments, late fees and statements.',
    dependencies: ['core', 'members', 'properties', 'occupancy', 'leases'],
    includedIn: 'all',
    permissions: [
      { key: 'finance.read', description: 'See accounts, the journal, charges, payments, balances and reports' },
      { key: 'finance.write', description: 'Post charges and journal entries, record and allocate payments, run billing' },
      { key: 'finance.approve', description: 'Void charges, refund payments and write off debts (each needs a recent second factor)', stepUp: true },
      { key: 'finance.read.own', description: 'See one’s own charges, payments, balance and statements (portal)' },
    ],
    defaultGrants: {
      manager: ['finance.read', 'finance.write', 'finance.approve'],
      staff: ['finance.read', 'finance.write'],
      member: ['finance.read.own'],
    },
    migrations: new URL('./migrations/', import.meta.url),
    errors: financeErrors,
    events: rooms.flatMap((room) => room.events),
    jobs: rooms.flatMap((room) => room.jobs),
    subscribers: rooms.flatMap((room) => room.subscribers),
    routes(app) {
      for (const room of rooms) room.routes(app);
    },
  });
}
