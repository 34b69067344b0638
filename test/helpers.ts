import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { inject } from 'vitest';
import { loadConfig, type Config } from '../src/kernel/config.js';
import { createPlatform, type Platform, type PlatformOptions } from '../src/platform.js';

export const ADMIN_EMAIL = 'admin@courtyard.test';
export const ADMIN_PASSWORD = 'platform-password-1';
export const TENANT_PASSWORD = 'tenant-password-1';

export interface TestPlatform {
  platform: Platform;
  config: Config;
  /** The database this platform runs on; `close` disposes of it. */
  database: TestDatabase;
  /** `app.inject` with a JSON body and optional bearer token and tenant. */
  call(method: InjectOptions['method'], url: string, options?: { token?: string; tenant?: string; body?: unknown; headers?: Record<string, string> }): Promise<LightMyRequestResponse>;
  /** A fresh platform administrator access token. */
  platformToken(): Promise<string>;
  /** Creates an active tenant through the control API and signs its administrator in. */
  createTenant(slug: string, options?: Partial<{ plan: string; placement: 'pooled' | 'dedicated'; compliance: string[]; expectedMembers: number; timeZone: string; defaultLocale: string }>): Promise<TestTenant>;
  /** Signs a tenant user in; returns the token pair. */
  login(tenant: string, email: string, password?: string): Promise<{ accessToken: string; refreshToken: string }>;
  /**
   * Closes this platform, keeping its database, and starts a new one on it (as a restart
   * would). Needs `persistent: true` on PGlite. This platform is unusable afterwards; close
   * the returned one.
   */
  restart(platform?: PlatformOptions): Promise<TestPlatform>;
  close(): Promise<void>;
}

export interface TestTenant {
  id: string;
  slug: string;
  adminEmail: string;
  /** Access token of the tenant's owner. */
  token: string;
  refreshToken: string;
  body: Record<string, unknown>;
}

/**
 * `cytest_<seconds since epoch>_<random>`: global-setup sweeps only databases older than an
 * hour that nobody is connected to, so parallel runs on one server never drop each other's.
 */
export const testDatabaseName = (): string => `cytest_${Math.floor(Date.now() / 1000)}_${randomBytes(4).toString('hex')}`;

export interface TestDatabase {
  /** `dataDir`, and `databaseUrl` on PostgreSQL. */
  overrides: Partial<Config>;
  /** PGlite keeps the main database in memory (it does not survive a restart). */
  inMemory: boolean;
  dispose: () => Promise<void>;
}

/**
 * A database of its own for one test file: a new PostgreSQL database when DATABASE_URL is
 * set (a copy of `template` when given), or temporary PGlite (in memory, or under the data dir
 * when `persistent`).
 */
export async function isolatedDatabase(options: { persistent?: boolean; template?: string } = {}): Promise<TestDatabase> {
  const dataDir = await mkdtemp(join(tmpdir(), 'courtyard-test-'));
  const base = process.env.DATABASE_URL;
  if (!base) return { overrides: { dataDir }, inMemory: !options.persistent, dispose: () => rm(dataDir, { recursive: true, force: true }) };
  const name = testDatabaseName();
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"${options.template ? ` TEMPLATE "${options.template}"` : ''}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    overrides: { databaseUrl: url.toString(), dataDir },
    inMemory: false,
    async dispose() {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      // Dedicated tenant databases are named after the main one.
      const { rows } = await c.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname = $1 OR datname LIKE $2`, [name, `${name}\\_t\\_%`]);
      for (const r of rows) await c.query(`DROP DATABASE IF EXISTS "${r.datname}" WITH (FORCE)`);
      await c.end();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export function testConfig(overrides: Partial<Config> = {}): Config {
  return loadConfig(
    {},
    {
      adminEmail: ADMIN_EMAIL,
      adminPassword: ADMIN_PASSWORD,
      logLevel: (process.env.TEST_LOG_LEVEL as Config['logLevel']) ?? 'silent',
      loginRatePerIp: 100_000,
      loginRatePerAccount: 1_000,
      resetRatePerIp: 100_000,
      resetRatePerAccount: 1_000,
      // Off: suites make many requests a minute as one user; test/api-rate-limits.test.ts turns them on.
      apiRatePerPrincipal: 0,
      apiRatePerTenant: 0,
      baseDomain: 'courtyard.test',
      ...overrides,
    },
  );
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** On PGlite: a file holding a dump of a freshly started platform's database (test/global-setup.ts). */
    pgliteStart: string | null;
    /** On PostgreSQL: a database a freshly started platform left, migrated and bootstrapped, to copy (test/global-setup.ts). */
    pgTemplate: string | null;
  }
}

/** What the global setup provided; nothing outside a test worker (a global setup starting its own platform). */
function provided<K extends 'pgliteStart' | 'pgTemplate'>(key: K): string | null {
  try {
    return inject(key);
  } catch {
    return null;
  }
}

let started: Promise<Blob | undefined> | undefined;
/** The dump of a freshly started platform's database the global setup made on PGlite (test/global-setup.ts), read once per process. */
const startedDatabase = (): Promise<Blob | undefined> =>
  (started ??= (async () => {
    const path = provided('pgliteStart');
    return path ? new Blob([await readFile(path)]) : undefined;
  })());

/**
 * Starts a whole Courtyard (both planes) on an isolated database. `persistent` keeps PGlite
 * on disk so that `restart` finds the data again; `database` reuses one (see `restart`).
 */
export async function startPlatform(options: { config?: Partial<Config>; platform?: PlatformOptions; persistent?: boolean; database?: TestDatabase } = {}): Promise<TestPlatform> {
  // A copy of the started database (PostgreSQL) or its dump (PGlite), unless the test asks for a
  // fresh start: `persistent`, or an operator of its own, whom only a fresh bootstrap creates.
  const fresh = options.persistent === true || options.config?.adminEmail !== undefined || options.config?.adminPassword !== undefined;
  const template = fresh ? undefined : (provided('pgTemplate') ?? undefined);
  const db = options.database ?? (await isolatedDatabase({ persistent: options.persistent, template }));
  const config = testConfig({ ...db.overrides, ...options.config });
  let platform: Platform;
  try {
    // In memory: as the global setup's freshly started platform left its database, migrated and bootstrapped.
    const inMemory = options.platform?.inMemory ?? (db.inMemory && ((fresh ? undefined : await startedDatabase()) ?? true));
    platform = await createPlatform(config, { ...options.platform, inMemory });
  } catch (error) {
    // A database passed in stays with the caller, who may repair it and start again.
    if (!options.database) await db.dispose();
    throw error;
  }
  const call: TestPlatform['call'] = (method, url, o = {}) =>
    platform.app.inject({
      method,
      url,
      headers: {
        ...(o.token ? { authorization: `Bearer ${o.token}` } : {}),
        ...(o.tenant ? { 'x-tenant-id': o.tenant } : {}),
        ...o.headers,
      },
      ...(o.body !== undefined ? { payload: o.body as InjectOptions['payload'] } : {}),
    });
  const platformToken = async () => {
    const res = await call('POST', '/control/v1/auth/login', { body: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD } });
    if (res.statusCode !== 200) throw new Error(`platform login failed: ${res.body}`);
    return res.json().accessToken as string;
  };
  const login: TestPlatform['login'] = async (tenant, email, password = TENANT_PASSWORD) => {
    const res = await call('POST', '/api/v1/auth/login', { tenant, body: { email, password } });
    if (res.statusCode !== 200) throw new Error(`tenant login failed: ${res.body}`);
    return res.json();
  };
  let adminToken: string | undefined;
  return {
    platform,
    config,
    database: db,
    call,
    platformToken,
    login,
    async createTenant(slug, o = {}) {
      adminToken ??= await platformToken();
      const adminEmail = `owner@${slug}.test`;
      const res = await call('POST', '/control/v1/tenants', {
        token: adminToken,
        body: { slug, name: `Tenant ${slug}`, plan: o.plan ?? 'standard', ...o, admin: { email: adminEmail, name: `Owner of ${slug}`, password: TENANT_PASSWORD } },
      });
      if (res.statusCode !== 201 || res.json().status !== 'active') throw new Error(`tenant ${slug} was not created: ${res.statusCode} ${res.body}`);
      const tokens = await login(slug, adminEmail);
      return { id: res.json().id, slug, adminEmail, token: tokens.accessToken, refreshToken: tokens.refreshToken, body: res.json() };
    },
    async restart(platformOptions) {
      if (db.inMemory) throw new Error('restart needs a database that outlives the platform: start with persistent: true');
      await platform.close();
      return startPlatform({ config: options.config, platform: platformOptions, database: db });
    },
    async close() {
      await platform.close();
      await db.dispose();
    },
  };
}

/** Probes until `ok` holds or the time is up, and answers the last value (the caller asserts on it, so a timeout fails with what was seen). */
export async function eventually<T>(probe: () => T | Promise<T>, ok: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  let value = await probe();
  while (!ok(value) && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 100));
    value = await probe();
  }
  return value;
}

/** A TCP port free on loopback now, for a server process a test starts. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}
