/**
 * The members suite: 1,000 tenants of 100 members each (by default) on the pooled database,
 * and five scenarios against it — one member through the whole pipeline (a), the same query
 * on a bare route with no pipeline and no row-level security (b, the floor), the same query in
 * the minimal correct tenant-bound transaction on a bare route (c), a list page (d) and a
 * create (e).
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { LicencesService } from '../../src/control/licences/licences.service.js';
import { PROVISIONING_STEPS } from '../../src/control/provisioning/provisioning.workflow.js';
import { seedIdentity } from '../../src/data/identity/index.js';
import { loadConfig, type Config } from '../../src/kernel/config.js';
import { newId } from '../../src/kernel/ids.js';
import { LicenceSigner } from '../../src/kernel/security/licence.js';
import { RefreshTokens } from '../../src/kernel/security/refresh-tokens.js';
import { hashPassword } from '../../src/kernel/security/passwords.js';
import { createPlatform, type Platform } from '../../src/platform.js';
import { testDb } from '../../test/test-db.js';
import type { BenchRequest, Scenario, Suite, SuiteEnv } from '../lib/types.js';
import { chunks, mapLimit, pick, seconds } from '../lib/util.js';

export interface BenchTenant {
  id: string;
  slug: string;
  /** "Bearer <access token of the tenant's owner>" */
  authorization: string;
  members: string[];
}

export interface MembersFixture {
  tenants: BenchTenant[];
  seeding: Record<string, number>;
}

const PASSWORD = 'bench-password-1';
const FIRST = ['Ada', 'Alan', 'Grace', 'Edsger', 'Barbara', 'Donald', 'Margaret', 'Ken', 'Frances', 'John', 'Radia', 'Niklaus', 'Shafi', 'Tim', 'Hedy', 'Dennis'];
const LAST = ['Lovelace', 'Turing', 'Hopper', 'Dijkstra', 'Liskov', 'Knuth', 'Hamilton', 'Thompson', 'Allen', 'McCarthy', 'Perlman', 'Wirth', 'Goldwasser', 'Berners-Lee', 'Lamarr', 'Ritchie', 'Kay', 'Backus'];
const TYPES = ['resident', 'owner', 'renter', 'household', 'other'] as const;

function memberRows(tenantId: string, slug: string, count: number) {
  return Array.from({ length: count }, (_, i) => {
    const first = FIRST[i % FIRST.length]!;
    const last = LAST[(i * 7) % LAST.length]!;
    return {
      tenantId,
      id: newId(),
      firstName: first,
      lastName: last,
      email: `${first}.${last}.${i}@${slug}.example`.toLowerCase(),
      phone: `+44 20 7946 ${String(1000 + i).slice(-4)}`,
      type: TYPES[i % TYPES.length]!,
      status: i % 10 === 9 ? ('inactive' as const) : ('active' as const),
      notes: i % 4 === 0 ? 'Keys held by the concierge.' : '',
    };
  });
}

/**
 * Seeds fast but real: a few tenants through TenantsService (argon2, the provisioning
 * workflow), the rest as rows in control.tenants with a licence issued by LicencesService
 * (signed with the platform's key, audited), roles and owner via seedIdentity (one argon2
 * hash shared by every owner), and members as multi-row inserts inside tenant transactions
 * (so row-level security checks every row).
 */
export interface SeedOptions {
  /** Configuration of the seeding platform beyond the defaults (the webhooks suite allows private webhook URLs). */
  config?: Partial<Config>;
  /** Runs with the seeding platform before it closes and the database is analysed (more seeding by other suites). */
  extend?(platform: Platform, fixture: MembersFixture): Promise<void>;
}

export async function seedMembers(env: SuiteEnv, options: SeedOptions = {}): Promise<MembersFixture> {
  const { params, log } = env;
  const timings: Record<string, number> = {};
  const config = loadConfig(process.env, {
    databaseUrl: env.databaseUrl,
    dataDir: join(tmpdir(), 'courtyard-bench'),
    logLevel: 'warn',
    adminEmail: 'admin@bench.courtyard.example',
    adminPassword: 'bench-platform-password',
    accessTokenTtl: 86_400,
    poolMax: params.poolMax,
    ...options.config,
  });
  let t0 = process.hrtime.bigint();
  const p = await createPlatform(config, { logger: pino({ level: 'warn' }) });
  timings.platformSeconds = seconds(t0);
  let fixture: MembersFixture;
  try {
    const ctx = p.systemContext('bench');
    const serviceCount = Math.min(params.serviceTenants, params.tenants);
    const tenants: { id: string; slug: string; email: string }[] = [];

    t0 = process.hrtime.bigint();
    for (let i = 0; i < serviceCount; i++) {
      const slug = `bench-${String(i).padStart(4, '0')}`;
      const email = `owner@${slug}.example`;
      const { tenant } = await p.tenants.create(ctx, { slug, name: `Bench ${i}`, plan: 'standard', placement: 'pooled', admin: { email, name: `Owner of ${slug}`, password: PASSWORD } });
      if (tenant.status !== 'active') throw new Error(`tenant ${slug} is ${tenant.status}: ${JSON.stringify(tenant.provisioning)}`);
      tenants.push({ id: tenant.id, slug, email });
    }
    timings.serviceTenantsSeconds = seconds(t0);

    t0 = process.hrtime.bigint();
    const bulk = Array.from({ length: params.tenants - serviceCount }, (_, k) => {
      const slug = `bench-${String(serviceCount + k).padStart(4, '0')}`;
      return { id: newId(), slug, email: `owner@${slug}.example` };
    });
    const provisioning = JSON.stringify({ completed: [...PROVISIONING_STEPS], attempts: 1, finishedAt: new Date().toISOString() });
    for (const batch of chunks(bulk, 500)) {
      await testDb(p.main.kysely)
        .insertInto('control.tenants')
        .values(
          batch.map((t) => ({
            id: t.id,
            slug: t.slug,
            name: `Bench ${t.slug}`,
            planKey: 'standard',
            status: 'active' as const,
            placement: 'pooled' as const,
            placementReason: 'bench: bulk-seeded',
            databaseName: null,
            region: 'default',
            expectedMembers: params.membersPerTenant,
            provisioning,
          })),
        )
        .execute();
    }
    // Licences as the control plane issues them: plan modules and limits, signed, audited.
    const secret = await testDb(p.main.kysely).selectFrom('control.secrets').select('value').where('name', '=', 'licence_private_key').executeTakeFirstOrThrow();
    const licences = new LicencesService(await LicenceSigner.fromPem(secret.value), p.plans, config.licenceGraceDays);
    for (const batch of chunks(bulk, 250)) {
      await p.main.kysely.transaction().execute(async (trx) => {
        for (const t of batch) await licences.issue({ ...ctx, db: trx }, { id: t.id, slug: t.slug, plan: 'standard' });
      });
    }
    tenants.push(...bulk);
    p.directory.invalidate();
    timings.bulkTenantsSeconds = seconds(t0);

    t0 = process.hrtime.bigint();
    const passwordHash = await hashPassword(PASSWORD);
    const seeded = await mapLimit(tenants, Math.max(1, params.poolMax - 2), (t) =>
      p.router.tenantTransaction({ id: t.id, placement: 'pooled', databaseName: null }, async (db) => {
        // Idempotent: for tenants provisioned through the service it finds their owner.
        const userId = await seedIdentity(db, t.id, p.modules, { email: t.email, name: `Owner of ${t.slug}`, passwordHash });
        const rows = memberRows(t.id, t.slug, params.membersPerTenant);
        // Batches stay under PostgreSQL's 65,535 parameters per statement.
        for (const batch of chunks(rows, 5_000)) await testDb(db).insertInto('members').values(batch).execute();
        // A real session, as a sign-in starts one: every request checks its token's session lives.
        const { familyId } = await new RefreshTokens(db, 'refresh_tokens', { ttlSeconds: config.refreshTokenTtl, sessionSeconds: config.sessionLifetime, tenantId: t.id }).start(userId);
        return { userId, sessionId: familyId, members: rows.map((r) => r.id) };
      }),
    );
    timings.identityAndMembersSeconds = seconds(t0);

    t0 = process.hrtime.bigint();
    fixture = {
      tenants: await mapLimit(tenants, 16, async (t, i) => {
        const { token } = await p.tokens.issueAccess({ sub: seeded[i]!.userId, aud: 'courtyard:tenant', tid: t.id, roles: ['owner'], sid: seeded[i]!.sessionId });
        return { id: t.id, slug: t.slug, authorization: `Bearer ${token}`, members: seeded[i]!.members };
      }),
      seeding: timings,
    };
    timings.tokensSeconds = seconds(t0);

    await proveThePath(p, fixture, serviceCount > 0 ? tenants[0]! : null);
    log(`  seeded ${fixture.tenants.length} tenants (${serviceCount} through TenantsService), ${fixture.tenants.length * params.membersPerTenant} members`);
    await options.extend?.(p, fixture);
  } finally {
    await p.close();
  }

  const t1 = process.hrtime.bigint();
  await env.admin.query('VACUUM ANALYZE');
  timings.vacuumAnalyzeSeconds = seconds(t1);
  const counts = await env.admin.query<{ tenants: number; members: number; licences: number; users: number }>(
    `SELECT (SELECT count(*) FROM control.tenants WHERE status = 'active')::int AS tenants,
            (SELECT count(*) FROM members)::int AS members,
            (SELECT count(DISTINCT tenant_id) FROM control.licences)::int AS licences,
            (SELECT count(*) FROM users WHERE member_id IS NULL)::int AS users`,
  );
  const c = counts.rows[0]!;
  if (c.tenants !== params.tenants || c.members !== params.tenants * params.membersPerTenant || c.licences !== params.tenants || c.users !== params.tenants) {
    throw new Error(`seeding is incomplete: ${JSON.stringify(c)}`);
  }
  return fixture;
}

/** A few requests through the real pipeline (in process) before anything is measured. */
async function proveThePath(p: Platform, fixture: MembersFixture, serviceTenant: { slug: string; email: string } | null) {
  const [first, second] = [fixture.tenants.at(-1)!, fixture.tenants.at(-2) ?? fixture.tenants.at(-1)!];
  if (first.members.length > 0) {
    const ok = await p.app.inject({ method: 'GET', url: `/api/v1/members/${first.members[0]}`, headers: { authorization: first.authorization, 'x-tenant-id': first.id } });
    if (ok.statusCode !== 200) throw new Error(`a seeded member is not readable through the pipeline: ${ok.statusCode} ${ok.body}`);
    if (second !== first && second.members.length > 0) {
      const other = await p.app.inject({ method: 'GET', url: `/api/v1/members/${second.members[0]}`, headers: { authorization: first.authorization, 'x-tenant-id': first.id } });
      if (other.statusCode !== 404) throw new Error(`another tenant's member is visible: ${other.statusCode}`);
    }
  }
  if (serviceTenant) {
    const login = await p.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'x-tenant-id': serviceTenant.slug }, payload: { email: serviceTenant.email, password: PASSWORD } });
    if (login.statusCode !== 200) throw new Error(`the owner of ${serviceTenant.slug} cannot sign in: ${login.statusCode} ${login.body}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Requests

/** GET one member of a tenant drawn uniformly at random from `tenants`. */
export const readOneOf = (tenants: readonly BenchTenant[]): BenchRequest => {
  const t = pick(tenants);
  return { method: 'GET', path: `/api/v1/members/${pick(t.members)}`, headers: { authorization: t.authorization, 'x-tenant-id': t.id } };
};

const readOne = (f: MembersFixture): BenchRequest => readOneOf(f.tenants);

const listPage = (f: MembersFixture): BenchRequest => {
  const t = pick(f.tenants);
  return { method: 'GET', path: '/api/v1/members?limit=50', headers: { authorization: t.authorization, 'x-tenant-id': t.id } };
};

let created = 0;
/** POST /api/v1/members for a random tenant: a new member, and a member.created event. */
export const createOne = (f: MembersFixture): BenchRequest => {
  const t = pick(f.tenants);
  const n = created++;
  const first = FIRST[n % FIRST.length]!;
  const last = LAST[(n * 5) % LAST.length]!;
  return {
    method: 'POST',
    path: '/api/v1/members',
    headers: { authorization: t.authorization, 'x-tenant-id': t.id, 'content-type': 'application/json' },
    body: JSON.stringify({ firstName: first, lastName: last, type: TYPES[n % TYPES.length], email: `${first}.${n}@new.example`.toLowerCase(), phone: '+44 20 7946 0000' }),
  };
};

// ---------------------------------------------------------------------------------------------
// Checks: one request each, before the load, so a misconfigured server fails loudly.

async function send(baseUrl: string, r: BenchRequest) {
  const res = await fetch(baseUrl + r.path, { method: r.method, headers: r.headers, ...(r.body ? { body: r.body } : {}) });
  return { status: res.status, body: (await res.json().catch(() => null)) as Record<string, unknown> | null };
}

export async function checkReadOne(f: MembersFixture, baseUrl: string) {
  const [a, b] = [f.tenants[0]!, f.tenants[1] ?? f.tenants[0]!];
  const id = a.members[0]!;
  const own = await send(baseUrl, { method: 'GET', path: `/api/v1/members/${id}`, headers: { authorization: a.authorization, 'x-tenant-id': a.id } });
  if (own.status !== 200 || own.body?.id !== id) throw new Error(`GET member answered ${own.status} ${JSON.stringify(own.body)}`);
  if (b !== a) {
    const foreign = await send(baseUrl, { method: 'GET', path: `/api/v1/members/${b.members[0]}`, headers: { authorization: a.authorization, 'x-tenant-id': a.id } });
    if (foreign.status !== 404) throw new Error(`another tenant's member answered ${foreign.status}, expected 404`);
  }
}

async function checkList(f: MembersFixture, baseUrl: string) {
  const res = await send(baseUrl, listPage(f));
  const expected = Math.min(50, f.tenants[0]!.members.length);
  if (res.status !== 200 || !Array.isArray(res.body?.data) || (res.body.data as unknown[]).length < expected) throw new Error(`list answered ${res.status} with ${JSON.stringify(res.body).slice(0, 200)}`);
}

async function checkCreate(f: MembersFixture, baseUrl: string) {
  const res = await send(baseUrl, createOne(f));
  if (res.status !== 201 || typeof res.body?.id !== 'string') throw new Error(`create answered ${res.status} ${JSON.stringify(res.body)}`);
}

const scenarios: Scenario<MembersFixture>[] = [
  { id: 'b', key: 'members.get.floor', title: 'GET member, bare Fastify + pg, no RLS (floor)', server: { kind: 'bare', mode: 'floor' }, request: readOne, check: checkReadOne },
  { id: 'c', key: 'members.get.tenant-tx', title: 'GET member, bare Fastify + pg, 4-round-trip tenant tx', server: { kind: 'bare', mode: 'tx' }, request: readOne, check: checkReadOne },
  { id: 'a', key: 'members.get.pipeline', title: 'GET /api/v1/members/{id}, whole pipeline', server: { kind: 'platform' }, request: readOne, check: checkReadOne },
  { id: 'd', key: 'members.list.pipeline', title: 'GET /api/v1/members?limit=50, whole pipeline', server: { kind: 'platform' }, request: listPage, check: checkList },
  // Last: it adds members, which the other scenarios must not see.
  { id: 'e', key: 'members.create.pipeline', title: 'POST /api/v1/members, whole pipeline', server: { kind: 'platform' }, request: createOne, check: checkCreate },
];

export const membersSuite: Suite<MembersFixture> = {
  name: 'members',
  description: 'Members API through the whole pipeline against bare Fastify + pg baselines',
  seed: (env) => seedMembers(env),
  describeFixture: (f) => ({
    tenants: f.tenants.length,
    membersPerTenant: f.tenants[0]?.members.length ?? 0,
    seedingSeconds: Object.fromEntries(Object.entries(f.seeding).map(([k, v]) => [k.replace(/Seconds$/, ''), Math.round(v * 100) / 100])),
  }),
  scenarios,
  ratios: [
    { name: '(a)/(b)', numerator: 'a', denominator: 'b', stretch: 0.6 },
    { name: '(a)/(c)', numerator: 'a', denominator: 'c', target: 1.0 },
    { name: '(c)/(b)', numerator: 'c', denominator: 'b' },
    { name: '(d)/(a)', numerator: 'd', denominator: 'a', target: 0.7 },
    { name: '(e)/(a)', numerator: 'e', denominator: 'a', target: 0.5 },
  ],
};
