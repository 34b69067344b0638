import type { FastifyBaseLogger as Logger } from 'fastify';
import type { TenantInfo } from '../../kernel/context.js';
import type { TenantDatabaseRouter } from '../../kernel/db/router.js';
import { recordUsage } from '../../kernel/metering/usage.js';

const FLUSH_MS = 60_000;

/**
 * Counts the API requests each tenant is served, in memory, and reports them to the platform
 * once a minute (and at shutdown) as one usage event per tenant: an event, and a transaction,
 * per request would cost more than the requests. A process that dies loses at most its last
 * minute's count, which undercounts, never overcounts.
 */
export class ApiRequestMeter {
  readonly #counts = new Map<string, { tenant: TenantInfo; n: number }>();
  #timer: NodeJS.Timeout | undefined;
  #flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly router: TenantDatabaseRouter,
    private readonly log: Logger,
  ) {}

  count(tenant: TenantInfo): void {
    const entry = this.#counts.get(tenant.id);
    if (entry) entry.n++;
    else this.#counts.set(tenant.id, { tenant, n: 1 });
  }

  start(): void {
    this.#timer ??= setInterval(() => void this.flush(), FLUSH_MS).unref();
  }

  /** Reports what was counted; a tenant whose report fails keeps its count for the next flush. */
  flush(): Promise<void> {
    this.#flushing = this.#flushing.then(async () => {
      const taken = [...this.#counts.values()];
      this.#counts.clear();
      for (const { tenant, n } of taken) {
        try {
          await this.router.tenantTransaction(tenant, (db) => recordUsage({ db, tenant }, 'apiRequests', n));
        } catch (error) {
          this.log.warn({ err: error, tenant: tenant.slug }, 'could not report API requests; kept for the next minute');
          const again = this.#counts.get(tenant.id);
          if (again) again.n += n;
          else this.#counts.set(tenant.id, { tenant, n });
        }
      }
    });
    return this.#flushing;
  }

  async stop(): Promise<void> {
    clearInterval(this.#timer);
    this.#timer = undefined;
    await this.flush();
  }
}
