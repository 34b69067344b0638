import type { SwaggerOptions } from '@fastify/swagger';
import type { RouteOptions } from 'fastify';
import type { ErrorDefinition } from '../errors.js';
import { isPublic, type RouteAccess } from './access.js';
import { PROBLEM_CONTENT_TYPE } from './problem.js';

/** Why each problem status can answer an operation, as the document says it. */
const REASONS: Record<number, string> = {
  400: 'The request is not valid (`validation_failed`, `malformed_json`, `invalid_cursor`)',
  401: 'Authentication is missing or not valid (`unauthenticated`; signing in: `invalid_credentials`, `invalid_refresh_token`)',
  403: 'The caller may not do this (`permission_denied`, or a tenant licence or state that forbids it)',
  404: 'The record, or the tenant, does not exist (`not_found`, `tenant_not_found`)',
  409: 'The request conflicts with the current state (`already_exists`, or a code of the module)',
  422: 'The request is well-formed but cannot be carried out (`unprocessable`)',
  429: 'Too many attempts: wait as `Retry-After` says (`rate_limited`)',
};

interface RouteSchema {
  body?: unknown;
  querystring?: unknown;
  params?: unknown;
  response?: Record<string, unknown>;
  [key: string]: unknown;
}

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * The problem statuses an operation can answer, from what the route declares: input can be
 * invalid, a signed-in route can be refused, a path parameter or a tenant can be unknown, a
 * write can conflict with stored data (a unique or check constraint, a record's state).
 */
export function problemStatuses(method: string, url: string, schema: RouteSchema, access: RouteAccess | undefined, more: readonly number[] = []): number[] {
  const statuses = new Set<number>();
  const hasInput = Boolean(schema.body ?? schema.querystring ?? schema.params) || WRITES.has(method);
  if (hasInput) statuses.add(400);
  if (!access || !isPublic(access)) statuses.add(401).add(403);
  if (schema.params || url.startsWith('/api/')) statuses.add(404);
  if (WRITES.has(method)) statuses.add(409).add(422);
  for (const status of more) statuses.add(status);
  return [...statuses].sort((a, b) => a - b);
}

/**
 * The options of @fastify/swagger: the document's header (servers, licence) and a transform
 * that adds every operation's problem responses from its access declaration and schema, so no
 * route lists them by hand. Only the document changes: the routes' serialisers never see them.
 */
export function openApiOptions(catalogue: readonly ErrorDefinition[]): SwaggerOptions {
  const codesOf = (module: string | undefined, status: number) =>
    catalogue.filter((e) => e.status === status && module !== undefined && e.code.startsWith(`${module}.`)).map((e) => `\`${e.code}\``);
  const problem = (status: number, module: string | undefined) => {
    const own = codesOf(module, status);
    return {
      description: `${REASONS[status] ?? 'A problem'}${own.length > 0 ? `; of this module: ${own.join(', ')}` : ''}.`,
      content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: 'Problem#' } } },
    };
  };
  return {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Courtyard API',
        version: '1',
        description: 'Control plane (`/control/v1`) and data plane (`/api/v1`). Errors are RFC 9457 problem details (`application/problem+json`); their `code` is stable (see docs/errors.md).',
        license: { name: 'AGPL-3.0-or-later', identifier: 'AGPL-3.0-or-later' },
      },
      // The document describes the instance that serves it: every path is relative to its origin.
      servers: [{ url: '/', description: 'This Courtyard instance' }],
      components: {
        securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      },
      security: [{ bearer: [] }],
    },
    // Shared schemas are named after their $id in the document (Problem, not def-0).
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`) },
    transform: ({ schema, url, route }) => {
      if (!schema || (schema as { hide?: boolean }).hide) return { schema, url };
      const s = schema as unknown as RouteSchema;
      const method = [(route as RouteOptions).method].flat()[0] ?? 'GET';
      const { access, problems } = (route as RouteOptions).config ?? {};
      // A route that declares no answer of its own still succeeds (the lint wants a 2xx).
      const response: Record<string, unknown> = s.response ? { ...s.response } : { 200: { description: 'Default Response' } };
      for (const status of problemStatuses(method, url, s, access, problems)) response[status] = problem(status, access?.module);
      const documented = { ...s, response, ...(access && isPublic(access) ? { security: [] } : {}) };
      return { schema: documented as unknown as typeof schema, url };
    },
  };
}
