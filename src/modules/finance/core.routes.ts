import type { EventDefinition } from '../../kernel/events/event.js';
import type { HttpApp } from '../../kernel/http/app.js';
import type { JobDefinition } from '../../kernel/jobs/job.js';
import type { FinanceOptions } from './options.js';

export const coreEvents: EventDefinition[] = [];
export const coreJobs = (_options: FinanceOptions): JobDefinition[] => [];

export function coreRoutes(_app: HttpApp, _options: FinanceOptions): void {}
