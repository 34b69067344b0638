import { join } from 'node:path';
import type { Database } from './database.js';
import type { Db } from './tables.js';
import { openPglite, openPostgres } from './database.js';
import { TENANT_ID, TENANT_SLUG, withSpan } from '../observability/tracing.js';
import { takeOutboxWritten } from './outbox-writes.js';

export type Placement = 'pooled' | 'dedicated';

export interface TenantLocation {
  id: string;
  placement: Placement;
  /** The dedicated database's name; null for pooled tenants. */
  databaseName: string | null;
  /** Known to callers that hold the whole tenant; named on the transaction's span. */
  slug?: string;
}

export interface RouterOptions {
  /** The main database's connection string (server PostgreSQL); absent for PGlite. */
  mainUrl?: string;
  /** Where dedicated PGlite databases live. */
  dataDir: string;
  /** Connections per dedicated pool. */
  dedicatedPoolMax: number;
  /** Page cache of each dedicated PGlite database, in MB. */
  pgliteCacheMb?: number;
  /** Dedicated databases kept open at once. */
  maxOpen: number;
}

interface OpenDatabase {
  database: Promise<Database>;
  inUse: number;
  lastUsed: number;
}

/**
 * Placement → database → pool. Pooled tenants share the main database; each dedicated tenant
 * has its own database, opened on demand with a small pool and closed again, least recently
 * used first, so that thousands of dedicated tenants cannot exhaust the server's connections.
 */
export class TenantDatabaseRouter {
  readonly #open = new Map<string, OpenDatabase>();
  readonly #outboxListeners = new Set<() => void>();

  constructor(readonly main: Database, private readonly options: RouterOptions) {}

  /** A dedicated database's name for a tenant; stable, and prefixed by the main database's. */
  dedicatedNameFor(tenantId: string): string {
    const prefix = this.main.name.slice(0, 28).replace(/[^a-z0-9_]/gi, '_').toLowerCase();
    return `${prefix}_t_${tenantId.replaceAll('-', '')}`;
  }

  /** Creates a dedicated database if it does not exist yet (idempotent). */
  async createDedicated(name: string): Promise<void> {
    if (this.main.kind === 'pglite') return; // a PGlite data directory is created when first opened
    await this.main.session(async (s) => {
      const exists = await s.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (exists.length > 0) return;
      try {
        await s.exec(`CREATE DATABASE "${name}"`);
      } catch (error) {
        if ((error as { code?: string }).code !== '42P04') throw error; // created concurrently
      }
    });
  }

  /** Drops a dedicated database (archived tenants, tests). */
  async dropDedicated(name: string): Promise<void> {
    await this.#close(name);
    if (this.main.kind === 'pglite') {
      const { rm } = await import('node:fs/promises');
      await rm(join(this.options.dataDir, 'tenants', name), { recursive: true, force: true });
      return;
    }
    await this.main.session((s) => s.exec(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  }

  /** Runs `fn` with the database of a dedicated tenant, keeping it open meanwhile. */
  async withDedicated<T>(name: string, fn: (db: Database) => Promise<T>): Promise<T> {
    const entry = this.#acquire(name);
    try {
      return await fn(await entry.database);
    } finally {
      entry.inUse--;
      entry.lastUsed = Date.now();
    }
  }

  /** The tenant-bound transaction, in whichever database the tenant's placement names: one span per transaction, not per statement. */
  tenantTransaction<T>(tenant: TenantLocation, fn: (trx: Db) => Promise<T>): Promise<T> {
    const dedicated = tenant.placement === 'dedicated' && tenant.databaseName ? tenant.databaseName : null;
    return withSpan('tenant transaction', { kind: 'client', attributes: { 'db.system.name': 'postgresql', 'db.namespace': dedicated ?? this.main.name, [TENANT_ID]: tenant.id, [TENANT_SLUG]: tenant.slug } }, () =>
      this.#announcingOutbox((track) =>
        dedicated ? this.withDedicated(dedicated, (db) => db.tenantTransaction(tenant.id, (t) => fn(track(t)))) : this.main.tenantTransaction(tenant.id, (t) => fn(track(t))),
      ),
    );
  }

  async #announcingOutbox<T>(run: (track: (trx: Db) => Db) => Promise<T>): Promise<T> {
    let trx: Db | undefined;
    try {
      return await run((t) => (trx = t));
    } finally {
      // Also after a rollback: a wake for nothing costs the relay one look.
      if (trx && takeOutboxWritten(trx)) for (const listener of this.#outboxListeners) listener();
    }
  }

  /**
   * Calls `listener` after a tenant transaction that wrote to its outbox has ended, in the main
   * database or a dedicated one. The process that wrote wakes the relay itself (its own, or the
   * relaying processes' by one notification per tick): a NOTIFY inside the writing transaction
   * would make every such commit wait for PostgreSQL's database-wide notification lock, which
   * serialises the commits (and their WAL flushes) of all writers.
   */
  onOutboxWrite(listener: () => void): () => void {
    this.#outboxListeners.add(listener);
    return () => this.#outboxListeners.delete(listener);
  }

  get openDedicatedCount(): number {
    return this.#open.size;
  }

  async close(): Promise<void> {
    await Promise.all([...this.#open.keys()].map((name) => this.#close(name)));
  }

  #acquire(name: string): OpenDatabase {
    let entry = this.#open.get(name);
    if (!entry) {
      entry = { database: this.#openDatabase(name), inUse: 0, lastUsed: Date.now() };
      entry.database.catch(() => this.#open.delete(name));
      this.#open.set(name, entry);
      void this.#evict();
    }
    entry.inUse++;
    return entry;
  }

  #openDatabase(name: string): Promise<Database> {
    if (this.main.kind === 'pglite') return openPglite(join(this.options.dataDir, 'tenants', name), name, this.options.pgliteCacheMb);
    const url = new URL(this.options.mainUrl!);
    url.pathname = `/${name}`;
    return Promise.resolve(openPostgres(url.toString(), this.options.dedicatedPoolMax));
  }

  async #evict() {
    if (this.#open.size <= this.options.maxOpen) return;
    const idle = [...this.#open.entries()].filter(([, e]) => e.inUse === 0).sort((a, b) => a[1].lastUsed - b[1].lastUsed);
    for (const [name] of idle.slice(0, this.#open.size - this.options.maxOpen)) await this.#close(name);
  }

  async #close(name: string) {
    const entry = this.#open.get(name);
    if (!entry) return;
    this.#open.delete(name);
    await (await entry.database.catch(() => null))?.close();
  }
}
