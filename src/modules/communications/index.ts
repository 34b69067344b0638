import { Type } from 'typebox';
import type { TenantInfo } from '../../kernel/context.js';
import type { MailQueue } from '../../kernel/mail/queue.js';
import type { MemberAccounts } from '../../kernel/member-accounts.js';
import { defineModule, type ModuleManifest } from '../../kernel/modules/manifest.js';
import type { SmsSender } from '../../kernel/sms/sms.js';
import { MAIL_BOUNCED, MAIL_SENT } from '../mail/index.js';
import { communicationsErrors } from './communications.errors.js';
import { MessageLinks } from './communications.links.js';
import { communicationsRoutes } from './communications.routes.js';
import { ANNOUNCEMENT_RELEASED, CommunicationsService, type AnnouncementReleasedData } from './communications.service.js';
import { ConsentService } from './consent.service.js';
import { mailOutcomes, release, SMS_QUEUED, type SmsQueuedData } from './delivery.js';
import { sendSms } from './sms-delivery.js';

export interface CommunicationsOptions {
  mail: MailQueue;
  sms: SmsSender;
  accounts: MemberAccounts;
  /** The platform secret unsubscribe and open links are signed with (a key derived from it). */
  linkSecret: string;
  tenantUrl(tenant: TenantInfo): string;
  /** TWILIO_AUTH_TOKEN: checks the signature of Twilio's callbacks (null: SMS go to files). */
  twilioAuthToken: string | null;
  now?: () => Date;
}

const Released = Type.Object({ announcementId: Type.String({ format: 'uuid' }), at: Type.String({ format: 'date-time' }) });
const SmsQueued = Type.Object({ announcementId: Type.String({ format: 'uuid' }), memberId: Type.String({ format: 'uuid' }) });

/** The `communications` module: announcements to segments, by the portal's news feed, e-mail and SMS. */
export function communicationsModule(options: CommunicationsOptions): ModuleManifest {
  const links = new MessageLinks(options.linkSecret);
  const service = new CommunicationsService({ accounts: options.accounts, now: options.now });
  const consent = new ConsentService({ links, tenantUrl: options.tenantUrl, twilioAuthToken: options.twilioAuthToken, now: options.now });
  const delivery = { service, consent, mail: options.mail, accounts: options.accounts, links };
  const sms = { consent, sender: options.sms };
  return defineModule({
    key: 'communications',
    name: 'Communications',
    description: 'Announcements to saved segments of members: the portal\'s news feed, e-mail and SMS, with opt-outs, bounces and delivery totals.',
    // Finance, leases and documents are read when a segment or an attachment names them; a tenant without them simply has none.
    dependencies: ['core', 'members', 'properties', 'occupancy'],
    includedIn: 'all',
    permissions: [
      { key: 'communications.read', description: 'See announcements, segments and who received what' },
      { key: 'communications.write', description: 'Draft, schedule and send announcements; keep segments; set open tracking and quiet hours' },
      { key: 'communications.read.own', description: 'Read the announcements sent to one (the portal\'s news feed)' },
    ],
    defaultGrants: {
      manager: ['communications.read', 'communications.write'],
      staff: ['communications.read', 'communications.write'],
      member: ['communications.read.own'],
    },
    migrations: new URL('./migrations/', import.meta.url),
    errors: communicationsErrors,
    events: [
      { type: ANNOUNCEMENT_RELEASED, version: 1, description: 'An announcement was sent now or scheduled; a worker delivers it when its time comes.', data: Released },
      { type: SMS_QUEUED, version: 1, description: 'An announcement\'s SMS to one member was queued; a worker sends it (outside quiet hours).', data: SmsQueued },
    ],
    jobs: [
      {
        name: 'communications.release',
        retry: { limit: 8, delaySeconds: 5 },
        handler: async (job, ctx) => {
          const data = job.data as { tenantId: string; announcementId: string };
          await release(delivery, data.tenantId, data.announcementId, ctx);
        },
      },
      {
        name: 'communications.sms',
        retry: { limit: 8, delaySeconds: 30 },
        concurrency: 8,
        handler: async (job, ctx) => {
          const data = job.data as { tenantId: string } & SmsQueuedData;
          await sendSms(sms, data.tenantId, data.announcementId, data.memberId, ctx);
        },
      },
    ],
    subscribers: [
      {
        name: 'communications.deliver',
        events: [ANNOUNCEMENT_RELEASED],
        leaseSeconds: 3600,
        async handle(event, ctx) {
          const data = event.data as AnnouncementReleasedData;
          if (event.tenantId) await release(delivery, event.tenantId, data.announcementId, ctx);
        },
      },
      {
        name: 'communications.sms',
        events: [SMS_QUEUED],
        async handle(event, ctx) {
          const data = event.data as SmsQueuedData;
          if (event.tenantId) await sendSms(sms, event.tenantId, data.announcementId, data.memberId, ctx);
        },
      },
      {
        name: 'communications.mail-outcome',
        events: [MAIL_SENT, MAIL_BOUNCED],
        leaseSeconds: 120,
        handle: (event, ctx) => mailOutcomes([event], ctx),
        // An announcement to thousands brings thousands of outcomes: a run takes many at once.
        batch: { size: 200, handle: mailOutcomes },
      },
    ],
    routes: (app) => communicationsRoutes(app, service, consent),
  });
}
