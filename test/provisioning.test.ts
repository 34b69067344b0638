import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decidePlacement } from '../src/control/provisioning/placement.js';
import { openPglite, openPostgres, type Database } from '../src/kernel/db/database.js';
import { TENANT_PASSWORD, startPlatform, type TestPlatform, type TestTenant } from './helpers.js';
import { testDb } from './test-db.js';

describe('the placement policy', () => {
  const base = { plan: 'standard', compliance: [] as string[], region: 'default' };

  it('places a tenant in the shared pool by default', () => {
    expect(decidePlacement(base)).toEqual({ placement: 'pooled', reason: 'default' });
    expect(decidePlacement({ ...base, compliance: ['gdpr'], expectedMembers: 49_999 })).toEqual({ placement: 'pooled', reason: 'default' });
  });

  it('gives a tenant whose compliance needs isolation a dedicated database', () => {
    expect(decidePlacement({ ...base, compliance: ['gdpr', 'hipaa'] })).toEqual({ placement: 'dedicated', reason: 'compliance: hipaa' });
  });

  it('gives an enterprise tenant a dedicated database', () => {
    expect(decidePlacement({ ...base, plan: 'enterprise' })).toEqual({ placement: 'dedicated', reason: 'plan: enterprise' });
  });

  it('gives a tenant expecting 50,000 members or more a dedicated database', () => {
    expect(decidePlacement({ ...base, expectedMembers: 50_000 })).toEqual({ placement: 'dedicated', reason: 'scale: 50000 expected members' });
  });

  it('lets an explicit placement win over every rule', () => {
    expect(decidePlacement({ ...base, placement: 'pooled', plan: 'enterprise', compliance: ['hipaa'], expectedMembers: 1_000_000 })).toEqual({ placement: 'pooled', reason: 'requested' });
    expect(decidePlacement({ ...base, placement: 'dedicated' })).toEqual({ placement: 'dedicated', reason: 'requested' });
  });

  it('applies the rules in order: compliance before plan before scale', () => {
    expect(decidePlacement({ ...base, plan: 'enterprise', compliance: ['pci-dss'], expectedMembers: 60_000 }).reason).toBe('compliance: pci-dss');
    expect(decidePlacement({ ...base, plan: 'enterprise', expectedMembers: 60_000 }).reason).toBe('plan: enterprise');
  });
});

// One persistent platform for the rest of the file, so that it can be restarted on its data.
// The seam fails the tenants named 'flaky…' at one step until `healed`.
let healed = false;
const failAt: Record<string, string> = { flaky: 'modules', 'flaky-dedicated': 'schema' };
const seam = { beforeProvisioningStep: (step: string, slug: string) => { if (!healed && failAt[slug] === step) throw new Error('simulated outage'); } };

async function healedWhile<T>(fn: () => Promise<T>): Promise<T> {
  healed = true;
  try {
    return await fn();
  } finally {
    healed = false;
  }
}

let t: TestPlatform;
let token: string;
let oak: TestTenant;

beforeAll(async () => {
  t = await startPlatform({ persistent: true, platform: seam });
  token = await t.platformToken();
  oak = await t.createTenant('oak');
});
afterAll(async () => {
  // The restart tests close the platform themselves; the database goes in any case.
  await t?.platform.close().catch(() => undefined);
  await t?.database.dispose();
});

const control = (method: 'GET' | 'POST', url: string, body?: unknown) => t.call(method, `/control/v1${url}`, { token, ...(body !== undefined ? { body } : {}) });

const databaseNameOf = async (tenantId: string): Promise<string> => {
  const { databaseName } = await testDb(t.platform.main.kysely).selectFrom('control.tenants').select('databaseName').where('id', '=', tenantId).executeTakeFirstOrThrow();
  if (databaseName === null) throw new Error(`tenant ${tenantId} has no database of its own`);
  return databaseName;
};

/** Whether a dedicated database exists: in the server's catalogue, or as a PGlite data dir. */
async function dedicatedExists(name: string): Promise<boolean> {
  if (t.platform.main.kind === 'pglite') return existsSync(join(t.config.dataDir, 'tenants', name, 'PG_VERSION'));
  const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_database WHERE datname = ${name}`.execute(t.platform.main.kysely);
  return rows[0]!.n === 1;
}

/** Opens a dedicated database directly, as an operator would with the platform stopped. */
function openDedicated(name: string): Promise<Database> | Database {
  if (!t.config.databaseUrl) return openPglite(join(t.config.dataDir, 'tenants', name), name);
  const url = new URL(t.config.databaseUrl);
  url.pathname = `/${name}`;
  return openPostgres(url.toString(), 1);
}

const member = (lastName: string) => ({ firstName: 'Ada', lastName, type: 'owner', email: `${lastName.toLowerCase()}@maple.test` });

describe('a dedicated tenant', () => {
  let maple: TestTenant;
  let databaseName: string;
  const memberIds: string[] = [];

  beforeAll(async () => {
    maple = await t.createTenant('maple', { placement: 'dedicated' });
    databaseName = await databaseNameOf(maple.id);
  });

  it('is provisioned into a database of its own', async () => {
    expect(maple.body).toMatchObject({ status: 'active', placement: 'dedicated', placementReason: 'requested' });
    expect(databaseName).toBe(`${t.platform.main.name.slice(0, 28).toLowerCase().replace(/[^a-z0-9_]/g, '_')}_t_${maple.id.replaceAll('-', '')}`);
    expect(await dedicatedExists(databaseName)).toBe(true);
    expect(await dedicatedExists(`${databaseName}x`)).toBe(false);
  });

  it('keeps its members in its own database and none in the main one', async () => {
    for (const name of ['Birch', 'Rowan', 'Hazel']) {
      const res = await t.call('POST', '/api/v1/members', { token: maple.token, tenant: 'maple', body: member(name) });
      expect(res.statusCode).toBe(201);
      memberIds.push(res.json().id);
    }
    const listed = (await t.call('GET', '/api/v1/members', { token: maple.token, tenant: 'maple' })).json();
    expect(listed.data.map((m: { lastName: string }) => m.lastName)).toEqual(['Birch', 'Hazel', 'Rowan']);

    // Both queries run as the database owner, which row-level security does not restrict.
    const inMain = await testDb(t.platform.main.kysely).selectFrom('members').select((eb) => eb.fn.countAll<number>().as('n')).where('tenantId', '=', maple.id).executeTakeFirstOrThrow();
    expect(Number(inMain.n)).toBe(0);
    const usersInMain = await testDb(t.platform.main.kysely).selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).where('tenantId', '=', maple.id).executeTakeFirstOrThrow();
    expect(Number(usersInMain.n)).toBe(0);
    const inDedicated = await t.platform.router.withDedicated(databaseName, (db) =>
      testDb(db.kysely).selectFrom('members').select(['tenantId', 'lastName']).orderBy('lastName').execute());
    expect(inDedicated).toEqual([
      { tenantId: maple.id, lastName: 'Birch' },
      { tenantId: maple.id, lastName: 'Hazel' },
      { tenantId: maple.id, lastName: 'Rowan' },
    ]);
  });

  it('is out of reach of a pooled tenant', async () => {
    const otherTenant = await t.call('GET', '/api/v1/members', { token: oak.token, tenant: 'maple' });
    expect(otherTenant.statusCode).toBe(403);
    expect(otherTenant.json().code).toBe('tenant_mismatch');
    const byId = await t.call('GET', `/api/v1/members/${memberIds[0]}`, { token: oak.token, tenant: 'oak' });
    expect(byId.statusCode).toBe(404);
    const own = (await t.call('GET', '/api/v1/members', { token: oak.token, tenant: 'oak' })).json();
    expect(own.data).toEqual([]);
    // Nor the other way round.
    const reverse = await t.call('GET', '/api/v1/members', { token: maple.token, tenant: 'oak' });
    expect(reverse.statusCode).toBe(403);
  });
});

describe('a provisioning failure', () => {
  it('leaves a pooled tenant failed at its step, refused by the data plane, until a retry completes it', async () => {
    const created = await control('POST', '/tenants', { slug: 'flaky', name: 'Flaky', plan: 'standard', admin: { email: 'owner@flaky.test', name: 'Owner', password: TENANT_PASSWORD } });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ status: 'failed', provisioning: { failedStep: 'modules', error: 'simulated outage', attempts: 1, completed: ['database', 'schema'] } });

    const login = await t.call('POST', '/api/v1/auth/login', { tenant: 'flaky', body: { email: 'owner@flaky.test', password: TENANT_PASSWORD } });
    expect(login.statusCode).toBe(503);
    expect(login.json().code).toBe('tenant_not_ready');
    const shown = (await control('GET', '/tenants/flaky')).json();
    expect(shown).toMatchObject({ status: 'failed', provisioning: { failedStep: 'modules', error: 'simulated outage' } });
    expect((await control('GET', '/tenants?status=failed')).json().data.map((x: { slug: string }) => x.slug)).toEqual(['flaky']);
    expect((await control('GET', '/tenants/flaky/licence')).statusCode).toBe(404);

    // Still broken: the retry fails at the same step and counts the attempt.
    const stillBroken = await control('POST', '/tenants/flaky/provision');
    expect(stillBroken.statusCode).toBe(200);
    expect(stillBroken.json()).toMatchObject({ status: 'failed', provisioning: { failedStep: 'modules', attempts: 2 } });

    // Two retries at once: one runs the workflow, the other is told it is under way.
    const [first, second] = await healedWhile(() => Promise.all([control('POST', '/tenants/flaky/provision'), control('POST', '/tenants/flaky/provision')]));
    expect([first.statusCode, second.statusCode].sort()).toEqual([200, 409]);
    const retried = first.statusCode === 200 ? first : second;
    expect(retried.json().status).toBe('active');
    expect(retried.json().provisioning).toMatchObject({ attempts: 3, completed: ['database', 'schema', 'modules', 'licence', 'activate'] });
    expect(retried.json().provisioning.failedStep).toBeUndefined();
    expect(retried.json().provisioning.error).toBeUndefined();
    const tokens = await t.login('flaky', 'owner@flaky.test');
    expect((await t.call('GET', '/api/v1/members', { token: tokens.accessToken, tenant: 'flaky' })).statusCode).toBe(200);

    const again = await control('POST', '/tenants/flaky/provision');
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('control.provisioning_not_failed');
    const unknown = await control('POST', '/tenants/no-such-tenant/provision');
    expect(unknown.statusCode).toBe(404);

    const audit = await testDb(t.platform.main.kysely).selectFrom('control.auditLog').select('action').where('target', '=', created.json().id).orderBy('seq').execute();
    expect(audit.map((a) => a.action)).toEqual(['tenant.created', 'tenant.provisioning_failed', 'tenant.provisioning_failed', 'licence.issued', 'tenant.provisioned']);
  });

  it('resumes a dedicated tenant after its database was created, without creating it again', async () => {
    const created = await control('POST', '/tenants', { slug: 'flaky-dedicated', name: 'Flaky dedicated', plan: 'enterprise', admin: { email: 'owner@flaky-dedicated.test', name: 'Owner', password: TENANT_PASSWORD } });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ status: 'failed', placement: 'dedicated', placementReason: 'plan: enterprise', provisioning: { failedStep: 'schema', completed: ['database'], attempts: 1 } });
    const name = await databaseNameOf(created.json().id);
    expect(await dedicatedExists(name)).toBe(t.platform.main.kind === 'postgres'); // a PGlite data dir appears when first opened
    // Creating a dedicated database is idempotent, whichever step a retry resumes from.
    await t.platform.router.createDedicated(name);

    const retried = await healedWhile(() => control('POST', '/tenants/flaky-dedicated/provision'));
    expect(retried.statusCode).toBe(200);
    expect(retried.json()).toMatchObject({ status: 'active', provisioning: { attempts: 2, completed: ['database', 'schema', 'modules', 'licence', 'activate'] } });
    expect(await dedicatedExists(name)).toBe(true);

    const tokens = await t.login('flaky-dedicated', 'owner@flaky-dedicated.test');
    const res = await t.call('POST', '/api/v1/members', { token: tokens.accessToken, tenant: 'flaky-dedicated', body: member('Alder') });
    expect(res.statusCode).toBe(201);
    const users = await t.platform.router.withDedicated(name, (db) => testDb(db.kysely).selectFrom('users').select('email').execute());
    expect(users).toEqual([{ email: 'owner@flaky-dedicated.test' }]);
  });

  it('keeps the slug of a failed tenant taken, and archives a failed tenant for good', async () => {
    const created = await control('POST', '/tenants', { slug: 'flaky', name: 'Taken', plan: 'standard', admin: { email: 'x@flaky.test', name: 'X' } });
    expect(created.statusCode).toBe(409);
    const failed = await control('POST', '/tenants', { slug: 'flaky-dedicated', name: 'Taken', plan: 'standard', admin: { email: 'x@flaky.test', name: 'X' } });
    expect(failed.statusCode).toBe(409);

    failAt['flaky-two'] = 'licence';
    const two = await control('POST', '/tenants', { slug: 'flaky-two', name: 'Flaky two', plan: 'standard', admin: { email: 'owner@flaky-two.test', name: 'Owner' } });
    expect(two.json()).toMatchObject({ status: 'failed', provisioning: { failedStep: 'licence' } });
    const archived = await control('POST', '/tenants/flaky-two/archive');
    expect(archived.statusCode).toBe(200);
    expect(archived.json().status).toBe('archived');
    const retry = await control('POST', '/tenants/flaky-two/provision');
    expect(retry.statusCode).toBe(409);
  });
});

describe('a restart', () => {
  it('migrates and checks the dedicated databases again, and they still serve their data', async () => {
    const mapleId = (await control('GET', '/tenants/maple')).json().id as string;
    const name = await databaseNameOf(mapleId);
    const ledger = await t.platform.router.withDedicated(name, (db) => testDb(db.kysely).selectFrom('courtyard.schemaMigrations').select(['id', 'checksum']).orderBy('id').execute());
    expect(ledger.map((m) => m.id)).toEqual(expect.arrayContaining(['core/0001_identity', 'members/0001_members']));

    // An edited migration in the dedicated database stops the start: the migrator ran there.
    const tamper = async (fn: (db: Database) => Promise<unknown>) => {
      const db = await openDedicated(name);
      try {
        await fn(db);
      } finally {
        await db.close();
      }
    };
    await t.platform.close();
    await tamper((db) => testDb(db.kysely).updateTable('courtyard.schemaMigrations').set({ checksum: 'edited' }).where('id', '=', 'members/0001_members').execute());
    await expect(startPlatform({ database: t.database })).rejects.toThrow(/migration members\/0001_members was changed/);

    // Lost isolation in the dedicated database stops the start too: the check ran there.
    await tamper(async (db) => {
      await testDb(db.kysely).updateTable('courtyard.schemaMigrations').set({ checksum: ledger.find((m) => m.id === 'members/0001_members')!.checksum }).where('id', '=', 'members/0001_members').execute();
      await sql`ALTER TABLE members NO FORCE ROW LEVEL SECURITY`.execute(db.kysely);
    });
    await expect(startPlatform({ database: t.database })).rejects.toThrow(new RegExp(`${name}: table members does not force row-level security`));

    await tamper((db) => sql`ALTER TABLE members FORCE ROW LEVEL SECURITY`.execute(db.kysely));
    t = await startPlatform({ database: t.database });
    token = await t.platformToken();

    const tokens = await t.login('maple', 'owner@maple.test');
    const listed = await t.call('GET', '/api/v1/members', { token: tokens.accessToken, tenant: 'maple' });
    expect(listed.statusCode).toBe(200);
    expect(listed.json().data.map((m: { lastName: string }) => m.lastName)).toEqual(['Birch', 'Hazel', 'Rowan']);
    const created = await t.call('POST', '/api/v1/members', { token: tokens.accessToken, tenant: 'maple', body: member('Yew') });
    expect(created.statusCode).toBe(201);
    const ready = await t.call('GET', '/health/ready');
    expect(ready.statusCode).toBe(200);

    // The pooled tenant and the healed one survived the restart too.
    expect((await t.call('GET', '/api/v1/me', { token: (await t.login('oak', oak.adminEmail)).accessToken, tenant: 'oak' })).statusCode).toBe(200);
    expect((await control('GET', '/tenants/flaky-dedicated')).json()).toMatchObject({ status: 'active', provisioning: { attempts: 2 } });
  });

  it('restarts through the harness on the same database', async () => {
    const before = (await control('GET', '/tenants?limit=100')).json().data.map((x: { slug: string }) => x.slug);
    t = await t.restart();
    token = await t.platformToken();
    const after = (await control('GET', '/tenants?limit=100')).json().data.map((x: { slug: string }) => x.slug);
    expect(after).toEqual(before);
    const tokens = await t.login('flaky-dedicated', 'owner@flaky-dedicated.test');
    const listed = (await t.call('GET', '/api/v1/members', { token: tokens.accessToken, tenant: 'flaky-dedicated' })).json();
    expect(listed.data.map((m: { lastName: string }) => m.lastName)).toEqual(['Alder']);
  });
});
