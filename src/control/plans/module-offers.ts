import type { ModuleHost } from '../../kernel/modules/module-host.js';
import { appendAudit } from '../audit.js';
import type { ControlContext } from '../context.js';
import { ModuleOffersRepository } from './module-offers.repository.js';

export interface ModuleOffer {
  plan: string;
  module: string;
}

/**
 * Offers each installed module to the plans its manifest names (`includedIn`), once per plan:
 * an offer recorded before is never made again, so what an operator changed through the plans
 * API since stays. Run at start-up, after the control migrations; answers the modules added.
 */
export async function offerModules(ctx: ControlContext, modules: ModuleHost): Promise<ModuleOffer[]> {
  const added = await ctx.db.transaction().execute(async (trx) => {
    const repo = new ModuleOffersRepository(trx);
    const plans = await repo.planModules();
    const offered = await repo.offered();
    const due: ModuleOffer[] = [];
    for (const m of modules.ordered) {
      if (m.alwaysLicensed || !m.includedIn) continue;
      for (const plan of m.includedIn === 'all' ? [...plans.keys()] : m.includedIn) {
        if (!plans.has(plan)) ctx.log.warn({ module: m.key, plan }, 'a module names a plan that does not exist: not offered to it');
        else if (!offered.has(`${plan}/${m.key}`)) due.push({ plan, module: m.key });
      }
    }
    // Another process starting at the same time may have recorded some of them first.
    const ours = new Set((await repo.record(due)).map((o) => `${o.plan}/${o.module}`));
    const made: ModuleOffer[] = [];
    // In dependency order, so a module offered with its dependencies finds them in the plan.
    for (const offer of due.filter((o) => ours.has(`${o.plan}/${o.module}`))) {
      const held = plans.get(offer.plan)!;
      if (held.includes(offer.module)) continue;
      const missing = modules.get(offer.module)!.dependencies.filter((d) => !held.includes(d) && !modules.alwaysLicensed.includes(d));
      if (missing.length > 0) {
        ctx.log.warn({ ...offer, missing }, 'a module was not added to a plan that lacks its dependencies');
        continue;
      }
      await repo.addToPlan(offer.plan, offer.module);
      held.push(offer.module);
      await appendAudit(trx, { actor: ctx.actor, action: 'plan.module_offered', target: offer.plan, data: { module: offer.module } });
      made.push(offer);
    }
    return made;
  });
  if (added.length > 0) ctx.log.info({ offers: added }, 'added modules to plans as their manifests ask');
  return added;
}
