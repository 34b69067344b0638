import { sql } from 'kysely';
import type { IsoDate } from '../../../kernel/dates.js';
import type { Db } from '../../../kernel/db/tables.js';
import { exact } from '../../../kernel/money.js';
import { financeDb, type FinanceDb } from '../finance.tables.js';

/** What was still owed on a date, in the aging buckets: current, 1–30, 31–60, 61–90, 90+ days past due. */
export type Buckets = [bigint, bigint, bigint, bigint, bigint];

/** The finance reports' sums; runs inside the tenant transaction, under RLS. Sums are numeric, returned exact. */
export class ReportsRepository {
  private readonly db: FinanceDb;

  constructor(db: Db) {
    this.db = financeDb(db);
  }

  /**
   * What each charge still owed on `asOf` (its lines on the receivable account up to then),
   * aged by days past its due date and summed per member or per unit (null: no unit) and currency.
   */
  async aging(receivable: string, asOf: IsoDate, by: 'member' | 'unit'): Promise<{ id: string | null; currency: string; buckets: Buckets }[]> {
    const key = by === 'member' ? sql`c.member_id` : sql`c.unit_id`;
    const result = await sql<{ id: string | null; currency: string; current: string; d30: string; d60: string; d90: string; over: string }>`
      WITH owed AS (
        SELECT l.charge_id, sum(l.amount) AS amount
          FROM finance_lines l
         WHERE l.account_id = ${receivable} AND l.charge_id IS NOT NULL AND l.entry_date <= ${asOf}::date
         GROUP BY l.charge_id
        HAVING sum(l.amount) > 0
      ), aged AS (
        SELECT ${key} AS id, c.currency, o.amount, ${asOf}::date - c.due_date AS late
          FROM owed o
          JOIN finance_charges c ON c.id = o.charge_id
      )
      SELECT id, currency,
             coalesce(sum(amount) FILTER (WHERE late <= 0), 0) AS current,
             coalesce(sum(amount) FILTER (WHERE late BETWEEN 1 AND 30), 0) AS d30,
             coalesce(sum(amount) FILTER (WHERE late BETWEEN 31 AND 60), 0) AS d60,
             coalesce(sum(amount) FILTER (WHERE late BETWEEN 61 AND 90), 0) AS d90,
             coalesce(sum(amount) FILTER (WHERE late > 90), 0) AS over
        FROM aged GROUP BY id, currency`.execute(this.db);
    return result.rows.map((r) => ({ id: r.id, currency: r.currency, buckets: [r.current, r.d30, r.d60, r.d90, r.over].map(exact) as Buckets }));
  }

  /** Per income account and currency, what it earned from `from` to `to` (credits positive), in code order. */
  async income(from: IsoDate, to: IsoDate) {
    const result = await sql<{ accountId: string; code: string; name: string; currency: string; income: string }>`
      SELECT a.id AS account_id, a.code, a.name, l.currency, -sum(l.amount) AS income
        FROM finance_lines l JOIN finance_accounts a ON a.tenant_id = l.tenant_id AND a.id = l.account_id
       WHERE a.type = 'income' AND l.entry_date BETWEEN ${from}::date AND ${to}::date
       GROUP BY a.id, a.code, a.name, l.currency
       ORDER BY a.code, l.currency`.execute(this.db);
    return result.rows.map((r) => ({ ...r, income: exact(r.income) }));
  }

  /** Per currency, the charges due from `from` to `to` (voids left out): how many, charged, settled by payments by `asOf`, written off. */
  async collections(from: IsoDate, to: IsoDate, asOf: IsoDate) {
    const result = await sql<{ currency: string; charges: number; charged: string; collected: string; writtenOff: string }>`
      SELECT c.currency, count(*) AS charges, sum(c.amount) AS charged,
             coalesce(sum((SELECT sum(a.amount) FROM finance_allocations a
                             JOIN finance_entries e ON e.tenant_id = a.tenant_id AND e.id = a.entry_id
                            WHERE a.tenant_id = c.tenant_id AND a.charge_id = c.id AND a.reversed_entry_id IS NULL AND e.entry_date <= ${asOf}::date)), 0) AS collected,
             sum(c.written_off) AS written_off
        FROM finance_charges c
       WHERE c.status <> 'void' AND c.due_date BETWEEN ${from}::date AND ${to}::date
       GROUP BY c.currency ORDER BY c.currency`.execute(this.db);
    return result.rows.map((r) => ({ ...r, charged: exact(r.charged), collected: exact(r.collected), writtenOff: exact(r.writtenOff) }));
  }

  /**
   * Per month (`YYYY-MM`) and currency, from `from` until (not including) `until`: what fell due
   * (charges by due date, voids left out) and what was received (payments by the day received,
   * refunds not netted: they are paid out later, on a day of their own). One GROUP BY each, on
   * the date columns the charge and payment lists are indexed by.
   */
  async monthly(from: IsoDate, until: IsoDate) {
    type Sum = { month: string; currency: string; amount: string };
    const billed = await sql<Sum>`
      SELECT to_char(date_trunc('month', c.due_date::timestamp), 'YYYY-MM') AS month, c.currency, sum(c.amount) AS amount
        FROM finance_charges c
       WHERE c.status <> 'void' AND c.due_date >= ${from}::date AND c.due_date < ${until}::date
       GROUP BY 1, 2`.execute(this.db);
    const collected = await sql<Sum>`
      SELECT to_char(date_trunc('month', p.received_on::timestamp), 'YYYY-MM') AS month, p.currency, sum(p.amount) AS amount
        FROM finance_payments p
       WHERE p.received_on >= ${from}::date AND p.received_on < ${until}::date
       GROUP BY 1, 2`.execute(this.db);
    const exactly = (rows: Sum[]) => rows.map((r) => ({ month: r.month, currency: r.currency, amount: exact(r.amount) }));
    return { billed: exactly(billed.rows), collected: exactly(collected.rows) };
  }
}
