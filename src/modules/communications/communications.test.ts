import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { estate, expectProblem, ok, type Estate } from '../../../test/fixture.js';
import { startPlatform, type TestPlatform } from '../../../test/helpers.js';
import { jobContext, startSmtp, takeEvents, type TestSmtp } from '../../../test/mail-helpers.js';
import { USAGE_RECORDED } from '../../kernel/metering/meters.js';
import { standInSignature, TWILIO_NUMBER, TwilioStandIn } from '../../../test/twilio-standin.js';

let smtp: TestSmtp;
let twilio: TwilioStandIn;
let t: TestPlatform;
let oak: Estate;
let blockC: string;
let owners: string[];
let resident: string;
let outsider: string;
let annPortal: string;
let davePortal: string;

/** Runs what workers would, until nothing is left: delivery, e-mail, SMS, and the mail outcomes. */
async function work() {
  const ctx = jobContext(t.platform);
  const subscribers = [...(t.platform.modules.get('communications')?.subscribers ?? []), ...(t.platform.modules.get('mail')?.subscribers ?? [])];
  for (;;) {
    const events = await takeEvents(t.platform, oak.id, ['communications.announcement.released', 'mail.queued', 'mail.sent', 'mail.bounced', 'communications.sms.queued']);
    if (events.length === 0) return;
    // As the workers run them: a batch subscriber takes the pass's events together.
    for (const s of subscribers) {
      const mine = events.filter((event) => s.events.includes(event.type));
      if (mine.length === 0) continue;
      if (s.batch) await s.batch.handle(mine, ctx);
      else for (const event of mine) await s.handle(event, ctx);
    }
  }
}

const send = async (body: Record<string, unknown>) => {
  const draft = await ok(oak.api('POST', '/announcements', { title: 'Water off tomorrow', body: 'The **water** is off from 9 to 12.\n\n<script>alert(1)</script>', ...body }));
  await ok(oak.api('POST', `/announcements/${draft.id}/send`, {}), 200);
  await work();
  return ok(oak.api('GET', `/announcements/${draft.id}`), 200);
};
const mailTo = (address: string) => smtp.received.filter((m) => m.envelope.to.includes(address));

beforeAll(async () => {
  smtp = await startSmtp();
  twilio = await TwilioStandIn.start();
  t = await startPlatform({ config: { smtpUrl: smtp.url, twilioAccountSid: twilio.accountSid, twilioAuthToken: twilio.authToken, twilioFrom: TWILIO_NUMBER, twilioApiUrl: twilio.url } });
  oak = await estate(t, { slug: 'oak', units: ['C-1', 'C-2', 'C-3'], property: 'Block C' });
  blockC = oak.propertyId;
  owners = [];
  for (const [i, name] of ['Ann', 'Bob', 'Cy'].entries()) {
    const id = await oak.newMember({ firstName: name, email: `${name.toLowerCase()}@oak.test`, phone: `+4477009000${i}` });
    await oak.occupy(oak.unitIds[i]!, id);
    owners.push(id);
  }
  resident = await oak.newMember({ firstName: 'Rita', type: 'resident', email: 'rita@oak.test' });
  await oak.occupy(oak.unitIds[0]!, resident, { role: 'resident' });
  const blockD = await oak.newProperty({ name: 'Block D' });
  const unitD = await oak.newUnit(blockD.id, { label: 'D-1' });
  outsider = await oak.newMember({ firstName: 'Dave', email: 'dave@oak.test' });
  await oak.occupy(unitD.id, outsider);
  annPortal = (await oak.newPortalUser(owners[0]!)).token;
  davePortal = (await oak.newPortalUser(outsider)).token;
});
afterAll(async () => {
  await t?.close();
  await smtp?.close();
  await twilio?.close();
});

describe('announcements', () => {
  it('previews and sends to a segment of 3 of 5 members exactly 3 e-mails, however often delivery runs', async () => {
    const segment = await ok(oak.api('POST', '/segments', { name: 'Owners of Block C', criteria: { propertyIds: [blockC], roles: ['owner'] } }));
    const preview = await ok(oak.api('POST', '/announcements/preview', { segmentId: segment.id, body: 'Water off' }), 200);
    expect(preview).toMatchObject({ members: 3, email: { recipients: 3, optedOut: 0, noAddress: 0, bounced: 0 } });
    expect(preview.sample.map((s: { name: string }) => s.name.split(' ')[0]).sort()).toEqual(['Ann', 'Bob', 'Cy']);

    const before = smtp.received.length;
    const sent = await send({ segmentId: segment.id });
    expect(sent).toMatchObject({ status: 'sent', totals: { email: { sent: 3, queued: 0 }, portal: { delivered: 3 } } });
    expect(sent.html).toContain('<strong>water</strong>');
    expect(sent.html).not.toContain('<script>');
    const received = smtp.received.slice(before);
    expect(received.map((m) => m.envelope.to[0]).sort()).toEqual(['ann@oak.test', 'bob@oak.test', 'cy@oak.test']);
    // RFC 8058: both headers, on every bulk message.
    const raw = received[0]!.raw.toString('utf8');
    expect(raw).toMatch(/^List-Unsubscribe:\s+<https:\/\/oak\.courtyard\.test\/api\/v1\/communications\/unsubscribe\/[A-Za-z0-9_.-]+>\r?$/m);
    expect(raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r?$/m);

    // A retried release (a worker that died after committing) adds and sends nothing.
    const release = t.platform.modules.get('communications')!.jobs!.find((j) => j.name === 'communications.release')!;
    await oak.tx((db) => db.updateTable('announcements').set({ status: 'sending' }).where('id', '=', sent.id).execute());
    await release.handler({ id: 'retry', name: release.name, data: { tenantId: oak.id, announcementId: sent.id }, retryCount: 1 }, jobContext(t.platform));
    await work();
    expect(smtp.received.length).toBe(before + 3);
    const recipients = await ok(oak.api('GET', `/announcements/${sent.id}/recipients?channel=email`), 200);
    expect(recipients.data).toHaveLength(3);
  });

  it('shows an announcement in the news feed of its recipients only, and marks it read', async () => {
    const sent = await send({ criteria: { propertyIds: [blockC], roles: ['owner'] }, title: 'AGM on the 12th', category: 'meeting' });
    const feed = await ok(oak.api('GET', '/news', undefined, { token: annPortal }), 200);
    expect(feed.data[0]).toMatchObject({ id: sent.id, title: 'AGM on the 12th', read: false, category: 'meeting' });
    expect((await ok(oak.api('GET', '/news', undefined, { token: davePortal }), 200)).data.map((n: { id: string }) => n.id)).not.toContain(sent.id);
    expectProblem(await oak.api('POST', `/news/${sent.id}/read`, undefined, { token: davePortal }), 404, 'not_found');
    expect((await oak.api('POST', `/news/${sent.id}/read`, undefined, { token: annPortal })).statusCode).toBe(204);
    expect((await ok(oak.api('GET', '/news', undefined, { token: annPortal }), 200)).data[0].read).toBe(true);
    expect((await ok(oak.api('GET', `/announcements/${sent.id}`), 200)).totals.portal).toMatchObject({ delivered: 3, opened: 1 });
    expect((await oak.api('GET', '/announcements', undefined, { token: annPortal })).statusCode).toBe(403);
  });

  it('unsubscribes in one click from that category only, and still delivers an urgent notice', async () => {
    const before = smtp.received.length;
    await send({ criteria: { memberIds: [owners[1]!] }, category: 'maintenance', title: 'Lift service' });
    const message = smtp.received.slice(before).find((m) => m.envelope.to.includes('bob@oak.test'))!;
    const token = /communications\/unsubscribe\/([A-Za-z0-9_.-]+)/.exec(message.parsed.text ?? '')![1]!;
    const unsubscribe = await t.call('POST', `/t/oak/api/v1/communications/unsubscribe/${token}`, { body: 'List-Unsubscribe=One-Click', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(unsubscribe.statusCode).toBe(200);
    expectProblem(await t.call('POST', `/t/oak/api/v1/communications/unsubscribe/${token.slice(0, -2)}xx`, { body: 'List-Unsubscribe=One-Click', headers: { 'content-type': 'application/x-www-form-urlencoded' } }), 403, 'communications.link_invalid');

    const skipped = await send({ criteria: { memberIds: [owners[1]!] }, category: 'maintenance', title: 'Lift service again' });
    expect(skipped.totals.email).toMatchObject({ sent: 0, skipped: 1 });
    const other = await send({ criteria: { memberIds: [owners[1]!] }, category: 'general', title: 'Summer party' });
    expect(other.totals.email).toMatchObject({ sent: 1 });
    const urgent = await send({ criteria: { memberIds: [owners[1]!] }, category: 'urgent', title: 'Gas leak: leave the building' });
    expect(urgent.totals.email).toMatchObject({ sent: 1 });
    expect(mailTo('bob@oak.test').map((m) => m.parsed.subject)).toEqual(['Water off tomorrow', 'AGM on the 12th', 'Lift service', 'Summer party', 'Gas leak: leave the building']);
    const status = await ok(oak.api('GET', `/members/${owners[1]}/contact-status`), 200);
    expect(status.optOuts).toMatchObject([{ channel: 'email', category: 'maintenance', source: 'unsubscribe' }]);
  });

  it('marks a hard bounce on the recipient and the member, and skips the address afterwards', async () => {
    smtp.refuseRecipients = { code: 550, message: 'No such mailbox' };
    const bounced = await send({ criteria: { memberIds: [outsider] }, title: 'Bins on Thursday' }).finally(() => {
      smtp.refuseRecipients = null;
    });
    expect(bounced.totals.email).toMatchObject({ bounced: 1 });
    const recipients = await ok(oak.api('GET', `/announcements/${bounced.id}/recipients?status=bounced`), 200);
    expect(recipients.data).toMatchObject([{ memberId: outsider, channel: 'email', address: 'dave@oak.test', status: 'bounced' }]);
    expect((await ok(oak.api('GET', `/members/${outsider}/contact-status`), 200)).bounced).toMatchObject([{ address: 'dave@oak.test' }]);
    expect((await ok(oak.api('POST', '/announcements/preview', { criteria: { memberIds: [outsider] } }), 200)).email).toMatchObject({ recipients: 0, bounced: 1 });
  });

  it('schedules, unschedules, and refuses what cannot be done with a clear problem', async () => {
    const draft = await ok(oak.api('POST', '/announcements', { title: 'Levies go up in March', body: 'See the budget.', category: 'finance', criteria: {} }));
    const at = new Date(Date.now() + 86_400_000).toISOString();
    expect(await ok(oak.api('POST', `/announcements/${draft.id}/send`, { at }), 200)).toMatchObject({ status: 'scheduled' });
    expectProblem(await oak.api('PATCH', `/announcements/${draft.id}`, { title: 'x' }), 409, 'communications.not_draft');
    await work();
    expect((await ok(oak.api('GET', `/announcements/${draft.id}`), 200)).status).toBe('scheduled');
    expect(await ok(oak.api('POST', `/announcements/${draft.id}/unschedule`), 200)).toMatchObject({ status: 'draft', scheduledAt: null });
    expectProblem(await oak.api('POST', `/announcements/${draft.id}/send`, { at: '2020-01-01T00:00:00Z' }), 422, 'communications.in_the_past', '/at');
    expectProblem(await oak.api('POST', '/announcements', { title: 'No one', body: 'x' }), 422, 'communications.no_audience');
    expectProblem(await oak.api('POST', '/announcements', { title: 'x', body: 'x', criteria: {}, documentIds: ['01a20000-0000-7000-8000-000000000000'] }), 422, 'communications.unknown_documents');
    expectProblem(await oak.api('POST', '/segments', { name: 'Owners of block c', criteria: {} }), 400, 'validation_failed', '/name');
    expectProblem(await oak.api('POST', '/segments', { name: 'Bad', criteria: { roles: ['landlord'] } }), 400, 'validation_failed');
  });

  describe('by SMS', () => {
    const PUBLIC = 'https://oak.courtyard.test/api/v1/communications/sms';
    /** Posts form parameters as Twilio does: signed with the account's token over the URL it was given. */
    const twilioPost = (path: 'status' | 'inbound', params: Record<string, string>, token = twilio.authToken) =>
      t.call('POST', `/t/oak/api/v1/communications/sms/${path}`, { body: new URLSearchParams(params).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': standInSignature(token, `${PUBLIC}/${path}`, params) } });
    const annPhone = '+44770090000';

    it('texts only the members who asked for it, shows the cost first, sends nothing twice, and takes signed status callbacks', async () => {
      const prefs = Object.fromEntries(['billing', 'announcements', 'maintenance', 'meetings'].map((c) => [c, { email: true, sms: c === 'maintenance' }]));
      await ok(oak.api('PUT', '/me/notification-preferences', prefs, { token: annPortal }), 200);
      const criteria = { propertyIds: [blockC], roles: ['owner'] };
      const body = 'Water off 9–12 in Block C: fill a kettle.';
      const preview = await ok(oak.api('POST', '/announcements/preview', { criteria, category: 'maintenance', body }), 200);
      expect(preview.sms).toMatchObject({ recipients: 1, optedOut: 2, noAddress: 0, encoding: 'UCS-2', parts: 1, totalParts: 1 });

      const sent = await send({ criteria, category: 'maintenance', channels: ['email', 'sms'], title: 'Water off', body });
      await twilio.settled();
      const texts = twilio.messages.filter((m) => m.to === annPhone);
      expect(texts).toHaveLength(1);
      expect(texts[0]!.body).toBe(`Tenant oak: Water off\n${body}`);
      expect(texts[0]!.statusCallback).toBe(`${PUBLIC}/status`);
      expect(sent.totals.sms).toMatchObject({ queued: 1, skipped: 2 });

      // A worker that runs the same text again sends nothing.
      const smsSubscriber = t.platform.modules.get('communications')!.subscribers!.find((x) => x.name === 'communications.sms')!;
      await smsSubscriber.handle({ id: 'again', type: 'communications.sms.queued', tenantId: oak.id, occurredAt: new Date().toISOString(), version: 1, data: { announcementId: sent.id, memberId: owners[0] } }, jobContext(t.platform));
      await twilio.settled();
      expect(twilio.messages.filter((m) => m.to === annPhone)).toHaveLength(1);

      const status = { MessageSid: texts[0]!.sid, MessageStatus: 'delivered', AccountSid: twilio.accountSid, To: annPhone, From: TWILIO_NUMBER, ApiVersion: '2010-04-01' };
      expectProblem(await twilioPost('status', status, 'not-the-token'), 403, 'communications.signature_invalid');
      expect((await ok(oak.api('GET', `/announcements/${sent.id}`), 200)).totals.sms).toMatchObject({ queued: 1, delivered: 0 });
      expect((await twilioPost('status', status)).statusCode).toBe(204);
      // Out of order: a late "sent" does not undo "delivered".
      expect((await twilioPost('status', { ...status, MessageStatus: 'sent' })).statusCode).toBe(204);
      expect((await ok(oak.api('GET', `/announcements/${sent.id}`), 200)).totals.sms).toMatchObject({ delivered: 1, queued: 0 });
    });

    it('meters the segments a text goes as, not the texts: one long text is two', async () => {
      await takeEvents(t.platform, oak.id, [USAGE_RECORDED]);
      const title = 'Lift service';
      const body = 'The lift in Block C is serviced on Monday between 8 and 17. Use the stairs or the lift in Block D, and call the office if you need help with shopping or a pram.';
      await send({ criteria: { memberIds: [owners[0]!] }, category: 'maintenance', channels: ['sms'], title, body });
      await twilio.settled();
      const text = twilio.messages.find((m) => m.to === annPhone && m.body.includes(title))!;
      expect(text.numSegments).toBe(2);
      const usage = await takeEvents(t.platform, oak.id, [USAGE_RECORDED]);
      expect(usage.map((e) => e.data)).toEqual([{ meter: 'sms', quantity: 2 }]);
    });

    it('stops texting a member who replied STOP, whose urgent notices still reach them by e-mail and the portal', async () => {
      const inbound = { MessageSid: `SM${'a'.repeat(32)}`, AccountSid: twilio.accountSid, From: annPhone, To: TWILIO_NUMBER, Body: ' stop ', NumSegments: '1', ApiVersion: '2010-04-01' };
      expectProblem(await twilioPost('inbound', inbound, 'not-the-token'), 403, 'communications.signature_invalid');
      const reply = await twilioPost('inbound', inbound);
      expect(reply.statusCode).toBe(200);
      expect(reply.body).toContain('<Response></Response>');
      expect((await ok(oak.api('GET', `/members/${owners[0]}/contact-status`), 200)).optOuts).toMatchObject([{ channel: 'sms', category: '*', source: 'stop' }]);

      const before = twilio.messages.length;
      const urgent = await send({ criteria: { memberIds: [owners[0]!] }, category: 'urgent', channels: ['email', 'sms'], title: 'Burst pipe: water off now' });
      expect(urgent.totals).toMatchObject({ email: { sent: 1 }, sms: { skipped: 1 }, portal: { delivered: 1 } });
      await twilio.settled();
      expect(twilio.messages.length).toBe(before);
      expect((await ok(oak.api('GET', '/news', undefined, { token: annPortal }), 200)).data[0].title).toBe('Burst pipe: water off now');

      // START lets texts through again.
      expect((await twilioPost('inbound', { ...inbound, Body: 'START' })).statusCode).toBe(200);
      const again = await send({ criteria: { memberIds: [owners[0]!] }, category: 'maintenance', channels: ['sms'], title: 'Water back on' });
      expect(again.totals.sms).toMatchObject({ queued: 1 });
    });
  });
});
