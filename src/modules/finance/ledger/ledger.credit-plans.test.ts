import { CompiledQuery, createQueryId, sql, type RootOperationNode } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { estate, ok, type Estate } from '../../../../test/fixture.js';
import { startPlatform, type TestPlatform } from '../../../../test/helpers.js';
import { financeDb } from '../finance.tables.js';
import { CreditRepository } from './credit.repository.js';

/**
 * The plan of the statement that finds a batch's credit and the open charges it pays, on
 * statistics from empty tables (autovacuum off) and after ANALYZE: a billing batch runs it for
 * its members whatever the statistics say, so it must read each member's credit lines and
 * charges through their indexes, never a tenant's every line or charge.
 */

const MEMBERS = 1_000;
const TABLES = ['finance_lines', 'finance_charges', 'finance_entries', 'members'];

let t: TestPlatform;
let oak: Estate;
let creditAccount: string;
let memberIds: string[];

beforeAll(async () => {
  t = await startPlatform();
  oak = await estate(t, { slug: 'oak' });
  await ok(oak.api('GET', '/finance/accounts'), 200);
  await t.platform.main.session(async (s) => {
    for (const table of TABLES) await s.exec(`ALTER TABLE ${table} SET (autovacuum_enabled = false)`);
    await s.exec(`ANALYZE ${TABLES.join(', ')}`);
  });
  // Per member: six charges (five paid, one open) and a payment, written as the ledger writes
  // them; half the members hold credit. Rows in a real tenant transaction, not API calls.
  ({ creditAccount, memberIds } = await oak.tx(async (_db, trx) => {
    const account = async (key: string) => (await sql<{ id: string }>`SELECT id FROM finance_accounts WHERE system_key = ${key}`.execute(trx)).rows[0]!.id;
    const [receivable, credit, bank, levy] = [await account('receivable'), await account('member_credit'), await account('bank'), await account('levy_income')];
    await sql`INSERT INTO members (tenant_id, id, first_name, last_name, type)
              SELECT ${oak.id}::uuid, gen_random_uuid(), 'Plan', lpad(n::text, 4, '0'), 'owner' FROM generate_series(1, ${MEMBERS}::int) n`.execute(trx);
    await sql`CREATE TEMP TABLE seed ON COMMIT DROP AS
              SELECT m.id AS member_id, k, gen_random_uuid() AS charge_id, gen_random_uuid() AS entry_id, date '2025-01-05' + 30 * k AS due
                FROM members m CROSS JOIN generate_series(0, 6) k WHERE m.first_name = 'Plan'`.execute(trx);
    await sql`INSERT INTO finance_entries (tenant_id, id, entry_date, description, kind)
              SELECT ${oak.id}::uuid, entry_id, due, 'Seed', CASE WHEN k < 6 THEN 'charge' ELSE 'payment' END FROM seed
               WHERE k < 6 OR right(member_id::text, 1) < '8'`.execute(trx);
    await sql`INSERT INTO finance_charges (tenant_id, id, member_id, kind, description, amount, currency, due_date, allocated, status, entry_id)
              SELECT ${oak.id}::uuid, charge_id, member_id, 'levy', 'Seed', 1000, 'EUR', due, CASE WHEN k < 5 THEN 1000 ELSE 0 END, CASE WHEN k < 5 THEN 'paid' ELSE 'open' END, entry_id
                FROM seed WHERE k < 6`.execute(trx);
    await sql`INSERT INTO finance_lines (tenant_id, entry_id, line_no, account_id, amount, currency, member_id, charge_id, entry_date)
              SELECT ${oak.id}::uuid, entry_id, n,
                     CASE WHEN k < 6 THEN (CASE n WHEN 1 THEN ${receivable}::uuid ELSE ${levy}::uuid END) ELSE (CASE n WHEN 1 THEN ${bank}::uuid ELSE ${credit}::uuid END) END,
                     CASE n WHEN 1 THEN 1 ELSE -1 END * CASE WHEN k < 6 THEN 1000 ELSE 500 END, 'EUR', member_id, CASE WHEN k < 6 THEN charge_id END, due
                FROM seed CROSS JOIN generate_series(1, 2) n
               WHERE k < 6 OR right(member_id::text, 1) < '8'`.execute(trx);
    const members = await sql<{ id: string }>`SELECT id FROM members WHERE first_name = 'Plan' ORDER BY id LIMIT 500`.execute(trx);
    return { creditAccount: credit, memberIds: members.rows.map((m) => m.id) };
  }));
}, 120_000);
afterAll(() => t?.close());

/** EXPLAIN of the plan statement as the repository sends it (caught on its way, explained instead of run). */
async function creditPlan(): Promise<string> {
  const caught: RootOperationNode[] = [];
  return oak.tx(async (_db, trx) => {
    const spy = trx.withPlugin({ transformQuery: ({ node }) => (caught.push(node), node), transformResult: async ({ result }) => result });
    await new CreditRepository(spy).plan(oak.id, creditAccount, memberIds.map((memberId) => ({ memberId, currency: 'EUR' })));
    const executor = financeDb(trx).getExecutor();
    const queryId = createQueryId();
    const query = executor.compileQuery(executor.transformQuery(caught[0]!, queryId), queryId);
    const { rows } = await trx.executeQuery<Record<string, string>>(CompiledQuery.raw(`EXPLAIN (COSTS OFF) ${query.sql}`, [...query.parameters]));
    return rows.map((r) => Object.values(r)[0]).join('\n');
  });
}

describe('the plan of credit applied to a batch', () => {
  it('is the same on statistics from empty tables and after ANALYZE, through the member indexes', async () => {
    const stale = await creditPlan();
    await t.platform.main.session(async (s) => s.exec(`ANALYZE ${TABLES.join(', ')}`));
    expect(await creditPlan()).toBe(stale);
    expect(stale).toMatch(/finance_lines_member_credit/);
    expect(stale).toMatch(/finance_charges_by_member/);
    expect(stale).toMatch(/Index Scan using finance_entries_pkey/);
    expect(stale).not.toMatch(/Seq Scan on finance_(lines|charges|entries)/);
  });
});
