import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteEntry } from '../src/platform.js';
import { startPlatform, type TestPlatform, type TestTenant } from './helpers.js';
import { steppedUp } from './mfa-helpers.js';

/**
 * Hostile input at every route of both planes, signed in so that it gets past the gates: a
 * NUL and text that is not UTF-8 in every path parameter, every declared query parameter and
 * every declared string field of the body, and forged cursors on every list. Each is a 400
 * naming the field, never a 5xx. The routes and what they declare come from the route table
 * and the OpenAPI document, so a new route is covered the day it is added.
 */

let t: TestPlatform;
let oak: TestTenant;
let admin: string;
/** A property, so that the list of its units gets as far as reading the cursor. */
let propertyId: string;

beforeAll(async () => {
  t = await startPlatform();
  oak = await t.createTenant('oak');
  // A second factor given, so that finance.approve's routes get past the step-up gate too.
  oak = { ...oak, token: await steppedUp(t, oak.slug, oak.token) };
  admin = await t.platformToken();
  propertyId = (await t.call('POST', '/api/v1/properties', { token: oak.token, tenant: oak.slug, body: { name: 'Court', kind: 'residential' } })).json().id;
});
afterAll(() => t?.close());

interface Schema {
  type?: string | string[];
  properties?: Record<string, Schema>;
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  enum?: unknown[];
}
interface Operation {
  parameters?: { name: string; in: string }[];
  requestBody?: { content: Record<string, { schema: Schema }> };
}

const ID = '0190a8f0-0000-7000-8000-000000000000';
const key = (r: RouteEntry) => `${r.method} ${r.url}`;
const routes = () => t.platform.routes.filter((r) => r.method !== 'HEAD' && /^\/(api|control)\/v1\//.test(r.url));
const paramsOf = (r: RouteEntry) => [...r.url.matchAll(/:([A-Za-z_]+)/g)].map((m) => m[1]!);
const urlOf = (r: RouteEntry, params: Record<string, string> = {}) =>
  r.url.replace(/:([A-Za-z_]+)/g, (_, name: string) => params[name] ?? (r.url.startsWith('/api/v1/properties/:id') ? propertyId : ID));

function operationOf(r: RouteEntry): Operation {
  const doc = t.platform.app.swagger() as { paths: Record<string, Record<string, Operation>> };
  const op = doc.paths[r.url.replace(/:([A-Za-z_]+)/g, '{$1}')]?.[r.method.toLowerCase()];
  if (!op) throw new Error(`${key(r)} is not in the OpenAPI document`);
  return op;
}

/** Signed in as the tenant's owner (data plane) or a platform administrator (control plane). */
function send(r: RouteEntry, url: string, body?: { type: string; payload: string | Buffer }, headers: Record<string, string> = {}) {
  const data = r.url.startsWith('/api/v1/');
  return t.platform.app.inject({
    method: r.method as never,
    url,
    headers: { authorization: `Bearer ${data ? oak.token : admin}`, ...(data ? { 'x-tenant-id': oak.slug } : {}), ...(body ? { 'content-type': body.type } : {}), ...headers },
    ...(body ? { payload: body.payload } : {}),
  });
}

/** The paths of every field of `schema` that takes text (strings, string enums), arrays at index 0. */
function textFields(schema: Schema, path: string[] = []): string[][] {
  const types = [schema.type ?? []].flat();
  const here = types.includes('string') || (schema.enum ?? []).some((v) => typeof v === 'string') ? [path] : [];
  const nested = [
    ...Object.entries(schema.properties ?? {}).flatMap(([name, s]) => textFields(s, [...path, name])),
    ...(schema.items ? textFields(schema.items, [...path, '0']) : []),
    ...[...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])].flatMap((s) => textFields(s, path)),
  ];
  return [...new Map([...here, ...nested].map((p) => [p.join('.'), p])).values()];
}

/** A body holding `value` at `path` and nothing else: the hostile text is refused before any other field is asked for. */
function bodyWith(path: string[], value: string): unknown {
  return path.reduceRight<unknown>((inner, name) => (/^\d+$/.test(name) ? [inner] : { [name]: inner }), value);
}

const MARK = 'HOSTILE-TEXT';
/** The body as JSON with `bytes` where the mark was: bytes no JSON encoder would write. */
function withRawBytes(json: string, bytes: number[]): Buffer {
  const [before, after] = json.split(MARK) as [string, string];
  return Buffer.concat([Buffer.from(before), Buffer.from(bytes), Buffer.from(after)]);
}

type Case = { route: RouteEntry; what: string; res: LightMyRequestResponse; field: string };

function expectRefused({ route, what, res, field }: Case) {
  const where = `${key(route)} with ${what}`;
  expect(res.statusCode, `${where}: ${res.body}`).toBe(400);
  const problem = res.json();
  expect(problem.code, where).toBe('validation_failed');
  expect(problem.errors.map((e: { field: string }) => e.field), where).toContain(field);
}

describe('hostile text at every route', () => {
  it('covers both planes', () => {
    expect(routes().filter((r) => r.url.startsWith('/control/v1/')).length).toBeGreaterThan(10);
    expect(routes().filter((r) => r.url.startsWith('/api/v1/')).length).toBeGreaterThan(50);
  });

  it('refuses a NUL or a byte sequence that is not UTF-8 in every path parameter with 400', async () => {
    let sent = 0;
    for (const route of routes()) {
      for (const param of paramsOf(route)) {
        const nul = await send(route, urlOf(route, { [param]: `a%00b` }));
        expectRefused({ route, what: `a NUL in :${param}`, res: nul, field: param });
        // The router cannot decode the path, so it cannot say which parameter: it names the path.
        const surrogate = await send(route, urlOf(route, { [param]: 'a%ED%A0%80b' }));
        expectRefused({ route, what: `an encoded surrogate in :${param}`, res: surrogate, field: 'path' });
        const invalid = await send(route, urlOf(route, { [param]: 'a%FFb' }));
        expectRefused({ route, what: `%FF in :${param}`, res: invalid, field: 'path' });
        sent += 3;
      }
    }
    expect(sent).toBeGreaterThan(100);
  });

  it('refuses a NUL or a byte sequence that is not UTF-8 in every query parameter a route declares with 400', async () => {
    let sent = 0;
    for (const route of routes()) {
      for (const { name } of (operationOf(route).parameters ?? []).filter((p) => p.in === 'query')) {
        for (const [what, value] of [['a NUL', 'a%00b'], ['an encoded surrogate', 'a%ED%A0%80b'], ['%FF', 'a%FFb']] as const) {
          const res = await send(route, `${urlOf(route)}?${name}=${value}`);
          expectRefused({ route, what: `${what} in ?${name}`, res, field: name });
          sent++;
        }
      }
    }
    expect(sent).toBeGreaterThan(150);
  });

  it('refuses a NUL, a lone surrogate or bytes that are not UTF-8 in every text field of every body with 400', async () => {
    let sent = 0;
    for (const route of routes()) {
      const content = operationOf(route).requestBody?.content ?? {};
      for (const [type, { schema }] of Object.entries(content)) {
        for (const path of textFields(schema)) {
          const field = path.join('.') || 'body';
          const json = (value: string) => (type === 'application/json' ? JSON.stringify(bodyWith(path, value)) : value);
          const cases: [string, string | Buffer][] = [
            ['a NUL', json('a\u0000b')],
            ['bytes that are not UTF-8', withRawBytes(json(MARK), [0xed, 0xa0, 0x80])],
            ['a stray continuation byte', withRawBytes(json(MARK), [0x80])],
          ];
          // Only JSON can spell a lone surrogate (`"\ud800"`); as text it goes out as U+FFFD.
          if (type === 'application/json') cases.push(['a lone surrogate', json('a\ud800b')]);
          for (const [what, payload] of cases) {
            const res = await send(route, urlOf(route), { type, payload });
            expectRefused({ route, what: `${what} in ${field}`, res, field });
            sent++;
          }
        }
      }
    }
    expect(sent).toBeGreaterThan(300);
  });

  it('refuses a NUL in the headers it reads', async () => {
    for (const route of routes().filter((r) => r.url.startsWith('/api/v1/') && r.method !== 'GET' && !(r.access as { public?: boolean }).public)) {
      const res = await send(route, urlOf(route), undefined, { 'idempotency-key': 'key\u0000one' });
      expectRefused({ route, what: 'a NUL in Idempotency-Key', res, field: 'idempotency-key' });
    }
    // The tenant is resolved before anything is validated: a NUL there finds no tenant, it does not fail.
    const members = await t.platform.app.inject({ method: 'GET', url: '/api/v1/members', headers: { authorization: `Bearer ${oak.token}`, 'x-tenant-id': 'oa\u0000k' } });
    expect(members.statusCode, members.body).toBeLessThan(500);
  });
});

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** Cursors no list gives out, whatever it pages over: wrong arity, wrong types, numbers out of range, hostile text. */
const FORGED: [string, string][] = [
  ['[1e308, 1e308]', b64([1e308, 1e308])],
  ['[1e308]', b64([1e308])],
  ['[-1e308, 1e308, 1e308]', b64([-1e308, 1e308, 1e308])],
  ['an empty array', b64([])],
  ['an object', b64({ id: ID })],
  ['null', b64(null)],
  ['nulls', b64([null, null, null])],
  ['booleans', b64([true, false])],
  ['nested arrays', b64([[ID], [ID]])],
  ['not JSON', Buffer.from('{not json').toString('base64url')],
  ['not base64', '!!!'],
  ['2^53', b64([2 ** 53])],
  ['a fraction', b64([1.5, ID])],
  ['too many values', b64([ID, ID, ID, ID])],
  ['NULs', b64(['\u0000', '\u0000', ID])],
  ['lone surrogates', b64(['\ud800', '\udc00', ID])],
  ['an over-long text key', b64(['x'.repeat(1_000), ID])],
];

/** Cursors that have a list's arity but a value its key type does not take, by the lists that page over that type. */
const FORGED_BY_KEY: { lists: string[]; cursors: [string, unknown[]][] }[] = [
  {
    lists: ['/api/v1/finance/charges', '/api/v1/finance/payments', '/api/v1/finance/journal', '/api/v1/finance/statements', '/api/v1/leases'],
    cursors: [['a date that does not exist', ['2023-02-29', ID]], ['year 0', ['0000-01-01', ID]], ['month 13', ['2024-13-01', ID]], ['a number for a date', [20240101, ID]], ['a date and time', ['2024-01-01T00:00:00Z', ID]], ['an id that is no UUID', ['2024-01-01', 'x']]],
  },
  {
    lists: ['/api/v1/users', '/control/v1/tenants', '/api/v1/webhooks/endpoints', '/api/v1/finance/billing-runs', '/api/v1/finance/bank-imports', '/api/v1/mail/messages', '/api/v1/members?sort=createdAt'],
    cursors: [['an id that is no UUID', ['zzzzzzzz-0000-7000-8000-000000000000']], ['a short id', ['0190a8f0-0000-7000-8000-00000000000']], ['a number', [1]]],
  },
  { lists: [`/api/v1/finance/billing-runs/${ID}/items`], cursors: [['a fraction', [1.5]], ['a numeric string', ['1']], ['2^53', [2 ** 53]]] },
  {
    lists: ['/api/v1/properties', '/api/v1/units', '/api/v1/finance/schedules', '/api/v1/members'],
    cursors: [['a NUL in the text key', ['a\u0000b', ID]], ['a number for the text key', [5, ID]], ['a text key over 512 characters', ['x'.repeat(513), ID]]],
  },
];

describe('forged cursors on every list', () => {
  it('refuses each with 400 invalid_cursor', async () => {
    const lists = routes().filter((r) => (operationOf(r).parameters ?? []).some((p) => p.in === 'query' && p.name === 'cursor'));
    expect(lists.length).toBeGreaterThan(15);
    for (const route of lists) {
      for (const [what, cursor] of FORGED) {
        const res = await send(route, `${urlOf(route)}?cursor=${cursor}`);
        expect(res.statusCode, `${key(route)} with a cursor of ${what}: ${res.body}`).toBe(400);
        expect(res.json().code, `${key(route)} with a cursor of ${what}`).toBe('invalid_cursor');
      }
    }
  });

  it('refuses a value its sort key does not take, per key type', async () => {
    for (const { lists, cursors } of FORGED_BY_KEY) {
      for (const list of lists) {
        for (const [what, values] of cursors) {
          // The members list sorts by name, a key of three values: the cursor is given one more.
          const cursor = b64(list === '/api/v1/members' ? [values[0], 'Ada', ...values.slice(1)] : values);
          const res = await t.call('GET', `${list}${list.includes('?') ? '&' : '?'}cursor=${cursor}`, list.startsWith('/control/') ? { token: admin } : { token: oak.token, tenant: oak.slug });
          expect(res.statusCode, `${list} with ${what}: ${res.body}`).toBe(400);
          expect(res.json().code, `${list} with ${what}`).toBe('invalid_cursor');
        }
      }
    }
  });

  it('pages on past a row whose sort keys are the longest names there can be', async () => {
    // 120 characters that JSON escapes to six bytes each, in both names the member list sorts by.
    const name = '\u0001'.repeat(120);
    for (let i = 0; i < 2; i++) {
      const res = await t.call('POST', '/api/v1/members', { token: oak.token, tenant: oak.slug, body: { firstName: name, lastName: name, type: 'owner' } });
      expect(res.statusCode, res.body).toBe(201);
    }
    const first = await t.call('GET', '/api/v1/members?limit=1', { token: oak.token, tenant: oak.slug });
    const cursor = first.json().nextCursor as string;
    expect(cursor.length).toBeGreaterThan(1_900);
    const second = await t.call('GET', `/api/v1/members?limit=1&cursor=${cursor}`, { token: oak.token, tenant: oak.slug });
    expect(second.statusCode, second.body).toBe(200);
    expect(second.json().data).toHaveLength(1);
    expect(second.json().data[0].id).not.toBe(first.json().data[0].id);
  });
});
