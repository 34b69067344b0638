import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';

/**
 * The refresh token of a web page travels in a cookie that scripts cannot read, instead of the
 * JSON body that programs use. A client opts in with `x-token-transport: cookie` on sign-in,
 * refresh and sign-out. Cross-site request forgery cannot use the cookie:
 * - it is `SameSite=Strict`, so a browser sends it only with requests another site did not start;
 * - it is read only from requests carrying that custom header and a JSON body, which a form or
 *   a simple request of another origin cannot send (either needs a CORS preflight, never granted);
 * - it is scoped to the auth routes of one tenant (`/t/{slug}/api/v1/auth`), so the pages of
 *   another tenant never send it.
 */
export const TOKEN_TRANSPORT_HEADER = 'x-token-transport';
export const REFRESH_COOKIE = 'courtyard_refresh';

/** Whether the client asked for the refresh token in the cookie (and lets the cookie be read). */
export function wantsCookie(request: FastifyRequest): boolean {
  return request.headers[TOKEN_TRANSPORT_HEADER] === 'cookie';
}

/** The path the cookie is scoped to: the auth routes as the client addressed them, tenant prefix included. */
function cookiePath(request: FastifyRequest): string {
  const path = (request.originalUrl ?? request.url).split('?')[0]!;
  return /^(.*\/auth)\/[^/]+$/.exec(path)?.[1] ?? '/';
}

function cookie(request: FastifyRequest, value: string, maxAge: number, path = cookiePath(request)): string {
  const secure = request.protocol === 'https' ? '; Secure' : '';
  return `${REFRESH_COOKIE}=${value}; Path=${path}; Max-Age=${maxAge}; HttpOnly; SameSite=Strict${secure}`;
}

/**
 * The refresh cookie of a sign-in that ends in a redirect rather than a JSON answer (single
 * sign-on's callback): `authPath` is the auth routes' path as the page addresses them
 * (`/t/{slug}/api/v1/auth` or `/api/v1/auth`); the page resumes the session with a refresh.
 */
export function refreshCookieFor(request: FastifyRequest, refreshToken: string, ttlSeconds: number, authPath: string): string {
  return cookie(request, refreshToken, ttlSeconds, authPath);
}

/**
 * What a sign-in or refresh answers: the token pair as it is, or, for a client that asked for
 * the cookie, the pair without its refresh token, which goes into the cookie.
 */
export function deliverTokens<T extends { refreshToken: string }>(request: FastifyRequest, reply: FastifyReply, pair: T, ttlSeconds: number): T | Omit<T, 'refreshToken'> {
  if (!wantsCookie(request)) return pair;
  const { refreshToken, ...rest } = pair;
  reply.header('set-cookie', cookie(request, refreshToken, ttlSeconds));
  return rest;
}

/** Signing out ends the cookie too. */
export function clearRefreshCookie(request: FastifyRequest, reply: FastifyReply): void {
  if (wantsCookie(request)) reply.header('set-cookie', cookie(request, '', 0));
}

function readCookie(request: FastifyRequest): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === REFRESH_COOKIE) return part.slice(eq + 1).trim() || undefined;
  }
  return undefined;
}

/**
 * The refresh token of a refresh or sign-out: the body's, else the cookie's when the client
 * sent the custom header. Neither is a 400 naming the field, as it was before the cookie.
 */
export function refreshTokenOf(request: FastifyRequest, body: { refreshToken?: string }): string | undefined {
  if (body.refreshToken !== undefined) return body.refreshToken;
  if (wantsCookie(request)) return readCookie(request);
  throw new AppError('validation_failed', 'The request has invalid fields', { errors: [{ field: 'refreshToken', message: 'is required' }] });
}
