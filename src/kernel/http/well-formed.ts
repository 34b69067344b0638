import type { FastifyBodyParser, FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { AppError, type FieldError } from '../errors.js';

/**
 * Text the database cannot store as sent: a NUL (PostgreSQL text refuses \u0000, jsonb
 * refuses its escape) or a lone UTF-16 surrogate (JSON may spell one, `"\ud800"`; UTF-8 has
 * no encoding for it, so the driver would store U+FFFD in its place).
 */
// eslint-disable-next-line no-control-regex -- NUL is what it looks for
const MALFORMED = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const MALFORMED_GLOBAL = new RegExp(MALFORMED.source, 'g');

export const isWellFormedText = (text: string): boolean => !MALFORMED.test(text);

const MESSAGE = 'must be text without NUL characters, in valid UTF-8';

type Where = 'querystring' | 'params' | 'headers' | 'body';

/**
 * The dotted paths (as validation errors name fields) of the strings and object keys in
 * `value` that are not `fine`. Iterative: a deeply nested JSON body must not overflow the stack.
 */
function malformedFields(value: unknown, fine: (text: string) => boolean = isWellFormedText): string[] {
  const found: string[] = [];
  const stack: [unknown, string][] = [[value, '']];
  while (stack.length > 0) {
    const [v, path] = stack.pop()!;
    if (typeof v === 'string') {
      if (!fine(v)) found.push(path);
    } else if (Array.isArray(v)) {
      v.forEach((item, i) => stack.push([item, join(path, String(i))]));
    } else if (v !== null && typeof v === 'object' && !Buffer.isBuffer(v)) {
      for (const [key, item] of Object.entries(v)) {
        if (!fine(key)) found.push(join(path, key.replace(MALFORMED_GLOBAL, '\ufffd')));
        else stack.push([item, join(path, key)]);
      }
    }
  }
  return found;
}

const join = (path: string, key: string) => (path ? `${path}.${key}` : key);

/**
 * Query parameters whose percent-encoding is not UTF-8 (`%ED%A0%80`, `%FF`): the query
 * parser keeps such a value as the literal text, so it is found in the raw query string.
 */
function undecodableParameters(url: string): string[] {
  const start = url.indexOf('?');
  if (start < 0 || !url.includes('%', start)) return [];
  const found: string[] = [];
  for (const pair of url.slice(start + 1).split('&')) {
    if (!pair.includes('%')) continue;
    const eq = pair.indexOf('=');
    const [key, value] = eq < 0 ? [pair, ''] : [pair.slice(0, eq), pair.slice(eq + 1)];
    const name = decode(key);
    if (name === null || decode(value) === null) found.push(name ?? key);
  }
  return found;
}

function decode(component: string): string | null {
  try {
    return decodeURIComponent(component.replaceAll('+', ' '));
  } catch {
    return null;
  }
}

/**
 * A `preValidation` hook for every route: a request with malformed text anywhere in its query,
 * path parameters, headers or body is refused as invalid (400 `validation_failed`, naming
 * each field), before any schema, handler or query sees it.
 */
export function refuseMalformedText(request: FastifyRequest, _reply: FastifyReply, done: HookHandlerDoneFunction): void {
  const errors: FieldError[] = [];
  const add = (where: Where, fields: string[]) => {
    for (const field of new Set(fields)) errors.push({ field: field || where, message: MESSAGE, ...(where === 'body' ? {} : { in: where }) });
  };
  add('querystring', [...undecodableParameters(request.url), ...malformedFields(request.query)]);
  add('params', malformedFields(request.params));
  add('headers', malformedFields(request.headers));
  add('body', malformedFields(request.body));
  done(errors.length === 0 ? undefined : malformedText(errors));
}

const malformedText = (errors: FieldError[]) => new AppError('validation_failed', 'The request has text that is not valid UTF-8 or holds NUL characters', { errors });

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The body as UTF-8 text, or null when its bytes are not UTF-8 (read strictly, not as U+FFFD). */
function decodeUtf8(body: Buffer): string | null {
  try {
    return utf8.decode(body);
  } catch {
    return null;
  }
}

/** Parses a text body (CSV): bytes that are not UTF-8 are refused, naming the body. */
export const strictUtf8Text: FastifyBodyParser<Buffer> = (_request, body, done) => {
  const text = decodeUtf8(body);
  if (text === null) done(malformedText([{ field: 'body', message: MESSAGE }]), undefined);
  else done(null, text);
};

/**
 * Wraps Fastify's JSON body parser so that the body is decoded as UTF-8 strictly: bytes that
 * are not UTF-8 are refused, naming the fields they are in, instead of being read as U+FFFD.
 */
export function strictUtf8(parseJson: FastifyBodyParser<string>): FastifyBodyParser<Buffer> {
  return function parse(this: unknown, request, body, done) {
    const text = decodeUtf8(body);
    if (text !== null) return parseJson.call(this as never, request, text, done);
    // Read again leniently, only to find where: a field now holding U+FFFD held the bad bytes.
    let fields: string[] = [];
    try {
      fields = malformedFields(JSON.parse(body.toString('utf8')), (s) => !s.includes('\ufffd'));
    } catch {
      // Not JSON either: the body as a whole is named.
    }
    done(malformedText((fields.length > 0 ? fields : ['']).map((field) => ({ field: field || 'body', message: MESSAGE }))), undefined);
  };
}
