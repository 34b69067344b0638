import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAudit } from '../src/modules/audit/index.js';
import { createUser, signIn } from './auth-helpers.js';
import { expectProblem } from './fixture.js';
import { steppedUp } from './mfa-helpers.js';
import { startPlatform, TENANT_PASSWORD, type TestPlatform, type TestTenant } from './helpers.js';
import { jobContext, readMailFile, relayMail, tenantTransaction } from './mail-helpers.js';

/**
 * The tenant audit log: every security-relevant action leaves one entry, in the action's own
 * transaction; the entries form a hash chain per tenant that `verify` walks, the database
 * refuses to change them, and a tenant reads only its own.
 */

let t: TestPlatform;
let oak: TestTenant;
let elm: TestTenant;

interface Entry {
  id: string;
  seq: number;
  at: string;
  actor: { type: string; id: string | null };
  action: string;
  target: { type: string; id: string | null } | null;
  details: Record<string, unknown>;
  requestId: string | null;
  ip: string | null;
  userAgent: string | null;
}

const oakOpts = () => ({ token: oak.token, tenant: 'oak' });
async function entries(query = '', opts: { token: string; tenant: string } = oakOpts()): Promise<Entry[]> {
  const res = await t.call('GET', `/api/v1/audit?limit=200${query}`, opts);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().data;
}
const latest = async (action: string) => (await entries(`&action=${action}`))[0];
async function created(url: string, body: unknown, status = 201) {
  const res = await t.call('POST', url, { ...oakOpts(), body });
  expect(res.statusCode, `${url}: ${res.body}`).toBe(status);
  return res.json();
}

beforeAll(async () => {
  t = await startPlatform();
  oak = await t.createTenant('oak');
  elm = await t.createTenant('elm');
});
afterAll(() => t?.close());

describe('what the audit log records', () => {
  it('records a sign-in with who, from where and with which request', async () => {
    const res = await t.platform.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'x-tenant-id': 'oak', 'user-agent': 'AuditProbe/1.0' }, payload: { email: oak.adminEmail, password: TENANT_PASSWORD }, remoteAddress: '198.51.100.7' });
    expect(res.statusCode).toBe(200);
    const entry = await latest('auth.sign_in.succeeded');
    expect(entry).toMatchObject({ actor: { type: 'user' }, target: { type: 'session' }, ip: '198.51.100.7', userAgent: 'AuditProbe/1.0', requestId: res.headers['x-request-id'] });
    expect(entry!.actor.id).toBe((await t.call('GET', '/api/v1/me', oakOpts())).json().user.id);
  });

  it('records failed sign-ins, for an unknown address only as its hash, though the answer is 401', async () => {
    const clerk = await createUser(t, oak, 'clerk@oak.test');
    expect((await signIn(t, 'oak', 'clerk@oak.test', 'not the password at all', '198.51.100.8')).statusCode).toBe(401);
    expect((await signIn(t, 'oak', 'Nobody@Oak.test', 'not the password at all', '198.51.100.9')).statusCode).toBe(401);
    const [unknown, wrong] = await entries('&action=auth.sign_in.failed');
    expect(wrong).toMatchObject({ actor: { type: 'anonymous', id: null }, target: { type: 'user', id: clerk.id }, details: { reason: 'wrong_password' }, ip: '198.51.100.8' });
    expect(unknown).toMatchObject({ actor: { type: 'anonymous', id: null }, target: null, details: { reason: 'unknown_email', emailSha256: createHash('sha256').update('nobody@oak.test').digest('hex') }, ip: '198.51.100.9' });
    // Neither the address nor the password tried is kept anywhere in the log.
    const text = JSON.stringify(await entries());
    expect(text).not.toContain('not the password at all');
    expect(text.toLowerCase()).not.toContain('nobody@oak.test');
  });

  it('records a disabled account refused, and user changes: created, invited, roles, disabled, enabled, password set', async () => {
    const user = await createUser(t, oak, 'porter@oak.test');
    expect(await latest('user.created')).toMatchObject({ actor: { type: 'user' }, target: { type: 'user', id: user.id }, details: { roles: ['staff'] } });
    const invited = await created('/api/v1/users', { email: 'guest@oak.test', name: 'Guest', roles: ['member'] });
    expect(await latest('user.invited')).toMatchObject({ target: { id: invited.id }, details: { roles: ['member'] } });
    const patch = (body: unknown) => t.call('PATCH', `/api/v1/users/${user.id}`, { ...oakOpts(), body });
    expect((await patch({ roles: ['manager', 'staff'] })).statusCode).toBe(200);
    expect(await latest('user.roles_changed')).toMatchObject({ target: { id: user.id }, details: { from: ['staff'], to: ['manager', 'staff'] } });
    expect((await patch({ status: 'disabled' })).statusCode).toBe(200);
    expect(await latest('user.disabled')).toMatchObject({ target: { id: user.id } });
    expect((await signIn(t, 'oak', 'porter@oak.test', TENANT_PASSWORD)).statusCode).toBe(403);
    expect(await latest('auth.sign_in.failed')).toMatchObject({ target: { id: user.id }, details: { reason: 'account_disabled' } });
    expect((await patch({ status: 'active', password: 'a brand new secret for the night' })).statusCode).toBe(200);
    expect(await latest('user.enabled')).toMatchObject({ target: { id: user.id } });
    expect(await latest('user.password_set')).toMatchObject({ target: { id: user.id } });
    // A change of name alone is no access change: no entry.
    const count = (await entries('&action=user.*')).length;
    expect((await patch({ name: 'The Porter' })).statusCode).toBe(200);
    expect(await entries('&action=user.*')).toHaveLength(count);
  });

  it('records sign-out, password reset asked and confirmed, own password change and a session ended', async () => {
    const user = await createUser(t, oak, 'gardener@oak.test');
    const first = await t.login('oak', 'gardener@oak.test');
    const second = await t.login('oak', 'gardener@oak.test');
    expect((await t.call('POST', '/api/v1/auth/logout', { tenant: 'oak', body: { refreshToken: first.refreshToken } })).statusCode).toBe(204);
    expect(await latest('auth.signed_out')).toMatchObject({ actor: { type: 'user', id: user.id }, target: { type: 'session' } });

    const sessions = (await t.call('GET', '/api/v1/me/sessions', { token: second.accessToken, tenant: 'oak' })).json().data;
    const third = await t.login('oak', 'gardener@oak.test');
    const other = sessions.find((s: { current: boolean }) => s.current)!.id;
    expect((await t.call('DELETE', `/api/v1/me/sessions/${other}`, { token: third.accessToken, tenant: 'oak' })).statusCode).toBe(204);
    expect(await latest('account.session_ended')).toMatchObject({ actor: { id: user.id }, target: { type: 'session', id: other } });

    const wrong = await t.call('POST', '/api/v1/me/password', { token: third.accessToken, tenant: 'oak', body: { currentPassword: 'not my password at all', newPassword: 'the hedges are trimmed' } });
    expectProblem(wrong, 422, 'core.wrong_password');
    expect(await latest('account.password_change_failed')).toMatchObject({ actor: { id: user.id }, target: { id: user.id }, details: { reason: 'wrong_password' } });
    expect(JSON.stringify(await entries())).not.toContain('not my password at all');
    expect((await t.call('POST', '/api/v1/me/password', { token: third.accessToken, tenant: 'oak', body: { currentPassword: TENANT_PASSWORD, newPassword: 'the hedges are trimmed' } })).statusCode).toBe(204);
    expect(await latest('account.password_changed')).toMatchObject({ actor: { id: user.id }, target: { id: user.id } });

    expect((await t.call('POST', '/api/v1/auth/password-reset', { tenant: 'oak', body: { email: 'gardener@oak.test' } })).statusCode).toBe(202);
    expect(await latest('auth.password_reset.requested')).toMatchObject({ actor: { type: 'anonymous' }, target: { id: user.id } });
    // The outbox holds the earlier invitation's mail too: the reset mail is the newest.
    const events = await relayMail(t.platform, oak.id);
    const mail = await readMailFile(t.config.dataDir, (events.at(-1)!.data as { messageId: string }).messageId);
    const token = /reset-password#token=([A-Za-z0-9_-]+)/.exec(mail.text ?? '')![1]!;
    expect((await t.call('POST', '/api/v1/auth/password-reset/confirm', { tenant: 'oak', body: { token, password: 'roses along the wall' } })).statusCode).toBe(204);
    expect(await latest('auth.password_reset.confirmed')).toMatchObject({ actor: { type: 'user', id: user.id }, target: { id: user.id } });
    // An address with no account is asked for as often as one with: nothing is recorded for it.
    const asked = (await entries('&action=auth.password_reset.requested')).length;
    expect((await t.call('POST', '/api/v1/auth/password-reset', { tenant: 'oak', body: { email: 'nobody-here@oak.test' } })).statusCode).toBe(202);
    expect(await entries('&action=auth.password_reset.requested')).toHaveLength(asked);
  });

  it('records voids, write-offs, refunds and reversals, Stripe keys set, and CSV and statement exports', async () => {
    // Voids, refunds and write-offs need a recent second factor (finance.approve's step-up).
    oak = { ...oak, token: await steppedUp(t, 'oak', oak.token) };
    const member = await created('/api/v1/members', { firstName: 'Ada', lastName: 'Ledger', type: 'owner' });
    const account = await created('/api/v1/finance/accounts', { code: '6100', name: 'Gardening', type: 'expense' });
    const bank = (await t.call('GET', '/api/v1/finance/accounts?limit=200', oakOpts())).json().data.find((x: { code: string }) => x.code === '1000');
    const entry = await created('/api/v1/finance/journal', { date: '2026-01-10', description: 'Hedges', lines: [{ accountId: account.id, amount: 5000, currency: 'EUR' }, { accountId: bank.id, amount: -5000, currency: 'EUR' }] });
    // Paid before any charge is posted, the payment is all credit: part of it can be refunded.
    const payment = await created('/api/v1/finance/payments', { memberId: member.id, method: 'bank_transfer', amount: 3_000, currency: 'EUR', receivedOn: '2026-01-20', reference: 'PAY-1' });
    const paymentId = payment.payment?.id ?? payment.id;
    await created(`/api/v1/finance/payments/${paymentId}/refund`, { amount: 500, reason: 'Overpaid' }, 200);
    expect(await latest('finance.payment.refunded')).toMatchObject({ target: { type: 'payment', id: paymentId }, details: { amount: 500, reason: 'Overpaid' } });
    const levy = (description: string) => created('/api/v1/finance/charges', { memberId: member.id, kind: 'levy', description, amount: 10_000, currency: 'EUR', dueDate: '2026-01-31' });
    const [voided, written] = [await levy('Levy to void'), await levy('Levy to write off')];

    await created(`/api/v1/finance/charges/${voided.id}/void`, { reason: 'Posted twice' }, 200);
    expect(await latest('finance.charge.voided')).toMatchObject({ actor: { type: 'user' }, target: { type: 'charge', id: voided.id }, details: { reason: 'Posted twice' } });
    await created(`/api/v1/finance/charges/${written.id}/write-off`, { reason: 'Gone abroad', amount: 2_500 }, 200);
    expect(await latest('finance.charge.written_off')).toMatchObject({ target: { type: 'charge', id: written.id }, details: { reason: 'Gone abroad', amount: 2_500 } });
    const reversal = await created(`/api/v1/finance/journal/${entry.id}/reverse`, { reason: 'Wrong account' });
    expect(await latest('finance.journal.reversed')).toMatchObject({ target: { type: 'journal_entry', id: entry.id }, details: { reason: 'Wrong account', reversalId: reversal.id } });

    const secretKey = 'sk_test_AuditSecretKey12345';
    const webhookSecret = 'whsec_AuditWebhookSecret123';
    const put = await t.call('PUT', '/api/v1/finance/providers/stripe', { ...oakOpts(), body: { secretKey, webhookSecret, enabled: true } });
    expect(put.statusCode, put.body).toBe(200);
    expect(await latest('finance.provider.keys_set')).toMatchObject({ target: { type: 'payment_provider', id: 'stripe' }, details: { enabled: true, mode: 'test', secretKeyChanged: true, webhookSecretChanged: true } });
    const text = JSON.stringify(await entries());
    expect(text).not.toContain(secretKey);
    expect(text).not.toContain(webhookSecret);

    expect((await t.call('GET', '/api/v1/finance/reports/arrears?format=csv', oakOpts())).statusCode).toBe(200);
    expect(await latest('export.csv')).toMatchObject({ target: { type: 'report', id: 'finance.arrears' } });
    const exports = (await entries('&action=export.*')).length;
    expect((await t.call('GET', '/api/v1/finance/reports/arrears', oakOpts())).statusCode).toBe(200);
    expect(await entries('&action=export.*'), 'the JSON report is no export').toHaveLength(exports);
    expect((await t.call('GET', '/api/v1/reports/vacancy?format=csv', oakOpts())).statusCode).toBe(200);
    expect(await latest('export.csv')).toMatchObject({ target: { id: 'properties.vacancy' } });
    const statement = await created('/api/v1/finance/statements', { memberId: member.id, from: '2026-01-01', to: '2026-01-31' });
    expect((await t.call('GET', `/api/v1/finance/statements/${statement.id}/pdf`, oakOpts())).statusCode).toBe(200);
    expect(await latest('export.statement_pdf')).toMatchObject({ target: { type: 'statement', id: statement.id }, details: { memberId: member.id } });
  });
});

describe('reading the audit log', () => {
  it('lists newest first and filters by action, prefix, actor, target and time, a page at a time', async () => {
    const all = await entries();
    expect(all.length).toBeGreaterThan(20);
    expect(all.map((e) => e.seq)).toEqual([...all.map((e) => e.seq)].sort((x, y) => y - x));
    expect((await entries('&action=auth.*')).every((e) => e.action.startsWith('auth.'))).toBe(true);
    expect(new Set((await entries('&action=auth.*')).map((e) => e.action))).toEqual(new Set(['auth.sign_in.succeeded', 'auth.sign_in.failed', 'auth.signed_out', 'auth.password_reset.requested', 'auth.password_reset.confirmed', 'auth.mfa.enabled', 'auth.mfa.recovery_code_used', 'auth.step_up']));
    const owner = all.find((e) => e.action === 'user.created')!.actor.id!;
    expect((await entries(`&actor=${owner}`)).every((e) => e.actor.id === owner)).toBe(true);
    expect((await entries('&actorType=anonymous')).every((e) => e.actor.type === 'anonymous')).toBe(true);
    const charge = all.find((e) => e.action === 'finance.charge.voided')!.target!;
    expect((await entries(`&targetType=charge&targetId=${charge.id}`)).map((e) => e.action)).toEqual(['finance.charge.voided']);
    const middle = all[10]!;
    const from = await entries(`&from=${encodeURIComponent(middle.at)}`);
    expect(from.every((e) => e.at >= middle.at)).toBe(true);
    expect(from.length).toBeLessThan(all.length);
    expect((await entries(`&to=${encodeURIComponent(middle.at)}`)).every((e) => e.at < middle.at)).toBe(true);

    const first = (await t.call('GET', '/api/v1/audit?limit=5', oakOpts())).json();
    const second = (await t.call('GET', `/api/v1/audit?limit=5&cursor=${first.nextCursor}`, oakOpts())).json();
    expect([...first.data, ...second.data].map((e: Entry) => e.id)).toEqual(all.slice(0, 10).map((e) => e.id));
  });

  it('refuses bad filters with a problem, never a 500', async () => {
    expectProblem(await t.call('GET', '/api/v1/audit?cursor=forged', oakOpts()), 400, 'invalid_cursor');
    expectProblem(await t.call('GET', '/api/v1/audit?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z', oakOpts()), 400, 'validation_failed', 'to');
    expectProblem(await t.call('GET', '/api/v1/audit?action=AUTH%25', oakOpts()), 400, 'validation_failed');
    expectProblem(await t.call('GET', '/api/v1/audit?actorType=robot', oakOpts()), 400, 'validation_failed');
  });

  it('lets owners and managers read it, and no one else', async () => {
    const manager = await createUser(t, oak, 'manager@oak.test', ['manager']);
    const staff = await createUser(t, oak, 'staff@oak.test', ['staff']);
    const as = async (email: string) => ({ token: (await t.login('oak', email)).accessToken, tenant: 'oak' });
    expect((await t.call('GET', '/api/v1/audit', await as(manager.email))).statusCode).toBe(200);
    expect((await t.call('GET', '/api/v1/audit/verify', await as(manager.email))).statusCode).toBe(200);
    expectProblem(await t.call('GET', '/api/v1/audit', await as(staff.email)), 403, 'permission_denied');
    expectProblem(await t.call('GET', '/api/v1/audit/verify', await as(staff.email)), 403, 'permission_denied');
    expectProblem(await t.call('GET', '/api/v1/audit', { tenant: 'oak' }), 401, 'unauthenticated');
  });

  it("shows a tenant only its own entries, and verifies only its own chain", async () => {
    const oakIds = new Set((await entries()).map((e) => e.id));
    const elmOpts = { token: elm.token, tenant: 'elm' };
    const elms = await entries('', elmOpts);
    expect(elms.length).toBeGreaterThan(0);
    expect(elms.filter((e) => oakIds.has(e.id))).toEqual([]);
    expect(JSON.stringify(elms)).not.toContain(oak.id);
    expect((await t.call('GET', '/api/v1/audit/verify', elmOpts)).json()).toEqual({ valid: true, entries: elms.length });
    expectProblem(await t.call('GET', '/api/v1/audit', { token: elm.token, tenant: 'oak' }), 403, 'tenant_mismatch');
  });
});

describe('the chain', () => {
  it('verifies as valid, entry by entry', async () => {
    const res = await t.call('GET', '/api/v1/audit/verify', oakOpts());
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ valid: true, entries: (await entries()).length });
  });

  it('refuses the application role any UPDATE, DELETE or TRUNCATE of an entry', async () => {
    const [entry] = await entries();
    await expect(tenantTransaction(t.platform, oak.id, (db) => sql`UPDATE audit_log SET action = 'nothing.happened' WHERE id = ${entry!.id}`.execute(db))).rejects.toThrow(/append-only/);
    await expect(tenantTransaction(t.platform, oak.id, (db) => sql`DELETE FROM audit_log WHERE id = ${entry!.id}`.execute(db))).rejects.toThrow(/append-only/);
    await expect(tenantTransaction(t.platform, oak.id, (db) => sql`TRUNCATE audit_log`.execute(db))).rejects.toThrow();
    expect((await entries())[0]).toEqual(entry);
  });

  it('keeps no entry of an action that rolled back, and goes on from the last committed one', async () => {
    const before = await entries();
    await expect(jobContext(t.platform).tenantTransaction(oak.id, async (db) => {
      await recordAudit({ db, tenant: { id: oak.id } as never }, { action: 'probe.rolled_back' });
      throw new Error('the action failed after recording');
    })).rejects.toThrow(/after recording/);
    expect(await entries('&action=probe.rolled_back')).toEqual([]);
    await jobContext(t.platform).tenantTransaction(oak.id, (db) => recordAudit({ db, tenant: { id: oak.id } as never }, { action: 'probe.committed' }));
    expect(await latest('probe.committed')).toMatchObject({ seq: before[0]!.seq + 1, actor: { type: 'system', id: null } });
    expect((await t.call('GET', '/api/v1/audit/verify', oakOpts())).json()).toMatchObject({ valid: true });
  });

  it('never forks: appends racing in separate transactions each get the next number', async () => {
    const before = (await entries())[0]!.seq;
    await Promise.all(Array.from({ length: 8 }, (_, i) => jobContext(t.platform).tenantTransaction(oak.id, (db) => recordAudit({ db, tenant: { id: oak.id } as never }, { action: 'probe.raced', details: { i } }))));
    const raced = await entries('&action=probe.raced');
    expect(raced.map((e) => e.seq).sort((x, y) => x - y)).toEqual(Array.from({ length: 8 }, (_, i) => before + 1 + i));
    expect((await t.call('GET', '/api/v1/audit/verify', oakOpts())).json()).toMatchObject({ valid: true });
  });

  it('names the first entry changed behind the trigger, as a superuser can', async () => {
    const all = await entries();
    const victim = all.find((e) => e.action === 'finance.payment.refunded')!;
    const db = t.platform.main.kysely;
    // The trigger is per table, so bypassing it needs one connection for all three statements.
    await db.connection().execute(async (conn) => {
      await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only`.execute(conn);
      try {
        await sql`UPDATE audit_log SET details = jsonb_set(details, '{amount}', '5') WHERE id = ${victim.id}`.execute(conn);
      } finally {
        await sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only`.execute(conn);
      }
    });
    expect((await t.call('GET', '/api/v1/audit/verify', oakOpts())).json()).toEqual({ valid: false, entries: all.length, firstBrokenId: victim.id });
    // Another tenant's chain is untouched by it.
    expect((await t.call('GET', '/api/v1/audit/verify', { token: elm.token, tenant: 'elm' })).json()).toMatchObject({ valid: true });
  });
});

describe("the control plane's audit log", () => {
  it('verifies its chain over the API', async () => {
    const token = await t.platformToken();
    const res = await t.call('GET', '/control/v1/audit/verify', { token });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ valid: true });
    expect(res.json().entries).toBeGreaterThan(3);
    expect((await t.call('GET', '/control/v1/audit/verify')).statusCode).toBe(401);
  });

  it('refuses to be emptied with TRUNCATE, which its row trigger never sees', async () => {
    const before = (await t.call('GET', '/control/v1/audit/verify', { token: await t.platformToken() })).json().entries;
    await expect(sql`TRUNCATE control.audit_log`.execute(t.platform.main.kysely)).rejects.toThrow(/append-only/);
    expect((await t.call('GET', '/control/v1/audit/verify', { token: await t.platformToken() })).json()).toMatchObject({ valid: true, entries: before + 1 });
  });
});
