import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from './fixture.js';
import { createUser } from './auth-helpers.js';
import { startPlatform, TENANT_PASSWORD, type TestPlatform, type TestTenant } from './helpers.js';
import { tenantTransaction } from './mail-helpers.js';
import { CookieJar, OIDC_CLIENT, signInAtProvider, startOidcProvider, type TestOidcProvider } from './oidc-helpers.js';

/**
 * Single sign-on against a real OpenID provider (oidc-provider) running in this process: the
 * whole redirect dance with PKCE, state and nonce, users provisioned just in time with roles
 * mapped from the `groups` claim, domains that must use SSO, and the secret that never leaves.
 */

// The redirect URI is at the tenant's public URL (the test configuration's base domain is courtyard.test).
const CALLBACK = 'https://willow-sso.courtyard.test/api/v1/auth/sso/callback';
let t: TestPlatform;
let willow: TestTenant;
let other: TestTenant;
let idp: TestOidcProvider;
let providerId: string;

const accounts = {
  ada: { email: 'ada@willow-idp.test', email_verified: true, name: 'Ada Lovelace', groups: ['estate-managers', 'everyone'] },
  bob: { email: 'bob@willow-idp.test', email_verified: true, name: 'Bob Existing', groups: [] },
  eve: { email: 'eve@willow-idp.test', email_verified: false, name: 'Eve Unverified', groups: [] },
  out: { email: 'out@elsewhere.test', email_verified: true, name: 'Out Sider', groups: [] },
};

const as = (tenant: TestTenant) => ({ token: tenant.token, tenant: tenant.slug });

beforeAll(async () => {
  t = await startPlatform();
  willow = await t.createTenant('willow-sso');
  other = await t.createTenant('other-sso');
  idp = await startOidcProvider(accounts, [CALLBACK]);
  const res = await t.call('POST', '/api/v1/sso/providers', {
    ...as(willow),
    body: {
      name: 'Willow ID',
      issuer: idp.issuer,
      clientId: OIDC_CLIENT.clientId,
      clientSecret: OIDC_CLIENT.clientSecret,
      scopes: ['openid', 'email', 'profile', 'groups'],
      roleClaim: 'groups',
      roleMapping: { 'estate-managers': 'manager' },
      defaultRoles: ['staff'],
      emailDomains: ['Willow-IDP.test'],
      required: false,
      jitProvisioning: true,
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  providerId = res.json().id;
});
afterAll(async () => {
  await idp?.close();
  await t?.close();
});

/** Starts a sign-in at Courtyard: the authorization URL and the state cookie. */
async function start(tenant = willow.slug, id = providerId) {
  const res = await t.call('GET', `/api/v1/auth/sso/${id}/start`, { tenant });
  expect(res.statusCode, res.body).toBe(302);
  const jar = new CookieJar();
  jar.take([res.headers['set-cookie']].flat() as string[]);
  return { location: new URL(res.headers.location as string), cookie: jar.header() };
}

/** The callback as the browser calls it, with the state cookie it holds. */
async function callback(url: URL, cookie: string, tenant = willow.slug) {
  const res = await t.call('GET', `${url.pathname}${url.search}`, { tenant, headers: { cookie } });
  expect(res.statusCode, res.body).toBe(302);
  return res;
}

/** Resumes the session the callback started, as the web page does: a refresh through the cookie. */
async function sessionOf(res: Awaited<ReturnType<typeof callback>>) {
  const jar = new CookieJar();
  jar.take([res.headers['set-cookie']].flat() as string[]);
  const refreshed = await t.call('POST', '/api/v1/auth/refresh', { tenant: willow.slug, headers: { cookie: jar.header(), 'x-token-transport': 'cookie' }, body: {} });
  expect(refreshed.statusCode, refreshed.body).toBe(200);
  const me = await t.call('GET', '/api/v1/me', { token: refreshed.json().accessToken, tenant: willow.slug });
  return { me: me.json(), accessToken: refreshed.json().accessToken as string };
}

async function lastFailure() {
  const res = await t.call('GET', '/api/v1/audit?action=auth.sign_in.failed&limit=1', as(willow));
  return res.json().data[0];
}

describe('sign-in', () => {
  it('goes to the provider with PKCE (S256), state and nonce, and comes back signed in; a new user is provisioned with the mapped roles', async () => {
    const { location, cookie } = await start();
    expect(location.origin).toBe(idp.issuer);
    expect(location.searchParams.get('code_challenge_method')).toBe('S256');
    expect(location.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(location.searchParams.get('state')).toBeTruthy();
    expect(location.searchParams.get('nonce')).toBeTruthy();
    expect(location.searchParams.get('redirect_uri')).toBe(CALLBACK);
    expect(cookie).toMatch(/^courtyard_sso=v1\./);

    const back = await signInAtProvider(location.href, 'ada', CALLBACK);
    expect(back.searchParams.get('code')).toBeTruthy();
    const res = await callback(back, cookie);
    expect(res.headers.location).toBe('/');
    const setCookies = [res.headers['set-cookie']].flat().join('\n');
    expect(setCookies).toMatch(/courtyard_refresh=[^;]+; Path=\/api\/v1\/auth;.*HttpOnly; SameSite=Strict/);

    const { me, accessToken } = await sessionOf(res);
    expect(me.user.email).toBe('ada@willow-idp.test');
    expect(me.user.name).toBe('Ada Lovelace');
    expect(me.roles.sort()).toEqual(['manager', 'staff']);
    // The provider's sign-in is not our second factor.
    const claims = JSON.parse(Buffer.from(accessToken.split('.')[1]!, 'base64url').toString());
    expect(claims.amr).toEqual(['fed']);
    expect(claims.mfa_time).toBeUndefined();

    const audit = (await t.call('GET', '/api/v1/audit?limit=10', as(willow))).json().data as { action: string; details: Record<string, unknown> }[];
    expect(audit.find((e) => e.action === 'user.created')?.details).toMatchObject({ via: 'sso', providerId, roles: ['manager', 'staff'] });
    expect(audit.find((e) => e.action === 'auth.sign_in.succeeded')?.details).toEqual({ amr: ['fed'] });
  });

  it('signs an existing user in, keeping their roles', async () => {
    const bob = await createUser(t, willow, 'bob@willow-idp.test', ['staff']);
    const { location, cookie } = await start();
    const res = await callback(await signInAtProvider(location.href, 'bob', CALLBACK), cookie);
    expect(res.headers.location).toBe('/');
    const { me } = await sessionOf(res);
    expect(me.user.id).toBe(bob.id);
    expect(me.roles).toEqual(['staff']);
  });

  it('refuses a callback whose state is not the one this browser started with', async () => {
    const first = await start();
    const second = await start();
    const back = await signInAtProvider(first.location.href, 'ada', CALLBACK);
    // The answer to the first sign-in, with the second's cookie: the state does not match.
    const res = await callback(back, second.cookie);
    expect(res.headers.location).toBe('/?sso_error=state_mismatch');
    expect([res.headers['set-cookie']].flat().join('\n')).not.toMatch(/courtyard_refresh/);
    expect((await lastFailure()).details).toMatchObject({ method: 'sso', reason: 'state_mismatch' });
    // Without any state cookie, likewise.
    expect((await callback(back, '')).headers.location).toBe('/?sso_error=state_mismatch');
  });

  it('refuses an ID token whose nonce is not the one sent', async () => {
    const { location, cookie } = await start();
    // The provider puts into the ID token the nonce it was given: give it another one.
    location.searchParams.set('nonce', 'a-nonce-courtyard-never-sent');
    const res = await callback(await signInAtProvider(location.href, 'ada', CALLBACK), cookie);
    expect(res.headers.location).toBe('/?sso_error=nonce_mismatch');
    expect((await lastFailure()).details).toMatchObject({ reason: 'nonce_mismatch', providerId });
  });

  it('refuses an unverified e-mail, and an unknown user when provisioning is off', async () => {
    let s = await start();
    expect((await callback(await signInAtProvider(s.location.href, 'eve', CALLBACK), s.cookie)).headers.location).toBe('/?sso_error=email_unverified');

    const patched = await t.call('PATCH', `/api/v1/sso/providers/${providerId}`, { ...as(willow), body: { jitProvisioning: false } });
    expect(patched.statusCode, patched.body).toBe(200);
    s = await start();
    expect((await callback(await signInAtProvider(s.location.href, 'out', CALLBACK), s.cookie)).headers.location).toBe('/?sso_error=no_account');
    const users = (await t.call('GET', '/api/v1/users?q=out@elsewhere', as(willow))).json().data;
    expect(users).toEqual([]);
    await t.call('PATCH', `/api/v1/sso/providers/${providerId}`, { ...as(willow), body: { jitProvisioning: true } });
  });
});

describe('required single sign-on', () => {
  it('tells the sign-in page which provider an address uses, and refuses password sign-in and reset for a required domain', async () => {
    await createUser(t, willow, 'carol@willow-idp.test', ['staff']);
    const login = () => t.call('POST', '/api/v1/auth/login', { tenant: willow.slug, body: { email: 'carol@willow-idp.test', password: TENANT_PASSWORD } });
    expect((await login()).statusCode).toBe(200);
    expect((await t.call('POST', '/api/v1/auth/sso/discover', { tenant: willow.slug, body: { email: 'carol@willow-idp.test' } })).json()).toEqual({ providers: [{ id: providerId, name: 'Willow ID', required: false }], required: false, providerId: null });

    expect((await t.call('PATCH', `/api/v1/sso/providers/${providerId}`, { ...as(willow), body: { required: true } })).statusCode).toBe(200);
    expect((await t.call('POST', '/api/v1/auth/sso/discover', { tenant: willow.slug, body: { email: 'Carol@WILLOW-IDP.test' } })).json()).toEqual({ providers: [{ id: providerId, name: 'Willow ID', required: true }], required: true, providerId });
    expect((await t.call('POST', '/api/v1/auth/sso/discover', { tenant: willow.slug, body: { email: 'x@elsewhere.test' } })).json()).toEqual({ providers: [], required: false, providerId: null });

    const refused = await login();
    expectProblem(refused, 403, 'core.sso_required');
    expect(refused.json().providerId).toBe(providerId);
    expect((await lastFailure()).details).toMatchObject({ reason: 'sso_required' });
    // The owner (another domain) still signs in with a password.
    expect((await t.call('POST', '/api/v1/auth/login', { tenant: willow.slug, body: { email: willow.adminEmail, password: TENANT_PASSWORD } })).statusCode).toBe(200);

    // A reset is not sent for the domain (the same 202), so no password can be set that way.
    const before = await tenantTransaction(t.platform, willow.id, (db) => db.selectFrom('userTokens').select('id').where('purpose', '=', 'password_reset').execute());
    expect((await t.call('POST', '/api/v1/auth/password-reset', { tenant: willow.slug, body: { email: 'carol@willow-idp.test' } })).statusCode).toBe(202);
    const after = await tenantTransaction(t.platform, willow.id, (db) => db.selectFrom('userTokens').select('id').where('purpose', '=', 'password_reset').execute());
    expect(after.length).toBe(before.length);

    // SSO itself still signs the domain's users in.
    const s = await start();
    expect((await callback(await signInAtProvider(s.location.href, 'bob', CALLBACK), s.cookie)).headers.location).toBe('/');
    expect((await t.call('PATCH', `/api/v1/sso/providers/${providerId}`, { ...as(willow), body: { required: false } })).statusCode).toBe(200);
  });
});

describe('configuration', () => {
  it('seals the client secret and never answers it', async () => {
    const all = [
      await t.call('GET', '/api/v1/sso/providers', as(willow)),
      await t.call('GET', `/api/v1/sso/providers/${providerId}`, as(willow)),
      await t.call('PATCH', `/api/v1/sso/providers/${providerId}`, { ...as(willow), body: { name: 'Willow ID' } }),
      await t.call('GET', '/api/v1/auth/sso/providers', { tenant: willow.slug }),
    ];
    for (const res of all) {
      expect(res.statusCode).toBe(200);
      expect(res.body).not.toContain(OIDC_CLIENT.clientSecret);
      expect(res.body).not.toContain('clientSecretSealed');
    }
    expect(all[0]!.json().data[0]).toMatchObject({ id: providerId, clientSecretSet: true, emailDomains: ['willow-idp.test'], roleMapping: { 'estate-managers': 'manager' } });
    expect(all[0]!.json().redirectUri).toBe(CALLBACK);
    expect(all[3]!.json()).toEqual({ data: [{ id: providerId, name: 'Willow ID' }] });
    const row = await tenantTransaction(t.platform, willow.id, (db) => db.selectFrom('ssoProviders').selectAll().executeTakeFirstOrThrow());
    expect(row.clientSecretSealed).toMatch(/^v1\./);
    expect(row.clientSecretSealed).not.toContain(OIDC_CLIENT.clientSecret);
  });

  it('refuses the owner role and unknown roles in the mapping, and a required provider without domains', async () => {
    const base = { name: 'Bad', issuer: idp.issuer, clientId: 'x', clientSecret: 'y' };
    expectProblem(await t.call('POST', '/api/v1/sso/providers', { ...as(willow), body: { ...base, roleMapping: { admins: 'owner' } } }), 400, 'validation_failed');
    expectProblem(await t.call('POST', '/api/v1/sso/providers', { ...as(willow), body: { ...base, defaultRoles: ['nope'] } }), 400, 'validation_failed');
    expectProblem(await t.call('POST', '/api/v1/sso/providers', { ...as(willow), body: { ...base, required: true } }), 400, 'validation_failed');
    expectProblem(await t.call('POST', '/api/v1/sso/providers', { ...as(willow), body: { ...base, issuer: 'http://idp.example.com' } }), 400, 'validation_failed');
  });

  it('records changes in the audit log, and a removed provider no longer starts sign-ins', async () => {
    const made = await t.call('POST', '/api/v1/sso/providers', { ...as(willow), body: { name: 'Short-lived', issuer: idp.issuer, clientId: 'x', clientSecret: 'y' } });
    const id = made.json().id as string;
    expect((await t.call('PATCH', `/api/v1/sso/providers/${id}`, { ...as(willow), body: { clientSecret: 'z' } })).statusCode).toBe(200);
    expect((await t.call('DELETE', `/api/v1/sso/providers/${id}`, as(willow))).statusCode).toBe(204);
    const actions = (await t.call('GET', '/api/v1/audit?action=sso.*&limit=50', as(willow))).json().data.filter((e: { target: { id: string } }) => e.target.id === id).map((e: { action: string }) => e.action);
    expect(actions).toEqual(['sso.provider.removed', 'sso.provider.changed', 'sso.provider.created']);
    expectProblem(await t.call('GET', `/api/v1/auth/sso/${id}/start`, { tenant: willow.slug }), 404, 'core.sso_provider_not_found');
  });

  it('sends the browser back to the sign-in page when the provider cannot be reached', async () => {
    const made = await t.call('POST', '/api/v1/sso/providers', { ...as(willow), body: { name: 'Gone', issuer: 'http://127.0.0.1:9/gone', clientId: 'x', clientSecret: 'y' } });
    const res = await t.call('GET', `/api/v1/auth/sso/${made.json().id}/start`, { tenant: willow.slug });
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('/?sso_error=provider_error');
    expect((await lastFailure()).details).toMatchObject({ method: 'sso', reason: 'provider_error', providerId: made.json().id });
    await t.call('DELETE', `/api/v1/sso/providers/${made.json().id}`, as(willow));
  });

  it('keeps staff out, and another tenant can neither read nor use the provider', async () => {
    await createUser(t, willow, 'staff@willow.test', ['staff']);
    const staff = (await t.login(willow.slug, 'staff@willow.test')).accessToken;
    expectProblem(await t.call('GET', '/api/v1/sso/providers', { token: staff, tenant: willow.slug }), 403, 'permission_denied');

    expect((await t.call('GET', '/api/v1/sso/providers', as(other))).json().data).toEqual([]);
    expectProblem(await t.call('GET', `/api/v1/sso/providers/${providerId}`, as(other)), 404, 'core.sso_provider_not_found');
    expectProblem(await t.call('PATCH', `/api/v1/sso/providers/${providerId}`, { ...as(other), body: { name: 'Mine' } }), 404, 'core.sso_provider_not_found');
    expectProblem(await t.call('DELETE', `/api/v1/sso/providers/${providerId}`, as(other)), 404, 'core.sso_provider_not_found');
    expect((await t.call('GET', '/api/v1/auth/sso/providers', { tenant: other.slug })).json()).toEqual({ data: [] });
    expectProblem(await t.call('GET', `/api/v1/auth/sso/${providerId}/start`, { tenant: other.slug }), 404, 'core.sso_provider_not_found');
    // A state cookie of one tenant does not open in another's callback.
    const { location, cookie } = await start();
    const back = await signInAtProvider(location.href, 'ada', CALLBACK);
    expect((await callback(back, cookie, other.slug)).headers.location).toBe('/?sso_error=state_mismatch');
  });
});
