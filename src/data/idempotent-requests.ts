import type { FastifyReply, FastifyRequest, FastifySchema } from 'fastify';
import { Type, type TSchema } from 'typebox';
import type { Principal, TenantInfo } from '../kernel/context.js';
import type { Db } from '../kernel/db/tables.js';
import { principalKey } from './api-key-admission.js';
import { IdempotencyKeyHeaders, type IdempotencyKeys, IdempotentReplay, REPLAYED_HEADER, requestFingerprint, type StoredResponse } from './idempotency/index.js';

/**
 * The pipeline's Idempotency-Key handling (see pipeline.ts): the header and replay body in a
 * route's schema, and a request that claims its key, runs, and stores its response in the
 * handler's own transaction.
 */

const JSON_TYPE = 'application/json; charset=utf-8';

/** Runs in the handler's transaction after the handler, with its result; returns what to send. */
export type Recorder = (db: Db, result: unknown) => Promise<unknown>;

/** Adds the shared Idempotency-Key header to a route's header schema (validation and OpenAPI). */
export function withIdempotencyHeader(schema: FastifySchema | undefined): FastifySchema {
  const headers = schema?.headers as { properties?: object } | undefined;
  if (!headers) return { ...schema, headers: IdempotencyKeyHeaders };
  return { ...schema, headers: { ...headers, type: 'object', properties: { ...headers.properties, ...IdempotencyKeyHeaders.properties } } };
}

/**
 * Adds the replay body to the 2xx responses of a `status-only` route: documented next to the
 * real body, which Fastify still serializes (the replay is sent as stored text).
 */
export function withReplayResponse(route: string, schema: FastifySchema | undefined): FastifySchema {
  const responses = (schema?.response ?? {}) as Record<string, Record<string, unknown>>;
  const success = Object.keys(responses).filter((code) => /^2\d\d$/.test(code));
  if (success.length === 0 || success.some((code) => 'content' in responses[code]!)) throw new Error(`route ${route} keeps status-only idempotent responses but declares no single JSON 2xx response schema to document the replay in`);
  const description = 'The result, showing its secret this once; a retry with the same Idempotency-Key gets an IdempotentReplay instead.';
  const replays = Object.fromEntries(success.map((code) => [code, Type.Union([responses[code] as TSchema, IdempotentReplay], { description })]));
  return { ...schema, response: { ...responses, ...replays } };
}

/** What is kept of a `status-only` route's response: its status and the id of what it answered, never its body. */
function replayOf(request: FastifyRequest, status: number, result: unknown): StoredResponse {
  const id = (result as { id?: unknown } | null)?.id;
  if (typeof id !== 'string') throw new Error(`route ${request.method} ${request.routeOptions.url} keeps status-only idempotent responses but answered no id`);
  const body: IdempotentReplay = {
    replayed: true,
    id,
    detail: 'This request was already carried out with this Idempotency-Key. Its response showed a secret once, which is not kept: read the resource by its id, or replace the secret with a new request and a new key.',
  };
  return { status, type: JSON_TYPE, body: JSON.stringify(body) };
}

/** What the handler answered, as it goes on the wire: serialized by the route's response schema. */
function responseOf(request: FastifyRequest, reply: FastifyReply, result: unknown): StoredResponse {
  const status = reply.statusCode;
  const set = reply.getHeader('content-type');
  const type = typeof set === 'string' ? set : null;
  if (result === undefined || result === null) return { status, type: null, body: null };
  if (typeof result === 'string') return { status, type: type ?? 'text/plain; charset=utf-8', body: result };
  if (Buffer.isBuffer(result) || typeof (result as { pipe?: unknown }).pipe === 'function') {
    throw new Error(`route ${request.method} ${request.routeOptions.url} answers with a buffer or stream, which an Idempotency-Key replay cannot repeat`);
  }
  const body = reply.serialize(result);
  return { status, type, body: typeof body === 'string' ? body : Buffer.from(body as ArrayBuffer).toString('utf8') };
}

function answer(reply: FastifyReply, response: StoredResponse): string | null {
  reply.code(response.status);
  if (response.body === null) return null;
  reply.type(response.type ?? JSON_TYPE);
  return response.body;
}

/**
 * A request carrying Idempotency-Key: claim the key (or answer the stored response without
 * running the handler), run the handler and store its response in the same transaction, or
 * release the key if the handler fails, so that a retry runs again. Error responses are not
 * stored: a failed request changed nothing.
 */
export async function runIdempotently(keys: IdempotencyKeys, fingerprintKey: Buffer, statusOnly: boolean, key: string, run: (record: Recorder) => Promise<unknown>, request: FastifyRequest, reply: FastifyReply, g: { tenant: TenantInfo; principal: Principal | null }) {
  const fingerprint = requestFingerprint(fingerprintKey, { method: request.method, route: request.routeOptions.url ?? request.url, params: request.params, query: request.query, body: request.body });
  const claim = await keys.claim(g.tenant, { tenantId: g.tenant.id, principal: principalKey(g.principal!), key }, fingerprint);
  if (claim.kind === 'replay') {
    reply.header(REPLAYED_HEADER, 'true');
    return answer(reply, claim.response);
  }
  let response: StoredResponse;
  try {
    response = (await run(async (db, result) => {
      const r = responseOf(request, reply, result);
      await keys.complete(db, claim, statusOnly ? replayOf(request, r.status, result) : r);
      return r;
    })) as StoredResponse;
  } catch (error) {
    await keys.release(g.tenant, claim).catch((e: unknown) => request.log.warn({ err: e }, 'could not release an idempotency key; it frees itself when its lease runs out'));
    throw error;
  }
  return answer(reply, response);
}

