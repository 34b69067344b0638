import type { Branding, TenantStatus } from '../../kernel/context.js';
import type { Placement, TenantDatabaseRouter } from '../../kernel/db/router.js';
import { AppError, notFound } from '../../kernel/errors.js';
import { controlErrors } from '../control.errors.js';
import { decodeCursor, pageOf } from '../../kernel/http/pagination.js';
import { newId } from '../../kernel/ids.js';
import { checkRegional } from '../../kernel/regional.js';
import { checkPassword } from '../../kernel/security/password-policy.js';
import { generatePassword, hashPassword } from '../../kernel/security/passwords.js';
import { slugProblem } from '../../kernel/tenancy.js';
import { appendAudit } from '../audit.js';
import { emitControl } from '../events.js';
import type { ControlContext } from '../context.js';
import type { LicenceOverrides, LicencesService } from '../licences/licences.service.js';
import type { Plan, PlansService } from '../plans/plans.service.js';
import type { SubscriptionsService } from '../billing/subscriptions.service.js';
import { decidePlacement } from '../provisioning/placement.js';
import type { ProvisioningState, ProvisioningWorkflow } from '../provisioning/provisioning.workflow.js';
import { TenantsRepository, type TenantRow } from './tenants.repository.js';

export interface CreateTenantInput {
  slug: string;
  name: string;
  plan: string;
  region?: string;
  placement?: Placement;
  compliance?: string[];
  expectedMembers?: number;
  timeZone?: string;
  defaultLocale?: string;
  admin: { email: string; name: string; password?: string };
}

export interface TenantView {
  id: string;
  slug: string;
  name: string;
  plan: string;
  status: TenantStatus;
  placement: Placement;
  placementReason: string;
  region: string;
  compliance: string[];
  expectedMembers: number | null;
  branding: Branding;
  timeZone: string;
  defaultLocale: string;
  domains: string[];
  provisioning: ProvisioningState;
  createdAt: Date;
  updatedAt: Date;
}

const toView = (r: TenantRow): TenantView => ({
  id: r.id,
  slug: r.slug,
  name: r.name,
  plan: r.planKey,
  status: r.status,
  placement: r.placement,
  placementReason: r.placementReason,
  region: r.region,
  compliance: r.compliance,
  expectedMembers: r.expectedMembers,
  branding: r.branding,
  timeZone: r.timeZone,
  defaultLocale: r.defaultLocale,
  domains: r.domains ?? [],
  provisioning: r.provisioning,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
});

// Which status changes the lifecycle allows, and what each is called.
const transitions: Record<'suspend' | 'resume' | 'archive', { from: TenantStatus[]; to: TenantStatus }> = {
  suspend: { from: ['active'], to: 'suspended' },
  resume: { from: ['suspended'], to: 'active' },
  archive: { from: ['active', 'suspended', 'failed'], to: 'archived' },
};

export class TenantsService {
  constructor(
    private readonly deps: {
      router: TenantDatabaseRouter;
      plans: PlansService;
      licences: LicencesService;
      /** The tenant's subscription to its plan: started with the tenant, changed with its plan. */
      subscriptions: SubscriptionsService;
      workflow: ProvisioningWorkflow;
      defaultRegion: string;
      /** The registry changed: one tenant (its id), or any number of them (none). */
      onChange: (tenantId?: string) => void;
    },
  ) {}

  async get(ctx: ControlContext, idOrSlug: string): Promise<TenantView> {
    const row = await new TenantsRepository(ctx.db).find(idOrSlug);
    if (!row) throw new AppError('tenant_not_found', `No tenant "${idOrSlug}"`);
    return toView(row);
  }

  async list(ctx: ControlContext, query: { limit: number; cursor?: string; q?: string; status?: TenantStatus }) {
    // Ids are UUIDv7: id order is creation order.
    const after = decodeCursor(query.cursor, ['uuid']);
    const rows = await new TenantsRepository(ctx.db).list({ limit: query.limit, after: after?.[0] ?? null, q: query.q, status: query.status });
    const page = pageOf(rows, query.limit, (r) => [r.id]);
    return { data: page.data.map(toView), nextCursor: page.nextCursor };
  }

  /**
   * Registers the tenant, then provisions it. Returns the tenant as provisioning left it
   * (`active`, or `failed` with the step and error) and the administrator's password when
   * it was generated.
   */
  async create(ctx: ControlContext, input: CreateTenantInput): Promise<{ tenant: TenantView; generatedAdminPassword?: string }> {
    const slug = input.slug.toLowerCase();
    const problem = slugProblem(slug);
    if (problem) throw new AppError('validation_failed', `The slug ${problem}`, { errors: [{ field: 'slug', message: problem }] });
    const plan = await this.deps.plans.get(ctx.db, input.plan).catch(() => {
      throw new AppError('validation_failed', `No plan "${input.plan}"`, { errors: [{ field: 'plan', message: `no plan "${input.plan}"` }] });
    });
    if (!plan.active) throw new AppError('validation_failed', `Plan "${plan.key}" is retired`, { errors: [{ field: 'plan', message: 'is retired' }] });
    // The same rules as every tenant user's password (the tenant's first administrator is one).
    if (input.admin.password) checkPassword(input.admin.password, { email: input.admin.email, names: [input.name, slug] }, '/admin/password');

    const regional = checkRegional({ timeZone: input.timeZone, defaultLocale: input.defaultLocale });
    const id = newId();
    const compliance = [...new Set(input.compliance ?? [])];
    const region = input.region ?? this.deps.defaultRegion;
    const { placement, reason } = decidePlacement({ placement: input.placement, plan: plan.key, compliance, expectedMembers: input.expectedMembers, region });
    const password = input.admin.password ?? generatePassword();
    const adminRequest = { email: input.admin.email.toLowerCase(), name: input.admin.name, passwordHash: await hashPassword(password) };

    const inserted = await ctx.db.transaction().execute(async (trx) => {
      const registered = await new TenantsRepository(trx).insert({
        id,
        slug,
        name: input.name,
        planKey: plan.key,
        placement,
        placementReason: reason,
        databaseName: placement === 'dedicated' ? this.deps.router.dedicatedNameFor(id) : null,
        region,
        compliance,
        expectedMembers: input.expectedMembers ?? null,
        ...(regional.timeZone ? { timeZone: regional.timeZone } : {}),
        ...(regional.defaultLocale ? { defaultLocale: regional.defaultLocale } : {}),
        adminRequest,
      });
      if (registered) {
        await appendAudit(trx, { actor: ctx.actor, action: 'tenant.created', target: id, data: { slug, plan: plan.key, placement, reason } });
        await this.deps.subscriptions.start({ ...ctx, db: trx }, id, plan);
      }
      return registered;
    });
    if (!inserted) throw new AppError('already_exists', `The slug "${slug}" is taken`, { errors: [{ field: 'slug', message: 'is already taken' }] });

    await this.deps.workflow.run(ctx, id);
    return { tenant: await this.get(ctx, id), ...(input.admin.password ? {} : { generatedAdminPassword: password }) };
  }

  /** Resumes a failed provisioning from the first step it did not complete. */
  async retryProvisioning(ctx: ControlContext, idOrSlug: string): Promise<TenantView> {
    const tenant = await this.get(ctx, idOrSlug);
    // Claim the tenant atomically, so that two retries at once run the workflow once.
    if (!(await new TenantsRepository(ctx.db).claimFailed(tenant.id))) throw new AppError(controlErrors.provisioning_not_failed, `Only a failed provisioning can be retried; the tenant is ${tenant.status === 'failed' ? 'being provisioned' : tenant.status}`);
    await this.deps.workflow.run(ctx, tenant.id);
    return this.get(ctx, tenant.id);
  }

  async update(ctx: ControlContext, idOrSlug: string, given: { name?: string; plan?: string; timeZone?: string; defaultLocale?: string }): Promise<TenantView> {
    const patch = checkRegional(given);
    const tenant = await this.get(ctx, idOrSlug);
    let plan: Plan | undefined;
    if (patch.plan && patch.plan !== tenant.plan) {
      plan = await this.deps.plans.get(ctx.db, patch.plan).catch(() => {
        throw new AppError('validation_failed', `No plan "${patch.plan}"`, { errors: [{ field: 'plan', message: `no plan "${patch.plan}"` }] });
      });
      if (!plan.active) throw new AppError('validation_failed', `Plan "${plan.key}" is retired`, { errors: [{ field: 'plan', message: 'is retired' }] });
    }
    await ctx.db.transaction().execute(async (trx) => {
      const tctx = { ...ctx, db: trx };
      await new TenantsRepository(trx).update(tenant.id, { name: patch.name, planKey: patch.plan, timeZone: patch.timeZone, defaultLocale: patch.defaultLocale });
      await appendAudit(trx, { actor: ctx.actor, action: 'tenant.updated', target: tenant.id, data: patch });
      if (plan) await this.deps.subscriptions.changePlan(tctx, tenant.id, plan);
      // A new plan means a new licence with the plan's modules and limits (provisioning issues
      // the first one; an archived tenant gets none, as in issueLicence).
      if (patch.plan && patch.plan !== tenant.plan && (tenant.status === 'active' || tenant.status === 'suspended')) {
        await this.deps.licences.issue(tctx, { id: tenant.id, slug: tenant.slug, plan: patch.plan });
      }
    });
    this.deps.onChange(tenant.id);
    return this.get(ctx, tenant.id);
  }

  async transition(ctx: ControlContext, idOrSlug: string, action: keyof typeof transitions): Promise<TenantView> {
    const tenant = await this.get(ctx, idOrSlug);
    const rule = transitions[action];
    if (!rule.from.includes(tenant.status)) {
      const article = /^[aeiou]/.test(tenant.status) ? 'An' : 'A';
      const done = { suspend: 'suspended', resume: 'resumed', archive: 'archived' }[action];
      throw new AppError(controlErrors.tenant_status_forbids, `${article} ${tenant.status} tenant cannot be ${done}`);
    }
    await ctx.db.transaction().execute(async (trx) => {
      await new TenantsRepository(trx).setStatus(tenant.id, tenant.status, rule.to);
      const event = `tenant.${rule.to === 'active' ? 'resumed' : rule.to}`;
      await appendAudit(trx, { actor: ctx.actor, action: event, target: tenant.id });
      await emitControl(trx, event, tenant.id, { id: tenant.id, slug: tenant.slug, status: rule.to });
    });
    this.deps.onChange(tenant.id);
    return this.get(ctx, tenant.id);
  }

  async issueLicence(ctx: ControlContext, idOrSlug: string, overrides: LicenceOverrides) {
    const tenant = await this.get(ctx, idOrSlug);
    if (tenant.status === 'archived') throw new AppError(controlErrors.tenant_archived, 'An archived tenant gets no licence');
    const licence = await ctx.db.transaction().execute((trx) => this.deps.licences.issue({ ...ctx, db: trx }, { id: tenant.id, slug: tenant.slug, plan: tenant.plan }, overrides));
    this.deps.onChange(tenant.id);
    return licence;
  }

  async currentLicence(ctx: ControlContext, idOrSlug: string) {
    const tenant = await this.get(ctx, idOrSlug);
    return this.deps.licences.current(ctx.db, tenant.id);
  }

  async addDomain(ctx: ControlContext, idOrSlug: string, domain: string, baseDomain: string) {
    const tenant = await this.get(ctx, idOrSlug);
    const name = domain.toLowerCase().replace(/\.$/, '');
    if (name === baseDomain || name.endsWith(`.${baseDomain}`)) {
      throw new AppError('validation_failed', `Subdomains of ${baseDomain} are the tenants' own; add a custom domain`, { errors: [{ field: 'domain', message: `must not be under ${baseDomain}` }] });
    }
    const row = await ctx.db.transaction().execute(async (trx) => {
      const inserted = await new TenantsRepository(trx).insertDomain(tenant.id, name);
      if (inserted) await appendAudit(trx, { actor: ctx.actor, action: 'domain.added', target: tenant.id, data: { domain: name } });
      return inserted;
    });
    if (!row) throw new AppError('already_exists', `The domain ${name} is in use`, { errors: [{ field: 'domain', message: 'is already in use' }] });
    this.deps.onChange(tenant.id);
    return { domain: row.domain, tenantId: row.tenantId, createdAt: row.createdAt };
  }

  async removeDomain(ctx: ControlContext, idOrSlug: string, domain: string): Promise<void> {
    const tenant = await this.get(ctx, idOrSlug);
    // The same normalisation as addDomain, so that a domain can be removed as it was added.
    const name = domain.toLowerCase().replace(/\.$/, '');
    await ctx.db.transaction().execute(async (trx) => {
      if (!(await new TenantsRepository(trx).deleteDomain(tenant.id, name))) throw notFound(`The domain ${name}`);
      await appendAudit(trx, { actor: ctx.actor, action: 'domain.removed', target: tenant.id, data: { domain: name } });
    });
    this.deps.onChange(tenant.id);
  }

  async setBranding(ctx: ControlContext, idOrSlug: string, branding: Branding): Promise<TenantView> {
    const tenant = await this.get(ctx, idOrSlug);
    await ctx.db.transaction().execute(async (trx) => {
      await new TenantsRepository(trx).setBranding(tenant.id, branding);
      await appendAudit(trx, { actor: ctx.actor, action: 'tenant.branding_set', target: tenant.id });
    });
    this.deps.onChange(tenant.id);
    return this.get(ctx, tenant.id);
  }
}
