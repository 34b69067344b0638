import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlatformUsersRepository } from '../src/control/auth/platform-users.repository.js';
import { hashPassword } from '../src/kernel/security/passwords.js';
import { expectProblem } from './fixture.js';
import { startPlatform, type TestPlatform } from './helpers.js';
import { claimsOf, totpCode } from './mfa-helpers.js';

/**
 * Platform operators sign in with two steps as tenants' users can (docs/security.md#operators):
 * an authenticator app confirmed with a code, ten recovery codes, a sign-in that answers an
 * mfaToken instead of tokens, codes that work once, and an mfaToken that ends after five
 * wrong codes. An operator with a second factor steps up before the console's dangerous
 * actions (suspending or archiving a tenant, reissuing a licence, making an API key); with
 * COURTYARD_OPERATOR_TWO_STEP=required every operator must enrol at sign-in. The clock is
 * moved in 30-second steps, so that each code is a new one.
 */

let t: TestPlatform;
let clock = new Date();
const later = (seconds: number) => (clock = new Date(clock.getTime() + seconds * 1000));
const code = (secret: string) => totpCode(secret, clock);
const EMAIL = 'on-call@courtyard.test';
const PASSWORD = 'the pager never sleeps at night';
let tenantId: string;

type Pair = { accessToken: string; refreshToken: string };
const login = (email = EMAIL, password = PASSWORD) => t.call('POST', '/control/v1/auth/login', { body: { email, password } });
const call = (token: string, method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown) => t.call(method, `/control/v1${path}`, { token, ...(body === undefined ? {} : { body }) });
async function signInWithPassword(): Promise<Pair> {
  const res = await login();
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

beforeAll(async () => {
  t = await startPlatform({ config: { loginRatePerAccount: 8, redisUrl: undefined }, platform: { clock: () => clock } });
  await new PlatformUsersRepository(t.platform.main.kysely).insert({ email: EMAIL, name: 'On call', passwordHash: await hashPassword(PASSWORD) });
  tenantId = (await t.createTenant('beech')).id;
});
afterAll(async () => {
  await t?.close();
});

describe('an operator’s two-step sign-in', () => {
  let secret = '';
  let recoveryCodes: string[] = [];

  it('enrols an authenticator app, confirmed by a code, and answers ten recovery codes once', async () => {
    const { accessToken } = await signInWithPassword();
    expect((await call(accessToken, 'GET', '/me/mfa')).json()).toMatchObject({ totp: { enrolled: false, pending: false }, required: false });
    const started = await call(accessToken, 'POST', '/me/mfa/totp');
    expect(started.statusCode, started.body).toBe(200);
    secret = started.json().secret;
    expect(started.json().otpauthUri).toMatch(/^otpauth:\/\/totp\/Courtyard%20console:on-call%40courtyard\.test\?/);
    expect((await call(accessToken, 'GET', '/me/mfa')).json().totp).toMatchObject({ enrolled: false, pending: true });

    const wrong = await call(accessToken, 'POST', '/me/mfa/totp/confirm', { code: '000000' });
    expectProblem(wrong, 422, 'control.invalid_code');
    const confirmed = await call(accessToken, 'POST', '/me/mfa/totp/confirm', { code: await code(secret) });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    recoveryCodes = confirmed.json().recoveryCodes;
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    expect((await call(accessToken, 'GET', '/me/mfa')).json()).toMatchObject({ totp: { enrolled: true, pending: false }, recoveryCodesRemaining: 10 });
    // A second enrolment waits until this one is turned off.
    expectProblem(await call(accessToken, 'POST', '/me/mfa/totp'), 409, 'control.totp_already_enrolled');
  });

  it('asks for a code after the password, and gives a session only with a right one', async () => {
    later(30);
    const first = await login();
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ mfaRequired: true, mfaToken: expect.any(String), methods: ['totp', 'recovery_code'] });
    expect(first.json()).not.toHaveProperty('accessToken');
    const { mfaToken } = first.json();

    const wrong = await t.call('POST', '/control/v1/auth/mfa', { body: { mfaToken, code: '123456' } });
    expectProblem(wrong, 422, 'control.invalid_code');
    expect(wrong.json().attemptsLeft).toBe(4);
    const right = await code(secret);
    const done = await t.call('POST', '/control/v1/auth/mfa', { body: { mfaToken, code: right } });
    expect(done.statusCode, done.body).toBe(200);
    expect(claimsOf(done.json().accessToken)).toMatchObject({ amr: ['pwd', 'otp'], mfa_time: Math.floor(clock.getTime() / 1000), mfa_enrolled: true });
    // The token works once, and the code too, even with a new sign-in in the same 30 seconds.
    expectProblem(await t.call('POST', '/control/v1/auth/mfa', { body: { mfaToken, code: right } }), 401, 'control.invalid_mfa_token');
    const again = (await login()).json().mfaToken;
    expectProblem(await t.call('POST', '/control/v1/auth/mfa', { body: { mfaToken: again, code: right } }), 422, 'control.invalid_code');
    // A refreshed session keeps saying how it was signed in.
    const refreshed = await t.call('POST', '/control/v1/auth/refresh', { body: { refreshToken: done.json().refreshToken } });
    expect(claimsOf(refreshed.json().accessToken)).toMatchObject({ amr: ['pwd', 'otp'] });
  });

  it('takes a recovery code once in place of a code', async () => {
    const recovery = recoveryCodes[0]!;
    const mfaToken = (await login()).json().mfaToken;
    const done = await t.call('POST', '/control/v1/auth/mfa', { body: { mfaToken, code: recovery.toUpperCase() } });
    expect(done.statusCode, done.body).toBe(200);
    const reused = (await login()).json().mfaToken;
    expectProblem(await t.call('POST', '/control/v1/auth/mfa', { body: { mfaToken: reused, code: recovery } }), 422, 'control.invalid_code');
    expect((await call(done.json().accessToken, 'GET', '/me/mfa')).json().recoveryCodesRemaining).toBe(9);
  });

  it('ends the mfaToken after five wrong codes', async () => {
    const mfaToken = (await login()).json().mfaToken;
    for (let i = 4; i >= 0; i--) {
      const res = await t.call('POST', '/control/v1/auth/mfa', { body: { mfaToken, code: '999999' } });
      expectProblem(res, 422, 'control.invalid_code');
      expect(res.json().attemptsLeft).toBe(i);
    }
    later(30);
    expectProblem(await t.call('POST', '/control/v1/auth/mfa', { body: { mfaToken, code: await code(secret) } }), 401, 'control.invalid_mfa_token');
  });

  it('asks an operator with a second factor to step up before dangerous actions, and lets them within 15 minutes', async () => {
    later(30);
    const mfaToken = (await login()).json().mfaToken;
    const session = (await t.call('POST', '/control/v1/auth/mfa', { body: { mfaToken, code: await code(secret) } })).json() as Pair;
    // Signed in with two steps just now: allowed at once.
    const licence = await call(session.accessToken, 'POST', `/tenants/${tenantId}/licence`, {});
    expect(licence.statusCode, licence.body).toBe(201);

    later(16 * 60);
    const stale = (await t.call('POST', '/control/v1/auth/refresh', { body: { refreshToken: session.refreshToken } })).json() as Pair;
    const refused = await call(stale.accessToken, 'POST', `/tenants/${tenantId}/suspend`);
    expectProblem(refused, 403, 'mfa_required');
    expect(refused.json().detail).toContain('/control/v1/auth/step-up');
    expectProblem(await call(stale.accessToken, 'POST', '/api-keys', { name: 'deploys', permissions: ['platform.admin'] }), 403, 'mfa_required');
    // What is not dangerous needs nothing more.
    expect((await call(stale.accessToken, 'GET', `/tenants/${tenantId}`)).statusCode).toBe(200);
    expect((await call(stale.accessToken, 'POST', `/tenants/${tenantId}/resume`)).statusCode).not.toBe(403);

    expectProblem(await call(stale.accessToken, 'POST', '/auth/step-up', { code: '000000' }), 422, 'control.invalid_code');
    const stepped = await call(stale.accessToken, 'POST', '/auth/step-up', { code: await code(secret) });
    expect(stepped.statusCode, stepped.body).toBe(200);
    expect(claimsOf(stepped.json().accessToken)).toMatchObject({ sid: claimsOf(stale.accessToken).sid, mfa_time: Math.floor(clock.getTime() / 1000) });
    const suspended = await call(stepped.json().accessToken, 'POST', `/tenants/${tenantId}/suspend`);
    expect(suspended.statusCode, suspended.body).toBe(200);
    expect(suspended.json().status).toBe('suspended');
    expect((await call(stepped.json().accessToken, 'POST', `/tenants/${tenantId}/resume`)).statusCode).toBe(200);

    const audit = await call(stepped.json().accessToken, 'GET', '/audit?action=platform_user.stepped_up&limit=5');
    expect(audit.json().data[0]).toMatchObject({ action: 'platform_user.stepped_up', data: { method: 'totp' } });
  });

  it('does not ask an operator who has no second factor, while the platform leaves it optional', async () => {
    const admin = await t.platformToken();
    expect(claimsOf(admin)).toMatchObject({ amr: ['pwd'] });
    expect(claimsOf(admin)).not.toHaveProperty('mfa_enrolled');
    const suspended = await call(admin, 'POST', `/tenants/${tenantId}/suspend`);
    expect(suspended.statusCode, suspended.body).toBe(200);
    expect((await call(admin, 'POST', `/tenants/${tenantId}/resume`)).statusCode).toBe(200);
  });

  it('keeps a platform API key away from the two-step settings', async () => {
    const admin = await t.platformToken();
    const key = (await call(admin, 'POST', '/api-keys', { name: 'robot', permissions: ['platform.admin'] })).json().key as string;
    expectProblem(await call(key, 'GET', '/me/mfa'), 403, 'permission_denied');
    expectProblem(await call(key, 'POST', '/me/mfa/totp'), 403, 'permission_denied');
    expectProblem(await call(key, 'POST', '/auth/step-up', { code: '123456' }), 403, 'permission_denied');
  });

  it('turns two-step sign-in off with a code, and the password alone signs in again', async () => {
    later(30);
    const mfaToken = (await login()).json().mfaToken;
    const { accessToken } = (await t.call('POST', '/control/v1/auth/mfa', { body: { mfaToken, code: await code(secret) } })).json() as Pair;
    expectProblem(await call(accessToken, 'DELETE', '/me/mfa/totp', { code: '000000' }), 422, 'control.invalid_code');
    const off = await call(accessToken, 'DELETE', '/me/mfa/totp', { code: recoveryCodes[1]! });
    expect(off.statusCode, off.body).toBe(204);
    const plain = await login();
    expect(plain.json()).toHaveProperty('accessToken');
    expect((await call(plain.json().accessToken, 'GET', '/me/mfa')).json()).toMatchObject({ totp: { enrolled: false }, recoveryCodesRemaining: 0 });
    const audit = await call(plain.json().accessToken, 'GET', '/audit?action=platform_user.mfa_disabled&limit=5');
    expect(audit.json().data[0]).toMatchObject({ action: 'platform_user.mfa_disabled', data: { method: 'recovery_code' } });
  });
});

describe('when the platform requires two-step sign-in for operators', () => {
  let strict: TestPlatform;
  beforeAll(async () => {
    strict = await startPlatform({ config: { operatorTwoStep: 'required', redisUrl: undefined }, platform: { clock: () => clock } });
    await new PlatformUsersRepository(strict.platform.main.kysely).insert({ email: EMAIL, name: 'On call', passwordHash: await hashPassword(PASSWORD) });
  });
  afterAll(async () => {
    await strict?.close();
  });

  it('makes an operator without an authenticator enrol before their first session, and keeps it on', async () => {
    later(30);
    const refused = await strict.call('POST', '/control/v1/auth/login', { body: { email: EMAIL, password: PASSWORD } });
    expectProblem(refused, 403, 'mfa_enrolment_required');
    const { mfaToken } = refused.json();
    expect(mfaToken).toEqual(expect.any(String));
    // The enrolment token is not a sign-in: a code alone does not open a session.
    const enrolment = await strict.call('POST', '/control/v1/auth/mfa/enrol', { body: { mfaToken } });
    expect(enrolment.statusCode, enrolment.body).toBe(200);
    const secret = enrolment.json().secret as string;
    const done = await strict.call('POST', '/control/v1/auth/mfa', { body: { mfaToken, code: await code(secret) } });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().recoveryCodes).toHaveLength(10);
    expect(claimsOf(done.json().accessToken)).toMatchObject({ amr: ['pwd', 'otp'], mfa_enrolled: true });
    const status = await strict.call('GET', '/control/v1/me/mfa', { token: done.json().accessToken });
    expect(status.json()).toMatchObject({ totp: { enrolled: true }, required: true });
    expectProblem(await strict.call('DELETE', '/control/v1/me/mfa/totp', { token: done.json().accessToken, body: { code: done.json().recoveryCodes[0] } }), 403, 'permission_denied');
    // The next sign-in asks for a code.
    expect((await strict.call('POST', '/control/v1/auth/login', { body: { email: EMAIL, password: PASSWORD } })).json()).toMatchObject({ mfaRequired: true });
  });
});
