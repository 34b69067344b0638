import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { smsParts } from '../src/kernel/sms/sms-parts.js';

/**
 * A small stand-in of Twilio's Programmable Messaging API on 127.0.0.1 for the tests: it takes
 * `POST /2010-04-01/Accounts/{AccountSid}/Messages.json` as Twilio does (form-encoded, HTTP
 * Basic with the account SID and auth token), answers 201 with a Message resource or
 * Twilio's error JSON, then posts the message's status callbacks, signed with
 * `X-Twilio-Signature`, to its `StatusCallback`. It posts incoming messages to a webhook too.
 *
 *   const twilio = await TwilioStandIn.start();
 *   const sender = new TwilioSmsSender({ accountSid: twilio.accountSid, authToken: twilio.authToken, from: TWILIO_NUMBER, baseUrl: twilio.url });
 *   ...
 *   await twilio.settled(); // every callback posted
 *   await twilio.close();
 *
 * Its signatures are computed here, independently of src/kernel/sms, so a test checks ours
 * against a second implementation of Twilio's algorithm.
 */

/** The account's number, and what a Messaging Service sends from when no `From` is given. */
export const TWILIO_NUMBER = '+15005550006';

/**
 * Twilio's magic numbers for test credentials: sending to one fails with its error code
 * (https://www.twilio.com/docs/iam/test-credentials). Any other E.164 number succeeds.
 */
export const MAGIC_TO = {
  invalid: '+15005550001', // 21211
  cannotRoute: '+15005550002', // 21612
  noInternationalPermission: '+15005550003', // 21408
  blocked: '+15005550004', // 21610: the recipient replied STOP
  notMobile: '+15005550009', // 21614
} as const;

export interface StandInRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  form: Record<string, string>;
}

/** A message the stand-in took, and where it stands. */
export interface StandInMessage {
  sid: string;
  to: string;
  from: string | null;
  messagingServiceSid: string | null;
  body: string;
  statusCallback: string | null;
  /** Twilio's status: `queued`/`accepted`, then `sent`, `delivered`, `failed` or `undelivered`. */
  status: string;
  errorCode: number | null;
  numSegments: number;
  dateCreated: Date;
}

/** A request the stand-in posted (a status callback, an incoming message) and what the receiver answered. */
export interface PostedRequest {
  url: string;
  params: Record<string, string>;
  signature: string | null;
  /** The receiver's HTTP status; `null` when the request failed (then `error`). */
  status: number | null;
  body: string;
  error?: string;
}

export type SignatureMode = 'valid' | 'bad' | 'none';

interface ForcedAnswer {
  status: number;
  /** A body that is not Twilio's JSON (as a load balancer's error page is). */
  body?: string;
  delayMs?: number;
}

const STOP = new Set(['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'REVOKE', 'OPTOUT']);
const START = new Set(['START', 'UNSTOP', 'YES']);
const HELP = new Set(['HELP', 'INFO']);
const E164 = /^\+[1-9]\d{6,14}$/;
const hex = (bytes: number) => randomBytes(bytes).toString('hex');

/** RFC 2822, as Twilio writes dates: `Thu, 24 Aug 2023 05:01:45 +0000`. */
export const rfc2822 = (d: Date) => d.toUTCString().replace(/GMT$/, '+0000');

/** Twilio's signature, written out again from its documentation (not imported from src). */
export function standInSignature(authToken: string, url: string, params: Record<string, string>): string {
  const data = Object.keys(params).sort().reduce((acc, key) => acc + key + params[key], url);
  return createHmac('sha1', authToken).update(data, 'utf8').digest('base64');
}

const ERRORS: Record<number, { status: number; message: string }> = {
  20003: { status: 401, message: 'Authenticate' },
  20404: { status: 404, message: 'The requested resource was not found' },
  20429: { status: 429, message: 'Too Many Requests' },
  20500: { status: 500, message: 'Internal Server Error' },
  20503: { status: 503, message: 'Service Unavailable' },
  21211: { status: 400, message: "Invalid 'To' Phone Number" },
  21212: { status: 400, message: "Invalid 'From' Phone Number" },
  21408: { status: 400, message: 'Permission to send an SMS has not been enabled for the region indicated by the To number' },
  21602: { status: 400, message: 'Message body is required.' },
  21603: { status: 400, message: "A 'From' or 'MessagingServiceSid' parameter is required to send a message" },
  21604: { status: 400, message: "A 'To' phone number is required." },
  21610: { status: 400, message: 'Attempt to send to unsubscribed recipient' },
  21612: { status: 400, message: "The 'To' phone number is not currently reachable via SMS" },
  21614: { status: 400, message: "'To' number is not a valid mobile number" },
  21617: { status: 400, message: 'The concatenated message body exceeds the 1600 character limit.' },
};

export class TwilioStandIn {
  readonly accountSid: string;
  readonly authToken: string;
  /** Every request to the API, in order (failed and refused ones too). */
  readonly requests: StandInRequest[] = [];
  /** The messages it took, in order. */
  readonly messages: StandInMessage[] = [];
  /** The status callbacks it posted, in order. */
  readonly callbacks: PostedRequest[] = [];
  url = '';
  readonly #forced: ForcedAnswer[] = [];
  readonly #optedOut = new Set<string>();
  readonly #failing = new Map<string, { status: 'failed' | 'undelivered'; errorCode: number }>();
  readonly #pending = new Set<Promise<void>>();
  readonly #callbackDelayMs: number;
  readonly #reach: (url: string) => string;
  #server: Server | null = null;
  #closed = false;

  /**
   * `reach`: where to connect for a webhook URL, as a reverse proxy in front of Courtyard would
   * (the end-to-end server answers tenants' hosts under `/t/{slug}` on 127.0.0.1); the signature
   * is still computed over the URL as given, which is what Courtyard checks.
   */
  constructor(options: { accountSid?: string; authToken?: string; callbackDelayMs?: number; reach?: (url: string) => string } = {}) {
    this.accountSid = options.accountSid ?? `AC${hex(16)}`;
    this.authToken = options.authToken ?? hex(16);
    this.#callbackDelayMs = options.callbackDelayMs ?? 5;
    this.#reach = options.reach ?? ((url) => url);
  }

  /** A stand-in listening on a free port of 127.0.0.1. */
  static async start(options: ConstructorParameters<typeof TwilioStandIn>[0] = {}): Promise<TwilioStandIn> {
    const standIn = new TwilioStandIn(options);
    await standIn.listen();
    return standIn;
  }

  async listen(): Promise<void> {
    this.#server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      // A client that gives up halfway (a test's timeout) is no error of the stand-in's.
      req.on('error', () => res.destroy());
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => this.#track(this.#handle(req.method ?? 'GET', req.url ?? '/', req.headers, Buffer.concat(chunks).toString('utf8'), (status, body, type = 'application/json') => {
        if (res.destroyed) return;
        res.writeHead(status, { 'content-type': type, 'twilio-request-id': `RQ${hex(16)}` });
        res.end(body);
      })));
    });
    await new Promise<void>((resolve) => this.#server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
  }

  /** The next `times` requests get this HTTP status (429, 500, 503) with Twilio's error JSON, or with `body` as given. */
  failNext(status: 429 | 500 | 502 | 503, options: { times?: number; body?: string } = {}): void {
    for (let i = 0; i < (options.times ?? 1); i++) this.#forced.push({ status, ...(options.body !== undefined ? { body: options.body } : {}) });
  }

  /** The next request is answered after `ms` (the message is still taken, as Twilio may take one whose answer never arrived). */
  delayNext(ms: number): void {
    this.#forced.push({ status: 0, delayMs: ms });
  }

  /** The number replied STOP: sending to it fails with 21610 until it replies START (or `optIn`). */
  optOut(number: string): void {
    this.#optedOut.add(number);
  }

  optIn(number: string): void {
    this.#optedOut.delete(number);
  }

  /** Messages to this number are taken, then fail: `failed` at once, or `sent` then `undelivered`, with this error code (30003 unreachable, 30005 unknown, 30007 filtered). */
  failDelivery(number: string, status: 'failed' | 'undelivered' = 'undelivered', errorCode = 30003): void {
    this.#failing.set(number, { status, errorCode });
  }

  /** Resolves once every request in hand has been answered and every status callback scheduled so far posted. */
  async settled(): Promise<void> {
    while (this.#pending.size > 0) await Promise.all([...this.#pending]);
  }

  /**
   * Posts an incoming SMS to a webhook as Twilio does (form-encoded, signed). A STOP keyword
   * from a number opts it out here too (and START back in), as Twilio's default handling does.
   * `advancedOptOut` adds `OptOutType`, as a Messaging Service with Advanced Opt-Out does.
   */
  async inbound(options: { from: string; to: string; body: string; url: string; signature?: SignatureMode; advancedOptOut?: boolean; messagingServiceSid?: string }): Promise<PostedRequest> {
    const sid = `SM${hex(16)}`;
    const word = options.body.trim().toUpperCase();
    const type = STOP.has(word) ? 'STOP' : START.has(word) ? 'START' : HELP.has(word) ? 'HELP' : null;
    if (type === 'STOP') this.optOut(options.from);
    if (type === 'START') this.optIn(options.from);
    const params: Record<string, string> = {
      ToCountry: 'US',
      ToState: 'CA',
      SmsMessageSid: sid,
      NumMedia: '0',
      ToCity: 'SAN FRANCISCO',
      FromZip: '94105',
      SmsSid: sid,
      FromState: 'CA',
      SmsStatus: 'received',
      FromCity: 'SAN FRANCISCO',
      Body: options.body,
      FromCountry: 'US',
      To: options.to,
      ...(options.messagingServiceSid ? { MessagingServiceSid: options.messagingServiceSid } : {}),
      ToZip: '94105',
      NumSegments: String(Math.max(1, smsParts(options.body).parts)),
      ReferralNumMedia: '0',
      MessageSid: sid,
      AccountSid: this.accountSid,
      From: options.from,
      ApiVersion: '2010-04-01',
      ...(options.advancedOptOut && type ? { OptOutType: type } : {}),
    };
    return this.post(options.url, params, options.signature ?? 'valid');
  }

  /**
   * Posts form parameters to a URL as Twilio posts its webhooks: `valid` signs them with the
   * auth token, `bad` with another token, `none` sends no `X-Twilio-Signature`.
   */
  async post(url: string, params: Record<string, string>, signature: SignatureMode = 'valid'): Promise<PostedRequest> {
    const signed = signature === 'none' ? null : standInSignature(signature === 'valid' ? this.authToken : `${this.authToken}x`, url, params);
    const posted: PostedRequest = { url, params, signature: signed, status: null, body: '' };
    try {
      const res = await fetch(this.#reach(url), {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'user-agent': 'TwilioProxy/1.1',
          'i-twilio-idempotency-token': randomUUID(),
          ...(signed ? { 'x-twilio-signature': signed } : {}),
        },
        body: new URLSearchParams(params).toString(),
        signal: AbortSignal.timeout(5_000),
      });
      posted.status = res.status;
      posted.body = await res.text();
    } catch (error) {
      posted.error = (error as Error).message;
    }
    return posted;
  }

  async close(): Promise<void> {
    this.#closed = true;
    await this.settled();
    if (!this.#server) return;
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server!.close(() => resolve()));
    this.#server = null;
  }

  async #handle(method: string, path: string, headers: IncomingHttpHeaders, body: string, answer: (status: number, body: string, type?: string) => void): Promise<void> {
    const form = Object.fromEntries(new URLSearchParams(body));
    this.requests.push({ method, path, headers, form });
    const error = (code: number, message?: string) => {
      const e = ERRORS[code]!;
      answer(e.status, JSON.stringify({ code, message: message ?? e.message, more_info: `https://www.twilio.com/docs/errors/${code}`, status: e.status }));
    };

    let forced = this.#forced.shift();
    if (forced?.delayMs) {
      await new Promise((resolve) => setTimeout(resolve, forced!.delayMs));
      forced = undefined;
    }
    if (forced) {
      if (forced.body !== undefined) return answer(forced.status, forced.body, 'text/html');
      return error(forced.status === 429 ? 20429 : forced.status === 500 ? 20500 : 20503);
    }

    const [user, password] = Buffer.from((headers.authorization ?? '').replace(/^Basic /, ''), 'base64').toString('utf8').split(':');
    if (!headers.authorization?.startsWith('Basic ') || user !== this.accountSid || password !== this.authToken) return error(20003);

    const prefix = `/2010-04-01/Accounts/${this.accountSid}/Messages`;
    const one = new RegExp(`^${prefix}/(SM[0-9a-f]{32})\\.json$`).exec(path);
    if (method === 'GET' && one) {
      const message = this.messages.find((m) => m.sid === one[1]);
      return message ? answer(200, JSON.stringify(this.#resource(message))) : error(20404);
    }
    const [listPath, search = ''] = path.split('?');
    if (method === 'GET' && listPath === `${prefix}.json`) return answer(200, JSON.stringify(this.#list(new URLSearchParams(search))));
    if (method !== 'POST' || path !== `${prefix}.json`) return error(20404);

    const to = form.To ?? '';
    const from = form.From || null;
    const service = form.MessagingServiceSid || null;
    const text = form.Body ?? '';
    if (!to) return error(21604);
    if (!E164.test(to) || to === MAGIC_TO.invalid) return error(21211, `The 'To' number ${to} is not a valid phone number.`);
    if (!from && !service) return error(21603);
    if (from && !E164.test(from)) return error(21212, `The 'From' number ${from} is not a valid phone number, shortcode, or alphanumeric sender ID.`);
    if (!text) return error(21602);
    const parts = smsParts(text);
    if (parts.characters > 1600) return error(21617);
    if (to === MAGIC_TO.cannotRoute) return error(21612);
    if (to === MAGIC_TO.noInternationalPermission) return error(21408, `Permission to send an SMS has not been enabled for the region indicated by the 'To' number: ${to}.`);
    if (to === MAGIC_TO.blocked || this.#optedOut.has(to)) return error(21610);
    if (to === MAGIC_TO.notMobile) return error(21614, `'To' number ${to} is not a valid mobile number`);

    const message: StandInMessage = {
      sid: `SM${hex(16)}`,
      to,
      from,
      messagingServiceSid: service,
      body: text,
      statusCallback: form.StatusCallback || null,
      // Through a Messaging Service Twilio answers `accepted`: it has not picked a number yet.
      status: from ? 'queued' : 'accepted',
      errorCode: null,
      numSegments: from ? parts.parts : 0,
      dateCreated: new Date(),
    };
    this.messages.push(message);
    answer(201, JSON.stringify(this.#resource(message)));
    this.#track(this.#deliver(message));
  }

  /** A page of Twilio's message list, newest first, filtered by `To` and `From` as Twilio's is (one page: the stand-in keeps few). */
  #list(query: URLSearchParams): Record<string, unknown> {
    const to = query.get('To');
    const from = query.get('From');
    const pageSize = Math.min(Number(query.get('PageSize') ?? 50) || 50, 1000);
    const found = this.messages.filter((m) => (!to || m.to === to) && (!from || m.from === from)).reverse().slice(0, pageSize);
    const uri = `/2010-04-01/Accounts/${this.accountSid}/Messages.json?${query.toString()}`;
    return { messages: found.map((m) => this.#resource(m)), end: Math.max(found.length - 1, 0), first_page_uri: uri, next_page_uri: null, page: 0, page_size: pageSize, previous_page_uri: null, start: 0, uri };
  }

  #resource(m: StandInMessage): Record<string, unknown> {
    const uri = `/2010-04-01/Accounts/${this.accountSid}/Messages/${m.sid}.json`;
    return {
      account_sid: this.accountSid,
      api_version: '2010-04-01',
      body: m.body,
      date_created: rfc2822(m.dateCreated),
      date_sent: null,
      date_updated: rfc2822(new Date()),
      direction: 'outbound-api',
      error_code: m.errorCode,
      error_message: null,
      from: m.from,
      messaging_service_sid: m.messagingServiceSid,
      num_media: '0',
      num_segments: String(m.numSegments),
      price: null,
      price_unit: 'USD',
      sid: m.sid,
      status: m.status,
      subresource_uris: { media: `/2010-04-01/Accounts/${this.accountSid}/Messages/${m.sid}/Media.json` },
      to: m.to,
      uri,
    };
  }

  #track(p: Promise<void>): void {
    this.#pending.add(p);
    void p.finally(() => this.#pending.delete(p));
  }

  /** Moves the message along (`sent`, then `delivered`; or the failure asked for), posting each status to its callback. */
  async #deliver(m: StandInMessage): Promise<void> {
    const failing = this.#failing.get(m.to);
    const steps: { status: string; errorCode?: number }[] = !failing
      ? [{ status: 'sent' }, { status: 'delivered' }]
      : failing.status === 'failed'
        ? [{ status: 'failed', errorCode: failing.errorCode }]
        : [{ status: 'sent' }, { status: 'undelivered', errorCode: failing.errorCode }];
    for (const step of steps) {
      await new Promise((resolve) => setTimeout(resolve, this.#callbackDelayMs));
      m.status = step.status;
      m.from ??= TWILIO_NUMBER;
      if (step.errorCode !== undefined) m.errorCode = step.errorCode;
      if (!m.statusCallback || this.#closed) continue;
      const params: Record<string, string> = {
        AccountSid: this.accountSid,
        ApiVersion: '2010-04-01',
        From: m.from,
        MessageSid: m.sid,
        MessageStatus: step.status,
        SmsSid: m.sid,
        SmsStatus: step.status,
        To: m.to,
        ...(m.messagingServiceSid ? { MessagingServiceSid: m.messagingServiceSid } : {}),
        ...(step.errorCode !== undefined ? { ErrorCode: String(step.errorCode) } : {}),
      };
      this.callbacks.push(await this.post(m.statusCallback, params));
    }
  }
}
