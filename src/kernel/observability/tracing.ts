import type { FastifyRequest } from 'fastify';
import type { Config } from '../config.js';
import type { HttpApp } from '../http/app.js';

/**
 * Tracing, as the rest of the code sees it: a handful of functions that are one line at a call
 * site and a null check when no OTLP endpoint is configured. OpenTelemetry itself lives in
 * tracing.otel.ts, which is imported only when tracing starts, so a process without an
 * endpoint loads none of it.
 *
 * The tracer is one per process, like OpenTelemetry's own global provider: the database
 * router, the job runtime, the outbox and the webhook sender all open spans, and threading a
 * tracer through each of them would change every constructor for what is a cross-cutting
 * concern. The span in scope travels in an AsyncLocalStorage inside tracing.otel.ts.
 */

export type SpanKind = 'internal' | 'server' | 'client' | 'consumer';
export type SpanAttributes = Record<string, string | number | boolean | undefined>;

export interface SpanOptions {
  kind?: SpanKind;
  attributes?: SpanAttributes;
  /**
   * The W3C `traceparent` of the span this one continues (a job's, carried through the outbox
   * from the request that caused it). Absent: the span in scope, if any.
   */
  parent?: string | null;
}

/** What tracing.otel.ts provides. */
export interface Tracer {
  span<T>(name: string, options: SpanOptions, fn: () => Promise<T>): Promise<T>;
  annotate(attributes: SpanAttributes): void;
  traceparent(): string | null;
  /** Opens a request's server span and calls `next` in its scope. */
  enterRequest(request: FastifyRequest, next: () => void): void;
  /** `statusCode` null: the client went away before an answer. */
  endRequest(request: FastifyRequest, statusCode: number | null): void;
  /** Exports what is buffered and stops. */
  shutdown(): Promise<void>;
}

/** Attribute names of our own (OpenTelemetry's are used where one fits). */
export const TENANT_ID = 'courtyard.tenant.id';
export const TENANT_SLUG = 'courtyard.tenant.slug';

export type TracingConfig = Pick<Config, 'otlpEndpoint' | 'otlpTracesEndpoint' | 'otlpProtocol' | 'otlpHeaders' | 'serviceName'>;

export interface Tracing {
  /** Exports the spans not yet sent and stops tracing (the platform's close calls it). */
  stop(): Promise<void>;
}

let active: Tracer | null = null;

/** Where spans go: the traces endpoint as given, or `/v1/traces` under the general one (as the OTLP specification says). */
export function tracesUrl(config: TracingConfig): string | null {
  if (config.otlpTracesEndpoint) return config.otlpTracesEndpoint;
  if (!config.otlpEndpoint) return null;
  return `${config.otlpEndpoint.replace(/\/+$/, '')}/v1/traces`;
}

/** Starts tracing if an endpoint is configured; without one it does nothing and loads nothing. */
export async function startTracing(config: TracingConfig): Promise<Tracing> {
  const url = tracesUrl(config);
  if (!url) return { stop: async () => undefined };
  const { openTracer } = await import('./tracing.otel.js');
  const tracer = await openTracer({ url, protocol: config.otlpProtocol, headers: config.otlpHeaders ?? {}, serviceName: config.serviceName });
  active = tracer;
  return {
    async stop() {
      if (active === tracer) active = null;
      await tracer.shutdown();
    },
  };
}

/** Runs `fn` in a span (a child of the span in scope, or of `options.parent`); without tracing, just runs it. */
export function withSpan<T>(name: string, options: SpanOptions, fn: () => Promise<T>): Promise<T> {
  return active ? active.span(name, options, fn) : fn();
}

/** Adds attributes to the span in scope (what is only known once the work is done: a status code). */
export function annotateSpan(attributes: SpanAttributes): void {
  active?.annotate(attributes);
}

/** The tenant of the span in scope (a request's, once resolved). */
export function tagTenant(tenant: { id: string; slug?: string }): void {
  active?.annotate({ [TENANT_ID]: tenant.id, [TENANT_SLUG]: tenant.slug });
}

/** The W3C `traceparent` of the span in scope, to be carried to work that runs later (the outbox); null without tracing. */
export function currentTraceparent(): string | null {
  return active ? active.traceparent() : null;
}

/**
 * A server span per request, named after the route template (`GET /api/v1/members/:id`).
 * Registered first on the app, so every later hook and the handler run in its scope (Fastify
 * binds body parsing to the scope it started in); without tracing, no hook is added at all.
 */
export function traceRequests(app: HttpApp): void {
  const tracer = active;
  if (!tracer) return;
  app.addHook('onRequest', (request, _reply, done) => tracer.enterRequest(request, done));
  app.addHook('onResponse', (request, reply, done) => {
    tracer.endRequest(request, reply.statusCode);
    done();
  });
  // A client that goes away gets no response: its span ends here instead.
  app.addHook('onRequestAbort', (request, done) => {
    tracer.endRequest(request, null);
    done();
  });
}
