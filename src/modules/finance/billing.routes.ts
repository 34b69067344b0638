import type { EventDefinition } from '../../kernel/events/event.js';
import type { HttpApp } from '../../kernel/http/app.js';
import type { JobDefinition } from '../../kernel/jobs/job.js';
import type { FinanceOptions } from './options.js';

export const billingEvents: EventDefinition[] = [];
export const billingJobs = (_options: FinanceOptions): JobDefinition[] => [];

export function billingRoutes(_app: HttpApp, _options: FinanceOptions): void {}
