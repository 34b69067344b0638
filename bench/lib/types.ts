import type pg from 'pg';

/** How one scenario's server under test is started (each one runs in a child process). */
export type ServerSpec =
  /**
   * The whole Courtyard (createPlatform), both planes, LOG_LEVEL=warn. `workers`: the job
   * workers and the outbox relay run in the same process, as `courtyard start` runs them
   * (createPlatform(config, {workers: true})). `env`: more environment for the child.
   */
  | { kind: 'platform'; workers?: boolean; env?: Record<string, string> }
  /** A bare Fastify + pg app (bench/servers/bare.ts) in one of its modes. */
  | { kind: 'bare'; mode: BareMode };

/** `floor`: the query alone, as the table owner; `tx`: the minimal tenant-bound transaction. */
export type BareMode = 'floor' | 'tx';

/** One HTTP request the load generator sends. */
export interface BenchRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  path: string;
  headers: Record<string, string>;
  body?: string;
}

/** Everything the environment gives a suite: where the database is and the run's knobs. */
export interface SuiteEnv {
  /** The benchmark database (server PostgreSQL). */
  databaseUrl: string;
  /** A superuser/owner connection to the benchmark database, for seeding and checks. */
  admin: pg.Client;
  params: RunParams;
  log: (line: string) => void;
}

export interface RunParams {
  tenants: number;
  membersPerTenant: number;
  /** Tenants created through TenantsService (argon2, provisioning workflow) rather than bulk SQL. */
  serviceTenants: number;
  connections: number;
  durationSeconds: number;
  warmupSeconds: number;
  poolMax: number;
  /** Write V8 CPU profiles of the platform server children. */
  profile: boolean;
  /** Offered requests per second of paced scenarios (open loop); the others run a closed loop. */
  rate: number;
  /** How long a scenario that measures work (webhook deliveries) waits after its window for the work to finish. */
  drainSeconds: number;
  /** Events per second the webhooks suite's bulk producer commits (its scenario (f)). */
  eventRate: number;
}

/** What a suite may set as its own defaults; an option given on the command line wins. */
export type SuiteDefaults = Partial<Pick<RunParams, 'tenants' | 'membersPerTenant' | 'serviceTenants' | 'connections' | 'durationSeconds' | 'warmupSeconds' | 'rate' | 'drainSeconds' | 'eventRate'>>;

/** What a scenario that measures work beside its requests is given. */
export interface WorkEnv {
  admin: pg.Client;
  params: RunParams;
  log: (line: string) => void;
}

/**
 * Work a scenario measures beside its requests (webhook deliveries, a billing run): a scenario
 * kind of its own. run.ts calls `prepare` before the server starts, `windowStart` and
 * `windowEnd` around the measured window, and `finish` after it, with the server still
 * running (to let the work finish and report on it).
 */
export interface WorkProbe {
  prepare(): Promise<void>;
  windowStart(): void;
  windowEnd(): void;
  /** CPU seconds so far of the processes that take the work's other end (a receiver), if any. */
  cpuSeconds?(): Promise<number>;
  finish(): Promise<WorkResult>;
}

export interface WorkResult {
  /** False makes the scenario, and the run, invalid (work left undone, wrong results). */
  valid: boolean;
  /** Recorded in the scenario's JSON as `work`. */
  summary: Record<string, unknown>;
  /** Printed under the scenario's line. */
  lines: string[];
  /** Why it is invalid. */
  problems: string[];
}

/**
 * A benchmark scenario: what server to start, what requests to send, and an optional check
 * (one request, before the load) that the server answers as expected.
 */
export interface Scenario<F> {
  /** Short id used in ratios and on the command line: "a", "b", ... */
  id: string;
  /** Stable machine name for the JSON: "members.get.pipeline". */
  key: string;
  title: string;
  server: ServerSpec;
  /** Builds the next request; called once per request by the load generator, so keep it cheap. */
  request(fixture: F): BenchRequest;
  /** Sanity check against the started server; throw to fail the scenario before loading it. */
  check?(fixture: F, baseUrl: string): Promise<void>;
  /** Paced: offered requests per second over all connections (open loop). Closed loop when absent. */
  rate?(params: RunParams): number;
  /** Work measured beside the requests (see WorkProbe). */
  work?(fixture: F, env: WorkEnv): WorkProbe;
}

/**
 * A ratio the report prints: throughput of `numerator` divided by throughput of `denominator`,
 * or (`metric: 'p50'`, `'p99'`) their latencies — more than 1 is slower, and a latency ratio's
 * target is a ceiling.
 */
export interface Ratio {
  name: string;
  metric?: 'requestsPerSecond' | 'p50' | 'p99';
  numerator: string;
  denominator: string;
  /** The figure the issue asks for; printed next to the ratio. */
  target?: number;
  stretch?: number;
}

/** What a task is given: the started server, the database and the run's knobs. */
export interface TaskEnv {
  baseUrl: string;
  admin: pg.Client;
  params: RunParams;
  log: (line: string) => void;
}

/** What a task reports beside the time and memory the runner measures. */
export interface TaskOutcome {
  /** False makes the task, and the run, invalid (work left undone, wrong results). */
  valid: boolean;
  summary: Record<string, unknown>;
  lines: string[];
  problems: string[];
}

/**
 * One timed piece of work rather than a load (a billing run, a burst of payments, a large
 * report, a batch of PDFs): the runner starts `server`, calls `run`, and records its wall time
 * and the server's memory (resident before, and its peak while the process lived).
 */
export interface Task<F> {
  id: string;
  key: string;
  title: string;
  server: ServerSpec;
  /** Untimed work before the task's server starts (refreshing statistics, say). */
  prepare?(fixture: F, env: TaskEnv): Promise<void>;
  run(fixture: F, env: TaskEnv): Promise<TaskOutcome>;
}

/** A task that starts (and stops) its own servers, as the footprint suite spawns `courtyard start`. */
export interface SelfServedTask<F> {
  id: string;
  key: string;
  title: string;
  server: null;
  run(fixture: F, env: Omit<TaskEnv, 'baseUrl'>): Promise<TaskOutcome>;
}

export interface TaskResult {
  id: string;
  key: string;
  title: string;
  seconds: number;
  /** The server's resident memory when the task began, and the most it ever held (VmHWM), in MiB. */
  serverRssBeforeMb: number | null;
  serverPeakRssMb: number | null;
  valid: boolean;
  summary: Record<string, unknown>;
  problems: string[];
  error?: string;
}

/**
 * A suite: one seeded data set and the scenarios that run against it, one after another, in
 * one run. Later issues add suites (webhook delivery, rent roll, billing run) to the registry.
 */
export interface Suite<F = unknown> {
  name: string;
  description: string;
  /** Seeds the database (created fresh and empty for the run) and returns what scenarios need. */
  seed(env: SuiteEnv): Promise<F>;
  /** Parameters of the data set, recorded in the JSON. */
  describeFixture?(fixture: F): Record<string, unknown>;
  scenarios: Scenario<F>[];
  /** Timed one-shot work, run after the scenarios, each with a fresh server. */
  tasks?: Task<F>[];
  /** Tasks that start their own servers, run after `tasks`. */
  selfServedTasks?: SelfServedTask<F>[];
  ratios: Ratio[];
  /** Defaults of the run's parameters for this suite (the command line wins). */
  defaults?: SuiteDefaults;
  /** More lines for the console report, after the table and the ratios. */
  report?(results: ScenarioResult[], tasks: TaskResult[]): string[];
  /** Stops what seeding started (a receiver process); called once, after the last scenario. */
  teardown?(fixture: F): Promise<void>;
}

export interface LatencySummary {
  mean: number;
  p50: number;
  p90: number;
  p95: number;
  p99: number;
  max: number;
}

export interface ScenarioResult {
  id: string;
  key: string;
  title: string;
  server: ServerSpec;
  durationSeconds: number;
  connections: number;
  /** Offered requests per second of a paced scenario; absent for a closed loop. */
  rate?: number;
  requests: number;
  requestsPerSecond: number;
  /** Milliseconds, over every response in the measured window (warm-up excluded). */
  latencyMs: LatencySummary;
  statusCodes: Record<string, number>;
  non2xx: number;
  errors: number;
  timeouts: number;
  /** No errors, no timeouts, no non-2xx answers, at least one request. */
  valid: boolean;
  /** Server child's CPU time over the measured window, in seconds (user + system). */
  serverCpuSeconds?: number;
  /** Load generator's (this process's) CPU time over the measured window, in seconds. */
  loadGeneratorCpuSeconds?: number;
  /** CPU seconds over the measured window by consumer, and database transactions per request. */
  resources?: {
    server: number;
    serverUser: number;
    serverSystem: number;
    serverMainThread: number | null;
    serverOtherThreads: number | null;
    loadGenerator: number;
    postgres: number | null;
    machine: number | null;
    /** The processes at the work's other end (the webhook receiver), when the scenario has any. */
    work?: number | null;
    others: number | null;
    dbTransactionsPerRequest: number | null;
  };
  /** What the scenario's work probe measured (webhook deliveries ...). */
  work?: Record<string, unknown>;
  /** Why the scenario is invalid, besides errors and non-2xx answers. */
  problems?: string[];
  profile?: string;
  /** System calls per request (--syscalls). */
  syscalls?: { syscall: string; calls: number; perRequest: number }[];
  error?: string;
}
