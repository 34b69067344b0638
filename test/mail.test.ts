import { createHash } from 'node:crypto';
import type { AddressObject } from 'mailparser';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { estate, type Estate } from './fixture.js';
import { startPlatform, TENANT_PASSWORD, type TestPlatform } from './helpers.js';
import { jobContext, mailSubscriber, relayMail, startSmtp, takeEvents, tenantTransaction, type TestSmtp } from './mail-helpers.js';
import { testDb } from './test-db.js';

/**
 * E-mail through a real SMTP server (the `smtp-server` package): invitations queued in the
 * request and sent by the mail module's subscriber, the delivery log, tenant templates and
 * the `.eml` fallback. The relay is not running here: `relayMail` takes the tenant's
 * `mail.queued` events out of the outbox and calls the subscriber with a job context built
 * from the platform, as a worker would.
 */

let smtp: TestSmtp;
let t: TestPlatform;
let oak: Estate;

const MAIL_FROM = 'mailer@courtyard.test';
const branding = { displayName: 'Oak & Ash Estate', primaryColor: '#225522', accentColor: '#aa3311', logoUrl: 'https://cdn.oak.test/logo.png', supportEmail: 'help@oak.test' };
const tricky = 'Zoë <script>alert("x")</script> & "Co"';

const addresses = (a: AddressObject | AddressObject[] | undefined) => [a ?? []].flat().flatMap((x) => x.value);
const tokenIn = (text: string) => /accept-invitation#token=([A-Za-z0-9_-]+)/.exec(text)?.[1];

async function invite(email: string, name = 'Invited Person', tenant: Estate = oak) {
  const res = await tenant.api('POST', '/users', { email, name, roles: ['staff'] });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; email: string };
}

async function messageTo(email: string, tenant: Estate = oak) {
  const list = await tenant.api('GET', '/mail/messages?limit=200');
  expect(list.statusCode, list.body).toBe(200);
  const found = list.json().data.find((m: { to: { email: string } }) => m.to.email === email);
  expect(found, `a message to ${email}`).toBeDefined();
  return found as { id: string; status: string; attempts: number; lastError: string | null; messageId: string; subject: string | null };
}

const received = (to: string) => smtp.received.filter((r) => r.envelope.to.includes(to));

beforeAll(async () => {
  smtp = await startSmtp();
  t = await startPlatform({ config: { smtpUrl: smtp.url, mailFrom: MAIL_FROM } });
  oak = await estate(t, { slug: 'oak' });
  // Another tenant, whose address an invitation of oak's must not work at.
  await estate(t, { slug: 'elm' });
  const admin = await t.platformToken();
  const branded = await t.call('PUT', '/control/v1/tenants/oak/branding', { token: admin, body: branding });
  expect(branded.statusCode, branded.body).toBe(200);
});
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});
beforeEach(() => {
  smtp.refuseRecipients = null;
});

describe('invitations by e-mail', () => {
  let token: string;
  let invitee: { id: string; email: string };

  it('queues the invitation in the request and sends nothing until a worker handles the event', async () => {
    invitee = await invite('new.neighbour@oak.test', tricky);
    expect(received('new.neighbour@oak.test')).toEqual([]);

    const queued = await messageTo('new.neighbour@oak.test');
    expect(queued).toMatchObject({ status: 'queued', attempts: 0, lastError: null, subject: null, kind: 'invitation' });
    // The user.invited event and the mail.queued event were written with the user, in one transaction.
    const events = await takeEvents(t.platform, oak.id, ['user.invited']);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'user.invited', tenantId: oak.id, version: 1, data: { userId: invitee.id, email: 'new.neighbour@oak.test', name: tricky } });
    expect(JSON.stringify(events[0]!.data)).not.toMatch(/token/i);

    const delivered = await relayMail(t.platform, oak.id);
    expect(delivered.map((e) => e.data)).toEqual([{ messageId: queued.id, kind: 'invitation' }]);
    expect(received('new.neighbour@oak.test')).toHaveLength(1);
  });

  it('delivers the invitation over SMTP with sender, recipient, subject, text and HTML parts, the tenant branding and a stable Message-ID', async () => {
    const [mail] = received('new.neighbour@oak.test');
    const m = mail!.parsed;
    expect(mail!.envelope.from).toBe(MAIL_FROM);
    expect(addresses(m.from)).toEqual([{ address: MAIL_FROM, name: branding.displayName }]);
    expect(addresses(m.to)).toEqual([{ address: 'new.neighbour@oak.test', name: tricky }]);
    expect(addresses(m.replyTo)).toEqual([{ address: branding.supportEmail, name: '' }]);
    expect(m.subject).toBe('You are invited to Oak & Ash Estate');
    expect(m.headers.get('auto-submitted')).toBe('auto-generated');

    const logged = await messageTo('new.neighbour@oak.test');
    expect(logged.messageId).toBe(`<${logged.id}@courtyard.test>`);
    expect(m.messageId).toBe(logged.messageId);

    // The text part: the plain name, the link with its token, the support address.
    expect(m.text).toContain(`Hello ${tricky},`);
    expect(m.text).toContain('Owner of oak has invited you to join Oak & Ash Estate.');
    expect(m.text).toContain('https://oak.courtyard.test/accept-invitation#token=');
    expect(m.text).toContain('Questions? Write to help@oak.test.');
    token = tokenIn(m.text!)!;
    expect(token).toMatch(/^[A-Za-z0-9_-]{40,}$/);

    // The HTML part: the branding, and every value escaped.
    const html = m.html as string;
    expect(html).toContain('background:#225522');
    expect(html).toContain('background:#aa3311');
    expect(html).toContain('src="https:&#x2F;&#x2F;cdn.oak.test&#x2F;logo.png"');
    expect(html).toContain('alt="Oak &amp; Ash Estate"');
    expect(html).toContain('href="mailto:help@oak.test"');
    expect(html).toContain('Zoë &lt;script&gt;alert(&quot;x&quot;)&lt;&#x2F;script&gt; &amp; &quot;Co&quot;');
    expect(html).not.toContain('<script>');
    // Escaped in the attribute as everywhere (`=` is &#x3D;), which a mail client decodes.
    expect(html).toContain(`accept-invitation#token&#x3D;${token}"`);
  });

  it('logs the message as sent, and keeps neither the token nor anything that opens it once sent', async () => {
    const logged = await messageTo('new.neighbour@oak.test');
    expect(logged).toMatchObject({ status: 'sent', attempts: 1, lastError: null, subject: 'You are invited to Oak & Ash Estate' });
    const detail = (await oak.api('GET', `/mail/messages/${logged.id}`)).json();
    expect(detail.history.map((h: { status: string }) => h.status)).toEqual(['queued', 'sent']);
    expect(detail.history[1].detail).toMatch(/^250 /);
    expect(detail.sentAt).not.toBeNull();

    const stored = await tenantTransaction(t.platform, oak.id, async (db) => ({
      tokens: await db.selectFrom('userTokens').selectAll().where('userId', '=', invitee.id).execute(),
      message: await db.selectFrom('mailMessages').selectAll().where('id', '=', logged.id).executeTakeFirstOrThrow(),
    }));
    expect(stored.tokens).toHaveLength(1);
    expect(stored.tokens[0]).toMatchObject({ purpose: 'invitation', tokenHash: createHash('sha256').update(token).digest('hex'), consumedAt: null });
    expect(stored.message.sealed).toBeNull();
    expect(JSON.stringify(stored)).not.toContain(token);
  });

  it('accepts the invitation once: the chosen password signs in, and the spent token is refused', async () => {
    expect((await t.call('POST', '/api/v1/auth/login', { tenant: 'oak', body: { email: invitee.email, password: 'chosen-password-1' } })).statusCode).toBe(401);
    const accepted = await t.call('POST', '/api/v1/auth/accept-invitation', { tenant: 'oak', body: { token, password: 'chosen-password-1' } });
    expect(accepted.statusCode, accepted.body).toBe(204);
    const session = await t.login('oak', invitee.email, 'chosen-password-1');
    expect(session.accessToken).toBeTruthy();

    const again = await t.call('POST', '/api/v1/auth/accept-invitation', { tenant: 'oak', body: { token, password: 'another-password-2' } });
    expect(again.statusCode).toBe(400);
    expect(again.json().code).toBe('invalid_token');
    expect((await t.call('POST', '/api/v1/auth/login', { tenant: 'oak', body: { email: invitee.email, password: 'another-password-2' } })).statusCode).toBe(401);
  });

  it('refuses an unknown token, an expired one, and a short password, with one answer for the tokens', async () => {
    const unknown = await t.call('POST', '/api/v1/auth/accept-invitation', { tenant: 'oak', body: { token: 'not-a-token-we-gave-out', password: 'chosen-password-1' } });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().code).toBe('invalid_token');

    const late = await invite('late.arrival@oak.test', 'Late Arrival');
    await relayMail(t.platform, oak.id);
    const lateToken = tokenIn(received('late.arrival@oak.test')[0]!.parsed.text!)!;
    const short = await t.call('POST', '/api/v1/auth/accept-invitation', { tenant: 'oak', body: { token: lateToken, password: 'short' } });
    expect(short.statusCode).toBe(400);
    expect(short.json().code).toBe('validation_failed');

    await tenantTransaction(t.platform, oak.id, (db) => db.updateTable('userTokens').set({ expiresAt: new Date(Date.now() - 1000) }).where('userId', '=', late.id).execute());
    const expired = await t.call('POST', '/api/v1/auth/accept-invitation', { tenant: 'oak', body: { token: lateToken, password: 'chosen-password-1' } });
    expect(expired.statusCode).toBe(400);
    expect(expired.json()).toMatchObject({ code: 'invalid_token', detail: unknown.json().detail });
  });

  it("refuses a token at another tenant's address", async () => {
    const guest = await invite('guest@oak.test', 'Guest');
    await relayMail(t.platform, oak.id);
    const guestToken = tokenIn(received('guest@oak.test')[0]!.parsed.text!)!;
    const elsewhere = await t.call('POST', '/api/v1/auth/accept-invitation', { tenant: 'elm', body: { token: guestToken, password: 'chosen-password-1' } });
    expect(elsewhere.statusCode).toBe(400);
    expect(elsewhere.json().code).toBe('invalid_token');
    // Still good where it belongs.
    const here = await t.call('POST', '/api/v1/auth/accept-invitation', { tenant: 'oak', body: { token: guestToken, password: 'chosen-password-1' } });
    expect(here.statusCode).toBe(204);
    expect((await t.login('oak', guest.email, 'chosen-password-1')).accessToken).toBeTruthy();
  });

  it('sends a new invitation on request, after which only the new link works', async () => {
    const user = await invite('twice@oak.test', 'Twice Invited');
    await relayMail(t.platform, oak.id);
    const first = tokenIn(received('twice@oak.test')[0]!.parsed.text!)!;
    const res = await oak.api('POST', `/users/${user.id}/invitation`);
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json()).toMatchObject({ userId: user.id });
    await relayMail(t.platform, oak.id);
    expect(received('twice@oak.test')).toHaveLength(2);
    const second = tokenIn(received('twice@oak.test')[1]!.parsed.text!)!;
    expect(second).not.toBe(first);
    expect((await t.call('POST', '/api/v1/auth/accept-invitation', { tenant: 'oak', body: { token: first, password: 'chosen-password-1' } })).statusCode).toBe(400);
    expect((await t.call('POST', '/api/v1/auth/accept-invitation', { tenant: 'oak', body: { token: second, password: 'chosen-password-1' } })).statusCode).toBe(204);
    // A user with a password has nothing to be invited to.
    const refused = await oak.api('POST', `/users/${user.id}/invitation`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('core.user_has_password');
  });

  it('still creates a user with a password directly, without an invitation', async () => {
    await takeEvents(t.platform, oak.id, ['user.invited']);
    const res = await oak.api('POST', '/users', { email: 'direct@oak.test', name: 'Direct Hire', password: TENANT_PASSWORD, roles: ['staff'] });
    expect(res.statusCode).toBe(201);
    expect((await t.login('oak', 'direct@oak.test')).accessToken).toBeTruthy();
    const list = (await oak.api('GET', '/mail/messages?limit=200')).json();
    expect(list.data.some((m: { to: { email: string } }) => m.to.email === 'direct@oak.test')).toBe(false);
    expect(await takeEvents(t.platform, oak.id, ['user.invited', 'mail.queued'])).toEqual([]);
  });
});

describe('a tenant in a dedicated database', () => {
  it('queues, sends and logs its invitations in its own database', async () => {
    const ash = await estate(t, { slug: 'ash', placement: 'dedicated' });
    expect(ash.body.placement).toBe('dedicated');
    await invite('dedicated@ash.test', 'Dedicated Invitee', ash);
    await relayMail(t.platform, ash.id);
    expect(received('dedicated@ash.test')).toHaveLength(1);
    expect(await messageTo('dedicated@ash.test', ash)).toMatchObject({ status: 'sent', attempts: 1 });
    const token = tokenIn(received('dedicated@ash.test')[0]!.parsed.text!)!;
    expect((await t.call('POST', '/api/v1/auth/accept-invitation', { tenant: 'ash', body: { token, password: 'quiet lanterns at night' } })).statusCode).toBe(204);
    // The pooled database has no trace of it.
    const pooled = await t.platform.main.tenantTransaction(ash.id, (db) => testDb(db).selectFrom('mailMessages').select('id').execute());
    expect(pooled).toEqual([]);
  });
});

describe('sending under at-least-once delivery', () => {
  it('sends a message once when its event is delivered twice, one after the other or at once', async () => {
    await invite('once@oak.test', 'Once Only');
    const [event] = await takeEvents(t.platform, oak.id, ['mail.queued']);
    const subscriber = mailSubscriber(t.platform);
    await subscriber.handle(event!, jobContext(t.platform));
    await subscriber.handle(event!, jobContext(t.platform));
    expect(received('once@oak.test')).toHaveLength(1);
    expect(await messageTo('once@oak.test')).toMatchObject({ status: 'sent', attempts: 1 });

    await invite('concurrent@oak.test', 'Concurrent');
    const [other] = await takeEvents(t.platform, oak.id, ['mail.queued']);
    await Promise.all([subscriber.handle(other!, jobContext(t.platform)), subscriber.handle(other!, jobContext(t.platform)), subscriber.handle(other!, jobContext(t.platform))]);
    expect(received('concurrent@oak.test')).toHaveLength(1);
    expect(await messageTo('concurrent@oak.test')).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('takes over a message whose sender crashed once its hold has lapsed, and not before', async () => {
    await invite('crashed@oak.test', 'Crashed Sender');
    const [event] = await takeEvents(t.platform, oak.id, ['mail.queued']);
    const { id } = await messageTo('crashed@oak.test');
    // A worker claimed it and died before sending.
    await tenantTransaction(t.platform, oak.id, (db) => db.updateTable('mailMessages').set({ status: 'sending', attempts: 1, claimedUntil: new Date(Date.now() + 60_000) }).where('id', '=', id).execute());
    await mailSubscriber(t.platform).handle(event!, jobContext(t.platform));
    expect(received('crashed@oak.test')).toHaveLength(0);
    const later = () => new Date(Date.now() + 120_000);
    await mailSubscriber(t.platform).handle(event!, jobContext(t.platform, later));
    expect(received('crashed@oak.test')).toHaveLength(1);
    expect(await messageTo('crashed@oak.test')).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it("marks a message failed with the server's reason when it refuses the recipient for good, and sends it when retried", async () => {
    smtp.refuseRecipients = { code: 550, message: '5.1.1 Mailbox unavailable' };
    await invite('bounce@oak.test', 'Bouncing Address');
    // A permanent refusal is recorded, not thrown: the queue has nothing to retry.
    await relayMail(t.platform, oak.id);
    expect(received('bounce@oak.test')).toHaveLength(0);
    const failed = await messageTo('bounce@oak.test');
    expect(failed).toMatchObject({ status: 'failed', attempts: 1, subject: 'You are invited to Oak & Ash Estate' });
    expect(failed.lastError).toContain('550 5.1.1 Mailbox unavailable');
    const detail = (await oak.api('GET', `/mail/messages/${failed.id}`)).json();
    expect(detail.history).toEqual([expect.objectContaining({ status: 'queued' }), expect.objectContaining({ status: 'failed', detail: expect.stringContaining('550') })]);
    // The failed list filter finds it.
    const onlyFailed = (await oak.api('GET', '/mail/messages?status=failed')).json();
    expect(onlyFailed.data.map((m: { id: string }) => m.id)).toContain(failed.id);
    expect(onlyFailed.data.every((m: { status: string }) => m.status === 'failed')).toBe(true);

    smtp.refuseRecipients = null;
    const retried = await oak.api('POST', `/mail/messages/${failed.id}/retry`);
    expect(retried.statusCode, retried.body).toBe(202);
    expect(retried.json().status).toBe('queued');
    await relayMail(t.platform, oak.id);
    expect(received('bounce@oak.test')).toHaveLength(1);
    expect(received('bounce@oak.test')[0]!.parsed.messageId).toBe(failed.messageId);
    const sent = (await oak.api('GET', `/mail/messages/${failed.id}`)).json();
    expect(sent).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
    expect(sent.history.map((h: { status: string }) => h.status)).toEqual(['queued', 'failed', 'queued', 'sent']);

    // Only a failed message can be retried.
    const again = await oak.api('POST', `/mail/messages/${failed.id}/retry`);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('mail.message_not_failed');
  });

  it('marks a message failed on a passing refusal (4xx) and throws, so that the queue tries again; the next attempt sends it', async () => {
    smtp.refuseRecipients = { code: 451, message: '4.3.0 Try again later' };
    await invite('greylisted@oak.test', 'Greylisted');
    const [event] = await takeEvents(t.platform, oak.id, ['mail.queued']);
    await expect(mailSubscriber(t.platform).handle(event!, jobContext(t.platform))).rejects.toThrow(/451/);
    expect(await messageTo('greylisted@oak.test')).toMatchObject({ status: 'failed', attempts: 1, lastError: expect.stringContaining('451 4.3.0 Try again later') });

    smtp.refuseRecipients = null;
    await mailSubscriber(t.platform).handle(event!, jobContext(t.platform));
    expect(received('greylisted@oak.test')).toHaveLength(1);
    expect(await messageTo('greylisted@oak.test')).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
  });

  it('pages through the delivery log newest first', async () => {
    const first = (await oak.api('GET', '/mail/messages?limit=2')).json();
    expect(first.data).toHaveLength(2);
    expect(first.nextCursor).toBeTruthy();
    const second = (await oak.api('GET', `/mail/messages?limit=2&cursor=${first.nextCursor}`)).json();
    const all = (await oak.api('GET', '/mail/messages?limit=200')).json().data.map((m: { id: string }) => m.id);
    expect([...first.data, ...second.data].map((m: { id: string }) => m.id)).toEqual(all.slice(0, 4));
    expect(all).toEqual([...all].sort().reverse());
    expect((await oak.api('GET', '/mail/messages?cursor=bogus')).json().code).toBe('invalid_cursor');
  });
});

describe('searching the delivery log', () => {
  it('finds messages by recipient address or name and by template, takes % and _ literally, and pages through the matches', async () => {
    const ids = async (q: string, more = '') => (await oak.api('GET', `/mail/messages?q=${encodeURIComponent(q)}${more}`)).json().data.map((m: { id: string }) => m.id);
    await invite('quill.search@oak.test', 'Quinn Search');
    await invite('literal.search@oak.test', '50%_off Search');
    await invite('decoy.search@oak.test', '50xyoff Search');
    const [quill, literal, decoy] = [(await messageTo('quill.search@oak.test')).id, (await messageTo('literal.search@oak.test')).id, (await messageTo('decoy.search@oak.test')).id];
    expect(await ids('QUILL.SEARCH@')).toEqual([quill]);
    expect(await ids('quinn search')).toEqual([quill]);
    expect(await ids('50%_off')).toEqual([literal]);
    expect(await ids('INVITATION', '&limit=200')).toEqual(expect.arrayContaining([quill, literal, decoy]));
    const first = (await oak.api('GET', '/mail/messages?q=.search%40oak&limit=2')).json();
    const second = (await oak.api('GET', `/mail/messages?q=.search%40oak&limit=2&cursor=${first.nextCursor}`)).json();
    expect([...first.data, ...second.data].map((m: { id: string }) => m.id)).toEqual([decoy, literal, quill]);
    expect(second.nextCursor).toBeNull();
  });
});
