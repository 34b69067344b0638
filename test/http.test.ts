import type { AddressInfo } from 'node:net';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import { AppError } from '../src/kernel/errors.js';
import { createHttpApp } from '../src/kernel/http/app.js';
import { Metrics } from '../src/kernel/observability/metrics.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startPlatform, type TestPlatform, type TestTenant } from './helpers.js';

let t: TestPlatform;
let oak: TestTenant;

beforeAll(async () => {
  t = await startPlatform();
  oak = await t.createTenant('oak');
});
afterAll(() => t?.close());

const PROBLEM = 'application/problem+json';

function expectProblem(res: LightMyRequestResponse, status: number, code: string) {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toContain(PROBLEM);
  const problem = res.json();
  expect(problem).toMatchObject({ status, code, type: `urn:courtyard:problem:${code}`, title: expect.any(String), detail: expect.any(String), instance: expect.any(String), requestId: expect.any(String) });
  expect(problem.requestId).toBe(res.headers['x-request-id']);
  return problem;
}

describe('problem details', () => {
  it('answers a malformed JSON body with 400 malformed_json', async () => {
    const res = await t.platform.app.inject({ method: 'POST', url: '/control/v1/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"email": "a@b.test", "password": ' });
    const problem = expectProblem(res, 400, 'malformed_json');
    expect(problem.instance).toBe('/control/v1/auth/login');
    expect(problem.requestId.length).toBeGreaterThan(0);
  });

  it('answers malformed JSON on a tenant route the same way', async () => {
    const res = await t.platform.app.inject({
      method: 'POST',
      url: '/api/v1/members',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${oak.token}`, 'x-tenant-id': 'oak' },
      payload: '{not json',
    });
    expect(expectProblem(res, 400, 'malformed_json').instance).toBe('/api/v1/members');
  });

  it('answers a body over the configured limit with 413 payload_too_large', async () => {
    const small = await startPlatform({ config: { bodyLimit: 2048 } });
    try {
      const payload = JSON.stringify({ email: 'someone@example.test', password: 'x'.repeat(3000) });
      const res = await small.platform.app.inject({ method: 'POST', url: '/control/v1/auth/login', headers: { 'content-type': 'application/json' }, payload });
      expectProblem(res, 413, 'payload_too_large');
      // Just under the limit the body is read (and the sign-in refused as usual).
      const fits = await small.platform.app.inject({ method: 'POST', url: '/control/v1/auth/login', payload: { email: 'someone@example.test', password: 'x'.repeat(1000) } });
      expectProblem(fits, 401, 'invalid_credentials');
    } finally {
      await small.close();
    }
  });

  it('answers a text/plain body on a JSON route with 415 unsupported_media_type', async () => {
    const res = await t.platform.app.inject({ method: 'POST', url: '/control/v1/auth/login', headers: { 'content-type': 'text/plain' }, payload: JSON.stringify({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD }) });
    expectProblem(res, 415, 'unsupported_media_type');
    const tenant = await t.platform.app.inject({
      method: 'POST',
      url: '/api/v1/members',
      headers: { 'content-type': 'text/plain', authorization: `Bearer ${oak.token}`, 'x-tenant-id': 'oak' },
      payload: 'hello',
    });
    expectProblem(tenant, 415, 'unsupported_media_type');
  });

  it('answers an unknown route with 404 route_not_found', async () => {
    const res = await t.call('GET', '/api/v2/nothing-here');
    const problem = expectProblem(res, 404, 'route_not_found');
    expect(problem.instance).toBe('/api/v2/nothing-here');
    expectProblem(await t.call('DELETE', '/health/live'), 404, 'route_not_found');
  });

  it('keeps its standard members whatever extensions an error carries', async () => {
    const app = createHttpApp({ logger: pino({ level: 'silent' }), bodyLimit: 1_048_576, trustProxy: false, metrics: new Metrics(() => ({})) });
    // Names an extension could take by mistake (a record's status, say); the types refuse them, so they are forced here.
    const clashing: Record<string, unknown> = { type: 'charge', title: 'Levy', status: 'paid', detail: 'x', instance: '/elsewhere', code: 'paid', requestId: 'r-1', currentStatus: 'paid' };
    app.get('/clash', async () => {
      throw new AppError('invalid_state', 'The charge is paid', clashing);
    });
    try {
      const res = await app.inject({ method: 'GET', url: '/clash' });
      const problem = expectProblem(res, 409, 'invalid_state');
      expect(problem).toEqual({ type: 'urn:courtyard:problem:invalid_state', title: 'Not possible in the current state', status: 409, detail: 'The charge is paid', instance: '/clash', code: 'invalid_state', requestId: res.headers['x-request-id'], currentStatus: 'paid' });
    } finally {
      await app.close();
    }
  });

  it('echoes a valid incoming x-request-id in the header and the problem', async () => {
    const id = 'req-abc.123_XYZ';
    const res = await t.call('GET', '/no/such/route', { headers: { 'x-request-id': id } });
    expect(res.headers['x-request-id']).toBe(id);
    expect(expectProblem(res, 404, 'route_not_found').requestId).toBe(id);
    const ok = await t.call('GET', '/health/live', { headers: { 'x-request-id': id } });
    expect(ok.headers['x-request-id']).toBe(id);
  });

  it('replaces an invalid incoming x-request-id with a fresh one', async () => {
    for (const bad of ['has spaces in it', 'x'.repeat(129), '<script>', 'a/b']) {
      const res = await t.call('GET', '/no/such/route', { headers: { 'x-request-id': bad } });
      const problem = expectProblem(res, 404, 'route_not_found');
      expect(problem.requestId).not.toBe(bad);
      expect(problem.requestId).toMatch(/^[A-Za-z0-9._-]{1,128}$/);
    }
    const a = await t.call('GET', '/health/live');
    const b = await t.call('GET', '/health/live');
    expect(a.headers['x-request-id']).toBeTruthy();
    expect(a.headers['x-request-id']).not.toBe(b.headers['x-request-id']);
  });
});

describe('strict bodies', () => {
  const api = (method: 'GET' | 'POST', url: string, body?: unknown) => t.call(method, `/api/v1${url}`, { token: oak.token, tenant: 'oak', body });
  const made = async (url: string, body: unknown) => {
    const res = await api('POST', url, body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  const fieldsOf = (res: LightMyRequestResponse) => expectProblem(res, 400, 'validation_failed').errors.map((e: { field: string }) => e.field);

  it('refuses an amount sent as a string instead of taking it as minor units', async () => {
    const member = await made('/members', { firstName: 'Ada', lastName: 'Strict', type: 'owner' });
    const charge = { memberId: member.id, kind: 'levy', description: 'Levy', currency: 'NOK', dueDate: '2026-01-31' };
    const refused = await api('POST', '/finance/charges', { ...charge, amount: '10' });
    expect(fieldsOf(refused)).toEqual(['amount']);
    expect(refused.json().errors[0].message).toBe('must be integer');
    expect((await api('GET', `/finance/charges?memberId=${member.id}`)).json().data).toEqual([]);
    // The same charge with a JSON number is taken.
    await made('/finance/charges', { ...charge, amount: 10 });
  });

  it('refuses quoted integers and booleans, a number for a string and null for a string', async () => {
    const property = await made('/properties', { name: 'Strict House', kind: 'residential' });
    const unit = await api('POST', `/properties/${property.id}/units`, { label: 'S-1', kind: 'apartment', bedrooms: '2', unavailable: 'true' });
    expect(fieldsOf(unit).sort()).toEqual(['bedrooms', 'unavailable']);
    expect(fieldsOf(await api('POST', '/members', { firstName: 42, lastName: null, type: 'owner' })).sort()).toEqual(['firstName', 'lastName']);
    // A single value where a list is expected is not wrapped into one.
    expect(fieldsOf(await api('POST', `/properties/${property.id}/units`, { label: 'S-2', kind: 'apartment', amenities: 'balcony' }))).toEqual(['amenities']);
  });

  it('still reads numbers and booleans from the query string', async () => {
    for (const firstName of ['Bo', 'Cy']) await made('/members', { firstName, lastName: 'Query', type: 'owner' });
    const page = await api('GET', '/members?limit=1');
    expect(page.statusCode, page.body).toBe(200);
    expect(page.json().data).toHaveLength(1);
    const bad = expectProblem(await api('GET', '/members?limit=ten'), 400, 'validation_failed');
    expect(bad.errors).toEqual([{ field: 'limit', message: expect.any(String), in: 'querystring' }]);
  });
});

describe('health', () => {
  it('reports live, ready and started', async () => {
    const live = await t.call('GET', '/health/live');
    expect(live.statusCode).toBe(200);
    expect(live.json()).toEqual({ status: 'ok' });
    const ready = await t.call('GET', '/health/ready');
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready' });
    const startup = await t.call('GET', '/health/startup');
    expect(startup.statusCode).toBe(200);
    expect(startup.json()).toEqual({ status: 'started' });
  });
});

describe('metrics', () => {
  it('exposes request counts by route and status, latency and pool usage in Prometheus text', async () => {
    await t.call('GET', '/health/live');
    await t.call('GET', '/health/live');
    await t.call('GET', `/api/v1/members`, { token: oak.token, tenant: 'oak' });
    await t.call('GET', '/no/such/route');
    const res = await t.call('GET', '/metrics');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    const text = res.body;
    const sample = (name: string, labels: Record<string, string>) => {
      const line = text.split('\n').find((l) => l.startsWith(`${name}{`) && Object.entries(labels).every(([k, v]) => l.includes(`${k}="${v}"`)));
      return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
    };
    expect(text).toContain('# TYPE courtyard_http_requests_total counter');
    expect(sample('courtyard_http_requests_total', { method: 'GET', route: '/health/live', status: '200' })).toBeGreaterThanOrEqual(2);
    expect(sample('courtyard_http_requests_total', { method: 'GET', route: '/api/v1/members', status: '200' })).toBeGreaterThanOrEqual(1);
    expect(sample('courtyard_http_requests_total', { method: 'GET', route: 'unmatched', status: '404' })).toBeGreaterThanOrEqual(1);
    // Routes are labelled by their pattern, never by the raw URL (bounded label values).
    expect(text).not.toContain('/no/such/route');
    expect(text).toContain('# TYPE courtyard_http_request_duration_seconds histogram');
    expect(sample('courtyard_http_request_duration_seconds_count', { route: '/health/live', status: '200' })).toBeGreaterThanOrEqual(2);
    expect(sample('courtyard_db_pool_connections', { pool: 'main' })).toBeGreaterThanOrEqual(1);
  });

  it('labels a route with parameters by its pattern', async () => {
    const missing = '0190a8f0-0000-7000-8000-000000000000';
    expect((await t.call('GET', `/api/v1/members/${missing}`, { token: oak.token, tenant: 'oak' })).statusCode).toBe(404);
    const text = (await t.call('GET', '/metrics')).body;
    expect(text).toMatch(/courtyard_http_requests_total\{[^}]*route="\/api\/v1\/members\/:id"[^}]*status="404"[^}]*\} [1-9]/);
    expect(text).not.toContain(missing);
  });
});

describe('who may read the metrics', () => {
  it('answers this machine only when no token is configured: another address gets 403', async () => {
    expect((await t.platform.app.inject({ method: 'GET', url: '/metrics', remoteAddress: '127.0.0.1' })).statusCode).toBe(200);
    expect((await t.platform.app.inject({ method: 'GET', url: '/metrics', remoteAddress: '::1' })).statusCode).toBe(200);
    const outside = await t.platform.app.inject({ method: 'GET', url: '/metrics', remoteAddress: '203.0.113.7' });
    expect(outside.statusCode).toBe(403);
    expect(outside.json()).toMatchObject({ code: 'permission_denied' });
    expect(outside.body).not.toContain('courtyard_http_requests_total');
  });

  it('with COURTYARD_METRICS_TOKEN, wants that bearer token from every address, loopback included', async () => {
    const p = await startPlatform({ config: { metricsToken: 'scrape-token-0123456789' } });
    try {
      for (const remoteAddress of ['127.0.0.1', '203.0.113.7']) {
        const none = await p.platform.app.inject({ method: 'GET', url: '/metrics', remoteAddress });
        expect(none.statusCode).toBe(401);
        expect(none.json()).toMatchObject({ code: 'unauthenticated' });
        const wrong = await p.platform.app.inject({ method: 'GET', url: '/metrics', remoteAddress, headers: { authorization: 'Bearer scrape-token-0123456788' } });
        expect(wrong.statusCode).toBe(401);
        const right = await p.platform.app.inject({ method: 'GET', url: '/metrics', remoteAddress, headers: { authorization: 'Bearer scrape-token-0123456789' } });
        expect(right.statusCode).toBe(200);
        expect(right.body).toContain('courtyard_http_requests_total');
      }
    } finally {
      await p.close();
    }
  });
});

describe('API documentation', () => {
  it('serves an OpenAPI 3 document with the data-plane and control-plane paths and their schemas', async () => {
    const res = await t.call('GET', '/openapi.json');
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.info.title).toBe('Courtyard API');
    const members = doc.paths['/api/v1/members'];
    expect(members.get).toBeDefined();
    expect(members.post.requestBody.content['application/json'].schema.properties).toHaveProperty('firstName');
    expect(members.get.responses['200']).toBeDefined();
    const tenants = doc.paths['/control/v1/tenants'];
    expect(tenants.post.requestBody.content['application/json'].schema.properties).toHaveProperty('slug');
    expect(tenants.get.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['limit', 'cursor']));
    expect(doc.paths['/api/v1/members/{id}']).toBeDefined();
    // Infrastructure routes are hidden.
    expect(doc.paths['/metrics']).toBeUndefined();
  });

  it('serves the documentation UI at /docs', async () => {
    const res = await t.call('GET', '/docs');
    expect([200, 301, 302, 303, 307, 308]).toContain(res.statusCode);
    if (res.statusCode === 200) {
      expect(res.headers['content-type']).toContain('text/html');
    } else {
      const page = await t.call('GET', new URL(String(res.headers.location), 'http://localhost/docs').pathname);
      expect(page.statusCode).toBe(200);
      expect(page.headers['content-type']).toContain('text/html');
    }
  });
});

describe('graceful shutdown', () => {
  it('finishes requests in flight when it closes and refuses new connections afterwards', async () => {
    const p = await startPlatform();
    await p.platform.app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = p.platform.app.server.address() as AddressInfo;
    const base = `http://127.0.0.1:${port}`;

    // Learn when the requests have reached the server, so that close() surely finds them in flight.
    let arrived = 0;
    const inFlight = new Promise<void>((resolve) => {
      p.platform.app.server.on('request', () => {
        if (++arrived === 3) resolve();
      });
    });
    const signIns = Array.from({ length: 3 }, () =>
      fetch(`${base}/control/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD }) }),
    );
    await inFlight;
    const closed = p.close();

    const responses = await Promise.all(signIns);
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200]);
    for (const r of responses) expect(((await r.json()) as { tokenType: string }).tokenType).toBe('Bearer');
    await closed;

    const after = await fetch(`${base}/health/live`).then(
      (r) => ({ status: r.status, code: undefined as string | undefined }),
      (error: Error & { cause?: { code?: string } }) => ({ status: 0, code: error.cause?.code }),
    );
    expect(after).toEqual({ status: 0, code: 'ECONNREFUSED' });
  });
});
