import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openMainDatabase } from '../src/platform-database.js';
import { openPglite, type Database } from '../src/kernel/db/database.js';
import { ensureAppRoleSql } from '../src/kernel/db/roles.js';
import { AppError, persisting } from '../src/kernel/errors.js';
import { newId } from '../src/kernel/ids.js';
import { startPlatform, testConfig, type TestDatabase, type TestPlatform } from './helpers.js';
import { testDb } from './test-db.js';

// The tenant-bound transaction on whichever database the suite runs on, through a pool of
// one connection so that every transaction reuses the connection the previous one left.
let t: TestPlatform;
let db: Database;
let store: TestDatabase;
const tenantA = newId();
const tenantB = newId();

beforeAll(async () => {
  t = await startPlatform(); // migrates the schema
  store = t.database;
  db = await openMainDatabase(testConfig({ ...store.overrides, poolMax: 1 }), false);
  if (db.kind === 'pglite') {
    // In-memory PGlite lives in its platform's process: use the platform's own database.
    await db.close();
    db = t.platform.main;
  }
});
afterAll(async () => {
  if (db && db !== t?.platform.main) await db.close();
  await t?.close();
});

const whoAmI = (trx: Parameters<Parameters<Database['tenantTransaction']>[1]>[0]) =>
  sql<{ role: string; tenant: string }>`SELECT current_user AS role, current_setting('courtyard.tenant_id', true) AS tenant`.execute(trx).then((r) => r.rows[0]!);

const insertMember = (trx: Parameters<Parameters<Database['tenantTransaction']>[1]>[0], tenantId: string, lastName: string) =>
  testDb(trx).insertInto('members').values({ tenantId, id: newId(), firstName: 'T', lastName, type: 'owner' }).execute();

describe('the tenant-bound transaction', () => {
  it('runs its very first statement as the application role with the tenant set', async () => {
    expect(await db.tenantTransaction(tenantA, whoAmI)).toEqual({ role: 'courtyard_app', tenant: tenantA });
    // Also when the first statement has no parameters.
    const viaRaw = await db.tenantTransaction(tenantB, (trx) => sql<{ tenant: string }>`SELECT current_setting('courtyard.tenant_id') AS tenant`.execute(trx));
    expect(viaRaw.rows[0]!.tenant).toBe(tenantB);
  });

  it('commits what it writes, and leaves the connection with neither role nor tenant', async () => {
    await db.tenantTransaction(tenantA, (trx) => insertMember(trx, tenantA, 'Committed'));
    const seen = await db.tenantTransaction(tenantA, (trx) => testDb(trx).selectFrom('members').select('lastName').where('lastName', '=', 'Committed').execute());
    expect(seen).toEqual([{ lastName: 'Committed' }]);
    const after = await db.session((s) => s.query<{ role: string; tenant: string | null }>(`SELECT current_user AS role, nullif(current_setting('courtyard.tenant_id', true), '') AS tenant`));
    expect(after[0]!.tenant).toBeNull();
    expect(after[0]!.role).not.toBe('courtyard_app');
  });

  it('rolls back everything when the handler throws, and the next transaction starts clean', async () => {
    await expect(
      db.tenantTransaction(tenantA, async (trx) => {
        await insertMember(trx, tenantA, 'RolledBack');
        throw new Error('handler failed');
      }),
    ).rejects.toThrow('handler failed');
    expect(await db.tenantTransaction(tenantB, whoAmI)).toEqual({ role: 'courtyard_app', tenant: tenantB });
    const seen = await db.tenantTransaction(tenantA, (trx) => testDb(trx).selectFrom('members').select('lastName').where('lastName', '=', 'RolledBack').execute());
    expect(seen).toEqual([]);
  });

  it('rolls back when the first statement itself fails, and the connection stays usable', async () => {
    await expect(db.tenantTransaction(tenantA, (trx) => sql`SELECT 1 / 0`.execute(trx))).rejects.toThrow(/division by zero/);
    await expect(db.tenantTransaction(tenantA, (trx) => insertMember(trx, tenantB, 'WrongTenant'))).rejects.toThrow(/row-level security/);
    expect(await db.tenantTransaction(tenantA, whoAmI)).toEqual({ role: 'courtyard_app', tenant: tenantA });
  });

  it('commits an error marked to persist, and rolls back any other', async () => {
    await expect(
      db.tenantTransaction(tenantA, async (trx) => {
        await insertMember(trx, tenantA, 'Persisted');
        throw persisting(new AppError('invalid_refresh_token'));
      }),
    ).rejects.toMatchObject({ code: 'invalid_refresh_token' });
    const seen = await db.tenantTransaction(tenantA, (trx) => testDb(trx).selectFrom('members').select('lastName').where('lastName', '=', 'Persisted').execute());
    expect(seen).toEqual([{ lastName: 'Persisted' }]);
  });

  it('runs a transaction without statements, and statements issued together', async () => {
    expect(await db.tenantTransaction(tenantA, async () => 42)).toBe(42);
    const [first, second, third] = await db.tenantTransaction(tenantB, (trx) => Promise.all([whoAmI(trx), whoAmI(trx), whoAmI(trx)]));
    for (const r of [first, second, third]) expect(r).toEqual({ role: 'courtyard_app', tenant: tenantB });
  });

  it('never shows one tenant the rows of another', async () => {
    await db.tenantTransaction(tenantB, (trx) => insertMember(trx, tenantB, 'OnlyB'));
    const fromA = await db.tenantTransaction(tenantA, (trx) => testDb(trx).selectFrom('members').select('lastName').execute());
    expect(fromA.map((r) => r.lastName)).not.toContain('OnlyB');
    const fromB = await db.tenantTransaction(tenantB, (trx) => testDb(trx).selectFrom('members').select(['tenantId']).execute());
    expect(new Set(fromB.map((r) => r.tenantId))).toEqual(new Set([tenantB]));
  });

  it('reuses a statement that failed when it ran, and keeps refusing one that never parsed', async () => {
    const divide = (trx: Parameters<Parameters<Database['tenantTransaction']>[1]>[0], a: number, b: number) =>
      sql<{ q: number }>`SELECT ${a}::int / ${b}::int AS q`.execute(trx).then((r) => r.rows[0]!.q);
    // As the first statement of a transaction (it carries the preamble) and as a later one.
    await expect(db.tenantTransaction(tenantA, (trx) => divide(trx, 1, 0))).rejects.toThrow(/division by zero/);
    expect(await db.tenantTransaction(tenantA, (trx) => divide(trx, 6, 3))).toBe(2);
    await expect(db.tenantTransaction(tenantA, async (trx) => (await whoAmI(trx), divide(trx, 1, 0)))).rejects.toThrow(/division by zero/);
    expect(await db.tenantTransaction(tenantA, async (trx) => (await whoAmI(trx), divide(trx, 9, 3)))).toBe(3);
    const broken = (trx: Parameters<Parameters<Database['tenantTransaction']>[1]>[0]) => sql`SELEC ${1}::int`.execute(trx);
    await expect(db.tenantTransaction(tenantA, broken)).rejects.toThrow(/syntax error/);
    await expect(db.tenantTransaction(tenantA, broken)).rejects.toThrow(/syntax error/);
    expect(await db.tenantTransaction(tenantA, whoAmI)).toEqual({ role: 'courtyard_app', tenant: tenantA });
  });

  it('lets a transaction in flight finish before the database closes', async () => {
    const own = store.overrides.databaseUrl ? await openMainDatabase(testConfig({ ...store.overrides, poolMax: 2 }), false) : await openPglite(undefined);
    await own.session((s) => s.exec(ensureAppRoleSql));
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const running = own.tenantTransaction(tenantA, async (trx) => {
      await gate;
      return (await whoAmI(trx)).tenant;
    });
    let closed = false;
    const closing = own.close().then(() => (closed = true));
    await new Promise((r) => setTimeout(r, 50));
    expect(closed).toBe(false);
    release();
    expect(await running).toBe(tenantA);
    await closing;
    expect(closed).toBe(true);
  });
});

