import { TENANT_PASSWORD, type TestPlatform, type TestTenant } from './helpers.js';

/** What the auth tests (auth*.test.ts) share: sign-in, refresh and user creation through the API. */

/** A user created by the tenant's owner through the API; returns the created user. */
export async function createUser(on: TestPlatform, tenant: TestTenant, email: string, roles: string[] = ['staff'], password = TENANT_PASSWORD) {
  const res = await on.call('POST', '/api/v1/users', { token: tenant.token, tenant: tenant.slug, body: { email, name: `User ${email}`, password, roles } });
  if (res.statusCode !== 201) throw new Error(`user ${email} was not created: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; email: string; roles: string[] };
}

export const signIn = (on: TestPlatform, tenant: string, email: string, password: string, remoteAddress?: string) =>
  on.platform.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    headers: { 'x-tenant-id': tenant },
    payload: { email, password },
    ...(remoteAddress ? { remoteAddress } : {}),
  });

export const refresh = (on: TestPlatform, tenant: string, refreshToken: string) => on.call('POST', '/api/v1/auth/refresh', { tenant, body: { refreshToken } });

