import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import nodemailer, { type Transporter } from 'nodemailer';

/** One e-mail, rendered and addressed: what a transport sends. */
export interface OutgoingMail {
  /** Our id of the message (a UUID): names the `.eml` file and makes the Message-ID. */
  id: string;
  /** RFC 5322 Message-ID, angle brackets included; stable across retries of one message. */
  messageId: string;
  from: { name: string; address: string };
  replyTo?: string;
  to: { name: string; address: string };
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
  /** Files sent with it (an invoice's PDF). */
  attachments?: { filename: string; content: Buffer; contentType: string }[];
}

export interface SentMail {
  transport: 'smtp' | 'file';
  /** The SMTP server's last reply, or where the file was written. */
  response: string;
}

/**
 * A message the transport could not send. `permanent` when the server refused it for good
 * (5xx, except 503): retrying the same message will not help. Otherwise (4xx, network,
 * timeout) a later attempt may succeed.
 */
export class MailDeliveryError extends Error {
  constructor(message: string, readonly permanent: boolean, readonly responseCode?: number) {
    super(message);
    this.name = 'MailDeliveryError';
  }
}

/** Sends e-mail. Implementations: SMTP (nodemailer), or `.eml` files when no SMTP server is configured. */
export interface Mailer {
  readonly kind: 'smtp' | 'file';
  send(mail: OutgoingMail): Promise<SentMail>;
  close(): void;
}

const envelopeOf = (mail: OutgoingMail) => ({
  messageId: mail.messageId,
  from: mail.from,
  ...(mail.replyTo ? { replyTo: mail.replyTo } : {}),
  to: mail.to,
  subject: mail.subject,
  text: mail.text,
  html: mail.html,
  headers: mail.headers ?? {},
  ...(mail.attachments ? { attachments: mail.attachments } : {}),
  // Ours are UTF-8 strings; nodemailer picks quoted-printable or base64 per part.
  textEncoding: 'quoted-printable' as const,
});

/** Open connections to the SMTP server at most, per process: as many as the mail workers that share them. */
export const SMTP_CONNECTIONS = 8;

/** Delivers to an SMTP server given as a URL (`smtp://user:pass@host:587`, `smtps://...`). */
export class SmtpMailer implements Mailer {
  readonly kind = 'smtp';
  readonly #transport: Transporter;

  constructor(url: string, timeouts: { connectionMs?: number; socketMs?: number } = {}) {
    // nodemailer reads the URL: host, port, credentials, `smtps:` for implicit TLS, and
    // options in the query (`?tls.rejectUnauthorized=false`, `?requireTLS=true`).
    // Pooled: a bulk send (an announcement to thousands) reuses a few open connections rather
    // than a TCP and TLS handshake and a greeting per message; each message still gets its own
    // answer (a refused recipient fails that message alone).
    this.#transport = nodemailer.createTransport({
      url,
      pool: true,
      maxConnections: SMTP_CONNECTIONS,
      maxMessages: 500,
      connectionTimeout: timeouts.connectionMs ?? 10_000,
      greetingTimeout: timeouts.connectionMs ?? 10_000,
      socketTimeout: timeouts.socketMs ?? 30_000,
    } as never);
  }

  async send(mail: OutgoingMail): Promise<SentMail> {
    try {
      const info = (await this.#transport.sendMail(envelopeOf(mail))) as { response?: string };
      return { transport: 'smtp', response: String(info.response ?? 'accepted') };
    } catch (error) {
      const e = error as Error & { permanent?: boolean; responseCode?: number };
      throw new MailDeliveryError(e.message, e.permanent === true, e.responseCode);
    }
  }

  close(): void {
    this.#transport.close();
  }
}

/**
 * The embedded default: each message is composed exactly as it would be sent (same MIME) and
 * written to `<dir>/<id>.eml`, then logged. Writing the same message again replaces the file.
 */
export class FileMailer implements Mailer {
  readonly kind = 'file';
  readonly #transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });

  constructor(private readonly dir: string, private readonly log: FastifyBaseLogger) {}

  async send(mail: OutgoingMail): Promise<SentMail> {
    if (!/^[0-9a-f-]{36}$/i.test(mail.id)) throw new MailDeliveryError(`not a message id: ${mail.id}`, true);
    const info = (await this.#transport.sendMail(envelopeOf(mail))) as { message: Buffer };
    await mkdir(this.dir, { recursive: true });
    const file = join(this.dir, `${mail.id}.eml`);
    const partial = `${file}.${process.pid}.tmp`;
    await writeFile(partial, info.message);
    await rename(partial, file);
    this.log.info({ mail: mail.id, subject: mail.subject, file }, 'no SMTP_URL: e-mail written to a file');
    return { transport: 'file', response: file };
  }

  close(): void {
    this.#transport.close();
  }
}

/** SMTP when `smtpUrl` is set, `.eml` files under `<dataDir>/mail` otherwise. */
export function createMailer(options: { smtpUrl?: string; dataDir: string; log: FastifyBaseLogger }): Mailer {
  return options.smtpUrl ? new SmtpMailer(options.smtpUrl) : new FileMailer(join(options.dataDir, 'mail'), options.log);
}
