import autocannon from 'autocannon';
import type { BenchRequest, LatencySummary } from './types.js';

export interface LoadOptions {
  baseUrl: string;
  connections: number;
  durationSeconds: number;
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
 * this process). Latencies are recorded from every response (any status) with microsecond
 * resolution, not from autocannon's integer-millisecond histogram, so sub-millisecond
 * percentiles mean something.
 */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
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

  const sorted = Float64Array.from(latencies).sort();
  const sum = latencies.reduce((a, b) => a + b, 0);
  const requests = latencies.length;
  const non2xx = Object.entries(statusCodes)
    .filter(([code]) => !code.startsWith('2'))
    .reduce((n, [, count]) => n + count, 0);
  const duration = result.duration || options.durationSeconds;
  return {
    durationSeconds: duration,
    requests,
    requestsPerSecond: round(requests / duration, 1),
    latencyMs: {
      mean: round(requests ? sum / requests : 0),
      p50: round(percentile(sorted, 50)),
      p90: round(percentile(sorted, 90)),
      p99: round(percentile(sorted, 99)),
      max: round(sorted.length ? sorted[sorted.length - 1]! : 0),
    },
    statusCodes,
    non2xx,
    errors: result.errors,
    timeouts: Math.max(timeouts, result.timeouts),
  };
}
