import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { DomainEvent } from '../src/kernel/events/event.js';
import type { EventSubscriber, JobContext } from '../src/kernel/jobs/job.js';
import { jobContext as tenantJobContext } from '../src/kernel/jobs/job-context.js';
import type { Platform } from '../src/platform.js';
import { testDb, type TestDb } from './test-db.js';

/** A real SMTP server (the `smtp-server` package) on a free local port, keeping what it receives. */
export interface TestSmtp {
  url: string;
  received: { envelope: { from: string; to: string[] }; raw: Buffer; parsed: ParsedMail }[];
  /** Refuse every recipient with this reply until cleared. */
  refuseRecipients: { code: number; message: string } | null;
  close(): Promise<void>;
}

/**
 * `saveTo`: also write each message there as `<n>.eml`, for readers in other processes (the
 * end-to-end files run in workers; the server lives in their global setup). `bounce`: refuse
 * the addresses it matches with 550, as a mailbox that does not exist is refused.
 */
export async function startSmtp(options: { saveTo?: string; bounce?: RegExp } = {}): Promise<TestSmtp> {
  const state: TestSmtp = {
    url: '',
    received: [],
    refuseRecipients: null,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      const refusal = options.bounce?.test(address.address) ? { code: 550, message: 'No such mailbox' } : state.refuseRecipients;
      if (!refusal) return callback();
      const error = new Error(refusal.message) as Error & { responseCode: number };
      error.responseCode = refusal.code;
      return callback(error);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        simpleParser(raw)
          .then((parsed) => {
            state.received.push({
              envelope: { from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address) },
              raw,
              parsed,
            });
            if (!options.saveTo) return callback();
            const file = join(options.saveTo, `${String(state.received.length).padStart(6, '0')}.eml`);
            // Written aside, then renamed: a reader never parses half a message.
            return mkdir(options.saveTo, { recursive: true })
              .then(() => writeFile(`${file}.part`, raw))
              .then(() => rename(`${file}.part`, file))
              .then(() => callback(), (error: Error) => callback(error));
          })
          .catch((error: Error) => callback(error));
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  state.url = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  return state;
}

/**
 * A job context built from the platform's own parts (registry and tenant router), as a
 * worker has it. Until the relay runs in tests, handlers are called with this directly.
 */
export function jobContext(platform: Platform, now: () => Date = () => new Date()): JobContext {
  // The platform's real queue (its workers may be off): a job sent inside a tenant
  // transaction hangs on PGlite here as it would in production.
  return tenantJobContext({ queue: platform.jobs, directory: platform.directory, router: platform.router, log: platform.log, now });
}

/** A transaction of the tenant that sees every table (camelCase), for what no route shows. */
export function tenantTransaction<T>(platform: Platform, tenantId: string, fn: (db: TestDb) => Promise<T>): Promise<T> {
  return jobContext(platform).tenantTransaction(tenantId, (db) => fn(testDb(db)));
}

export function mailSubscriber(platform: Platform): EventSubscriber {
  const subscriber = platform.modules.get('mail')?.subscribers?.find((s) => s.events.includes('mail.queued'));
  if (!subscriber) throw new Error('the mail module has no mail.queued subscriber');
  return subscriber;
}

/** Takes a tenant's outbox rows of the given types out of the outbox, as the relay does, as events. */
export async function takeEvents(platform: Platform, tenantId: string, types: string[]): Promise<DomainEvent[]> {
  const rows = await tenantTransaction(platform, tenantId, (db) =>
    db.deleteFrom('outbox').where('type', 'in', types).returning(['id', 'type', 'tenantId', 'version', 'data', 'occurredAt']).execute(),
  );
  return rows
    .map((r) => ({
      ...r,
      occurredAt: r.occurredAt.toISOString(),
      data: typeof r.data === 'string' ? JSON.parse(r.data) : r.data,
    }))
    .sort((a, b) => a.id.localeCompare(b.id));
}

/** Relays the tenant's waiting `mail.queued` events to the mail module's subscriber; returns them. */
export async function relayMail(platform: Platform, tenantId: string, ctx: JobContext = jobContext(platform)): Promise<DomainEvent[]> {
  const events = await takeEvents(platform, tenantId, ['mail.queued']);
  for (const event of events) await mailSubscriber(platform).handle(event, ctx);
  return events;
}

/** The `.eml` file the file mailer wrote for a message (no SMTP_URL), parsed. */
export async function readMailFile(dataDir: string, messageId: string): Promise<ParsedMail> {
  return simpleParser(await readFile(join(dataDir, 'mail', `${messageId}.eml`)));
}
