import { Type, type Static, type TSchema } from 'typebox';
import { LOCALES } from '../i18n/locale.js';

export const Uuid = Type.String({ format: 'uuid' });
export const Email = Type.String({ format: 'email', maxLength: 254 });

/** A tenant's time zone as given: checked against Intl by checkRegional (no schema lists them). */
export const TimeZone = Type.String({ minLength: 1, maxLength: 64, description: 'An IANA time zone, e.g. `Pacific/Auckland` (default `UTC`): "today", due dates, late-fee days, lease endings and monthly jobs follow it' });
export const DefaultLocale = Type.Enum([...LOCALES], { description: 'The language of users who chose none (default `en`)' });
/** A timestamp: services hand over Dates, the wire carries ISO 8601 strings. */
export const Timestamp = Type.Unsafe<Date | string>(Type.String({ format: 'date-time' }));
/** A calendar date, `YYYY-MM-DD`. */
export const DateOnly = Type.String({ format: 'date' });
/**
 * `schema` or null, for a response: `type: [..., 'null']`, which the response serializer
 * writes after a typeof test. `Type.Union([schema, Type.Null()])` says the same, but as an
 * `anyOf` the serializer runs a validator on every value to choose the branch (four calls for
 * each row of a page of members).
 */
export const Nullable = <T extends TSchema & { type: string }>(schema: T) => Type.Unsafe<Static<T> | null>({ ...schema, type: [schema.type, 'null'] });

export const IdParams = Type.Object({ id: Uuid }, { additionalProperties: false });

/**
 * Query of every list: a page size and the opaque cursor from the previous page. A cursor
 * holds the last row's sort keys: the longest, a member's two names of 120 characters each
 * escaped to six bytes in JSON at worst, and an id, comes to under 2,048 characters of base64.
 */
export const PageQuery = {
  limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
  cursor: Type.Optional(Type.String({ maxLength: 2048 })),
};

/** The `q` of a list: text to find, case-insensitively, anywhere in the fields `description` names. */
export const SearchQuery = (description: string) => Type.String({ minLength: 1, maxLength: 100, description });

export const Page = <T extends TSchema>(item: T) =>
  Type.Object({ data: Type.Array(item), nextCursor: Nullable(Type.String()) });

export const ProblemSchema = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String(),
    instance: Type.String(),
    code: Type.String(),
    requestId: Type.String(),
    errors: Type.Optional(Type.Array(Type.Object({ field: Type.String(), message: Type.String(), code: Type.Optional(Type.String({ description: 'Why the field was refused, where a client may act on it (`password_too_common`)' })), in: Type.Optional(Type.String({ description: '`querystring` or `params` when the field is not in the body' })) }))),
  },
  { $id: 'Problem', additionalProperties: true },
);

export const TokenPair = Type.Object({
  accessToken: Type.String(),
  refreshToken: Type.Optional(Type.String({ description: 'Absent when the request asked for it in the HttpOnly cookie (`x-token-transport: cookie`).' })),
  expiresIn: Type.Integer({ description: 'Seconds until the access token expires.' }),
  tokenType: Type.Literal('Bearer'),
});
export const LoginBody = Type.Object({ email: Email, password: Type.String({ minLength: 1, maxLength: 1024 }) }, { additionalProperties: false });
/** A refresh or sign-out: the refresh token, or `{}` with `x-token-transport: cookie` and the cookie. */
export const RefreshBody = Type.Object({ refreshToken: Type.Optional(Type.String({ minLength: 1, maxLength: 512 })) }, { additionalProperties: false });
/** Sign-in, refresh and sign-out take the refresh token in the body, or with this header in a cookie (see refresh-cookie.ts). */
export const TokenTransportHeaders = Type.Object({ 'x-token-transport': Type.Optional(Type.Literal('cookie', { description: 'The refresh token travels in an HttpOnly, SameSite=Strict cookie scoped to the auth routes instead of the JSON body.' })) });

/** An API key as it is listed, a tenant's (`cy_…`) or the platform's (`cyp_…`): never its secret. */
export const ApiKeyView = Type.Object({
  id: Uuid,
  name: Type.String(),
  prefix: Type.String({ description: 'The first characters of the key, to tell keys apart' }),
  permissions: Type.Array(Type.String()),
  createdBy: Uuid,
  createdAt: Timestamp,
  expiresAt: Type.Union([Timestamp, Type.Null()]),
  lastUsedAt: Type.Union([Timestamp, Type.Null()], { description: 'Updated at most once a minute' }),
  revokedAt: Type.Union([Timestamp, Type.Null()]),
});

/** One of a user's (or an operator's) own sessions, as `/me/sessions` lists them: both planes answer it. */
export const SessionView = Type.Object({
  id: Uuid,
  startedAt: Timestamp,
  lastActiveAt: Timestamp,
  expiresAt: Type.Unsafe<Date | string>(Type.String({ format: 'date-time', description: 'When the session ends unless it is used (refreshed) before' })),
  current: Type.Boolean({ description: 'The session this request was made with' }),
});
