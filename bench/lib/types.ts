import type pg from 'pg';

/** How one scenario's server under test is started (each one runs in a child process). */
export type ServerSpec =
  /** The whole Courtyard (createPlatform), both planes, LOG_LEVEL=warn. */
  | { kind: 'platform' }
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
}

/** A ratio the report prints: throughput of `numerator` divided by throughput of `denominator`. */
export interface Ratio {
  name: string;
  numerator: string;
  denominator: string;
  /** The figure the issue asks for; printed next to the ratio. */
  target?: number;
  stretch?: number;
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
  ratios: Ratio[];
}

export interface LatencySummary {
  mean: number;
  p50: number;
  p90: number;
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
    others: number | null;
    dbTransactionsPerRequest: number | null;
  };
  profile?: string;
  /** System calls per request (--syscalls). */
  syscalls?: { syscall: string; calls: number; perRequest: number }[];
  error?: string;
}
