import type { Db } from '../../kernel/db/tables.js';
import type { EventSubscriber, JobDefinition, JobQueue } from '../../kernel/jobs/job.js';
import type { Resolver } from '../../kernel/webhooks/ssrf.js';
import { WebhookSender } from '../../kernel/webhooks/sender.js';
import { controlEvents } from '../events.js';
import { deliverJob, fanOutSubscriber, pruneJob } from './webhooks.delivery.js';
import { OperatorWebhookSecrets } from './webhooks.secrets.js';
import { OperatorWebhooks } from './webhooks.service.js';

export interface OperatorWebhooksOptions {
  db: Db;
  /** Seals the endpoints' signing secrets (the platform's token secret). */
  sealingSecret: string;
  /** COURTYARD_WEBHOOKS_ALLOW_PRIVATE, as for tenants' webhooks. */
  allowPrivate: boolean;
  endpointConcurrency: number;
  retentionDays: number;
  /** The job queue, once it exists (it is built with the jobs this answers). */
  queue: () => JobQueue;
  now: () => Date;
  resolve?: Resolver;
}

/**
 * The operator's webhooks put together: the service the routes use, the fan-out subscriber on
 * the control plane's events, the delivery and pruning jobs, and the sender (its own
 * connection pools, apart from the tenants') to close at shutdown.
 */
export function operatorWebhooks(o: OperatorWebhooksOptions): { service: OperatorWebhooks; jobs: JobDefinition[]; subscribers: EventSubscriber[]; close(): Promise<void> } {
  const sender = new WebhookSender({ allowPrivate: o.allowPrivate, endpointConcurrency: o.endpointConcurrency, resolve: o.resolve });
  const secrets = new OperatorWebhookSecrets(o.sealingSecret);
  const deps = { db: o.db, sender, secrets, eventTypes: controlEvents.map((e) => e.type), retentionDays: o.retentionDays };
  const queue: JobQueue = { send: (name, data, options) => o.queue().send(name, data, options) };
  return {
    service: new OperatorWebhooks({ secrets, policy: { allowPrivate: o.allowPrivate, resolve: o.resolve }, queue, now: o.now }),
    jobs: [deliverJob(deps) as JobDefinition, pruneJob(deps)],
    subscribers: [fanOutSubscriber(deps)],
    close: () => sender.close(),
  };
}
