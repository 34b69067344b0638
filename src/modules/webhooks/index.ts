import { retentionJob } from '../../kernel/jobs/retention.js';
import { defineModule, type ModuleManifest } from '../../kernel/modules/manifest.js';
import { webhookEvents } from './webhooks.events.js';
import { webhooksRoutes } from './webhooks.routes.js';
import { WebhooksRepository } from './webhooks.repository.js';
import { EndpointSecrets } from './webhooks.secrets.js';
import { WebhooksService } from './webhooks.service.js';
import { webhookWorkers, type WorkerOptions } from './webhooks.worker.js';
import { webhooksErrors } from './webhooks.errors.js';

export { DELIVER_BATCH, DELIVER_JOB, FAN_OUT_SUBSCRIBER, webhookWorkers, type DeliverJobData, type WorkerOptions } from './webhooks.worker.js';
export { EndpointSecrets } from './webhooks.secrets.js';
export { DELIVERY_REQUESTED_EVENT, ENDPOINT_DISABLED_EVENT, TEST_EVENT } from './webhooks.events.js';

export interface WebhooksModuleOptions extends WorkerOptions {
  /** Seals endpoint signing secrets at rest (webhooks.secrets.ts). */
  sealingSecret: string;
  /** Days a finished delivery is kept. */
  retentionDays: number;
}

/** The `webhooks` module: tenant endpoints that receive the tenant's events, signed per Standard Webhooks. */
export function webhooksModule(options: WebhooksModuleOptions): ModuleManifest {
  const secrets = new EndpointSecrets(options.sealingSecret);
  const service = new WebhooksService(options, secrets);
  const workers = webhookWorkers(options, secrets);
  return defineModule({
    key: 'webhooks',
    name: 'Webhooks',
    description: "Signed HTTP callbacks of the tenant's events to its other systems, retried and recorded.",
    dependencies: ['core', 'events'],
    includedIn: ['standard', 'enterprise'],
    permissions: [
      { key: 'webhooks.read', description: 'See webhook endpoints and their delivery history' },
      { key: 'webhooks.write', description: 'Register, change and remove webhook endpoints, rotate their secrets, send tests and retry deliveries' },
    ],
    defaultGrants: { manager: ['webhooks.read', 'webhooks.write'], staff: ['webhooks.read'] },
    migrations: new URL('./migrations/', import.meta.url),
    errors: webhooksErrors,
    routes: (app) => webhooksRoutes(app, service),
    events: webhookEvents,
    jobs: [
      workers.deliver,
      retentionJob({ name: 'webhooks.prune', cron: '40 2 * * *', days: options.retentionDays, prune: (db, cutoff, limit) => new WebhooksRepository(db).pruneFinished(cutoff, limit) }),
    ],
    subscribers: [workers.fanOut],
  });
}
