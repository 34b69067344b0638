import type { Redis } from 'ioredis';
import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Config } from '../config.js';
import { AppError } from '../errors.js';
import { LoginThrottle } from './login-throttle.js';
import { rateLimiter } from './rate-limiter.js';

const WINDOW_SECONDS = 15 * 60;

export interface RequestLimits {
  /** Requests per IP address per 15 minutes, whatever the account. */
  perIp: number;
  /** Requests per account (an e-mail address) per 15 minutes, from all addresses together. */
  perAccount: number;
}

/**
 * Limits a request that costs its target something (a password-reset e-mail fills an inbox)
 * per IP address and per account, like sign-in: past either, `429 rate_limited` with
 * `Retry-After`. Accounts that do not exist are counted alike, so a refusal tells nothing about
 * which do. Shared through Redis when it is configured, in memory otherwise.
 */
export class RequestLimit {
  readonly #perIp: RateLimiterAbstract;
  readonly #perAccount: RateLimiterAbstract;

  constructor(private readonly name: string, limits: RequestLimits, redis?: Redis) {
    const make = (keyPrefix: string, points: number) => rateLimiter(`${name}:${keyPrefix}`, points, WINDOW_SECONDS, redis);
    this.#perIp = make('ip', limits.perIp);
    this.#perAccount = make('account', limits.perAccount);
  }

  /** Counts a request from `ip` for `account`, refusing it past either limit. Call it before any database work. */
  async admit(ip: string, account: string): Promise<void> {
    try {
      await this.#perIp.consume(ip);
      await this.#perAccount.consume(account.toLowerCase());
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      const seconds = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
      throw new AppError('rate_limited', `Too many ${this.name} requests; try again in ${seconds} seconds`, { headers: { 'retry-after': String(seconds) }, retryAfter: seconds });
    }
  }
}

/** The limits of the signed-out routes, from the configuration: sign-in's throttle and password-reset requests. */
export function authLimits(config: Pick<Config, 'loginRatePerIp' | 'loginRatePerAccount' | 'resetRatePerIp' | 'resetRatePerAccount'>, redis?: Redis) {
  return {
    throttle: new LoginThrottle({ perIp: config.loginRatePerIp, perAccount: config.loginRatePerAccount }, redis),
    resetLimit: new RequestLimit('password-reset', { perIp: config.resetRatePerIp, perAccount: config.resetRatePerAccount }, redis),
  };
}
