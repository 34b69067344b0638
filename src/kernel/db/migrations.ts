import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Database, Session } from './database.js';
import { currentTenantExpr, ensureAppRoleSql, grantTenantSchemaSql } from './roles.js';

/** A folder of `NNNN_name.sql` files owned by one module (or by the control plane). */
export interface MigrationSource {
  /** Namespace of the migration ids, e.g. `control`, `identity`, `members`. */
  owner: string;
  dir: URL;
}

export interface Migration {
  id: string;
  checksum: string;
  sql: string;
}

export type MigrationTarget = 'control' | 'tenant';

const LEDGER = 'courtyard.schema_migrations';
// One lock for all migrators of a database, so that parallel starts apply each migration once.
const LOCK_KEY = 7_236_110_421;

export async function loadMigrations(sources: MigrationSource[]): Promise<Migration[]> {
  const migrations: Migration[] = [];
  for (const source of sources) {
    const dir = fileURLToPath(source.dir);
    const files = (await readdir(dir)).filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f)).sort();
    for (const file of files) {
      // Policies may write {{current_tenant}} instead of repeating the setting expression.
      const raw = await readFile(`${dir}/${file}`, 'utf8');
      const sql = raw.replaceAll('{{current_tenant}}', currentTenantExpr);
      migrations.push({ id: `${source.owner}/${file.replace(/\.sql$/, '')}`, checksum: createHash('sha256').update(raw).digest('hex'), sql });
    }
  }
  return migrations;
}

async function appliedMigrations(s: Session) {
  const rows = await s.query<{ id: string; checksum: string }>(`SELECT id, checksum FROM ${LEDGER}`);
  return new Map(rows.map((r) => [r.id, r.checksum]));
}

/**
 * Applies the migrations not yet recorded, in order, each in its own transaction, under an
 * advisory lock. A recorded migration whose file has changed stops everything: released
 * migrations are never edited.
 */
export async function migrate(database: Database, target: MigrationTarget, migrations: Migration[]): Promise<string[]> {
  return database.session(async (s) => {
    await s.exec(`SELECT pg_advisory_lock(${LOCK_KEY})`);
    try {
      await s.exec(`CREATE SCHEMA IF NOT EXISTS courtyard;
        CREATE TABLE IF NOT EXISTS ${LEDGER} (id text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
      if (target === 'tenant') await s.exec(ensureAppRoleSql);
      const applied = await appliedMigrations(s);
      const done: string[] = [];
      for (const m of migrations) {
        const checksum = applied.get(m.id);
        if (checksum !== undefined) {
          if (checksum !== m.checksum) throw new Error(`migration ${m.id} was changed after it was applied; add a new migration instead`);
          continue;
        }
        await s.exec('BEGIN');
        try {
          await s.exec(m.sql);
          await s.query(`INSERT INTO ${LEDGER} (id, checksum) VALUES ($1, $2)`, [m.id, m.checksum]);
          await s.exec('COMMIT');
        } catch (error) {
          await s.exec('ROLLBACK');
          throw new Error(`migration ${m.id} failed: ${(error as Error).message}`, { cause: error });
        }
        done.push(m.id);
      }
      if (target === 'tenant') await s.exec(grantTenantSchemaSql);
      return done;
    } finally {
      await s.exec(`SELECT pg_advisory_unlock(${LOCK_KEY})`);
    }
  });
}

/** The ids of migrations not yet applied (for readiness). */
export async function pendingMigrations(database: Database, migrations: Migration[]): Promise<string[]> {
  return database.session(async (s) => {
    const exists = await s.query<{ t: string | null }>(`SELECT to_regclass('${LEDGER}')::text AS t`);
    if (!exists[0]?.t) return migrations.map((m) => m.id);
    const applied = await appliedMigrations(s);
    return migrations.filter((m) => !applied.has(m.id)).map((m) => m.id);
  });
}
