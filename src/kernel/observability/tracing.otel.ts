import { AsyncLocalStorage } from 'node:async_hooks';
import { ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Attributes, type Context, type Span } from '@opentelemetry/api';
import { detectResources, envDetector, resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, TracerProvider, type SpanExporter } from '@opentelemetry/sdk-trace';
import { ATTR_ERROR_TYPE, ATTR_HTTP_REQUEST_METHOD, ATTR_HTTP_RESPONSE_STATUS_CODE, ATTR_HTTP_ROUTE, ATTR_SERVICE_NAME, ATTR_URL_PATH } from '@opentelemetry/semantic-conventions';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';
import type { SpanAttributes, SpanKind as Kind, Tracer } from './tracing.js';

/**
 * OpenTelemetry behind tracing.ts, loaded only when an endpoint is configured. Spans are made
 * by hand at our own seams (requests, tenant transactions, jobs, webhook attempts) rather than
 * by instrumentation packages that patch modules as they load, which ESM does not allow well
 * and which cost start-up time. The span in scope is kept in an AsyncLocalStorage of ours, so
 * nothing global (no context manager, no global provider) is registered.
 */

export interface TracerOptions {
  url: string;
  /** `http/json`, or else `http/protobuf`. */
  protocol: string;
  headers: Record<string, string>;
  serviceName: string;
}

const KINDS: Record<Kind, SpanKind> = { internal: SpanKind.INTERNAL, server: SpanKind.SERVER, client: SpanKind.CLIENT, consumer: SpanKind.CONSUMER };
const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;
const INVALID_TRACE = /^0+$/;

async function exporterFor(options: TracerOptions): Promise<SpanExporter> {
  const config = { url: options.url, headers: options.headers };
  if (options.protocol === 'http/json') return new (await import('@opentelemetry/exporter-trace-otlp-http')).OTLPTraceExporter(config);
  return new (await import('@opentelemetry/exporter-trace-otlp-proto')).OTLPTraceExporter(config);
}

function attributesOf(given: SpanAttributes | undefined): Attributes {
  const attributes: Attributes = {};
  for (const [key, value] of Object.entries(given ?? {})) if (value !== undefined) attributes[key] = value;
  return attributes;
}

/** A refusal (4xx) is the service working as it should; anything else is a failure the span records. */
function recordFailure(span: Span, error: unknown): void {
  if (error instanceof AppError && error.status < 500) {
    span.setAttribute('courtyard.error.code', error.code);
    return;
  }
  const e = error instanceof Error ? error : new Error(String(error));
  span.recordException(e);
  span.setAttribute(ATTR_ERROR_TYPE, e instanceof AppError ? e.code : e.name);
  span.setStatus({ code: SpanStatusCode.ERROR, message: e.message });
}

export async function openTracer(options: TracerOptions): Promise<Tracer> {
  // OTEL_RESOURCE_ATTRIBUTES adds to the resource; the service name is ours (OTEL_SERVICE_NAME, through the config).
  const resource = detectResources({ detectors: [envDetector] }).merge(resourceFromAttributes({ [ATTR_SERVICE_NAME]: options.serviceName }));
  const provider = new TracerProvider({ resource, spanProcessors: [new BatchSpanProcessor({ exporter: await exporterFor(options) })] });
  const tracer = provider.getTracer('courtyard');
  const scope = new AsyncLocalStorage<Context>();
  const requests = new WeakMap<FastifyRequest, Context>();

  const inScope = (): Context => scope.getStore() ?? ROOT_CONTEXT;
  const remote = (traceparent: string | null | undefined): Context | null => {
    const m = traceparent ? TRACEPARENT.exec(traceparent) : null;
    if (!m || INVALID_TRACE.test(m[1]!) || INVALID_TRACE.test(m[2]!)) return null;
    return trace.setSpanContext(ROOT_CONTEXT, { traceId: m[1]!, spanId: m[2]!, traceFlags: Number.parseInt(m[3]!, 16) & 1, isRemote: true });
  };

  return {
    async span(name, { kind = 'internal', attributes, parent }, fn) {
      const context = remote(parent) ?? inScope();
      const span = tracer.startSpan(name, { kind: KINDS[kind], attributes: attributesOf(attributes) }, context);
      try {
        return await scope.run(trace.setSpan(context, span), fn);
      } catch (error) {
        recordFailure(span, error);
        throw error;
      } finally {
        span.end();
      }
    },

    annotate(attributes) {
      trace.getSpan(inScope())?.setAttributes(attributesOf(attributes));
    },

    traceparent() {
      const span = trace.getSpan(inScope())?.spanContext();
      if (!span) return null;
      return `00-${span.traceId}-${span.spanId}-0${span.traceFlags & 1}`;
    },

    enterRequest(request, next) {
      const route = request.routeOptions.url;
      // A request that carries a trace (from a gateway or a client that traces) continues it.
      const header = request.headers.traceparent;
      const parent = remote(typeof header === 'string' ? header : null) ?? ROOT_CONTEXT;
      const span = tracer.startSpan(route ? `${request.method} ${route}` : request.method, {
        kind: SpanKind.SERVER,
        attributes: attributesOf({
          [ATTR_HTTP_REQUEST_METHOD]: request.method,
          [ATTR_HTTP_ROUTE]: route,
          // The path without the query string, which may hold what a user searched for.
          [ATTR_URL_PATH]: request.url.split('?', 1)[0],
          'courtyard.request.id': String(request.id),
        }),
      }, parent);
      const context = trace.setSpan(parent, span);
      requests.set(request, context);
      scope.run(context, next);
    },

    endRequest(request, statusCode) {
      const span = trace.getSpan(requests.get(request) ?? ROOT_CONTEXT);
      if (!span) return;
      requests.delete(request);
      if (statusCode === null) {
        span.setAttribute(ATTR_ERROR_TYPE, 'aborted');
      } else {
        span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, statusCode);
        // A server's 4xx is the client's mistake, not the server's failure.
        if (statusCode >= 500) {
          span.setStatus({ code: SpanStatusCode.ERROR });
          span.setAttribute(ATTR_ERROR_TYPE, String(statusCode));
        }
      }
      span.end();
    },

    shutdown: () => provider.shutdown(),
  };
}
