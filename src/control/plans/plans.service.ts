import type { Db } from '../../kernel/db/tables.js';
import { AppError, notFound } from '../../kernel/errors.js';
import type { LicenceLimits } from '../../kernel/security/licence.js';
import type { ModuleHost } from '../../kernel/modules/module-host.js';
import { appendAudit } from '../audit.js';
import type { ControlContext } from '../context.js';
import { ModuleOffersRepository } from './module-offers.repository.js';

export interface Plan {
  key: string;
  name: string;
  description: string;
  modules: string[];
  limits: LicenceLimits;
  price: { amountMinor: number; currency: string; interval: 'month' | 'year' };
  active: boolean;
}

interface PlanRow {
  key: string;
  name: string;
  description: string;
  modules: string[];
  limits: LicenceLimits;
  price_minor: number;
  currency: string;
  interval: 'month' | 'year';
  active: boolean;
}

const toPlan = (row: unknown): Plan => {
  const r = row as PlanRow;
  return {
  key: r.key,
  name: r.name,
  description: r.description,
  modules: r.modules,
  limits: r.limits,
  price: { amountMinor: Number(r.price_minor), currency: r.currency, interval: r.interval },
  active: r.active,
  };
};

export type PlanInput = Omit<Plan, 'active'> & { active?: boolean };

export class PlansService {
  constructor(private readonly modules: ModuleHost) {}

  async list(db: Db): Promise<Plan[]> {
    return (await db.selectFrom('control.plans').selectAll().orderBy('price_minor').execute()).map(toPlan);
  }

  async get(db: Db, key: string): Promise<Plan> {
    const row = await db.selectFrom('control.plans').selectAll().where('key', '=', key).executeTakeFirst();
    if (!row) throw notFound(`Plan "${key}"`);
    return toPlan(row);
  }

  /** Module lists must name installed, licensable modules with their dependencies. */
  checkModules(modules: string[], field = 'modules'): void {
    const unknown = modules.filter((m) => !this.modules.has(m) || this.modules.alwaysLicensed.includes(m));
    if (unknown.length > 0) throw new AppError('validation_failed', 'Unknown modules', { errors: unknown.map((m) => ({ field, message: `no licensable module "${m}"` })) });
    const missing = this.modules.missingDependencies(modules);
    if (missing.length > 0) throw new AppError('validation_failed', 'Modules miss their dependencies', { errors: missing.map((m) => ({ field, message: m })) });
  }

  async create(ctx: ControlContext, input: PlanInput): Promise<Plan> {
    this.checkModules(input.modules);
    const row = await ctx.db
      .insertInto('control.plans')
      .values({
        key: input.key,
        name: input.name,
        description: input.description,
        modules: [...new Set(input.modules)],
        limits: JSON.stringify(input.limits),
        price_minor: input.price.amountMinor,
        currency: input.price.currency,
        interval: input.price.interval,
        active: input.active ?? true,
      })
      .onConflict((oc) => oc.column('key').doNothing())
      .returningAll()
      .executeTakeFirst();
    if (!row) throw new AppError('already_exists', `Plan "${input.key}" exists`, { errors: [{ field: 'key', message: 'is already taken' }] });
    // The operator chose this plan's modules: the installed ones are not offered to it again.
    await new ModuleOffersRepository(ctx.db).record(this.modules.catalogue().map((m) => ({ plan: input.key, module: m.key })));
    await appendAudit(ctx.db, { actor: ctx.actor, action: 'plan.created', target: input.key });
    return toPlan(row);
  }

  async update(ctx: ControlContext, key: string, patch: Partial<Omit<PlanInput, 'key'>>): Promise<Plan> {
    if (patch.modules) this.checkModules(patch.modules);
    const current = await this.get(ctx.db, key);
    const set: Record<string, unknown> = { updated_at: new Date() };
    if (patch.name !== undefined) set.name = patch.name;
    if (patch.description !== undefined) set.description = patch.description;
    if (patch.modules !== undefined) set.modules = [...new Set(patch.modules)];
    if (patch.limits !== undefined) set.limits = JSON.stringify({ ...current.limits, ...patch.limits });
    if (patch.price !== undefined) Object.assign(set, { price_minor: patch.price.amountMinor, currency: patch.price.currency, interval: patch.price.interval });
    if (patch.active !== undefined) set.active = patch.active;
    const row = await ctx.db.updateTable('control.plans').set(set).where('key', '=', key).returningAll().executeTakeFirstOrThrow();
    await appendAudit(ctx.db, { actor: ctx.actor, action: 'plan.updated', target: key, data: { fields: Object.keys(patch) } });
    return toPlan(row);
  }
}
