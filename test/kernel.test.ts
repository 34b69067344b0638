import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CompactSign, importPKCS8 } from 'jose';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, configMarkdown, loadConfig, settings } from '../src/kernel/config.js';
import { openPglite, openPostgres, type Database } from '../src/kernel/db/database.js';
import { loadMigrations, migrate, pendingMigrations } from '../src/kernel/db/migrations.js';
import { AppError } from '../src/kernel/errors.js';
import { generateLicenceKeyPair, LicenceSigner, LicenceVerifier, type LicenceClaims } from '../src/kernel/security/licence.js';
import { testDatabaseName } from './helpers.js';

/** What `fn` threw (it must throw). */
function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('configuration', () => {
  it('uses the documented default of every setting when the environment is empty', () => {
    const config = loadConfig({});
    for (const [key, setting] of Object.entries(settings) as [keyof typeof settings, { default?: unknown }][]) {
      if (key === 'dataDir') continue;
      expect(config[key], key).toEqual(setting.default);
    }
    expect(config.dataDir).toBe(resolve('./data'));
    expect(config).toMatchObject({ port: 3000, host: '127.0.0.1', baseDomain: 'localhost', logLevel: 'info', trustProxy: false, bodyLimit: 1_048_576 });
    expect(config.databaseUrl).toBeUndefined();
    expect(config.redisUrl).toBeUndefined();
    expect(config.adminPassword).toBeUndefined();
  });

  it('parses the values it is given, and treats an empty value as unset', () => {
    const config = loadConfig({
      PORT: '8080',
      COURTYARD_TRUST_PROXY: 'yes',
      COURTYARD_ADMIN_EMAIL: 'Ops@Example.test',
      DATABASE_URL: 'postgresql://app@db.internal:5432/courtyard',
      REDIS_URL: 'redis://cache:6379',
      COURTYARD_BASE_DOMAIN: 'Courtyard.Example',
      COURTYARD_DATA_DIR: '',
    });
    expect(config).toMatchObject({ port: 8080, trustProxy: true, adminEmail: 'ops@example.test', databaseUrl: 'postgresql://app@db.internal:5432/courtyard', redisUrl: 'redis://cache:6379', baseDomain: 'courtyard.example' });
    expect(config.dataDir).toBe(resolve('./data'));
  });

  it('refuses a port that is not a number with an error naming PORT', () => {
    const error = thrown(() => loadConfig({ PORT: 'abc' }));
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).variable).toBe('PORT');
    expect((error as ConfigError).message).toMatch(/^PORT: .*abc/);
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/^PORT: /);
    expect(() => loadConfig({ PORT: '80.5' })).toThrow(ConfigError);
  });

  it('refuses a database URL that is not PostgreSQL with an error naming DATABASE_URL', () => {
    const error = thrown(() => loadConfig({ DATABASE_URL: 'mysql://x' }));
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).variable).toBe('DATABASE_URL');
    expect((error as Error).message).toMatch(/^DATABASE_URL: /);
    expect(() => loadConfig({ DATABASE_URL: 'not a url' })).toThrow(/^DATABASE_URL: /);
  });

  it('refuses an administrator password shorter than 12 characters', () => {
    const error = thrown(() => loadConfig({ COURTYARD_ADMIN_PASSWORD: 'short-pass' }));
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).variable).toBe('COURTYARD_ADMIN_PASSWORD');
    expect(loadConfig({ COURTYARD_ADMIN_PASSWORD: 'twelve-chars' }).adminPassword).toBe('twelve-chars');
  });

  it('refuses other wrong values naming their variable', () => {
    const cases: Record<string, string> = {
      LOG_LEVEL: 'loud',
      COURTYARD_TRUST_PROXY: 'maybe',
      COURTYARD_ADMIN_EMAIL: 'not-an-email',
      REDIS_URL: 'http://cache:6379',
      COURTYARD_TOKEN_SECRET: 'too-short',
      COURTYARD_BODY_LIMIT: '10',
      COURTYARD_BASE_DOMAIN: 'bad domain',
    };
    for (const [variable, value] of Object.entries(cases)) {
      const error = thrown(() => loadConfig({ [variable]: value }));
      expect(error, variable).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).variable).toBe(variable);
    }
  });

  it('lists every variable in the Markdown configuration table', () => {
    const markdown = configMarkdown();
    const lines = markdown.split('\n');
    expect(lines[0]).toBe('| variable | default | meaning |');
    expect(lines).toHaveLength(Object.keys(settings).length + 2);
    for (const setting of Object.values(settings)) {
      const row = lines.find((l) => l.startsWith(`| \`${setting.env}\` |`));
      expect(row, setting.env).toBeDefined();
      expect(row).toContain(setting.description);
    }
    expect(markdown).toContain('| `PORT` | `3000` |');
    expect(markdown).toContain('| `DATABASE_URL` | — |');
  });
});

// ---------------------------------------------------------------------------------------------

interface TestDatabase {
  db: Database;
  /** A second, independent connection pool to the same database (PostgreSQL only). */
  another?: () => Database;
  dispose(): Promise<void>;
}

interface Target {
  name: string;
  open(): Promise<TestDatabase>;
}

const pgliteTarget: Target = {
  name: 'PGlite',
  async open() {
    const db = await openPglite(undefined);
    return { db, dispose: () => db.close() };
  },
};

function postgresTarget(base: string): Target {
  return {
    name: 'PostgreSQL',
    async open() {
      const name = testDatabaseName();
      const admin = new pg.Client({ connectionString: base });
      await admin.connect();
      await admin.query(`CREATE DATABASE "${name}"`);
      await admin.end();
      const url = new URL(base);
      url.pathname = `/${name}`;
      const opened: Database[] = [];
      const open = () => {
        const db = openPostgres(url.toString(), 3);
        opened.push(db);
        return db;
      };
      return {
        db: open(),
        another: open,
        async dispose() {
          for (const db of opened) await db.close();
          const c = new pg.Client({ connectionString: base });
          await c.connect();
          await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
          await c.end();
        },
      };
    },
  };
}

const folders: string[] = [];
afterAll(async () => {
  for (const dir of folders) await rm(dir, { recursive: true, force: true });
});

/** A temporary folder of migration files; returns a writer to change or add files later. */
async function migrationFolder(owner: string, files: Record<string, string>) {
  const dir = await mkdtemp(join(tmpdir(), 'courtyard-migrations-'));
  folders.push(dir);
  const write = async (more: Record<string, string>) => {
    for (const [file, sql] of Object.entries(more)) await writeFile(join(dir, file), sql);
  };
  await write(files);
  return { write, load: () => loadMigrations([{ owner, dir: pathToFileURL(`${dir}/`) }]) };
}

const query = <R = Record<string, unknown>>(db: Database, text: string, params?: unknown[]) => db.session((s) => s.query<R>(text, params));
const exists = async (db: Database, table: string) => (await query<{ t: string | null }>(db, `SELECT to_regclass($1)::text AS t`, [table]))[0]!.t !== null;
const recorded = async (db: Database, owner: string) => (await query<{ id: string }>(db, `SELECT id FROM courtyard.schema_migrations WHERE id LIKE $1 ORDER BY id`, [`${owner}/%`])).map((r) => r.id);

const targets: Target[] = [pgliteTarget, ...(process.env.DATABASE_URL ? [postgresTarget(process.env.DATABASE_URL)] : [])];

for (const target of targets) {
  describe(`migrations on ${target.name}`, () => {
    // One database for the block; each test owns its migration namespace and tables.
    let shared: TestDatabase | undefined;
    beforeAll(async () => {
      shared = await target.open();
    });
    afterAll(() => shared?.dispose());
    const withDatabase = (fn: (t: TestDatabase) => Promise<void>) => () => fn(shared!);

    it('applies a set of migrations once however often it runs, and later only the new ones', withDatabase(async ({ db }) => {
      const folder = await migrationFolder('once', {
        '0001_things.sql': 'CREATE TABLE once_things (id int PRIMARY KEY);',
        '0002_seed.sql': 'INSERT INTO once_things VALUES (1), (2);',
        'README.md': 'not a migration',
        '0003-bad-name.sql': 'SELECT 1/0;',
      });
      const migrations = await folder.load();
      expect(migrations.map((m) => m.id)).toEqual(['once/0001_things', 'once/0002_seed']);
      expect(await pendingMigrations(db, migrations)).toEqual(['once/0001_things', 'once/0002_seed']);

      expect(await migrate(db, 'control', migrations)).toEqual(['once/0001_things', 'once/0002_seed']);
      expect(await migrate(db, 'control', migrations)).toEqual([]);
      expect(await migrate(db, 'control', await folder.load())).toEqual([]);
      expect((await query<{ n: number }>(db, 'SELECT count(*)::int AS n FROM once_things'))[0]!.n).toBe(2);
      expect(await recorded(db, 'once')).toEqual(['once/0001_things', 'once/0002_seed']);
      expect(await pendingMigrations(db, migrations)).toEqual([]);

      await folder.write({ '0003_more.sql': 'INSERT INTO once_things VALUES (3);' });
      const more = await folder.load();
      expect(await pendingMigrations(db, more)).toEqual(['once/0003_more']);
      expect(await migrate(db, 'control', more)).toEqual(['once/0003_more']);
      expect((await query<{ n: number }>(db, 'SELECT count(*)::int AS n FROM once_things'))[0]!.n).toBe(3);
    }));

    it('refuses to run when an applied migration was changed afterwards', withDatabase(async ({ db }) => {
      const folder = await migrationFolder('changed', { '0001_things.sql': 'CREATE TABLE changed_things (id int PRIMARY KEY);' });
      await migrate(db, 'control', await folder.load());
      await folder.write({
        '0001_things.sql': 'CREATE TABLE changed_things (id int PRIMARY KEY, name text);',
        '0002_other.sql': 'CREATE TABLE changed_other (id int);',
      });
      await expect(migrate(db, 'control', await folder.load())).rejects.toThrow('migration changed/0001_things was changed after it was applied; add a new migration instead');
      expect(await exists(db, 'changed_other')).toBe(false);
      expect(await recorded(db, 'changed')).toEqual(['changed/0001_things']);
    }));

    it('rolls a failing migration back, records nothing of it, and applies it once it is fixed', withDatabase(async ({ db }) => {
      const folder = await migrationFolder('failing', {
        '0001_good.sql': 'CREATE TABLE failing_good (id int);',
        '0002_broken.sql': 'CREATE TABLE failing_half (id int);\nINSERT INTO failing_half VALUES (1);\nSELECT 1/0;',
        '0003_after.sql': 'CREATE TABLE failing_after (id int);',
      });
      const error = await migrate(db, 'control', await folder.load()).then(
        () => undefined,
        (e: Error) => e,
      );
      expect(error?.message).toMatch(/^migration failing\/0002_broken failed: division by zero/);
      expect(await exists(db, 'failing_good')).toBe(true);
      expect(await exists(db, 'failing_half')).toBe(false);
      expect(await exists(db, 'failing_after')).toBe(false);
      expect(await recorded(db, 'failing')).toEqual(['failing/0001_good']);
      expect(await pendingMigrations(db, await folder.load())).toEqual(['failing/0002_broken', 'failing/0003_after']);

      // Nothing was recorded, so fixing the file is allowed; the lock was released.
      await folder.write({ '0002_broken.sql': 'CREATE TABLE failing_half (id int);\nINSERT INTO failing_half VALUES (1);' });
      expect(await migrate(db, 'control', await folder.load())).toEqual(['failing/0002_broken', 'failing/0003_after']);
      expect((await query<{ n: number }>(db, 'SELECT count(*)::int AS n FROM failing_half'))[0]!.n).toBe(1);
    }));

    const concurrent: [string, () => Promise<void>][] =
      target.name === 'PostgreSQL'
        ? [
            [
              'applies each migration once when several migrators run at the same time',
              withDatabase(async ({ another }) => {
                const files: Record<string, string> = { '0000_log.sql': 'CREATE TABLE racing_applied (id text);' };
                for (let i = 1; i <= 6; i++) files[`000${i}_step.sql`] = `CREATE TABLE racing_step_${i} (id int);\nINSERT INTO racing_applied VALUES ('${i}');\nSELECT pg_sleep(0.02);`;
                const folder = await migrationFolder('racing', files);
                const migrations = await folder.load();
                // Independent pools, as separate processes would have.
                const migrators = Array.from({ length: 4 }, () => another!());
                const results = await Promise.all(migrators.map((db) => migrate(db, 'control', migrations)));
                expect(results.flat().sort()).toEqual(migrations.map((m) => m.id).sort());
                const db = migrators[0]!;
                expect((await query<{ id: string }>(db, 'SELECT id FROM racing_applied ORDER BY id')).map((r) => r.id)).toEqual(['1', '2', '3', '4', '5', '6']);
                expect(await recorded(db, 'racing')).toEqual(migrations.map((m) => m.id));
              }),
            ],
          ]
        : [];
    for (const [name, fn] of concurrent) it(name, fn);
  });
}

// ---------------------------------------------------------------------------------------------

describe('licences', async () => {
  const keys = generateLicenceKeyPair();
  const signer = await LicenceSigner.fromPem(keys.privateKey);
  const verifier = await LicenceVerifier.fromPem(keys.publicKey);
  const tenantId = randomUUID();
  const now = Math.floor(Date.now() / 1000);
  const DAY = 86_400;

  const licence = (overrides: Partial<Omit<LicenceClaims, 'iss' | 'jti' | 'iat'>> = {}) =>
    signer.sign({
      sub: tenantId,
      tenant: 'oak',
      plan: 'standard',
      modules: ['members'],
      limits: { members: 5000, users: 50, storageMb: null },
      nbf: now - 60,
      exp: now + 30 * DAY,
      grace: 14 * DAY,
      ...overrides,
    });

  async function refusal(promise: Promise<unknown>): Promise<AppError> {
    const error = await promise.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }

  it('verifies a valid licence and returns its claims', async () => {
    const { jws, claims } = await licence();
    const verified = await verifier.verify(jws, tenantId);
    expect(verified.state).toBe('valid');
    expect(verified.claims).toEqual(claims);
    expect(verified.claims).toMatchObject({ iss: 'courtyard', sub: tenantId, plan: 'standard', modules: ['members'], limits: { members: 5000, users: 50, storageMb: null } });
    expect(verified.claims.jti).toMatch(/^[0-9a-f-]{36}$/);
    expect(jws.split('.')).toHaveLength(3);
  });

  it('keeps an expired licence working in its grace period, up to its last second', async () => {
    const { jws, claims } = await licence();
    expect((await verifier.verify(jws, tenantId, claims.exp * 1000)).state).toBe('valid');
    expect((await verifier.verify(jws, tenantId, (claims.exp + 1) * 1000)).state).toBe('grace');
    expect((await verifier.verify(jws, tenantId, (claims.exp + claims.grace) * 1000)).state).toBe('grace');
    const past = await licence({ exp: now - DAY, grace: 14 * DAY });
    expect((await verifier.verify(past.jws, tenantId)).state).toBe('grace');
  });

  it('refuses a licence past its expiry and grace as licence_expired', async () => {
    const { jws, claims } = await licence();
    const error = await refusal(verifier.verify(jws, tenantId, (claims.exp + claims.grace + 1) * 1000));
    expect(error.code).toBe('licence_expired');
    expect(error.status).toBe(403);
    const noGrace = await licence({ exp: now - 10, grace: 0 });
    expect((await refusal(verifier.verify(noGrace.jws, tenantId))).code).toBe('licence_expired');
  });

  it('refuses a licence that is not valid yet', async () => {
    const { jws } = await licence({ nbf: now + DAY });
    const error = await refusal(verifier.verify(jws, tenantId));
    expect(error.code).toBe('licence_invalid');
    expect(error.message).toMatch(/not valid yet/);
  });

  it('refuses a licence whose payload was tampered with', async () => {
    const { jws, claims } = await licence();
    const [header, , signature] = jws.split('.');
    const richer = { ...claims, modules: ['members', 'finance'], limits: { members: null, users: null, storageMb: null } };
    const tampered = [header, Buffer.from(JSON.stringify(richer)).toString('base64url'), signature].join('.');
    const error = await refusal(verifier.verify(tampered, tenantId));
    expect(error.code).toBe('licence_invalid');
    expect(error.message).toMatch(/signature/);
    // The genuine licence still verifies.
    expect((await verifier.verify(jws, tenantId)).claims.modules).toEqual(['members']);
  });

  it('refuses a licence signed with a foreign key', async () => {
    const foreign = await LicenceSigner.fromPem(generateLicenceKeyPair().privateKey);
    const { jws } = await foreign.sign({ sub: tenantId, tenant: 'oak', plan: 'standard', modules: ['members'], limits: { members: null, users: null, storageMb: null }, nbf: now - 60, exp: now + DAY, grace: 0 });
    expect((await refusal(verifier.verify(jws, tenantId))).code).toBe('licence_invalid');
  });

  it('refuses a licence issued for another tenant, also after it verified for its own', async () => {
    const { jws } = await licence();
    expect((await verifier.verify(jws, tenantId)).state).toBe('valid');
    const error = await refusal(verifier.verify(jws, randomUUID()));
    expect(error.code).toBe('licence_invalid');
    expect(error.message).toMatch(/another tenant/);
  });

  it('refuses a missing licence and a token of the right key that is no licence', async () => {
    expect((await refusal(verifier.verify(null, tenantId))).code).toBe('licence_invalid');
    expect((await refusal(verifier.verify('', tenantId))).code).toBe('licence_invalid');
    expect((await refusal(verifier.verify('not.a.licence', tenantId))).code).toBe('licence_invalid');
    const key = await importPKCS8(keys.privateKey, 'EdDSA');
    const { claims } = await licence();
    const other = await new CompactSign(new TextEncoder().encode(JSON.stringify(claims))).setProtectedHeader({ alg: 'EdDSA', typ: 'JWT' }).sign(key);
    expect((await refusal(verifier.verify(other, tenantId))).code).toBe('licence_invalid');
  });
});
