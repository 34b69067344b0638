/**
 * `npm run bench:stages`: what each stage of the data-plane pipeline costs on its own, one
 * operation at a time in this process (no HTTP sockets, no load generator), so the numbers
 * hold up on a busy machine better than throughput does. Wall time is per operation at a
 * concurrency of one (it includes waiting for PostgreSQL); CPU time is this process's, all
 * threads (WebCrypto runs on the libuv pool). See bench/README.md.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import Fastify, { type FastifyReply } from 'fastify';
import { Redis } from 'ioredis';
import pg from 'pg';
import pino from 'pino';
import { rolePermissions } from '../src/data/identity/index.js';
import { RolePermissionCache } from '../src/data/role-cache.js';
import { loadConfig } from '../src/kernel/config.js';
import { ApiRateLimit } from '../src/kernel/security/api-rate-limit.js';
import { checkSession } from '../src/kernel/security/session-cache.js';
import { tablesOf } from '../src/kernel/db/tables.js';
import { newId } from '../src/kernel/ids.js';
import type { MembersTables } from '../src/modules/members/members.tables.js';
import { createPlatform } from '../src/platform.js';
import { membersSuite, type MembersFixture } from './suites/members.js';

const { values: args } = parseArgs({
  options: {
    database: { type: 'string', default: 'courtyard_bench_stages' },
    scale: { type: 'string', default: '1' },
    'no-write': { type: 'boolean', default: false },
  },
});
const scale = Number(args.scale);
const log = (line: string) => process.stdout.write(`${line}\n`);
const baseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const url = new URL(baseUrl);
url.pathname = `/${args.database}`;
const benchUrl = url.toString();

async function serverAdmin(sql: string) {
  const c = new pg.Client({ connectionString: baseUrl });
  await c.connect();
  await c.query(sql).finally(() => c.end());
}

interface Stage {
  stage: string;
  ops: number;
  wallUsPerOp: number;
  cpuUsPerOp: number;
}

const stages: Stage[] = [];

async function measure(stage: string, ops: number, fn: (i: number) => Promise<unknown> | unknown) {
  const n = Math.max(10, Math.round(ops * scale));
  for (let i = 0; i < Math.min(200, n); i++) await fn(i); // warm-up: JIT, caches, pool
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) await fn(i);
  const wall = Number(process.hrtime.bigint() - t0) / 1e3;
  const cpu = process.cpuUsage(cpu0);
  const row = { stage, ops: n, wallUsPerOp: Math.round((wall / n) * 10) / 10, cpuUsPerOp: Math.round(((cpu.user + cpu.system) / n) * 10) / 10 };
  stages.push(row);
  log(`${stage.padEnd(72)} ${row.wallUsPerOp.toFixed(1).padStart(8)} µs wall ${row.cpuUsPerOp.toFixed(1).padStart(8)} µs CPU`);
}

const COLUMNS = ['id', 'first_name', 'last_name', 'email', 'phone', 'type', 'status', 'notes', 'created_at', 'updated_at'] as const;
/** The members table as stored (snake_case), for the queries that measure Kysely without the camelCase plugin. */
type BareMembers = { members: Record<(typeof COLUMNS)[number] | 'tenant_id', unknown> };
const TYPED_COLUMNS = ['id', 'firstName', 'lastName', 'email', 'phone', 'type', 'status', 'notes', 'createdAt', 'updatedAt'] as const;
const QUERY = `SELECT ${COLUMNS.join(', ')} FROM members WHERE tenant_id = $1 AND id = $2`;
const SET_TENANT = "SELECT set_config('role', 'courtyard_app', true), set_config('courtyard.tenant_id', $1, true)";

async function main() {
  await serverAdmin(`DROP DATABASE IF EXISTS "${args.database}" WITH (FORCE)`);
  await serverAdmin(`CREATE DATABASE "${args.database}"`);
  const admin = new pg.Client({ connectionString: benchUrl });
  await admin.connect();
  try {
    log('seeding 50 tenants × 100 members ...');
    const fixture: MembersFixture = await membersSuite.seed({
      databaseUrl: benchUrl,
      admin,
      params: { tenants: 50, membersPerTenant: 100, serviceTenants: 1, connections: 1, durationSeconds: 1, warmupSeconds: 0, poolMax: 10, profile: false, rate: 1, drainSeconds: 1, eventRate: 1 },
      log,
    });
    // The API's rate limits off: thousands of measured requests a minute as a few users.
    const p = await createPlatform(loadConfig(process.env, { databaseUrl: benchUrl, logLevel: 'warn', poolMax: 10, apiRatePerPrincipal: 0, apiRatePerTenant: 0 }), { logger: pino({ level: 'warn' }) });
    const pool = new pg.Pool({ connectionString: benchUrl, max: 10 });
    try {
      const tenants = fixture.tenants;
      const t = tenants[0]!;
      const token = t.authorization.slice('Bearer '.length);
      const info = (await p.directory.byIdOrSlug(t.id))!;
      const roles = new RolePermissionCache();
      roles.reserve(info.id)(await p.router.tenantTransaction(info, rolePermissions));
      const at = (i: number) => tenants[i % tenants.length]!;
      const memberOf = (i: number) => at(i).members[i % at(i).members.length]!;
      log('');
      log(`${'stage'.padEnd(72)} ${'per op'.padStart(8)}`);

      log('-- pipeline stages, cached (pure CPU)');
      await measure('authenticate: tokens.verifyAccess (jose HS256, WebCrypto)', 20_000, () => p.tokens.verifyAccess(token, 'courtyard:tenant'));
      await measure('resolve tenant: directory.byIdOrSlug, cache hit', 50_000, () => p.directory.byIdOrSlug(t.id));
      await measure('licence gate: licenceVerifier.verify, cache hit', 50_000, () => p.licenceVerifier.verify({ id: info.licenceId, jws: info.licenceJws }, t.id));
      await measure('permission gate: roles.cached, cache hit', 50_000, () => roles.cached(info.id, ['owner']));
      const claims = await p.tokens.verifyAccess(token, 'courtyard:tenant');
      await p.router.tenantTransaction(info, (db) => p.sessions.load(db, info, claims));
      await measure('session check: sessions.peek + checkSession, cache hit', 50_000, () => checkSession(p.sessions.peek(info, claims)!, claims));
      await measure('request logger: log.child({ tenant, user })', 50_000, () => p.log.child({ tenant: t.slug, user: t.id }));
      await measure('request id: newId() (uuidv7)', 50_000, () => newId());
      await measure('kysely: build + compile the member query', 50_000, (i) => p.main.kysely.withTables<BareMembers>().selectFrom('members').select(COLUMNS).where('id', '=', memberOf(i)).compile());
      // What the members repository runs: its tables, camelCase through the plugin.
      await measure('kysely: tablesOf + build + compile the member query (camelCase)', 50_000, (i) =>
        tablesOf<MembersTables>(p.main.kysely).selectFrom('members').select(TYPED_COLUMNS).where('id', '=', memberOf(i)).compile(),
      );

      log('-- the API rate limit: both counters (per principal, per tenant) and the headers');
      const noReply = { headers: () => undefined } as unknown as FastifyReply;
      const room = { perPrincipal: 100_000_000, perTenant: 100_000_000 };
      const inMemory = new ApiRateLimit(room);
      await measure('rate limit: ApiRateLimit.admit, in memory', 50_000, (i) => inMemory.admit(noReply, at(i).id, at(i).id));
      const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { lazyConnect: true });
      try {
        await redis.connect();
        const shared = new ApiRateLimit(room, redis);
        await measure('rate limit: ApiRateLimit.admit, Redis (1 round trip)', 5_000, (i) => shared.admit(noReply, at(i).id, at(i).id));
      } catch (error) {
        log(`rate limit in Redis not measured: ${(error as Error).message}`);
      } finally {
        redis.disconnect();
      }

      log('-- cache misses (each one is a query)');
      await measure('resolve tenant: directory load (cache miss, 1 query)', 3_000, (i) => {
        p.directory.invalidate();
        return p.directory.byIdOrSlug(at(i).id);
      });
      await measure('permission gate: role load (cache miss, 1 tenant transaction)', 3_000, async () => {
        roles.forget(info.id);
        roles.reserve(info.id)(await p.router.tenantTransaction(info, rolePermissions));
      });

      log('-- the member query, one at a time');
      await measure('bare pg: the query alone, superuser (1 round trip)', 5_000, (i) => pool.query(QUERY, [at(i).id, memberOf(i)]));
      await measure('bare pg: BEGIN / set_config / query / COMMIT (4 round trips)', 3_000, async (i) => {
        const c = await pool.connect();
        await c.query('BEGIN');
        await c.query(SET_TENANT, [at(i).id]);
        await c.query(QUERY, [at(i).id, memberOf(i)]);
        await c.query('COMMIT');
        c.release();
      });
      await measure('bare pg: "BEGIN; SELECT set_config(..)" / query / COMMIT (3 round trips)', 3_000, async (i) => {
        const c = await pool.connect();
        await c.query(`BEGIN; SELECT set_config('role', 'courtyard_app', true), set_config('courtyard.tenant_id', '${at(i).id}', true)`);
        await c.query(QUERY, [at(i).id, memberOf(i)]);
        await c.query('COMMIT');
        c.release();
      });
      await measure('platform: main.tenantTransaction + kysely find (3 round trips)', 3_000, (i) =>
        p.main.tenantTransaction(at(i).id, (db) => db.withTables<BareMembers>().selectFrom('members').select(COLUMNS).where('id', '=', memberOf(i)).executeTakeFirst()),
      );

      log('-- whole requests in process (app.inject: no sockets)');
      const constant = Fastify({ logger: false });
      constant.get('/ping', async () => ({ status: 'ok' }));
      await constant.ready();
      await measure('bare Fastify: inject GET of a constant (the cost of inject itself)', 5_000, () => constant.inject({ method: 'GET', url: '/ping' }));
      await measure('platform: inject GET /health/live (app hooks: request id, metrics, log; no pipeline)', 5_000, async () => {
        const res = await p.app.inject({ method: 'GET', url: '/health/live' });
        if (res.statusCode !== 200) throw new Error(`${res.statusCode} ${res.body}`);
      });
      await constant.close();
      const bare = Fastify({ logger: false });
      bare.get<{ Params: { id: string } }>('/api/v1/members/:id', async (request) => (await pool.query(QUERY, [request.headers['x-tenant-id'], request.params.id])).rows[0]);
      await bare.ready();
      await measure('bare Fastify + pg floor: inject GET member', 3_000, (i) => bare.inject({ method: 'GET', url: `/api/v1/members/${memberOf(i)}`, headers: { 'x-tenant-id': at(i).id } }));
      await measure('platform: inject GET /api/v1/members/{id} (whole pipeline, caches warm)', 3_000, async (i) => {
        const res = await p.app.inject({ method: 'GET', url: `/api/v1/members/${memberOf(i)}`, headers: { authorization: at(i).authorization, 'x-tenant-id': at(i).id } });
        if (res.statusCode !== 200) throw new Error(`${res.statusCode} ${res.body}`);
      });
      await measure('platform: inject GET /api/v1/members?limit=50', 1_000, async (i) => {
        const res = await p.app.inject({ method: 'GET', url: '/api/v1/members?limit=50', headers: { authorization: at(i).authorization, 'x-tenant-id': at(i).id } });
        if (res.statusCode !== 200) throw new Error(`${res.statusCode} ${res.body}`);
      });
      await bare.close();
    } finally {
      await pool.end();
      await p.close();
    }
  } finally {
    await admin.end();
    await serverAdmin(`DROP DATABASE IF EXISTS "${args.database}" WITH (FORCE)`);
  }
  if (!args['no-write']) {
    const dir = fileURLToPath(new URL('./results/', import.meta.url));
    await mkdir(dir, { recursive: true });
    const file = join(dir, `${new Date().toISOString().replace(/\.\d+Z$/, 'Z').replaceAll(':', '-')}-stages.json`);
    await writeFile(file, `${JSON.stringify({ node: process.version, scale, stages }, null, 2)}\n`);
    log(`\nwrote ${file}`);
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
