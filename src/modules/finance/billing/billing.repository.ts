import { sql } from 'kysely';
import type { Db } from '../../../kernel/db/tables.js';
import { newId } from '../../../kernel/ids.js';
import { financeDb, type FinanceDb } from '../finance.tables.js';
import type { Month } from './billing.periods.js';
import type { BillingRun, ListBillingRunsQuery, ListRunItemsQuery, RunItem } from './billing.schemas.js';
import type { PlanLine } from './billing.types.js';

const runColumns = ['id', 'period', 'scheduleIds', 'status', 'planned', 'created', 'existing', 'failed', 'skipped', 'errors', 'requestedBy', 'createdAt', 'startedAt', 'finishedAt'] as const;

export type RunError = BillingRun['errors'][number];

type RunRow = Omit<BillingRun, 'counts' | 'errors'> & { planned: number; created: number; existing: number; failed: number; skipped: number; errors: unknown };

const toRun = ({ planned, created, existing, failed, skipped, errors, ...r }: RunRow): BillingRun => ({
  ...r,
  counts: { planned, created, existing, failed, skipped, pending: planned - created - existing - failed },
  errors: errors as RunError[],
});

const itemColumns = [
  'seq', 'scheduleId', 'kind', 'memberId', 'unitId', 'leaseId', 'amount', 'currency', 'description',
  'periodStart', 'periodEnd', 'dueDate', 'status', 'naturalKey', 'chargeId', 'reason', 'detail',
] as const;

export type PendingItem = RunItem;

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
  private readonly db: FinanceDb;

  constructor(db: Db) {
    this.db = financeDb(db);
  }

  async findRun(id: string): Promise<BillingRun | undefined> {
    const row = await this.db.selectFrom('financeBillingRuns').select(runColumns).where('id', '=', id).executeTakeFirst();
    return row && toRun(row);
  }

  /** The run, its row locked until the transaction ends: whatever works on a run does so one at a time. */
  async lockRun(id: string): Promise<BillingRun | undefined> {
    const row = await this.db.selectFrom('financeBillingRuns').select(runColumns).where('id', '=', id).forUpdate().executeTakeFirst();
    return row && toRun(row);
  }

  /** The queued or running run of the month, if any. */
  async activeRun(period: Month): Promise<BillingRun | undefined> {
    const row = await this.db.selectFrom('financeBillingRuns').select(runColumns).where('period', '=', period).where('status', 'in', ['queued', 'running']).executeTakeFirst();
    return row && toRun(row);
  }

  /** Newest first: a page of `limit + 1` runs after the keyset `after`. */
  async listRuns(query: ListBillingRunsQuery & { limit: number }, after: unknown[] | null): Promise<BillingRun[]> {
    let q = this.db.selectFrom('financeBillingRuns').select(runColumns).limit(query.limit + 1);
    if (query.period) q = q.where('period', '=', query.period);
    if (query.status) q = q.where('status', '=', query.status);
    // Ids are UUIDv7, minted at creation: id order is creation order, and the key is exact.
    if (after) q = q.where('id', '<', after[0] as string);
    return (await q.orderBy('id', 'desc').execute()).map(toRun);
  }

  async insertRun(tenantId: string, run: { period: Month; scheduleIds: string[] | null; requestedBy: string | null }): Promise<BillingRun> {
    const row = await this.db
      .insertInto('financeBillingRuns')
      .values({ tenantId, id: newId(), period: run.period, scheduleIds: run.scheduleIds, requestedBy: run.requestedBy })
      .returning(runColumns)
      .executeTakeFirstOrThrow();
    return toRun(row);
  }

  /** Stores the plan as the run's items, numbered in plan order, and marks the run running. */
  async start(tenantId: string, runId: string, lines: PlanLine[], now: Date): Promise<void> {
    const rows = lines.map((l, seq) => ({ tenantId, runId, seq, ...l }));
    for (const chunk of chunks(rows, INSERT_CHUNK)) await this.db.insertInto('financeBillingRunItems').values(chunk).execute();
    const count = (s: PlanLine['status']) => lines.filter((l) => l.status === s).length;
    await this.db
      .updateTable('financeBillingRuns')
      .set({ status: 'running', planned: count('pending') + count('existing'), existing: count('existing'), skipped: count('skipped'), startedAt: now, updatedAt: now })
      .where('id', '=', runId)
      .execute();
  }

  /**
   * The run's next `limit` items still to post after item `after`, in plan order. Starting
   * past the items done keeps each batch's read as long as the batch: an index entry of an
   * item done stays until a vacuum, and with autovacuum behind, starting at the first item
   * would step over all of them again, batch after batch.
   */
  async pendingItems(tenantId: string, runId: string, limit: number, after: number): Promise<PendingItem[]> {
    return this.db
      .selectFrom('financeBillingRunItems')
      .select(itemColumns)
      .where('tenantId', '=', tenantId)
      .where('runId', '=', runId)
      .where('seq', '>', after)
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
  async recordOutcomes(tenantId: string, runId: string, outcomes: ItemOutcome[], errors: RunError[]): Promise<void> {
    if (outcomes.length === 0) return;
    // Each outcome at its item's place in the batch's range of the key (null where an item of
    // the range is not in the batch: skipped, or done before). The update reads that range of
    // the primary key and nothing else, a plan with no join for statistics to flip (a join of
    // the outcomes on seq hashes them or loops over them, depending on what ANALYZE last saw).
    const lo = Math.min(...outcomes.map((o) => o.seq));
    const hi = Math.max(...outcomes.map((o) => o.seq));
    const at = <T>(pick: (o: ItemOutcome) => T): (T | null)[] => {
      const slots = new Array<T | null>(hi - lo + 1).fill(null);
      for (const o of outcomes) slots[o.seq - lo] = pick(o);
      return slots;
    };
    await sql`
      UPDATE finance_billing_run_items i
         SET status = o.status[i.seq - ${lo}::int + 1], charge_id = o.charge_id[i.seq - ${lo}::int + 1],
             detail = coalesce(o.detail[i.seq - ${lo}::int + 1], i.detail),
             reason = CASE WHEN o.status[i.seq - ${lo}::int + 1] = 'failed' THEN 'error' ELSE i.reason END
        FROM (SELECT ${at((o) => o.status)}::text[] AS status, ${at((o) => o.chargeId)}::uuid[] AS charge_id, ${at((o) => o.detail)}::text[] AS detail) o
       WHERE i.tenant_id = ${tenantId}::uuid AND i.run_id = ${runId}::uuid
         AND i.seq BETWEEN ${lo}::int AND ${hi}::int AND o.status[i.seq - ${lo}::int + 1] IS NOT NULL`.execute(this.db);
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
      .updateTable('financeBillingRuns')
      .set({ status, finishedAt: now, updatedAt: now, ...(error ? { errors: sql<string>`errors || ${JSON.stringify([error])}::jsonb` } : {}) })
      .where('id', '=', runId)
      .returning(runColumns)
      .executeTakeFirstOrThrow();
    return toRun(row);
  }

  /** A page of `limit + 1` of the run's items in plan order after the keyset `after`. */
  async listItems(runId: string, query: ListRunItemsQuery & { limit: number }, after: unknown[] | null): Promise<RunItem[]> {
    let q = this.db.selectFrom('financeBillingRunItems').select(itemColumns).where('runId', '=', runId).limit(query.limit + 1);
    if (query.status) q = q.where('status', '=', query.status);
    if (after) q = q.where('seq', '>', after[0] as number);
    return q.orderBy('seq').execute();
  }

  /**
   * The charges already made under these natural keys: key → charge id. One probe of the
   * unique key per key, forced by the lateral LIMIT: without statistics on natural_key the
   * planner takes `natural_key = ANY(keys)` for unselective and reads every charge of the
   * tenant through another index (finance_charges_by_due) instead.
   */
  async chargesByNaturalKey(tenantId: string, keys: string[]): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    for (const chunk of chunks(keys, LOOKUP_CHUNK)) {
      const rows = await sql<{ id: string; naturalKey: string }>`
        SELECT c.id, k.natural_key FROM unnest(${chunk}::text[]) AS k(natural_key)
         CROSS JOIN LATERAL (SELECT f.id FROM finance_charges f WHERE f.tenant_id = ${tenantId}::uuid AND f.natural_key = k.natural_key LIMIT 1) c`.execute(this.db);
      for (const r of rows.rows) found.set(r.naturalKey, r.id);
    }
    return found;
  }

  /** Of these targets, those some run has charged: target → the natural keys charged for it (a probe of the billed index per target, as above). */
  async billedTargets(tenantId: string, targets: string[]): Promise<Map<string, Set<string>>> {
    const found = new Map<string, Set<string>>();
    for (const chunk of chunks(targets, LOOKUP_CHUNK)) {
      const rows = await sql<{ target: string; naturalKey: string }>`
        SELECT DISTINCT t.target, b.natural_key FROM unnest(${chunk}::text[]) AS t(target)
         CROSS JOIN LATERAL (SELECT i.natural_key FROM finance_billing_run_items i
                              WHERE i.tenant_id = ${tenantId}::uuid AND i.target = t.target AND i.status IN ('created', 'existing') OFFSET 0) b`.execute(this.db);
      for (const r of rows.rows) found.set(r.target, (found.get(r.target) ?? new Set()).add(r.naturalKey));
    }
    return found;
  }
}
