import { Type } from 'typebox';
import type { TenantInfo } from '../../kernel/context.js';
import { SMTP_CONNECTIONS } from '../../kernel/mail/mailer.js';
import type { MailQueue } from '../../kernel/mail/queue.js';
import { retentionJob } from '../../kernel/jobs/retention.js';
import { defineModule, type ModuleManifest } from '../../kernel/modules/manifest.js';
import { MailRepository } from './mail.repository.js';
import { mailRoutes } from './mail.routes.js';
import { MAIL_BOUNCED, MAIL_QUEUED, MAIL_SENT, MailService, type MailDeps, type MailQueuedData } from './mail.service.js';
import { mailErrors } from './mail.errors.js';

export { MAIL_BOUNCED, MAIL_QUEUED, MAIL_SENT, type MailOutcomeData, type MailQueuedData } from './mail.service.js';

/**
 * A tenant's web address for links in messages: `https://{slug}.{base domain}`, or on a
 * `localhost` base domain `http://{slug}.localhost:{port}` (development).
 */
export function tenantUrlFor(baseDomain: string, port: number): (tenant: Pick<TenantInfo, 'slug'>) => string {
  return (tenant) => (baseDomain === 'localhost' ? `http://${tenant.slug}.localhost:${port}` : `https://${tenant.slug}.${baseDomain}`);
}

/**
 * The `mail` module: outgoing e-mail (queued in the request, sent by a worker), the delivery
 * log and per-tenant templates. Always licensed: account e-mail (invitations, password
 * resets) must reach every tenant's users whatever its plan.
 */
export function createMailModule(deps: MailDeps): { module: ModuleManifest; queue: MailQueue; service: MailService } {
  const service = new MailService(deps);
  const module = defineModule({
    key: 'mail',
    name: 'E-mail',
    description: 'Outgoing e-mail: templates with the tenant’s branding, sending from workers, the delivery log.',
    dependencies: [],
    alwaysLicensed: true,
    permissions: [
      { key: 'mail.read', description: 'See the e-mail delivery log and templates' },
      { key: 'mail.write', description: 'Send failed e-mail again' },
      { key: 'mail.templates.write', description: 'Replace e-mail templates with the tenant’s own, or go back to the defaults' },
    ],
    defaultGrants: { manager: ['mail.read', 'mail.write', 'mail.templates.write'] },
    migrations: new URL('./migrations/', import.meta.url),
    errors: mailErrors,
    events: [
      {
        type: MAIL_QUEUED,
        version: 1,
        description: 'An e-mail was queued; a worker renders and sends it.',
        data: Type.Object({ messageId: Type.String({ format: 'uuid' }), kind: Type.String() }),
      },
      {
        type: MAIL_SENT,
        version: 1,
        description: 'A message sent to many (an announcement) was accepted by the SMTP server.',
        data: Type.Object({ messageId: Type.String({ format: 'uuid' }), kind: Type.String(), reason: Type.Null() }),
      },
      {
        type: MAIL_BOUNCED,
        version: 1,
        description: 'A message sent to many (an announcement) was refused for good: the address bounced.',
        data: Type.Object({ messageId: Type.String({ format: 'uuid' }), kind: Type.String(), reason: Type.String() }),
      },
    ],
    jobs: [retentionJob({ name: 'mail.prune', cron: '50 2 * * *', days: deps.retentionDays, prune: (db, cutoff, limit) => new MailRepository(db).pruneFinished(cutoff, limit) })],
    subscribers: [
      {
        name: 'mail.send',
        events: [MAIL_QUEUED],
        // Each run mostly waits on the SMTP server: as many as its pooled connections.
        concurrency: SMTP_CONNECTIONS,
        async handle(event, ctx) {
          const data = event.data as Partial<MailQueuedData>;
          if (!event.tenantId || typeof data.messageId !== 'string') {
            ctx.log.warn({ event: event.id }, 'mail.queued without a tenant or message id: ignored');
            return;
          }
          await service.deliver(event.tenantId, data.messageId, ctx);
        },
      },
    ],
    routes: (app) => mailRoutes(app, service),
  });
  return { module, queue: service, service };
}
