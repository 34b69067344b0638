import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type ErrorCode, type FieldError, type KernelErrorCode } from '../errors.js';
import { translateMessage } from './messages/translate.js';
import { requestLocale } from './request-locale.js';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  code: ErrorCode;
  requestId: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

interface AjvError {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

const pathOf = (pointer: string) => pointer.replace(/^\//, '').replaceAll('/', '.');

/**
 * Turns ajv's errors into our field errors, one per field: `{field: 'admin.email', message}`.
 * A nullable field (`T | null`) fails both branches; the branch that explains is kept.
 */
function fieldErrors(validation: AjvError[], context: string | undefined): FieldError[] {
  const byField = new Map<string, AjvError[]>();
  for (const e of validation) {
    let field = pathOf(e.instancePath);
    if (e.keyword === 'required') field = [field, String(e.params.missingProperty)].filter(Boolean).join('.');
    else if (e.keyword === 'additionalProperties') field = [field, String(e.params.additionalProperty)].filter(Boolean).join('.');
    field ||= context ?? 'body';
    byField.set(field, [...(byField.get(field) ?? []), e]);
  }
  return [...byField.entries()].map(([field, errors]) => {
    const telling = errors.filter((e) => !['anyOf', 'oneOf'].includes(e.keyword) && !(e.keyword === 'type' && e.params.type === 'null'));
    const e = telling[0] ?? errors[0]!;
    const message = e.keyword === 'required' ? 'is required' : e.keyword === 'additionalProperties' ? 'is not a known field' : (e.message ?? 'is not valid');
    return { field, message, ...(context && context !== 'body' ? { in: context } : {}) };
  });
}

// PostgreSQL errors a client can provoke with valid-looking input; anything else is ours.
const pgClientErrors: Record<string, KernelErrorCode> = {
  '23505': 'already_exists',
  '23503': 'conflict',
  '23514': 'unprocessable',
  '23P01': 'conflict',
  '22001': 'validation_failed',
  '22P02': 'validation_failed',
  '22007': 'validation_failed',
  '22008': 'validation_failed',
  '22003': 'validation_failed',
  // Text with NUL (22021) or a jsonb \u0000 escape (22P05): refused at validation, this is the backstop.
  '22021': 'validation_failed',
  '22P05': 'validation_failed',
};

/** Maps anything thrown to an AppError; unknown errors become internal_error (and are logged). */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const e = error as FastifyError & { validation?: AjvError[]; validationContext?: string; code?: string };
  if (e?.validation) {
    return new AppError('validation_failed', 'The request has invalid fields', { errors: fieldErrors(e.validation, e.validationContext) });
  }
  switch (e?.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('malformed_json', e.message);
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('payload_too_large');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('unsupported_media_type', e.message);
    case 'FST_ERR_BAD_URL':
    case 'FST_ERR_MAX_PARAM_LENGTH':
      // The router gave up before it knew the route, so the field is the path as a whole.
      return new AppError('validation_failed', 'The path is not valid', { errors: [{ field: 'path', message: e.code === 'FST_ERR_BAD_URL' ? 'is not valid percent-encoded UTF-8' : 'has a segment that is too long', in: 'params' } as FieldError] });
  }
  // A reference to a row that does not exist (for the tenant: row-level security hides the
  // rows of others) is a missing record, not a conflict; "is still referenced" stays 409.
  if (e?.code === '23503' && /is not present in table/.test(String((e as { detail?: unknown }).detail ?? ''))) {
    return new AppError('not_found', 'A referenced record does not exist');
  }
  if (e?.code && pgClientErrors[e.code]) return new AppError(pgClientErrors[e.code]!, 'The request conflicts with stored data or has a value out of range');
  if (typeof e?.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
    const byStatus: Record<number, KernelErrorCode> = { 400: 'validation_failed', 401: 'unauthenticated', 403: 'permission_denied', 404: 'not_found', 413: 'payload_too_large', 415: 'unsupported_media_type', 429: 'rate_limited' };
    return new AppError(byStatus[e.statusCode] ?? 'unprocessable', e.message);
  }
  return new AppError('internal_error');
}

// The problem's own members, and the headers that leave as headers: an extension of the same
// name (a charge's `status`, say) would contradict the problem, so it never gets through.
const RESERVED = new Set(['type', 'title', 'status', 'detail', 'instance', 'code', 'requestId', 'errors', 'headers']);

/**
 * The problem document of an error. `detail` and the field errors' messages are in the
 * request's language (requestLocale); `code` and `title` stay as they are, for clients to
 * branch on.
 */
export function problemFor(error: AppError, request: FastifyRequest): Problem {
  const extensions = Object.fromEntries(Object.entries(error.extra).filter(([name]) => !RESERVED.has(name)));
  const locale = requestLocale(request);
  const errors = locale === 'en' ? error.extra.errors : error.extra.errors?.map((e) => ({ ...e, message: translateMessage(e.message, locale) }));
  return {
    type: `urn:courtyard:problem:${error.code}`,
    title: error.title,
    status: error.status,
    detail: locale === 'en' ? error.message : translateMessage(error.message, locale),
    instance: request.url,
    code: error.code,
    requestId: String(request.id),
    ...(errors ? { errors } : {}),
    ...extensions,
  };
}

export function sendProblem(reply: FastifyReply, error: AppError) {
  for (const [name, value] of Object.entries(error.extra.headers ?? {})) reply.header(name, value);
  return reply.code(error.status).type(PROBLEM_CONTENT_TYPE).send(problemFor(error, reply.request));
}
