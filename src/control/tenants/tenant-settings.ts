import type { Branding } from '../../kernel/context.js';
import type { Db } from '../../kernel/db/tables.js';
import { notFound } from '../../kernel/errors.js';
import { checkRegional, type Regional } from '../../kernel/regional.js';
import type { BrandingChange, TenantSettingsStore } from '../../kernel/tenant-directory.js';
import { appendAudit } from '../audit.js';
import { TenantsRepository } from './tenants.repository.js';

/**
 * The tenant's own settings kept in the registry (the kernel's TenantSettingsStore), as the
 * data plane's settings routes read and change them. A change is audited like the console's
 * (`tenant.branding_set`, the actor a tenant user) and reaches every process's directory.
 */
export class ControlTenantSettings implements TenantSettingsStore {
  constructor(
    private readonly control: Db,
    private readonly onChange: (tenantId: string) => void,
  ) {}

  async branding(tenantId: string): Promise<Branding> {
    const row = await new TenantsRepository(this.control).routing({ id: tenantId });
    if (!row) throw notFound('The tenant');
    return row.branding ?? {};
  }

  async updateBranding(tenantId: string, change: BrandingChange, actor: string): Promise<Branding> {
    const branding = await this.control.transaction().execute(async (trx) => {
      const repo = new TenantsRepository(trx);
      const current = await repo.brandingForUpdate(tenantId);
      if (!current) throw notFound('The tenant');
      const next: Record<string, string> = { ...(current as Record<string, string>) };
      for (const [key, value] of Object.entries(change)) {
        if (value === null) delete next[key];
        else if (value !== undefined) next[key] = value;
      }
      await repo.setBranding(tenantId, next);
      await appendAudit(trx, { actor, action: 'tenant.branding_set', target: tenantId, data: { fields: Object.keys(change).sort() } });
      return next as Branding;
    });
    this.onChange(tenantId);
    return branding;
  }

  async updateRegional(tenantId: string, given: Partial<Regional>, actor: string): Promise<Regional> {
    const change = checkRegional(given);
    const regional = await this.control.transaction().execute(async (trx) => {
      const repo = new TenantsRepository(trx);
      const current = await repo.regionalForUpdate(tenantId);
      if (!current) throw notFound('The tenant');
      await repo.update(tenantId, change);
      await appendAudit(trx, { actor, action: 'tenant.regional_set', target: tenantId, data: change });
      return { ...current, ...change };
    });
    this.onChange(tenantId);
    return regional;
  }
}
