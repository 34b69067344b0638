import { principalOf, type TenantContext, type TenantInfo, type TenantScope } from '../../../kernel/context.js';
import { violates } from '../../../kernel/db/constraints.js';
import { AppError, notFound } from '../../../kernel/errors.js';
import { financeErrors } from '../finance.errors.js';
import { emit } from '../../../kernel/events/outbox.js';
import { decodeCursor, pageOf } from '../../../kernel/http/pagination.js';
import type { JobContext } from '../../../kernel/jobs/job.js';
import { safeTotal } from '../../../kernel/money.js';
import { parsePeriod } from './billing.periods.js';
import { planPeriod } from './billing.plan.js';
import { BillingRepository, type ItemOutcome, type PendingItem, type RunError } from './billing.repository.js';
import type { BillingPreview, BillingRun, ListBillingRunsQuery, ListRunItemsQuery, RunItem, StartBillingRun } from './billing.schemas.js';
import { postCharges, systemAccounts, type SystemAccount } from '../ledger/index.js';
import { SchedulesRepository } from './schedules.repository.js';

export const RUN_QUEUED = 'billing_run.queued';
export const RUN_COMPLETED = 'billing_run.completed';
export const RUN_FAILED = 'billing_run.failed';

/** How a run works through its plan; tests shrink the batches and stop a run between them. */
export interface BillingTuning {
  /** Charges per transaction (default 500): what a crash can lose and redo. */
  batchSize?: number;
  /** Called after each batch has committed, with its number (1, 2 …); a throw stops the run there, as a crash would. */
  afterBatch?: (batch: number) => void | Promise<void>;
}

const DEFAULT_BATCH = 500;

// emit() and the foundation need the tenant's id only; a job knows no more of the tenant.
const scopeOf = (tenantId: string, db: TenantScope['db']): TenantScope => ({ db, tenant: { id: tenantId } as TenantInfo });

function periodOf(input: string) {
  const period = parsePeriod(input);
  if (!period) throw new AppError('validation_failed', 'The period is not a month', { errors: [{ field: 'period', message: 'must be YYYY-MM or a real date YYYY-MM-DD' }] });
  return period;
}

/** The schedules named, every one of them this tenant's, or 404 naming those that are not. */
async function namedSchedules(ctx: TenantContext, ids: string[] | undefined) {
  const schedules = await new SchedulesRepository(ctx.db).forRun(ids ?? null);
  if (ids) {
    const missing = ids.filter((id) => !schedules.some((s) => s.id === id));
    if (missing.length > 0) {
      throw new AppError('not_found', `The schedule${missing.length === 1 ? '' : 's'} ${missing.join(', ')} ${missing.length === 1 ? 'was' : 'were'} not found`, {
        errors: missing.map((id) => ({ field: 'scheduleIds', message: `${id} is not a schedule of this tenant` })),
      });
    }
  }
  return schedules;
}

/** What a run of the month would charge and skip, from the data as it is now; writes nothing. */
export async function previewRun(ctx: TenantContext, input: StartBillingRun): Promise<BillingPreview> {
  const period = periodOf(input.period);
  const schedules = await namedSchedules(ctx, input.scheduleIds);
  const plan = await planPeriod(ctx, period, schedules);
  const line = (l: (typeof plan.lines)[number]) => ({
    scheduleId: l.scheduleId,
    kind: l.kind,
    memberId: l.memberId,
    unitId: l.unitId,
    leaseId: l.leaseId,
    amount: l.amount,
    currency: l.currency,
    description: l.description,
    periodStart: l.periodStart,
    periodEnd: l.periodEnd,
    dueDate: l.dueDate,
  });
  const charges = plan.lines.filter((l) => l.status === 'pending');
  // A preview is not in the ledger yet, so no cap bounds its sum: summed exactly, refused past 2^53 − 1.
  const totals = new Map<string, { charges: number; amount: bigint }>();
  for (const c of charges) {
    const t = totals.get(c.currency!) ?? { charges: 0, amount: 0n };
    totals.set(c.currency!, { charges: t.charges + 1, amount: t.amount + BigInt(c.amount!) });
  }
  return {
    period,
    dryRun: true,
    schedules: schedules.map((s) => ({ id: s.id, name: s.name, kind: s.kind })),
    charges: charges.map((l) => ({ ...line(l), naturalKey: l.naturalKey! })),
    skipped: plan.lines
      .filter((l) => l.status !== 'pending')
      .map((l) =>
        l.status === 'existing'
          ? { ...line(l), reason: 'already_charged' as const, detail: `charged already (charge ${l.chargeId})`, chargeId: l.chargeId }
          : { ...line(l), reason: l.reason!, detail: l.detail!, chargeId: null },
      ),
    totals: [...totals]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([currency, t]) => ({ currency, charges: t.charges, amount: safeTotal(t.amount, `${currency} total of the run`) })),
  };
}

/**
 * Queues a run of the month: the run's row and the event that has a worker start it are
 * written in the request's transaction (requests have no queue, only the outbox). One run of a
 * month at a time: a second, while one is queued or running, is refused with the first's id.
 */
export async function startRun(ctx: TenantContext, input: StartBillingRun): Promise<BillingRun> {
  const period = periodOf(input.period);
  await namedSchedules(ctx, input.scheduleIds);
  const repo = new BillingRepository(ctx.db);
  const active = await repo.activeRun(period);
  if (active) throw new AppError(financeErrors.billing_run_in_progress, `A billing run of ${period} is already ${active.status} (run ${active.id}); wait for it to finish`, { activeRunId: active.id });
  let run: BillingRun;
  try {
    run = await repo.insertRun(ctx.tenant.id, { period, scheduleIds: input.scheduleIds ?? null, requestedBy: principalOf(ctx).userId });
  } catch (error) {
    if (violates(error, 'finance_billing_runs_one_active')) throw new AppError(financeErrors.billing_run_in_progress, `A billing run of ${period} was started at the same moment; wait for it to finish`);
    throw error;
  }
  await emit(ctx, RUN_QUEUED, { id: run.id, period: run.period, scheduleIds: run.scheduleIds });
  return run;
}

export async function getRun(ctx: TenantContext, id: string): Promise<BillingRun> {
  const run = await new BillingRepository(ctx.db).findRun(id);
  if (!run) throw notFound('The billing run');
  return run;
}

export async function listRuns(ctx: TenantContext, query: ListBillingRunsQuery & { limit: number }) {
  const rows = await new BillingRepository(ctx.db).listRuns(query, decodeCursor(query.cursor, ['uuid']));
  return pageOf(rows, query.limit, (r) => [r.id]);
}

export async function listRunItems(ctx: TenantContext, id: string, query: ListRunItemsQuery & { limit: number }) {
  const after = decodeCursor(query.cursor, ['int']);
  const repo = new BillingRepository(ctx.db);
  if (!(await repo.findRun(id))) throw notFound('The billing run');
  const rows = await repo.listItems(id, query, after);
  return pageOf<RunItem>(rows, query.limit, (i) => [i.seq]);
}

/** A refusal caused by the data of one charge (a check, a foreign key), not by the database being unreachable. */
const refusedByData = (error: unknown): boolean => {
  if (error instanceof AppError) return true;
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^(22|23)/.test(code);
};

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Posts the items' charges in the caller's transaction, set-based; `existing`: the key was taken. */
async function postItems(scope: TenantScope, items: PendingItem[], createdBy: string | null, accounts?: Record<SystemAccount, string>): Promise<ItemOutcome[]> {
  const posted = await postCharges(
    scope,
    items.map((item) => ({
      input: {
        memberId: item.memberId!,
        unitId: item.unitId,
        leaseId: item.leaseId,
        kind: item.kind,
        description: item.description!,
        amount: item.amount!,
        currency: item.currency!,
        periodStart: item.periodStart,
        periodEnd: item.periodEnd,
        dueDate: item.dueDate!,
      },
      naturalKey: item.naturalKey!,
      date: item.periodStart ?? item.dueDate!,
    })),
    { createdBy, accounts },
  );
  return posted.map(({ charge, created }, i) => ({ seq: items[i]!.seq, status: created ? 'created' : 'existing', chargeId: charge.id, detail: null }));
}

type BatchResult = { kind: 'done' } | { kind: 'stopped' } | { kind: 'batch'; items: number };

/**
 * Carries out a run (the `finance.billing-run` job), safe to run again and alongside itself:
 *
 * 1. The first execution plans the month and stores the plan as the run's items (one
 *    transaction; a crash here redoes it from scratch).
 * 2. Batches of pending items, one transaction each, post their charges with their natural
 *    keys and mark the items. A crash loses at most the batch under way; a re-run picks up at
 *    the first pending item. Every batch locks the run's row, so two executions of one run
 *    take turns; a charge whose key is taken (by an earlier run of the month) is not made again.
 *    A batch the database refuses is retried one item per transaction, so that one bad item
 *    (a member deleted since the plan) fails alone and the rest are charged.
 * 3. With nothing pending the run completes (or fails, if items failed) and says so in an event.
 */
export async function executeRun(ctx: JobContext, tenantId: string, runId: string, tuning: BillingTuning = {}): Promise<BillingRun | null> {
  const batchSize = tuning.batchSize ?? DEFAULT_BATCH;
  const tx = <T>(fn: (scope: TenantScope, repo: BillingRepository) => Promise<T>) => ctx.tenantTransaction(tenantId, (db) => fn(scopeOf(tenantId, db), new BillingRepository(db)));

  const started = await tx(async (scope, repo) => {
    const run = await repo.lockRun(runId);
    if (!run || run.status === 'completed' || run.status === 'failed') return false;
    if (run.status === 'queued') {
      const schedules = await new SchedulesRepository(scope.db).forRun(run.scheduleIds);
      const plan = await planPeriod(scope, run.period, schedules);
      await repo.start(tenantId, runId, plan.lines, ctx.now());
    }
    return true;
  });
  if (!started) return null;

  // Every item up to `done` has been posted or has failed: the next batch looks past it, not
  // through the items behind it (whose old versions stay in the indexes until a vacuum).
  let done = -1;
  // The chart's system accounts, read (or seeded) by the first batch: once it has committed
  // they exist for good, and the next batches need not read them again.
  let accounts: Record<SystemAccount, string> | undefined;

  const batch = async (): Promise<BatchResult> => {
    let read: Record<SystemAccount, string> | undefined;
    const result = await tx(async (scope, repo): Promise<BatchResult> => {
      const run = await repo.lockRun(runId);
      if (run?.status !== 'running') return { kind: 'stopped' };
      const items = await repo.pendingItems(tenantId, runId, batchSize, done);
      if (items.length === 0) return { kind: 'done' };
      read = accounts ?? (await systemAccounts(scope));
      await repo.recordOutcomes(tenantId, runId, await postItems(scope, items, run.requestedBy, read), []);
      done = items.at(-1)!.seq;
      return { kind: 'batch', items: items.length };
    });
    accounts ??= read;
    return result;
  };

  /** The batch again, an item per transaction: the items the database refuses fail, the others are charged. */
  const itemByItem = async (): Promise<BatchResult> => {
    const items = await tx((_scope, repo) => repo.pendingItems(tenantId, runId, batchSize, done));
    for (const item of items) {
      try {
        await tx(async (scope, repo) => {
          const run = await repo.lockRun(runId);
          if (run?.status !== 'running') return;
          const [still] = await repo.pendingItems(tenantId, runId, 1, item.seq - 1);
          if (still?.seq === item.seq) await repo.recordOutcomes(tenantId, runId, await postItems(scope, [still], run.requestedBy), []);
        });
      } catch (error) {
        if (!refusedByData(error)) throw error;
        const message = messageOf(error);
        await tx((_scope, repo) => repo.recordOutcomes(tenantId, runId, [{ seq: item.seq, status: 'failed', chargeId: null, detail: message }], [{ naturalKey: item.naturalKey, message }]));
      }
    }
    if (items.length > 0) done = items.at(-1)!.seq;
    return { kind: 'batch', items: items.length };
  };

  for (let n = 1; ; n++) {
    let result: BatchResult;
    try {
      result = await batch();
    } catch (error) {
      if (!refusedByData(error)) throw error;
      result = await itemByItem();
    }
    if (result.kind !== 'batch') break;
    await tuning.afterBatch?.(n);
  }

  return tx(async (scope, repo) => {
    const run = await repo.lockRun(runId);
    if (run?.status !== 'running' || (await repo.pendingItems(tenantId, runId, 1, -1)).length > 0) return run ?? null;
    const finished = await repo.finish(runId, run.counts.failed > 0 ? 'failed' : 'completed', ctx.now());
    await emit(scope, finished.status === 'completed' ? RUN_COMPLETED : RUN_FAILED, finished);
    return finished;
  });
}

/** The run could not be carried out (its job is out of retries): it fails, and says why. */
export async function failRun(ctx: JobContext, tenantId: string, runId: string, error: unknown): Promise<void> {
  await ctx.tenantTransaction(tenantId, async (db) => {
    const repo = new BillingRepository(db);
    const run = await repo.lockRun(runId);
    if (!run || run.status === 'completed' || run.status === 'failed') return;
    const failed = await repo.finish(runId, 'failed', ctx.now(), { naturalKey: null, message: `the run stopped: ${messageOf(error)}` } satisfies RunError);
    await emit(scopeOf(tenantId, db), RUN_FAILED, failed);
  });
}
