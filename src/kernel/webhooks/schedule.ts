/**
 * When to try a delivery again, and when to give up on it or on its endpoint. Pure functions
 * of the attempt, the response and an injected clock and randomness: tests need no sleeps.
 */

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Delay before each attempt: the first goes at once, then 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h. */
export const RETRY_SCHEDULE_MS: readonly number[] = [0, 5 * SECOND, 5 * MINUTE, 30 * MINUTE, 2 * HOUR, 5 * HOUR, 10 * HOUR, 10 * HOUR];
/** Attempts a delivery gets from the schedule. */
export const MAX_ATTEMPTS = RETRY_SCHEDULE_MS.length;
/** Each scheduled delay is moved by up to this fraction either way, so that retries of many deliveries spread out. */
export const JITTER = 0.1;
/** An endpoint whose attempts have failed without a success for this long is disabled. */
export const DISABLE_AFTER_FAILING_MS = 5 * DAY;
/** The longest `Retry-After` honoured; a receiver cannot park a delivery for longer. */
export const MAX_RETRY_AFTER_MS = DAY;

/**
 * The delay before the attempt after `failedAttempt` (1-based), jittered, or null when the
 * schedule is spent. `random` returns [0, 1).
 */
export function retryDelay(failedAttempt: number, random: () => number = Math.random): number | null {
  const base = RETRY_SCHEDULE_MS[failedAttempt];
  if (base === undefined) return null;
  return Math.round(base * (1 + JITTER * (2 * random() - 1)));
}

/**
 * `Retry-After` as milliseconds from `now`: delay-seconds or an HTTP date. Null when absent or
 * not understood; never negative; at most MAX_RETRY_AFTER_MS.
 */
export function parseRetryAfter(value: string | null | undefined, now: Date): number | null {
  if (!value) return null;
  const v = value.trim();
  let ms: number;
  if (/^\d+$/.test(v)) ms = Number(v) * SECOND;
  else {
    const at = Date.parse(v);
    if (Number.isNaN(at) || !/[a-z]/i.test(v)) return null;
    ms = at - now.getTime();
  }
  return Math.min(Math.max(ms, 0), MAX_RETRY_AFTER_MS);
}

export type AttemptOutcome =
  | { kind: 'succeeded' }
  /** The endpoint is disabled (410 Gone, or failing for too long); the delivery fails. */
  | { kind: 'disable_endpoint'; reason: 'gone' | 'failing' }
  | { kind: 'retry'; at: Date }
  /** The schedule is spent: the delivery is dead-lettered (a manual retry may revive it). */
  | { kind: 'give_up' };

export interface AttemptFacts {
  /** 1-based number of the attempt just made. */
  attempt: number;
  /** The response status; null when no response came (refused, timed out, connection error). */
  statusCode: number | null;
  retryAfter?: string | null;
  now: Date;
  /** Since when the endpoint has failed without a success, counting this attempt. */
  failingSince: Date | null;
  random?: () => number;
}

/** What follows an attempt. Success is 2xx only; a redirect is a failure. */
export function outcomeOf(f: AttemptFacts): AttemptOutcome {
  if (f.statusCode !== null && f.statusCode >= 200 && f.statusCode < 300) return { kind: 'succeeded' };
  if (f.statusCode === 410) return { kind: 'disable_endpoint', reason: 'gone' };
  if (f.failingSince && f.now.getTime() - f.failingSince.getTime() >= DISABLE_AFTER_FAILING_MS) return { kind: 'disable_endpoint', reason: 'failing' };
  const delay = retryDelay(f.attempt, f.random);
  if (delay === null) return { kind: 'give_up' };
  const asked = parseRetryAfter(f.retryAfter, f.now);
  return { kind: 'retry', at: new Date(f.now.getTime() + Math.max(delay, asked ?? 0)) };
}
