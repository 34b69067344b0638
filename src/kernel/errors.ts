/**
 * The kernel's error codes, shared by every module. A code is a promise to API clients: never
 * rename one. A module declares its own codes with `defineErrors` in its manifest, and the
 * module host merges them into one catalogue (docs/errors.md is generated from it). Every
 * error leaves the process as RFC 9457 problem details at the HTTP edge (http/problem.ts).
 */
interface ErrorDetails {
  readonly status: number;
  /** The problem's `title`, the same for every problem of the code. */
  readonly title: string;
  /** When the code is answered, for docs/errors.md, where the title does not say it all. */
  readonly description?: string;
}

export const errorCatalogue = {
  validation_failed: { status: 400, title: 'The request is not valid' },
  malformed_json: { status: 400, title: 'The request body is not valid JSON' },
  invalid_cursor: { status: 400, title: 'The pagination cursor is not valid' },
  unauthenticated: { status: 401, title: 'Authentication is required' },
  invalid_credentials: { status: 401, title: 'The e-mail or password is wrong' },
  invalid_refresh_token: { status: 401, title: 'The refresh token is not valid' },
  invalid_token: { status: 400, title: 'The token is not valid, has expired or was already used', description: 'An invitation (or other single-use) token is unknown, has expired or was already used; the three are not told apart' },
  permission_denied: { status: 403, title: 'You do not have the permission for this' },
  field_restricted: { status: 403, title: 'Your roles hide this field', description: 'A write names a field that every role of yours hides (a custom role\'s field restrictions); the field errors name the fields' },
  module_not_licensed: { status: 403, title: 'The tenant licence does not include this module' },
  licence_invalid: { status: 403, title: 'The tenant licence is not valid' },
  licence_expired: { status: 403, title: 'The tenant licence has expired' },
  tenant_suspended: { status: 403, title: 'The tenant is suspended' },
  tenant_mismatch: { status: 403, title: 'The request names more than one tenant' },
  plan_limit_reached: { status: 403, title: 'The plan limit is reached' },
  subscription_past_due: { status: 402, title: "The community's subscription is past due", description: 'The tenant has not paid the platform and its licence is read-only: reading works, changes are refused until the open invoices are paid (signing in, one\'s own account and paying still work; see [billing](billing.md))' },
  account_disabled: { status: 403, title: 'The account is disabled' },
  mfa_required: { status: 403, title: 'This action needs a recent second factor', description: 'The action needs a second factor given within the last 15 minutes: `POST /api/v1/auth/step-up` with a code (a user who has no authenticator app enrols one first, see [security](security.md#two-step-sign-in))' },
  mfa_enrolment_required: { status: 403, title: 'Two-step sign-in must be set up first', description: 'At sign-in: the tenant requires two-step sign-in for one of the user\'s roles and the user has not enrolled; the problem carries an `mfaToken` that allows only the enrolment (see [security](security.md#two-step-sign-in))' },
  weak_password: { status: 422, title: 'The password is not acceptable', description: 'The password is shorter than 12 characters, one of the most common passwords, or contains the e-mail name or the organisation\'s name; each field error says which in its `code` (`password_too_short`, `password_too_common`, `password_contains_context`)' },
  not_found: { status: 404, title: 'Not found' },
  route_not_found: { status: 404, title: 'No such route' },
  tenant_not_found: { status: 404, title: 'No such tenant' },
  conflict: { status: 409, title: 'The request conflicts with the current state' },
  already_exists: { status: 409, title: 'It already exists' },
  invalid_state: { status: 409, title: 'Not possible in the current state' },
  request_in_progress: { status: 409, title: 'A request with this idempotency key is still in progress', description: 'A request with this `Idempotency-Key` is still in progress; retry shortly (see [idempotency](idempotency.md))' },
  payload_too_large: { status: 413, title: 'The request body is too large' },
  unsupported_media_type: { status: 415, title: 'The content type is not supported' },
  unprocessable: { status: 422, title: 'The request cannot be carried out' },
  idempotency_key_reused: { status: 422, title: 'The idempotency key was used for a different request', description: 'The `Idempotency-Key` was used for a different request (see [idempotency](idempotency.md))' },
  rate_limited: { status: 429, title: 'Too many requests' },
  internal_error: { status: 500, title: 'Something went wrong on our side' },
  tenant_not_ready: { status: 503, title: 'The tenant is not ready' },
  not_ready: { status: 503, title: 'The service is not ready' },
} as const satisfies Record<string, ErrorDetails>;

export type KernelErrorCode = keyof typeof errorCatalogue;

/** One code of the catalogue, with the HTTP status and title every problem of that code has. */
export interface ErrorDefinition<Code extends string = string> extends ErrorDetails {
  readonly code: Code;
}

/** A kernel code, or a module's (always `<module>.<name>`). */
export type ErrorCode = KernelErrorCode | `${string}.${string}`;

export const kernelErrors: readonly ErrorDefinition<KernelErrorCode>[] = Object.entries(errorCatalogue).map(([code, details]) => ({ code: code as KernelErrorCode, ...details }));

export type ModuleErrors<Module extends string, Names extends string> = { readonly [Name in Names]: ErrorDefinition<`${Module}.${Name}`> };

/**
 * A module's error codes, `<module>.<name>`, for its manifest's `errors` and its throws:
 * `new AppError(financeErrors.charge_already_void, ...)` can only name a code that exists.
 * A code is a promise to clients (they branch on it): add one where a client would act
 * differently, never rename one.
 */
export function defineErrors<const Module extends string, const Names extends string>(
  module: Module,
  errors: Record<Names, ErrorDetails>,
): ModuleErrors<Module, Names> {
  const entries = Object.entries<ErrorDetails>(errors).map(([name, details]) => {
    if (!/^[a-z][a-z0-9_]*$/.test(name)) throw new Error(`error code ${module}.${name}: a name is lower snake case`);
    if (!Number.isInteger(details.status) || details.status < 400 || details.status > 599) throw new Error(`error code ${module}.${name}: ${details.status} is not an error status`);
    return [name, { code: `${module}.${name}`, ...details }];
  });
  return Object.freeze(Object.fromEntries(entries)) as ModuleErrors<Module, Names>;
}

export interface FieldError {
  /** JSON pointer-ish path of the field, e.g. `/email` or `/admin/password`. */
  field: string;
  message: string;
  /** A stable reason for the field, where a client may act on it (`password_too_common`). */
  code?: string;
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

  readonly code: ErrorCode;
  readonly definition: ErrorDefinition<ErrorCode>;

  /** `error` is a kernel code, or a module's definition (from its `defineErrors`). */
  constructor(
    error: KernelErrorCode | ErrorDefinition<ErrorCode>,
    detail?: string,
    readonly extra: ProblemExtensions = {},
  ) {
    const definition = typeof error === 'string' ? { code: error, ...errorCatalogue[error] } : error;
    super(detail ?? definition.title);
    this.name = 'AppError';
    this.definition = definition;
    this.code = definition.code;
    this.status = definition.status;
    this.title = definition.title;
  }
}

/** The error catalogue as Markdown, for docs/errors.md (`courtyard errors --markdown`). */
export function errorsMarkdown(catalogue: readonly ErrorDefinition[]): string {
  const rows = catalogue.map((e) => `| \`${e.code}\` | ${e.status} | ${e.description ?? e.title} |`);
  return ['| code | status | when |', '| --- | --- | --- |', ...rows].join('\n');
}

export const notFound = (what: string) => new AppError('not_found', `${what} was not found`);

export const fieldError = (field: string, message: string) =>
  new AppError('validation_failed', message, { errors: [{ field, message }] });

/** Marks an error whose transaction must commit anyway (see AppError.persist). */
export function persisting(error: AppError): AppError {
  error.persist = true;
  return error;
}
