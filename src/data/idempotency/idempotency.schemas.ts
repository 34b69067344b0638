import { Type } from 'typebox';

/** The request header (lower case, as Node hands headers over). */
export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
/** The response header that marks a stored response answered again. */
export const REPLAYED_HEADER = 'idempotent-replayed';
export const MAX_KEY_LENGTH = 255;

/**
 * The one definition of the header, merged into the header schema of every unsafe,
 * authenticated data-plane route: Fastify validates it (400 `validation_failed` with a field
 * error `in: headers`) and the OpenAPI document shows it on each of those operations.
 */
export const IdempotencyKeyHeaders = Type.Object({
  [IDEMPOTENCY_KEY_HEADER]: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: MAX_KEY_LENGTH,
      description:
        'A unique value (a UUID is a good choice) that makes a retry of this request safe: the first completed response is kept for 24 hours per user and returned again, with `Idempotent-Replayed: true`, to a retry with the same key and the same request. The same key with a different request answers 422 `idempotency_key_reused`; while the first request runs, a retry answers 409 `request_in_progress`. Error responses are not kept. See docs/idempotency.md.',
    }),
  ),
});
