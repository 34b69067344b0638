import { createHash } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { Kysely, PGliteDialect, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { AppError } from '../errors.js';
import { APP_ROLE, TENANT_SETTING } from './roles.js';
import type { Db } from './tables.js';
import { TenantBoundQuery } from './tenant-bound-query.js';
import { parseTimestamptz, TIMESTAMPTZ_OID } from './timestamptz.js';

// timestamptz and date come back as Date / ISO strings; int8 (counts) as numbers, which is
// safe for every count and money amount we keep: an amount is at most 10^13 minor units and
// finance caps a ledger's turnover at 2^53 − 1. A sum() of int8 is numeric: a string, exact.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(TIMESTAMPTZ_OID, parseTimestamptz);
// Calendar dates stay 'YYYY-MM-DD' (a Date would shift them by the process's time zone), and
// numerics stay exact decimal strings; PGlite is told the same below.
const DATE_OID = 1082;
const NUMERIC_OID = 1700;
pg.types.setTypeParser(DATE_OID, (v) => v);
pg.types.setTypeParser(NUMERIC_OID, (v) => v);
const exactParsers = { [DATE_OID]: (v: string) => v, [NUMERIC_OID]: (v: string) => v };

/** A raw session pinned to one connection, for migrations and checks that need scripts. */
export interface Session {
  query<R = Record<string, unknown>>(text: string, params?: unknown[]): Promise<R[]>;
  /** Runs a multi-statement script (no parameters). */
  exec(script: string): Promise<void>;
  /** A statement with parameters, or a script without: the rows of its last statement. */
  rows<R = Record<string, unknown>>(text: string, params?: unknown[]): Promise<R[]>;
}

export interface PoolStats {
  total: number;
  idle: number;
  waiting: number;
}

/**
 * One PostgreSQL database: a server database reached through a `pg` pool, or an embedded
 * PGlite instance. Everything above the kernel talks to it through Kysely and the
 * tenant-bound transaction; only migrations and checks use raw sessions.
 */
export interface Database {
  readonly kind: 'postgres' | 'pglite';
  readonly name: string;
  readonly kysely: Db;
  session<T>(fn: (s: Session) => Promise<T>): Promise<T>;
  /**
   * Runs `fn` in a transaction as the application role with the tenant set, so row-level
   * security confines every statement to that tenant. Rolled back if `fn` throws.
   */
  tenantTransaction<T>(tenantId: string, fn: (trx: Db) => Promise<T>): Promise<T>;
  /**
   * Calls `onMessage` with each notification on `channel` (NOTIFY from any process, and
   * pg_notify from triggers, delivered when their transaction commits), and with null once
   * listening and after every reconnection, when anything may have changed unseen. A server
   * database listens on one connection per Database, whatever the number of channels.
   */
  listen(channel: string, onMessage: (payload: string | null) => void): Promise<() => Promise<void>>;
  /** Tells every listener of `channel` (other processes included). */
  notify(channel: string, payload: string): Promise<void>;
  poolStats(): PoolStats;
  /** PGlite only: the whole database as PGlite's tarball (`dumpDataDir`), which `openPglite` can start another one from. */
  dump?(): Promise<Blob>;
  close(): Promise<void>;
}

const CHANNEL = /^[a-z_][a-z0-9_]{0,62}$/;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function assertTenantId(tenantId: string) {
  // The id is interpolated into the one-round-trip BEGIN below; it must be a bare UUID.
  if (!UUID.test(tenantId)) throw new Error(`not a tenant id: ${tenantId}`);
}

/**
 * Counts tenant transactions in flight, so that closing a database waits for them: a request
 * whose client went away still finishes its transaction before the pool is destroyed.
 */
function inFlight() {
  let active = 0;
  let drained: (() => void) | null = null;
  return {
    async track<T>(work: () => Promise<T>): Promise<T> {
      active++;
      try {
        return await work();
      } finally {
        if (--active === 0) drained?.();
      }
    },
    idle: (): Promise<void> => (active === 0 ? Promise.resolve() : new Promise((resolve) => (drained = resolve))),
  };
}

interface BoundConnection {
  kysely: Db;
  /** Set when a tenant transaction starts; its first query sends BEGIN and the tenant with it. */
  pendingTenant: string | null;
}

const MAX_PREPARED = 500;
const prepared = new WeakMap<pg.PoolClient, Map<string, string>>();

/**
 * Names the statement so that the server parses and plans it once per connection. Kysely's
 * SQL for a given call site is always the same text, so a connection sees a bounded set; past
 * MAX_PREPARED a connection stops preparing new ones.
 */
function statementName(client: pg.PoolClient, text: string): { name?: string } {
  let names = prepared.get(client);
  if (!names) prepared.set(client, (names = new Map()));
  let name = names.get(text);
  if (name === undefined) {
    if (names.size >= MAX_PREPARED) return {};
    name = `cy_${createHash('sha1').update(text).digest('base64url').slice(0, 20)}`;
    names.set(text, name);
  }
  return { name };
}

/** A Kysely that runs every query on one pooled connection, for tenant transactions. */
function bindKysely(client: pg.PoolClient): BoundConnection {
  const bound: BoundConnection = { kysely: undefined as never, pendingTenant: null };
  const connection = {
    query(text: string, values: unknown[]) {
      const query = { text, ...statementName(client, text) };
      const tenantId = bound.pendingTenant;
      if (tenantId === null) return client.query({ ...query, values });
      bound.pendingTenant = null;
      return new Promise<pg.QueryResult>((resolve, reject) => {
        client.query(new TenantBoundQuery(tenantId, query, values, (error, result) => (error ? reject(error) : resolve(result))));
      });
    },
    release: () => undefined,
  };
  bound.kysely = new Kysely<unknown>({ dialect: new PostgresDialect({ pool: { connect: async () => connection, end: async () => undefined } as never }) });
  return bound;
}

export function openPostgres(connectionString: string, poolMax: number): Database {
  const boundTo = new WeakMap<pg.PoolClient, BoundConnection>();
  const transactions = inFlight();
  const pool = new pg.Pool({ connectionString, max: poolMax, idleTimeoutMillis: 30_000, allowExitOnIdle: true });
  // An idle client that loses its server must not crash the process.
  pool.on('error', () => undefined);
  const kysely = new Kysely<unknown>({ dialect: new PostgresDialect({ pool }) });
  const name = decodeURIComponent(new URL(connectionString).pathname.slice(1)) || 'postgres';
  const listener = sharedListener(connectionString);

  return {
    kind: 'postgres',
    name,
    kysely,
    async session(fn) {
      const client = await pool.connect();
      try {
        return await fn({
          query: async (text, params) => (await client.query(text, params as unknown[])).rows,
          exec: async (script) => void (await client.query(script)),
          rows: async (text, params) => {
            const result = (await client.query(text, params as unknown[])) as pg.QueryResult | pg.QueryResult[];
            return (Array.isArray(result) ? (result.at(-1)?.rows ?? []) : result.rows) as never[];
          },
        });
      } finally {
        client.release();
      }
    },
    tenantTransaction: (tenantId, fn) => transactions.track(async () => {
      assertTenantId(tenantId);
      const client = await pool.connect();
      let bound = boundTo.get(client);
      if (!bound) {
        bound = bindKysely(client);
        boundTo.set(client, bound);
      }
      // BEGIN and the tenant ride with the transaction's first query (TenantBoundQuery).
      bound.pendingTenant = tenantId;
      let broken: Error | undefined;
      try {
        const result = await fn(bound.kysely);
        if (bound.pendingTenant === null) await client.query('COMMIT');
        return result;
      } catch (error) {
        if (bound.pendingTenant === null) {
          await client.query(error instanceof AppError && error.persist ? 'COMMIT' : 'ROLLBACK').catch((e: Error) => {
            broken = e;
          });
        }
        throw error;
      } finally {
        bound.pendingTenant = null;
        client.release(broken);
      }
    }),
    listen: (channel, onMessage) => listener.listen(channel, onMessage),
    async notify(channel, payload) {
      await sql`SELECT pg_notify(${channel}, ${payload})`.execute(kysely);
    },
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    async close() {
      await transactions.idle();
      await kysely.destroy();
      await listener.close();
    },
  };
}

type OnMessage = (payload: string | null) => void;

const RECONNECT_MS = { first: 500, max: 30_000 };

/**
 * One connection that LISTENs to every channel asked for, opened with the first. When it
 * breaks it reconnects, waiting twice as long after each failure (up to 30 s), LISTENs again
 * and tells every listener null: notifications sent meanwhile are lost.
 */
function sharedListener(connectionString: string) {
  const channels = new Map<string, Set<OnMessage>>();
  let client: pg.Client | null = null;
  let connected: Promise<pg.Client> | null = null;
  let retry: NodeJS.Timeout | undefined;
  let delay = RECONNECT_MS.first;
  let closed = false;

  const connect = async (): Promise<pg.Client> => {
    // Keep-alive: a connection that died without a word (a lost peer) is noticed and replaced.
    const c = new pg.Client({ connectionString, application_name: 'courtyard-listen', keepAlive: true });
    c.on('notification', (m) => {
      for (const onMessage of channels.get(m.channel) ?? []) onMessage(m.payload ?? '');
    });
    c.on('error', () => {
      c.end().catch(() => undefined);
      if (client === c) reconnectLater();
    });
    try {
      await c.connect();
      for (const channel of channels.keys()) await c.query(`LISTEN ${channel}`);
    } catch (error) {
      await c.end().catch(() => undefined);
      throw error;
    }
    client = c;
    return c;
  };
  const reconnectLater = () => {
    client = null;
    connected = null;
    if (closed) return;
    retry = setTimeout(() => {
      connected = connect();
      connected.then(
        () => {
          delay = RECONNECT_MS.first;
          for (const listeners of channels.values()) for (const onMessage of listeners) onMessage(null);
        },
        () => {
          delay = Math.min(delay * 2, RECONNECT_MS.max);
          reconnectLater();
        },
      );
    }, delay);
    retry.unref();
  };

  return {
    async listen(channel: string, onMessage: OnMessage): Promise<() => Promise<void>> {
      if (!CHANNEL.test(channel)) throw new Error(`not a channel name: ${channel}`);
      let listeners = channels.get(channel);
      if (!listeners) {
        channels.set(channel, (listeners = new Set()));
        try {
          // The first channel opens the connection (which LISTENs to it); later ones are added
          // to it. While it is reconnecting, the reconnection LISTENs to every channel.
          if (connected) await (await connected).query(`LISTEN ${channel}`);
          else if (!retry) await (connected = connect());
        } catch (error) {
          channels.delete(channel);
          if (!client) connected = null;
          throw error;
        }
      }
      listeners.add(onMessage);
      onMessage(null);
      return async () => {
        listeners.delete(onMessage);
        if (listeners.size > 0 || channels.get(channel) !== listeners) return;
        channels.delete(channel);
        await client?.query(`UNLISTEN ${channel}`).catch(() => undefined);
      };
    },
    async close() {
      closed = true;
      clearTimeout(retry);
      const c = client;
      client = null;
      connected = null;
      await c?.end().catch(() => undefined);
    },
  };
}

/**
 * PGlite starts with PostgreSQL's server defaults (160 MB of shared buffers, 100 connections'
 * worth of shared memory), all of it resident in the process: about 125 MB more than one
 * in-process session needs. The page cache is the operator's choice (`cacheMb`); the rest
 * is sized for the single session PGlite serves.
 */
const pgliteSettings = (cacheMb: number) => [`shared_buffers=${cacheMb}MB`, 'max_connections=5', 'maintenance_work_mem=16MB', 'temp_buffers=2MB', 'wal_buffers=1MB'];

/** `from`: a dump (`Database.dump`) the database starts as, instead of empty. */
export async function openPglite(dataDir: string | undefined, name = 'courtyard', cacheMb = 32, from?: Blob): Promise<Database> {
  if (dataDir) await mkdir(dataDir, { recursive: true });
  // btree_gist backs the exclusion constraints that keep date ranges from overlapping.
  const pglite = await PGlite.create({ ...(dataDir ? { dataDir } : {}), ...(from ? { loadDataDir: from } : {}), extensions: { btree_gist }, parsers: exactParsers, postgresqlconf: pgliteSettings(cacheMb) });
  const kysely = new Kysely<unknown>({ dialect: new PGliteDialect({ pglite }) });
  const transactions = inFlight();
  let waiting = 0;

  return {
    kind: 'pglite',
    name,
    kysely,
    async session(fn) {
      return kysely.connection().execute(async () =>
        fn({
          query: async (text, params) => (await pglite.query(text, params as unknown[])).rows as never[],
          exec: async (script) => void (await pglite.exec(script)),
          rows: async (text, params) =>
            (params && params.length > 0 ? (await pglite.query(text, params)).rows : ((await pglite.exec(text)).at(-1)?.rows ?? [])) as never[],
        }),
      );
    },
    tenantTransaction: (tenantId, fn) => transactions.track(async () => {
      assertTenantId(tenantId);
      waiting++;
      return kysely.connection().execute(async (conn) => {
        waiting--;
        // In-process: there is no round trip to save, and PGlite's extended protocol takes
        // one statement at a time.
        await sql.raw('BEGIN').execute(conn);
        try {
          await sql`SELECT set_config('role', ${APP_ROLE}, true), set_config(${TENANT_SETTING}, ${tenantId}, true)`.execute(conn);
          const result = await fn(conn);
          await sql.raw('COMMIT').execute(conn);
          return result;
        } catch (error) {
          await sql.raw(error instanceof AppError && error.persist ? 'COMMIT' : 'ROLLBACK').execute(conn).catch(() => undefined);
          throw error;
        }
      });
    }),
    // In-process: the notifications of this very instance (the outbox triggers', delivered on
    // commit) and of notify() below; taken in turn with every other statement.
    async listen(channel, onMessage) {
      if (!CHANNEL.test(channel)) throw new Error(`not a channel name: ${channel}`);
      const unlisten = await kysely.connection().execute(() => pglite.listen(channel, (payload) => onMessage(payload)));
      onMessage(null);
      return () => kysely.connection().execute(() => unlisten());
    },
    async notify(channel, payload) {
      await sql`SELECT pg_notify(${channel}, ${payload})`.execute(kysely);
    },
    poolStats: () => ({ total: 1, idle: waiting === 0 ? 1 : 0, waiting }),
    // On the connection: no statement runs while PGlite writes its files out.
    dump: () => kysely.connection().execute(() => pglite.dumpDataDir('none')) as Promise<Blob>,
    async close() {
      await transactions.idle();
      await kysely.destroy();
    },
  };
}
