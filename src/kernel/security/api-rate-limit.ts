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

/** A tenant's own limits, from its licence (its plan): absent or null keeps the platform's. */
export interface TenantApiLimits {
  apiRatePerPrincipal?: number | null;
  apiRatePerTenant?: number | null;
}

type Policy = 'principal' | 'tenant';

interface Counted {
  policy: Policy;
  limiter: RateLimiterAbstract;
  key: string;
  limit: number;
  res: RateLimiterRes;
  refused: boolean;
}

/**
 * The API's limits per principal and per tenant (fixed windows of a minute), checked on every
 * authenticated request: both counters are taken at once, so with Redis it costs one round
 * trip. A plan can set its own limits (carried by the licence); the platform's apply otherwise.
 *
 * Every answer says where its caller stands, in the IETF draft's fields
 * (draft-ietf-httpapi-ratelimit-headers): `RateLimit-Policy` lists both quotas
 * (`"principal";q=600;w=60, "tenant";q=3000;w=60`) and `RateLimit` the one closest to running
 * out (`"principal";r=597;t=42`: remaining, seconds until the window resets). Past either,
 * `429 rate_limited` with `Retry-After`. A request its principal's limit refuses is given back
 * to the tenant's count, so that one runaway client does not use up its tenant's allowance.
 */
export class ApiRateLimit {
  /** One counter per policy and quota: tenants on the same plan share one. */
  readonly #limiters = new Map<string, RateLimiterAbstract>();

  constructor(private readonly defaults: ApiLimits, private readonly redis?: Redis) {}

  /** Counts a request of `principal` (a user id, or `key:<id>`) in `tenantId`; sets the headers, or refuses it. */
  async admit(reply: FastifyReply, tenantId: string, principal: string, own: TenantApiLimits = {}): Promise<void> {
    const perPrincipal = own.apiRatePerPrincipal ?? this.defaults.perPrincipal;
    const perTenant = own.apiRatePerTenant ?? this.defaults.perTenant;
    const counting: Promise<Counted>[] = [];
    if (perPrincipal > 0) counting.push(count('principal', this.#limiter('principal', perPrincipal), `${tenantId}:${principal}`, perPrincipal));
    if (perTenant > 0) counting.push(count('tenant', this.#limiter('tenant', perTenant), tenantId, perTenant));
    if (counting.length === 0) return;
    const counted = await Promise.all(counting);
    const refused = counted.find((c) => c.refused);
    const tightest = refused ?? counted.reduce((a, b) => (b.res.remainingPoints < a.res.remainingPoints ? b : a));
    const reset = Math.max(1, Math.ceil(tightest.res.msBeforeNext / 1000));
    const headers = {
      'ratelimit-policy': counted.map((c) => `"${c.policy}";q=${c.limit};w=${WINDOW_SECONDS}`).join(', '),
      ratelimit: `"${tightest.policy}";r=${tightest.res.remainingPoints};t=${reset}`,
    };
    if (!refused) {
      reply.headers(headers);
      return;
    }
    // Given back to the other counter (the tenant's, for a principal over its own limit).
    await Promise.all(counted.filter((c) => !c.refused).map((c) => c.limiter.reward(c.key, 1)));
    const whose = refused.policy === 'tenant' ? 'this organisation' : 'this user or API key';
    throw new AppError('rate_limited', `Too many requests from ${whose}; try again in ${reset} seconds`, { headers: { ...headers, 'retry-after': String(reset) }, retryAfter: reset });
  }

  // Counters of one policy share their keys whatever the quota (in Redis): a plan change keeps
  // the window's count and compares it with the new quota.
  #limiter(policy: Policy, points: number): RateLimiterAbstract {
    const id = `${policy}:${points}`;
    let limiter = this.#limiters.get(id);
    if (!limiter) this.#limiters.set(id, (limiter = rateLimiter(`api:${policy}`, points, WINDOW_SECONDS, this.redis)));
    return limiter;
  }
}

async function count(policy: Policy, limiter: RateLimiterAbstract, key: string, limit: number): Promise<Counted> {
  try {
    return { policy, limiter, key, limit, res: await limiter.consume(key), refused: false };
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error;
    return { policy, limiter, key, limit, res: error, refused: true };
  }
}
