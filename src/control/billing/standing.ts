import type { ControlContext } from '../context.js';
import { emitControl } from '../events.js';
import { LicencesRepository } from '../licences/licences.repository.js';
import type { LicencesService } from '../licences/licences.service.js';
import { TenantsRepository } from '../tenants/tenants.repository.js';
import type { DunningStage } from './billing.tables.js';
import { SubscriptionsRepository } from './subscriptions.repository.js';
import { subscriptionView } from './subscriptions.service.js';

/** What changing a tenant's standing needs: its licence reissued (with or without `readOnly`), and the registry told. */
export interface StandingDeps {
  licences: LicencesService;
  /** The registry changed for this tenant: every process forgets what it cached of it. */
  onChange: (tenantId: string) => void;
}

const STANDING_EVENTS: Record<DunningStage | 'restored', string> = {
  reminded: 'subscription.reminded',
  grace: 'subscription.past_due',
  read_only: 'subscription.read_only',
  suspended: 'subscription.suspended',
  restored: 'subscription.restored',
};

const restricts = (stage: DunningStage | null) => stage === 'read_only' || stage === 'suspended';

/**
 * Moves a tenant's subscription to a dunning stage (or back to good standing, null), in the
 * caller's transaction (`ctx.db`): the licence is reissued when read-only starts or ends, and the tenant
 * suspended by dunning (or resumed, when dunning had suspended it). Answers whether anything
 * changed; the caller calls `onChange` after its commit.
 */
export async function setStanding(ctx: ControlContext, deps: StandingDeps, tenantId: string, stage: DunningStage | null, status: 'active' | 'past_due'): Promise<boolean> {
  const db = ctx.db;
  const subs = new SubscriptionsRepository(db);
  const sub = await subs.lock(tenantId);
  if (!sub || sub.status === 'canceled' || (sub.dunning === stage && sub.status === status)) return false;
  const row = await subs.update(tenantId, { dunning: stage, status: sub.status === 'trialing' ? 'trialing' : status });
  const tenants = new TenantsRepository(db);
  const tenant = await tenants.find(tenantId);
  if (tenant && stage === 'suspended' && tenant.status === 'active') {
    await tenants.setStatus(tenantId, 'active', 'suspended');
    await emitControl(db, 'tenant.suspended', tenantId, { id: tenantId, slug: tenant.slug, status: 'suspended', reason: 'unpaid' });
  }
  if (tenant && sub.dunning === 'suspended' && stage !== 'suspended' && tenant.status === 'suspended') {
    await tenants.setStatus(tenantId, 'suspended', 'active');
    await emitControl(db, 'tenant.resumed', tenantId, { id: tenantId, slug: tenant.slug, status: 'active', reason: 'paid' });
  }
  if (tenant && restricts(stage) !== restricts(sub.dunning)) {
    const current = await new LicencesRepository(db).current(tenantId);
    if (current) await deps.licences.reissue(ctx, { id: tenantId, slug: tenant.slug, plan: tenant.planKey }, { overrides: current.overrides, expiresAt: current.expiresAt });
  }
  await emitControl(db, STANDING_EVENTS[stage ?? 'restored'], tenantId, subscriptionView(row));
  return true;
}
