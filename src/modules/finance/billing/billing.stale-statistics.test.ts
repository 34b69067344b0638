import { CompiledQuery, createQueryId, sql, type RootOperationNode } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, events, newSchedule, levy, ok, runJob, start, startBilling, tx } from '../../../../test/billing-helpers.js';
import type { Estate } from '../../../../test/fixture.js';
import type { TestPlatform } from '../../../../test/helpers.js';
import { newId } from '../../../kernel/ids.js';
import { financeDb } from '../finance.tables.js';
import { BillingRepository } from './billing.repository.js';

/**
 * Billing runs on a database whose statistics no longer describe it: autovacuum off on every
 * table a run reads or writes, and the only statistics those taken while the tables were empty
 * (as PGlite's start-up ANALYZE leaves them), never refreshed while a thousand units, their
 * owners and several runs' charges arrive. What a run makes must not depend on the plans the
 * planner picks from them; how fast it is lives in the finance benchmark.
 */

const UNITS = 1_000;
const PART = 125;
const TABLES = [
  'finance_charges', 'finance_entries', 'finance_lines', 'finance_turnover', 'finance_accounts', 'finance_billing_runs', 'finance_billing_run_items',
  'finance_schedules', 'outbox', 'members', 'units', 'occupancies', 'properties',
];

let t: TestPlatform;
let oak: Estate;
let scheduleId: string;

beforeAll(async () => {
  ({ t, oak } = await startBilling());
  await t.platform.main.session(async (s) => {
    for (const table of TABLES) await s.exec(`ALTER TABLE ${table} SET (autovacuum_enabled = false)`);
    await s.exec(`ANALYZE ${TABLES.join(', ')}`);
  });
  // An estate of a thousand units with equal shares, each owned by a member of its own: rows in
  // a real tenant transaction (a thousand API calls would test the API, not the run).
  const propertyId = newId();
  await tx(async (db) => {
    await db.insertInto('properties').values({ tenantId: oak.id, id: propertyId, name: 'Stale Court', kind: 'residential' }).execute();
    await sql`INSERT INTO members (tenant_id, id, first_name, last_name, type)
              SELECT ${oak.id}::uuid, gen_random_uuid(), 'Owner', lpad(n::text, 4, '0'), 'owner' FROM generate_series(1, ${UNITS}::int) n`.execute(db);
    await sql`INSERT INTO units (tenant_id, id, property_id, label, kind, participation_share)
              SELECT ${oak.id}::uuid, gen_random_uuid(), ${propertyId}::uuid, 'S-' || lpad(n::text, 4, '0'), 'apartment', 0.001 FROM generate_series(1, ${UNITS}::int) n`.execute(db);
    await sql`INSERT INTO occupancies (tenant_id, id, unit_id, member_id, role, start_date, ownership_share)
              SELECT ${oak.id}::uuid, gen_random_uuid(), u.id, m.id, 'owner', '2020-01-01', 1
                FROM (SELECT id, row_number() OVER (ORDER BY label) AS n FROM units WHERE property_id = ${propertyId}::uuid) u
                JOIN (SELECT id, row_number() OVER (ORDER BY last_name) AS n FROM members WHERE first_name = 'Owner') m USING (n)`.execute(db);
  });
  scheduleId = (await newSchedule(levy(propertyId, { budget: { amount: UNITS * PART, currency: 'EUR' } }))).id;
});
afterAll(() => t?.close());

/** What the ledger holds for a month of the schedule, checked across charges, entries, lines and events. */
const month = (period: string) =>
  tx(async (db) => {
    const key = `schedule:${scheduleId}:${period}:%`;
    const charges = await sql<{ n: number; keys: number; members: number; total: string }>`
      SELECT count(*)::int AS n, count(DISTINCT natural_key)::int AS keys, count(DISTINCT member_id)::int AS members, coalesce(sum(amount), 0)::text AS total
        FROM finance_charges WHERE natural_key LIKE ${key}`.execute(db);
    const lines = await sql<{ entries: number; unbalanced: number; receivable: string }>`
      SELECT count(DISTINCT l.entry_id)::int AS entries,
             count(*) FILTER (WHERE l.line_no = 1 AND l.amount <> c.amount)::int + count(*) FILTER (WHERE l.line_no = 2 AND l.amount <> -c.amount)::int AS unbalanced,
             coalesce(sum(l.amount) FILTER (WHERE l.line_no = 1), 0)::text AS receivable
        FROM finance_charges c JOIN finance_lines l ON l.tenant_id = c.tenant_id AND l.entry_id = c.entry_id AND l.charge_id = c.id
       WHERE c.natural_key LIKE ${key}`.execute(db);
    return { ...charges.rows[0]!, ...lines.rows[0]! };
  });

const postedEvents = async (period: string) => (await events('charge.posted')).filter((e) => String(e.data.naturalKey).startsWith(`schedule:${scheduleId}:${period}:`)).length;

describe('billing runs with autovacuum off and statistics from empty tables', () => {
  it('charges every unit once, in batches, and a second run of the month makes nothing', async () => {
    const run = (await start('2025-03', [scheduleId])).json();
    await runJob(run.id, { batchSize: 150 });
    expect(await ok(api('GET', `/finance/billing-runs/${run.id}`))).toMatchObject({ status: 'completed', counts: { planned: UNITS, created: UNITS, existing: 0, failed: 0, pending: 0 } });
    expect(await month('2025-03')).toEqual({ n: UNITS, keys: UNITS, members: UNITS, total: String(UNITS * PART), entries: UNITS, unbalanced: 0, receivable: String(UNITS * PART) });
    expect(await postedEvents('2025-03')).toBe(UNITS);

    const again = (await start('2025-03', [scheduleId])).json();
    await runJob(again.id, { batchSize: 150 });
    expect(await ok(api('GET', `/finance/billing-runs/${again.id}`))).toMatchObject({ status: 'completed', counts: { planned: UNITS, created: 0, existing: UNITS } });
    expect((await month('2025-03')).n).toBe(UNITS);
    expect(await postedEvents('2025-03')).toBe(UNITS);
  });

  it('resumes a run killed between batches and makes each charge once, the turnover counting each once', async () => {
    const turnover = () => tx(async (db) => (await sql<{ debits: string }>`SELECT debits::text FROM finance_turnover WHERE currency = 'EUR'`.execute(db)).rows[0]?.debits ?? '0');
    const before = BigInt(await turnover());
    const run = (await start('2025-04', [scheduleId])).json();
    const killed = runJob(run.id, { batchSize: 300, afterBatch: (n) => { if (n === 2) throw new Error('worker killed'); } });
    await expect(killed).rejects.toThrow('worker killed');
    expect(await ok(api('GET', `/finance/billing-runs/${run.id}`))).toMatchObject({ status: 'running', counts: { created: 600, pending: UNITS - 600 } });

    // Another month's run in between: the items of two runs share the table and its stale statistics.
    const other = (await start('2025-05', [scheduleId])).json();
    await runJob(other.id, { batchSize: 400 });
    await runJob(run.id, { batchSize: 300 });
    for (const [id, period] of [[run.id, '2025-04'], [other.id, '2025-05']] as const) {
      expect(await ok(api('GET', `/finance/billing-runs/${id}`))).toMatchObject({ status: 'completed', counts: { planned: UNITS, created: UNITS, existing: 0, pending: 0 } });
      expect(await month(period)).toMatchObject({ n: UNITS, keys: UNITS, total: String(UNITS * PART), entries: UNITS, unbalanced: 0 });
      expect(await postedEvents(period)).toBe(UNITS);
    }
    expect(BigInt(await turnover()) - before).toBe(BigInt(2 * UNITS * PART));
  });
});

/**
 * The plans of what a batch and a plan run, as EXPLAIN shows them, given the same rows: the
 * repository's own statements, caught on their way to the database and explained instead of
 * run (the transaction rolls back).
 */
async function batchPlans(runId: string, seqs: number[], keys: string[], targets: string[]): Promise<string[]> {
  const caught: RootOperationNode[] = [];
  const plans: string[] = [];
  const rollback = new Error('rolled back');
  await oak
    .tx(async (_db, trx) => {
      const spy = trx.withPlugin({ transformQuery: ({ node }) => (caught.push(node), node), transformResult: async ({ result }) => result });
      const repo = new BillingRepository(spy);
      await repo.pendingItems(oak.id, runId, 500, seqs[0]! - 1);
      await repo.recordOutcomes(oak.id, runId, seqs.map((seq) => ({ seq, status: 'created', chargeId: newId(), detail: null })), []);
      await repo.chargesByNaturalKey(oak.id, keys);
      await repo.billedTargets(oak.id, targets);
      // Compiled as the repository's connection compiles them (its plugins too), then explained.
      const executor = financeDb(trx).getExecutor();
      for (const node of caught) {
        const queryId = createQueryId();
        const query = executor.compileQuery(executor.transformQuery(node, queryId), queryId);
        const { rows } = await trx.executeQuery<Record<string, string>>(CompiledQuery.raw(`EXPLAIN (COSTS OFF) ${query.sql}`, [...query.parameters]));
        plans.push(rows.map((r) => Object.values(r)[0]).join('\n'));
      }
      throw rollback;
    })
    .catch((error: unknown) => {
      if (error !== rollback) throw error;
    });
  return plans;
}

describe('the plans of a batch', () => {
  it('are the same on statistics from empty tables and after ANALYZE', async () => {
    const run = (await start('2025-06', [scheduleId])).json();
    await runJob(run.id, { batchSize: 500 });
    const items = await tx(async (db) => db.selectFrom('financeBillingRunItems').select(['seq', 'naturalKey', 'target']).where('runId', '=', run.id).orderBy('seq').limit(500).offset(250).execute());
    const args = [run.id, items.map((i) => i.seq), items.map((i) => i.naturalKey!), items.map((i) => i.target)] as const;
    const [pending, update, counts, charged, billed] = await batchPlans(...args);
    await t.platform.main.session(async (s) => s.exec(`ANALYZE ${TABLES.join(', ')}`));
    const fresh = await batchPlans(...args);
    expect([pending, counts, charged, billed]).toEqual([fresh[0], fresh[2], fresh[3], fresh[4]]);
    // The items' update reads the batch's range of the key with nothing to join. Analysed, a
    // table of a few thousand items is small enough for the planner to read it whole instead:
    // right at this size, and why the update is not held to the same plan here.
    expect(update).toMatch(/Index Scan using finance_billing_run_items_pkey/);
    for (const plan of [pending, counts, charged, billed]) expect(plan).not.toMatch(/Seq Scan on finance_(billing_run_items|charges)/);
  });
});
