/**
 * The billing suite: the platform's own billing of its tenants, at scale.
 *
 * Seeding: 10,000 tenants by default (`--tenants`) as registry rows, each with a subscription
 * to the `standard` plan whose period ended an hour ago, and that period's usage aggregates
 * (members, a gauge; e-mails, a counter). The plan is priced with a base price and two metered
 * components (members over 100 included, graduated; e-mails per thousand), and a tax rate
 * applies to the tenants of one country in ten. No tenant database is needed: both tasks are
 * the control plane's.
 *
 * (a) Usage ingestion: 100,000 `platform.usage.recorded` events written to the tenants' outbox in bulk, on a server with the workers and the relay in
 *     process; timed from the write until every event has its receipt, so the relay and the
 *     control plane's batch subscriber are both in it. Valid when the e-mail aggregates grew by
 *     exactly the events' quantities. Goal ≥ 5,000 events/s.
 * (b) The period-end invoice run for every tenant: `POST /control/v1/billing/run`, timed.
 *     Valid when each tenant has exactly one invoice for the period, its total is what the
 *     calculator gives for its usage, and the numbers run 1..N without a gap. Goal ≤ 60 s.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { testDb } from '../../test/test-db.js';
import { computeInvoice } from '../../src/control/billing/invoice-lines.js';
import type { PriceTerms } from '../../src/control/billing/pricing.js';
import { loadConfig } from '../../src/kernel/config.js';
import { newId } from '../../src/kernel/ids.js';
import { createPlatform } from '../../src/platform.js';
import { PROVISIONING_STEPS } from '../../src/control/provisioning/provisioning.steps.js';
import type { Suite, SuiteEnv, TaskEnv, TaskOutcome } from '../lib/types.js';
import { chunks, seconds } from '../lib/util.js';

const ADMIN = { email: 'admin@bench.courtyard.example', password: 'bench-platform-password' };
const EVENTS = 100_000;
const DAY = 86_400_000;

export interface BillingFixture {
  tenants: { id: string; members: number; emails: number; country: string | null }[];
  terms: PriceTerms;
  periodStart: Date;
  periodEnd: Date;
  seeding: Record<string, number>;
}

const TERMS: Omit<PriceTerms, 'planKey' | 'planName'> = {
  amountMinor: 19_900,
  currency: 'EUR',
  interval: 'month',
  trialDays: 0,
  components: [
    { meter: 'members', included: 100, per: 1, mode: 'graduated', tiers: [{ upTo: 1_000, unitAmountMinor: 20, flatAmountMinor: 0 }, { upTo: null, unitAmountMinor: 10, flatAmountMinor: 0 }] },
    { meter: 'emails', included: 0, per: 1_000, mode: 'graduated', tiers: [{ upTo: null, unitAmountMinor: 90, flatAmountMinor: 0 }] },
  ],
};

async function seed(env: SuiteEnv): Promise<BillingFixture> {
  const timings: Record<string, number> = {};
  const config = loadConfig(process.env, { databaseUrl: env.databaseUrl, dataDir: join(tmpdir(), 'courtyard-bench'), logLevel: 'warn', adminEmail: ADMIN.email, adminPassword: ADMIN.password, poolMax: env.params.poolMax });
  let t0 = process.hrtime.bigint();
  const p = await createPlatform(config, { logger: pino({ level: 'warn' }) });
  try {
    const db = testDb(p.main.kysely);
    await p.plans.update(p.systemContext('bench'), 'standard', { pricing: { trialDays: 0, components: TERMS.components } });
    await db.insertInto('control.taxRates').values({ country: 'ES', rateBp: 2_100, name: 'IVA' }).execute();
    const terms: PriceTerms = { planKey: 'standard', planName: 'Standard', ...TERMS };
    const now = Date.now();
    const periodEnd = new Date(Math.floor(now / DAY) * DAY - DAY);
    const periodStart = new Date(periodEnd.getTime() - 30 * DAY);
    const provisioning = JSON.stringify({ completed: [...PROVISIONING_STEPS], attempts: 1, finishedAt: new Date().toISOString() });
    const tenants = Array.from({ length: env.params.tenants }, (_, i) => ({ id: newId(), slug: `bill-${String(i).padStart(5, '0')}`, members: 50 + ((i * 37) % 2_000), emails: (i * 7_919) % 40_000, country: i % 10 === 0 ? 'ES' : null }));
    for (const batch of chunks(tenants, 1_000)) {
      await db.insertInto('control.tenants').values(batch.map((t) => ({ id: t.id, slug: t.slug, name: `Bench ${t.slug}`, planKey: 'standard', status: 'active' as const, placement: 'pooled' as const, placementReason: 'bench: bulk-seeded', databaseName: null, region: 'default', provisioning }))).execute();
      await db.insertInto('control.subscriptions').values(batch.map((t) => ({ tenantId: t.id, planKey: 'standard', status: 'active' as const, terms: JSON.stringify(terms), periodStart, periodEnd, trialEndsAt: null, anchorDay: periodStart.getUTCDate(), country: t.country }))).execute();
      const day = new Date(periodStart.getTime() + 10 * DAY);
      const month = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), 1));
      await db
        .insertInto('control.usage')
        .values(batch.flatMap((t) => (['day', 'month'] as const).flatMap((granularity) => [
          { tenantId: t.id, meter: 'members', granularity, bucket: granularity === 'day' ? day : month, value: t.members },
          { tenantId: t.id, meter: 'emails', granularity, bucket: granularity === 'day' ? day : month, value: t.emails },
        ])))
        .execute();
    }
    timings.tenantsSeconds = seconds(t0);
    t0 = process.hrtime.bigint();
    await env.admin.query('VACUUM ANALYZE');
    timings.vacuumAnalyzeSeconds = seconds(t0);
    env.log(`  seeded ${tenants.length} tenants with subscriptions whose period ended ${periodEnd.toISOString()}`);
    return { tenants: tenants.map(({ id, members, emails, country }) => ({ id, members, emails, country })), terms, periodStart, periodEnd, seeding: timings };
  } finally {
    await p.close();
  }
}

async function operatorToken(baseUrl: string): Promise<string> {
  const res = await fetch(`${baseUrl}/control/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
  if (!res.ok) throw new Error(`operator sign-in: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

async function ingest(f: BillingFixture, env: TaskEnv): Promise<TaskOutcome> {
  const emailsBefore = Number((await env.admin.query<{ n: string }>(`SELECT coalesce(sum(value), 0) AS n FROM control.usage WHERE meter = 'emails' AND granularity = 'day'`)).rows[0]!.n);
  const receiptsBefore = Number((await env.admin.query<{ n: string }>('SELECT count(*) AS n FROM control.usage_receipts')).rows[0]!.n);
  const t0 = process.hrtime.bigint();
  // As the data plane writes them (emit), many tenants' events in a few large statements.
  for (let i = 0; i < EVENTS; i += 10_000) {
    const n = Math.min(10_000, EVENTS - i);
    const ids = Array.from({ length: n }, () => newId());
    const tenantIds = Array.from({ length: n }, (_, k) => f.tenants[(i + k) % f.tenants.length]!.id);
    await env.admin.query(
      `INSERT INTO outbox (tenant_id, id, type, version, data, occurred_at)
       SELECT t, id, 'platform.usage.recorded', 1, '{"meter": "emails", "quantity": 3}'::jsonb, now() FROM unnest($1::uuid[], $2::uuid[]) AS e(t, id)`,
      [tenantIds, ids],
    );
  }
  // As the data plane's writer does after its commit: the relay wakes at once rather than at its poll.
  await env.admin.query(`NOTIFY courtyard_outbox`);
  const written = seconds(t0);
  let received = 0;
  for (;;) {
    received = Number((await env.admin.query<{ n: string }>('SELECT count(*) AS n FROM control.usage_receipts')).rows[0]!.n) - receiptsBefore;
    if (received >= EVENTS || seconds(t0) > 600) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  const total = seconds(t0);
  const emailsAfter = Number((await env.admin.query<{ n: string }>(`SELECT coalesce(sum(value), 0) AS n FROM control.usage WHERE meter = 'emails' AND granularity = 'day'`)).rows[0]!.n);
  const problems: string[] = [];
  if (received !== EVENTS) problems.push(`${received} of ${EVENTS} events were aggregated`);
  if (emailsAfter - emailsBefore !== EVENTS * 3) problems.push(`the e-mail aggregates grew by ${emailsAfter - emailsBefore}, not ${EVENTS * 3}`);
  const rate = Math.round(EVENTS / total);
  const lines = [`${EVENTS} usage events written in ${written.toFixed(1)} s, all aggregated after ${total.toFixed(1)} s: ${rate} events/s (goal ≥ 5,000)`];
  env.log(`    ${lines[0]}`);
  return { valid: problems.length === 0, summary: { events: EVENTS, writeSeconds: written, seconds: total, eventsPerSecond: rate }, lines, problems };
}

async function invoiceRun(f: BillingFixture, env: TaskEnv): Promise<TaskOutcome> {
  const token = await operatorToken(env.baseUrl);
  const t0 = process.hrtime.bigint();
  const res = await fetch(`${env.baseUrl}/control/v1/billing/run`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
  const outcome = (await res.json()) as { issued: number; renewed: number; failed: number };
  const took = seconds(t0);
  const problems: string[] = [];
  if (!res.ok) problems.push(`the run answered ${res.status}: ${JSON.stringify(outcome)}`);
  const rows = await env.admin.query<{ tenant_id: string; number: string; total_minor: string; period_start: Date }>(`SELECT tenant_id, number, total_minor, period_start FROM control.invoices WHERE kind = 'invoice'`);
  if (rows.rows.length !== f.tenants.length) problems.push(`${rows.rows.length} invoices for ${f.tenants.length} tenants`);
  const numbers = rows.rows.map((r) => Number(r.number.slice(-6))).sort((a, b) => a - b);
  if (numbers.some((n, i) => n !== i + 1)) problems.push('the invoice numbers have gaps or repeats');
  const byTenant = new Map(rows.rows.map((r) => [r.tenant_id, r]));
  let wrong = 0;
  for (const t of f.tenants) {
    const invoice = byTenant.get(t.id);
    const expected = computeInvoice({ periodStart: f.periodStart, periodEnd: f.periodEnd, segments: [{ terms: f.terms, from: f.periodStart, to: f.periodEnd }], usage: { members: t.members, emails: t.emails }, taxRateBp: t.country === 'ES' ? 2_100 : 0 });
    if (!invoice || Number(invoice.total_minor) !== expected.totalMinor || new Date(invoice.period_start).getTime() !== f.periodStart.getTime()) wrong++;
  }
  if (wrong > 0) problems.push(`${wrong} invoices differ from the calculator's total for their usage`);
  const lines = [`${outcome.issued} invoices issued in ${took.toFixed(1)} s (${Math.round(outcome.issued / took)}/s; goal ≤ 60 s for 10,000)`];
  env.log(`    ${lines[0]}`);
  return { valid: problems.length === 0, summary: { ...outcome, seconds: took, perSecond: Math.round(outcome.issued / took) }, lines, problems };
}

export const billingSuite: Suite<BillingFixture> = {
  name: 'billing',
  description: "The platform's billing: usage events into aggregates, and the period-end invoice run for every tenant",
  seed,
  describeFixture: (f) => ({ tenants: f.tenants.length, events: EVENTS, periodStart: f.periodStart, periodEnd: f.periodEnd, seeding: f.seeding }),
  defaults: { tenants: 10_000 },
  scenarios: [],
  tasks: [
    { id: 'a', key: 'billing.usage.ingest', title: `Ingest ${EVENTS.toLocaleString('en')} usage events into the aggregates`, server: { kind: 'platform', workers: true }, run: ingest },
    { id: 'b', key: 'billing.invoice.run', title: 'Close the period of every tenant: one invoice each', server: { kind: 'platform' }, run: invoiceRun },
  ],
  ratios: [],
};
