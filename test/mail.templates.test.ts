import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { simpleParser, type AddressObject } from 'mailparser';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { KINDS, renderMail, viewOf } from '../src/modules/mail/mail.templates.js';
import { estate, expectProblem, type Estate } from './fixture.js';
import { startPlatform, type TestPlatform } from './helpers.js';
import { relayMail, startSmtp, type TestSmtp } from './mail-helpers.js';

/**
 * Tenant mail templates, the delivery log of one tenant, the `.eml` fallback without an SMTP
 * server, and the relay end to end; invitations and sending are in mail.test.ts.
 */

let smtp: TestSmtp;
let t: TestPlatform;
let oak: Estate;
let elm: Estate;

const MAIL_FROM = 'mailer@courtyard.test';
const branding = { displayName: 'Oak & Ash Estate', primaryColor: '#225522', accentColor: '#aa3311', logoUrl: 'https://cdn.oak.test/logo.png', supportEmail: 'help@oak.test' };

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
  elm = await estate(t, { slug: 'elm' });
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

describe('templates', () => {
  it("uses the tenant's own template, escaping values in its HTML, and goes back to the default when reset", async () => {
    const put = await oak.api('PUT', '/mail/templates/invitation', {
      subject: 'Welcome aboard, {{recipient.name}}',
      text: 'Hi {{recipient.name}}, set your password at {{acceptUrl}} before {{expiresAt}}.',
      html: '<h1 style="color:{{tenant.primaryColor}}">Welcome, {{recipient.name}}</h1><p><a href="{{acceptUrl}}">Start here</a></p>',
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({ kind: 'invitation', overridden: true, subject: 'Welcome aboard, {{recipient.name}}' });
    expect((await oak.api('GET', '/mail/templates/invitation')).json().overridden).toBe(true);

    await invite('custom@oak.test', 'Custom <b>Bold</b>');
    await relayMail(t.platform, oak.id);
    const [mail] = received('custom@oak.test');
    expect(mail!.parsed.subject).toBe('Welcome aboard, Custom <b>Bold</b>');
    expect(mail!.parsed.text).toMatch(/^Hi Custom <b>Bold<\/b>, set your password at https:\/\/oak\.courtyard\.test\/accept-invitation#token=[A-Za-z0-9_-]+ before /);
    const html = mail!.parsed.html as string;
    expect(html).toContain('<h1 style="color:#225522">Welcome, Custom &lt;b&gt;Bold&lt;&#x2F;b&gt;</h1>');
    // Still inside the branded layout.
    expect(html).toContain('href="mailto:help@oak.test"');

    // The other tenant still has the default.
    expect((await elm.api('GET', '/mail/templates/invitation')).json()).toMatchObject({ overridden: false, subject: 'You are invited to {{tenant.name}}' });

    expect((await oak.api('DELETE', '/mail/templates/invitation')).statusCode).toBe(204);
    expect((await oak.api('GET', '/mail/templates/invitation')).json()).toMatchObject({ overridden: false, subject: 'You are invited to {{tenant.name}}' });
    await invite('default-again@oak.test', 'Default Again');
    await relayMail(t.platform, oak.id);
    expect(received('default-again@oak.test')[0]!.parsed.subject).toBe('You are invited to Oak & Ash Estate');
  });

  it('lists every kind with its variables, and refuses templates that do not parse, print HTML unescaped or use partials', async () => {
    const list = (await oak.api('GET', '/mail/templates')).json();
    expect(list.data.map((d: { kind: string }) => d.kind)).toEqual(['invitation', 'password_reset', 'notification', 'announcement']);
    expect(list.data[0].variables).toHaveProperty('acceptUrl');
    expect(list.data[0].variables).toHaveProperty('tenant.name');

    const base = { subject: 'S', text: 'T', html: '<p>H</p>' };
    const refusals: [Record<string, string>, string][] = [
      [{ html: '<p>{{{recipient.name}}}</p>' }, '/html'],
      [{ html: '<p>{{& recipient.name}}</p>' }, '/html'],
      [{ text: 'Hello {{recipient.name' }, '/text'],
      [{ subject: '{{#tenant}}unclosed' }, '/subject'],
      [{ text: '{{> header}}' }, '/text'],
    ];
    for (const [change, field] of refusals) {
      const res = await oak.api('PUT', '/mail/templates/invitation', { ...base, ...change });
      expect(res.statusCode, JSON.stringify(change)).toBe(400);
      expect(res.json().code).toBe('validation_failed');
      expect(res.json().errors[0].field).toBe(field);
    }
    // An announcement's body is HTML we made safe (rendered Markdown): its template may print that, and only that, unescaped.
    expect((await oak.api('PUT', '/mail/templates/announcement', { ...base, html: '<h1>{{title}}</h1>{{{bodyHtml}}}' })).statusCode).toBe(200);
    expect((await oak.api('PUT', '/mail/templates/announcement', { ...base, html: '<h1>{{{title}}}</h1>' })).json().errors[0].field).toBe('/html');
    expect((await oak.api('DELETE', '/mail/templates/announcement')).statusCode).toBeLessThan(300);
    // Unescaped output is fine in the text part, where nothing is HTML.
    expect((await oak.api('PUT', '/mail/templates/notification', { ...base, text: '{{{body}}}' })).statusCode).toBe(200);
    expect((await oak.api('DELETE', '/mail/templates/notification')).statusCode).toBe(204);
    expect((await oak.api('GET', '/mail/templates/newsletter')).statusCode).toBe(404);
    expect((await oak.api('PUT', '/mail/templates/newsletter', base)).statusCode).toBe(404);
  });

  it("renders every kind's default template with the branding, the text part plain and the HTML part escaped", () => {
    const tenant = { name: 'Elm', branding: { displayName: 'Elm <Court>', primaryColor: 'red; background:url(x)', accentColor: '#123456' }, url: 'https://elm.example.test' };
    const recipient = { email: 'r@example.test', name: 'R & <i>S</i>' };
    const invitation = renderMail(KINDS.invitation.defaults, viewOf({ kind: 'invitation', tenant, recipient, data: { expiresAt: '2030-01-02T03:04:00Z', inviterName: null }, secrets: { token: 'tok' } }));
    expect(invitation.subject).toBe('You are invited to Elm <Court>');
    expect(invitation.text).toContain('You have been invited to join Elm <Court>.');
    expect(invitation.text).toContain('https://elm.example.test/accept-invitation#token=tok');
    expect(invitation.text).toContain('2 January 2030 at 03:04 UTC');
    expect(invitation.html).toContain('Hello R &amp; &lt;i&gt;S&lt;&#x2F;i&gt;,');
    // A colour that is not a colour is not let into a style attribute.
    expect(invitation.html).not.toContain('url(x)');
    expect(invitation.html).toContain('background:#1f4b99');
    expect(invitation.html).toContain('background:#123456');

    const reset = renderMail(KINDS.password_reset.defaults, viewOf({ kind: 'password_reset', tenant, recipient, data: { expiresAt: '2030-01-02T03:04:00Z' }, secrets: { token: 'tok' } }));
    expect(reset.text).toContain('https://elm.example.test/reset-password#token=tok');
    // In the tenant's zone, named: 03:04 UTC on 2 January is 17:04 on 1 January in Honolulu, 16:04 on 2 January in Tonga.
    const inHonolulu = renderMail(KINDS.password_reset.defaults, viewOf({ kind: 'password_reset', tenant: { ...tenant, timeZone: 'Pacific/Honolulu' }, recipient, data: { expiresAt: '2030-01-02T03:04:00Z' }, secrets: { token: 'tok' } }));
    expect(inHonolulu.text).toContain('1 January 2030 at 17:04 Pacific/Honolulu');
    const inTonga = renderMail(KINDS.invitation.defaults, viewOf({ kind: 'invitation', tenant: { ...tenant, timeZone: 'Pacific/Tongatapu' }, recipient, data: { expiresAt: '2030-01-02T03:04:00Z', inviterName: null }, secrets: { token: 'tok' } }));
    expect(inTonga.text).toContain('2 January 2030 at 16:04 Pacific/Tongatapu');

    const notice = renderMail(KINDS.notification.defaults, viewOf({ kind: 'notification', tenant, recipient, data: { title: 'Water off\nTuesday', body: 'From 9 to <5>.', actionUrl: 'javascript:alert(1)' }, secrets: {} }));
    expect(notice.subject).toBe('Water off Tuesday');
    expect(notice.html).toContain('From 9 to &lt;5&gt;.');
    expect(notice.html).not.toContain('javascript:');
    const linked = renderMail(KINDS.notification.defaults, viewOf({ kind: 'notification', tenant, recipient, data: { title: 'T', body: 'B', actionUrl: 'https://elm.example.test/notices/1', actionLabel: 'Read it' }, secrets: {} }));
    expect(linked.text).toContain('Read it: https://elm.example.test/notices/1');
    expect(linked.html).toContain('Read it</a>');
  });
});

describe('the delivery log and templates of one tenant', () => {
  it('are not readable or changeable by another tenant', async () => {
    await invite('private.person@oak.test');
    const oakMessage = await messageTo('private.person@oak.test');
    const list = await elm.api('GET', '/mail/messages?limit=200');
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain('oak.test');
    expect((await elm.api('GET', `/mail/messages/${oakMessage.id}`)).statusCode).toBe(404);
    expect((await elm.api('POST', `/mail/messages/${oakMessage.id}/retry`)).statusCode).toBe(404);
    // With oak's token at elm's address: refused before anything is read.
    const crossed = await t.call('GET', '/api/v1/mail/messages', { token: oak.token, tenant: 'elm' });
    expect(crossed.statusCode).toBe(403);
    expect(crossed.json().code).toBe('tenant_mismatch');
  });

  it('needs mail.read to read the log, and mail.templates.write to change templates', async () => {
    const clerk = oak.as(await oak.newUser('clerk@oak.test', ['staff']));
    expectProblem(await clerk.api('GET', '/mail/messages'), 403, 'permission_denied');
    expectProblem(await clerk.api('PUT', '/mail/templates/invitation', { subject: 'S', text: 'T', html: 'H' }), 403, 'permission_denied');
    const me = (await oak.api('GET', '/me')).json();
    expect(me.permissions).toEqual(expect.arrayContaining(['mail.read', 'mail.write', 'mail.templates.write']));
  });
});

describe('without an SMTP server', () => {
  let local: TestPlatform;
  let pine: Estate;

  beforeAll(async () => {
    local = await startPlatform();
    pine = await estate(local, { slug: 'pine' });
  });
  afterAll(() => local?.close());

  it('writes each message as an .eml file under the data directory and logs it as sent', async () => {
    expect(local.config.smtpUrl).toBeUndefined();
    const res = await pine.api('POST', '/users', { email: 'offline@pine.test', name: 'Off <Line>', roles: ['member'] });
    expect(res.statusCode).toBe(201);
    await relayMail(local.platform, pine.id);

    const list = (await pine.api('GET', '/mail/messages')).json();
    const [message] = list.data;
    expect(message).toMatchObject({ status: 'sent', attempts: 1, to: { email: 'offline@pine.test' } });
    const file = join(local.config.dataDir, 'mail', `${message.id}.eml`);
    const detail = (await pine.api('GET', `/mail/messages/${message.id}`)).json();
    expect(detail.history.at(-1)).toMatchObject({ status: 'sent', detail: file });

    const parsed = await simpleParser(await readFile(file));
    expect(parsed.subject).toBe('You are invited to Tenant pine');
    expect(addresses(parsed.to)).toEqual([{ address: 'offline@pine.test', name: 'Off <Line>' }]);
    expect(addresses(parsed.from)).toEqual([{ address: 'no-reply@courtyard.local', name: 'Tenant pine' }]);
    expect(parsed.messageId).toBe(message.messageId);
    expect(parsed.text).toContain('https://pine.courtyard.test/accept-invitation#token=');
    expect(parsed.html).toContain('Off &lt;Line&gt;');

    // The link in the file works.
    const token = tokenIn(parsed.text!)!;
    expect((await local.call('POST', '/api/v1/auth/accept-invitation', { tenant: 'pine', body: { token, password: 'quiet lanterns at night' } })).statusCode).toBe(204);
    expect((await local.login('pine', 'offline@pine.test', 'quiet lanterns at night')).accessToken).toBeTruthy();
  });
});

describe('through the outbox relay and the job queue', () => {
  let relayed: TestPlatform;
  let relaySmtp: TestSmtp;

  beforeAll(async () => {
    relaySmtp = await startSmtp();
    relayed = await startPlatform({ config: { smtpUrl: relaySmtp.url }, platform: { workers: true } });
  });
  afterAll(async () => {
    await relayed?.close();
    await relaySmtp?.close();
  });

  it('delivers an invitation from the request to the SMTP server with no test hand in between', async () => {
    const birch = await estate(relayed, { slug: 'birch' });
    const res = await birch.api('POST', '/users', { email: 'relayed@birch.test', name: 'Relayed Invitee', roles: ['staff'] });
    expect(res.statusCode).toBe(201);
    const deadline = Date.now() + 20_000;
    while (relaySmtp.received.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(relaySmtp.received).toHaveLength(1);
    expect(relaySmtp.received[0]!.parsed.subject).toBe('You are invited to Tenant birch');
    const token = tokenIn(relaySmtp.received[0]!.parsed.text!)!;
    // The server has the message a moment before the worker records that it was sent.
    const status = async () => (await birch.api('GET', '/mail/messages')).json().data[0];
    while ((await status()).status !== 'sent' && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await status()).toMatchObject({ status: 'sent', attempts: 1 });
    expect((await relayed.call('POST', '/api/v1/auth/accept-invitation', { tenant: 'birch', body: { token, password: 'quiet lanterns at night' } })).statusCode).toBe(204);
  });
});
