import type { Db } from '../../kernel/db/tables.js';
import { AppError, notFound } from '../../kernel/errors.js';
import type { LicenceClaims, LicenceLimits, LicenceSigner } from '../../kernel/security/licence.js';
import { appendAudit } from '../audit.js';
import type { ControlContext } from '../context.js';
import type { PlansService } from '../plans/plans.service.js';
import { LicencesRepository } from './licences.repository.js';

const YEAR_SECONDS = 365 * 24 * 3600;

export interface LicenceOverrides {
  modules?: string[];
  addModules?: string[];
  removeModules?: string[];
  limits?: { [K in keyof LicenceLimits]?: LicenceLimits[K] | undefined };
  expiresAt?: string | Date;
  graceDays?: number;
}

export interface LicenceView {
  id: string;
  jws: string;
  claims: LicenceClaims;
  issuedAt: Date;
  expiresAt: Date;
}

/** Authoring of tenant licences: the plan's modules and limits, with overrides, signed. */
export class LicencesService {
  constructor(
    private readonly signer: LicenceSigner | null,
    private readonly plans: PlansService,
    private readonly graceDays: number,
  ) {}

  async current(db: Db, tenantId: string): Promise<LicenceView> {
    const row = await new LicencesRepository(db).current(tenantId);
    if (!row) throw notFound('The licence');
    return { id: row.id, jws: row.jws, claims: row.claims, issuedAt: row.issuedAt, expiresAt: row.expiresAt };
  }

  /**
   * The same licence for another year from its expiry (or from now, if it has lapsed): the
   * modules, limits and grace it carries, overrides included, since the claims are the only
   * record of them.
   */
  async renew(ctx: ControlContext, tenant: { id: string; slug: string; plan: string }, current: { claims: LicenceClaims; expiresAt: Date }): Promise<LicenceView> {
    const from = Math.max(Date.now(), current.expiresAt.getTime());
    return this.issue(ctx, tenant, { modules: current.claims.modules, limits: current.claims.limits, graceDays: current.claims.grace / 86_400, expiresAt: new Date(from + YEAR_SECONDS * 1000) }, 'licence.renewed');
  }

  async issue(ctx: ControlContext, tenant: { id: string; slug: string; plan: string }, overrides: LicenceOverrides = {}, auditAction = 'licence.issued'): Promise<LicenceView> {
    if (!this.signer) throw new AppError('unprocessable', 'This instance has no licence signing key (COURTYARD_LICENCE_PRIVATE_KEY)');
    const plan = await this.plans.get(ctx.db, tenant.plan);
    let modules = overrides.modules ?? plan.modules;
    if (overrides.addModules) modules = [...modules, ...overrides.addModules];
    if (overrides.removeModules) modules = modules.filter((m) => !overrides.removeModules!.includes(m));
    modules = [...new Set(modules)].sort();
    this.plans.checkModules(modules);
    const now = Math.floor(Date.now() / 1000);
    const exp = overrides.expiresAt ? Math.floor(new Date(overrides.expiresAt).getTime() / 1000) : now + YEAR_SECONDS;
    const { jws, claims } = await this.signer.sign({
      sub: tenant.id,
      tenant: tenant.slug,
      plan: plan.key,
      modules,
      limits: { ...plan.limits, ...overrides.limits },
      nbf: now - 60,
      exp,
      grace: (overrides.graceDays ?? this.graceDays) * 86_400,
    });
    const row = await new LicencesRepository(ctx.db).insert({ id: claims.jti, tenantId: tenant.id, jws, claims, expiresAt: new Date(exp * 1000) });
    await appendAudit(ctx.db, { actor: ctx.actor, action: auditAction, target: tenant.id, data: { licence: claims.jti, plan: plan.key, modules, exp } });
    return { id: row.id, jws, claims, issuedAt: row.issuedAt, expiresAt: row.expiresAt };
  }
}
