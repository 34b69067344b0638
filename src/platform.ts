import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { Redis } from 'ioredis';
import pino, { type Logger } from 'pino';
import type { RouteOptions } from 'fastify';
import type { Config } from './kernel/config.js';
import type { Database } from './kernel/db/database.js';
import { loadMigrations, migrate, pendingMigrations } from './kernel/db/migrations.js';
import { TenantDatabaseRouter } from './kernel/db/router.js';
import { AppError } from './kernel/errors.js';
import { isUuid } from './kernel/ids.js';
import type { RouteAccess } from './kernel/http/access.js';
import { createHttpApp, type HttpApp } from './kernel/http/app.js';
import { openApiOptions } from './kernel/http/openapi.js';
import { DEFAULT_WEB_ROOT } from './kernel/http/pages.js';
import { sendProblem } from './kernel/http/problem.js';
import { ProblemSchema } from './kernel/http/schemas.js';
import { Metrics } from './kernel/observability/metrics.js';
import { metricsAccess } from './kernel/observability/metrics-access.js';
import { startTracing, type Tracing } from './kernel/observability/tracing.js';
import { LicenceSigner, LicenceVerifier } from './kernel/security/licence.js';
import { authLimits } from './kernel/security/request-limit.js';
import { TokenService } from './kernel/security/tokens.js';
import { consoleUrlFor, operatorResetJob } from './control/auth/operator-recovery.js';
import { OperatorTwoStep } from './control/auth/operator-two-step.js';
import { PlatformAuthService } from './control/auth/platform-auth.service.js';
import type { ControlContext } from './control/context.js';
import { controlErrors } from './control/control.errors.js';
import { controlRoutes } from './control/control.routes.js';
import { OperatorAccount } from './control/auth/operator-account.js';
import { UsageService } from './control/metering/usage.service.js';
import { SubscriptionsService } from './control/billing/subscriptions.service.js';
import { deferredAccount, platformBilling } from './platform-billing.js';
import { operatorWebhooks } from './control/webhooks/operator-webhooks.js';
import { LICENCE_REISSUE_JOB, licenceReissueJob, licenceRenewalJob } from './control/licences/licence-renewal.js';
import { LicencesService } from './control/licences/licences.service.js';
import { offerModules } from './control/plans/module-offers.js';
import { PlansService } from './control/plans/plans.service.js';
import { ProvisioningWorkflow, type ProvisioningStep } from './control/provisioning/provisioning.workflow.js';
import { loadSecrets } from './control/secrets.js';
import { ControlTenantDirectory } from './control/tenants/tenant-directory.js';
import { ControlTenantSettings } from './control/tenants/tenant-settings.js';
import { TenantsService } from './control/tenants/tenants.service.js';
import { eventsModule } from './data/events/index.js';
import { meteringModule } from './data/metering/index.js';
import { billingModule } from './data/billing/index.js';
import { ApiRequestMeter } from './data/metering/api-requests.js';
import { fingerprintKey, idempotencyModule } from './data/idempotency/index.js';
import { identityModule, memberAccounts, TenantSessions } from './data/identity/index.js';
import { JobRuntime, type RuntimeOptions } from './kernel/jobs/runtime.js';
import { ModuleHost } from './kernel/modules/module-host.js';
import { installPipeline, requestTenant } from './data/pipeline.js';
import type { RolePermissionCache } from './data/role-cache.js';
import { notifiedCaches } from './notified-caches.js';
import { ApiKeyAdmission } from './data/api-key-admission.js';
import { PlatformApiKeys } from './control/auth/platform-api-keys.js';
import { ApiRateLimit } from './kernel/security/api-rate-limit.js';
import { hostNamesTenant, stripTenantPath } from './data/tenant-resolution.js';
import { financeModule } from './modules/finance/index.js';
import { documentsModule } from './modules/documents/index.js';
import { communicationsModule } from './modules/communications/index.js';
import { createSmsSender } from './kernel/sms/sms.js';
import { objectStorageFor } from './kernel/storage/object-storage.js';
import { leasesModule } from './modules/leases/index.js';
import { auditModule } from './modules/audit/index.js';
import { membersModule } from './modules/members/index.js';
import { objectsModule } from './modules/objects/index.js';
import { occupancyModule } from './modules/occupancy/index.js';
import { propertiesModule } from './modules/properties/index.js';
import { webhooksModule } from './modules/webhooks/index.js';
import { createMailModule, tenantUrlFor } from './modules/mail/index.js';
import { createMailer, type Mailer } from './kernel/mail/mailer.js';
import { controlMigrationSource, migrateEverything, openMainDatabase } from './platform-database.js';
import type { ModuleManifest } from './kernel/modules/manifest.js';

export type Plane = 'all' | 'control' | 'data';

export interface PlatformOptions {
  plane?: Plane;
  /** A data plane pinned to one tenant (slug or id) serves no other. */
  pinnedTenant?: string;
  logger?: Logger;
  /** Keep the embedded database in memory (tests): empty, or started as a dump of another (`Database.dump`). */
  inMemory?: boolean | Blob;
  /** Modules installed beside the built-in ones (tests install probes this way). */
  extraModules?: ModuleManifest[];
  /** Run the job workers and the outbox relay in this process (`courtyard start`, `courtyard worker`). */
  workers?: boolean;
  /** The relay's and the workers' safety polls (tests make them hours long to show that notifications alone wake both). */
  polls?: Pick<RuntimeOptions, 'relayIntervalMs' | 'workerPollSeconds'>;
  /** The built web application to serve (default `dist/web`; tests give a folder of their own). */
  webRoot?: string;
  /** The time licences are issued, verified and renewed at (tests move it a year on), and two-step codes and step-ups are judged at; default the system clock. */
  clock?: () => Date;
  /** Test seam for provisioning failures. */
  beforeProvisioningStep?: (step: ProvisioningStep, slug: string) => void | Promise<void>;
}

/** One entry of the route table: what a test walks to prove every route declares its access. */
export interface RouteEntry {
  method: string;
  url: string;
  access: RouteAccess | undefined;
  /** The name a generated client gives the operation (the route's `schema.operationId`). */
  operationId: string | undefined;
}

export interface Platform {
  config: Config;
  app: HttpApp;
  /** Every route the app serves (HEAD routes Fastify adds for GET included), with its access declaration. */
  routes: RouteEntry[];
  log: Logger;
  main: Database;
  router: TenantDatabaseRouter;
  modules: ModuleHost;
  /** Tenants as the data plane and the jobs find them (the control plane's registry). */
  directory: ControlTenantDirectory;
  tenants: TenantsService;
  plans: PlansService;
  tokens: TokenService;
  /** The session check every data-plane request passes (pipelines built in tests use it too). */
  sessions: TenantSessions;
  /** The API-key check and the API's rate limits, as the pipeline runs them (pipelines built in tests use them too). */
  apiKeys: ApiKeyAdmission;
  rateLimit: ApiRateLimit;
  /** Each tenant's roles' permissions, as the permission gate reads them. */
  roles: RolePermissionCache;
  licenceVerifier: LicenceVerifier;
  /** The job queue, its workers (with `workers`) and the outbox relay. */
  jobs: JobRuntime;
  /** The platform's metering of its tenants. */
  usage: UsageService;
  /** The data plane's count of API requests served (none on a control plane alone); `flush` reports it now. */
  apiRequests: ApiRequestMeter | undefined;
  /** Set when the administrator's password was generated on this start: print it once. */
  generatedAdminPassword?: string;
  systemContext(actor?: string): ControlContext;
  /** Stops being ready (`/health/ready` answers 503) while everything else is still served: the first step of a shutdown. */
  drain(): void;
  close(): Promise<void>;
}

const REGISTRY_CHANNEL = 'courtyard_registry';
/** Payload of a registry change that concerns every tenant (a tenant's change names its id). */
const EVERY_TENANT = '*';
/**
 * Builds Courtyard: opens and migrates the databases, checks isolation (refusing to serve if
 * it does not hold), creates the first platform administrator, and assembles the HTTP app
 * for the planes asked for. The caller listens and closes.
 */
export async function createPlatform(config: Config, options: PlatformOptions = {}): Promise<Platform> {
  const plane = options.plane ?? 'all';
  const log = options.logger ?? pino({ level: config.logLevel, base: { service: 'courtyard', plane } });
  const main = await openMainDatabase(config, options.inMemory);
  const router = new TenantDatabaseRouter(main, { mainUrl: config.databaseUrl, dataDir: config.dataDir, dedicatedPoolMax: config.dedicatedPoolMax, pgliteCacheMb: config.pgliteCacheMb, maxOpen: config.dedicatedPoolsMax });
  const redis = config.redisUrl ? new Redis(config.redisUrl, { maxRetriesPerRequest: 2, enableOfflineQueue: true }) : undefined;
  let stopListening = async () => undefined as void;
  let analyzer: NodeJS.Timeout | undefined;
  let jobs: JobRuntime | undefined;
  let mailer: Mailer | undefined;
  let tracing: Tracing | undefined;
  let apiRequests: ApiRequestMeter | undefined;
  let hooks: ReturnType<typeof operatorWebhooks> | undefined;
  const closeAll = async () => {
    clearInterval(analyzer);
    // Before the databases close: the last minute's count is reported.
    await apiRequests?.stop();
    await jobs?.stop();
    await hooks?.close();
    await stopListening();
    await router.close();
    await main.close();
    redis?.disconnect();
    mailer?.close();
    // Last: the jobs that finished above still export their spans.
    await tracing?.stop();
  };

  try {
    // Before the app and the job runtime, which open spans when tracing is on.
    tracing = await startTracing(config);
    await migrate(main, 'control', await loadMigrations([controlMigrationSource]));
    const secrets = await loadSecrets(main.kysely, config);
    const tokens = new TokenService(secrets.tokenSecret, config.accessTokenTtl);
    const licenceVerifier = await LicenceVerifier.fromPem(secrets.licencePublicKey, options.clock);
    const signer = secrets.licencePrivateKey ? await LicenceSigner.fromPem(secrets.licencePrivateKey) : null;
    const { throttle, resetLimit } = authLimits(config, redis);
    const directory = new ControlTenantDirectory(main.kysely);
    const usage = new UsageService(options.clock);
    const subscriptions = new SubscriptionsService(options.clock);
    // The data plane's billing module serves the tenant's account that the control plane keeps.
    const account = deferredAccount();
    // Registry changes reach this process's cache at once and every other's by notification:
    // one tenant's change drops that tenant's entries only.
    const onChange = (tenantId?: string) => {
      directory.invalidate(tenantId);
      main.notify(REGISTRY_CHANNEL, tenantId ?? EVERY_TENANT).catch((error: unknown) => log.warn({ err: error }, 'could not notify other processes of a registry change'));
    };
    // The tenant's settings the data plane changes (its branding) live in the registry.
    const tenantSettings = new ControlTenantSettings(main.kysely, onChange);
    const caches = await notifiedCaches(main, log);
    const { roles, sessionCache } = caches;
    stopListening = caches.stop;
    const sessions = new TenantSessions(sessionCache);
    const apiKeys = new ApiKeyAdmission(sessionCache, roles);
    const rateLimit = new ApiRateLimit({ perPrincipal: config.apiRatePerPrincipal, perTenant: config.apiRatePerTenant }, redis);

    // Files: an S3 bucket when COURTYARD_S3_BUCKET is set, a directory under the data directory otherwise.
    const storage = await objectStorageFor(config);
    // E-mail: SMTP when SMTP_URL is set, .eml files under the data directory otherwise.
    mailer = createMailer({ smtpUrl: config.smtpUrl, dataDir: config.dataDir, log });
    const mail = createMailModule({
      mailer,
      from: config.mailFrom,
      sealingSecret: secrets.tokenSecret,
      tenant: (id) => directory.byIdOrSlug(id),
      tenantUrl: tenantUrlFor(config.baseDomain, config.port),
      retentionDays: config.mailRetentionDays,
    });

    // Identity reads the module host (for /me and role seeding) that it is itself part of.
    const modules: ModuleHost = new ModuleHost([
      eventsModule,
      meteringModule,
      idempotencyModule,
      auditModule,
      identityModule({ tokens, sealingSecret: secrets.tokenSecret, clock: options.clock, refreshTtl: config.refreshTokenTtl, sessionLifetime: config.sessionLifetime, throttle, sessions, roles, modules: () => modules, mail: mail.queue, invitationTtl: config.invitationTtl, settings: tenantSettings, resetLimit, tenantUrl: tenantUrlFor(config.baseDomain, config.port), baseDomain: config.baseDomain }),
      mail.module,
      membersModule,
      propertiesModule,
      occupancyModule,
      leasesModule,
      financeModule({
        sealingSecret: secrets.tokenSecret,
        stripeApiUrl: config.stripeApiUrl,
        tenantUrl: tenantUrlFor(config.baseDomain, config.port),
        storage,
        mail: mail.queue,
        tenantInfo: async (id) => (await directory.byIdOrSlug(id)) ?? undefined,
      }),
      documentsModule({ storage, tenantOf: requestTenant, linkSecret: secrets.tokenSecret, maxUploadBytes: config.maxUploadBytes, now: options.clock }),
      objectsModule({ mail: mail.queue }),
      communicationsModule({ mail: mail.queue, sms: createSmsSender({ ...config, log }), twilioAuthToken: config.twilioAuthToken ?? null, accounts: memberAccounts, linkSecret: secrets.tokenSecret, tenantUrl: tenantUrlFor(config.baseDomain, config.port), now: options.clock }),
      billingModule(account.account),
      webhooksModule({ allowPrivate: config.webhooksAllowPrivate, endpointConcurrency: config.webhooksEndpointConcurrency, sealingSecret: secrets.tokenSecret, retentionDays: config.webhookRetentionDays }),
      ...(options.extraModules ?? []),
    ], { control: controlErrors });
    const tenantMigrations = await loadMigrations(modules.tenantMigrations());

    const problems = await migrateEverything(main, router, directory, tenantMigrations, modules, roles, log);
    if (problems.length > 0) {
      for (const p of problems) log.fatal(p);
      throw new Error(`tenant isolation does not hold; refusing to serve:\n- ${problems.join('\n- ')}`);
    }

    // PGlite has no autovacuum either after start-up: statistics go stale as tenants grow (a
    // large billing run slows with every batch), so they are refreshed every ten minutes.
    if (main.kind === 'pglite') {
      analyzer = setInterval(() => void main.session((s) => s.exec('ANALYZE')).catch((error: unknown) => log.warn({ err: error }, 'ANALYZE failed')), 600_000);
      analyzer.unref();
    }

    const plans = new PlansService(modules, (plan) => jobs!.send(LICENCE_REISSUE_JOB, { plan }));
    const offered = await offerModules({ db: main.kysely, actor: 'system', log }, modules);
    const licences = new LicencesService(signer, plans, config.licenceGraceDays, options.clock);
    // Registry changes reach this process's cache at once and every other's by notification.
    // A reconnect (null) may have missed changes; an older instance's payload names no tenant.
    const stopRegistry = await main.listen(REGISTRY_CHANNEL, (payload) => directory.invalidate(payload && isUuid(payload) ? payload : undefined));
    stopListening = async () => {
      await stopRegistry();
      await caches.stop();
    };
    const workflow = new ProvisioningWorkflow({ router, modules, tenantMigrations, licences, onChange, beforeStep: options.beforeProvisioningStep });
    const tenants = new TenantsService({ router, plans, licences, subscriptions, workflow, defaultRegion: 'default', onChange });
    const billing = platformBilling({ config, main, log, now: options.clock ?? (() => new Date()), onChange, licences, plans, tenants, subscriptions, usage, mailer });
    account.bind(billing.account);
    // The operator's own webhooks: the control plane's events, signed, to the operator's systems.
    const webhooks = (hooks = operatorWebhooks({ db: main.kysely, sealingSecret: secrets.tokenSecret, allowPrivate: config.webhooksAllowPrivate, endpointConcurrency: config.webhooksEndpointConcurrency, retentionDays: config.webhookRetentionDays, queue: () => jobs!, now: options.clock ?? (() => new Date()) }));
    jobs = new JobRuntime({
      main, router, directory, modules, log,
      planeOutboxes: ['control.outbox'],
      planeJobs: [licenceRenewalJob({ db: main.kysely, licences, onChange }), licenceReissueJob({ db: main.kysely, licences, onChange }), operatorResetJob({ db: main.kysely, mailer, from: config.mailFrom, consoleUrl: consoleUrlFor(config.baseDomain, config.port) }), ...billing.jobs, ...webhooks.jobs],
      planeSubscribers: [...billing.subscribers, ...webhooks.subscribers],
      now: options.clock, ...options.polls,
    }, config.databaseUrl);
    // A module newly offered to a plan reaches its tenants' licences like any plan edit.
    for (const plan of new Set(offered.map((o) => o.plan))) await jobs.send(LICENCE_REISSUE_JOB, { plan });
    if (options.workers) await jobs.work();
    const operatorTwoStep = new OperatorTwoStep(main.kysely, secrets.tokenSecret, throttle, config.operatorTwoStep, options.clock);
    const auth = new PlatformAuthService(main.kysely, tokens, { refreshTtl: config.refreshTokenTtl, sessionLifetime: config.sessionLifetime }, throttle, sessionCache, { queue: jobs, resetLimit }, operatorTwoStep);
    const bootstrap = await auth.bootstrap(config.adminEmail, config.adminPassword, log);

    const metrics = new Metrics(() => ({ main: main.poolStats() }));
    const pages = { root: options.webRoot ?? DEFAULT_WEB_ROOT, isTenantHost: (host: string) => hostNamesTenant(host, config.baseDomain) };
    const app = createHttpApp({ logger: log, bodyLimit: config.bodyLimit, trustProxy: config.trustProxy, metrics, rewriteUrl: plane === 'control' ? undefined : stripTenantPath, pages });
    // Registered before any route, so every scope inherits it; read after `ready`, once every
    // scope's own onRoute hooks have had their say.
    const routeTable: { method: string; url: string; options: RouteOptions }[] = [];
    app.addHook('onRoute', (route) => {
      for (const method of [route.method].flat()) routeTable.push({ method, url: route.url, options: route as RouteOptions });
    });

    app.addSchema(ProblemSchema);
    await app.register(swagger, openApiOptions(modules.errorCatalogue));
    const infra = { public: true, module: 'platform' } as const;
    // Swagger UI cannot declare access on the routes it adds: they are public documentation.
    await app.register(async (docs) => {
      docs.addHook('onRoute', (route) => {
        route.config = { ...route.config, access: infra };
      });
      // Swagger UI loads only its own files and fetches the document from this origin; the logo
      // shown is a data: image. The one inline style it tries is in its own SVG logo, which
      // that image replaces, so blocking it costs nothing.
      await docs.register(swaggerUi, {
        routePrefix: '/docs',
        staticCSP: {
          'default-src': "'none'",
          'script-src': "'self'",
          'style-src': "'self'",
          'img-src': ["'self'", 'data:'],
          'connect-src': "'self'",
          'object-src': "'none'",
          'base-uri': "'none'",
          'form-action': "'self'",
          'frame-ancestors': "'none'",
        },
      });
    });

    let pending: string[] = [];
    let draining = false;
    app.get('/health/live', { config: { access: infra }, schema: { hide: true } }, async () => ({ status: 'ok' }));
    app.get('/health/startup', { config: { access: infra }, schema: { hide: true } }, async () => ({ status: 'started' }));
    app.get('/health/ready', { config: { access: infra }, schema: { hide: true } }, async (_req, reply) => {
      if (draining) return sendProblem(reply, new AppError('not_ready', 'Shutting down: finishing the requests in flight'));
      try {
        await main.session((s) => s.query('SELECT 1'));
        pending = await pendingMigrations(main, tenantMigrations);
      } catch {
        return sendProblem(reply, new AppError('not_ready', 'The database is not reachable'));
      }
      if (pending.length > 0) return sendProblem(reply, new AppError('not_ready', `Migrations are pending: ${pending.join(', ')}`));
      return { status: 'ready' };
    });
    app.get('/metrics', { config: { access: infra }, schema: { hide: true } }, async (req, reply) => {
      const access = metricsAccess(config.metricsToken, req.ip, req.headers.authorization);
      if (access === 'unauthenticated') return sendProblem(reply, new AppError('unauthenticated', 'Send the metrics token as a bearer token (COURTYARD_METRICS_TOKEN)'));
      if (access === 'forbidden') return sendProblem(reply, new AppError('permission_denied', 'Metrics are served to this machine only; set COURTYARD_METRICS_TOKEN to scrape them from elsewhere'));
      return reply.type(metrics.registry.contentType).send(await metrics.registry.metrics());
    });
    app.get('/openapi.json', { config: { access: infra }, schema: { hide: true } }, async () => app.swagger());

    if (plane !== 'data') {
      const runtime = jobs;
      await app.register(async (scope) => controlRoutes(scope as unknown as HttpApp, { tokens, auth, account: new OperatorAccount(main.kysely, throttle, sessionCache), apiKeys: new PlatformApiKeys(main.kysely, sessionCache), rateLimit, plans, tenants, usage, billing: billing.control, webhooks: webhooks.service, modules, directory, jobs: runtime, baseDomain: config.baseDomain, refreshTtl: config.refreshTokenTtl, db: main.kysely }), { prefix: '/control/v1' });
    }
    if (plane !== 'control') {
      await app.register(
        async (scope) => {
          const s = scope as unknown as HttpApp;
          apiRequests = new ApiRequestMeter(router, log);
          apiRequests.start();
          installPipeline(s, { directory, router, licences: licenceVerifier, tokens, roles, sessions, apiKeys, rateLimit, modules, baseDomain: config.baseDomain, pinnedTenant: options.pinnedTenant, fingerprintKey: fingerprintKey(secrets.tokenSecret), clock: options.clock, apiRequests });
          for (const m of modules.ordered) m.routes(s);
        },
        { prefix: '/api/v1' },
      );
    }
    await app.ready();
    const routes = routeTable.map(({ method, url, options }) => ({ method, url, access: options.config?.access, operationId: (options.schema as { operationId?: string } | undefined)?.operationId }));

    return {
      config, app, routes, log, main, router, modules, directory, tenants, plans, tokens, sessions, apiKeys, rateLimit, roles, licenceVerifier, jobs, usage, apiRequests,
      ...(bootstrap.generatedPassword ? { generatedAdminPassword: bootstrap.generatedPassword } : {}),
      systemContext: (actor = 'system') => ({ db: main.kysely, actor, log }),
      drain() {
        draining = true;
      },
      async close() {
        await app.close();
        await closeAll();
      },
    };
  } catch (error) {
    await closeAll();
    throw error;
  }
}
