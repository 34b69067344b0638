import { randomUUID } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import { ConfigError } from '../config.js';
import { smsParts } from './sms-parts.js';
import { TwilioSmsSender } from './twilio.js';

/** One text message, addressed: what a sender sends. */
export interface OutgoingSms {
  /** Our id of the message (a UUID), stable across retries of one message; names the file of the file sender. */
  id: string;
  /** The recipient's number in E.164 (`+14155550100`). */
  to: string;
  body: string;
  /** Where Twilio posts the message's status changes (signed; see twilio-signature.ts). */
  statusCallbackUrl?: string;
}

/**
 * Where a message stands. `queued`: the provider took it; `sent`: handed to the carrier;
 * `delivered`: the handset confirmed it; `failed`: it will not arrive (refused, undeliverable).
 */
export type SmsStatus = 'queued' | 'sent' | 'delivered' | 'failed';

export interface SentSms {
  /** The provider's id of the message: Twilio's `SM…` sid, or the name of the file written. */
  providerId: string;
  status: SmsStatus;
  /** How many parts the carrier sends (and the provider charges): Twilio's `num_segments`, else our count. */
  segments: number;
}

/**
 * A message the provider did not take. `permanent` when it refused this message for good
 * (a 4xx other than 429: an invalid or unsubscribed number, a body too long, wrong
 * credentials): sending it again will not help. Otherwise (429, 5xx, network, timeout) a later
 * attempt may succeed. `code` is Twilio's error code (21211, 21610, ...) when it gave one.
 */
export class SmsDeliveryError extends Error {
  constructor(message: string, readonly permanent: boolean, readonly code?: number) {
    super(message);
    this.name = 'SmsDeliveryError';
  }
}

/** Sends SMS. Implementations: Twilio's REST API, or `.json` files when no Twilio account is configured. */
export interface SmsSender {
  readonly kind: 'twilio' | 'file';
  send(msg: OutgoingSms): Promise<SentSms>;
  close?(): void;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const E164 = /^\+[1-9]\d{6,14}$/;
/** Twilio refuses a body longer than this (error 21617). */
export const MAX_BODY_CHARACTERS = 1600;

/**
 * The development default: each message is written to `<dir>/<id>.json` (aside, then renamed,
 * so a reader never sees half a file) and logged. It refuses what Twilio would refuse outright,
 * with Twilio's codes, so the development path meets the same errors: a `to` not in E.164
 * (21211), an empty body (21602), one over 1600 characters (21617). Nothing calls back: `sent`
 * is the message's last status. Writing the same message again replaces its file.
 */
export class FileSmsSender implements SmsSender {
  readonly kind = 'file';

  constructor(
    private readonly dir: string,
    private readonly log: Pick<FastifyBaseLogger, 'info'>,
    private readonly from: string | null = null,
  ) {}

  async send(msg: OutgoingSms): Promise<SentSms> {
    if (!UUID.test(msg.id)) throw new SmsDeliveryError(`not a message id: ${msg.id}`, true);
    if (!E164.test(msg.to)) throw new SmsDeliveryError(`the 'To' number ${msg.to} is not a valid phone number`, true, 21211);
    if (msg.body.length === 0) throw new SmsDeliveryError('message body is required', true, 21602);
    const parts = smsParts(msg.body);
    if (parts.characters > MAX_BODY_CHARACTERS) throw new SmsDeliveryError(`the message body exceeds the ${MAX_BODY_CHARACTERS} character limit`, true, 21617);
    const name = `${msg.id}.json`;
    const file = join(this.dir, name);
    const record = {
      id: msg.id,
      from: this.from,
      to: msg.to,
      body: msg.body,
      statusCallbackUrl: msg.statusCallbackUrl ?? null,
      encoding: parts.encoding,
      parts: parts.parts,
      writtenAt: new Date().toISOString(),
    };
    await mkdir(this.dir, { recursive: true });
    const partial = `${file}.${process.pid}.${randomUUID()}.tmp`;
    await writeFile(partial, `${JSON.stringify(record, null, 2)}\n`);
    await rename(partial, file);
    // The number and the text stay out of the log, as an e-mail's address does.
    this.log.info({ sms: msg.id, parts: parts.parts, file }, 'no Twilio account: SMS written to a file');
    return { providerId: name, status: 'sent', segments: parts.parts };
  }
}

/** The settings the senders read (a whole `Config` will do). */
export interface SmsSettings {
  twilioAccountSid?: string;
  twilioAuthToken?: string;
  twilioFrom?: string;
  twilioMessagingServiceSid?: string;
  twilioApiUrl?: string;
  dataDir: string;
}

/**
 * Twilio when an account is configured, `.json` files under `<dataDir>/sms` otherwise. A
 * half-configured account (a SID without its token, or no number nor Messaging Service to send
 * from) throws a ConfigError naming what is missing, so start-up stops rather than the first SMS.
 */
export function createSmsSender(options: SmsSettings & { log: Pick<FastifyBaseLogger, 'info'> }): SmsSender {
  const { twilioAccountSid: accountSid, twilioAuthToken: authToken, twilioFrom: from, twilioMessagingServiceSid: messagingServiceSid } = options;
  if (!accountSid && !authToken) return new FileSmsSender(join(options.dataDir, 'sms'), options.log, from ?? null);
  if (!accountSid) throw new ConfigError('TWILIO_ACCOUNT_SID', 'required with TWILIO_AUTH_TOKEN');
  if (!authToken) throw new ConfigError('TWILIO_AUTH_TOKEN', 'required with TWILIO_ACCOUNT_SID');
  if (!from && !messagingServiceSid) throw new ConfigError('TWILIO_FROM', 'set it (or TWILIO_MESSAGING_SERVICE_SID) to send SMS through Twilio');
  return new TwilioSmsSender({ accountSid, authToken, from, messagingServiceSid, baseUrl: options.twilioApiUrl });
}
