import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { Pool } from 'undici';
import type { BenchRequest, LatencySummary } from './types.js';

export interface LoadOptions {
  baseUrl: string;
  connections: number;
  durationSeconds: number;
  /** Offered requests per second, evenly spaced (open loop, see runPaced); a closed loop when absent. */
  rate?: number;
  /** Builds each request (random tenant, random member ...). */
  next: () => BenchRequest;
}

export interface LoadResult {
  durationSeconds: number;
  requests: number;
  requestsPerSecond: number;
  latencyMs: LatencySummary;
  statusCodes: Record<string, number>;
  non2xx: number;
  errors: number;
  timeouts: number;
}

/** Percentile by nearest rank over sorted values. */
function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

const round = (n: number, digits = 3) => Math.round(n * 10 ** digits) / 10 ** digits;

/**
 * A closed loop of `connections` keep-alive connections for `durationSeconds` (autocannon, in
 * this process), or with `rate` an open loop (runPaced). Latencies are recorded from every response (any status) with microsecond
 * resolution, not from autocannon's integer-millisecond histogram, so sub-millisecond
 * percentiles mean something.
 */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  if (options.rate) return runPaced({ ...options, rate: options.rate });
  const latencies: number[] = [];
  const statusCodes: Record<string, number> = {};
  let timeouts = 0;

  const instance = autocannon({
    url: options.baseUrl,
    connections: options.connections,
    duration: options.durationSeconds,
    pipelining: 1,
    timeout: 10,
    requests: [
      {
        setupRequest: (request) => {
          const r = options.next();
          request.method = r.method;
          request.path = r.path;
          request.headers = r.headers;
          request.body = r.body ?? '';
          return request;
        },
      },
    ],
  });
  // The event carries (client, status, bytes, ms); the typings of some versions leave out the client.
  (instance as unknown as NodeJS.EventEmitter).on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
    latencies.push(ms);
    statusCodes[status] = (statusCodes[status] ?? 0) + 1;
  });
  (instance as unknown as NodeJS.EventEmitter).on('reqError', (error: Error) => {
    if (/timeout/i.test(String(error?.message ?? error))) timeouts++;
  });
  const result = await instance;

  return summariseLoad(latencies, statusCodes, result.duration || options.durationSeconds, result.errors, Math.max(timeouts, result.timeouts));
}

function summariseLoad(latencies: number[], statusCodes: Record<string, number>, duration: number, errors: number, timeouts: number): LoadResult {
  const sorted = Float64Array.from(latencies).sort();
  const sum = latencies.reduce((a, b) => a + b, 0);
  const requests = latencies.length;
  const non2xx = Object.entries(statusCodes)
    .filter(([code]) => !code.startsWith('2'))
    .reduce((n, [, count]) => n + count, 0);
  return {
    durationSeconds: duration,
    requests,
    requestsPerSecond: round(requests / duration, 1),
    latencyMs: {
      mean: round(requests ? sum / requests : 0),
      p50: round(percentile(sorted, 50)),
      p90: round(percentile(sorted, 90)),
      p95: round(percentile(sorted, 95)),
      p99: round(percentile(sorted, 99)),
      max: round(sorted.length ? sorted[sorted.length - 1]! : 0),
    },
    statusCodes,
    non2xx,
    errors,
    timeouts,
  };
}

/**
 * An open loop: `rate` requests per second, evenly spaced (request i is due at i / rate s),
 * each sent when due whatever the answers to earlier ones, over a pool of `connections`
 * keep-alive connections (undici). A request that finds every connection busy waits for one.
 * Latency counts from when the request was due, not from when it was written, so a server (or
 * a pool) that falls behind shows it (no coordinated omission).
 *
 * Not autocannon's overallRate: it gives each connection its share of the rate per second and
 * sends it back to back at the start of each second, all connections at once — a burst per
 * second, whose queue is what the latencies would measure.
 */
async function runPaced(options: LoadOptions & { rate: number }): Promise<LoadResult> {
  const pool = new Pool(options.baseUrl, { connections: options.connections, pipelining: 1, keepAliveTimeout: 30_000, headersTimeout: 10_000, bodyTimeout: 10_000 });
  const latencies: number[] = [];
  const statusCodes: Record<string, number> = {};
  let errors = 0;
  let timeouts = 0;
  const total = Math.max(1, Math.floor(options.durationSeconds * options.rate));
  const interval = 1000 / options.rate;
  const pending: Promise<void>[] = [];
  const start = performance.now();
  for (let i = 0; i < total; i++) {
    const due = start + i * interval;
    const wait = due - performance.now();
    if (wait > 0.5) await new Promise((r) => setTimeout(r, wait));
    const r = options.next();
    pending.push(
      pool
        .request({ method: r.method, path: r.path, headers: r.headers, ...(r.body ? { body: r.body } : {}) })
        .then(async (res) => {
          await res.body.dump();
          latencies.push(performance.now() - due);
          statusCodes[res.statusCode] = (statusCodes[res.statusCode] ?? 0) + 1;
        })
        .catch((error: unknown) => {
          if (/timeout/i.test(String((error as Error)?.name ?? '') + String((error as Error)?.message ?? error))) timeouts++;
          else errors++;
        }),
    );
  }
  // The window is the time it took to send them all at the rate; answers still due are awaited.
  const duration = Math.max(options.durationSeconds, (performance.now() - start) / 1000);
  await Promise.all(pending);
  await pool.close();
  return summariseLoad(latencies, statusCodes, duration, errors, timeouts);
}
