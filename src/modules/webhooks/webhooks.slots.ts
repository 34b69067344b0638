/**
 * Per-endpoint concurrency: at most `limit` attempts to one endpoint are in flight in this
 * process. An attempt waits for a slot at most `waitMs`; past that it is not made now (the
 * caller puts it back in the queue), so the deliveries of a slow receiver cannot hold the
 * workers that others' deliveries need.
 */
export class EndpointSlots {
  readonly #endpoints = new Map<string, { active: number; waiting: (() => void)[] }>();

  constructor(
    readonly limit: number,
    readonly waitMs: number,
  ) {}

  /** Resolves true with a slot (give it back with `release`), or false after `waitMs` without one. */
  acquire(key: string): Promise<boolean> {
    const e = this.#endpoints.get(key) ?? { active: 0, waiting: [] };
    this.#endpoints.set(key, e);
    if (e.active < this.limit) {
      e.active++;
      return Promise.resolve(true);
    }
    return new Promise((resolve) => {
      const take = () => {
        clearTimeout(timer);
        resolve(true);
      };
      const timer = setTimeout(() => {
        e.waiting.splice(e.waiting.indexOf(take), 1);
        resolve(false);
      }, this.waitMs);
      e.waiting.push(take);
    });
  }

  /** Hands the slot to the longest waiter, or frees it. */
  release(key: string): void {
    const e = this.#endpoints.get(key);
    if (!e) return;
    const next = e.waiting.shift();
    if (next) return next();
    e.active--;
    if (e.active === 0) this.#endpoints.delete(key);
  }

  /** Attempts in flight to `key`, for tests and metrics. */
  inFlight(key: string): number {
    return this.#endpoints.get(key)?.active ?? 0;
  }
}
