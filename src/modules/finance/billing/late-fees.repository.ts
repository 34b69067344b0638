import { sql, type Kysely } from 'kysely';
import type { IsoDate } from '../../../kernel/dates.js';
import type { AnyDB } from '../../../kernel/db/database.js';
import type { LateFeeKind, LateFeeRepeat, LateFeeRule } from './late-fees.schemas.js';

interface RuleRow {
  enabled: boolean;
  grace_days: number;
  kind: LateFeeKind;
  amount: number | null;
  percent_bp: number | null;
  cap: number | null;
  repeat: LateFeeRepeat;
  updated_at: Date;
}

const ruleColumns = ['enabled', 'grace_days', 'kind', 'amount', 'percent_bp', 'cap', 'repeat', 'updated_at'] as const;

const toRule = (r: RuleRow): LateFeeRule => ({
  enabled: r.enabled,
  graceDays: r.grace_days,
  kind: r.kind,
  amount: r.amount === null ? null : Number(r.amount),
  percentBasisPoints: r.percent_bp,
  cap: r.cap === null ? null : Number(r.cap),
  repeat: r.repeat,
  updatedAt: r.updated_at as unknown as string,
});

/** An overdue charge the late-fee job looks at. */
export interface OverdueCharge {
  id: string;
  member_id: string;
  unit_id: string | null;
  lease_id: string | null;
  description: string;
  currency: string;
  due_date: IsoDate;
  outstanding: number;
}

/**
 * Late-fee rule and overdue charges SQL; runs inside the tenant transaction, so RLS scopes every
 * statement. The daily look-ups name the tenant too, so that the planner takes the keys that
 * lead with tenant_id even without statistics (PGlite gathers none).
 */
export class LateFeesRepository {
  constructor(private readonly db: Kysely<AnyDB>) {}

  async rule(): Promise<LateFeeRule | undefined> {
    const row = await this.db.selectFrom('finance_late_fee_rules').select(ruleColumns).executeTakeFirst();
    return row && toRule(row);
  }

  async putRule(tenantId: string, rule: Omit<LateFeeRule, 'updatedAt'>, updatedBy: string | null): Promise<LateFeeRule> {
    const values = {
      enabled: rule.enabled,
      grace_days: rule.graceDays,
      kind: rule.kind,
      amount: rule.amount,
      percent_bp: rule.percentBasisPoints,
      cap: rule.cap,
      repeat: rule.repeat,
      updated_by: updatedBy,
      updated_at: new Date(),
    };
    const row = await this.db
      .insertInto('finance_late_fee_rules')
      .values({ tenant_id: tenantId, ...values })
      .onConflict((oc) => oc.column('tenant_id').doUpdateSet(values))
      .returning(ruleColumns)
      .executeTakeFirstOrThrow();
    return toRule(row);
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
    return result.rows.map((r) => ({ ...r, outstanding: Number(r.outstanding) }));
  }

  /** Of these natural keys, those a charge already has. */
  async takenKeys(tenantId: string, keys: string[]): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    const rows = await sql<{ natural_key: string }>`SELECT natural_key FROM finance_charges WHERE tenant_id = ${tenantId}::uuid AND natural_key = ANY(${keys}::text[])`.execute(this.db);
    return new Set(rows.rows.map((r) => r.natural_key));
  }

  /** Serialises the late-fee work of one tenant: two runs of the job take turns, batch by batch. */
  async lock(tenantId: string): Promise<void> {
    await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`finance:late-fees:${tenantId}`}, 0))`.execute(this.db);
  }
}
