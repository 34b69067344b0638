import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { AppError } from '../errors.js';

const WINDOW_SECONDS = 15 * 60;

/**
 * Brute-force protection for sign-in: every attempt counts against the client's IP, every
 * failure against the account. Shared through Redis when it is configured, so that many
 * instances count together; in memory otherwise.
 */
export class LoginThrottle {
  readonly #perIp: RateLimiterAbstract;
  readonly #perAccount: RateLimiterAbstract;

  constructor(limits: { perIp: number; perAccount: number }, redis?: Redis) {
    const make = (keyPrefix: string, points: number) =>
      redis
        ? new RateLimiterRedis({ storeClient: redis, keyPrefix: `courtyard:login:${keyPrefix}`, points, duration: WINDOW_SECONDS })
        : new RateLimiterMemory({ keyPrefix, points, duration: WINDOW_SECONDS });
    this.#perIp = make('ip', limits.perIp);
    this.#perAccount = make('account', limits.perAccount);
  }

  /** Counts an attempt from `ip` and refuses it if the IP or the account is over its limit. */
  async attempt(ip: string, account: string): Promise<void> {
    try {
      await this.#perIp.consume(ip);
    } catch (error) {
      throw limited(error);
    }
    const state = await this.#perAccount.get(account);
    if (state && state.consumedPoints >= this.#perAccount.points) throw limited(state);
  }

  async failed(account: string): Promise<void> {
    await this.#perAccount.penalty(account, 1);
  }

  async succeeded(account: string): Promise<void> {
    await this.#perAccount.delete(account);
  }
}

function limited(error: unknown): AppError {
  if (!(error instanceof RateLimiterRes)) throw error;
  const seconds = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
  return new AppError('rate_limited', `Too many sign-in attempts; try again in ${seconds} seconds`, { headers: { 'retry-after': String(seconds) }, retryAfter: seconds });
}
