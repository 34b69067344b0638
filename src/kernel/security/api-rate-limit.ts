import type { FastifyReply } from 'fastify';
import type { Redis } from 'ioredis';
import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { AppError } from '../errors.js';
import { rateLimiter } from './rate-limiter.js';

const WINDOW_SECONDS = 60;

export interface ApiLimits {
  /** Requests per principal (a user, or an API key) per minute; 0: no limit. */
  perPrincipal: number;
  /** Requests per tenant per minute, all its principals together; 0: no limit. */
  perTenant: number;
}

interface Counted {
  limiter: RateLimiterAbstract;
  key: string;
  limit: number;
  res: RateLimiterRes;
  refused: boolean;
}

/**
 * The API's limits per principal and per tenant (fixed windows of a minute), checked on every
 * authenticated request: both counters are taken at once, so with Redis it costs one round
 * trip. Every answer says where its caller stands (`RateLimit-Limit`, `RateLimit-Remaining`,
 * `RateLimit-Reset`, the IETF draft's names, for the tighter of the two limits); past either,
 * `429 rate_limited` with `Retry-After`. A request its principal's limit refuses is given back
 * to the tenant's count, so that one runaway client does not use up its tenant's allowance.
 */
export class ApiRateLimit {
  readonly #perPrincipal: RateLimiterAbstract | null;
  readonly #perTenant: RateLimiterAbstract | null;

  constructor(private readonly limits: ApiLimits, redis?: Redis) {
    this.#perPrincipal = limits.perPrincipal > 0 ? rateLimiter('api:principal', limits.perPrincipal, WINDOW_SECONDS, redis) : null;
    this.#perTenant = limits.perTenant > 0 ? rateLimiter('api:tenant', limits.perTenant, WINDOW_SECONDS, redis) : null;
  }

  /** Counts a request of `principal` (a user id, or `key:<id>`) in `tenantId`; sets the headers, or refuses it. */
  async admit(reply: FastifyReply, tenantId: string, principal: string): Promise<void> {
    const counting: Promise<Counted>[] = [];
    if (this.#perPrincipal) counting.push(count(this.#perPrincipal, `${tenantId}:${principal}`, this.limits.perPrincipal));
    if (this.#perTenant) counting.push(count(this.#perTenant, tenantId, this.limits.perTenant));
    if (counting.length === 0) return;
    const counted = await Promise.all(counting);
    const refused = counted.find((c) => c.refused);
    const tightest = refused ?? counted.reduce((a, b) => (b.res.remainingPoints < a.res.remainingPoints ? b : a));
    const reset = Math.max(1, Math.ceil(tightest.res.msBeforeNext / 1000));
    const headers = { 'ratelimit-limit': String(tightest.limit), 'ratelimit-remaining': String(tightest.res.remainingPoints), 'ratelimit-reset': String(reset) };
    if (!refused) {
      reply.headers(headers);
      return;
    }
    // Given back to the other counter (the tenant's, for a principal over its own limit).
    await Promise.all(counted.filter((c) => !c.refused).map((c) => c.limiter.reward(c.key, 1)));
    const whose = refused.limiter === this.#perTenant ? 'this organisation' : 'this user or API key';
    throw new AppError('rate_limited', `Too many requests from ${whose}; try again in ${reset} seconds`, { headers: { ...headers, 'retry-after': String(reset) }, retryAfter: reset });
  }
}

async function count(limiter: RateLimiterAbstract, key: string, limit: number): Promise<Counted> {
  try {
    return { limiter, key, limit, res: await limiter.consume(key), refused: false };
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error;
    return { limiter, key, limit, res: error, refused: true };
  }
}
