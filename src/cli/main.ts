#!/usr/bin/env node
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { ConfigError, configMarkdown, loadConfig } from '../kernel/config.js';
import { errorsMarkdown } from '../kernel/errors.js';
import { createPlatform, type Plane, type PlatformOptions } from '../platform.js';
import { runWorker, serve } from './serve.js';

const program = new Command('courtyard').description('Courtyard: a multi-tenant platform for organisations that run communities').showHelpAfterError();

const print = (value: unknown): void => {
  process.stdout.write(`${typeof value === 'string' ? value : JSON.stringify(value, null, 2)}\n`);
};

/** Runs `fn` against the platform without serving HTTP (CLI commands act through the same services). */
async function withPlatform<T>(fn: (p: Awaited<ReturnType<typeof createPlatform>>) => Promise<T>, options: PlatformOptions = {}): Promise<T> {
  const config = loadConfig();
  const platform = await createPlatform({ ...config, logLevel: config.logLevel === 'info' ? 'warn' : config.logLevel }, options);
  try {
    if (platform.generatedAdminPassword) print(`Platform administrator: ${config.adminEmail} / ${platform.generatedAdminPassword} (shown once)`);
    return await fn(platform);
  } finally {
    await platform.close();
  }
}

/**
 * Runs `fn` against a platform of its own, in memory, that nobody reaches: the documents the
 * code serves (the error catalogue, the OpenAPI document) are printed from it without touching
 * the configured databases.
 */
async function withEmbeddedPlatform<T>(fn: (p: Awaited<ReturnType<typeof createPlatform>>) => Promise<T>): Promise<T> {
  const dataDir = await mkdtemp(join(tmpdir(), 'courtyard-docs-'));
  try {
    const config = loadConfig(process.env, { databaseUrl: undefined, redisUrl: undefined, dataDir, logLevel: 'warn' });
    const platform = await createPlatform(config, { inMemory: true });
    try {
      return await fn(platform);
    } finally {
      await platform.close();
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

const plane = (value: string): Plane => {
  if (value !== 'control' && value !== 'data') throw new InvalidArgumentError('control or data');
  return value;
};
const integer = (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('a whole number');
  return n;
};
const list = (value: string) => value.split(',').map((v) => v.trim()).filter(Boolean);

program.command('start').description('Run every plane in one process (embedded database unless DATABASE_URL is set)').action(async () => {
  await serve({ plane: 'all', workers: true });
});

program.command('worker').description('Run the job workers and the outbox relay alone (no HTTP)').action(async () => {
  await runWorker();
});

program
  .command('serve')
  .description('Run one plane')
  .requiredOption('--plane <plane>', 'control or data', plane)
  .option('--tenant <slug>', 'pin a data plane to one tenant')
  .action(async (opts: { plane: Plane; tenant?: string }) => {
    await serve({ plane: opts.plane, ...(opts.tenant ? { pinnedTenant: opts.tenant } : {}) });
  });

program.command('migrate').description('Apply pending migrations to the control schema and every tenant database, then check isolation')
  .action(() => withPlatform(async () => print('Migrations are current and tenant isolation holds.')));

program.command('config').description('Print the configuration table').option('--markdown', 'as Markdown').action(() => print(configMarkdown()));

program.command('errors').description('Print the error catalogue: the kernel\'s codes and every installed module\'s').option('--markdown', 'as Markdown')
  .action(() => withEmbeddedPlatform(async (p) => print(errorsMarkdown(p.modules.errorCatalogue))));

program.command('openapi').description('Print the OpenAPI document the platform serves at /openapi.json')
  .action(() => withEmbeddedPlatform(async (p) => print((await p.app.inject({ method: 'GET', url: '/openapi.json' })).json())));

const tenant = program.command('tenant').description('Manage tenants');
tenant
  .command('create')
  .description('Create and provision a tenant')
  .requiredOption('--slug <slug>', 'DNS-safe short name')
  .requiredOption('--name <name>', 'display name')
  .requiredOption('--admin-email <email>', "the tenant's first administrator")
  .option('--admin-name <name>', 'their name', 'Administrator')
  .option('--admin-password <password>', 'their password (generated and printed if absent)')
  .option('--plan <plan>', 'plan key', 'standard')
  .option('--placement <placement>', 'pooled or dedicated (decided by policy if absent)')
  .option('--compliance <list>', 'comma-separated compliance needs', list)
  .option('--expected-members <n>', 'expected scale', integer)
  .action((o) =>
    withPlatform(async (p) => {
      const { tenant: t, generatedAdminPassword } = await p.tenants.create(p.systemContext('cli'), {
        slug: o.slug,
        name: o.name,
        plan: o.plan,
        placement: o.placement,
        compliance: o.compliance,
        expectedMembers: o.expectedMembers,
        admin: { email: o.adminEmail, name: o.adminName, password: o.adminPassword },
      });
      print(t);
      if (generatedAdminPassword) print(`Tenant administrator: ${o.adminEmail} / ${generatedAdminPassword} (shown once)`);
      if (t.status !== 'active') process.exitCode = 1;
    }),
  );
tenant
  .command('list')
  .description('List tenants')
  .option('--q <text>', 'search slug and name')
  .action((o) =>
    withPlatform(async (p) => {
      let cursor: string | undefined;
      const rows: unknown[] = [];
      do {
        const page = await p.tenants.list(p.systemContext('cli'), { limit: 200, cursor, q: o.q });
        rows.push(...page.data.map((t) => ({ slug: t.slug, name: t.name, plan: t.plan, status: t.status, placement: t.placement })));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      console.table(rows);
    }),
  );
for (const action of ['suspend', 'resume', 'archive'] as const) {
  tenant.command(`${action} <tenant>`).description(`${action} a tenant (id or slug)`).action((t: string) => withPlatform(async (p) => print(await p.tenants.transition(p.systemContext('cli'), t, action))));
}
tenant.command('provision <tenant>').description('Retry a failed provisioning').action((t: string) => withPlatform(async (p) => print(await p.tenants.retryProvisioning(p.systemContext('cli'), t))));

const licence = program.command('licence').description('Tenant licences');
licence.command('show <tenant>').description("Show a tenant's current licence and whether it verifies").action((t: string) =>
  withPlatform(async (p) => {
    const current = await p.tenants.currentLicence(p.systemContext('cli'), t);
    const verified = await p.licenceVerifier.verify(current.jws, current.claims.sub).then((v) => v.state, (e: Error) => `refused: ${e.message}`);
    print({ ...current.claims, verification: verified, jws: current.jws });
  }),
);
licence
  .command('issue <tenant>')
  .description('Reissue a licence with overrides')
  .option('--add-modules <list>', 'modules to add', list)
  .option('--remove-modules <list>', 'modules to remove', list)
  .option('--members <n>', 'member limit', integer)
  .option('--users <n>', 'user limit', integer)
  .option('--expires-at <iso>', 'expiry (ISO 8601)')
  .option('--grace-days <n>', 'grace period', integer)
  .action((t: string, o) =>
    withPlatform(async (p) => {
      const limits = { ...(o.members !== undefined ? { members: o.members } : {}), ...(o.users !== undefined ? { users: o.users } : {}) };
      const issued = await p.tenants.issueLicence(p.systemContext('cli'), t, {
        addModules: o.addModules,
        removeModules: o.removeModules,
        limits,
        expiresAt: o.expiresAt,
        graceDays: o.graceDays,
      });
      print(issued.claims);
    }),
  );

program.parseAsync().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`Configuration error: ${error.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
