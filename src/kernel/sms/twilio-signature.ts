import { createHmac, timingSafeEqual } from 'node:crypto';
import type { SmsStatus } from './sms.js';

/**
 * What Twilio posts to us: status callbacks of the messages we sent and the messages people
 * send to our number, form-encoded and signed in `X-Twilio-Signature`
 * (https://www.twilio.com/docs/usage/security#validating-requests).
 */

/** A form's parameters: parsed (`URLSearchParams`, or an object whose repeated names hold arrays). */
export type TwilioParams = URLSearchParams | Readonly<Record<string, string | readonly string[] | undefined>>;

function entries(params: TwilioParams): Map<string, string[]> {
  const map = new Map<string, string[]>();
  const add = (k: string, v: string) => map.set(k, [...(map.get(k) ?? []), v]);
  if (params instanceof URLSearchParams) for (const [k, v] of params) add(k, v);
  else for (const [k, v] of Object.entries(params)) for (const one of v === undefined ? [] : typeof v === 'string' ? [v] : v) add(k, one);
  return map;
}

const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Twilio's signature of a request: the full URL Twilio was given (scheme, host, port if any,
 * path and query), then every POST parameter's name and value, no separators, in the order
 * of the names (case-sensitive); HMAC-SHA1 keyed with the auth token, in base64. A name given
 * more than once contributes each of its values, sorted, as Twilio's Python library does
 * (Twilio's message webhooks repeat no name).
 */
export function twilioSignature(authToken: string, url: string, params: TwilioParams = {}): string {
  let data = url;
  const map = entries(params);
  for (const name of [...map.keys()].sort(byCodeUnit)) for (const value of map.get(name)!.sort(byCodeUnit)) data += name + value;
  return createHmac('sha1', authToken).update(data, 'utf8').digest('base64');
}

/**
 * The URL with its port written out and without it: Twilio signs the URL as it was configured,
 * and its products differ on whether `:443` is in it, so its libraries accept either.
 */
function portVariants(url: string): string[] {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return [url];
  }
  const defaultPort = u.protocol === 'https:' ? '443' : u.protocol === 'http:' ? '80' : '';
  if (!defaultPort) return [url];
  const auth = u.username ? `${u.username}${u.password ? `:${u.password}` : ''}@` : '';
  const rest = `${u.pathname}${u.search}${u.hash}`;
  const withPort = `${u.protocol}//${auth}${u.hostname}:${u.port || defaultPort}${rest}`;
  const withoutPort = `${u.protocol}//${auth}${u.hostname}${rest}`;
  return [...new Set([url, withPort, withoutPort])];
}

/**
 * Whether `header` (the request's `X-Twilio-Signature`) is Twilio's signature of this URL and
 * these parameters; compared in constant time. `url` is the URL Twilio called, exactly as it
 * was configured there (behind a proxy, rebuild it from the public address, not from what the
 * proxy forwards). A missing header is refused.
 */
export function verifyTwilioSignature(authToken: string, url: string, params: TwilioParams, header: string | readonly string[] | undefined): boolean {
  if (typeof header !== 'string' || header.length === 0) return false;
  const given = Buffer.from(header, 'utf8');
  let ok = false;
  for (const candidate of portVariants(url)) {
    const expected = Buffer.from(twilioSignature(authToken, candidate, params), 'utf8');
    // Every variant is compared, whatever matched before, so the time does not tell which did.
    if (expected.length === given.length && timingSafeEqual(expected, given)) ok = true;
  }
  return ok;
}

const STATUSES: Readonly<Record<string, SmsStatus>> = {
  accepted: 'queued',
  scheduled: 'queued',
  queued: 'queued',
  sending: 'queued',
  sent: 'sent',
  delivered: 'delivered',
  read: 'delivered',
  failed: 'failed',
  undelivered: 'failed',
  canceled: 'failed',
};

/** Our status for a Twilio message status (`accepted`, `sending`, `undelivered`, ...); `null` for one that is not an outgoing message's. */
export function smsStatusOf(twilioStatus: string | undefined | null): SmsStatus | null {
  return (twilioStatus && Object.hasOwn(STATUSES, twilioStatus) ? STATUSES[twilioStatus] : undefined) ?? null;
}

export interface SmsStatusCallback {
  /** Twilio's sid of the message (`SM…`), as `send` returned it. */
  providerId: string;
  status: SmsStatus;
  /** Twilio's error code when the message failed (30003 unreachable, 30005 unknown number, 30007 filtered, ...). */
  errorCode?: number;
}

const first = (map: Map<string, string[]>, name: string) => map.get(name)?.[0];

/**
 * A status callback's news, from its (verified) parameters. Throws when it is not one: no
 * `MessageSid`, or a status that is not an outgoing message's. Twilio does not promise the
 * callbacks arrive in order: a `sent` may come after the `delivered`.
 */
export function parseStatusCallback(params: TwilioParams): SmsStatusCallback {
  const map = entries(params);
  const providerId = first(map, 'MessageSid') ?? first(map, 'SmsSid');
  const raw = first(map, 'MessageStatus') ?? first(map, 'SmsStatus');
  if (!providerId) throw new Error('not a Twilio status callback: no MessageSid');
  const status = smsStatusOf(raw);
  if (!status) throw new Error(`not a Twilio status callback: unknown MessageStatus ${JSON.stringify(raw ?? null)}`);
  const code = first(map, 'ErrorCode');
  return { providerId, status, ...(code && /^\d+$/.test(code) ? { errorCode: Number(code) } : {}) };
}

export type SmsKeyword = 'stop' | 'start' | 'help';

/** Twilio's default keywords (https://help.twilio.com/articles/223134027). */
const KEYWORDS: Readonly<Record<string, SmsKeyword>> = {
  STOP: 'stop',
  STOPALL: 'stop',
  UNSUBSCRIBE: 'stop',
  CANCEL: 'stop',
  END: 'stop',
  QUIT: 'stop',
  REVOKE: 'stop',
  OPTOUT: 'stop',
  START: 'start',
  UNSTOP: 'start',
  YES: 'start',
  HELP: 'help',
  INFO: 'help',
};

/** The keyword a message is, if it is one: the whole message, trimmed, in any case. "Stop texting me" is none. */
export function smsKeyword(body: string): SmsKeyword | null {
  const word = body.trim().toUpperCase();
  return Object.hasOwn(KEYWORDS, word) ? KEYWORDS[word]! : null;
}

export interface InboundSms {
  /** Twilio's sid of the incoming message (`SM…`): Twilio may post the same one again. */
  providerId: string;
  /** Who wrote, in E.164. */
  from: string;
  /** Which of our numbers they wrote to. */
  to: string;
  body: string;
  keyword: SmsKeyword | null;
}

/**
 * An incoming message, from its (verified) webhook parameters. Its keyword is Twilio's when
 * Twilio names one (`OptOutType`, sent when a Messaging Service has Advanced Opt-Out, whose
 * keywords can be customised), otherwise ours from the default list. Throws when `From` or
 * `To` is missing.
 */
export function parseInbound(params: TwilioParams): InboundSms {
  const map = entries(params);
  const from = first(map, 'From');
  const to = first(map, 'To');
  if (!from || !to) throw new Error('not a Twilio incoming message: no From or To');
  const body = first(map, 'Body') ?? '';
  const optOutType = first(map, 'OptOutType')?.toLowerCase();
  const keyword = optOutType === 'stop' || optOutType === 'start' || optOutType === 'help' ? optOutType : smsKeyword(body);
  return { providerId: first(map, 'MessageSid') ?? first(map, 'SmsSid') ?? '', from, to, body, keyword };
}
