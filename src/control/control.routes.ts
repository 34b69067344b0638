import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { TenantStatus } from '../kernel/context.js';
import { AppError, notFound } from '../kernel/errors.js';
import { decodeCursor, pageOf } from '../kernel/http/pagination.js';
import { isPublic, permissionOf, type RouteAccess } from '../kernel/http/access.js';
import type { HttpApp } from '../kernel/http/app.js';
import { clearRefreshCookie, deliverTokens, refreshTokenOf } from '../kernel/http/refresh-cookie.js';
import { DefaultLocale, Email, IdParams, LoginBody, Page, PageQuery, RefreshBody, TimeZone, Timestamp, TokenPair, TokenTransportHeaders, Uuid } from '../kernel/http/schemas.js';
import type { ApiRateLimit } from '../kernel/security/api-rate-limit.js';
import { MIN_PASSWORD_LENGTH } from '../kernel/security/passwords.js';
import type { TokenService } from '../kernel/security/tokens.js';
import { RESERVED_SLUGS } from '../kernel/tenancy.js';
import type { ModuleHost } from '../kernel/modules/module-host.js';
import type { JobState } from '../kernel/jobs/jobs.repository.js';
import type { JobRuntime } from '../kernel/jobs/runtime.js';
import type { TenantDirectory } from '../kernel/tenant-directory.js';
import { isUuid } from '../kernel/ids.js';
import { listAudit, verifyAudit } from './audit.js';
import type { PlatformAuthService } from './auth/platform-auth.service.js';
import type { OperatorAccount } from './auth/operator-account.js';
import { operatorAccountRoutes } from './auth/operator-account.routes.js';
import { OperatorMfaChallenge, operatorTwoStepRoutes } from './auth/operator-two-step.routes.js';
import { checkOperatorStepUp } from './auth/operator-two-step.js';
import { checkPlatformApiKeyRoute, OPERATOR_PERMISSIONS, PLATFORM_API_KEY_PREFIX, type PlatformApiKeys } from './auth/platform-api-keys.js';
import { platformApiKeyRoutes } from './auth/platform-api-keys.routes.js';
import type { ControlContext } from './context.js';
import { jobView } from './jobs/job-view.js';
import { Job, JobsQuery, QueueCount } from './jobs/jobs.schemas.js';
import { AuditChainCheck, AuditEntry, AuditQuery, Branding, CatalogueModule, CreatePlan, CreateTenant, Licence, LicenceOverrides, Plan, Tenant, TenantParams, UpdatePlan } from './control.schemas.js';
import { billingRoutes, type ControlBilling } from './billing/billing.routes.js';
import { usageRoutes } from './metering/usage.routes.js';
import type { UsageService } from './metering/usage.service.js';
import type { PlansService } from './plans/plans.service.js';
import type { TenantsService } from './tenants/tenants.service.js';
import { operatorWebhookRoutes } from './webhooks/webhooks.routes.js';
import type { OperatorWebhooks } from './webhooks/webhooks.service.js';
import { requestLocale } from '../kernel/http/request-locale.js';

export interface ControlDeps {
  tokens: TokenService;
  auth: PlatformAuthService;
  /** The signed-in operator's own account (`/me`). */
  account: OperatorAccount;
  apiKeys: PlatformApiKeys;
  /** The API's limits, counted here with the operators (and their keys) as one tenant's principals. */
  rateLimit: ApiRateLimit;
  plans: PlansService;
  tenants: TenantsService;
  usage: UsageService;
  billing: ControlBilling;
  /** The operator's own webhook endpoints (control-plane events). */
  webhooks: OperatorWebhooks;
  modules: ModuleHost;
  directory: TenantDirectory;
  jobs: JobRuntime;
  baseDomain: string;
  /** Lifetime of a refresh token, and so of the cookie that carries it to a web page. */
  refreshTtl: number;
  db: ControlContext['db'];
}

/** The operators' counters' "tenant": no tenant id (a UUID) can be it. */
const PLATFORM = 'platform';
const admin: RouteAccess = { module: 'control', permission: 'platform.admin' };
const open: RouteAccess = { public: true, module: 'control' };

/** The control plane's API (`/control/v1`): platform operators only, but for sign-in and host resolution. */
export function controlRoutes(app: HttpApp, deps: ControlDeps): void {
  const ctxOf = (req: FastifyRequest): ControlContext => ({ db: deps.db, actor: `platform:${req.platformUserId}`, log: req.log });
  // Filters name a tenant by id or slug; a slug is looked up, and one no tenant has matches nothing (undefined).
  const tenantIdOf = async (tenant: string): Promise<string | undefined> =>
    isUuid(tenant) ? tenant.toLowerCase() : (await deps.directory.byIdOrSlug(tenant.toLowerCase()))?.id;

  app.decorateRequest('platformUserId', null);
  app.decorateRequest('platformPermissions', null);
  app.decorateRequest('platformSessionId', null);
  app.addHook('onRoute', (route) => {
    const access = route.config?.access;
    if (!access || access.module !== 'control') throw new Error(`control route ${String(route.method)} ${route.url} declares no control access`);
  });
  app.addHook('onRequest', async (request, reply) => {
    const access = request.routeOptions.config.access!;
    if (isPublic(access)) return;
    const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
    if (!match) throw new AppError('unauthenticated', 'Sign in as a platform operator first');
    if (match[1]!.startsWith(PLATFORM_API_KEY_PREFIX)) {
      const key = await deps.apiKeys.admit(match[1]!);
      const permission = permissionOf(access);
      if (permission && !key.permissions.has(permission)) throw new AppError('permission_denied', `This needs the permission ${permission}`);
      checkPlatformApiKeyRoute(request);
      request.platformUserId = key.userId;
      request.platformPermissions = key.permissions;
      request.log = request.log.child({ platformUser: key.userId, apiKey: key.apiKeyId });
      await deps.rateLimit.admit(reply, PLATFORM, `key:${key.apiKeyId}`);
      return;
    }
    const claims = await deps.tokens.verifyAccess(match[1]!, 'courtyard:control');
    await deps.auth.verify(claims);
    if (!claims.roles.includes('platform_admin')) throw new AppError('permission_denied');
    checkOperatorStepUp(request, claims, deps.auth.twoStep.policy, deps.auth.twoStep.now());
    request.platformUserId = claims.sub;
    request.platformPermissions = OPERATOR_PERMISSIONS;
    request.platformSessionId = claims.sid;
    request.log = request.log.child({ platformUser: claims.sub });
    await deps.rateLimit.admit(reply, PLATFORM, claims.sub);
  });

  const tags = ['control'];
  platformApiKeyRoutes(app, deps.apiKeys, admin, ctxOf);
  operatorAccountRoutes(app, deps.account, admin);
  operatorTwoStepRoutes(app, deps.auth, admin, open, deps.refreshTtl);
  usageRoutes(app, deps, admin, ctxOf);
  billingRoutes(app, deps, admin, open, ctxOf);
  operatorWebhookRoutes(app, deps.webhooks, admin, ctxOf);

  app.post('/auth/login', { config: { access: open, problems: [401, 403, 429] }, schema: { operationId: 'control.auth.login', tags, summary: 'Sign in as a platform operator: the token pair, or the second step an operator with two-step sign-in takes (POST /control/v1/auth/mfa)', headers: TokenTransportHeaders, body: LoginBody, response: { 200: Type.Union([TokenPair, OperatorMfaChallenge]) } } },
    async (req, reply) => {
      const signedIn = await deps.auth.login(req.ip, req.body.email, req.body.password);
      return 'mfaRequired' in signedIn ? signedIn : deliverTokens(req, reply, signedIn, deps.refreshTtl);
    });
  app.post('/auth/refresh', { config: { access: open, problems: [401] }, schema: { operationId: 'control.auth.refresh', tags, summary: 'Rotate a platform refresh token', headers: TokenTransportHeaders, body: RefreshBody, response: { 200: TokenPair } } },
    async (req, reply) => {
      const token = refreshTokenOf(req, req.body);
      if (token === undefined) throw new AppError('invalid_refresh_token', 'No refresh token in the body or the cookie');
      return deliverTokens(req, reply, await deps.auth.refresh(token), deps.refreshTtl);
    });
  app.post('/auth/logout', { config: { access: open }, schema: { operationId: 'control.auth.logout', tags, summary: 'Sign out a platform session', headers: TokenTransportHeaders, body: RefreshBody, response: { 204: Type.Null() } } },
    async (req, reply) => {
      const token = refreshTokenOf(req, req.body);
      if (token !== undefined) await deps.auth.logout(token);
      clearRefreshCookie(req, reply);
      return reply.code(204).send(null);
    });

  const ResetRequestBody = Type.Object({ email: Email }, { additionalProperties: false });
  const ResetConfirmBody = Type.Object({ token: Type.String({ minLength: 1, maxLength: 512 }), password: Type.String({ minLength: MIN_PASSWORD_LENGTH, maxLength: 1024 }) }, { additionalProperties: false });
  app.post('/auth/password-reset', { config: { access: open, problems: [429] }, schema: { operationId: 'control.auth.passwordReset', tags, summary: 'Ask for a password-reset e-mail as a platform operator: 202 whatever the address; an active operator with it is sent a link that works once, for an hour', body: ResetRequestBody, response: { 202: Type.Null() } } },
    async (req, reply) => {
      await deps.auth.requestReset(req.ip, req.body.email, requestLocale(req));
      return reply.code(202).send(null);
    });
  app.post('/auth/password-reset/confirm', { config: { access: open }, schema: { operationId: 'control.auth.passwordResetConfirm', tags, summary: "Choose a new operator password with the reset e-mail's token (it works once); every session of the operator ends", body: ResetConfirmBody, response: { 204: Type.Null() } } },
    async (req, reply) => {
      await deps.auth.confirmReset(req.body.token, req.body.password);
      return reply.code(204).send(null);
    });

  app.get('/modules', { config: { access: admin }, schema: { operationId: 'control.modules.list', tags, summary: 'The module catalogue', response: { 200: Type.Object({ data: Type.Array(CatalogueModule) }) } } }, async () => ({ data: deps.modules.catalogue() }));

  app.get('/plans', { config: { access: admin }, schema: { operationId: 'control.plans.list', tags, summary: 'Plans', response: { 200: Type.Object({ data: Type.Array(Plan) }) } } },
    async () => ({ data: await deps.plans.list(deps.db) }));
  app.post('/plans', { config: { access: admin }, schema: { operationId: 'control.plans.create', tags, summary: 'Create a plan', body: CreatePlan, response: { 201: Plan } } },
    async (req, reply) => reply.code(201).send(await deps.plans.create(ctxOf(req), req.body as never)));
  app.patch('/plans/:key', { config: { access: admin }, schema: { operationId: 'control.plans.update', tags, summary: 'Change a plan', params: Type.Object({ key: Type.String({ maxLength: 40 }) }), body: UpdatePlan, response: { 200: Plan } } },
    (req) => deps.plans.update(ctxOf(req), req.params.key, req.body as never));

  app.get('/tenants', {
    config: { access: admin },
    schema: {
      operationId: 'control.tenants.list',
      tags,
      summary: 'List tenants (cursor-paginated; q searches slug and name)',
      querystring: Type.Object({ ...PageQuery, q: Type.Optional(Type.String({ maxLength: 100 })), status: Type.Optional(Type.String({ enum: ['provisioning', 'failed', 'active', 'suspended', 'archived'] })) }, { additionalProperties: false }),
      response: { 200: Page(Tenant) },
    },
  }, (req) => deps.tenants.list(ctxOf(req), { ...req.query, status: req.query.status as TenantStatus | undefined }));

  app.post('/tenants', {
    config: { access: admin },
    schema: { operationId: 'control.tenants.create', tags, summary: 'Create and provision a tenant', body: CreateTenant, response: { 201: Type.Intersect([Tenant, Type.Object({ admin: Type.Object({ email: Type.String(), generatedPassword: Type.Optional(Type.String()) }) })]) } },
  }, async (req, reply) => {
    const { tenant, generatedAdminPassword } = await deps.tenants.create(ctxOf(req), req.body);
    return reply.code(201).send({ ...tenant, admin: { email: req.body.admin.email.toLowerCase(), ...(generatedAdminPassword ? { generatedPassword: generatedAdminPassword } : {}) } });
  });

  app.get('/tenants/:tenant', { config: { access: admin }, schema: { operationId: 'control.tenants.get', tags, summary: 'One tenant (by id or slug)', params: TenantParams, response: { 200: Tenant } } },
    (req) => deps.tenants.get(ctxOf(req), req.params.tenant));
  app.patch('/tenants/:tenant', {
    config: { access: admin },
    schema: { operationId: 'control.tenants.update', tags, summary: 'Rename a tenant, change its plan (a new plan reissues the licence), its time zone or its default locale', params: TenantParams, body: Type.Object({ name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })), plan: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })), timeZone: Type.Optional(TimeZone), defaultLocale: Type.Optional(DefaultLocale) }, { additionalProperties: false, minProperties: 1 }), response: { 200: Tenant } },
  }, (req) => deps.tenants.update(ctxOf(req), req.params.tenant, req.body));

  for (const action of ['suspend', 'resume', 'archive'] as const) {
    app.post(`/tenants/:tenant/${action}`, { config: { access: admin, stepUp: action !== 'resume' }, schema: { operationId: `control.tenants.${action}`, tags, summary: `${action[0]!.toUpperCase()}${action.slice(1)} a tenant`, params: TenantParams, response: { 200: Tenant } } },
      (req) => deps.tenants.transition(ctxOf(req), req.params.tenant, action));
  }
  app.post('/tenants/:tenant/provision', { config: { access: admin }, schema: { operationId: 'control.tenants.retryProvisioning', tags, summary: 'Retry a failed provisioning from the step that failed', params: TenantParams, response: { 200: Tenant } } },
    (req) => deps.tenants.retryProvisioning(ctxOf(req), req.params.tenant));

  app.get('/tenants/:tenant/licence', { config: { access: admin }, schema: { operationId: 'control.tenants.licence.get', tags, summary: "The tenant's current licence", params: TenantParams, response: { 200: Licence } } },
    (req) => deps.tenants.currentLicence(ctxOf(req), req.params.tenant));
  app.post('/tenants/:tenant/licence', { config: { access: admin, stepUp: true }, schema: { operationId: 'control.tenants.licence.reissue', tags, summary: 'Reissue the licence, with overrides', params: TenantParams, body: LicenceOverrides, response: { 201: Licence } } },
    async (req, reply) => reply.code(201).send(await deps.tenants.issueLicence(ctxOf(req), req.params.tenant, req.body)));

  const Domain = Type.String({ minLength: 3, maxLength: 253, pattern: '^(?=.{3,253}$)([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\\.)+[a-zA-Z]{2,63}\\.?$' });
  app.post('/tenants/:tenant/domains', {
    config: { access: admin },
    schema: { operationId: 'control.tenants.domains.add', tags, summary: 'Add a custom domain', params: TenantParams, body: Type.Object({ domain: Domain }, { additionalProperties: false }), response: { 201: Type.Object({ domain: Type.String(), tenantId: Uuid, createdAt: Timestamp }) } },
  }, async (req, reply) => reply.code(201).send(await deps.tenants.addDomain(ctxOf(req), req.params.tenant, req.body.domain, deps.baseDomain)));
  app.delete('/tenants/:tenant/domains/:domain', {
    config: { access: admin },
    schema: { operationId: 'control.tenants.domains.remove', tags, summary: 'Remove a custom domain', params: Type.Object({ tenant: Type.String({ maxLength: 64 }), domain: Type.String({ maxLength: 253 }) }), response: { 204: Type.Null() } },
  }, async (req, reply) => {
    await deps.tenants.removeDomain(ctxOf(req), req.params.tenant, req.params.domain);
    return reply.code(204).send(null);
  });
  app.put('/tenants/:tenant/branding', { config: { access: admin }, schema: { operationId: 'control.tenants.branding.replace', tags, summary: "Replace the tenant's branding", params: TenantParams, body: Branding, response: { 200: Tenant } } },
    (req) => deps.tenants.setBranding(ctxOf(req), req.params.tenant, req.body));

  const JobParams = Type.Object({ queue: Type.String({ minLength: 1, maxLength: 200 }), id: Uuid }, { additionalProperties: false });
  app.get('/jobs/counts', {
    config: { access: admin },
    schema: { operationId: 'control.jobs.counts', tags, summary: 'Job queues: counts by queue and state, and the oldest job’s age', response: { 200: Type.Object({ data: Type.Array(QueueCount) }) } },
  }, async () => ({ data: await deps.jobs.stats() }));
  app.get('/jobs', {
    config: { access: admin },
    schema: { operationId: 'control.jobs.list', tags, summary: 'Jobs, newest first (cursor-paginated; filter by queue, state and tenant)', querystring: JobsQuery, response: { 200: Page(Job) } },
  }, async (req) => {
    const { limit, cursor, queue, state, tenant } = req.query;
    const before = decodeCursor(cursor, ['int', 'uuid']);
    let tenantId: string | undefined;
    if (tenant !== undefined) {
      tenantId = await tenantIdOf(tenant);
      if (tenantId === undefined) return { data: [], nextCursor: null };
    }
    const rows = await deps.jobs.list({ queue, state: state as JobState | undefined, tenantId }, limit + 1, before && { micros: before[0], id: before[1] });
    const page = pageOf(rows, limit, (r) => [r.createdMicros, r.id]);
    return { data: page.data.map((j) => jobView(j)), nextCursor: page.nextCursor };
  });
  app.get('/jobs/:id', { config: { access: admin }, schema: { operationId: 'control.jobs.get', tags, summary: 'One job, with its whole last error', params: IdParams, response: { 200: Job } } },
    async (req) => {
      const job = await deps.jobs.find(req.params.id);
      if (!job) throw notFound('The job');
      return jobView(job, true);
    });
  app.post('/jobs/:queue/:id/retry', { config: { access: admin }, schema: { operationId: 'control.jobs.retry', tags, summary: 'Retry a failed (dead) job', params: JobParams, response: { 204: Type.Null() } } },
    async (req, reply) => {
      await deps.jobs.retry(req.params.queue, req.params.id);
      return reply.code(204).send(null);
    });
  app.delete('/jobs/:queue/:id', { config: { access: admin }, schema: { operationId: 'control.jobs.discard', tags, summary: 'Discard a job', params: JobParams, response: { 204: Type.Null() } } },
    async (req, reply) => {
      await deps.jobs.discard(req.params.queue, req.params.id);
      return reply.code(204).send(null);
    });

  app.get('/audit', {
    config: { access: admin },
    schema: {
      operationId: 'control.audit.list',
      tags,
      summary: 'The audit log, newest first (cursor-paginated; filter by actor, action, tenant and time; q searches actor, action and target)',
      querystring: AuditQuery,
      response: { 200: Page(AuditEntry) },
    },
  }, async (req) => {
    const { tenant, from, to, ...query } = req.query;
    let target: string | undefined;
    if (tenant !== undefined) {
      target = await tenantIdOf(tenant);
      if (target === undefined) return { data: [], nextCursor: null };
    }
    return listAudit(deps.db, { ...query, target, from: from === undefined ? undefined : new Date(from), to: to === undefined ? undefined : new Date(to) });
  });

  app.get('/audit/verify', {
    config: { access: admin },
    schema: { operationId: 'control.audit.verify', tags, summary: 'Walk the audit log\'s hash chain: valid, or the first entry that was changed or removed since it was written', response: { 200: AuditChainCheck } },
  }, () => verifyAudit(deps.db));

  app.get('/resolve', {
    config: { access: open },
    schema: {
      operationId: 'control.tenants.resolve',
      tags,
      summary: 'Which tenant a host name belongs to, with its branding (public)',
      querystring: Type.Object({ host: Type.String({ minLength: 1, maxLength: 260 }) }, { additionalProperties: false }),
      response: { 200: Type.Object({ tenant: Type.Object({ id: Uuid, slug: Type.String(), name: Type.String(), status: Type.String() }), branding: Branding }) },
    },
  }, async (req) => {
    const host = req.query.host.toLowerCase().replace(/:\d+$/, '').replace(/\.$/, '');
    let tenant = null;
    if (host.endsWith(`.${deps.baseDomain}`)) {
      const sub = host.slice(0, -deps.baseDomain.length - 1);
      if (!sub.includes('.') && !RESERVED_SLUGS.has(sub)) tenant = await deps.directory.byIdOrSlug(sub);
    } else {
      tenant = await deps.directory.byDomain(host);
    }
    if (!tenant || tenant.status === 'archived') throw new AppError('tenant_not_found', `No tenant at ${host}`);
    return { tenant: { id: tenant.id, slug: tenant.slug, name: tenant.name, status: tenant.status }, branding: tenant.branding };
  });
}
