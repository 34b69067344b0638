import type { Db } from '../../kernel/db/tables.js';
import type { Placement } from '../../kernel/db/router.js';
import type { ProvisioningState } from './provisioning.steps.js';

/** What provisioning reads of a tenant it sets up. */
export interface ProvisioningTarget {
  id: string;
  slug: string;
  plan_key: string;
  placement: Placement;
  database_name: string | null;
  admin_request: { email: string; name: string; passwordHash: string } | null;
  provisioning: ProvisioningState;
}

/** SQL for a tenant's provisioning progress (`control.tenants`). */
export class ProvisioningRepository {
  constructor(private readonly db: Db) {}

  load(tenantId: string): Promise<ProvisioningTarget> {
    return this.db
      .selectFrom('control.tenants')
      .select(['id', 'slug', 'plan_key', 'placement', 'database_name', 'admin_request', 'provisioning'])
      .where('id', '=', tenantId)
      .executeTakeFirstOrThrow();
  }

  async save(tenantId: string, status: 'provisioning' | 'failed', state: ProvisioningState): Promise<void> {
    await this.db.updateTable('control.tenants').set({ status, provisioning: JSON.stringify(state), updated_at: new Date() }).where('id', '=', tenantId).execute();
  }

  /** The tenant is live: the administrator request (a password hash) is not kept past it. */
  async activate(tenantId: string, state: ProvisioningState): Promise<void> {
    await this.db
      .updateTable('control.tenants')
      .set({ status: 'active', admin_request: null, provisioning: JSON.stringify(state), updated_at: new Date() })
      .where('id', '=', tenantId)
      .execute();
  }
}
