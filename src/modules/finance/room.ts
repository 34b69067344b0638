import type { EventDefinition } from '../../kernel/events/event.js';
import type { HttpApp } from '../../kernel/http/app.js';
import type { EventSubscriber, JobDefinition } from '../../kernel/jobs/job.js';

/**
 * One room of the finance module (ledger, billing, bank import, ...): what it adds to the
 * module's manifest. Rooms reach each other only through a room's `index.ts`.
 */
export interface FinanceRoom {
  events: EventDefinition[];
  jobs: JobDefinition[];
  subscribers: EventSubscriber[];
  routes(app: HttpApp): void;
}
