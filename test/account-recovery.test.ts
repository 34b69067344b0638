import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RESET_ANSWER_MS } from '../src/data/identity/account.routes.js';
import { RequestLimit } from '../src/kernel/security/request-limit.js';
import { expectProblem } from './fixture.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, eventually, startPlatform, TENANT_PASSWORD, type TestPlatform, type TestTenant } from './helpers.js';
import { startSmtp, tenantTransaction, type TestSmtp } from './mail-helpers.js';

/**
 * A user who forgot their password gets back in alone: the reset e-mail reaches a real SMTP
 * server (the workers relay and send it, as in production), its link works once and for an
 * hour, and using it ends every session. An address with no account gets the same answer, no
 * sooner. Operators of the console have the same pair of routes.
 */

let smtp: TestSmtp;
let t: TestPlatform;
let oak: TestTenant;

const NEW_PASSWORD = 'a fresh start in autumn';
const tokenIn = (text: string, page = 'reset-password') => new RegExp(`${page}#token=([A-Za-z0-9_%-]+)`).exec(text)?.[1];
const mailTo = (email: string) => smtp.received.filter((m) => m.envelope.to.includes(email));

async function resetMail(email: string, count = 1) {
  const mails = await eventually(() => mailTo(email), (m) => m.length >= count);
  expect(mails.length, `mail to ${email}`).toBeGreaterThanOrEqual(count);
  return mails[count - 1]!.parsed;
}

const timed = async <T>(fn: () => Promise<T>) => {
  const started = performance.now();
  const result = await fn();
  return { result, ms: performance.now() - started };
};

beforeAll(async () => {
  smtp = await startSmtp();
  // Limits in memory: kept in Redis they would outlive this run and refuse the next one's requests.
  t = await startPlatform({ config: { smtpUrl: smtp.url, resetRatePerAccount: 4, redisUrl: undefined }, platform: { workers: true } });
  oak = await t.createTenant('oak');
});
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

describe('password reset for tenant users', () => {
  it('e-mails a single-use link to the workspace reset page, and the new password ends every session', async () => {
    const other = await t.login('oak', oak.adminEmail);
    const { result: res, ms } = await timed(() => t.call('POST', '/api/v1/auth/password-reset', { tenant: 'oak', body: { email: oak.adminEmail.toUpperCase() } }));
    expect(res.statusCode, res.body).toBe(202);
    expect(ms).toBeGreaterThanOrEqual(RESET_ANSWER_MS - 5);

    const mail = await resetMail(oak.adminEmail);
    expect(mail.subject).toBe('Reset your password for Tenant oak');
    expect(mail.text).toContain('https://oak.courtyard.test/reset-password#token=');
    expect(mail.text).toMatch(/The link works once and expires on .* UTC\./);
    const token = decodeURIComponent(tokenIn(mail.text!)!);

    const weak = await t.call('POST', '/api/v1/auth/password-reset/confirm', { tenant: 'oak', body: { token, password: 'qwertyuiop123' } });
    expectProblem(weak, 422, 'weak_password', '/password');
    expect(weak.json().errors[0].code).toBe('password_too_common');

    // The refused password spent nothing: the link still works.
    const confirmed = await t.call('POST', '/api/v1/auth/password-reset/confirm', { tenant: 'oak', body: { token, password: NEW_PASSWORD } });
    expect(confirmed.statusCode, confirmed.body).toBe(204);

    // Every session ended at once: the access tokens on their next request, the refresh tokens too.
    for (const session of [{ accessToken: oak.token, refreshToken: oak.refreshToken }, other]) {
      expect((await t.call('GET', '/api/v1/me', { tenant: 'oak', token: session.accessToken })).statusCode).toBe(401);
      expect((await t.call('POST', '/api/v1/auth/refresh', { tenant: 'oak', body: { refreshToken: session.refreshToken } })).statusCode).toBe(401);
    }
    expect((await t.call('POST', '/api/v1/auth/login', { tenant: 'oak', body: { email: oak.adminEmail, password: TENANT_PASSWORD } })).statusCode).toBe(401);
    const back = await t.login('oak', oak.adminEmail, NEW_PASSWORD);
    oak = { ...oak, token: back.accessToken, refreshToken: back.refreshToken };

    const again = await t.call('POST', '/api/v1/auth/password-reset/confirm', { tenant: 'oak', body: { token, password: 'yet another fine passphrase' } });
    expectProblem(again, 400, 'invalid_token');
  });

  it('refuses a link past its hour', async () => {
    await t.call('POST', '/api/v1/auth/password-reset', { tenant: 'oak', body: { email: oak.adminEmail } });
    const token = decodeURIComponent(tokenIn((await resetMail(oak.adminEmail, 2)).text!)!);
    await tenantTransaction(t.platform, oak.id, (db) => db.updateTable('userTokens').set({ expiresAt: new Date(Date.now() - 1000) }).where('purpose', '=', 'password_reset').where('consumedAt', 'is', null).execute());
    const res = await t.call('POST', '/api/v1/auth/password-reset/confirm', { tenant: 'oak', body: { token, password: 'yet another fine passphrase' } });
    expectProblem(res, 400, 'invalid_token');
  });

  it('answers an unknown address with the same 202, no sooner, and sends nothing', async () => {
    const before = smtp.received.length;
    const { result: res, ms } = await timed(() => t.call('POST', '/api/v1/auth/password-reset', { tenant: 'oak', body: { email: 'nobody@oak.test' } }));
    expect(res.statusCode).toBe(202);
    expect(ms).toBeGreaterThanOrEqual(RESET_ANSWER_MS - 5);
    const queued = await tenantTransaction(t.platform, oak.id, (db) => db.selectFrom('mailMessages').select('toEmail').where('toEmail', '=', 'nobody@oak.test').execute());
    expect(queued).toEqual([]);
    expect(smtp.received.length).toBe(before);
  });

  it('limits requests per e-mail address, known or not, with 429 and Retry-After', async () => {
    const ask = () => t.call('POST', '/api/v1/auth/password-reset', { tenant: 'oak', body: { email: 'ghost@oak.test' } });
    for (let i = 0; i < 4; i++) expect((await ask()).statusCode).toBe(202);
    const refused = await ask();
    expectProblem(refused, 429, 'rate_limited');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('limits requests per IP address whatever the e-mail address', async () => {
    const limit = new RequestLimit('password-reset', { perIp: 2, perAccount: 100 });
    await limit.admit('192.0.2.1', 'a@oak.test');
    await limit.admit('192.0.2.1', 'b@oak.test');
    await expect(limit.admit('192.0.2.1', 'c@oak.test')).rejects.toMatchObject({ code: 'rate_limited' });
    await limit.admit('192.0.2.2', 'c@oak.test');
  });
});

describe('the signed-in user’s own account', () => {
  it('changes the name and the language, and refuses a language that is no tag', async () => {
    const res = await t.call('PATCH', '/api/v1/me', { tenant: 'oak', token: oak.token, body: { name: 'Olive Oakley', locale: 'en-GB' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().user).toMatchObject({ name: 'Olive Oakley', locale: 'en-GB' });
    expect((await t.call('GET', '/api/v1/me', { tenant: 'oak', token: oak.token })).json().user.locale).toBe('en-GB');
    expectProblem(await t.call('PATCH', '/api/v1/me', { tenant: 'oak', token: oak.token, body: { locale: 'English please' } }), 400, 'validation_failed');
  });

  it('lists the sessions with the current one marked, and ends another one of them', async () => {
    const second = await t.login('oak', oak.adminEmail, NEW_PASSWORD);
    const list = await t.call('GET', '/api/v1/me/sessions', { tenant: 'oak', token: oak.token });
    expect(list.statusCode, list.body).toBe(200);
    const sessions = list.json().data as { id: string; current: boolean }[];
    expect(sessions.length).toBeGreaterThanOrEqual(2);
    expect(sessions.filter((s) => s.current)).toHaveLength(1);

    const theirs = (await t.call('GET', '/api/v1/me/sessions', { tenant: 'oak', token: second.accessToken })).json().data.find((s: { current: boolean }) => s.current).id;
    expect((await t.call('DELETE', `/api/v1/me/sessions/${theirs}`, { tenant: 'oak', token: oak.token })).statusCode).toBe(204);
    expect((await t.call('GET', '/api/v1/me', { tenant: 'oak', token: second.accessToken })).statusCode).toBe(401);
    expect((await t.call('GET', '/api/v1/me/sessions', { tenant: 'oak', token: oak.token })).json().data.map((s: { id: string }) => s.id)).not.toContain(theirs);
    expectProblem(await t.call('DELETE', `/api/v1/me/sessions/${theirs}`, { tenant: 'oak', token: oak.token }), 404, 'not_found');
  });

  it("does not find another user's session", async () => {
    const staff = await t.call('POST', '/api/v1/users', { tenant: 'oak', token: oak.token, body: { email: 'clerk@oak.test', name: 'Clerk', password: 'the ledger never sleeps', roles: ['staff'] } });
    expect(staff.statusCode, staff.body).toBe(201);
    const clerk = await t.login('oak', 'clerk@oak.test', 'the ledger never sleeps');
    const ownerSessions = (await t.call('GET', '/api/v1/me/sessions', { tenant: 'oak', token: oak.token })).json().data as { id: string }[];
    for (const s of ownerSessions) expectProblem(await t.call('DELETE', `/api/v1/me/sessions/${s.id}`, { tenant: 'oak', token: clerk.accessToken }), 404, 'not_found');
    expect((await t.call('GET', '/api/v1/me', { tenant: 'oak', token: oak.token })).statusCode).toBe(200);
  });

  it('refuses a wrong current password, and a new one ends the other sessions but this one', async () => {
    const other = await t.login('oak', oak.adminEmail, NEW_PASSWORD);
    const wrong = await t.call('POST', '/api/v1/me/password', { tenant: 'oak', token: oak.token, body: { currentPassword: 'not my password at all', newPassword: 'the river runs slowly' } });
    expectProblem(wrong, 422, 'core.wrong_password', '/currentPassword');

    const common = await t.call('POST', '/api/v1/me/password', { tenant: 'oak', token: oak.token, body: { currentPassword: NEW_PASSWORD, newPassword: 'passwordpassword' } });
    expectProblem(common, 422, 'weak_password', '/newPassword');
    const named = await t.call('POST', '/api/v1/me/password', { tenant: 'oak', token: oak.token, body: { currentPassword: NEW_PASSWORD, newPassword: 'Owner-likes-tea-2026' } });
    expect(named.json().errors).toEqual([expect.objectContaining({ field: '/newPassword', code: 'password_contains_context' })]);

    const changed = await t.call('POST', '/api/v1/me/password', { tenant: 'oak', token: oak.token, body: { currentPassword: NEW_PASSWORD, newPassword: 'the river runs slowly' } });
    expect(changed.statusCode, changed.body).toBe(204);
    expect((await t.call('GET', '/api/v1/me', { tenant: 'oak', token: oak.token })).statusCode).toBe(200);
    expect((await t.call('GET', '/api/v1/me', { tenant: 'oak', token: other.accessToken })).statusCode).toBe(401);
    expect((await t.login('oak', oak.adminEmail, 'the river runs slowly')).accessToken).toBeTruthy();
  });
});

describe('the password policy wherever a password is set', () => {
  it('refuses a common password or one naming the tenant when a user is created, changed or invited', async () => {
    const created = await t.call('POST', '/api/v1/users', { tenant: 'oak', token: oak.token, body: { email: 'weak@oak.test', name: 'Weak', password: '1q2w3e4r5t6y', roles: ['staff'] } });
    expectProblem(created, 422, 'weak_password', '/password');
    const clerk = (await t.call('GET', '/api/v1/users?q=clerk', { tenant: 'oak', token: oak.token })).json().data[0];
    const named = await t.call('PATCH', `/api/v1/users/${clerk.id}`, { tenant: 'oak', token: oak.token, body: { password: 'welcome to Tenant oak' } });
    expectProblem(named, 422, 'weak_password', '/password');

    const invited = await t.call('POST', '/api/v1/users', { tenant: 'oak', token: oak.token, body: { email: 'newbie@oak.test', name: 'Newbie', roles: ['staff'] } });
    expect(invited.statusCode).toBe(201);
    const token = decodeURIComponent(tokenIn((await resetMail('newbie@oak.test')).text!, 'accept-invitation')!);
    expectProblem(await t.call('POST', '/api/v1/auth/accept-invitation', { tenant: 'oak', body: { token, password: 'newbie@oak.test!' } }), 422, 'weak_password', '/password');
    expect((await t.call('POST', '/api/v1/auth/accept-invitation', { tenant: 'oak', body: { token, password: 'a lantern by the gate' } })).statusCode).toBe(204);
  });

  it("refuses a tenant whose first administrator's password contains the tenant's name", async () => {
    const res = await t.call('POST', '/control/v1/tenants', { token: await t.platformToken(), body: { slug: 'maple', name: 'Maple Grove', plan: 'standard', admin: { email: 'owner@maple.test', name: 'Owner', password: 'maplegrove-2026!' } } });
    expectProblem(res, 422, 'weak_password', '/admin/password');
  });
});

describe('password reset for platform operators', () => {
  it('e-mails a link to the console, and the new password ends every operator session', async () => {
    const session = (await t.call('POST', '/control/v1/auth/login', { body: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD } })).json();
    expect((await t.call('POST', '/control/v1/auth/password-reset', { body: { email: 'stranger@courtyard.test' } })).statusCode).toBe(202);
    expect((await t.call('POST', '/control/v1/auth/password-reset', { body: { email: ADMIN_EMAIL } })).statusCode).toBe(202);
    const mail = await resetMail(ADMIN_EMAIL);
    expect(mail.subject).toBe('Reset your Courtyard console password');
    expect(mail.text).toContain('https://courtyard.test/console/reset-password#token=');
    const token = decodeURIComponent(tokenIn(mail.text!)!);
    expect(mailTo('stranger@courtyard.test')).toEqual([]);

    expectProblem(await t.call('POST', '/control/v1/auth/password-reset/confirm', { body: { token, password: 'admin-admin-admin' } }), 422, 'weak_password', '/password');
    expect((await t.call('POST', '/control/v1/auth/password-reset/confirm', { body: { token, password: 'operators sleep at dawn' } })).statusCode).toBe(204);
    expect((await t.call('GET', '/control/v1/plans', { token: session.accessToken })).statusCode).toBe(401);
    expectProblem(await t.call('POST', '/control/v1/auth/password-reset/confirm', { body: { token, password: 'operators wake at noon' } }), 400, 'invalid_token');
    const login = await t.call('POST', '/control/v1/auth/login', { body: { email: ADMIN_EMAIL, password: 'operators sleep at dawn' } });
    expect(login.statusCode).toBe(200);
  });
});
