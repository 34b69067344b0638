import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from './fixture.js';
import { createUser } from './auth-helpers.js';
import { startPlatform, TENANT_PASSWORD, type TestPlatform, type TestTenant } from './helpers.js';
import { claimsOf } from './mfa-helpers.js';
import { assertion, attestation, newPasskey, type SoftPasskey } from './passkey-helpers.js';

/**
 * Passkeys (WebAuthn): registration, the list and removal, passwordless sign-in, the second step
 * after a password and step-up for finance.approve. The authenticator is made in the test
 * (passkey-helpers.ts): real ES256 signatures over hand-built authenticator data, so the server
 * verifies what a browser would send. Requests come to host `localhost` (inject's), so the
 * relying party is `localhost` and the origin `http://localhost`.
 */

let t: TestPlatform;
let oak: TestTenant;
const decoyVoid = '/api/v1/finance/charges/01a20000-0000-7000-8000-000000000000/void';

beforeAll(async () => {
  t = await startPlatform({ config: { redisUrl: undefined } });
  oak = await t.createTenant('oak');
  await t.createTenant('elm');
});
afterAll(async () => t?.close());

const as = (token: string, tenant = 'oak') => ({ token, tenant });

async function user(email: string, roles: string[] = ['manager'], tenant: TestTenant = oak) {
  const created = await createUser(t, tenant, email, roles);
  return { ...created, token: (await t.login(tenant.slug, email)).accessToken };
}

/** Registers a new soft passkey for the user of `token`. */
async function register(token: string, name?: string, tenant = 'oak'): Promise<{ key: SoftPasskey; id: string }> {
  const options = await t.call('POST', '/api/v1/me/passkeys/registration-options', as(token, tenant));
  expect(options.statusCode, options.body).toBe(200);
  const key = newPasskey();
  const res = await t.call('POST', '/api/v1/me/passkeys', { ...as(token, tenant), body: { ...(name ? { name } : {}), response: attestation(key, options.json()) } });
  expect(res.statusCode, res.body).toBe(201);
  return { key, id: res.json().id };
}

const signInOptions = async (tenant = 'oak') => {
  const res = await t.call('POST', '/api/v1/auth/passkey/options', { tenant });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { challenge: string; rpId: string; allowCredentials?: unknown[]; userVerification: string };
};
const passkeySignIn = (response: unknown, tenant = 'oak') => t.call('POST', '/api/v1/auth/passkey', { tenant, body: { response } });

describe('registration', () => {
  it('registers, lists without the key, and removes only your own', async () => {
    const u = await user('reg@oak.test');
    const other = await user('other-reg@oak.test');
    const options = await t.call('POST', '/api/v1/me/passkeys/registration-options', as(u.token));
    expect(options.statusCode).toBe(200);
    const o = options.json();
    expect(o.rp).toEqual({ id: 'localhost', name: 'Tenant oak' });
    expect(o.user.name).toBe('reg@oak.test');
    expect(Buffer.from(o.user.id, 'base64url').toString('utf8')).toBe(u.id);
    expect(o.authenticatorSelection).toMatchObject({ residentKey: 'required' });
    expect(o.challenge.length).toBeGreaterThanOrEqual(32);

    const key = newPasskey();
    const created = await t.call('POST', '/api/v1/me/passkeys', { ...as(u.token), body: { name: 'Laptop', response: attestation(key, o) } });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ name: 'Laptop', transports: ['internal'], deviceType: 'singleDevice', backedUp: false, lastUsedAt: null });

    // The same options again: the challenge was spent.
    expectProblem(await t.call('POST', '/api/v1/me/passkeys', { ...as(u.token), body: { response: attestation(newPasskey(), o) } }), 422, 'core.passkey_registration_failed');
    // Options given to another user do not register a passkey for this one.
    const theirs = (await t.call('POST', '/api/v1/me/passkeys/registration-options', as(other.token))).json();
    expectProblem(await t.call('POST', '/api/v1/me/passkeys', { ...as(u.token), body: { response: attestation(newPasskey(), theirs) } }), 422, 'core.passkey_registration_failed');
    // Another origin (a look-alike site relaying the options) is refused.
    const fresh = (await t.call('POST', '/api/v1/me/passkeys/registration-options', as(u.token))).json();
    expect(fresh.excludeCredentials).toEqual([{ id: key.credentialId.toString('base64url'), type: 'public-key', transports: ['internal'] }]);
    expectProblem(await t.call('POST', '/api/v1/me/passkeys', { ...as(u.token), body: { response: attestation(newPasskey(), fresh, 'http://evil.example') } }), 422, 'core.passkey_registration_failed');

    const second = await register(u.token);
    const list = await t.call('GET', '/api/v1/me/passkeys', as(u.token));
    expect(list.statusCode).toBe(200);
    expect(list.json().data.map((p: { name: string }) => p.name)).toEqual(['Laptop', 'Passkey']);
    expect(list.body).not.toContain('publicKey');
    expect((await t.call('GET', '/api/v1/me/passkeys', as(other.token))).json().data).toEqual([]);

    expectProblem(await t.call('DELETE', `/api/v1/me/passkeys/${second.id}`, as(other.token)), 404, 'not_found');
    expect((await t.call('DELETE', `/api/v1/me/passkeys/${second.id}`, as(u.token))).statusCode).toBe(204);
    expect((await t.call('GET', '/api/v1/me/passkeys', as(u.token))).json().data).toHaveLength(1);
    expectProblem(await t.call('DELETE', `/api/v1/me/passkeys/${second.id}`, as(u.token)), 404, 'not_found');
    // The passkey is a second step of its own: the two-step status says so without an authenticator app.
    expect((await t.call('GET', '/api/v1/me/mfa', as(u.token))).json()).toMatchObject({ totp: { enrolled: false }, passkeys: 1 });

    const audit = (await t.call('GET', '/api/v1/audit?action=auth.passkey.*', as(oak.token))).json().data as { action: string; target: { id: string } }[];
    expect(audit.filter((e) => e.target.id === u.id).map((e) => e.action).sort()).toEqual(['auth.passkey.added', 'auth.passkey.added', 'auth.passkey.removed']);
  });
});

describe('passwordless sign-in', () => {
  it('signs in with a passkey verified by the user, as two factors', async () => {
    const u = await user('free@oak.test');
    const { key, id } = await register(u.token);
    const options = await signInOptions();
    expect(options).toMatchObject({ rpId: 'localhost', userVerification: 'required' });
    expect(options.allowCredentials ?? []).toEqual([]);
    const res = await passkeySignIn(assertion(key, options));
    expect(res.statusCode, res.body).toBe(200);
    const claims = claimsOf(res.json().accessToken);
    expect(claims).toMatchObject({ sub: u.id, amr: ['hwk', 'user'], mfa_enrolled: true });
    expect(claims.mfa_time).toBeTypeOf('number');
    expect(res.json().refreshToken).toBeTruthy();

    // It counts as a second factor: a finance.approve action is allowed (the decoy charge is not found).
    expectProblem(await t.call('POST', decoyVoid, { ...as(res.json().accessToken), body: { reason: 'Test' } }), 404, 'not_found');
    expect((await t.call('GET', '/api/v1/me/passkeys', as(u.token))).json().data[0]).toMatchObject({ id, lastUsedAt: expect.any(String) });

    const audit = (await t.call('GET', '/api/v1/audit?action=auth.*', as(oak.token))).json().data as { action: string; details: Record<string, unknown>; actor: { id?: string } }[];
    expect(audit.find((e) => e.action === 'auth.sign_in.succeeded' && e.actor.id === u.id && JSON.stringify(e.details.amr) === '["hwk","user"]')).toBeTruthy();
    expect(audit.find((e) => e.action === 'auth.passkey.used' && e.actor.id === u.id && e.details.at === 'sign_in')).toBeTruthy();
  });

  it('refuses a replayed answer, a lowered counter, no user verification, another origin and a removed passkey', async () => {
    const u = await user('replay@oak.test');
    const { key, id } = await register(u.token);
    const answer = assertion(key, await signInOptions());
    expect((await passkeySignIn(answer)).statusCode).toBe(200);
    expectProblem(await passkeySignIn(answer), 401, 'core.passkey_verification_failed');

    // A counter that did not grow: a cloned authenticator.
    expectProblem(await passkeySignIn(assertion(key, await signInOptions(), { counter: key.counter })), 401, 'core.passkey_verification_failed');
    expectProblem(await passkeySignIn(assertion(key, await signInOptions(), { counter: 0 })), 401, 'core.passkey_verification_failed');
    expectProblem(await passkeySignIn(assertion(key, await signInOptions(), { uv: false })), 401, 'core.passkey_verification_failed');
    expectProblem(await passkeySignIn(assertion(key, await signInOptions(), { origin: 'https://evil.example' })), 401, 'core.passkey_verification_failed');
    expectProblem(await passkeySignIn(assertion(key, await signInOptions(), { rpId: 'evil.example' })), 401, 'core.passkey_verification_failed');
    // A challenge that was never handed out.
    expectProblem(await passkeySignIn(assertion(key, { challenge: Buffer.from('made up by the client').toString('base64url') })), 401, 'core.passkey_verification_failed');
    // The right answer still works: the refusals did not move the counter.
    expect((await passkeySignIn(assertion(key, await signInOptions()))).statusCode).toBe(200);

    expect((await t.call('DELETE', `/api/v1/me/passkeys/${id}`, as(u.token))).statusCode).toBe(204);
    expectProblem(await passkeySignIn(assertion(key, await signInOptions())), 401, 'core.passkey_verification_failed');
  });

  it("refuses a credential of tenant oak on tenant elm, and a disabled user's passkey", async () => {
    const u = await user('travel@oak.test');
    const { key } = await register(u.token);
    expectProblem(await passkeySignIn(assertion(key, await signInOptions('elm')), 'elm'), 401, 'core.passkey_verification_failed');
    // The same assertion made for oak's challenge, sent to elm: elm knows neither the challenge nor the credential.
    const forOak = assertion(key, await signInOptions('oak'));
    expectProblem(await passkeySignIn(forOak, 'elm'), 401, 'core.passkey_verification_failed');
    expect((await passkeySignIn(forOak, 'oak')).statusCode).toBe(200);

    expect((await t.call('PATCH', `/api/v1/users/${u.id}`, { ...as(oak.token), body: { status: 'disabled' } })).statusCode).toBe(200);
    expectProblem(await passkeySignIn(assertion(key, await signInOptions())), 403, 'account_disabled');
  });
});

describe('second step and step-up', () => {
  const login = (email: string) => t.call('POST', '/api/v1/auth/login', { tenant: 'oak', body: { email, password: TENANT_PASSWORD } });
  const mfaOptions = async (mfaToken: string) => {
    const res = await t.call('POST', '/api/v1/auth/mfa/passkey/options', { tenant: 'oak', body: { mfaToken } });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  it('asks a user with a passkey for it after the password, and signs in with it', async () => {
    const u = await user('second@oak.test');
    const { key } = await register(u.token);
    const first = await login('second@oak.test');
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ mfaRequired: true, methods: ['passkey'] });
    expect(first.json().accessToken).toBeUndefined();
    const { mfaToken } = first.json();

    const options = await mfaOptions(mfaToken);
    expect(options.allowCredentials).toEqual([{ id: key.credentialId.toString('base64url'), type: 'public-key', transports: ['internal'] }]);
    // A wrong answer (another key) is counted on the mfaToken.
    const stranger = newPasskey();
    const wrong = expectProblem(await t.call('POST', '/api/v1/auth/mfa/passkey', { tenant: 'oak', body: { mfaToken, response: assertion(stranger, options) } }), 401, 'core.passkey_verification_failed');
    expect(wrong.attemptsLeft).toBe(4);

    const answer = assertion(key, await mfaOptions(mfaToken));
    const done = await t.call('POST', '/api/v1/auth/mfa/passkey', { tenant: 'oak', body: { mfaToken, response: answer } });
    expect(done.statusCode, done.body).toBe(200);
    expect(claimsOf(done.json().accessToken)).toMatchObject({ sub: u.id, amr: ['pwd', 'hwk'], mfa_time: expect.any(Number) });
    // The mfaToken is spent.
    expectProblem(await t.call('POST', '/api/v1/auth/mfa/passkey/options', { tenant: 'oak', body: { mfaToken } }), 401, 'core.invalid_mfa_token');

    // The tenant's two-step rule is met by a passkey: the sign-in asks for it, not for an enrolment.
    expect((await t.call('PATCH', '/api/v1/settings/two-step', { ...as(oak.token), body: { requiredRoles: ['manager'] } })).statusCode).toBe(200);
    expect((await login('second@oak.test')).json()).toMatchObject({ mfaRequired: true, methods: ['passkey'] });
    expect((await t.call('PATCH', '/api/v1/settings/two-step', { ...as(oak.token), body: { requiredRoles: [] } })).statusCode).toBe(200);
  });

  it('steps up with a passkey to allow a finance.approve action', async () => {
    const u = await user('stepper@oak.test');
    expectProblem(await t.call('POST', decoyVoid, { ...as(u.token), body: { reason: 'Test' } }), 403, 'mfa_required');
    expectProblem(await t.call('POST', '/api/v1/auth/step-up/passkey/options', as(u.token)), 401, 'core.passkey_verification_failed');
    const { key } = await register(u.token);
    expectProblem(await t.call('POST', decoyVoid, { ...as(u.token), body: { reason: 'Test' } }), 403, 'mfa_required');

    const options = (await t.call('POST', '/api/v1/auth/step-up/passkey/options', as(u.token))).json();
    const answer = assertion(key, options);
    const stepped = await t.call('POST', '/api/v1/auth/step-up/passkey', { ...as(u.token), body: { response: answer } });
    expect(stepped.statusCode, stepped.body).toBe(200);
    const token = stepped.json().accessToken;
    expect(claimsOf(token)).toMatchObject({ amr: ['pwd', 'hwk'], mfa_time: expect.any(Number) });
    expectProblem(await t.call('POST', decoyVoid, { ...as(token), body: { reason: 'Test' } }), 404, 'not_found');

    // The same answer again is a replay.
    expectProblem(await t.call('POST', '/api/v1/auth/step-up/passkey', { ...as(u.token), body: { response: answer } }), 401, 'core.passkey_verification_failed');
    // Options for sign-in do not step up.
    expectProblem(await t.call('POST', '/api/v1/auth/step-up/passkey', { ...as(u.token), body: { response: assertion(key, await signInOptions()) } }), 401, 'core.passkey_verification_failed');

    const audit = (await t.call('GET', '/api/v1/audit?action=auth.step_up', as(oak.token))).json().data as { details: Record<string, unknown>; actor: { id?: string } }[];
    expect(audit.find((e) => e.actor.id === u.id)?.details).toMatchObject({ method: 'passkey' });
  });
});

describe('throttling', () => {
  it('refuses an address whose passwordless answers keep failing, and no other address', async () => {
    const strict = await startPlatform({ config: { redisUrl: undefined, loginRatePerAccount: 3 } });
    try {
      await strict.createTenant('ash');
      const from = (remoteAddress: string, url: string, body?: unknown) => strict.platform.app.inject({ method: 'POST', url, headers: { 'x-tenant-id': 'ash' }, remoteAddress, ...(body ? { payload: body } : {}) });
      const stranger = newPasskey();
      for (let i = 0; i < 3; i++) {
        const options = await from('198.51.100.9', '/api/v1/auth/passkey/options');
        expect(options.statusCode).toBe(200);
        expectProblem(await from('198.51.100.9', '/api/v1/auth/passkey', { response: assertion(stranger, options.json()) }), 401, 'core.passkey_verification_failed');
      }
      expectProblem(await from('198.51.100.9', '/api/v1/auth/passkey/options'), 429, 'rate_limited');
      expect((await from('198.51.100.10', '/api/v1/auth/passkey/options')).statusCode).toBe(200);
    } finally {
      await strict.close();
    }
  });
});
