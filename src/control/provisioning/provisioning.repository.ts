import type { Kysely, Selectable } from 'kysely';
import { tablesOf, type Db } from '../../kernel/db/tables.js';
import type { ControlTables } from '../control.tables.js';
import type { ProvisioningState } from './provisioning.steps.js';

/** What provisioning reads of a tenant it sets up. */
const columns = ['id', 'slug', 'planKey', 'placement', 'databaseName', 'adminRequest', 'provisioning'] as const;
export type ProvisioningTarget = Pick<Selectable<ControlTables['control.tenants']>, (typeof columns)[number]>;

/** SQL for a tenant's provisioning progress (`control.tenants`). */
export class ProvisioningRepository {
  private readonly db: Kysely<ControlTables>;

  constructor(db: Db) {
    this.db = tablesOf(db);
  }

  load(tenantId: string): Promise<ProvisioningTarget> {
    return this.db
      .selectFrom('control.tenants')
      .select(columns)
      .where('id', '=', tenantId)
      .executeTakeFirstOrThrow();
  }

  async save(tenantId: string, status: 'provisioning' | 'failed', state: ProvisioningState): Promise<void> {
    await this.db.updateTable('control.tenants').set({ status, provisioning: JSON.stringify(state), updatedAt: new Date() }).where('id', '=', tenantId).execute();
  }

  /** The tenant is live: the administrator request (a password hash) is not kept past it. */
  async activate(tenantId: string, state: ProvisioningState): Promise<void> {
    await this.db
      .updateTable('control.tenants')
      .set({ status: 'active', adminRequest: null, provisioning: JSON.stringify(state), updatedAt: new Date() })
      .where('id', '=', tenantId)
      .execute();
  }
}
