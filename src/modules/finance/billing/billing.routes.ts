import { Type } from 'typebox';
import type { EventDefinition } from '../../../kernel/events/event.js';
import type { HttpApp } from '../../../kernel/http/app.js';
import { IdParams } from '../../../kernel/http/schemas.js';
import type { EventSubscriber, JobDefinition } from '../../../kernel/jobs/job.js';
import { billingRunJob, billingRunQueued, lateFeesJob } from './billing.jobs.js';
import {
  BillingPreview, BillingRun, BillingRunPage, CreateSchedule, ListBillingRunsQuery, ListRunItemsQuery, ListSchedulesQuery, RunItemPage, Schedule, SchedulePage,
  StartBillingRun, UpdateSchedule,
} from './billing.schemas.js';
import { getRun, listRunItems, listRuns, previewRun, RUN_COMPLETED, RUN_FAILED, RUN_QUEUED, startRun, type BillingTuning } from './billing.service.js';
import { LateFeeRule, PutLateFeeRule } from './late-fees.schemas.js';
import { getLateFeeRule, LATE_FEE_RULE_UPDATED, putLateFeeRule } from './late-fees.service.js';
import type { FinanceOptions } from '../options.js';
import { createSchedule, deleteSchedule, getSchedule, listSchedules, updateSchedule } from './schedules.service.js';

const module = 'finance';
const tags = ['finance'];
const read = { module, permission: 'finance.read' };
const write = { module, permission: 'finance.write' };

export const billingEvents: EventDefinition[] = [
  { type: 'billing_schedule.created', version: 1, description: 'A billing schedule (levy or rent) was added; data is the schedule.' },
  { type: 'billing_schedule.updated', version: 1, description: 'A billing schedule changed; data is the schedule and the names of the changed fields.' },
  { type: 'billing_schedule.deleted', version: 1, description: 'A billing schedule was removed (its charges stay); data is {id}.' },
  { type: RUN_QUEUED, version: 1, description: 'A billing run was queued; a worker carries it out. Data is {id, period, scheduleIds}.' },
  { type: RUN_COMPLETED, version: 1, description: 'A billing run made every charge of its plan; data is the run with its counts (created, existing, skipped …).' },
  {
    type: RUN_FAILED,
    version: 1,
    description: 'A billing run ended with charges the database refused, or could not be carried out; data is the run with its counts and errors. The charges it did make stay; a new run of the month makes the rest.',
  },
  { type: LATE_FEE_RULE_UPDATED, version: 1, description: 'The tenant’s late-fee rule was set; data is the rule.' },
];

/** Test seams of billing runs, beside the platform's finance options. */
export type BillingOptions = FinanceOptions & { billing?: BillingTuning };

export const billingJobs = (options: BillingOptions): JobDefinition[] => [billingRunJob(options.billing), lateFeesJob];

export const billingSubscribers = (_options: FinanceOptions): EventSubscriber[] => [billingRunQueued];

export function billingRoutes(app: HttpApp, _options: FinanceOptions): void {
  app.get('/finance/schedules', {
    config: { access: read },
    schema: { operationId: 'finance.schedules.list', tags, summary: 'List billing schedules by name (cursor-paginated; filter by kind, property, active)', querystring: ListSchedulesQuery, response: { 200: SchedulePage } },
  }, (req) => listSchedules(req.ctx, req.query as typeof req.query & { limit: number }));

  app.post('/finance/schedules', {
    config: { access: write },
    schema: { operationId: 'finance.schedules.create', tags, summary: 'Add a billing schedule: a levy split over a property’s units, or rent from leases', body: CreateSchedule, response: { 201: Schedule } },
  }, async (req, reply) => {
    reply.code(201);
    return createSchedule(req.ctx, req.body);
  });

  app.get('/finance/schedules/:id', {
    config: { access: read },
    schema: { operationId: 'finance.schedules.get', tags, summary: 'One billing schedule', params: IdParams, response: { 200: Schedule } },
  }, (req) => getSchedule(req.ctx, req.params.id));

  app.patch('/finance/schedules/:id', {
    config: { access: write },
    schema: { operationId: 'finance.schedules.update', tags, summary: 'Change a billing schedule (for runs from now on)', params: IdParams, body: UpdateSchedule, response: { 200: Schedule } },
  }, (req) => updateSchedule(req.ctx, req.params.id, req.body));

  app.delete('/finance/schedules/:id', {
    config: { access: write },
    schema: { operationId: 'finance.schedules.delete', tags, summary: 'Remove a billing schedule (the charges it made stay)', params: IdParams, response: { 204: Type.Null() } },
  }, async (req, reply) => {
    await deleteSchedule(req.ctx, req.params.id);
    reply.code(204);
    return null;
  });

  app.post('/finance/billing-runs', {
    config: { access: write },
    schema: {
      operationId: 'finance.billingRuns.start',
      tags,
      summary: 'Bill a month: dryRun true answers what it would charge and skip (writing nothing); false queues the run (202)',
      body: StartBillingRun,
      response: { 200: BillingPreview, 202: BillingRun },
    },
  }, async (req, reply) => {
    if (req.body.dryRun) return previewRun(req.ctx, req.body);
    const run = await startRun(req.ctx, req.body);
    reply.code(202);
    return run;
  });

  app.get('/finance/billing-runs', {
    config: { access: read },
    schema: { operationId: 'finance.billingRuns.list', tags, summary: 'List billing runs, newest first (cursor-paginated; filter by period, status)', querystring: ListBillingRunsQuery, response: { 200: BillingRunPage } },
  }, (req) => listRuns(req.ctx, req.query as typeof req.query & { limit: number }));

  app.get('/finance/billing-runs/:id', {
    config: { access: read },
    schema: { operationId: 'finance.billingRuns.get', tags, summary: 'One billing run: its status, counts and errors', params: IdParams, response: { 200: BillingRun } },
  }, (req) => getRun(req.ctx, req.params.id));

  app.get('/finance/billing-runs/:id/items', {
    config: { access: read },
    schema: {
      operationId: 'finance.billingRuns.items',
      tags,
      summary: 'A billing run’s items in plan order: the charges it made (with their ids) and the lines it skipped, with why (cursor-paginated; filter by status)',
      params: IdParams,
      querystring: ListRunItemsQuery,
      response: { 200: RunItemPage },
    },
  }, (req) => listRunItems(req.ctx, req.params.id, req.query as typeof req.query & { limit: number }));

  app.get('/finance/late-fee-rule', {
    config: { access: read },
    schema: { operationId: 'finance.lateFeeRule.get', tags, summary: 'The tenant’s late-fee rule (disabled until set)', response: { 200: LateFeeRule } },
  }, (req) => getLateFeeRule(req.ctx));

  app.put('/finance/late-fee-rule', {
    config: { access: write },
    schema: { operationId: 'finance.lateFeeRule.replace', tags, summary: 'Set the tenant’s late-fee rule', body: PutLateFeeRule, response: { 200: LateFeeRule } },
  }, (req) => putLateFeeRule(req.ctx, req.body));
}
