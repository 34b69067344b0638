import { smsParts } from './sms-parts.js';
import { SmsDeliveryError, type OutgoingSms, type SentSms, type SmsSender } from './sms.js';
import { smsStatusOf } from './twilio-signature.js';

export interface TwilioOptions {
  /** The account (`AC…`): in the URL and the user of Basic authentication. */
  accountSid: string;
  /** Its auth token: the password of Basic authentication. Kept in a private field, out of any log. */
  authToken: string;
  /** The account's number SMS are sent from (E.164), and/or */
  from?: string;
  /** a Messaging Service (`MG…`) that picks the number. With both, Twilio sends from `from`, which must be in the service's pool. */
  messagingServiceSid?: string;
  /** Default `https://api.twilio.com`; tests point it at a stand-in. */
  baseUrl?: string;
  /** Milliseconds a request may take, answer included. Default 15 s. */
  timeoutMs?: number;
}

/** Twilio's error answer: `{ code, message, more_info, status }`. */
interface TwilioError {
  code?: number;
  message?: string;
  more_info?: string;
  status?: number;
}

/**
 * Sends through Twilio's Programmable Messaging REST API: one
 * `POST /2010-04-01/Accounts/{AccountSid}/Messages.json` per message, form-encoded, with
 * HTTP Basic authentication. Twilio answers 201 with the Message resource (`sid`, `status`).
 *
 * Errors: a 4xx other than 429 is permanent (21211 invalid To, 21610 the recipient replied
 * STOP, 21614 not a mobile number, 20003 wrong credentials, ...); 429, 5xx, a network failure
 * or the timeout are transient. Twilio's Messages API takes no idempotency key: after a
 * timeout Twilio may have taken the message, and sending it again may deliver it twice.
 */
export class TwilioSmsSender implements SmsSender {
  readonly kind = 'twilio';
  readonly #authorization: string;
  readonly #endpoint: string;
  readonly #from: string | undefined;
  readonly #messagingServiceSid: string | undefined;
  readonly #timeoutMs: number;

  constructor(options: TwilioOptions) {
    if (!options.from && !options.messagingServiceSid) throw new Error('Twilio needs a number to send from or a Messaging Service');
    this.#authorization = `Basic ${Buffer.from(`${options.accountSid}:${options.authToken}`).toString('base64')}`;
    const base = (options.baseUrl ?? 'https://api.twilio.com').replace(/\/+$/, '');
    this.#endpoint = `${base}/2010-04-01/Accounts/${encodeURIComponent(options.accountSid)}/Messages.json`;
    this.#from = options.from;
    this.#messagingServiceSid = options.messagingServiceSid;
    this.#timeoutMs = options.timeoutMs ?? 15_000;
  }

  async send(msg: OutgoingSms): Promise<SentSms> {
    const form = new URLSearchParams({ To: msg.to, Body: msg.body });
    if (this.#from) form.set('From', this.#from);
    if (this.#messagingServiceSid) form.set('MessagingServiceSid', this.#messagingServiceSid);
    if (msg.statusCallbackUrl) form.set('StatusCallback', msg.statusCallbackUrl);

    let response: Response;
    let text: string;
    try {
      response = await fetch(this.#endpoint, {
        method: 'POST',
        headers: { authorization: this.#authorization, 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: form.toString(),
        signal: AbortSignal.timeout(this.#timeoutMs),
      });
      text = await response.text();
    } catch (error) {
      throw new SmsDeliveryError(`Twilio could not be reached: ${describe(error, this.#timeoutMs)}`, false);
    }

    if (response.ok) {
      const resource = parseJson(text) as { sid?: unknown; status?: unknown; num_segments?: unknown } | null;
      if (!resource || typeof resource.sid !== 'string' || !resource.sid) {
        // Twilio said yes: sending again could deliver the message twice, so this is not retried.
        throw new SmsDeliveryError(`Twilio answered ${response.status} without a message sid`, true);
      }
      // A status we do not know yet (Twilio adds some) is still a message Twilio holds.
      // Twilio answers num_segments as a string, "0" while a messaging service has not picked a sender yet.
      const reported = Number(resource.num_segments);
      const segments = Number.isInteger(reported) && reported > 0 ? reported : smsParts(msg.body).parts;
      return { providerId: resource.sid, status: smsStatusOf(typeof resource.status === 'string' ? resource.status : null) ?? 'queued', segments };
    }

    const error = (parseJson(text) ?? {}) as TwilioError;
    const code = typeof error.code === 'number' ? error.code : undefined;
    const permanent = response.status >= 400 && response.status < 500 && response.status !== 429;
    const what = typeof error.message === 'string' && error.message ? error.message : response.statusText || 'no message';
    throw new SmsDeliveryError(`Twilio refused the message: HTTP ${response.status}${code ? `, error ${code}` : ''}: ${what}`, permanent, code);
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

function describe(error: unknown, timeoutMs: number): string {
  const e = error as Error & { cause?: { code?: string; message?: string } };
  if (e?.name === 'TimeoutError') return `no answer within ${timeoutMs} ms`;
  return [e?.message, e?.cause?.code ?? e?.cause?.message].filter(Boolean).join(': ') || String(error);
}
