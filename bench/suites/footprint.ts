/**
 * The footprint suite: what one `courtyard start` costs when it is not busy, on the embedded
 * database (PGlite, a fresh data directory) and on PostgreSQL (the fresh benchmark database).
 * One task per database measures, on a server spawned as `npm start` runs it (startCommand):
 *
 * - cold start: spawn → GET /health/ready answers 200 (migrations of an empty database included);
 * - restart: the same, on the data the cold start left;
 * - idle resident memory: VmRSS of the node process once ready and settled, and after the two
 *   idle minutes below (the goal's);
 * - idle CPU: utime + stime of the node process over 60 s, as % of one core, in the first
 *   minute after start-up settled (V8 still collecting start-up garbage and compiling lazily)
 *   and in the minute after it, the steady state the goal is about (and, on
 *   PostgreSQL, what the benchmark database's backends used meanwhile);
 * - commit → webhook: a webhook endpoint for member.created pointing at a receiver in this
 *   process; members created one at a time, a few hundred ms apart; latency = when the
 *   receiver got the delivery − when the POST's response had arrived.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import { memoryOf } from '../lib/resources.js';
import { postgresCpu, postgresDelta, processCpuSeconds } from '../lib/machine.js';
import type { Suite, TaskEnv, TaskOutcome, TaskResult } from '../lib/types.js';
import { seconds, summarise } from '../lib/util.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ADMIN = { email: 'admin@footprint.test', password: 'quiet meadow keeper' };
const OWNER_PASSWORD = 'silver birch lantern';
const GOALS = {
  startSeconds: { pglite: 3, postgres: 2 },
  idleRssMb: { pglite: 200, postgres: 150 },
  idleCpuPercent: 1,
  webhookP50Ms: 150,
};
const SETTLE_MS = 10_000;
const IDLE_SECONDS = 60;
const MEMBERS = 40;
const GAP_MS = 300;

type Kind = 'pglite' | 'postgres';

interface FootprintFixture {
  databaseUrl: string;
}

/**
 * How `npm start` runs the server, without npm in between (its pid is the one measured): the
 * launcher that builds what is stale and then runs the compiled CLI in its own process; the
 * TypeScript sources through tsx in a checkout from before the launcher (a "before" run).
 */
export function startCommand(): string[] {
  const launcher = join(ROOT, 'scripts/courtyard.mjs');
  return existsSync(launcher) ? [launcher, 'start'] : ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), 'start'];
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

interface Running {
  child: ChildProcess;
  baseUrl: string;
  /** Seconds from spawn to the first 200 of /health/ready. */
  readySeconds: number;
}

async function startCourtyard(env: NodeJS.ProcessEnv, port: number): Promise<Running> {
  const t0 = process.hrtime.bigint();
  const child = spawn(process.execPath, startCommand(), { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'inherit'] });
  const baseUrl = `http://127.0.0.1:${port}`;
  let exited: number | null | undefined;
  child.once('exit', (code) => (exited = code));
  while (seconds(t0) < 120) {
    if (exited !== undefined) throw new Error(`courtyard start exited with ${exited} before it was ready`);
    const status = await fetch(`${baseUrl}/health/ready`).then((r) => r.status, () => 0);
    if (status === 200) return { child, baseUrl, readySeconds: seconds(t0) };
    await new Promise((r) => setTimeout(r, 20));
  }
  child.kill('SIGKILL');
  throw new Error('courtyard start was not ready within 120 s');
}

function stopCourtyard(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** A webhook receiver in this process: when each member.created delivery arrived, by member id. */
async function startReceiver(): Promise<{ url: string; received: Map<string, number>; close(): Promise<void> }> {
  const received = new Map<string, number>();
  const server: Server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const at = performance.now();
      try {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { type?: string; data?: { id?: string } };
        if (body.type === 'member.created' && body.data?.id && !received.has(body.data.id)) received.set(body.data.id, at);
      } catch {
        // Not a delivery: ignored.
      }
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/hook`, received, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

async function call(baseUrl: string, method: string, path: string, body?: object, headers: Record<string, string> = {}): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(`${baseUrl}${path}`, { method, headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...headers }, ...(body ? { body: JSON.stringify(body) } : {}) });
  const text = await res.text();
  return { status: res.status, json: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

async function expectStatus(what: string, pending: Promise<{ status: number; json: Record<string, unknown> }>, status: number) {
  const res = await pending;
  if (res.status !== status) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.json)}`);
  return res.json;
}

/** A tenant, its owner's token and an endpoint for member.created; then members one at a time: ms from each response to its delivery. */
async function commitToWebhook(baseUrl: string, receiverUrl: string, received: Map<string, number>): Promise<{ latencies: number[]; missing: number }> {
  const admin = await expectStatus('platform sign-in', call(baseUrl, 'POST', '/control/v1/auth/login', ADMIN), 200);
  const auth = { authorization: `Bearer ${String(admin.accessToken)}` };
  const owner = 'owner@footprint.test';
  await expectStatus('tenant', call(baseUrl, 'POST', '/control/v1/tenants', { slug: 'footprint', name: 'Footprint', plan: 'standard', admin: { email: owner, name: 'Owner', password: OWNER_PASSWORD } }, auth), 201);
  const tenant = { 'x-tenant-id': 'footprint' };
  const session = await expectStatus('tenant sign-in', call(baseUrl, 'POST', '/api/v1/auth/login', { email: owner, password: OWNER_PASSWORD }, tenant), 200);
  const headers = { ...tenant, authorization: `Bearer ${String(session.accessToken)}` };
  await expectStatus('webhook endpoint', call(baseUrl, 'POST', '/api/v1/webhooks/endpoints', { url: receiverUrl, events: ['member.created'] }, headers), 201);

  const committed = new Map<string, number>();
  for (let i = 0; i < MEMBERS; i++) {
    const member = await expectStatus('member', call(baseUrl, 'POST', '/api/v1/members', { firstName: `Idle${i}`, lastName: 'Footprint', type: 'owner' }, headers), 201);
    committed.set(String(member.id), performance.now());
    await new Promise((r) => setTimeout(r, GAP_MS));
  }
  const until = Date.now() + 30_000;
  while (received.size < committed.size && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
  const latencies = [...committed].flatMap(([id, at]) => (received.has(id) ? [received.get(id)! - at] : []));
  return { latencies, missing: committed.size - latencies.length };
}

/** CPU seconds of this database's PostgreSQL backends so far (null on PGlite or off Linux). */
async function databaseBackends(admin: pg.Client, kind: Kind): Promise<{ cpu: Map<number, number> | null; pids: Set<number> } | null> {
  if (kind === 'pglite') return null;
  const rows = await admin.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()');
  return { cpu: await postgresCpu(), pids: new Set(rows.rows.map((r) => r.pid)) };
}

const r1 = (n: number) => Math.round(n * 10) / 10;
const r2 = (n: number) => Math.round(n * 100) / 100;

async function footprint(kind: Kind, fixture: FootprintFixture, env: Omit<TaskEnv, 'baseUrl'>): Promise<TaskOutcome> {
  const dataDir = await mkdtemp(join(tmpdir(), 'courtyard-footprint-'));
  const receiver = await startReceiver();
  const port = await freePort();
  const { DATABASE_URL: _db, REDIS_URL: _redis, ...inherited } = process.env;
  const serverEnv: NodeJS.ProcessEnv = {
    ...inherited,
    ...(kind === 'postgres' ? { DATABASE_URL: fixture.databaseUrl } : {}),
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
    PORT: String(port),
    COURTYARD_DATA_DIR: dataDir,
    COURTYARD_ADMIN_EMAIL: ADMIN.email,
    COURTYARD_ADMIN_PASSWORD: ADMIN.password,
    COURTYARD_WEBHOOKS_ALLOW_PRIVATE: 'true',
    COURTYARD_DRAIN_DELAY: '0',
  };
  let running: Running | undefined;
  try {
    running = await startCourtyard(serverEnv, port);
    const cold = running.readySeconds;
    await stopCourtyard(running.child);
    running = await startCourtyard(serverEnv, port);
    const restart = running.readySeconds;
    const pid = running.child.pid!;

    await new Promise((r) => setTimeout(r, SETTLE_MS));
    const rssMb = (await memoryOf(pid)).rssMb;
    const before = await processCpuSeconds(pid);
    await new Promise((r) => setTimeout(r, IDLE_SECONDS * 1000));
    const firstMinute = await processCpuSeconds(pid);
    const backendsBefore = await databaseBackends(env.admin, kind);
    await new Promise((r) => setTimeout(r, IDLE_SECONDS * 1000));
    const after = await processCpuSeconds(pid);
    const steadyRssMb = (await memoryOf(pid)).rssMb;
    const backendsAfter = await databaseBackends(env.admin, kind);
    const firstMinutePercent = before === null || firstMinute === null ? null : r2(((firstMinute - before) / IDLE_SECONDS) * 100);
    const cpuPercent = firstMinute === null || after === null ? null : r2(((after - firstMinute) / IDLE_SECONDS) * 100);
    const postgresPercent = backendsBefore && backendsAfter ? postgresDelta(backendsBefore.cpu, backendsAfter.cpu, backendsAfter.pids) : null;
    const postgresIdlePercent = postgresPercent === null ? null : r2((postgresPercent / IDLE_SECONDS) * 100);

    const { latencies, missing } = await commitToWebhook(running.baseUrl, receiver.url, receiver.received);
    const latency = summarise(latencies, 1);
    const p95 = latencies.length ? [...latencies].sort((a, b) => a - b)[Math.ceil(0.95 * latencies.length) - 1]! : NaN;

    const goals = { startSeconds: GOALS.startSeconds[kind], idleRssMb: GOALS.idleRssMb[kind], idleCpuPercent: GOALS.idleCpuPercent, webhookP50Ms: GOALS.webhookP50Ms };
    const summary = {
      database: kind,
      command: `node ${startCommand().map((a) => a.replace(ROOT, '')).join(' ')}`,
      coldStartSeconds: r2(cold),
      restartSeconds: r2(restart),
      idleRssMb: steadyRssMb,
      idleRssSettledMb: rssMb,
      idleCpuPercent: cpuPercent,
      idleCpuFirstMinutePercent: firstMinutePercent,
      ...(kind === 'postgres' ? { idlePostgresBackendsCpuPercent: postgresIdlePercent } : {}),
      commitToWebhookMs: { members: MEMBERS, gapMs: GAP_MS, delivered: latencies.length, p50: latency.p50, p95: r1(p95), max: latency.max },
      goals,
      met: {
        coldStart: cold <= goals.startSeconds,
        restart: restart <= goals.startSeconds,
        idleRss: steadyRssMb !== null && steadyRssMb <= goals.idleRssMb,
        idleCpu: cpuPercent !== null && cpuPercent <= goals.idleCpuPercent,
        webhookP50: latencies.length > 0 && latency.p50 <= goals.webhookP50Ms,
      },
    };
    const mark = (ok: boolean) => (ok ? 'met' : 'NOT met');
    const lines = [
      `${kind}: cold start ${summary.coldStartSeconds} s, restart ${summary.restartSeconds} s (goal ≤ ${goals.startSeconds} s: ${mark(summary.met.coldStart && summary.met.restart)})`,
      `${kind}: idle RSS ${steadyRssMb ?? '?'} MiB after two idle minutes, ${rssMb ?? '?'} MiB ${SETTLE_MS / 1000} s after ready (goal ≤ ${goals.idleRssMb}: ${mark(summary.met.idleRss)}); idle CPU ${cpuPercent ?? '?'} % of a core over the second ${IDLE_SECONDS} s (the first: ${firstMinutePercent ?? '?'} %) (goal ≤ ${goals.idleCpuPercent} %: ${mark(summary.met.idleCpu)})${kind === 'postgres' ? `; the database's backends meanwhile ${postgresIdlePercent ?? '?'} %` : ''}`,
      `${kind}: commit → webhook p50 ${latency.p50} ms, p95 ${r1(p95)} ms, max ${latency.max} ms over ${latencies.length} members (goal p50 ≤ ${goals.webhookP50Ms} ms: ${mark(summary.met.webhookP50)})`,
    ];
    // Goals not met are findings, not a broken run; a delivery that never came is.
    const problems = missing > 0 ? [`${missing} of ${MEMBERS} member.created deliveries did not arrive within 30 s`] : [];
    return { valid: problems.length === 0, summary, lines, problems };
  } finally {
    if (running) await stopCourtyard(running.child);
    await receiver.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

export const footprintSuite: Suite<FootprintFixture> = {
  name: 'footprint',
  description: 'One idle `courtyard start` on PGlite and on PostgreSQL: start and restart to ready, idle memory and CPU, commit → webhook latency at low load',
  // Nothing to seed: the cold start on PostgreSQL is the one on the runner's fresh, empty database.
  seed: async (env) => ({ databaseUrl: env.databaseUrl }),
  describeFixture: () => ({ members: MEMBERS, gapMs: GAP_MS, idleSeconds: IDLE_SECONDS, settleMs: SETTLE_MS }),
  scenarios: [],
  selfServedTasks: [
    { id: 'a', key: 'footprint.pglite', title: 'courtyard start on PGlite (fresh data directory)', server: null, run: (f, env) => footprint('pglite', f, env) },
    { id: 'b', key: 'footprint.postgres', title: 'courtyard start on PostgreSQL (fresh database)', server: null, run: (f, env) => footprint('postgres', f, env) },
  ],
  ratios: [],
  report: (_results, tasks) => footprintTable(tasks),
};

/** Both databases side by side, with the goals. */
function footprintTable(tasks: TaskResult[]): string[] {
  type Summary = { coldStartSeconds: number; restartSeconds: number; idleRssMb: number | null; idleRssSettledMb: number | null; idleCpuPercent: number | null; idleCpuFirstMinutePercent: number | null; commitToWebhookMs: { p50: number; p95: number } };
  const of = (kind: Kind) => tasks.find((t) => t.key === `footprint.${kind}`)?.summary as Summary | undefined;
  const cell = (v: number | null | undefined) => String(v ?? '—').padStart(10);
  const row = (label: string, pick: (s: Summary) => number | null, goal: (kind: Kind) => string) =>
    `${label.padEnd(34)}${cell(of('pglite') && pick(of('pglite')!))}  ${goal('pglite').padEnd(9)}${cell(of('postgres') && pick(of('postgres')!))}  ${goal('postgres')}`;
  return [
    `${'footprint'.padEnd(34)}${'PGlite'.padStart(10)}  ${'goal'.padEnd(9)}${'PostgreSQL'.padStart(10)}  goal`,
    row('cold start to ready, s', (s) => s.coldStartSeconds, (k) => `≤ ${GOALS.startSeconds[k]}`),
    row('restart to ready, s', (s) => s.restartSeconds, (k) => `≤ ${GOALS.startSeconds[k]}`),
    row('idle RSS, MiB, ready + 10 s', (s) => s.idleRssSettledMb, () => ''),
    row('idle RSS, MiB, after 2 idle min', (s) => s.idleRssMb, (k) => `≤ ${GOALS.idleRssMb[k]}`),
    row('idle CPU, first minute, % core', (s) => s.idleCpuFirstMinutePercent, () => ''),
    row('idle CPU, second minute, % core', (s) => s.idleCpuPercent, () => `≤ ${GOALS.idleCpuPercent}`),
    row('commit → webhook p50, ms', (s) => s.commitToWebhookMs.p50, () => `≤ ${GOALS.webhookP50Ms}`),
    row('commit → webhook p95, ms', (s) => s.commitToWebhookMs.p95, () => ''),
  ];
}
