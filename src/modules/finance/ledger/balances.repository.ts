import { sql } from 'kysely';
import type { IsoDate } from '../../../kernel/dates.js';
import type { Db } from '../../../kernel/db/tables.js';
import { exact } from '../../../kernel/money.js';
import { financeDb, type FinanceDb } from '../finance.tables.js';

// Sums are numeric, read as exact decimal strings and returned as bigints: every figure is
// exact, and the services check it fits a number (the turnover cap, docs/finance.md).

/** Balances summed from the journal's lines; runs inside the tenant transaction, under RLS. */
export class BalancesRepository {
  private readonly db: FinanceDb;

  constructor(db: Db) {
    this.db = financeDb(db);
  }

  /**
   * What the member-credit account `accountId` holds for the member in `currency` (credit
   * positive). Member-credit lines never name a charge: `charge_id IS NULL` lets the query use
   * finance_lines_member_credit (0010).
   */
  async memberCredit(accountId: string, memberId: string, currency: string): Promise<bigint> {
    const result = await sql<{ credit: string | null }>`
      SELECT -sum(amount) AS credit FROM finance_lines
       WHERE member_id = ${memberId} AND currency = ${currency} AND account_id = ${accountId} AND charge_id IS NULL`.execute(this.db);
    return exact(result.rows[0]?.credit);
  }

  /** Per currency, the account's balance at the end of `to`. */
  async accountBalances(accountId: string, to: IsoDate): Promise<{ currency: string; balance: bigint }[]> {
    const result = await sql<{ currency: string; balance: string }>`
      SELECT currency, sum(amount) AS balance FROM finance_lines
       WHERE account_id = ${accountId} AND entry_date <= ${to}::date
       GROUP BY currency ORDER BY currency`.execute(this.db);
    return result.rows.map((r) => ({ currency: r.currency, balance: exact(r.balance) }));
  }

  /** Per currency, the account's balance before `from` (currencies it has lines in). */
  async openingBalances(accountId: string, from: IsoDate): Promise<{ currency: string; balance: bigint }[]> {
    const result = await sql<{ currency: string; balance: string }>`
      SELECT currency, sum(amount) AS balance FROM finance_lines WHERE account_id = ${accountId} AND entry_date < ${from}::date GROUP BY currency`.execute(this.db);
    return result.rows.map((r) => ({ currency: r.currency, balance: exact(r.balance) }));
  }

  async account(id: string): Promise<{ id: string; code: string; name: string; type: string } | undefined> {
    return this.db.selectFrom('financeAccounts').select(['id', 'code', 'name', 'type']).where('id', '=', id).executeTakeFirst();
  }

  /** The account's lines from `from` to `to`, each with the running sum of its currency from `from` on. */
  async accountLines(accountId: string, from: IsoDate, to: IsoDate) {
    const result = await sql<{ entryId: string; lineNo: number; date: IsoDate; description: string; kind: string; amount: number; currency: string; memberId: string | null; chargeId: string | null; running: string }>`
      SELECT l.entry_id, l.line_no, l.entry_date AS date, e.description, e.kind, l.amount, l.currency, l.member_id, l.charge_id,
             sum(l.amount) OVER (PARTITION BY l.currency ORDER BY l.entry_date, l.entry_id, l.line_no) AS running
        FROM finance_lines l JOIN finance_entries e ON e.tenant_id = l.tenant_id AND e.id = l.entry_id
       WHERE l.account_id = ${accountId} AND l.entry_date BETWEEN ${from}::date AND ${to}::date
       ORDER BY l.entry_date, l.entry_id, l.line_no`.execute(this.db);
    return result.rows.map((l) => ({ ...l, running: exact(l.running) }));
  }

  /** Every account's balance per currency on `asOf` (inclusive), in code order. */
  async accountTotals(asOf: IsoDate) {
    const result = await sql<{ accountId: string; code: string; name: string; type: string; currency: string; balance: string }>`
      SELECT a.id AS account_id, a.code, a.name, a.type, l.currency, sum(l.amount) AS balance
        FROM finance_lines l JOIN finance_accounts a ON a.tenant_id = l.tenant_id AND a.id = l.account_id
       WHERE l.entry_date <= ${asOf}::date
       GROUP BY a.id, a.code, a.name, a.type, l.currency
       ORDER BY a.code, l.currency`.execute(this.db);
    return result.rows.map((r) => ({ ...r, balance: exact(r.balance) }));
  }

  /** Per currency on `asOf`: the member's receivable lines' sum and what their credit lines hold. */
  async memberTotals(memberId: string, asOf: IsoDate, accounts: { receivable: string; memberCredit: string }) {
    const result = await sql<{ currency: string; receivable: string; credit: string }>`
      SELECT currency,
             coalesce(sum(amount) FILTER (WHERE account_id = ${accounts.receivable}), 0) AS receivable,
             coalesce(-sum(amount) FILTER (WHERE account_id = ${accounts.memberCredit}), 0) AS credit
        FROM finance_lines
       WHERE member_id = ${memberId} AND entry_date <= ${asOf}::date
         AND account_id IN (${accounts.receivable}, ${accounts.memberCredit})
       GROUP BY currency ORDER BY currency`.execute(this.db);
    return result.rows.map((r) => ({ currency: r.currency, receivable: exact(r.receivable), credit: exact(r.credit) }));
  }

  /** Members whose receivable less credit in `currency` on `asOf` is more than `over` minor units. */
  async membersOwing(currency: string, over: bigint, asOf: IsoDate, accounts: { receivable: string; memberCredit: string }): Promise<string[]> {
    const result = await sql<{ memberId: string }>`
      SELECT member_id FROM finance_lines
       WHERE member_id IS NOT NULL AND currency = ${currency} AND entry_date <= ${asOf}::date
         AND account_id IN (${accounts.receivable}, ${accounts.memberCredit})
       GROUP BY member_id
      HAVING sum(amount) > ${over.toString()}::numeric`.execute(this.db);
    return result.rows.map((r) => r.memberId);
  }
}
