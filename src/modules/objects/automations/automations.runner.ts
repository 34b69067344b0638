import type { TenantContext, TenantInfo } from '../../../kernel/context.js';
import type { Db } from '../../../kernel/db/tables.js';
import { emit } from '../../../kernel/events/outbox.js';
import type { JobContext } from '../../../kernel/jobs/job.js';
import type { MailQueue } from '../../../kernel/mail/queue.js';
import type { LicenceClaims } from '../../../kernel/security/licence.js';
import { memberContacts } from '../../members/index.js';
import { loadObject, type LoadedObject } from '../definitions/index.js';
import { evaluate, type RecordValues } from '../expressions/index.js';
import { createRecord, updateRecord } from '../records/index.js';
import { AutomationsRepository, type AutomationRow, type RunRow } from './automations.repository.js';
import type { Action, ValueSpec } from './automations.schemas.js';
import { compileAt, fillTemplate, schemaOf } from './automations.specs.js';
import type { StoredOutcome } from './automations.tables.js';

export interface AutomationDeps {
  mail: MailQueue;
}

/** What fired an automation: the run's key, the record and its values (by field key) at that moment. */
export interface Firing {
  automation: AutomationRow & { key: string };
  triggerKey: string;
  recordId: string | null;
  values: Record<string, unknown>;
  /** The trigger's description for the webhook event (`object.permit.updated`, `date:valid_to-14`). */
  cause: string;
}

/**
 * The licence's claims as the registry holds them, read without verifying the signature: the
 * registry is where verified licences come from, and a job has no request to admit. Null when
 * the tenant has no licence, or its licence does not carry custom objects any more.
 */
export function claimsOf(tenant: TenantInfo, now: Date): LicenceClaims | null {
  try {
    const claims = JSON.parse(Buffer.from(tenant.licenceJws?.split('.')[1] ?? '', 'base64url').toString('utf8')) as LicenceClaims;
    if (!claims.modules?.includes('objects') || claims.readOnly) return null;
    return now.getTime() / 1000 > claims.exp + claims.grace ? null : claims;
  } catch {
    return null;
  }
}

/** A service context for an automation's writes: no principal (it acts for the tenant), the tenant's language. */
function contextFor(db: Db, tenant: TenantInfo, claims: LicenceClaims, job: JobContext, runId: string): TenantContext {
  return { tenant, principal: null, locale: tenant.defaultLocale === 'es' ? 'es' : 'en', licence: { claims, state: 'valid' }, db, log: job.log, requestId: `automation-run:${runId}`, ip: '', userAgent: null, afterCommit: () => {} };
}

/** Record values as the expression language reads them: money as `{amount, currency}`. */
export function expressionValues(values: Record<string, unknown>): RecordValues {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    const money = value as { amountMinor?: unknown; currency?: unknown } | null;
    out[key] = money && typeof money === 'object' && !Array.isArray(money) && typeof money.amountMinor === 'number' ? { amount: money.amountMinor, currency: money.currency } : value;
  }
  return out as RecordValues;
}

/** An expression's result as the records API takes it (money back to `{amountMinor, currency}`). */
function asRecordValue(value: unknown): unknown {
  const money = value as { amount?: unknown; currency?: unknown } | null;
  return money && typeof money === 'object' && !Array.isArray(money) && typeof money.amount === 'number' ? { amountMinor: money.amount, currency: money.currency } : value;
}

function valueOf(spec: ValueSpec, object: LoadedObject, values: Record<string, unknown>, now: Date, timeZone: string): unknown {
  if (spec.expression === undefined) return spec.value;
  const problems: { message: string }[] = [];
  const checked = compileAt(spec.expression, schemaOf(object), 'expression', 'formula', problems as never);
  if (!checked) throw new Error(`the expression no longer fits the object: ${problems.map((p) => p.message).join('; ')}`);
  return asRecordValue(evaluate(checked, expressionValues(values), { now, timeZone }));
}

/** Does one action in the caller's transaction; `skipped` with why when there is nothing to do (no address). */
async function perform(ctx: TenantContext, deps: AutomationDeps, object: LoadedObject, firing: Firing, action: Action, now: Date): Promise<{ skipped?: string } | undefined> {
  const repo = new AutomationsRepository(ctx.db);
  const { values, recordId } = firing;
  const tz = ctx.tenant.timeZone;
  switch (action.type) {
    case 'set_field': {
      const written = await updateRecord(ctx, object.definition.key, recordId!, { [action.field!]: valueOf(action, object, values, now, tz) });
      await repo.recordWrite(ctx.tenant.id, written.id, written.version);
      return {};
    }
    case 'create_record': {
      const body: Record<string, unknown> = {};
      for (const [key, spec] of Object.entries(action.values ?? {})) body[key] = valueOf(spec, object, values, now, tz);
      body[action.relationField!] = recordId;
      const made = await createRecord(ctx, action.object!, body);
      await repo.recordWrite(ctx.tenant.id, made.id, made.version);
      return {};
    }
    case 'send_mail': {
      const field = object.byKey.get(action.to!);
      const raw = values[action.to!];
      let to: { email: string; name?: string } | null = null;
      if (field?.type === 'email' && typeof raw === 'string') to = { email: raw };
      if (field?.type === 'relation' && typeof raw === 'string') {
        const [member] = await memberContacts(ctx.db, [raw]);
        if (member?.email) to = { email: member.email, name: `${member.firstName} ${member.lastName}`.trim() };
      }
      if (!to) return { skipped: `the record has no address in "${action.to}"` };
      const shown = { ...values, id: recordId };
      await deps.mail.queue(ctx, { kind: 'notification', to, data: { title: fillTemplate(action.subject!, shown), body: fillTemplate(action.body!, shown) }, locale: ctx.tenant.defaultLocale });
      return {};
    }
    case 'emit_webhook':
      await emit(ctx, `object.${object.definition.key}.automation`, {
        object: object.definition.key,
        event: action.event,
        automation: { id: firing.automation.id, name: firing.automation.name },
        cause: firing.cause,
        record: firing.recordId === null ? null : { id: firing.recordId, ...values },
      });
      return {};
  }
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 1000);
const done = (o: StoredOutcome) => o.status === 'succeeded' || o.status === 'skipped';

/**
 * Runs an automation for one firing, at most once: the run's row (unique per automation and
 * trigger key) holds each action's outcome, written in the transaction that did the action, so
 * a redelivered event, a job run twice or a retry after a crash between two actions resumes
 * after the last action done. A failed action is logged and thrown, for the job system to retry.
 */
export async function runAutomation(job: JobContext, deps: AutomationDeps, tenant: TenantInfo, claims: LicenceClaims, firing: Firing): Promise<RunRow['status']> {
  const now = job.now();
  const step = <T>(fn: (ctx: TenantContext, repo: AutomationsRepository, run: RunRow) => Promise<T>) =>
    job.tenantTransaction(tenant.id, async (db) => {
      const repo = new AutomationsRepository(db);
      const run = await repo.claimRun(tenant.id, firing.automation.id, firing.triggerKey, firing.recordId, firing.automation.actions);
      return fn(contextFor(db, tenant, claims, job, run.id), repo, run);
    });

  const start = await step(async (ctx, repo, run) => {
    if (run.status === 'succeeded' || run.status === 'skipped') return run.status;
    if (run.status === 'running' && run.attempts === 0 && firing.automation.condition) {
      const object = await loadObject(ctx, firing.automation.key, 'object');
      const checked = compileAt(firing.automation.condition, schemaOf(object), 'condition', 'condition', []);
      const holds = checked ? evaluate(checked, expressionValues(firing.values), { now, timeZone: tenant.timeZone }) === true : false;
      if (!holds) {
        await repo.saveRun(run.id, { ...run, status: 'skipped', attempts: 1, error: checked ? null : 'the condition no longer fits the object' });
        return 'skipped';
      }
    }
    return null;
  });
  if (start) return start;

  const count = firing.automation.actions.length;
  for (let i = 0; i < count; i++) {
    try {
      await step(async (ctx, repo, run) => {
        const outcome = run.actions[i];
        if (!outcome || done(outcome)) return;
        const object = await loadObject(ctx, firing.automation.key, 'object');
        const result = (await perform(ctx, deps, object, firing, outcome.action, now)) ?? {};
        run.actions[i] = { ...outcome, status: result.skipped ? 'skipped' : 'succeeded', error: result.skipped ?? null, attempts: outcome.attempts + 1, at: now.toISOString() };
        await repo.saveRun(run.id, run);
      });
    } catch (error) {
      await step(async (_ctx, repo, run) => {
        const outcome = run.actions[i];
        if (outcome) run.actions[i] = { ...outcome, status: 'failed', error: messageOf(error), attempts: outcome.attempts + 1, at: now.toISOString() };
        await repo.saveRun(run.id, { ...run, status: 'failed', attempts: run.attempts + 1, error: `action ${i + 1} (${outcome?.action.type}): ${messageOf(error)}` });
      });
      throw error;
    }
  }
  return step(async (_ctx, repo, run) => {
    if (run.status !== 'succeeded') await repo.saveRun(run.id, { ...run, status: run.actions.every(done) ? 'succeeded' : 'failed', attempts: run.attempts + 1, error: null });
    return run.actions.every(done) ? 'succeeded' : 'failed';
  });
}
