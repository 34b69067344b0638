import { addDays, dateIn, todayIn } from '../../../kernel/dates.js';
import type { DomainEvent } from '../../../kernel/events/event.js';
import type { EventSubscriber, Job, JobContext, JobDefinition } from '../../../kernel/jobs/job.js';
import { retentionJob } from '../../../kernel/jobs/retention.js';
import { DefinitionsRepository } from '../definitions/index.js';
import { RecordsRepository, recordView } from '../records/index.js';
import { AutomationsRepository } from './automations.repository.js';
import { claimsOf, runAutomation, type AutomationDeps } from './automations.runner.js';

export const AUTOMATION_DATES_JOB = 'objects.automation-dates';

/**
 * Runs and the record versions automations wrote are kept 90 days: a redelivery or a retry
 * comes within hours, and a date trigger looks back DATE_CATCH_UP_DAYS only, so no trigger can
 * come back for a run this old.
 */
export const automationPruneJob = retentionJob({ name: 'objects.automation-prune', cron: '40 3 * * *', days: 90, prune: (db, cutoff, limit) => new AutomationsRepository(db).pruneBefore(cutoff, limit) });

/** Days a date trigger may fire late, should the daily job not have run (a worker down): the run key keeps it once. */
export const DATE_CATCH_UP_DAYS = 2;

const EVENT = /^object\.([a-z][a-z0-9_]{1,39})\.(created|updated|deleted)$/;

type RecordEventData = { id?: unknown; version?: unknown; changed?: unknown } & Record<string, unknown>;

/** The record's values by field key, as the event carries them (without the envelope's own keys). */
function valuesOf(data: RecordEventData): Record<string, unknown> {
  const { object: _object, changed: _changed, ...values } = data;
  return values;
}

/** A record event an automation reacts to: the object's key, what happened, the record. */
function recordEventOf(event: DomainEvent) {
  const match = EVENT.exec(event.type);
  const data = event.data as RecordEventData;
  if (!match || !event.tenantId || typeof data.id !== 'string') return null;
  return { event, tenantId: event.tenantId, key: match[1]!, what: match[2] as 'created' | 'updated' | 'deleted', recordId: data.id, data };
}

/**
 * The automations a batch of record events sets off, each tenant's events in order: one
 * transaction per tenant finds them all (most events set off none). One automation failing
 * keeps the others going; the batch then fails and is retried, and the run keys keep what
 * already ran from running again.
 */
async function onRecordEvents(events: readonly DomainEvent[], job: JobContext, deps: AutomationDeps): Promise<void> {
  const byTenant = new Map<string, NonNullable<ReturnType<typeof recordEventOf>>[]>();
  for (const e of events.map(recordEventOf)) {
    if (!e) continue;
    const mine = byTenant.get(e.tenantId);
    if (mine) mine.push(e);
    else byTenant.set(e.tenantId, [e]);
  }
  const failures: unknown[] = [];
  for (const [tenantId, mine] of byTenant) {
    const tenant = await job.tenant(tenantId);
    const claims = claimsOf(tenant, job.now());
    if (!claims) continue;
    const firings = await job.tenantTransaction(tenant.id, async (db) => {
      const repo = new AutomationsRepository(db);
      const automations = await repo.enabledOf([...new Set(mine.map((e) => e.key))], [...new Set(mine.map((e) => e.what))]);
      if (automations.length === 0) return [];
      // What automations wrote triggers no automation: an automation can never set off itself, nor another, in a loop.
      const written = await repo.wroteVersions(mine.flatMap((e) => (e.what !== 'deleted' && typeof e.data.version === 'number' ? [{ recordId: e.recordId, version: e.data.version }] : [])));
      return mine.flatMap((e) => {
        if (e.what !== 'deleted' && written.has(`${e.recordId}:${String(e.data.version)}`)) return [];
        const changed = Array.isArray(e.data.changed) ? (e.data.changed as string[]) : [];
        return automations
          .filter((a) => a.key === e.key && a.trigger.type === e.what && !(e.what === 'updated' && a.trigger.fields && !a.trigger.fields.some((f) => changed.includes(f))))
          .map((automation) => ({ automation, triggerKey: `event:${e.event.id}`, recordId: e.recordId, values: e.what === 'deleted' ? {} : valuesOf(e.data), cause: e.event.type }));
      });
    });
    for (const firing of firings) {
      try {
        await runAutomation(job, deps, tenant, claims, firing);
      } catch (error) {
        failures.push(error);
      }
    }
  }
  if (failures.length === 1) throw failures[0];
  if (failures.length > 1) throw new AggregateError(failures, `${failures.length} automations failed`);
}

/** Runs the automations of `object.<key>.created|updated|deleted` events, once per automation and event, a batch of events at a time. */
export function automationSubscriber(deps: AutomationDeps): EventSubscriber {
  return {
    name: 'objects.automations',
    events: ['object.*'],
    leaseSeconds: 300,
    retry: { limit: 8, delaySeconds: 10 },
    batch: { size: 100, handle: (events, job) => onRecordEvents(events, job, deps) },
    handle: (event, job) => onRecordEvents([event], job, deps),
  };
}

/**
 * Date triggers, once a day shortly after midnight in the tenant's zone: the records whose date
 * field plus the offset is today (or up to DATE_CATCH_UP_DAYS before, should a day have been
 * missed, but never before the automation existed). The run key names the record and the
 * field's date: a record fires once per date, and again if its date changes.
 */
export function automationDatesJob(deps: AutomationDeps): JobDefinition {
  return {
    name: AUTOMATION_DATES_JOB,
    schedule: { cron: '20 0 * * *', perTenant: true, tenantLocal: true },
    retry: { limit: 3, delaySeconds: 300 },
    leaseSeconds: 3600,
    async handler(job: Job<{ tenantId: string }>, ctx) {
      const tenant = await ctx.tenant(job.data.tenantId);
      const claims = claimsOf(tenant, ctx.now());
      if (!claims) return;
      const today = todayIn(tenant.timeZone, ctx.now());
      const due = await ctx.tenantTransaction(tenant.id, async (db) => {
        const repo = new AutomationsRepository(db);
        const found = [];
        for (const automation of await repo.enabledDateAutomations()) {
          const offset = automation.trigger.offsetDays ?? 0;
          const live = (await new DefinitionsRepository(db).fieldsOf([automation.objectId])).filter((f) => !f.removedAt);
          const field = live.find((f) => f.key === automation.trigger.field);
          if (!field) continue;
          const created = dateIn(tenant.timeZone, automation.createdAt);
          const first = [addDays(today, -DATE_CATCH_UP_DAYS), created].sort()[1]!;
          if (first > today) continue;
          // The field's dates that are due: from first - offset to today - offset; a date-time is read on the tenant's calendar.
          const [from, to] = [addDays(first, -offset), addDays(today, -offset)];
          const rows = await repo.datesIn(automation.objectId, field.id, new Date(`${addDays(from, -1)}T00:00:00Z`), new Date(`${addDays(to, 2)}T00:00:00Z`));
          for (const row of rows) {
            const date = field.type === 'date' ? row.ts.toISOString().slice(0, 10) : dateIn(tenant.timeZone, row.ts);
            if (date < from || date > to) continue;
            const record = await new RecordsRepository(db).find(automation.objectId, row.recordId);
            if (record) found.push({ automation, recordId: record.id, date, values: recordView(record, live) as Record<string, unknown> });
          }
        }
        return found;
      });
      // One record's failure does not hold up the others; the job is retried for it (the others' runs are done).
      let failure: unknown = null;
      for (const d of due) {
        await runAutomation(ctx, deps, tenant, claims, { automation: d.automation, triggerKey: `date:${d.recordId}:${d.date}`, recordId: d.recordId, values: d.values, cause: `date:${d.automation.trigger.field}${(d.automation.trigger.offsetDays ?? 0) >= 0 ? '+' : ''}${d.automation.trigger.offsetDays ?? 0}` }).catch((error: unknown) => {
          failure ??= error;
        });
      }
      if (failure) throw failure;
    },
  };
}
