/**
 * The finance suite: one tenant with 50,000 members who each own one of 50,000 units (by
 * default), three months of levies behind them and most of them paid, and timed tasks on it —
 * the month's billing run for every unit, with stale statistics and with fresh ones, a burst of
 * payments, the arrears report for every member, and 1,000 statement PDFs — each measured for
 * time and the server's peak memory.
 */
import { addDays, isoDate } from '../../src/kernel/dates.js';
import { newId } from '../../src/kernel/ids.js';
import type { TenantScope } from '../../src/kernel/context.js';
import { systemAccounts } from '../../src/modules/finance/ledger/journal.js';
import { postCharges } from '../../src/modules/finance/ledger/charges.js';
import { recordPayment } from '../../src/modules/finance/ledger/payments.js';
import { refreshUnits } from '../../src/modules/occupancy/index.js';
import type { Platform } from '../../src/platform.js';
import { testDb } from '../../test/test-db.js';
import type { Suite, SuiteEnv, Task, TaskOutcome } from '../lib/types.js';
import { chunks, mapLimit, seconds, summarise } from '../lib/util.js';
import { seedMembers, type BenchTenant } from './members.js';

const BLOCKS = 50;
const LEVY = 12_500;

export interface FinanceFixture {
  tenant: BenchTenant;
  units: number;
  estateId: string;
  /** The month the billing run bills (`YYYY-MM`): the current one; the three before it are history. */
  period: string;
  scheduleId: string;
  seeding: Record<string, number>;
}

const month = (d: Date, back: number) => {
  const m = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - back, 1));
  return isoDate(m).slice(0, 7);
};

async function seedEstateAndLedger(p: Platform, t: BenchTenant, log: (line: string) => void, timings: Record<string, number>): Promise<Omit<FinanceFixture, 'tenant' | 'seeding' | 'scheduleId'>> {
  const units = t.members.length;
  const location = { id: t.id, placement: 'pooled' as const, databaseName: null };
  const now = new Date();
  const today = isoDate(now);
  const estateId = newId();
  let t0 = process.hrtime.bigint();
  const unitIds = await p.router.tenantTransaction(location, async (trx) => {
    const db = testDb(trx);
    await db.insertInto('properties').values({ tenantId: t.id, id: estateId, name: 'Ledger Park', kind: 'residential', country: 'GB' }).execute();
    const blocks = Array.from({ length: BLOCKS }, (_, b) => ({ tenantId: t.id, id: newId(), parentId: estateId, name: `Block ${b + 1}`, kind: 'residential' as const, country: 'GB' }));
    await db.insertInto('properties').values(blocks).execute();
    // Equal shares of the whole estate: 1/units each, exact in numeric(12, 9) for 50,000.
    const share = (1 / units).toFixed(9);
    const rows = t.members.map((_, i) => ({ tenantId: t.id, id: newId(), propertyId: blocks[i % BLOCKS]!.id, label: `${String((i % BLOCKS) + 1).padStart(2, '0')}-${String(Math.floor(i / BLOCKS) + 1).padStart(4, '0')}`, kind: 'apartment' as const, participationShare: share }));
    for (const batch of chunks(rows, 5_000)) await db.insertInto('units').values(batch).execute();
    const owners = rows.map((u, i) => ({ tenantId: t.id, id: newId(), unitId: u.id, memberId: t.members[i]!, role: 'owner' as const, startDate: addDays(today, -400), ownershipShare: '1' }));
    for (const batch of chunks(owners, 5_000)) await db.insertInto('occupancies').values(batch).execute();
    await refreshUnits({ db: trx, tenant: { id: t.id } } as unknown as TenantScope, null, today);
    return rows.map((r) => r.id);
  });
  timings.estateSeconds = seconds(t0);

  // Three months of levies through the real posting code, then payments: 70 % pay everything,
  // 20 % pay the oldest month only, 10 % pay nothing — so the arrears report has every bucket.
  t0 = process.hrtime.bigint();
  const history = [3, 2, 1].map((back) => month(now, back));
  const work = chunks(t.members.map((m, i) => ({ memberId: m, unitId: unitIds[i]!, i })), 500);
  await mapLimit(work, 8, (batch) =>
    p.router.tenantTransaction(location, async (db) => {
      const scope = { db, tenant: { id: t.id } } as unknown as TenantScope;
      const accounts = await systemAccounts(scope);
      // A month's levies of the batch in one postCharges, as a billing run posts them.
      for (const m of history) {
        await postCharges(
          scope,
          batch.map(({ memberId, unitId }) => ({ input: { memberId, unitId, kind: 'levy', description: `Levy ${m}`, amount: LEVY, currency: 'GBP', periodStart: `${m}-01`, dueDate: `${m}-01` }, naturalKey: `bench:levy:${m}:${unitId}` })),
          { accounts },
        );
      }
      for (const { memberId, i } of batch) {
        const pays = i % 10 < 7 ? LEVY * 3 : i % 10 < 9 ? LEVY : 0;
        if (pays > 0) await recordPayment(scope, { memberId, method: 'bank_transfer', amount: pays, currency: 'GBP', receivedOn: `${history[2]}-15`, reference: `BENCH-${i}` });
      }
    }),
  );
  timings.ledgerSeconds = seconds(t0);
  log(`  seeded ${units} units in ${BLOCKS} blocks, ${units * 3} levies and ${Math.round(units * 0.9)} payments`);
  return { units, estateId, period: month(now, 0) };
}

async function seed(env: SuiteEnv): Promise<FinanceFixture> {
  const timings: Record<string, number> = {};
  let estate: Omit<FinanceFixture, 'tenant' | 'seeding' | 'scheduleId'> | undefined;
  let scheduleId = '';
  const members = await seedMembers(env, {
    extend: async (p, f) => {
      const t = f.tenants[0]!;
      for (const table of BILLING_TABLES) await env.admin.query(`ALTER TABLE ${table} SET (autovacuum_enabled = false)`);
      estate = await seedEstateAndLedger(p, t, env.log, timings);
      // The levy schedule the billing run bills, through the API.
      const res = await p.app.inject({
        method: 'POST',
        url: '/api/v1/finance/schedules',
        headers: { authorization: t.authorization, 'x-tenant-id': t.id },
        payload: { kind: 'levy', name: 'Service charge', propertyId: estate.estateId, includeSubProperties: true, budget: { amount: LEVY * estate.units, currency: 'GBP' }, frequency: 'monthly', dueDay: 1, startPeriod: estate.period },
      });
      if (res.statusCode !== 201) throw new Error(`could not create the levy schedule: ${res.statusCode} ${res.body}`);
      scheduleId = res.json().id;
    },
  });
  return { tenant: members.tenants[0]!, ...estate!, scheduleId, seeding: { ...members.seeding, ...timings } };
}

// ---------------------------------------------------------------------------------------------
// Tasks

const headers = (f: FinanceFixture) => ({ authorization: f.tenant.authorization, 'x-tenant-id': f.tenant.id, 'content-type': 'application/json' });

async function call(baseUrl: string, f: FinanceFixture, method: string, path: string, body?: unknown) {
  const started = performance.now();
  const res = await fetch(baseUrl + path, { method, headers: headers(f), ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const bytes = Buffer.from(await res.arrayBuffer());
  return { status: res.status, bytes, ms: performance.now() - started, json: () => JSON.parse(bytes.toString('utf8')) as Record<string, unknown> };
}

// What a billing run reads and writes. Autovacuum is off on them from seeding on: task (a)
// runs on the statistics the end of seeding took (the run's items table empty then, the ledger
// without the month), task (e) on statistics kept fresh while it runs, as autovacuum would.
const BILLING_TABLES = [
  'finance_charges', 'finance_entries', 'finance_lines', 'finance_turnover', 'finance_billing_runs', 'finance_billing_run_items', 'finance_schedules',
  'outbox', 'members', 'units', 'occupancies', 'properties',
];
/** How often task (e) refreshes the statistics while its run goes on. */
const ANALYZE_EVERY_MS = 5_000;

/** The next month after `period` (`YYYY-MM`). */
const nextMonth = (period: string) => month(new Date(`${period}-01T00:00:00Z`), -1);

/**
 * The month's levy for every unit, billed through the API by a server with workers, polled to
 * the end; checks that the month has one charge per unit and that they sum to the budget.
 * `stale`: autovacuum off and no ANALYZE since seeding; `fresh`: a VACUUM ANALYZE of the
 * tables the run uses before it (not timed), and an ANALYZE of them every few seconds while
 * it runs, as autovacuum keeps statistics of tables that change fast. Each bills a month of
 * its own (the current one, the next).
 */
function billingRun(id: string, statistics: 'stale' | 'fresh'): Task<FinanceFixture> {
  return {
    id,
    key: `finance.billing-run.${statistics}-statistics`,
    title: `Billing run: the month’s levy for every unit, ${statistics === 'stale' ? 'autovacuum off and statistics from before the run' : 'statistics kept fresh'}`,
    server: { kind: 'platform', workers: true },
    async prepare(_f, env) {
      // Seeding posted three months of ledger with no server running: its events (about four
      // per unit) wait in the outbox, and the relay, oldest first, would pass them all before
      // the run's own event. A live system relayed them as they happened; they go.
      await env.admin.query('DELETE FROM outbox');
      if (statistics === 'fresh') await env.admin.query(`VACUUM ANALYZE ${BILLING_TABLES.join(', ')}`);
    },
    async run(f, env): Promise<TaskOutcome> {
      const period = statistics === 'stale' ? f.period : nextMonth(f.period);
      const { rows: stats } = await env.admin.query<{ estimated: number; rows: number }>(
        `SELECT (SELECT reltuples::bigint FROM pg_class WHERE oid = 'finance_charges'::regclass)::int AS estimated, (SELECT count(*) FROM finance_charges)::int AS rows`,
      );
      const started = await call(env.baseUrl, f, 'POST', '/api/v1/finance/billing-runs', { period, dryRun: false });
      if (started.status >= 300) return { valid: false, summary: {}, lines: [], problems: [`start answered ${started.status} ${started.bytes.toString().slice(0, 300)}`] };
      const runId = started.json().id as string;
      let run: Record<string, unknown> = started.json();
      let analyzed = Date.now();
      for (;;) {
        if (run.status === 'completed' || run.status === 'failed') break;
        await new Promise((r) => setTimeout(r, 250));
        if (statistics === 'fresh' && Date.now() - analyzed >= ANALYZE_EVERY_MS) {
          await env.admin.query(`ANALYZE ${BILLING_TABLES.join(', ')}`);
          analyzed = Date.now();
        }
        run = (await call(env.baseUrl, f, 'GET', `/api/v1/finance/billing-runs/${runId}`)).json();
      }
      const counts = run.counts as Record<string, number>;
      const { rows } = await env.admin.query<{ n: number; total: string }>(
        `SELECT count(*)::int AS n, sum(amount) AS total FROM finance_charges WHERE tenant_id = $1 AND natural_key LIKE $2`,
        [f.tenant.id, `schedule:${f.scheduleId}:${period}:%`],
      );
      const problems: string[] = [];
      if (run.status !== 'completed') problems.push(`the run ended ${String(run.status)}: ${JSON.stringify(run.errors).slice(0, 300)}`);
      if (rows[0]!.n !== f.units) problems.push(`${rows[0]!.n} charges exist for ${period}, expected ${f.units}`);
      if (Number(rows[0]!.total) !== LEVY * f.units) problems.push(`the charges sum to ${rows[0]!.total}, expected the budget ${LEVY * f.units}`);
      const statsLine = `finance_charges: ${stats[0]!.rows} rows, the statistics say ${stats[0]!.estimated}`;
      // The task's time is the wait for the run's job (behind the outbox's backlog and the
      // workers' other jobs) and the plan (startedAt is set once the plan is stored), then the
      // batches: said apart, so that a slow queue is not taken for a slow run.
      const at = (k: string) => new Date(String(run[k])).getTime();
      const queuedAndPlannedSeconds = Math.round(at('startedAt') - at('createdAt')) / 1000;
      const batchesSeconds = Math.round(at('finishedAt') - at('startedAt')) / 1000;
      return {
        valid: problems.length === 0,
        summary: { runId, period, statistics, queuedAndPlannedSeconds, batchesSeconds, chargesBefore: stats[0]!.rows, chargesPerStatistics: stats[0]!.estimated, counts, charges: rows[0]!.n, total: Number(rows[0]!.total) },
        lines: [`${rows[0]!.n} charges created for ${period}, summing to the budget ${Number(rows[0]!.total) === LEVY * f.units ? 'exactly' : 'NOT'}; ${statsLine}`, `${queuedAndPlannedSeconds} s queued and planning, then ${batchesSeconds} s of batches`],
        problems,
      };
    },
  };
}

const PAYMENTS = 5_000;
const paymentBurst: Task<FinanceFixture> = {
  id: 'b',
  key: 'finance.payment-burst',
  title: `Payment burst: ${PAYMENTS.toLocaleString('en')} payments, 16 at a time`,
  server: { kind: 'platform' },
  async run(f, env): Promise<TaskOutcome> {
    const latencies: number[] = [];
    const failures: string[] = [];
    const started = process.hrtime.bigint();
    // Many payments land on the same members (every 100th member), so allocations race.
    await mapLimit(Array.from({ length: PAYMENTS }, (_, i) => i), 16, async (i) => {
      const memberId = f.tenant.members[(i * 100) % f.tenant.members.length]!;
      const res = await call(env.baseUrl, f, 'POST', '/api/v1/finance/payments', { memberId, method: 'bank_transfer', amount: 1_000 + (i % 7) * 1_000, currency: 'GBP', receivedOn: isoDate(new Date()), reference: `BURST-${i}` });
      latencies.push(res.ms);
      if (res.status !== 201 && failures.length < 5) failures.push(`${res.status} ${res.bytes.toString().slice(0, 200)}`);
    });
    const took = seconds(started);
    const over = await env.admin.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM finance_charges c
        WHERE c.tenant_id = $1 AND (c.allocated + c.written_off > c.amount
           OR c.allocated <> coalesce((SELECT sum(a.amount) FROM finance_allocations a WHERE a.tenant_id = c.tenant_id AND a.charge_id = c.id AND a.reversed_entry_id IS NULL), 0))`,
      [f.tenant.id],
    );
    const s = summarise(latencies);
    const problems = [...failures, ...(over.rows[0]!.n > 0 ? [`${over.rows[0]!.n} charges are over-allocated or out of step with their allocations`] : [])];
    return { valid: problems.length === 0, summary: { payments: PAYMENTS, perSecond: Math.round(PAYMENTS / took), latencyMs: s }, lines: [`${Math.round(PAYMENTS / took)} payments/s; p50 ${s.p50} ms, p99 ${s.p99} ms; no charge over-allocated`], problems };
  },
};

const arrears: Task<FinanceFixture> = {
  id: 'c',
  key: 'finance.arrears-report',
  title: 'Arrears report for every member (JSON, then CSV)',
  server: { kind: 'platform' },
  async run(f, env): Promise<TaskOutcome> {
    const json = await call(env.baseUrl, f, 'GET', '/api/v1/finance/reports/arrears?groupBy=member');
    const csv = await call(env.baseUrl, f, 'GET', '/api/v1/finance/reports/arrears?groupBy=member&format=csv');
    const rows = json.status === 200 ? (json.json().rows as unknown[]).length : 0;
    const { rows: expected } = await env.admin.query<{ n: number }>(
      `SELECT count(DISTINCT c.member_id)::int AS n FROM finance_charges c WHERE c.tenant_id = $1 AND c.status IN ('open', 'partially_paid')`,
      [f.tenant.id],
    );
    const problems = [
      ...(json.status !== 200 ? [`JSON answered ${json.status}`] : []),
      ...(csv.status !== 200 ? [`CSV answered ${csv.status}`] : []),
      ...(rows !== expected[0]!.n ? [`${rows} members in arrears, the charges say ${expected[0]!.n}`] : []),
    ];
    return {
      valid: problems.length === 0,
      summary: { members: rows, jsonMs: Math.round(json.ms), jsonBytes: json.bytes.length, csvMs: Math.round(csv.ms), csvBytes: csv.bytes.length },
      lines: [`${rows} members in arrears: JSON ${Math.round(json.ms)} ms (${(json.bytes.length / 1e6).toFixed(1)} MB), CSV ${Math.round(csv.ms)} ms (${(csv.bytes.length / 1e6).toFixed(1)} MB)`],
      problems,
    };
  },
};

const STATEMENTS = 1_000;
const statements: Task<FinanceFixture> = {
  id: 'd',
  key: 'finance.statements',
  title: `${STATEMENTS.toLocaleString('en')} statement PDFs, 4 at a time`,
  server: { kind: 'platform' },
  async run(f, env): Promise<TaskOutcome> {
    const now = new Date();
    const from = `${month(now, 3)}-01`;
    const to = isoDate(now);
    const failures: string[] = [];
    let bytes = 0;
    const latencies: number[] = [];
    const started = process.hrtime.bigint();
    await mapLimit(f.tenant.members.slice(0, STATEMENTS), 4, async (memberId) => {
      const res = await call(env.baseUrl, f, 'POST', '/api/v1/finance/statements', { memberId, from, to });
      latencies.push(res.ms);
      if (res.status !== 201) {
        if (failures.length < 5) failures.push(`${res.status} ${res.bytes.toString().slice(0, 200)}`);
        return;
      }
      bytes += Number(res.json().pdfBytes);
    });
    const took = seconds(started);
    const s = summarise(latencies);
    return {
      valid: failures.length === 0,
      summary: { statements: STATEMENTS, perSecond: Math.round((STATEMENTS / took) * 10) / 10, averagePdfBytes: Math.round(bytes / STATEMENTS), latencyMs: s },
      lines: [`${(STATEMENTS / took).toFixed(1)} statements/s; p50 ${s.p50} ms, p99 ${s.p99} ms; ${Math.round(bytes / STATEMENTS / 1024)} KiB per PDF`],
      problems: failures,
    };
  },
};

export const financeSuite: Suite<FinanceFixture> = {
  name: 'finance',
  description: 'Billing run, payment burst, arrears report and statement PDFs for 50,000 units',
  seed,
  describeFixture: (f) => ({
    units: f.units,
    members: f.tenant.members.length,
    period: f.period,
    seedingSeconds: Object.fromEntries(Object.entries(f.seeding).map(([k, v]) => [k.replace(/Seconds$/, ''), Math.round(v * 100) / 100])),
  }),
  scenarios: [],
  tasks: [billingRun('a', 'stale'), billingRun('e', 'fresh'), paymentBurst, arrears, statements],
  ratios: [],
  // `--members` sets the members and the units (one each).
  defaults: { tenants: 1, membersPerTenant: 50_000, serviceTenants: 0 },
};
