import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlatformUsersRepository } from '../src/control/auth/platform-users.repository.js';
import { hashPassword } from '../src/kernel/security/passwords.js';
import { expectProblem } from './fixture.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startPlatform, type TestPlatform } from './helpers.js';

/**
 * A platform operator has "My account" in the console as a tenant user has it in the workspace:
 * their name, their password (the current one asked for, the new one checked like every other,
 * every other session ended) and their sessions, each of which they can end. Only the operator
 * signed in reaches it: another operator's session is not found, and a platform API key (which
 * acts as its operator) may read who it is but change nothing of the account.
 */

let t: TestPlatform;
const OTHER_EMAIL = 'night-shift@courtyard.test';
const OTHER_PASSWORD = 'night shift keeps the lights on';
const NEW_PASSWORD = 'the console at first light';

type Pair = { accessToken: string; refreshToken: string };
async function signIn(email = ADMIN_EMAIL, password = ADMIN_PASSWORD): Promise<Pair> {
  const res = await t.call('POST', '/control/v1/auth/login', { body: { email, password } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
const me = (token: string, method: 'GET' | 'PATCH' | 'POST' | 'DELETE', path = '', body?: unknown) => t.call(method, `/control/v1/me${path}`, { token, ...(body === undefined ? {} : { body }) });
const refresh = (pair: Pair) => t.call('POST', '/control/v1/auth/refresh', { body: { refreshToken: pair.refreshToken } });
async function auditOf(token: string, action: string) {
  const res = await t.call('GET', `/control/v1/audit?action=${action}&limit=10`, { token });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().data as { actor: string; action: string; target: string | null; data: Record<string, unknown> }[];
}

beforeAll(async () => {
  // Three wrong guesses from one address, and the fourth is refused (as at sign-in).
  t = await startPlatform({ config: { loginRatePerAccount: 3 } });
  await new PlatformUsersRepository(t.platform.main.kysely).insert({ email: OTHER_EMAIL, name: 'Night shift', passwordHash: await hashPassword(OTHER_PASSWORD) });
});
afterAll(async () => {
  await t?.close();
});

describe('an operator’s own account', () => {
  it('shows the operator and changes their name', async () => {
    const { accessToken } = await signIn();
    const read = await me(accessToken, 'GET');
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json()).toEqual({ id: expect.any(String), email: ADMIN_EMAIL, name: 'Platform administrator' });
    const renamed = await me(accessToken, 'PATCH', '', { name: 'Ada, on call' });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({ email: ADMIN_EMAIL, name: 'Ada, on call' });
    expect((await me(accessToken, 'GET')).json().name).toBe('Ada, on call');
    expectProblem(await me(accessToken, 'PATCH', '', { name: '' }), 400, 'validation_failed');
    expectProblem(await me(accessToken, 'PATCH', '', { name: '   ' }), 400, 'validation_failed');
    expect((await me(accessToken, 'PATCH', '', { name: '  Ada, on call ' })).json().name).toBe('Ada, on call');
    // Another operator sees themselves, not the admin.
    const other = await signIn(OTHER_EMAIL, OTHER_PASSWORD);
    expect((await me(other.accessToken, 'GET')).json()).toMatchObject({ email: OTHER_EMAIL, name: 'Night shift' });
  });

  it('lists the operator’s sessions with this one flagged, and ends one of them but not another operator’s', async () => {
    const first = await signIn();
    const second = await signIn();
    const other = await signIn(OTHER_EMAIL, OTHER_PASSWORD);
    const list = await me(second.accessToken, 'GET', '/sessions');
    expect(list.statusCode, list.body).toBe(200);
    const sessions = list.json().data as { id: string; current: boolean; startedAt: string; expiresAt: string }[];
    expect(sessions.filter((s) => s.current)).toHaveLength(1);
    expect(sessions.length).toBeGreaterThanOrEqual(2);
    const current = sessions.find((s) => s.current)!;
    expect(new Date(current.expiresAt).getTime()).toBeGreaterThan(Date.now());

    // The other operator's session is not this operator's to end: not found, and it goes on.
    const theirs = (await me(other.accessToken, 'GET', '/sessions')).json().data.find((s: { current: boolean }) => s.current).id as string;
    expect(sessions.map((s) => s.id)).not.toContain(theirs);
    expectProblem(await me(second.accessToken, 'DELETE', `/sessions/${theirs}`), 404, 'not_found');
    expectProblem(await me(second.accessToken, 'DELETE', '/sessions/00000000-0000-4000-8000-000000000000'), 404, 'not_found');
    expect((await me(other.accessToken, 'GET')).statusCode).toBe(200);

    // Ending the first session (from the second) signs it out at once: its access and refresh tokens stop.
    const firstId = (await me(first.accessToken, 'GET', '/sessions')).json().data.find((s: { current: boolean }) => s.current).id as string;
    expect((await me(second.accessToken, 'DELETE', `/sessions/${firstId}`)).statusCode).toBe(204);
    expect((await me(first.accessToken, 'GET')).statusCode).toBe(401);
    expectProblem(await refresh(first), 401, 'invalid_refresh_token');
    expect((await me(second.accessToken, 'GET', '/sessions')).json().data.map((s: { id: string }) => s.id)).not.toContain(firstId);
    expectProblem(await me(second.accessToken, 'DELETE', `/sessions/${firstId}`), 404, 'not_found');
    const ended = await auditOf(second.accessToken, 'platform_user.session_ended');
    expect(ended[0]).toMatchObject({ target: firstId });
    expect(ended[0]!.actor).toMatch(/^platform:/);
  });

  it('changes the password: the current one must be right, the new one strong; every other session ends, this one goes on', async () => {
    const other = await signIn(OTHER_EMAIL, OTHER_PASSWORD);
    const elsewhere = await signIn(OTHER_EMAIL, OTHER_PASSWORD);

    const wrong = await me(other.accessToken, 'POST', '/password', { currentPassword: 'not my password at all', newPassword: NEW_PASSWORD });
    expectProblem(wrong, 422, 'control.wrong_password', '/currentPassword');
    const failed = await auditOf(other.accessToken, 'platform_user.password_change_failed');
    const otherId = (await me(other.accessToken, 'GET')).json().id as string;
    expect(failed[0]).toMatchObject({ actor: `platform:${otherId}`, data: { reason: 'wrong_password' } });

    expectProblem(await me(other.accessToken, 'POST', '/password', { currentPassword: OTHER_PASSWORD, newPassword: 'password1234' }), 422, 'weak_password', '/newPassword');
    expectProblem(await me(other.accessToken, 'POST', '/password', { currentPassword: OTHER_PASSWORD, newPassword: 'night-shift-courtyard' }), 422, 'weak_password', '/newPassword');

    expect((await me(other.accessToken, 'POST', '/password', { currentPassword: OTHER_PASSWORD, newPassword: NEW_PASSWORD })).statusCode).toBe(204);
    // This session goes on, and refreshes.
    expect((await me(other.accessToken, 'GET')).statusCode).toBe(200);
    expect((await refresh(other)).statusCode).toBe(200);
    // The other one is over: its access token and its refresh token are refused.
    expect((await me(elsewhere.accessToken, 'GET')).statusCode).toBe(401);
    expectProblem(await refresh(elsewhere), 401, 'invalid_refresh_token');
    // The old password no longer signs in; the new one does.
    expect((await t.call('POST', '/control/v1/auth/login', { body: { email: OTHER_EMAIL, password: OTHER_PASSWORD } })).statusCode).toBe(401);
    await signIn(OTHER_EMAIL, NEW_PASSWORD);
    const changed = await auditOf(other.accessToken, 'platform_user.password_changed');
    expect(changed[0]).toMatchObject({ actor: `platform:${otherId}` });
  });

  it('counts wrong current passwords like failed sign-ins', async () => {
    const pair = await signIn();
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await me(pair.accessToken, 'POST', '/password', { currentPassword: `guess number ${i}`, newPassword: NEW_PASSWORD })).statusCode);
    expect(statuses).toEqual([422, 422, 422, 429]);
    // The right password is refused too from this address for now: the guesser cannot tell.
    expectProblem(await me(pair.accessToken, 'POST', '/password', { currentPassword: ADMIN_PASSWORD, newPassword: NEW_PASSWORD }), 429, 'rate_limited');
  });

  it('refuses a platform API key on the account (but for reading who it is)', async () => {
    const { accessToken } = await signIn(OTHER_EMAIL, NEW_PASSWORD);
    const made = await t.call('POST', '/control/v1/api-keys', { token: accessToken, body: { name: 'automation', permissions: ['platform.admin'] } });
    expect(made.statusCode, made.body).toBe(201);
    const key = made.json().key as string;
    expect((await me(key, 'GET')).json()).toMatchObject({ email: OTHER_EMAIL });
    expectProblem(await me(key, 'PATCH', '', { name: 'Renamed by a script' }), 403, 'permission_denied');
    expectProblem(await me(key, 'POST', '/password', { currentPassword: NEW_PASSWORD, newPassword: 'a script chose this one' }), 403, 'permission_denied');
    expectProblem(await me(key, 'GET', '/sessions'), 403, 'permission_denied');
    const mine = (await me(accessToken, 'GET', '/sessions')).json().data[0].id as string;
    expectProblem(await me(key, 'DELETE', `/sessions/${mine}`), 403, 'permission_denied');
    expect((await me(accessToken, 'GET')).json().name).toBe('Night shift');
    expect((await me(accessToken, 'GET')).statusCode).toBe(200);
    // Without any sign-in at all, nothing.
    expect((await t.call('GET', '/control/v1/me')).statusCode).toBe(401);
  });
});
