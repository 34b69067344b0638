import type { Database } from '../../kernel/db/database.js';
import { checkIsolation } from '../../kernel/db/isolation-check.js';
import { migrate, type Migration } from '../../kernel/db/migrations.js';
import type { TenantDatabaseRouter } from '../../kernel/db/router.js';
import type { ModuleHost } from '../../kernel/modules/module-host.js';
import { appendAudit } from '../audit.js';
import { emitControl } from '../events.js';
import type { ControlContext } from '../context.js';
import { LicencesRepository } from '../licences/licences.repository.js';
import type { LicencesService } from '../licences/licences.service.js';
import { ProvisioningRepository, type ProvisioningTarget } from './provisioning.repository.js';
import { PROVISIONING_STEPS, type ProvisioningState, type ProvisioningStep } from './provisioning.steps.js';

export { PROVISIONING_STEPS, type ProvisioningState, type ProvisioningStep } from './provisioning.steps.js';

export interface ProvisioningDeps {
  router: TenantDatabaseRouter;
  modules: ModuleHost;
  tenantMigrations: Migration[];
  licences: LicencesService;
  /** The registry changed: one tenant (its id), or any number of them (none). */
  onChange: (tenantId?: string) => void;
  /** Test seam: called before each step; throwing simulates a failure at that step. */
  beforeStep?: (step: ProvisioningStep, tenantSlug: string) => void | Promise<void>;
}

/**
 * Provisioning as a workflow of idempotent steps. Progress is recorded after every step, so
 * a failure leaves the tenant visibly `failed` with the step and the error, and a retry
 * resumes from the first step not completed.
 */
export class ProvisioningWorkflow {
  constructor(private readonly deps: ProvisioningDeps) {}

  async run(ctx: ControlContext, tenantId: string): Promise<ProvisioningState> {
    const tenant = await new ProvisioningRepository(ctx.db).load(tenantId);
    const state: ProvisioningState = {
      completed: [...(tenant.provisioning.completed ?? [])],
      attempts: (tenant.provisioning.attempts ?? 0) + 1,
      startedAt: new Date().toISOString(),
    };
    await this.#save(ctx, tenantId, 'provisioning', state);

    for (const step of PROVISIONING_STEPS) {
      if (state.completed.includes(step)) continue;
      try {
        await this.deps.beforeStep?.(step, tenant.slug);
        await this.#step(ctx, tenant, step);
        state.completed.push(step);
        if (step !== 'activate') await this.#save(ctx, tenantId, 'provisioning', state);
      } catch (error) {
        state.failedStep = step;
        state.error = (error as Error).message;
        state.finishedAt = new Date().toISOString();
        await this.#save(ctx, tenantId, 'failed', state);
        await appendAudit(ctx.db, { actor: ctx.actor, action: 'tenant.provisioning_failed', target: tenantId, data: { step, error: state.error } });
        ctx.log.error({ tenant: tenant.slug, step, err: error }, 'provisioning failed');
        return state;
      }
    }
    state.finishedAt = new Date().toISOString();
    await ctx.db.transaction().execute(async (trx) => {
      await new ProvisioningRepository(trx).activate(tenantId, state);
      await appendAudit(trx, { actor: ctx.actor, action: 'tenant.provisioned', target: tenantId, data: { attempts: state.attempts } });
      await emitControl(trx, 'tenant.provisioned', tenantId, { id: tenantId, slug: tenant.slug, placement: tenant.placement });
    });
    this.deps.onChange(tenantId);
    return state;
  }

  async #save(ctx: ControlContext, tenantId: string, status: 'provisioning' | 'failed', state: ProvisioningState) {
    await new ProvisioningRepository(ctx.db).save(tenantId, status, state);
    this.deps.onChange(tenantId);
  }

  async #step(ctx: ControlContext, tenant: ProvisioningTarget, step: ProvisioningStep): Promise<void> {
    const { router } = this.deps;
    const location = { id: tenant.id, placement: tenant.placement, databaseName: tenant.databaseName };
    switch (step) {
      case 'database':
        if (tenant.placement === 'dedicated') await router.createDedicated(tenant.databaseName!);
        return;
      case 'schema':
        // Pooled tenants share the main database, migrated at start-up.
        if (tenant.placement === 'dedicated') {
          await router.withDedicated(tenant.databaseName!, async (db: Database) => {
            await migrate(db, 'tenant', this.deps.tenantMigrations);
            const problems = await checkIsolation(db);
            if (problems.length > 0) throw new Error(`isolation check failed: ${problems.join('; ')}`);
          });
        }
        return;
      case 'modules': {
        const admin = tenant.adminRequest;
        if (!admin) throw new Error('the first administrator was not recorded');
        await router.tenantTransaction(location, (db) => this.deps.modules.provision(db, { tenantId: tenant.id, admin }));
        return;
      }
      case 'licence': {
        if (!(await new LicencesRepository(ctx.db).exists(tenant.id))) await this.deps.licences.issue(ctx, { id: tenant.id, slug: tenant.slug, plan: tenant.planKey });
        return;
      }
      case 'activate':
        return;
    }
  }
}
