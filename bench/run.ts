/**
 * `npm run bench [-- options]`: seeds a fresh PostgreSQL database, runs every scenario of a
 * suite one after another against it (each against its own server child process, with the
 * load generator in this process), prints a table with the ratios and writes the results as
 * JSON under bench/results/. See bench/README.md.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { runLoad } from './lib/load.js';
import { machineBusySeconds, machineInfo, postgresCpu, postgresDelta, threadCpu } from './lib/machine.js';
import { summariseProfile, type ProfileSummary } from './lib/profile.js';
import { computeRatios, formatResults } from './lib/report.js';
import { startServer } from './lib/server.js';
import { traceSyscalls } from './lib/syscalls.js';
import type { RunParams, ScenarioResult } from './lib/types.js';
import { seconds } from './lib/util.js';
import { suites } from './suites/index.js';

const HELP = `npm run bench -- [options]

  --suite NAME           suite to run (${Object.keys(suites).join(', ')}; default members)
  --only a,c             run only these scenarios (ids)
  --tenants N            tenants to seed (default 1000)
  --members N            members per tenant (default 100)
  --service-tenants N    tenants created through TenantsService, the rest in bulk (default 3)
  --connections N        concurrent keep-alive connections of the load generator (default 32)
  --duration S           measured seconds per scenario (default 10)
  --warmup S             warm-up seconds per scenario, not measured (default 3)
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

const { values: args } = parseArgs({
  options: {
    suite: { type: 'string', default: 'members' },
    only: { type: 'string' },
    tenants: { type: 'string', default: '1000' },
    members: { type: 'string', default: '100' },
    'service-tenants': { type: 'string', default: '3' },
    connections: { type: 'string', default: '32' },
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '3' },
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

const suite = suites[args.suite];
if (!suite) {
  console.error(`no suite ${args.suite}; known: ${Object.keys(suites).join(', ')}`);
  process.exit(2);
}
if (!/^[a-z_][a-z0-9_]{0,62}$/.test(args.database)) {
  console.error('--database must be a plain lower-case identifier');
  process.exit(2);
}

const params: RunParams = {
  tenants: int('tenants', args.tenants, 1),
  membersPerTenant: int('members', args.members, 1),
  serviceTenants: int('service-tenants', args['service-tenants'], 0),
  connections: int('connections', args.connections, 1),
  durationSeconds: int('duration', args.duration, 1),
  warmupSeconds: int('warmup', args.warmup, 0),
  poolMax: int('pool', args.pool, 1),
  profile: args.profile,
};
const only = args.only ? new Set(args.only.split(',').map((s) => s.trim())) : null;
const scenarios = suite.scenarios.filter((s) => !only || only.has(s.id));
if (scenarios.length === 0) {
  console.error(`no scenario matches --only ${args.only}; the suite has ${suite.scenarios.map((s) => s.id).join(', ')}`);
  process.exit(2);
}

const log = (line: string) => process.stdout.write(`${line}\n`);
const baseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const benchUrl = (() => {
  const u = new URL(baseUrl);
  u.pathname = `/${args.database}`;
  return u.toString();
})();
const resultsDir = fileURLToPath(new URL('./results/', import.meta.url));
const startedAt = new Date();
const stamp = startedAt.toISOString().replace(/\.\d+Z$/, 'Z').replaceAll(':', '-');

async function withServerAdmin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: baseUrl });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

interface Snapshot {
  server: { user: number; system: number };
  serverThreads: { main: number; others: number } | null;
  self: NodeJS.CpuUsage;
  machine: number | null;
  postgres: Map<number, number> | null;
  xact: number | null;
  /** This database's backends and the server's background processes. */
  ourPids: Set<number> | null;
}

/** Every counter the report shows, read just before and just after the measured window. */
async function snapshot(pid: number, serverCpu: () => Promise<{ user: number; system: number }>, admin: pg.Client): Promise<Snapshot> {
  const xact = await admin
    .query<{ n: number }>('SELECT (xact_commit + xact_rollback)::float8 AS n FROM pg_stat_database WHERE datname = current_database()')
    .then((r) => r.rows[0]!.n)
    .catch(() => null);
  const ourPids = await admin
    .query<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE datname = current_database() OR backend_type <> 'client backend'")
    .then((r) => new Set(r.rows.map((row) => row.pid)))
    .catch(() => null);
  return { server: await serverCpu(), serverThreads: await threadCpu(pid), self: process.cpuUsage(), machine: await machineBusySeconds(), postgres: await postgresCpu(), xact, ourPids };
}

const r2 = (n: number) => Math.round(n * 100) / 100;

function cpuBetween(a: Snapshot, b: Snapshot, requests: number) {
  const selfSeconds = (b.self.user - a.self.user + b.self.system - a.self.system) / 1e6;
  const serverUser = b.server.user - a.server.user;
  const serverSystem = b.server.system - a.server.system;
  const server = serverUser + serverSystem;
  const postgres = postgresDelta(a.postgres, b.postgres, b.ourPids);
  const machine = a.machine === null || b.machine === null ? null : b.machine - a.machine;
  return {
    server: r2(server),
    /** Of which in user space (JavaScript, V8, libraries) and in the kernel (system calls: sockets). */
    serverUser: r2(serverUser),
    serverSystem: r2(serverSystem),
    serverMainThread: a.serverThreads && b.serverThreads ? r2(b.serverThreads.main - a.serverThreads.main) : null,
    serverOtherThreads: a.serverThreads && b.serverThreads ? r2(b.serverThreads.others - a.serverThreads.others) : null,
    loadGenerator: r2(selfSeconds),
    postgres,
    machine: machine === null ? null : r2(machine),
    /** Everything else the machine ran meanwhile (other tests, the OS): the noise. */
    others: machine === null || postgres === null ? null : r2(Math.max(0, machine - server - selfSeconds - postgres)),
    // PostgreSQL flushes these counters about once a second: an estimate over a 10 s window.
    dbTransactionsPerRequest: a.xact === null || b.xact === null || requests === 0 ? null : Math.round(((b.xact - a.xact) / requests) * 1000) / 1000,
  };
}

const dropDatabase = () => withServerAdmin((c) => c.query(`DROP DATABASE IF EXISTS "${args.database}" WITH (FORCE)`));

function gitCommit(): string | null {
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

async function main(): Promise<number> {
  log(`Courtyard benchmark — suite ${suite!.name}: ${suite!.description}`);
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

  try {
    postgresVersion = (await admin.query<{ server_version: string }>('SHOW server_version')).rows[0]!.server_version;
    log(`  machine: ${machine.cpus} × ${machine.cpuModel}, node ${machine.node}, PostgreSQL ${postgresVersion}, load average ${machine.loadAverage.join(' ')}`);

    log('seeding ...');
    const t0 = process.hrtime.bigint();
    const fixture = await suite!.seed({ databaseUrl: benchUrl, admin, params, log });
    const seedSeconds = seconds(t0);
    fixtureInfo = { ...(suite!.describeFixture?.(fixture) ?? {}), seedSeconds: Math.round(seedSeconds * 10) / 10 };
    log(`  seeding took ${seedSeconds.toFixed(1)} s`);

    const profileDir = join(resultsDir, 'profiles', stamp);
    if (params.profile) await mkdir(profileDir, { recursive: true });

    for (const scenario of scenarios) {
      log(`(${scenario.id}) ${scenario.title} ...`);
      await admin.query('CHECKPOINT');
      const base: Omit<ScenarioResult, 'durationSeconds' | 'requests' | 'requestsPerSecond' | 'latencyMs' | 'statusCodes' | 'non2xx' | 'errors' | 'timeouts' | 'valid'> = {
        id: scenario.id,
        key: scenario.key,
        title: scenario.title,
        server: scenario.server,
        connections: params.connections,
      };
      const server = await startServer(scenario.server, { databaseUrl: benchUrl, poolMax: params.poolMax });
      try {
        await scenario.check?.(fixture, server.baseUrl);
        const next = () => scenario.request(fixture);
        if (params.warmupSeconds > 0) await runLoad({ baseUrl: server.baseUrl, connections: params.connections, durationSeconds: params.warmupSeconds, next });
        if (params.profile) await server.startProfile();
        const trace = args.syscalls ? await traceSyscalls(server.pid, join(tmpdir(), `courtyard-bench-strace-${server.pid}.txt`)) : null;
        const before = await snapshot(server.pid, () => server.cpuSeconds(), admin);
        const load = await runLoad({ baseUrl: server.baseUrl, connections: params.connections, durationSeconds: params.durationSeconds, next });
        const after = await snapshot(server.pid, () => server.cpuSeconds(), admin);
        const syscalls = trace ? await trace.stop(load.requests) : null;
        let profile: string | undefined;
        if (params.profile) {
          profile = join(profileDir, `${scenario.id}-${scenario.key}.cpuprofile`);
          await server.stopProfile(profile);
        }
        const valid = load.requests > 0 && load.non2xx === 0 && load.errors === 0 && load.timeouts === 0;
        const cpu = cpuBetween(before, after, load.requests);
        const result: ScenarioResult = {
          ...base,
          ...load,
          valid,
          serverCpuSeconds: cpu.server,
          loadGeneratorCpuSeconds: cpu.loadGenerator,
          resources: cpu,
          ...(profile ? { profile } : {}),
          ...(syscalls ? { syscalls } : {}),
        };
        results.push(result);
        log(
          `    ${load.requestsPerSecond.toFixed(0)} req/s, p50 ${load.latencyMs.p50.toFixed(2)} ms, p99 ${load.latencyMs.p99.toFixed(2)} ms, ` +
            `${load.non2xx} non-2xx, ${load.errors} errors, ${cpu.dbTransactionsPerRequest ?? '?'} db transactions/request`,
        );
        log(
          `    CPU s: server ${cpu.server} (user ${cpu.serverUser}, kernel ${cpu.serverSystem}; event loop ${cpu.serverMainThread ?? '?'}, other threads ${cpu.serverOtherThreads ?? '?'}), load generator ${cpu.loadGenerator}, ` +
            `postgres ${cpu.postgres ?? '?'}, others ${cpu.others ?? '?'}; whole machine ${cpu.machine ?? '?'} of ${machine.cpus * load.durationSeconds} available`,
        );
        if (syscalls) log(`    system calls per request: ${syscalls.slice(0, 10).map((c) => `${c.syscall} ${c.perRequest}`).join(', ')}`);
        if (!valid) log(`    INVALID: status codes ${JSON.stringify(load.statusCodes)}, errors ${load.errors}, timeouts ${load.timeouts}`);
        if (profile) profiles.push(await summariseProfile(profile));
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        log(`    FAILED: ${message}`);
        results.push({ ...base, durationSeconds: 0, requests: 0, requestsPerSecond: 0, latencyMs: { mean: 0, p50: 0, p90: 0, p99: 0, max: 0 }, statusCodes: {}, non2xx: 0, errors: 0, timeouts: 0, valid: false, error: message });
      } finally {
        // Let requests the load generator abandoned at the end of its window finish first.
        await new Promise((r) => setTimeout(r, 500));
        await server.stop();
      }
      await new Promise((r) => setTimeout(r, 1000));
    }
  } finally {
    await admin.end();
    if (args.keep) log(`kept the database ${args.database} (${benchUrl})`);
    else await dropDatabase();
  }

  const ratios = computeRatios(suite!.ratios, results);
  const valid = results.every((r) => r.valid);
  log('');
  log(formatResults(results, ratios));
  for (const p of profiles) {
    const r = results.find((x) => x.profile && p.file.endsWith(x.profile.split('/').pop()!));
    // The profile samples the event loop only: scale its shares by the event loop's CPU time.
    const perRequest = r?.resources?.serverMainThread && r.requests ? (r.resources.serverMainThread / r.requests) * 1e6 : null;
    log('');
    log(`CPU profile ${p.file}: ${p.busyMs} ms busy of ${p.totalMs} ms sampled${perRequest ? `; event loop ${perRequest.toFixed(0)} µs CPU per request` : ''}`);
    log('  busy time by stage:');
    for (const s of p.byStage) log(`    ${(s.share * 100).toFixed(1).padStart(5)}%${perRequest ? ` ${(s.share * perRequest).toFixed(1).padStart(7)} µs/req` : ''}  ${s.stage}`);
    log('  self time by area:');
    for (const a of p.byArea.slice(0, 12)) log(`    ${(a.share * 100).toFixed(1).padStart(5)}%  ${a.area}`);
    log('  inclusive time of src/ functions:');
    for (const f of p.inclusiveSrc.slice(0, 12)) log(`    ${(f.share * 100).toFixed(1).padStart(5)}%  ${f.fn}`);
  }

  const finishedAt = new Date();
  const report = {
    suite: suite!.name,
    description: suite!.description,
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    commit: gitCommit(),
    valid,
    machine: { ...machine, loadAverageAfter: machineInfo().loadAverage, postgres: postgresVersion },
    parameters: {
      ...params,
      database: args.database,
      loadGenerator: 'autocannon (closed loop, keep-alive, pipelining 1) in the parent process; every server in its own child process; LOG_LEVEL=warn',
    },
    fixture: fixtureInfo,
    scenarios: results,
    ratios: ratios.map((r) => ({ name: r.name, numerator: r.numerator, denominator: r.denominator, value: r.value, target: r.target ?? null, stretch: r.stretch ?? null, met: r.met })),
    ...(profiles.length ? { profiles } : {}),
  };
  const diagnostic = params.profile || args.syscalls;
  if (!args['no-write'] && !diagnostic) {
    await mkdir(resultsDir, { recursive: true });
    const file = join(resultsDir, `${stamp}-${suite!.name}.json`);
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
  if (!valid) log('\nINVALID RUN: a scenario failed or answered with errors or non-2xx responses; its numbers are not results.');
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
