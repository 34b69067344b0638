import { performance } from 'node:perf_hooks';
import { Agent, request } from 'undici';
import { annotateSpan, withSpan } from '../observability/tracing.js';
import { classifyAddress, DestinationRefusedError, guardedLookup, ipLiteral, type Resolver } from './ssrf.js';

/** Bytes of a receiver's response body that are kept with an attempt. */
export const RESPONSE_BODY_LIMIT = 1024;
export const DEFAULT_TIMEOUT_MS = 15_000;

/** Attempts in flight to one endpoint from one process, unless configured (COURTYARD_WEBHOOKS_ENDPOINT_CONCURRENCY). */
export const DEFAULT_ENDPOINT_CONCURRENCY = 8;
/** Endpoints whose connection pools are kept; the least recently used beyond it is closed. */
const MAX_POOLS = 1_000;
/** An idle kept-alive connection is closed after this (a receiver's own keep-alive may be shorter still). */
const KEEP_ALIVE_MS = 4_000;

export interface SenderOptions {
  /** Let webhooks reach loopback, private and link-local addresses (COURTYARD_WEBHOOKS_ALLOW_PRIVATE). */
  allowPrivate: boolean;
  /** Attempts in flight to one endpoint at once, and so its pool's connections (default DEFAULT_ENDPOINT_CONCURRENCY). */
  endpointConcurrency?: number;
  /** Time for the whole attempt: connect, response headers and the kept part of the body. */
  timeoutMs?: number;
  /** Name resolution (tests inject one). */
  resolve?: Resolver;
}

/** What one HTTP attempt gave: a response, or why there was none. */
export interface AttemptResult {
  statusCode: number | null;
  /** The first RESPONSE_BODY_LIMIT bytes of the response body, as text. */
  responseBody: string | null;
  retryAfter: string | null;
  durationMs: number;
  error: string | null;
}

// PostgreSQL text cannot hold NUL; a receiver's body may.
const storable = (s: string) => s.replaceAll('\u0000', '');

function describeError(error: unknown, timeoutMs: number, timedOut: boolean): string {
  if (timedOut) return `timed out after ${timeoutMs} ms`;
  let e = error as (Error & { code?: string; cause?: unknown }) | undefined;
  // undici wraps socket errors: the refusal of our own lookup is the cause worth telling.
  for (let depth = 0; e && depth < 4; depth++) {
    if (e instanceof DestinationRefusedError) return `refused: ${e.message}`;
    if (!e.cause) break;
    e = e.cause as typeof e;
  }
  const top = error as Error & { code?: string };
  return storable(`${top.code ? `${top.code}: ` : ''}${top.message}`).slice(0, 500);
}

/**
 * Sends webhook requests: POST, JSON, no redirects followed (a 3xx is answered as it is),
 * a deadline for the whole attempt, and, unless private destinations are allowed, a
 * connection only to addresses that were checked after resolution.
 *
 * Each endpoint has its own pool of kept-alive connections (an undici Agent of at most
 * `endpointConcurrency` connections), so a burst to one endpoint reuses its connections and
 * a slow endpoint's connections are its own. Every pool connects through the checking
 * lookup: a kept-alive connection stays with the address that was checked when it opened.
 */
export class WebhookSender {
  readonly timeoutMs: number;
  readonly endpointConcurrency: number;
  /** By endpoint and origin (a changed URL gets a new pool); in order of last use. */
  readonly #pools = new Map<string, Agent>();

  constructor(private readonly options: SenderOptions) {
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.endpointConcurrency = options.endpointConcurrency ?? DEFAULT_ENDPOINT_CONCURRENCY;
  }

  #pool(endpointId: string, target: URL): Agent {
    const key = `${endpointId} ${target.origin}`;
    let agent = this.#pools.get(key);
    if (agent) this.#pools.delete(key);
    else {
      agent = new Agent({
        connect: { lookup: guardedLookup({ allowPrivate: this.options.allowPrivate, resolve: this.options.resolve }), timeout: this.timeoutMs },
        connections: this.endpointConcurrency,
        headersTimeout: this.timeoutMs,
        bodyTimeout: this.timeoutMs,
        keepAliveTimeout: KEEP_ALIVE_MS,
      });
      for (const [oldest, pool] of this.#pools) {
        if (this.#pools.size < MAX_POOLS) break;
        this.#pools.delete(oldest);
        void pool.close().catch(() => undefined);
      }
    }
    this.#pools.set(key, agent);
    return agent;
  }

  /** One attempt to `endpoint`'s URL, through that endpoint's pool. */
  async send(endpoint: { id: string; url: string }, headers: Record<string, string>, body: string): Promise<AttemptResult> {
    const { url } = endpoint;
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    const failed = (error: string): AttemptResult => ({ statusCode: null, responseBody: null, retryAfter: null, durationMs: elapsed(), error });

    let target: URL;
    try {
      target = new URL(url);
    } catch {
      return failed('the URL is not valid');
    }
    // A literal address skips name resolution, and with it the lookup's check.
    const literal = ipLiteral(target);
    const literalClass = literal && !this.options.allowPrivate ? classifyAddress(literal) : null;
    if (literal && literalClass) return failed(`refused: ${new DestinationRefusedError(literal, literalClass).message}`);

    const abort = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      abort.abort();
    }, this.timeoutMs);
    try {
      // The client span names the receiver's host and port only: a URL's path or query may hold its owner's secret.
      const port = Number(target.port) || (target.protocol === 'https:' ? 443 : 80);
      const res = await withSpan('POST', { kind: 'client', attributes: { 'http.request.method': 'POST', 'server.address': target.hostname, 'server.port': port } }, async () => {
        const r = await request(target, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'user-agent': 'Courtyard-Webhooks/1', ...headers },
          body,
          dispatcher: this.#pool(endpoint.id, target),
          signal: abort.signal,
        });
        annotateSpan({ 'http.response.status_code': r.statusCode });
        return r;
      });
      const chunks: Buffer[] = [];
      let kept = 0;
      try {
        for await (const chunk of res.body as AsyncIterable<Buffer>) {
          chunks.push(chunk);
          kept += chunk.length;
          if (kept >= RESPONSE_BODY_LIMIT) break;
        }
      } finally {
        if (kept >= RESPONSE_BODY_LIMIT) res.body.destroy();
      }
      const responseBody = storable(Buffer.concat(chunks).subarray(0, RESPONSE_BODY_LIMIT).toString('utf8'));
      const retryAfter = res.headers['retry-after'];
      const status = res.statusCode;
      const error = status >= 300 && status < 400 ? `redirect (${status}${res.headers.location ? ` to ${String(res.headers.location)}` : ''}) not followed` : status >= 200 && status < 300 ? null : `HTTP ${status}`;
      return { statusCode: status, responseBody, retryAfter: Array.isArray(retryAfter) ? (retryAfter[0] ?? null) : (retryAfter ?? null), durationMs: elapsed(), error: error && storable(error).slice(0, 500) };
    } catch (error) {
      return failed(describeError(error, this.timeoutMs, timedOut));
    } finally {
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {
    const pools = [...this.#pools.values()];
    this.#pools.clear();
    await Promise.all(pools.map((p) => p.close()));
  }
}
