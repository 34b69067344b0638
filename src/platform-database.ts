import { join } from 'node:path';
import type { Logger } from 'pino';
import type { Config } from './kernel/config.js';
import { openPglite, openPostgres, type Database } from './kernel/db/database.js';
import { checkIsolation } from './kernel/db/isolation-check.js';
import { loadMigrations, migrate, type Migration } from './kernel/db/migrations.js';
import type { TenantDatabaseRouter } from './kernel/db/router.js';
import type { ModuleHost } from './kernel/modules/module-host.js';
import type { TenantDirectory } from './kernel/tenant-directory.js';
import type { RolePermissionCache } from './data/role-cache.js';
import { syncSystemRoles } from './data/identity/index.js';

/**
 * The platform's databases at start: the main one opened (PostgreSQL or the embedded PGlite),
 * then the control schema, the shared tenant schema and every dedicated tenant database
 * migrated and checked for isolation (platform.ts refuses to serve when a check fails).
 */

export const controlMigrationSource = { owner: 'control', dir: new URL('./control/migrations/', import.meta.url) };

/** Opens the main database: server PostgreSQL when DATABASE_URL is set, embedded PGlite otherwise (in memory: empty, or as a dump). */
export async function openMainDatabase(config: Config, inMemory: boolean | Blob = false): Promise<Database> {
  if (config.databaseUrl) return openPostgres(config.databaseUrl, config.poolMax);
  if (inMemory) return openPglite(undefined, 'courtyard', config.pgliteCacheMb, inMemory instanceof Blob ? inMemory : undefined);
  return openPglite(join(config.dataDir, 'db'), 'courtyard', config.pgliteCacheMb);
}

/** Migrates the control schema, the shared tenant schema and every dedicated tenant database. */
export async function migrateEverything(main: Database, router: TenantDatabaseRouter, directory: TenantDirectory, tenantMigrations: Migration[], modules: ModuleHost, roles: RolePermissionCache, log: Logger): Promise<string[]> {
  const problems: string[] = [];
  const applied = [...(await migrate(main, 'control', await loadMigrations([controlMigrationSource]))), ...(await migrate(main, 'tenant', tenantMigrations))];
  let rolesSynced = await syncSystemRoles(main.kysely, modules);
  // PGlite has no autovacuum: without statistics the planner guesses, badly, on large tenants.
  // Statistics are kept on disk, so a plain restart needs none (the ten-minute ANALYZE keeps
  // them fresh); new tables and columns do.
  if (main.kind === 'pglite' && applied.length > 0) await main.session((s) => s.exec('ANALYZE'));
  problems.push(...(await checkIsolation(main)));
  for (const t of await directory.dedicatedDatabases()) {
    await router.withDedicated(t.databaseName, async (db) => {
      applied.push(...(await migrate(db, 'tenant', tenantMigrations)).map((id) => `${t.slug}: ${id}`));
      rolesSynced += await syncSystemRoles(db.kysely, modules);
      problems.push(...(await checkIsolation(db)));
    });
  }
  if (applied.length > 0) log.info({ applied }, 'applied migrations');
  if (rolesSynced > 0) {
    log.info({ roles: rolesSynced }, 'brought system roles up to the modules\' default grants');
    // Instances still running cached the old grants.
    roles.changed();
  }
  return problems;
}

