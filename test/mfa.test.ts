import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from './fixture.js';
import { createUser } from './auth-helpers.js';
import { startPlatform, TENANT_PASSWORD, type TestPlatform, type TestTenant } from './helpers.js';
import { claimsOf, enrolTotp, steppedUp, totpCode } from './mfa-helpers.js';
import { tenantTransaction } from './mail-helpers.js';

/**
 * Two-step sign-in with an authenticator app: enrolment and its recovery codes, the sign-in's
 * second step with its short-lived single-use token, codes that work once, the roles a tenant
 * requires it for, and step-up for finance.approve. The platform's clock is moved in 30-second
 * steps, so that every accepted code belongs to a later time step than the last (as it would
 * in real use) without waiting.
 */

let t: TestPlatform;
let oak: TestTenant;
let clock = new Date();
const later = (seconds: number) => (clock = new Date(clock.getTime() + seconds * 1000));
const code = (secret: string) => totpCode(secret, clock);
const opts = (token: string) => ({ token, tenant: 'oak' });
const decoyVoid = '/api/v1/finance/charges/01a20000-0000-7000-8000-000000000000/void';

beforeAll(async () => {
  t = await startPlatform({ config: { loginRatePerAccount: 6, redisUrl: undefined }, platform: { clock: () => clock } });
  oak = await t.createTenant('oak');
});
afterAll(async () => t?.close());

/** A new user of oak, signed in; with an authenticator app when `enrolled`. */
async function user(email: string, roles: string[] = ['manager'], enrolled = false) {
  const created = await createUser(t, oak, email, roles);
  const token = (await t.login('oak', email)).accessToken;
  if (!enrolled) return { ...created, token, secret: '', recoveryCodes: [] as string[] };
  const enrolment = await enrolTotp(t, 'oak', token, clock);
  later(30);
  return { ...created, token, ...enrolment };
}

const login = (email: string, headers: Record<string, string> = {}) => t.call('POST', '/api/v1/auth/login', { tenant: 'oak', body: { email, password: TENANT_PASSWORD }, headers });
const second = (mfaToken: string, c: string, headers: Record<string, string> = {}) => t.call('POST', '/api/v1/auth/mfa', { tenant: 'oak', body: { mfaToken, code: c }, headers });

describe('enrolment', () => {
  it('enrols with a sealed secret, confirms with a code, shows ten recovery codes once, and turns off', async () => {
    const u = await user('enrol@oak.test');
    expect((await t.call('GET', '/api/v1/me/mfa', opts(u.token))).json()).toEqual({ totp: { enrolled: false, pending: false, confirmedAt: null }, recoveryCodesRemaining: 0, required: false, passkeys: 0 });

    const started = await t.call('POST', '/api/v1/me/mfa/totp', opts(u.token));
    expect(started.statusCode).toBe(200);
    const { secret, otpauthUri } = started.json();
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    const uri = new URL(otpauthUri);
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.host).toBe('totp');
    expect(decodeURIComponent(uri.pathname)).toBe('/Tenant oak:enrol@oak.test');
    expect(uri.searchParams.get('issuer')).toBe('Tenant oak');
    expect(uri.searchParams.get('secret')).toBe(secret);
    // At rest the secret is sealed: the row holds neither it nor anything that opens without the key.
    const row = await tenantTransaction(t.platform, oak.id, (db) => db.selectFrom('totpFactors').selectAll().where('userId', '=', u.id).executeTakeFirstOrThrow());
    expect(row.secretSealed).toMatch(/^v1\./);
    expect(row.secretSealed).not.toContain(secret);
    expect(row.confirmedAt).toBeNull();
    expect((await t.call('GET', '/api/v1/me/mfa', opts(u.token))).json().totp).toMatchObject({ enrolled: false, pending: true });

    // Pending, it does not change the sign-in.
    expect((await login('enrol@oak.test')).json().accessToken).toBeTruthy();

    expectProblem(await t.call('POST', '/api/v1/me/mfa/totp/confirm', { ...opts(u.token), body: { code: '000000' } }), 422, 'core.invalid_code', ['code']);
    expectProblem(await t.call('POST', '/api/v1/me/mfa/totp/confirm', { ...opts(u.token), body: {} }), 400, 'validation_failed');
    const confirmed = await t.call('POST', '/api/v1/me/mfa/totp/confirm', { ...opts(u.token), body: { code: await code(secret) } });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const { recoveryCodes } = confirmed.json();
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    for (const c of recoveryCodes) expect(c).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
    const stored = await tenantTransaction(t.platform, oak.id, (db) => db.selectFrom('recoveryCodes').select('codeHash').where('userId', '=', u.id).execute());
    expect(stored).toHaveLength(10);
    for (const c of recoveryCodes) expect(JSON.stringify(stored)).not.toContain(c.replace('-', ''));

    const status = (await t.call('GET', '/api/v1/me/mfa', opts(u.token))).json();
    expect(status).toMatchObject({ totp: { enrolled: true, pending: false }, recoveryCodesRemaining: 10 });
    expectProblem(await t.call('POST', '/api/v1/me/mfa/totp', opts(u.token)), 409, 'core.totp_already_enrolled');
    expectProblem(await t.call('POST', '/api/v1/me/mfa/totp/confirm', { ...opts(u.token), body: { code: await code(secret) } }), 409, 'core.totp_already_enrolled');

    expectProblem(await t.call('DELETE', '/api/v1/me/mfa/totp', { ...opts(u.token), body: { code: 'aaaaa-bbbbb' } }), 422, 'core.invalid_code');
    expect((await t.call('DELETE', '/api/v1/me/mfa/totp', { ...opts(u.token), body: { code: recoveryCodes[0] } })).statusCode).toBe(204);
    expect((await t.call('GET', '/api/v1/me/mfa', opts(u.token))).json()).toMatchObject({ totp: { enrolled: false, pending: false }, recoveryCodesRemaining: 0 });
    expectProblem(await t.call('DELETE', '/api/v1/me/mfa/totp', { ...opts(u.token), body: { code: recoveryCodes[1] } }), 409, 'core.totp_not_enrolled');
    expect((await login('enrol@oak.test')).json().accessToken).toBeTruthy();
  });

  it('turns off with a current code, which cannot be used again', async () => {
    const u = await user('off@oak.test', ['staff'], true);
    const current = await code(u.secret);
    expect((await t.call('DELETE', '/api/v1/me/mfa/totp', { ...opts(u.token), body: { code: current } })).statusCode).toBe(204);
    const again = await enrolTotp(t, 'oak', u.token, clock);
    expect(again.recoveryCodes).toHaveLength(10);
    expect(again.recoveryCodes).not.toContain(u.recoveryCodes[0]);
  });
});

describe('sign-in with two steps', () => {
  it('answers an mfaToken instead of tokens, and the code completes the sign-in once', async () => {
    const u = await user('two@oak.test', ['staff'], true);
    const first = await login('two@oak.test', { 'x-token-transport': 'cookie' });
    expect(first.statusCode).toBe(200);
    const challenge = first.json();
    expect(challenge).toEqual({ mfaRequired: true, mfaToken: expect.any(String), methods: ['totp', 'recovery_code'] });
    expect(first.headers['set-cookie']).toBeUndefined();
    // The mfaToken is no access token.
    expectProblem(await t.call('GET', '/api/v1/me', opts(challenge.mfaToken)), 401, 'unauthenticated');

    const wrong = await second(challenge.mfaToken, '123456');
    expectProblem(wrong, 422, 'core.invalid_code');
    expect(wrong.json().attemptsLeft).toBe(4);

    const right = await code(u.secret);
    const done = await second(challenge.mfaToken, right, { 'x-token-transport': 'cookie' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().refreshToken).toBeUndefined();
    expect(String(done.headers['set-cookie'])).toMatch(/^courtyard_refresh=[^;]+; Path=\/api\/v1\/auth; .*HttpOnly; SameSite=Strict/);
    const claims = claimsOf(done.json().accessToken);
    expect(claims).toMatchObject({ amr: ['pwd', 'otp'], mfa_enrolled: true });
    expect(claims.mfa_time).toBe(Math.floor(clock.getTime() / 1000));
    expect((await t.call('GET', '/api/v1/me', opts(done.json().accessToken))).statusCode).toBe(200);

    // Single use: the token is spent, and the code cannot complete another sign-in.
    expectProblem(await second(challenge.mfaToken, right), 401, 'core.invalid_mfa_token');
    const other = (await login('two@oak.test')).json();
    expectProblem(await second(other.mfaToken, right), 422, 'core.invalid_code');
    later(30);
    expect((await second(other.mfaToken, await code(u.secret))).statusCode).toBe(200);
  });

  it('ends an mfaToken after five minutes and after five wrong codes', async () => {
    const u = await user('expiry@oak.test', ['staff'], true);
    const old = (await login('expiry@oak.test')).json().mfaToken;
    later(301);
    expectProblem(await second(old, await code(u.secret)), 401, 'core.invalid_mfa_token');

    const tried = (await login('expiry@oak.test')).json().mfaToken;
    for (let i = 4; i >= 0; i--) expect((await second(tried, '000000')).json()).toMatchObject({ code: 'core.invalid_code', attemptsLeft: i });
    expectProblem(await second(tried, await code(u.secret)), 401, 'core.invalid_mfa_token');
    expectProblem(await second(`${u.id}.forged`, await code(u.secret)), 401, 'core.invalid_mfa_token');
    expectProblem(await second('not-a-token', await code(u.secret)), 401, 'core.invalid_mfa_token');
  });

  it('takes each recovery code once', async () => {
    const u = await user('recover@oak.test', ['staff'], true);
    const done = await second((await login('recover@oak.test')).json().mfaToken, u.recoveryCodes[3]!.toUpperCase());
    expect(done.statusCode, done.body).toBe(200);
    expectProblem(await second((await login('recover@oak.test')).json().mfaToken, u.recoveryCodes[3]!), 422, 'core.invalid_code');
    expect((await t.call('GET', '/api/v1/me/mfa', opts(done.json().accessToken))).json().recoveryCodesRemaining).toBe(9);
  });

  it('refuses guesses past the sign-in limit from one address, the right code included', async () => {
    const u = await user('guess@oak.test', ['staff'], true);
    for (let i = 0; i < 6; i++) expectProblem(await t.call('POST', '/api/v1/auth/step-up', { ...opts(u.token), body: { code: '000000' } }), 422, 'core.invalid_code');
    expectProblem(await t.call('POST', '/api/v1/auth/step-up', { ...opts(u.token), body: { code: await code(u.secret) } }), 429, 'rate_limited');
    // Another address is not refused (the lockout cannot be turned against the user).
    const elsewhere = await t.platform.app.inject({ method: 'POST', url: '/api/v1/auth/step-up', headers: { authorization: `Bearer ${u.token}`, 'x-tenant-id': 'oak' }, payload: { code: await code(u.secret) }, remoteAddress: '198.51.100.7' });
    expect(elsewhere.statusCode, elsewhere.body).toBe(200);
  });
});

describe('roles that require two-step sign-in', () => {
  it('lets a settings writer choose the roles, and makes their users enrol before their first session', async () => {
    const staff = await user('clerk@oak.test', ['staff']);
    expectProblem(await t.call('PATCH', '/api/v1/settings/two-step', { ...opts(staff.token), body: { requiredRoles: ['staff'] } }), 403, 'permission_denied');
    expect((await t.call('GET', '/api/v1/settings/two-step', opts(staff.token))).json()).toEqual({ requiredRoles: [] });
    expectProblem(await t.call('PATCH', '/api/v1/settings/two-step', { ...opts(oak.token), body: { requiredRoles: ['wizard'] } }), 400, 'validation_failed', ['requiredRoles']);
    const set = await t.call('PATCH', '/api/v1/settings/two-step', { ...opts(oak.token), body: { requiredRoles: ['staff', 'staff'] } });
    expect(set.json()).toEqual({ requiredRoles: ['staff'] });
    expect((await t.call('GET', '/api/v1/me/mfa', opts(staff.token))).json().required).toBe(true);

    const refused = await login('clerk@oak.test');
    const problem = expectProblem(refused, 403, 'mfa_enrolment_required');
    expect(refused.headers['set-cookie']).toBeUndefined();
    expect(problem.accessToken).toBeUndefined();
    expect(problem.mfaEnrolmentRequired).toBe(true);
    // The enrolment token opens nothing but the enrolment.
    expectProblem(await t.call('GET', '/api/v1/me', opts(problem.mfaToken)), 401, 'unauthenticated');
    const enrolment = await t.call('POST', '/api/v1/auth/mfa/enrol', { tenant: 'oak', body: { mfaToken: problem.mfaToken } });
    expect(enrolment.statusCode, enrolment.body).toBe(200);
    const done = await second(problem.mfaToken, await code(enrolment.json().secret));
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().recoveryCodes).toHaveLength(10);
    expect(claimsOf(done.json().accessToken).amr).toEqual(['pwd', 'otp']);
    expectProblem(await t.call('POST', '/api/v1/auth/mfa/enrol', { tenant: 'oak', body: { mfaToken: problem.mfaToken } }), 401, 'core.invalid_mfa_token');
    // Enrolled, the user signs in with the second step like anyone else.
    expect((await login('clerk@oak.test')).json().mfaRequired).toBe(true);
    // A sign-in token is for a code, not an enrolment.
    expectProblem(await t.call('POST', '/api/v1/auth/mfa/enrol', { tenant: 'oak', body: { mfaToken: (await login('clerk@oak.test')).json().mfaToken } }), 409, 'core.totp_already_enrolled');

    expect((await t.call('PATCH', '/api/v1/settings/two-step', { ...opts(oak.token), body: { requiredRoles: [] } })).json()).toEqual({ requiredRoles: [] });
    await createUser(t, oak, 'free@oak.test', ['staff']);
    expect((await login('free@oak.test')).json().accessToken).toBeTruthy();
  });
});

describe('step-up for finance.approve', () => {
  it('asks for a recent second factor, tells a user without one to enrol, and lets it lapse after 15 minutes', async () => {
    const manager = await user('approver@oak.test', ['manager']);
    const staff = await user('viewer@oak.test', ['staff']);
    expectProblem(await t.call('POST', decoyVoid, { ...opts(staff.token), body: { reason: 'No' } }), 403, 'permission_denied');
    const unenrolled = expectProblem(await t.call('POST', decoyVoid, { ...opts(manager.token), body: { reason: 'Test' } }), 403, 'mfa_required');
    expect(unenrolled.detail).toMatch(/enrol/);
    expectProblem(await t.call('POST', '/api/v1/auth/step-up', { ...opts(manager.token), body: { code: '123456' } }), 409, 'core.totp_not_enrolled');
    // Routes of finance that need no approval are not asked.
    expect((await t.call('GET', '/api/v1/finance/charges', opts(manager.token))).statusCode).toBe(200);

    const { secret } = await enrolTotp(t, 'oak', manager.token, clock);
    later(30);

    const stepped = await t.call('POST', '/api/v1/auth/step-up', { ...opts(manager.token), body: { code: await code(secret) } });
    expect(stepped.statusCode, stepped.body).toBe(200);
    const token = stepped.json().accessToken;
    expect(claimsOf(token)).toMatchObject({ amr: ['pwd', 'otp'], mfa_time: Math.floor(clock.getTime() / 1000) });
    expectProblem(await t.call('POST', decoyVoid, { ...opts(token), body: { reason: 'Test' } }), 404, 'not_found');

    later(14 * 60);
    expectProblem(await t.call('POST', decoyVoid, { ...opts(token), body: { reason: 'Test' } }), 404, 'not_found');
    later(2 * 60);
    const lapsed = expectProblem(await t.call('POST', decoyVoid, { ...opts(token), body: { reason: 'Test' } }), 403, 'mfa_required');
    expect(lapsed.detail).toMatch(/step-up/);
  });

  it('keeps the step-up through a refresh of the same session', async () => {
    await createUser(t, oak, 'keeper@oak.test', ['manager']);
    const session = await t.login('oak', 'keeper@oak.test');
    const token = await steppedUp(t, 'oak', session.accessToken, clock);
    expectProblem(await t.call('POST', decoyVoid, { ...opts(token), body: { reason: 'Test' } }), 404, 'not_found');
    const refreshed = await t.call('POST', '/api/v1/auth/refresh', { tenant: 'oak', body: { refreshToken: session.refreshToken } });
    expect(claimsOf(refreshed.json().accessToken)).toMatchObject({ amr: ['pwd', 'otp'], mfa_enrolled: true, mfa_time: claimsOf(token).mfa_time });
    expectProblem(await t.call('POST', decoyVoid, { ...opts(refreshed.json().accessToken), body: { reason: 'Test' } }), 404, 'not_found');
  });
});

describe('the audit log', () => {
  type Entry = { id: string; seq: number; action: string; actor: { type: string; id: string | null }; target: { type: string; id: string | null } | null; details: Record<string, unknown> };
  /** What the user did or had done to them, oldest first. */
  const entriesOf = async (userId: string): Promise<Entry[]> => {
    const byId = new Map<string, Entry>();
    for (const filter of [`actor=${userId}`, `targetId=${userId}`]) {
      const res = await t.call('GET', `/api/v1/audit?${filter}&limit=100`, opts(oak.token));
      expect(res.statusCode, res.body).toBe(200);
      for (const e of res.json().data as Entry[]) byId.set(e.id, e);
    }
    return [...byId.values()].sort((a, b) => a.seq - b.seq);
  };

  it('records enrolment, a wrong code, the second step, step-up, a recovery code and turning it off, and the sign-in only once it is complete', async () => {
    const u = await user('audited@oak.test', ['manager'], true);
    const started = await login('audited@oak.test');
    expect(started.json().mfaRequired).toBe(true);
    expect((await entriesOf(u.id)).filter((e) => e.action === 'auth.sign_in.succeeded')).toHaveLength(1); // the set-up's own sign-in, before enrolment

    expect((await second(started.json().mfaToken, '000000')).statusCode).toBe(422);
    later(30);
    const signedIn = await second(started.json().mfaToken, await code(u.secret));
    expect(signedIn.statusCode, signedIn.body).toBe(200);
    const token = signedIn.json().accessToken as string;
    expectProblem(await t.call('POST', '/api/v1/auth/step-up', { ...opts(token), body: { code: '123456' } }), 422, 'core.invalid_code', ['code']);
    expect((await t.call('POST', '/api/v1/auth/step-up', { ...opts(token), body: { code: u.recoveryCodes[0] } })).statusCode).toBe(200);
    later(30);
    expect((await t.call('DELETE', '/api/v1/me/mfa/totp', { ...opts(token), body: { code: await code(u.secret) } })).statusCode).toBe(204);

    const log = await entriesOf(u.id);
    const actions = log.map((e) => e.action);
    expect(actions.filter((a) => a.startsWith('auth.mfa') || a === 'auth.step_up' || a === 'auth.sign_in.succeeded')).toEqual([
      'auth.sign_in.succeeded', 'auth.mfa.enabled', 'auth.mfa.failed', 'auth.sign_in.succeeded', 'auth.mfa.failed', 'auth.mfa.recovery_code_used', 'auth.step_up', 'auth.mfa.disabled',
    ]);
    const signIns = log.filter((e) => e.action === 'auth.sign_in.succeeded');
    expect(signIns[1]!.details).toEqual({ amr: ['pwd', 'otp'] });
    expect(log.find((e) => e.action === 'auth.mfa.failed')!.details).toMatchObject({ at: 'sign_in', attemptsLeft: 4 });
    expect(log.find((e) => e.action === 'auth.mfa.recovery_code_used')!.details).toEqual({ remaining: 9 });
    expect(log.find((e) => e.action === 'auth.mfa.disabled')!.details).toEqual({ method: 'totp' });
    expect(log.find((e) => e.action === 'auth.step_up')!.details).toEqual({ method: 'recovery_code' });
    const body = JSON.stringify(log);
    expect(body).not.toContain(u.secret);
    expect(body).not.toContain(u.recoveryCodes[0]);
  });
});
