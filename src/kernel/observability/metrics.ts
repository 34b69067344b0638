import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { PoolStats } from '../db/database.js';

/** Prometheus metrics of one process: requests by route and status, latency, pool usage. */
export class Metrics {
  readonly registry = new Registry();
  readonly requests = new Counter({ name: 'courtyard_http_requests_total', help: 'HTTP requests by method, route and status.', labelNames: ['method', 'route', 'status'], registers: [this.registry] });
  readonly latency = new Histogram({
    name: 'courtyard_http_request_duration_seconds',
    help: 'HTTP request latency by method, route and status.',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  constructor(pools: () => Record<string, PoolStats>) {
    // The event-loop delay is sampled every 100 ms, not prom-client's 10: a hundred wake-ups a
    // second were a fifth of an idle process's CPU; lag that matters lasts longer than that.
    collectDefaultMetrics({ register: this.registry, prefix: 'courtyard_', eventLoopMonitoringPrecision: 100 });
    const gauge = (name: string, help: string, pick: (s: PoolStats) => number) =>
      new Gauge({
        name,
        help,
        labelNames: ['pool'],
        registers: [this.registry],
        collect() {
          for (const [pool, stats] of Object.entries(pools())) this.set({ pool }, pick(stats));
        },
      });
    gauge('courtyard_db_pool_connections', 'Open database connections per pool.', (s) => s.total);
    gauge('courtyard_db_pool_idle', 'Idle database connections per pool.', (s) => s.idle);
    gauge('courtyard_db_pool_waiting', 'Queries waiting for a connection per pool.', (s) => s.waiting);
  }

  observe(method: string, route: string, status: number, seconds: number) {
    const labels = { method, route, status: String(status) };
    this.requests.inc(labels);
    this.latency.observe(labels, seconds);
  }
}
