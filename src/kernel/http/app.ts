import { randomUUID } from 'node:crypto';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import helmet, { type HelmetOptions } from 'helmet';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import { AjvCompiler } from '@fastify/ajv-compiler';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Logger } from 'pino';
import { AppError } from '../errors.js';
import type { Metrics } from '../observability/metrics.js';
import { servePages, type PagesOptions } from './pages.js';
import { sendProblem, toAppError } from './problem.js';
import { refuseMalformedText, strictUtf8 } from './well-formed.js';
import { logsAt } from '../observability/logging.js';
import { traceRequests } from '../observability/tracing.js';

export type HttpApp = FastifyInstance<
  Server,
  IncomingMessage,
  ServerResponse,
  Logger,
  TypeBoxTypeProvider
>;

export interface HttpAppOptions {
  logger: Logger;
  bodyLimit: number;
  trustProxy: boolean;
  metrics: Metrics;
  /** Rewrites a URL before routing (the data plane strips `/t/{slug}` prefixes this way). */
  rewriteUrl?: (req: IncomingMessage) => string;
  /** Serve the web application's pages (the console and the workspaces) beside the API. */
  pages?: PagesOptions;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,128}$/;

// Answers under these paths are data for programs (JSON, CSV, PDF), never a page: nothing in
// them may load or be framed, and as they carry tokens or a tenant's data nothing may keep them.
const API_PATH = /^\/(?:api|control)\//;

/**
 * The standard security headers, as helmet writes them, computed once: they depend on no
 * request, and setting them from a precomputed object costs a tenth of running the middleware
 * on every request (measured with `npm run bench:stages`).
 */
function securityHeaders(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const res = {
    setHeader: (name: string, value: unknown) => void (headers[name.toLowerCase()] = String(value)),
    removeHeader: (name: string) => void delete headers[name.toLowerCase()],
  };
  helmet(options)({} as IncomingMessage, res as unknown as ServerResponse, () => undefined);
  return headers;
}

// Its policy suits a page of this origin (the web app to come); API answers get API_CSP, and
// /docs its own (swagger-ui's staticCSP sets it in its routes, after this).
const SECURITY_HEADERS = securityHeaders({
  // The platform also runs on plain HTTP (development, behind a proxy on a private network):
  // upgrading every request to https would break its pages there.
  contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } },
  // A tenant's custom domain may be an apex whose other subdomains are not ours to pin to https.
  strictTransportSecurity: { maxAge: 15_552_000, includeSubDomains: false },
  referrerPolicy: { policy: 'no-referrer' },
});
const API_CSP = "default-src 'none'; frame-ancestors 'none'";

const ajvOptions = {
  // Unknown fields are refused (additionalProperties: false), never silently dropped.
  removeAdditional: false,
  useDefaults: true,
  allErrors: true,
} as const;
/**
 * Query strings, path parameters and headers are text, so `?limit=10` is coerced to the integer
 * its schema asks for. A JSON body has types of its own: `"amount": "10"` is a client's mistake
 * (a 400 naming the field), never 10 minor units. One pool per app, as Fastify's own default.
 */
function partValidators(): ReturnType<typeof AjvCompiler> {
  const pool = AjvCompiler();
  return (externalSchemas) => {
    const text = pool(externalSchemas, { customOptions: { ...ajvOptions, coerceTypes: 'array' } });
    const json = pool(externalSchemas, { customOptions: { ...ajvOptions, coerceTypes: false } });
    return (route) => ((route as { httpPart?: string }).httpPart === 'body' ? json : text)(route);
  };
}

/** A Fastify instance with our conventions: request ids, problem details, strict validation, metrics. */
/** How long close() lets requests in flight finish before it cuts their connections. */
const CLOSE_GRACE_MS = 5_000;

export function createHttpApp(options: HttpAppOptions): HttpApp {
  const app = Fastify({
    loggerInstance: options.logger,
    // One line per request, written in onResponse with the tenant and user.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: options.bodyLimit,
    trustProxy: options.trustProxy,
    requestIdHeader: false,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    schemaController: { compilersFactory: { buildValidator: partValidators() } },
    ...(options.rewriteUrl ? { rewriteUrl: options.rewriteUrl } : {}),
    // A path the router cannot decode (`%ED%A0%80`, `%FF`) is a problem document too.
    frameworkErrors: (error, _request, reply) => sendProblem(reply, toAppError(error)),
    forceCloseConnections: 'idle',
    return503OnClosing: true,
  }).withTypeProvider<TypeBoxTypeProvider>() as unknown as HttpApp;

  // Every body is JSON: a text/plain body is refused (415), not handed to the schema as a string.
  app.removeContentTypeParser('text/plain');
  // JSON bodies are decoded strictly: bytes that are not UTF-8 are a 400, not U+FFFD stored.
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, strictUtf8(app.getDefaultJsonParser('error', 'error')));

  // First, so that every other hook and the handler run in the request's span.
  traceRequests(app);

  // Hooks on every request are callback-style: no promise per request.
  app.addHook('onRequest', (request, reply, done) => {
    // The standard security headers on every answer, problems and 404s included.
    reply.headers(SECURITY_HEADERS);
    reply.header('x-request-id', request.id);
    const api = API_PATH.test(request.url);
    if (api) reply.header('content-security-policy', API_CSP);
    // A route may still choose its own Cache-Control; sign-in answers are public routes, so the
    // path decides as much as the credentials do.
    if (api || request.headers.authorization !== undefined) reply.header('cache-control', 'no-store');
    done();
  });
  // NUL and unpaired surrogates in any string of any route are invalid input, not a 500 later.
  app.addHook('preValidation', refuseMalformedText);

  // While closing, requests still in flight are answered with `Connection: close`: their
  // keep-alive connections end with the response instead of holding close() (and a SIGTERM
  // drain) open until the keep-alive timeout.
  // Requests in flight then get CLOSE_GRACE_MS to finish; a connection still open after it (a
  // client that keeps sending on a kept-alive socket) is cut, so that close() and a drain end.
  let closing = false;
  let cut: NodeJS.Timeout | undefined;
  app.addHook('preClose', async () => {
    closing = true;
    cut = setTimeout(() => app.server.closeAllConnections(), CLOSE_GRACE_MS);
    cut.unref();
  });
  app.addHook('onClose', async () => clearTimeout(cut));
  app.addHook('onSend', async (_request, reply, payload) => {
    if (closing) reply.header('connection', 'close');
    return payload;
  });

  app.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? 'unmatched';
    options.metrics.observe(request.method, route, reply.statusCode, reply.elapsedTime / 1000);
    const level = reply.statusCode >= 500 ? 'error' : 'info';
    if (logsAt(request.log, level)) {
      request.log[level]({ method: request.method, url: request.url, status: reply.statusCode, ms: Math.round(reply.elapsedTime * 100) / 100 }, 'request');
    }
    done();
  });

  app.setErrorHandler((error, request, reply) => {
    const appError = toAppError(error);
    // ctx is the tenant context when the error came from a data-plane handler.
    const where = (request as { ctx?: { tenant: { slug: string }; principal: { userId: string } | null } }).ctx;
    if (appError.code === 'internal_error') request.log.error({ err: error, ...(where ? { tenant: where.tenant.slug, user: where.principal?.userId } : {}) }, 'unhandled error');
    return sendProblem(reply, appError);
  });

  // Page routes load with the other plugins, so the caller's onRoute hooks see them too.
  let pageFallback: ReturnType<typeof servePages> | null = null;
  const pages = options.pages;
  if (pages) void app.register(async (scope) => void (pageFallback = servePages(scope as unknown as HttpApp, pages)));
  // A workspace's deep links (`/t/{slug}/members/…`) are pages when a browser asks for one.
  app.setNotFoundHandler((request, reply) => pageFallback?.(request, reply) ?? sendProblem(reply, new AppError('route_not_found', `No route ${request.method} ${request.url}`)));

  return app;
}
