import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from 'rate-limiter-flexible';

/**
 * A counter of `points` per `durationSeconds` window under `name`: in Redis when it is
 * configured, so that every instance counts together, in this process's memory otherwise.
 * Every rate limit of Courtyard is made here.
 */
export function rateLimiter(name: string, points: number, durationSeconds: number, redis?: Redis): RateLimiterAbstract {
  return redis
    ? new RateLimiterRedis({ storeClient: redis, keyPrefix: `courtyard:${name}`, points, duration: durationSeconds })
    : new RateLimiterMemory({ keyPrefix: name, points, duration: durationSeconds });
}
