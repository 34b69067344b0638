import { sql } from 'kysely';
import type { IsoDate } from '../../../kernel/dates.js';
import type { Db } from '../../../kernel/db/tables.js';
import { financeDb, type FinanceDb } from '../finance.tables.js';
import type { LateFeeRule } from './late-fees.schemas.js';

const ruleColumns = ['enabled', 'graceDays', 'kind', 'amount', 'percentBp as percentBasisPoints', 'cap', 'repeat', 'updatedAt'] as const;

/** An overdue charge the late-fee job looks at. */
export interface OverdueCharge {
  id: string;
  memberId: string;
  unitId: string | null;
  leaseId: string | null;
  description: string;
  currency: string;
  dueDate: IsoDate;
  outstanding: number;
}

/**
 * Late-fee rule and overdue charges SQL; runs inside the tenant transaction, so RLS scopes every
 * statement. The daily look-ups name the tenant too, so that the planner takes the keys that
 * lead with tenant_id even without statistics (PGlite gathers none).
 */
export class LateFeesRepository {
  private readonly db: FinanceDb;

  constructor(db: Db) {
    this.db = financeDb(db);
  }

  async rule(): Promise<LateFeeRule | undefined> {
    return this.db.selectFrom('financeLateFeeRules').select(ruleColumns).executeTakeFirst();
  }

  async putRule(tenantId: string, rule: Omit<LateFeeRule, 'updatedAt'>, updatedBy: string | null): Promise<LateFeeRule> {
    const values = {
      enabled: rule.enabled,
      graceDays: rule.graceDays,
      kind: rule.kind,
      amount: rule.amount,
      percentBp: rule.percentBasisPoints,
      cap: rule.cap,
      repeat: rule.repeat,
      updatedBy,
      updatedAt: new Date(),
    };
    return this.db
      .insertInto('financeLateFeeRules')
      .values({ tenantId, ...values })
      .onConflict((oc) => oc.column('tenantId').doUpdateSet(values))
      .returning(ruleColumns)
      .executeTakeFirstOrThrow();
  }

  /**
   * Open or part-paid charges, fees excepted, due before `dueBefore`: a page of `limit` in due
   * order after the keyset `after` (the open-charges index serves it).
   */
  async overdue(tenantId: string, dueBefore: IsoDate, after: [IsoDate, string] | null, limit: number): Promise<OverdueCharge[]> {
    const result = await sql<OverdueCharge>`
      SELECT id, member_id, unit_id, lease_id, description, currency, due_date, amount - allocated - written_off AS outstanding
        FROM finance_charges
       WHERE tenant_id = ${tenantId}::uuid AND status IN ('open', 'partially_paid') AND kind <> 'fee' AND due_date < ${dueBefore}::date
         ${after ? sql`AND (due_date, id) > (${after[0]}::date, ${after[1]}::uuid)` : sql``}
       ORDER BY due_date, id
       LIMIT ${limit}`.execute(this.db);
    return result.rows;
  }

  /** Of these natural keys, those a charge already has. */
  async takenKeys(tenantId: string, keys: string[]): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    const rows = await sql<{ naturalKey: string }>`SELECT natural_key FROM finance_charges WHERE tenant_id = ${tenantId}::uuid AND natural_key = ANY(${keys}::text[])`.execute(this.db);
    return new Set(rows.rows.map((r) => r.naturalKey));
  }

  /** Serialises the late-fee work of one tenant: two runs of the job take turns, batch by batch. */
  async lock(tenantId: string): Promise<void> {
    await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`finance:late-fees:${tenantId}`}, 0))`.execute(this.db);
  }
}
