/**
 * The one catalogue of error codes. A code is a promise to API clients: never rename one.
 * Every error leaves the process as RFC 9457 problem details at the HTTP edge (http/problem.ts).
 */
export const errorCatalogue = {
  validation_failed: { status: 400, title: 'The request is not valid' },
  malformed_json: { status: 400, title: 'The request body is not valid JSON' },
  invalid_cursor: { status: 400, title: 'The pagination cursor is not valid' },
  unauthenticated: { status: 401, title: 'Authentication is required' },
  invalid_credentials: { status: 401, title: 'The e-mail or password is wrong' },
  invalid_refresh_token: { status: 401, title: 'The refresh token is not valid' },
  invalid_token: { status: 400, title: 'The token is not valid, has expired or was already used' },
  permission_denied: { status: 403, title: 'You do not have the permission for this' },
  module_not_licensed: { status: 403, title: 'The tenant licence does not include this module' },
  licence_invalid: { status: 403, title: 'The tenant licence is not valid' },
  licence_expired: { status: 403, title: 'The tenant licence has expired' },
  tenant_suspended: { status: 403, title: 'The tenant is suspended' },
  tenant_mismatch: { status: 403, title: 'The request names more than one tenant' },
  plan_limit_reached: { status: 403, title: 'The plan limit is reached' },
  account_disabled: { status: 403, title: 'The account is disabled' },
  not_found: { status: 404, title: 'Not found' },
  route_not_found: { status: 404, title: 'No such route' },
  tenant_not_found: { status: 404, title: 'No such tenant' },
  conflict: { status: 409, title: 'The request conflicts with the current state' },
  already_exists: { status: 409, title: 'It already exists' },
  invalid_state: { status: 409, title: 'Not possible in the current state' },
  request_in_progress: { status: 409, title: 'A request with this idempotency key is still in progress' },
  payload_too_large: { status: 413, title: 'The request body is too large' },
  unsupported_media_type: { status: 415, title: 'The content type is not supported' },
  unprocessable: { status: 422, title: 'The request cannot be carried out' },
  idempotency_key_reused: { status: 422, title: 'The idempotency key was used for a different request' },
  rate_limited: { status: 429, title: 'Too many requests' },
  internal_error: { status: 500, title: 'Something went wrong on our side' },
  tenant_not_ready: { status: 503, title: 'The tenant is not ready' },
  not_ready: { status: 503, title: 'The service is not ready' },
} as const;

export type ErrorCode = keyof typeof errorCatalogue;

export interface FieldError {
  /** JSON pointer-ish path of the field, e.g. `/email` or `/admin/password`. */
  field: string;
  message: string;
}

/**
 * What an error adds to its problem document: field errors, response headers and extension
 * members. An extension never takes a standard member's name (a record's state is
 * `currentStatus`, never `status`, which is the HTTP status).
 */
export interface ProblemExtensions {
  errors?: FieldError[];
  headers?: Record<string, string>;
  type?: never;
  title?: never;
  status?: never;
  detail?: never;
  instance?: never;
  code?: never;
  requestId?: never;
  [key: string]: unknown;
}

export class AppError extends Error {
  readonly status: number;
  readonly title: string;
  /**
   * The refusal has effects that must stick (a replayed refresh token revokes its session):
   * the tenant transaction commits before the error is answered.
   */
  persist = false;

  constructor(
    readonly code: ErrorCode,
    detail?: string,
    readonly extra: ProblemExtensions = {},
  ) {
    super(detail ?? errorCatalogue[code].title);
    this.name = 'AppError';
    this.status = errorCatalogue[code].status;
    this.title = errorCatalogue[code].title;
  }
}

export const notFound = (what: string) => new AppError('not_found', `${what} was not found`);

export const fieldError = (field: string, message: string) =>
  new AppError('validation_failed', message, { errors: [{ field, message }] });

/** Marks an error whose transaction must commit anyway (see AppError.persist). */
export function persisting(error: AppError): AppError {
  error.persist = true;
  return error;
}
