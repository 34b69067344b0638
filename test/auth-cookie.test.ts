import type { FastifyReply, FastifyRequest } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverTokens } from '../src/kernel/http/refresh-cookie.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startPlatform, TENANT_PASSWORD, type TestPlatform, type TestTenant } from './helpers.js';

/**
 * Web pages keep their refresh token in an HttpOnly cookie (docs/web.md): sign-in sets it when
 * asked with `x-token-transport: cookie`, refresh and sign-out read it only with that header.
 */

let t: TestPlatform;
let oak: TestTenant;
const web = { 'x-token-transport': 'cookie' };

beforeAll(async () => {
  t = await startPlatform();
  oak = await t.createTenant('oak');
  await t.createTenant('elm');
});
afterAll(() => t?.close());

/** The refresh cookie a response sets: its value and attributes. */
function setCookie(res: { headers: Record<string, unknown> }): { value: string; attributes: string[] } {
  const header = String(res.headers['set-cookie'] ?? '');
  const [pair, ...attributes] = header.split(';').map((s) => s.trim());
  expect(pair).toMatch(/^courtyard_refresh=/);
  return { value: pair!.slice('courtyard_refresh='.length), attributes };
}

describe('refresh token in a cookie', () => {
  it('signs a tenant user in with the token in an HttpOnly, SameSite=Strict cookie scoped to the tenant auth routes', async () => {
    const res = await t.call('POST', '/t/oak/api/v1/auth/login', { headers: web, body: { email: oak.adminEmail, password: TENANT_PASSWORD } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ accessToken: expect.any(String), expiresIn: t.config.accessTokenTtl, tokenType: 'Bearer' });
    const cookie = setCookie(res);
    expect(cookie.value.length).toBeGreaterThan(20);
    expect(cookie.attributes).toEqual(['Path=/t/oak/api/v1/auth', `Max-Age=${t.config.refreshTokenTtl}`, 'HttpOnly', 'SameSite=Strict']);
  });

  it('marks the cookie Secure behind https', () => {
    // The request as Fastify sees it behind a proxy that says https (COURTYARD_TRUST_PROXY).
    const request = { protocol: 'https', headers: web, originalUrl: '/control/v1/auth/login', url: '/control/v1/auth/login' } as unknown as FastifyRequest;
    const headers: Record<string, string> = {};
    const reply = { header: (name: string, value: string) => void (headers[name] = value) } as unknown as FastifyReply;
    expect(deliverTokens(request, reply, { accessToken: 'a', refreshToken: 'r' }, 60)).toEqual({ accessToken: 'a' });
    expect(headers['set-cookie']).toBe('courtyard_refresh=r; Path=/control/v1/auth; Max-Age=60; HttpOnly; SameSite=Strict; Secure');
  });

  it('refreshes with the cookie, rotating it, and signs out with it, clearing it', async () => {
    const login = await t.call('POST', '/t/oak/api/v1/auth/login', { headers: web, body: { email: oak.adminEmail, password: TENANT_PASSWORD } });
    const first = setCookie(login).value;
    const refreshed = await t.call('POST', '/t/oak/api/v1/auth/refresh', { headers: { ...web, cookie: `other=1; courtyard_refresh=${first}` }, body: {} });
    expect(refreshed.statusCode, refreshed.body).toBe(200);
    expect(refreshed.json().refreshToken).toBeUndefined();
    const second = setCookie(refreshed).value;
    expect(second).not.toBe(first);
    const me = await t.call('GET', '/t/oak/api/v1/me', { token: refreshed.json().accessToken });
    expect(me.json().tenant.slug).toBe('oak');

    const out = await t.call('POST', '/t/oak/api/v1/auth/logout', { headers: { ...web, cookie: `courtyard_refresh=${second}` }, body: {} });
    expect(out.statusCode).toBe(204);
    expect(setCookie(out)).toEqual({ value: '', attributes: ['Path=/t/oak/api/v1/auth', 'Max-Age=0', 'HttpOnly', 'SameSite=Strict'] });
    const after = await t.call('POST', '/t/oak/api/v1/auth/refresh', { headers: { ...web, cookie: `courtyard_refresh=${second}` }, body: {} });
    expect(after.statusCode).toBe(401);
  });

  it('does the same for platform operators on the control plane', async () => {
    const login = await t.call('POST', '/control/v1/auth/login', { headers: web, body: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD } });
    expect(login.statusCode).toBe(200);
    const cookie = setCookie(login);
    expect(cookie.attributes[0]).toBe('Path=/control/v1/auth');
    const refreshed = await t.call('POST', '/control/v1/auth/refresh', { headers: { ...web, cookie: `courtyard_refresh=${cookie.value}` }, body: {} });
    expect(refreshed.statusCode, refreshed.body).toBe(200);
    const out = await t.call('POST', '/control/v1/auth/logout', { headers: { ...web, cookie: `courtyard_refresh=${setCookie(refreshed).value}` }, body: {} });
    expect(out.statusCode).toBe(204);
    expect(setCookie(out).attributes).toContain('Max-Age=0');
  });

  // CSRF: a request another site makes can carry neither the custom header nor a JSON body
  // without a CORS preflight, and SameSite=Strict keeps the cookie off it anyway. Without the
  // header the cookie is not even read.
  it('ignores the cookie on a request without the custom header', async () => {
    const login = await t.call('POST', '/t/oak/api/v1/auth/login', { headers: web, body: { email: oak.adminEmail, password: TENANT_PASSWORD } });
    const cookie = setCookie(login).value;
    const res = await t.call('POST', '/t/oak/api/v1/auth/refresh', { headers: { cookie: `courtyard_refresh=${cookie}` }, body: {} });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ field: 'refreshToken', message: 'is required' }]);
    const out = await t.call('POST', '/t/oak/api/v1/auth/logout', { headers: { cookie: `courtyard_refresh=${cookie}` }, body: {} });
    expect(out.statusCode).toBe(400);
    // The session is intact: the header-carrying request still refreshes with it.
    expect((await t.call('POST', '/t/oak/api/v1/auth/refresh', { headers: { ...web, cookie: `courtyard_refresh=${cookie}` }, body: {} })).statusCode).toBe(200);
  });

  it('refuses a form post or a body-less request, which another origin could send without a preflight', async () => {
    const login = await t.call('POST', '/t/oak/api/v1/auth/login', { headers: web, body: { email: oak.adminEmail, password: TENANT_PASSWORD } });
    const cookie = `courtyard_refresh=${setCookie(login).value}`;
    const form = await t.platform.app.inject({ method: 'POST', url: '/t/oak/api/v1/auth/refresh', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: 'refreshToken=x' });
    expect(form.statusCode).toBe(415);
    const plain = await t.platform.app.inject({ method: 'POST', url: '/t/oak/api/v1/auth/refresh', headers: { cookie, 'content-type': 'text/plain' }, payload: '{}' });
    expect(plain.statusCode).toBe(415);
    const empty = await t.platform.app.inject({ method: 'POST', url: '/t/oak/api/v1/auth/refresh', headers: { cookie, ...web } });
    expect(empty.statusCode).toBe(400);
  });

  it("never lets one tenant's cookie refresh another tenant's session", async () => {
    const login = await t.call('POST', '/t/oak/api/v1/auth/login', { headers: web, body: { email: oak.adminEmail, password: TENANT_PASSWORD } });
    const cookie = setCookie(login).value;
    // A browser would not even send it (its path is Oak's); sent by hand, Elm does not know it.
    const res = await t.call('POST', '/t/elm/api/v1/auth/refresh', { headers: { ...web, cookie: `courtyard_refresh=${cookie}` }, body: {} });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('invalid_refresh_token');
  });

  it('answers 401 when the cookie is missing, and keeps the JSON body working as before', async () => {
    const none = await t.call('POST', '/t/oak/api/v1/auth/refresh', { headers: web, body: {} });
    expect(none.statusCode).toBe(401);
    expect(none.json().code).toBe('invalid_refresh_token');
    const body = await t.call('POST', '/api/v1/auth/refresh', { tenant: 'oak', body: { refreshToken: oak.refreshToken } });
    expect(body.statusCode).toBe(200);
    expect(body.json().refreshToken).toEqual(expect.any(String));
    expect(body.headers['set-cookie']).toBeUndefined();
  });
});
