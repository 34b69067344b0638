import { Type, type Static } from 'typebox';

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
        'A unique value (a UUID is a good choice) that makes a retry of this request safe: the first completed response is kept for 24 hours per user and returned again, with `Idempotent-Replayed: true`, to a retry with the same key and the same request (where the response shows a secret once, only its status and the id of the resource are kept: the retry gets an `IdempotentReplay` body). The same key with a different request answers 422 `idempotency_key_reused`; while the first request runs, a retry answers 409 `request_in_progress`. Error responses are not kept. See docs/idempotency.md.',
    }),
  ),
});

/**
 * How a route's responses are kept for Idempotency-Key. `status-only`: the response shows a
 * secret once (a webhook signing secret), so only its status and the `id` of the resource it
 * answers are kept, and a retry gets an `IdempotentReplay` body instead of the secret.
 */
export type IdempotencyStorage = 'status-only';

declare module 'fastify' {
  interface FastifyContextConfig {
    idempotency?: IdempotencyStorage;
  }
}

/** The body a retry of a `status-only` route gets, with the first response's status. */
export const IdempotentReplay = Type.Object(
  {
    replayed: Type.Literal(true),
    id: Type.String({ description: 'The id of the resource the first request created or changed.' }),
    detail: Type.String(),
  },
  {
    additionalProperties: false,
    title: 'IdempotentReplay',
    description:
      'Answers a retry with the same Idempotency-Key of a request whose response showed a secret once: the request was carried out (by the first attempt, not again), and the secret is not kept, so it is not shown again. Read the resource by its id; if the secret was lost, replace it (a new request with a new key). See docs/idempotency.md.',
  },
);
export type IdempotentReplay = Static<typeof IdempotentReplay>;
