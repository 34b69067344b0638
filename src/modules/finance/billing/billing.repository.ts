import { sql, type Kysely } from 'kysely';
import type { IsoDate } from '../../../kernel/dates.js';
import type { AnyDB } from '../../../kernel/db/database.js';
import { newId } from '../../../kernel/ids.js';
import type { Month } from './billing.periods.js';
import type { PlanLine } from './billing.types.js';
import type { BillingRun, ItemStatus, ListBillingRunsQuery, ListRunItemsQuery, RunItem, RunStatus, ScheduleKind } from './billing.schemas.js';

interface RunRow {
  id: string;
  period: Month;
  schedule_ids: string[] | null;
  status: RunStatus;
  planned: number;
  created: number;
  existing: number;
  failed: number;
  skipped: number;
  errors: unknown;
  requested_by: string | null;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
}

const runColumns = ['id', 'period', 'schedule_ids', 'status', 'planned', 'created', 'existing', 'failed', 'skipped', 'errors', 'requested_by', 'created_at', 'started_at', 'finished_at'] as const;

export type RunError = BillingRun['errors'][number];

const toRun = (r: RunRow): BillingRun => {
  const counts = { planned: r.planned, created: r.created, existing: r.existing, failed: r.failed, skipped: r.skipped };
  return {
    id: r.id,
    period: r.period,
    scheduleIds: r.schedule_ids,
    status: r.status,
    counts: { ...counts, pending: counts.planned - counts.created - counts.existing - counts.failed },
    errors: (typeof r.errors === 'string' ? JSON.parse(r.errors) : r.errors) as RunError[],
    requestedBy: r.requested_by,
    createdAt: r.created_at as unknown as string,
    startedAt: r.started_at as unknown as string | null,
    finishedAt: r.finished_at as unknown as string | null,
  };
};

interface ItemRow {
  seq: number;
  schedule_id: string;
  kind: ScheduleKind;
  status: ItemStatus;
  target: string;
  natural_key: string | null;
  member_id: string | null;
  unit_id: string | null;
  lease_id: string | null;
  amount: number | null;
  currency: string | null;
  description: string | null;
  period_start: IsoDate | null;
  period_end: IsoDate | null;
  due_date: IsoDate | null;
  reason: string | null;
  detail: string | null;
  charge_id: string | null;
}

const itemColumns = [
  'seq', 'schedule_id', 'kind', 'status', 'target', 'natural_key', 'member_id', 'unit_id', 'lease_id', 'amount', 'currency', 'description',
  'period_start', 'period_end', 'due_date', 'reason', 'detail', 'charge_id',
] as const;

export type PendingItem = ItemRow;

const toItem = (r: ItemRow): RunItem => ({
  seq: r.seq,
  scheduleId: r.schedule_id,
  kind: r.kind,
  memberId: r.member_id,
  unitId: r.unit_id,
  leaseId: r.lease_id,
  amount: r.amount === null ? null : Number(r.amount),
  currency: r.currency,
  description: r.description,
  periodStart: r.period_start,
  periodEnd: r.period_end,
  dueDate: r.due_date,
  status: r.status,
  naturalKey: r.natural_key,
  chargeId: r.charge_id,
  reason: r.reason,
  detail: r.detail,
});

/** The outcome of one item: what the batch writes back in one statement. */
export interface ItemOutcome {
  seq: number;
  status: 'created' | 'existing' | 'failed';
  chargeId: string | null;
  detail: string | null;
}

/** Rows per multi-row INSERT: 18 columns each stays well below PostgreSQL's 65,535 parameters. */
const INSERT_CHUNK = 1_000;
/** Keys per `= ANY` look-up. */
const LOOKUP_CHUNK = 5_000;

const chunks = <T>(all: T[], size: number): T[][] => Array.from({ length: Math.ceil(all.length / size) }, (_, i) => all.slice(i * size, (i + 1) * size));

/**
 * Billing runs and their items; runs inside the tenant transaction, so RLS scopes every
 * statement. The look-ups a run repeats name the tenant too: the planner cannot see the
 * policy's tenant as a constant, and without statistics (PGlite gathers none) it then passes
 * over the keys that lead with tenant_id.
 */
export class BillingRepository {
  constructor(private readonly db: Kysely<AnyDB>) {}

  async findRun(id: string): Promise<BillingRun | undefined> {
    const row = await this.db.selectFrom('finance_billing_runs').select(runColumns).where('id', '=', id).executeTakeFirst();
    return row && toRun(row);
  }

  /** The run, its row locked until the transaction ends: whatever works on a run does so one at a time. */
  async lockRun(id: string): Promise<BillingRun | undefined> {
    const row = await this.db.selectFrom('finance_billing_runs').select(runColumns).where('id', '=', id).forUpdate().executeTakeFirst();
    return row && toRun(row);
  }

  /** The queued or running run of the month, if any. */
  async activeRun(period: Month): Promise<BillingRun | undefined> {
    const row = await this.db.selectFrom('finance_billing_runs').select(runColumns).where('period', '=', period).where('status', 'in', ['queued', 'running']).executeTakeFirst();
    return row && toRun(row);
  }

  /** Newest first: a page of `limit + 1` runs after the keyset `after`. */
  async listRuns(query: ListBillingRunsQuery & { limit: number }, after: unknown[] | null): Promise<BillingRun[]> {
    let q = this.db.selectFrom('finance_billing_runs').select(runColumns).limit(query.limit + 1);
    if (query.period) q = q.where('period', '=', query.period);
    if (query.status) q = q.where('status', '=', query.status);
    // Ids are UUIDv7, minted at creation: id order is creation order, and the key is exact.
    if (after) q = q.where('id', '<', after[0] as string);
    return (await q.orderBy('id', 'desc').execute()).map(toRun);
  }

  async insertRun(tenantId: string, run: { period: Month; scheduleIds: string[] | null; requestedBy: string | null }): Promise<BillingRun> {
    const row = await this.db
      .insertInto('finance_billing_runs')
      .values({ tenant_id: tenantId, id: newId(), period: run.period, schedule_ids: run.scheduleIds, requested_by: run.requestedBy })
      .returning(runColumns)
      .executeTakeFirstOrThrow();
    return toRun(row);
  }

  /** Stores the plan as the run's items, numbered in plan order, and marks the run running. */
  async start(tenantId: string, runId: string, lines: PlanLine[], now: Date): Promise<void> {
    const rows = lines.map((l, seq) => ({
      tenant_id: tenantId,
      run_id: runId,
      seq,
      schedule_id: l.scheduleId,
      kind: l.kind,
      status: l.status,
      target: l.target,
      natural_key: l.naturalKey,
      member_id: l.memberId,
      unit_id: l.unitId,
      lease_id: l.leaseId,
      amount: l.amount,
      currency: l.currency,
      description: l.description,
      period_start: l.periodStart,
      period_end: l.periodEnd,
      due_date: l.dueDate,
      reason: l.reason,
      detail: l.detail,
      charge_id: l.chargeId,
    }));
    for (const chunk of chunks(rows, INSERT_CHUNK)) await this.db.insertInto('finance_billing_run_items').values(chunk).execute();
    const count = (s: PlanLine['status']) => lines.filter((l) => l.status === s).length;
    await this.db
      .updateTable('finance_billing_runs')
      .set({ status: 'running', planned: count('pending') + count('existing'), existing: count('existing'), skipped: count('skipped'), started_at: now, updated_at: now })
      .where('id', '=', runId)
      .execute();
  }

  /** The run's next `limit` items still to post, in plan order. */
  async pendingItems(tenantId: string, runId: string, limit: number): Promise<PendingItem[]> {
    return this.db
      .selectFrom('finance_billing_run_items')
      .select(itemColumns)
      .where('tenant_id', '=', tenantId)
      .where('run_id', '=', runId)
      .where('status', '=', 'pending')
      .orderBy('seq')
      .limit(limit)
      .execute();
  }

  /**
   * Writes the outcomes of a batch back to its items, and adds them to the run's counts and
   * errors (the first 100 errors are kept: a run refused wholesale would otherwise store one
   * per unit), in two statements.
   */
  async recordOutcomes(runId: string, outcomes: ItemOutcome[], errors: RunError[]): Promise<void> {
    if (outcomes.length === 0) return;
    await sql`
      UPDATE finance_billing_run_items i
         SET status = o.status, charge_id = o.charge_id, detail = coalesce(o.detail, i.detail), reason = CASE WHEN o.status = 'failed' THEN 'error' ELSE i.reason END
        FROM unnest(${outcomes.map((o) => o.seq)}::int[], ${outcomes.map((o) => o.status)}::text[], ${outcomes.map((o) => o.chargeId)}::uuid[], ${outcomes.map((o) => o.detail)}::text[])
             AS o(seq, status, charge_id, detail)
       WHERE i.run_id = ${runId}::uuid AND i.seq = o.seq`.execute(this.db);
    const n = (s: ItemOutcome['status']) => outcomes.filter((o) => o.status === s).length;
    await sql`
      UPDATE finance_billing_runs
         SET created = created + ${n('created')}, existing = existing + ${n('existing')}, failed = failed + ${n('failed')},
             errors = CASE WHEN jsonb_array_length(errors) >= 100 THEN errors ELSE errors || ${JSON.stringify(errors)}::jsonb END,
             updated_at = now()
       WHERE id = ${runId}::uuid`.execute(this.db);
  }

  async finish(runId: string, status: 'completed' | 'failed', now: Date, error?: RunError): Promise<BillingRun> {
    const row = await this.db
      .updateTable('finance_billing_runs')
      .set({ status, finished_at: now, updated_at: now, ...(error ? { errors: sql`errors || ${JSON.stringify([error])}::jsonb` } : {}) })
      .where('id', '=', runId)
      .returning(runColumns)
      .executeTakeFirstOrThrow();
    return toRun(row);
  }

  /** A page of `limit + 1` of the run's items in plan order after the keyset `after`. */
  async listItems(runId: string, query: ListRunItemsQuery & { limit: number }, after: unknown[] | null): Promise<RunItem[]> {
    let q = this.db.selectFrom('finance_billing_run_items').select(itemColumns).where('run_id', '=', runId).limit(query.limit + 1);
    if (query.status) q = q.where('status', '=', query.status);
    if (after) q = q.where('seq', '>', after[0] as number);
    return (await q.orderBy('seq').execute()).map(toItem);
  }

  /** The charges already made under these natural keys: key → charge id. */
  async chargesByNaturalKey(tenantId: string, keys: string[]): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    for (const chunk of chunks(keys, LOOKUP_CHUNK)) {
      const rows = await sql<{ id: string; natural_key: string }>`
        SELECT id, natural_key FROM finance_charges WHERE tenant_id = ${tenantId}::uuid AND natural_key = ANY(${chunk}::text[])`.execute(this.db);
      for (const r of rows.rows) found.set(r.natural_key, r.id);
    }
    return found;
  }

  /** Of these targets, those some run has charged: target → the natural keys charged for it. */
  async billedTargets(tenantId: string, targets: string[]): Promise<Map<string, Set<string>>> {
    const found = new Map<string, Set<string>>();
    for (const chunk of chunks(targets, LOOKUP_CHUNK)) {
      const rows = await sql<{ target: string; natural_key: string }>`
        SELECT DISTINCT target, natural_key FROM finance_billing_run_items
         WHERE tenant_id = ${tenantId}::uuid AND target = ANY(${chunk}::text[]) AND status IN ('created', 'existing')`.execute(this.db);
      for (const r of rows.rows) found.set(r.target, (found.get(r.target) ?? new Set()).add(r.natural_key));
    }
    return found;
  }
}
