import type { Db } from '../../kernel/db/tables.js';
import { AppError, notFound } from '../../kernel/errors.js';
import type { LicenceClaims, LicenceSigner } from '../../kernel/security/licence.js';
import { appendAudit } from '../audit.js';
import type { ControlContext } from '../context.js';
import type { PlansService } from '../plans/plans.service.js';
import { adjustmentsOf, termsOf, type LicenceAdjustments } from './licence-adjustments.js';
import { LicencesRepository } from './licences.repository.js';
import { SubscriptionsRepository } from '../billing/subscriptions.repository.js';

const YEAR_MS = 365 * 86_400_000;

/** What an operator may ask of a tenant's licence: adjustments to its plan, and its expiry. */
export interface LicenceOverrides extends LicenceAdjustments {
  expiresAt?: string | Date;
}

export interface LicenceView {
  id: string;
  jws: string;
  claims: LicenceClaims;
  /** How this licence differs from its plan, kept through renewals and plan changes. */
  overrides: LicenceAdjustments;
  issuedAt: Date;
  expiresAt: Date;
}

type TenantRef = { id: string; slug: string; plan: string };

/** Authoring of tenant licences: the plan's modules and limits, with the tenant's adjustments, signed. */
export class LicencesService {
  constructor(
    private readonly signer: LicenceSigner | null,
    private readonly plans: PlansService,
    private readonly graceDays: number,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async current(db: Db, tenantId: string): Promise<LicenceView> {
    const row = await new LicencesRepository(db).current(tenantId);
    if (!row) throw notFound('The licence');
    return { id: row.id, jws: row.jws, claims: row.claims, overrides: row.overrides, issuedAt: row.issuedAt, expiresAt: row.expiresAt };
  }

  /** Another year from its expiry (or from now, if it has lapsed), on the plan as it is now, with the same adjustments. */
  async renew(ctx: ControlContext, tenant: TenantRef, current: { overrides: LicenceAdjustments; expiresAt: Date }): Promise<LicenceView> {
    const from = Math.max(this.now().getTime(), current.expiresAt.getTime());
    return this.issue(ctx, tenant, { ...current.overrides, expiresAt: new Date(from + YEAR_MS) }, 'licence.renewed');
  }

  /** The same expiry and adjustments on the plan as it is now: a plan edit reaching the tenant. */
  async reissue(ctx: ControlContext, tenant: TenantRef, current: { overrides: LicenceAdjustments; expiresAt: Date }): Promise<LicenceView> {
    return this.issue(ctx, tenant, { ...current.overrides, expiresAt: current.expiresAt }, 'licence.reissued');
  }

  async issue(ctx: ControlContext, tenant: TenantRef, overrides: LicenceOverrides = {}, auditAction = 'licence.issued'): Promise<LicenceView> {
    if (!this.signer) throw new AppError('unprocessable', 'This instance has no licence signing key (COURTYARD_LICENCE_PRIVATE_KEY)');
    const plan = await this.plans.get(ctx.db, tenant.plan);
    const adjustments = adjustmentsOf(overrides);
    const terms = termsOf(plan, adjustments, this.graceDays);
    this.plans.checkModules(terms.modules);
    // A tenant that has not paid for long enough reads and does not write (dunning's read-only and suspended stages).
    const dunning = (await new SubscriptionsRepository(ctx.db).find(tenant.id))?.dunning;
    const readOnly = dunning === 'read_only' || dunning === 'suspended';
    const now = Math.floor(this.now().getTime() / 1000);
    const exp = overrides.expiresAt ? Math.floor(new Date(overrides.expiresAt).getTime() / 1000) : now + YEAR_MS / 1000;
    const { jws, claims } = await this.signer.sign({
      sub: tenant.id,
      tenant: tenant.slug,
      plan: plan.key,
      modules: terms.modules,
      limits: terms.limits,
      iat: now,
      nbf: now - 60,
      exp,
      grace: terms.graceDays * 86_400,
      ...(readOnly ? { readOnly: true as const } : {}),
    });
    const row = await new LicencesRepository(ctx.db).insert({ id: claims.jti, tenantId: tenant.id, jws, claims, overrides: adjustments, expiresAt: new Date(exp * 1000) });
    await appendAudit(ctx.db, { actor: ctx.actor, action: auditAction, target: tenant.id, data: { licence: claims.jti, plan: plan.key, modules: terms.modules, exp, ...(readOnly ? { readOnly } : {}) } });
    return { id: row.id, jws, claims, overrides: row.overrides, issuedAt: row.issuedAt, expiresAt: row.expiresAt };
  }
}
