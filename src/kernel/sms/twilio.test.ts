import { createServer, type Server } from 'node:http';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { MAGIC_TO, TWILIO_NUMBER, TwilioStandIn } from '../../../test/twilio-standin.js';
import { SmsDeliveryError } from './sms.js';
import { TwilioSmsSender } from './twilio.js';
import { parseInbound, parseStatusCallback, verifyTwilioSignature } from './twilio-signature.js';

/** Our side of the webhooks: verifies each post's signature against the URL it was posted to, as the communications module will. */
class Receiver {
  readonly posts: { path: string; params: URLSearchParams; verified: boolean }[] = [];
  url = '';
  #server: Server | null = null;

  constructor(private readonly authToken: string) {}

  async start(): Promise<void> {
    this.#server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('error', () => res.destroy());
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const params = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
        const verified = verifyTwilioSignature(this.authToken, `${this.url}${req.url}`, params, req.headers['x-twilio-signature']);
        this.posts.push({ path: req.url ?? '', params, verified });
        res.writeHead(verified ? 200 : 403, { 'content-type': 'text/xml' });
        res.end('<?xml version="1.0" encoding="UTF-8"?><Response></Response>');
      });
    });
    await new Promise<void>((resolve) => this.#server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
  }

  close(): Promise<void> {
    this.#server?.closeAllConnections();
    return new Promise((resolve) => (this.#server ? this.#server.close(() => resolve()) : resolve()));
  }
}

let twilio: TwilioStandIn;
let receiver: Receiver;
let sender: TwilioSmsSender;
const id = () => crypto.randomUUID();
let n = 0;
/** A fresh valid number per test, so one test's opt-outs do not reach another. */
const number = () => `+1415555${String(1000 + n++).padStart(4, '0')}`;

beforeAll(async () => {
  twilio = await TwilioStandIn.start();
  receiver = new Receiver(twilio.authToken);
  await receiver.start();
  sender = new TwilioSmsSender({ accountSid: twilio.accountSid, authToken: twilio.authToken, from: TWILIO_NUMBER, baseUrl: twilio.url });
});
afterAll(async () => {
  await twilio?.close();
  await receiver?.close();
});
afterEach(async () => {
  await twilio.settled();
});

async function refusal(promise: Promise<unknown>): Promise<SmsDeliveryError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(SmsDeliveryError);
  return error as SmsDeliveryError;
}

describe('TwilioSmsSender', () => {
  it("posts the message to Twilio's Messages resource and reads the sid and status it answers", async () => {
    const to = number();
    const sent = await sender.send({ id: id(), to, body: 'The lifts are serviced on Tuesday, 9:00–12:00.', statusCallbackUrl: `${receiver.url}/sms/status?tenant=oak` });
    expect(sent.providerId).toMatch(/^SM[0-9a-f]{32}$/);
    expect(sent.status).toBe('queued');

    const request = twilio.requests.at(-1)!;
    expect(request.method).toBe('POST');
    expect(request.path).toBe(`/2010-04-01/Accounts/${twilio.accountSid}/Messages.json`);
    expect(request.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(request.headers.authorization).toBe(`Basic ${Buffer.from(`${twilio.accountSid}:${twilio.authToken}`).toString('base64')}`);
    expect(request.form).toEqual({ To: to, From: TWILIO_NUMBER, Body: 'The lifts are serviced on Tuesday, 9:00–12:00.', StatusCallback: `${receiver.url}/sms/status?tenant=oak` });

    const message = twilio.messages.find((m) => m.sid === sent.providerId)!;
    expect(message).toMatchObject({ to, from: TWILIO_NUMBER, numSegments: 1 });
    expect(sent.segments).toBe(1);
    // The resource as the stand-in serves it, as Twilio's would look.
    const resource = (await (await fetch(`${twilio.url}/2010-04-01/Accounts/${twilio.accountSid}/Messages/${sent.providerId}.json`, { headers: { authorization: request.headers.authorization! } })).json()) as Record<string, unknown>;
    expect(resource).toMatchObject({ sid: sent.providerId, account_sid: twilio.accountSid, to, from: TWILIO_NUMBER, direction: 'outbound-api', num_segments: '1', api_version: '2010-04-01' });
    expect(resource.date_created).toMatch(/^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d\d (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d\d:\d\d:\d\d \+0000$/);
  });

  it('sends through a Messaging Service instead of a number: Twilio answers accepted, which is queued', async () => {
    const service = `MG${'a'.repeat(32)}`;
    const viaService = new TwilioSmsSender({ accountSid: twilio.accountSid, authToken: twilio.authToken, messagingServiceSid: service, baseUrl: twilio.url });
    const sent = await viaService.send({ id: id(), to: number(), body: 'Hello'.repeat(40) });
    expect(sent.status).toBe('queued');
    // A service picks the sender later, and answers num_segments "0" meanwhile: the segments are counted from the text.
    expect(twilio.messages.at(-1)!.numSegments).toBe(0);
    expect(sent.segments).toBe(2);
    expect(twilio.requests.at(-1)!.form).toEqual({ To: expect.any(String), Body: 'Hello'.repeat(40), MessagingServiceSid: service });
    expect(twilio.messages.at(-1)).toMatchObject({ from: null, messagingServiceSid: service, status: 'accepted' });

    const both = new TwilioSmsSender({ accountSid: twilio.accountSid, authToken: twilio.authToken, from: TWILIO_NUMBER, messagingServiceSid: service, baseUrl: twilio.url });
    await both.send({ id: id(), to: number(), body: 'Hello' });
    expect(twilio.requests.at(-1)!.form).toMatchObject({ From: TWILIO_NUMBER, MessagingServiceSid: service });
  });

  it('gets the status callbacks, signed: sent, then delivered', async () => {
    const before = receiver.posts.length;
    const sent = await sender.send({ id: id(), to: number(), body: 'AGM on the 14th', statusCallbackUrl: `${receiver.url}/sms/status?tenant=oak&id=1` });
    await twilio.settled();
    const posts = receiver.posts.slice(before);
    expect(posts.map((p) => p.verified)).toEqual([true, true]);
    expect(posts.map((p) => parseStatusCallback(p.params))).toEqual([
      { providerId: sent.providerId, status: 'sent' },
      { providerId: sent.providerId, status: 'delivered' },
    ]);
    expect(posts[0]!.path).toBe('/sms/status?tenant=oak&id=1');
  });

  it('gets a failure with its error code for a number that cannot take the message', async () => {
    const unreachable = number();
    const filtered = number();
    twilio.failDelivery(unreachable, 'undelivered', 30003);
    twilio.failDelivery(filtered, 'failed', 30007);
    const before = receiver.posts.length;
    const a = await sender.send({ id: id(), to: unreachable, body: 'x', statusCallbackUrl: `${receiver.url}/sms/status` });
    await twilio.settled();
    const b = await sender.send({ id: id(), to: filtered, body: 'x', statusCallbackUrl: `${receiver.url}/sms/status` });
    await twilio.settled();
    const posts = receiver.posts.slice(before);
    expect(posts.every((p) => p.verified)).toBe(true);
    expect(posts.map((p) => parseStatusCallback(p.params))).toEqual([
      { providerId: a.providerId, status: 'sent' },
      { providerId: a.providerId, status: 'failed', errorCode: 30003 },
      { providerId: b.providerId, status: 'failed', errorCode: 30007 },
    ]);
    expect(posts[1]!.params.get('MessageStatus')).toBe('undelivered');
  });

  it('refuses a forged callback: a bad signature, or none', async () => {
    const params = { MessageSid: `SM${'f'.repeat(32)}`, MessageStatus: 'delivered', AccountSid: twilio.accountSid };
    expect((await twilio.post(`${receiver.url}/sms/status`, params, 'valid')).status).toBe(200);
    expect((await twilio.post(`${receiver.url}/sms/status`, params, 'bad')).status).toBe(403);
    expect((await twilio.post(`${receiver.url}/sms/status`, params, 'none')).status).toBe(403);
  });

  it('treats 4xx refusals as permanent, with Twilio\'s code: invalid To (21211), STOP (21610), not a mobile (21614)', async () => {
    const cases: [string, number][] = [['+1234', 21211], ['0612345678', 21211], [MAGIC_TO.invalid, 21211], [MAGIC_TO.blocked, 21610], [MAGIC_TO.notMobile, 21614]];
    const taken = twilio.messages.length;
    for (const [to, code] of cases) {
      const e = await refusal(sender.send({ id: id(), to, body: 'x' }));
      expect({ to, permanent: e.permanent, code: e.code }).toEqual({ to, permanent: true, code });
      expect(e.message).toContain(`error ${code}`);
    }
    expect(twilio.messages.length).toBe(taken);
  });

  it('is refused for good with wrong credentials (401, 20003), and never shows the token', async () => {
    const wrong = new TwilioSmsSender({ accountSid: twilio.accountSid, authToken: 'f'.repeat(32), from: TWILIO_NUMBER, baseUrl: twilio.url });
    const e = await refusal(wrong.send({ id: id(), to: number(), body: 'x' }));
    expect({ permanent: e.permanent, code: e.code }).toEqual({ permanent: true, code: 20003 });
    expect(e.message).not.toContain('f'.repeat(32));
    expect(inspect(sender, { showHidden: true, depth: 5 })).not.toContain(twilio.authToken);
    expect(JSON.stringify(sender)).not.toContain(twilio.authToken);
  });

  it('treats 429 and 5xx as transient, Twilio\'s JSON or not, and the next attempt goes through', async () => {
    twilio.failNext(429);
    let e = await refusal(sender.send({ id: id(), to: number(), body: 'x' }));
    expect({ permanent: e.permanent, code: e.code }).toEqual({ permanent: false, code: 20429 });
    twilio.failNext(500);
    e = await refusal(sender.send({ id: id(), to: number(), body: 'x' }));
    expect({ permanent: e.permanent, code: e.code }).toEqual({ permanent: false, code: 20500 });
    twilio.failNext(502, { body: '<html><body>Bad Gateway</body></html>' });
    e = await refusal(sender.send({ id: id(), to: number(), body: 'x' }));
    expect({ permanent: e.permanent, code: e.code }).toEqual({ permanent: false, code: undefined });
    expect(e.message).toContain('HTTP 502');
    expect((await sender.send({ id: id(), to: number(), body: 'x' })).status).toBe('queued');
  });

  it('treats a timeout and a dropped connection as transient', async () => {
    const impatient = new TwilioSmsSender({ accountSid: twilio.accountSid, authToken: twilio.authToken, from: TWILIO_NUMBER, baseUrl: twilio.url, timeoutMs: 100 });
    const seen = twilio.requests.length;
    twilio.delayNext(400);
    const e = await refusal(impatient.send({ id: id(), to: number(), body: 'x' }));
    expect({ permanent: e.permanent, message: e.message }).toEqual({ permanent: false, message: 'Twilio could not be reached: no answer within 100 ms' });
    // The stand-in got it (and, like Twilio, may still take it): its delay is used up.
    await vi.waitFor(() => expect(twilio.requests.length).toBe(seen + 1));

    // A server that hangs up on every connection: a network failure, whatever else runs on the machine.
    const hangUp = createNetServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => hangUp.listen(0, '127.0.0.1', resolve));
    try {
      const nowhere = new TwilioSmsSender({ accountSid: twilio.accountSid, authToken: twilio.authToken, from: TWILIO_NUMBER, baseUrl: `http://127.0.0.1:${(hangUp.address() as AddressInfo).port}` });
      const f = await refusal(nowhere.send({ id: id(), to: number(), body: 'x' }));
      expect(f.permanent).toBe(false);
      expect(f.message).toMatch(/^Twilio could not be reached: fetch failed/);
    } finally {
      await new Promise((resolve) => hangUp.close(resolve));
    }
  });
});

describe('incoming messages', () => {
  it('arrive signed; STOP opts the number out (Twilio then refuses with 21610) and START back in', async () => {
    const member = number();
    await sender.send({ id: id(), to: member, body: 'Water off on Friday' });

    const stop = await twilio.inbound({ from: member, to: TWILIO_NUMBER, body: 'Stop', url: `${receiver.url}/sms/inbound` });
    expect(stop.status).toBe(200);
    const posted = receiver.posts.at(-1)!;
    expect(posted.verified).toBe(true);
    expect(parseInbound(posted.params)).toEqual({ providerId: posted.params.get('MessageSid'), from: member, to: TWILIO_NUMBER, body: 'Stop', keyword: 'stop' });
    expect(posted.params.get('AccountSid')).toBe(twilio.accountSid);
    expect(posted.params.get('NumSegments')).toBe('1');

    const e = await refusal(sender.send({ id: id(), to: member, body: 'Water off on Friday' }));
    expect({ permanent: e.permanent, code: e.code }).toEqual({ permanent: true, code: 21610 });

    await twilio.inbound({ from: member, to: TWILIO_NUMBER, body: 'START', url: `${receiver.url}/sms/inbound` });
    expect(parseInbound(receiver.posts.at(-1)!.params).keyword).toBe('start');
    expect((await sender.send({ id: id(), to: member, body: 'Welcome back' })).status).toBe('queued');
  });

  it('an ordinary reply is no keyword; a forged one is refused', async () => {
    const member = number();
    await twilio.inbound({ from: member, to: TWILIO_NUMBER, body: 'Stop sending me the minutes please', url: `${receiver.url}/sms/inbound` });
    expect(parseInbound(receiver.posts.at(-1)!.params).keyword).toBeNull();
    expect((await twilio.inbound({ from: member, to: TWILIO_NUMBER, body: 'STOP', url: `${receiver.url}/sms/inbound`, signature: 'bad' })).status).toBe(403);
    expect(receiver.posts.at(-1)!.verified).toBe(false);
  });
});
