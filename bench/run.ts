/**
 * `npm run bench [-- options]`: for every suite (or those given with --suite), seeds a fresh
 * PostgreSQL database, runs every scenario of the suite one after another against it (each
 * against its own server child process, with the load generator in this process), prints a
 * table with the ratios and writes the results as JSON under bench/results/. See
 * bench/README.md.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { runLoad } from './lib/load.js';
import { gitCommit, machineInfo } from './lib/machine.js';
import { summariseProfile, type ProfileSummary } from './lib/profile.js';
import { computeRatios, formatProfile, formatResults, formatTasks } from './lib/report.js';
import { cpuBetween, memoryOf, snapshot } from './lib/resources.js';
import { startServer } from './lib/server.js';
import { traceSyscalls } from './lib/syscalls.js';
import type { RunParams, ScenarioResult, TaskResult, WorkResult } from './lib/types.js';
import { seconds } from './lib/util.js';
import { suites, type AnySuite } from './suites/index.js';

const HELP = `npm run bench -- [options]

  --suite NAME[,NAME]    suites to run, one after another, each on a fresh database
                         (${Object.keys(suites).join(', ')}; default: all of them, in that order)
  --only a,c             run only these scenarios (ids; needs a single --suite)
  --tenants N            tenants to seed (default 1000; webhooks: 50; tenants: 10000)
  --members N            members per tenant (default 100; tenants: 10)
  --service-tenants N    tenants created through TenantsService, the rest in bulk (default 3)
  --connections N        concurrent keep-alive connections of the load generator (default 32)
  --duration S           measured seconds per scenario (default 10)
  --warmup S             warm-up seconds per scenario, not measured (default 3; tenants: 15)
  --rate N               offered requests/s of paced scenarios (default 50; webhooks (c), (d))
  --event-rate N         events/s the webhooks suite's bulk producer commits in (f) (default 2000)
  --drain S              how long a scenario that measures work (webhook deliveries) waits
                         after its window for the work to be done (default 30; webhooks: 45)
  --pool N               database pool size of every server (default COURTYARD_DB_POOL_MAX or 10)
  --database NAME        benchmark database, dropped and created (default courtyard_bench)
  --keep                 keep the benchmark database afterwards
  --profile              write a V8 CPU profile of each server over its measured window
                         (bench/results/profiles/) and print where the time goes; the
                         profiler slows the server, so such a run's numbers are not results
  --syscalls             count each server's system calls per request over its measured
                         window with strace -c (much slower: not a result either)
  --no-write             do not write the JSON result
  -h, --help             this help

DATABASE_URL names the PostgreSQL server (default postgres://postgres@127.0.0.1:5432/postgres);
the role needs CREATEDB, and should be the superuser so that (b) bypasses row-level security.`;

// Options without a default here take the suite's default, then the run's (DEFAULTS).
const { values: args } = parseArgs({
  options: {
    suite: { type: 'string' },
    only: { type: 'string' },
    tenants: { type: 'string' },
    members: { type: 'string' },
    'service-tenants': { type: 'string' },
    connections: { type: 'string' },
    duration: { type: 'string' },
    warmup: { type: 'string' },
    rate: { type: 'string' },
    drain: { type: 'string' },
    'event-rate': { type: 'string' },
    pool: { type: 'string', default: process.env.COURTYARD_DB_POOL_MAX ?? '10' },
    database: { type: 'string', default: 'courtyard_bench' },
    keep: { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
    syscalls: { type: 'boolean', default: false },
    'no-write': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (args.help) {
  console.log(HELP);
  process.exit(0);
}

function int(name: string, raw: string, min: number): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) {
    console.error(`--${name} must be an integer >= ${min}, got ${raw}`);
    process.exit(2);
  }
  return n;
}

const suiteNames = args.suite ? args.suite.split(',').map((n) => n.trim()) : Object.keys(suites);
for (const name of suiteNames) {
  if (!suites[name]) {
    console.error(`no suite ${name}; known: ${Object.keys(suites).join(', ')}`);
    process.exit(2);
  }
}
if (args.only && suiteNames.length !== 1) {
  console.error('--only names scenarios of one suite: give --suite too');
  process.exit(2);
}
if (!/^[a-z_][a-z0-9_]{0,62}$/.test(args.database)) {
  console.error('--database must be a plain lower-case identifier');
  process.exit(2);
}

const DEFAULTS = { tenants: 1000, membersPerTenant: 100, serviceTenants: 3, connections: 32, durationSeconds: 10, warmupSeconds: 3, rate: 50, drainSeconds: 30, eventRate: 2000 };

/** The run's parameters for one suite: the command line, else the suite's defaults, else DEFAULTS. */
function paramsFor(suite: AnySuite): RunParams {
  const d = { ...DEFAULTS, ...suite.defaults };
  const opt = (name: string, raw: string | undefined, fallback: number, min: number) => (raw === undefined ? fallback : int(name, raw, min));
  return {
    tenants: opt('tenants', args.tenants, d.tenants, 1),
    membersPerTenant: opt('members', args.members, d.membersPerTenant, 1),
    serviceTenants: opt('service-tenants', args['service-tenants'], d.serviceTenants, 0),
    connections: opt('connections', args.connections, d.connections, 1),
    durationSeconds: opt('duration', args.duration, d.durationSeconds, 1),
    warmupSeconds: opt('warmup', args.warmup, d.warmupSeconds, 0),
    poolMax: int('pool', args.pool, 1),
    profile: args.profile,
    rate: opt('rate', args.rate, d.rate, 1),
    drainSeconds: opt('drain', args.drain, d.drainSeconds, 1),
    eventRate: opt('event-rate', args['event-rate'], d.eventRate, 1),
  };
}

// Check every option before anything runs.
for (const name of suiteNames) paramsFor(suites[name]!);
const only = args.only ? new Set(args.only.split(',').map((s) => s.trim())) : null;
if (only) {
  const suite = suites[suiteNames[0]!]!;
  const ids = [...suite.scenarios, ...(suite.tasks ?? []), ...(suite.selfServedTasks ?? [])].map((s) => s.id);
  if (!ids.some((id) => only.has(id))) {
    console.error(`no scenario or task matches --only ${args.only}; the suite has ${ids.join(', ')}`);
    process.exit(2);
  }
}

const log = (line: string) => process.stdout.write(`${line}\n`);
const baseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const benchUrl = (() => {
  const u = new URL(baseUrl);
  u.pathname = `/${args.database}`;
  return u.toString();
})();
const resultsDir = fileURLToPath(new URL('./results/', import.meta.url));

async function withServerAdmin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: baseUrl });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

const dropDatabase = () => withServerAdmin((c) => c.query(`DROP DATABASE IF EXISTS "${args.database}" WITH (FORCE)`));

/** Runs one suite on a fresh database; true when every scenario is valid. */
async function runSuite(suite: AnySuite): Promise<boolean> {
  const params = paramsFor(suite);
  const scenarios = suite.scenarios.filter((s) => !only || only.has(s.id));
  const tasks = [...(suite.tasks ?? []), ...(suite.selfServedTasks ?? [])].filter((s) => !only || only.has(s.id));
  const taskResults: TaskResult[] = [];
  const startedAt = new Date();
  const stamp = startedAt.toISOString().replace(/\.\d+Z$/, 'Z').replaceAll(':', '-');
  log(`Courtyard benchmark — suite ${suite.name}: ${suite.description}`);
  log(`  ${params.tenants} tenants × ${params.membersPerTenant} members; ${params.connections} connections, ${params.warmupSeconds} s warm-up + ${params.durationSeconds} s per scenario; pool ${params.poolMax}`);

  await dropDatabase();
  await withServerAdmin((c) => c.query(`CREATE DATABASE "${args.database}"`));
  const admin = new pg.Client({ connectionString: benchUrl });
  await admin.connect();
  const results: ScenarioResult[] = [];
  const profiles: ProfileSummary[] = [];
  let fixtureInfo: Record<string, unknown> = {};
  let postgresVersion = 'unknown';
  const machine = machineInfo();
  let fixture: unknown;
  let seeded = false;

  try {
    postgresVersion = (await admin.query<{ server_version: string }>('SHOW server_version')).rows[0]!.server_version;
    log(`  machine: ${machine.cpus} × ${machine.cpuModel}, node ${machine.node}, PostgreSQL ${postgresVersion}, load average ${machine.loadAverage.join(' ')}`);

    log('seeding ...');
    const t0 = process.hrtime.bigint();
    fixture = await suite.seed({ databaseUrl: benchUrl, admin, params, log });
    seeded = true;
    const seedSeconds = seconds(t0);
    fixtureInfo = { ...(suite.describeFixture?.(fixture) ?? {}), seedSeconds: Math.round(seedSeconds * 10) / 10 };
    log(`  seeding took ${seedSeconds.toFixed(1)} s`);

    const profileDir = join(resultsDir, 'profiles', stamp);
    if (params.profile) await mkdir(profileDir, { recursive: true });

    for (const scenario of scenarios) {
      log(`(${scenario.id}) ${scenario.title} ...`);
      await admin.query('CHECKPOINT');
      const rate = scenario.rate?.(params);
      const base: Omit<ScenarioResult, 'durationSeconds' | 'requests' | 'requestsPerSecond' | 'latencyMs' | 'statusCodes' | 'non2xx' | 'errors' | 'timeouts' | 'valid'> = {
        id: scenario.id,
        key: scenario.key,
        title: scenario.title,
        server: scenario.server,
        connections: params.connections,
        ...(rate ? { rate } : {}),
      };
      // A scenario that measures work beside its requests (webhook deliveries): prepared before its server starts.
      const probe = scenario.work?.(fixture, { admin, params, log });
      let server: Awaited<ReturnType<typeof startServer>> | undefined;
      try {
        await probe?.prepare();
        server = await startServer(scenario.server, { databaseUrl: benchUrl, poolMax: params.poolMax });
        const started = server;
        await scenario.check?.(fixture, started.baseUrl);
        const next = () => scenario.request(fixture);
        if (params.warmupSeconds > 0) await runLoad({ baseUrl: started.baseUrl, connections: params.connections, durationSeconds: params.warmupSeconds, rate, next });
        if (params.profile) await started.startProfile();
        const trace = args.syscalls ? await traceSyscalls(started.pid, join(tmpdir(), `courtyard-bench-strace-${started.pid}.txt`)) : null;
        const before = await snapshot(started.pid, () => started.cpuSeconds(), admin, probe);
        probe?.windowStart();
        const load = await runLoad({ baseUrl: started.baseUrl, connections: params.connections, durationSeconds: params.durationSeconds, rate, next });
        probe?.windowEnd();
        const after = await snapshot(started.pid, () => started.cpuSeconds(), admin, probe);
        const syscalls = trace ? await trace.stop(load.requests) : null;
        let profile: string | undefined;
        if (params.profile) {
          profile = join(profileDir, `${scenario.id}-${scenario.key}.cpuprofile`);
          await started.stopProfile(profile);
        }
        const cpu = cpuBetween(before, after, load.requests);
        log(
          `    ${load.requestsPerSecond.toFixed(0)} req/s${rate ? ` (paced at ${rate})` : ''}, p50 ${load.latencyMs.p50.toFixed(2)} ms, p99 ${load.latencyMs.p99.toFixed(2)} ms, ` +
            `${load.non2xx} non-2xx, ${load.errors} errors, ${cpu.dbTransactionsPerRequest ?? '?'} db transactions/request`,
        );
        log(
          `    CPU s: server ${cpu.server} (user ${cpu.serverUser}, kernel ${cpu.serverSystem}; event loop ${cpu.serverMainThread ?? '?'}, other threads ${cpu.serverOtherThreads ?? '?'}), load generator ${cpu.loadGenerator}, ` +
            `postgres ${cpu.postgres ?? '?'}${cpu.work === undefined ? '' : `, receiver ${cpu.work}`}, others ${cpu.others ?? '?'}; whole machine ${cpu.machine ?? '?'} of ${machine.cpus * load.durationSeconds} available`,
        );
        // Let the work finish (deliveries drain) with the server still up.
        let work: WorkResult | undefined;
        if (probe) {
          work = await probe.finish();
          for (const line of work.lines) log(`    ${line}`);
        }
        const problems = work?.problems ?? [];
        const valid = load.requests > 0 && load.non2xx === 0 && load.errors === 0 && load.timeouts === 0 && (work?.valid ?? true);
        const result: ScenarioResult = {
          ...base,
          ...load,
          valid,
          serverCpuSeconds: cpu.server,
          loadGeneratorCpuSeconds: cpu.loadGenerator,
          resources: cpu,
          ...(work ? { work: work.summary } : {}),
          ...(problems.length ? { problems } : {}),
          ...(profile ? { profile } : {}),
          ...(syscalls ? { syscalls } : {}),
        };
        results.push(result);
        if (syscalls) log(`    system calls per request: ${syscalls.slice(0, 10).map((c) => `${c.syscall} ${c.perRequest}`).join(', ')}`);
        if (!valid) log(`    INVALID: status codes ${JSON.stringify(load.statusCodes)}, errors ${load.errors}, timeouts ${load.timeouts}${problems.length ? `; ${problems.join('; ')}` : ''}`);
        if (profile) profiles.push(await summariseProfile(profile));
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        log(`    FAILED: ${message}`);
        results.push({ ...base, durationSeconds: 0, requests: 0, requestsPerSecond: 0, latencyMs: { mean: 0, p50: 0, p90: 0, p95: 0, p99: 0, max: 0 }, statusCodes: {}, non2xx: 0, errors: 0, timeouts: 0, valid: false, error: message });
      } finally {
        if (server) {
          // Let requests the load generator abandoned at the end of its window finish first.
          await new Promise((r) => setTimeout(r, 500));
          await server.stop();
        }
      }
      await new Promise((r) => setTimeout(r, 1000));
    }

    for (const task of tasks) {
      log(`(${task.id}) ${task.title} ...`);
      if (task.server) await task.prepare?.(fixture, { baseUrl: '', admin, params, log });
      await admin.query('CHECKPOINT');
      let server: Awaited<ReturnType<typeof startServer>> | undefined;
      try {
        // A self-served task starts its own servers (the footprint suite spawns `courtyard start`).
        server = task.server ? await startServer(task.server, { databaseUrl: benchUrl, poolMax: params.poolMax }) : undefined;
        const before = server ? await memoryOf(server.pid) : { rssMb: null, peakMb: null };
        const t0 = process.hrtime.bigint();
        const outcome = task.server === null ? await task.run(fixture, { admin, params, log }) : await task.run(fixture, { baseUrl: server!.baseUrl, admin, params, log });
        const took = seconds(t0);
        const after = server ? await memoryOf(server.pid) : { rssMb: null, peakMb: null };
        const result: TaskResult = { id: task.id, key: task.key, title: task.title, seconds: Math.round(took * 100) / 100, serverRssBeforeMb: before.rssMb, serverPeakRssMb: after.peakMb, valid: outcome.valid, summary: outcome.summary, problems: outcome.problems };
        taskResults.push(result);
        log(`    ${result.seconds} s${server ? `; server memory ${result.serverRssBeforeMb ?? '?'} MiB before, peak ${result.serverPeakRssMb ?? '?'} MiB` : ''}${outcome.valid ? '' : '; INVALID'}`);
        for (const line of outcome.lines) log(`    ${line}`);
        for (const problem of outcome.problems) log(`    problem: ${problem}`);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        log(`    failed: ${message}`);
        taskResults.push({ id: task.id, key: task.key, title: task.title, seconds: 0, serverRssBeforeMb: null, serverPeakRssMb: null, valid: false, summary: {}, problems: [message], error: message });
      } finally {
        await server?.stop();
      }
    }
  } finally {
    if (seeded) await suite.teardown?.(fixture).catch((error: unknown) => log(`  teardown failed: ${String(error)}`));
    await admin.end();
    if (args.keep) log(`kept the database ${args.database} (${benchUrl})`);
    else await dropDatabase();
  }

  const ratios = computeRatios(suite.ratios, results);
  const valid = results.every((r) => r.valid) && taskResults.every((r) => r.valid);
  log('');
  if (results.length > 0) log(formatResults(results, ratios));
  if (taskResults.length > 0) log(formatTasks(taskResults));
  const extra = suite.report?.(results, taskResults) ?? [];
  if (extra.length) log(['', ...extra].join('\n'));
  for (const p of profiles) for (const line of formatProfile(p, results)) log(line);

  const finishedAt = new Date();
  const git = gitCommit();
  const report = {
    suite: suite.name,
    description: suite.description,
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    commit: git.commit,
    /** Tracked files under src/ or bench/ differed from the commit: the numbers are of the working tree. */
    dirty: git.dirty,
    valid,
    machine: { ...machine, loadAverageAfter: machineInfo().loadAverage, postgres: postgresVersion },
    parameters: {
      ...params,
      database: args.database,
      loadGenerator: 'autocannon (closed loop unless paced, keep-alive, pipelining 1) in the parent process; every server in its own child process; LOG_LEVEL=warn',
    },
    fixture: fixtureInfo,
    scenarios: results,
    ...(taskResults.length ? { tasks: taskResults } : {}),
    ratios: ratios.map((r) => ({ name: r.name, metric: r.metric ?? 'requestsPerSecond', numerator: r.numerator, denominator: r.denominator, value: r.value, target: r.target ?? null, stretch: r.stretch ?? null, met: r.met })),
    ...(profiles.length ? { profiles } : {}),
  };
  const diagnostic = params.profile || args.syscalls;
  if (!args['no-write'] && !diagnostic) {
    await mkdir(resultsDir, { recursive: true });
    const file = join(resultsDir, `${stamp}-${suite.name}.json`);
    await writeFile(file, `${JSON.stringify(report, null, 2)}\n`);
    log('');
    log(`wrote ${file}`);
  } else if (params.profile) {
    await writeFile(join(resultsDir, 'profiles', stamp, 'summary.json'), `${JSON.stringify(report, null, 2)}\n`);
    log('');
    log(`wrote ${join('bench/results/profiles', stamp, 'summary.json')} (profiling run: not a result)`);
  } else if (diagnostic) {
    log('\ndiagnostic run (--syscalls): the numbers are not results; nothing written');
  }
  if (!valid) log(`\nINVALID RUN of ${suite.name}: a scenario failed, answered with errors or non-2xx responses, or left its work undone; its numbers are not results.`);
  return valid;
}

async function main(): Promise<number> {
  let valid = true;
  for (const [i, name] of suiteNames.entries()) {
    if (i > 0) log('\n' + '='.repeat(100) + '\n');
    valid = (await runSuite(suites[name]!)) && valid;
  }
  if (suiteNames.length > 1) log(`\nsuites ${suiteNames.join(', ')}: ${valid ? 'all valid' : 'NOT ALL VALID'}`);
  return valid ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  async (error) => {
    console.error(error);
    if (!args.keep) await dropDatabase().catch(() => undefined);
    process.exit(1);
  },
);