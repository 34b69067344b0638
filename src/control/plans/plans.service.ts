import type { Db } from '../../kernel/db/tables.js';
import { AppError, notFound } from '../../kernel/errors.js';
import type { ModuleHost } from '../../kernel/modules/module-host.js';
import { appendAudit } from '../audit.js';
import type { ControlContext } from '../context.js';
import { NO_PRICING, pricingProblems, type PlanPricing } from '../billing/pricing.js';
import { ModuleOffersRepository } from './module-offers.repository.js';
import { PlansRepository, type Plan, type PlanFields } from './plans.repository.js';

export type { Plan };

export type PlanInput = Omit<Plan, 'active' | 'pricing'> & { active?: boolean; pricing?: PlanPricing };

export class PlansService {
  /**
   * `termsChanged` is told, after the change is stored, of a plan whose modules or limits
   * changed: its tenants' licences are reissued from it (a job; the daily renewal catches any
   * the job misses).
   */
  constructor(
    private readonly modules: ModuleHost,
    private readonly termsChanged: (plan: string) => Promise<unknown> = async () => undefined,
  ) {}

  async list(db: Db): Promise<Plan[]> {
    return new PlansRepository(db).list();
  }

  async get(db: Db, key: string): Promise<Plan> {
    const plan = await new PlansRepository(db).find(key);
    if (!plan) throw notFound(`Plan "${key}"`);
    return plan;
  }

  /** Module lists must name installed, licensable modules with their dependencies. */
  checkModules(modules: string[], field = 'modules'): void {
    const unknown = modules.filter((m) => !this.modules.has(m) || this.modules.alwaysLicensed.includes(m));
    if (unknown.length > 0) throw new AppError('validation_failed', 'Unknown modules', { errors: unknown.map((m) => ({ field, message: `no licensable module "${m}"` })) });
    const missing = this.modules.missingDependencies(modules);
    if (missing.length > 0) throw new AppError('validation_failed', 'Modules miss their dependencies', { errors: missing.map((m) => ({ field, message: m })) });
  }

  /** A pricing must price known meters once, with tiers in order; and its currency is the base price's. */
  checkPricing(pricing: PlanPricing | undefined): void {
    const problems = pricing ? pricingProblems(pricing) : [];
    if (problems.length > 0) throw new AppError('validation_failed', 'The pricing is not valid', { errors: problems });
  }

  async create(ctx: ControlContext, input: PlanInput): Promise<Plan> {
    this.checkModules(input.modules);
    this.checkPricing(input.pricing);
    const plan = await new PlansRepository(ctx.db).insert({ ...input, modules: [...new Set(input.modules)], pricing: input.pricing ?? NO_PRICING, active: input.active ?? true });
    if (!plan) throw new AppError('already_exists', `Plan "${input.key}" exists`, { errors: [{ field: 'key', message: 'is already taken' }] });
    // The operator chose this plan's modules: the installed ones are not offered to it again.
    await new ModuleOffersRepository(ctx.db).record(this.modules.catalogue().map((m) => ({ plan: input.key, module: m.key })));
    await appendAudit(ctx.db, { actor: ctx.actor, action: 'plan.created', target: input.key });
    return plan;
  }

  async update(ctx: ControlContext, key: string, patch: Partial<PlanFields>): Promise<Plan> {
    if (patch.modules) this.checkModules(patch.modules);
    this.checkPricing(patch.pricing);
    const current = await this.get(ctx.db, key);
    const plan = await new PlansRepository(ctx.db).update(key, {
      ...patch,
      modules: patch.modules && [...new Set(patch.modules)],
      limits: patch.limits && { ...current.limits, ...patch.limits },
    });
    await appendAudit(ctx.db, { actor: ctx.actor, action: 'plan.updated', target: key, data: { fields: Object.keys(patch) } });
    if (patch.modules || patch.limits) {
      await this.termsChanged(key).catch((error: unknown) => ctx.log.warn({ err: error, plan: key }, "could not queue the reissue of the plan's licences; the daily renewal will"));
    }
    return plan;
  }
}
