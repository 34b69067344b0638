import { setTimeout as sleep } from 'node:timers/promises';
import type { Redis } from 'ioredis';
import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { AppError } from '../errors.js';
import { rateLimiter } from './rate-limiter.js';

const WINDOW_SECONDS = 15 * 60;
/** The first delay once an account is under attack, doubled with every further failure… */
const FIRST_DELAY_MS = 250;
/** …up to this: slow enough to cost a guesser dearly, short enough for the owner to wait. */
const MAX_DELAY_MS = 5_000;

export interface LoginLimits {
  /** Attempts per IP address, whatever the account. */
  perIp: number;
  /** Failures per account from one address before that address is refused for it; also the account-wide failures past which every attempt is slowed. */
  perAccount: number;
}

/**
 * Brute-force protection for sign-in that cannot be turned into a lockout (OWASP
 * Authentication Cheat Sheet): failures are counted per account *and address* together, so an
 * attacker's failures refuse only the attacker's own address. Failures on the account from all
 * addresses together never refuse anyone: past the limit they slow every attempt on the
 * account down, doubling up to five seconds, so that guessing from many addresses stays slow
 * while the owner, with the right password, still gets in. Shared through Redis when it is
 * configured, so that many instances count together; in memory otherwise.
 */
export class LoginThrottle {
  readonly #perIp: RateLimiterAbstract;
  readonly #perAddressAndAccount: RateLimiterAbstract;
  readonly #perAccount: RateLimiterAbstract;

  constructor(private readonly limits: LoginLimits, redis?: Redis) {
    const make = (keyPrefix: string, points: number) => rateLimiter(`login:${keyPrefix}`, points, WINDOW_SECONDS, redis);
    this.#perIp = make('ip', limits.perIp);
    this.#perAddressAndAccount = make('ip-account', limits.perAccount);
    // Counted past its limit on purpose: the count sets the delay.
    this.#perAccount = make('account-failures', 1_000_000_000);
  }

  /**
   * Counts an attempt from `ip` on `account`, refuses it if this address is over its limits,
   * and otherwise waits as long as the account's recent failures ask. Call it before any
   * database work: the wait must not hold a connection.
   */
  async admit(ip: string, account: string): Promise<void> {
    try {
      await this.#perIp.consume(ip);
    } catch (error) {
      throw limited(error);
    }
    const [pair, failures] = await Promise.all([this.#perAddressAndAccount.get(pairKey(ip, account)), this.#perAccount.get(account)]);
    if (pair && pair.consumedPoints >= this.limits.perAccount) throw limited(pair);
    const delay = this.delayFor(failures?.consumedPoints ?? 0);
    if (delay > 0) await sleep(delay);
  }

  /** How long an attempt waits after `failures` recent failures on its account. */
  delayFor(failures: number): number {
    const over = failures - this.limits.perAccount;
    if (over < 0) return 0;
    return Math.min(FIRST_DELAY_MS * 2 ** Math.min(over, 16), MAX_DELAY_MS);
  }

  async failed(ip: string, account: string): Promise<void> {
    await Promise.all([this.#perAddressAndAccount.penalty(pairKey(ip, account), 1), this.#perAccount.penalty(account, 1)]);
  }

  /**
   * Forgets this address's failures on the account. The account-wide count stays: an
   * attacker's failures must not be wiped by the owner signing in.
   */
  async succeeded(ip: string, account: string): Promise<void> {
    await this.#perAddressAndAccount.delete(pairKey(ip, account));
  }
}

const pairKey = (ip: string, account: string) => `${ip}|${account}`;

function limited(error: unknown): AppError {
  if (!(error instanceof RateLimiterRes)) throw error;
  const seconds = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
  return new AppError('rate_limited', `Too many sign-in attempts from this address; try again in ${seconds} seconds`, { headers: { 'retry-after': String(seconds) }, retryAfter: seconds });
}
