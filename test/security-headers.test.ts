import type { LightMyRequestResponse } from 'fastify';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpApp } from '../src/kernel/http/app.js';
import { Metrics } from '../src/kernel/observability/metrics.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startPlatform, TENANT_PASSWORD, type TestPlatform, type TestTenant } from './helpers.js';

let t: TestPlatform;
let oak: TestTenant;

beforeAll(async () => {
  t = await startPlatform();
  oak = await t.createTenant('oak');
});
afterAll(() => t?.close());

const API_CSP = "default-src 'none'; frame-ancestors 'none'";

/** The headers every answer carries, whatever it is. */
function expectHardened(res: LightMyRequestResponse) {
  expect(res.headers['x-content-type-options'], res.body).toBe('nosniff');
  expect(res.headers['referrer-policy']).toBe('no-referrer');
  expect(res.headers['x-frame-options']).toBeDefined();
  expect(res.headers['content-security-policy']).toBeDefined();
}

/** An API answer: nothing in it may load or be framed, and nothing may keep it. */
function expectApiAnswer(res: LightMyRequestResponse) {
  expectHardened(res);
  expect(res.headers['content-security-policy']).toBe(API_CSP);
  expect(res.headers['cache-control']).toBe('no-store');
}

/** The directives of a Content-Security-Policy header, by name. */
function directives(header: unknown): Map<string, string[]> {
  return new Map(
    String(header)
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

describe('security headers', () => {
  it('marks an authenticated answer no-store, nosniff, with the API policy', async () => {
    const res = await t.call('GET', '/api/v1/members', { token: oak.token, tenant: 'oak' });
    expect(res.statusCode).toBe(200);
    expectApiAnswer(res);
    // The tenant named in the path: the same API behind a /t/{slug} prefix.
    const prefixed = await t.call('GET', '/t/oak/api/v1/members', { token: oak.token });
    expect(prefixed.statusCode).toBe(200);
    expectApiAnswer(prefixed);
    const tenant = await t.call('GET', '/control/v1/tenants', { token: await t.platformToken() });
    expect(tenant.statusCode).toBe(200);
    expectApiAnswer(tenant);
  });

  it('marks every token answer no-store: sign-in, refresh and sign-out on both planes', async () => {
    const login = await t.call('POST', '/api/v1/auth/login', { tenant: 'oak', body: { email: oak.adminEmail, password: TENANT_PASSWORD } });
    expect(login.statusCode).toBe(200);
    expectApiAnswer(login);
    const refresh = await t.call('POST', '/api/v1/auth/refresh', { tenant: 'oak', body: { refreshToken: login.json().refreshToken } });
    expect(refresh.statusCode).toBe(200);
    expectApiAnswer(refresh);
    const logout = await t.call('POST', '/api/v1/auth/logout', { tenant: 'oak', body: { refreshToken: refresh.json().refreshToken } });
    expect(logout.statusCode).toBe(204);
    expectApiAnswer(logout);

    const platform = await t.call('POST', '/control/v1/auth/login', { body: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD } });
    expect(platform.statusCode).toBe(200);
    expectApiAnswer(platform);
    const rotated = await t.call('POST', '/control/v1/auth/refresh', { body: { refreshToken: platform.json().refreshToken } });
    expect(rotated.statusCode).toBe(200);
    expectApiAnswer(rotated);
    const out = await t.call('POST', '/control/v1/auth/logout', { body: { refreshToken: rotated.json().refreshToken } });
    expect(out.statusCode).toBe(204);
    expectApiAnswer(out);
  });

  it('hardens problems too: 401, 404, 400 and a wrong password', async () => {
    const unauthenticated = await t.call('GET', '/api/v1/members', { tenant: 'oak' });
    expect(unauthenticated.statusCode).toBe(401);
    expectApiAnswer(unauthenticated);
    const wrong = await t.call('POST', '/api/v1/auth/login', { tenant: 'oak', body: { email: oak.adminEmail, password: 'not-the-password' } });
    expect(wrong.statusCode).toBe(401);
    expectApiAnswer(wrong);
    const missing = await t.call('GET', '/api/v2/nothing-here');
    expect(missing.statusCode).toBe(404);
    expectApiAnswer(missing);
    const malformed = await t.platform.app.inject({ method: 'POST', url: '/control/v1/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"email": ' });
    expect(malformed.statusCode).toBe(400);
    expectApiAnswer(malformed);
    // Outside the API (where a web app will live) a 404 is hardened too, under a same-origin policy.
    const elsewhere = await t.call('GET', '/console/nothing');
    expect(elsewhere.statusCode).toBe(404);
    expectHardened(elsewhere);
    expect(directives(elsewhere.headers['content-security-policy']).get('default-src')).toEqual(["'self'"]);
  });

  it('marks any answer to a request bearing credentials no-store, on any path', async () => {
    const res = await t.call('GET', '/openapi.json', { token: oak.token });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('keeps health and metrics plain: 200, nosniff, not marked no-store', async () => {
    for (const url of ['/health/live', '/health/ready', '/metrics']) {
      const res = await t.call('GET', url);
      expect(res.statusCode, url).toBe(200);
      expectHardened(res);
      expect(res.headers['cache-control'], url).toBeUndefined();
    }
  });

  it('serves /docs under a strict policy its own scripts and styles satisfy', async () => {
    let page = await t.call('GET', '/docs');
    if (page.statusCode >= 300 && page.statusCode < 400) page = await t.call('GET', new URL(String(page.headers.location), 'http://localhost/docs').pathname);
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expectHardened(page);
    const csp = directives(page.headers['content-security-policy']);
    expect(csp.get('default-src')).toEqual(["'none'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('style-src')).toEqual(["'self'"]);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(String(page.headers['content-security-policy'])).not.toMatch(/unsafe-|https:|\*/);
    // Nothing inline that the policy would block: every script is a file under /docs/static.
    const scripts = [...page.body.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/src="[^"]*\/static\//);
      expect(body!.trim()).toBe('');
    }
    expect(page.body).not.toMatch(/<style\b|\sstyle=|\son[a-z]+=/i);
    // The files it loads are there, from its own origin, and so is the document they fetch.
    const sources = [...page.body.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => new URL(m[1]!, 'http://localhost/docs/').pathname);
    expect(sources).toEqual(expect.arrayContaining(['/docs/static/swagger-ui-bundle.js', '/docs/static/swagger-initializer.js', '/docs/static/swagger-ui.css']));
    for (const path of sources) {
      const file = await t.call('GET', path);
      expect(file.statusCode, path).toBe(200);
      expect(file.headers['x-content-type-options'], path).toBe('nosniff');
    }
    const initializer = await t.call('GET', '/docs/static/swagger-initializer.js');
    expect(initializer.body).toContain("url: resolveUrl('./json')");
    const spec = await t.call('GET', '/docs/json');
    expect(spec.statusCode).toBe(200);
    expect(spec.json().openapi).toMatch(/^3\./);
  });

  it('lets a route choose its own Cache-Control', async () => {
    const app = createHttpApp({ logger: pino({ level: 'silent' }), bodyLimit: 1_048_576, trustProxy: false, metrics: new Metrics(() => ({})) });
    app.get('/api/v1/cached', async (_req, reply) => {
      reply.header('cache-control', 'public, max-age=60');
      return { ok: true };
    });
    try {
      const res = await app.inject({ method: 'GET', url: '/api/v1/cached' });
      expect(res.statusCode).toBe(200);
      expect(res.headers['cache-control']).toBe('public, max-age=60');
      expect(res.headers['content-security-policy']).toBe(API_CSP);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    } finally {
      await app.close();
    }
  });
});
