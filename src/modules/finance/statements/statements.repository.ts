import { sql } from 'kysely';
import type { IsoDate } from '../../../kernel/dates.js';
import type { Db } from '../../../kernel/db/tables.js';
import { exact } from '../../../kernel/money.js';
import { financeDb, type FinanceDb } from '../finance.tables.js';
import type { StatementRecord, StatementSummary } from './statements.schemas.js';

const columns = ['id', 'memberId', 'periodFrom as from', 'periodTo as to', 'summary', 'pdfBytes', 'generatedAt', 'emailedAt'] as const;

const withDownload = (r: Omit<StatementRecord, 'downloadUrl'>): StatementRecord => ({ ...r, downloadUrl: `/api/v1/finance/statements/${r.id}/pdf` });

/** Statement figures from the journal, and the statements issued; runs inside the tenant transaction, under RLS. */
export class StatementsRepository {
  private readonly db: FinanceDb;

  constructor(db: Db) {
    this.db = financeDb(db);
  }

  /** Per currency, the sum of the member's lines on `accounts` dated before `from`. */
  async opening(memberId: string, accounts: [string, string], from: IsoDate): Promise<{ currency: string; balance: bigint }[]> {
    const result = await sql<{ currency: string; balance: string }>`
      SELECT currency, sum(amount) AS balance FROM finance_lines
       WHERE member_id = ${memberId} AND account_id IN (${accounts[0]}, ${accounts[1]}) AND entry_date < ${from}::date
       GROUP BY currency`.execute(this.db);
    return result.rows.map((r) => ({ currency: r.currency, balance: exact(r.balance) }));
  }

  /** Each entry's net effect on the member's lines on `accounts` from `from` to `to`, those that change anything, in date order. */
  async movements(memberId: string, accounts: [string, string], from: IsoDate, to: IsoDate) {
    const result = await sql<{ entryId: string; date: IsoDate; kind: string; description: string; currency: string; chargeId: string | null; amount: string }>`
      SELECT l.entry_id, l.entry_date AS date, e.kind, e.description, l.currency, min(l.charge_id::text)::uuid AS charge_id, sum(l.amount) AS amount
        FROM finance_lines l JOIN finance_entries e ON e.tenant_id = l.tenant_id AND e.id = l.entry_id
       WHERE l.member_id = ${memberId} AND l.account_id IN (${accounts[0]}, ${accounts[1]})
         AND l.entry_date BETWEEN ${from}::date AND ${to}::date
       GROUP BY l.entry_id, l.entry_date, e.kind, e.description, l.currency
      HAVING sum(l.amount) <> 0
       ORDER BY l.entry_date, l.entry_id`.execute(this.db);
    return result.rows.map((m) => ({ ...m, amount: exact(m.amount) }));
  }

  /** The members with lines on the ledger dated up to `to`. */
  async membersWithLines(to: IsoDate): Promise<string[]> {
    const rows = await this.db.selectFrom('financeLines').select('memberId').distinct().where('memberId', 'is not', null).where('entryDate', '<=', to).orderBy('memberId').execute();
    return rows.map((r) => r.memberId!);
  }

  /** The statement and where its PDF is kept. */
  async find(id: string): Promise<{ record: StatementRecord; objectKey: string } | undefined> {
    const row = await this.db.selectFrom('financeStatements').select([...columns, 'objectKey']).where('id', '=', id).executeTakeFirst();
    if (!row) return undefined;
    const { objectKey, ...record } = row;
    return { record: withDownload(record), objectKey };
  }

  async findForPeriod(memberId: string, period: { from: IsoDate; to: IsoDate }): Promise<StatementRecord | undefined> {
    const row = await this.db.selectFrom('financeStatements').select(columns).where('memberId', '=', memberId).where('periodFrom', '=', period.from).where('periodTo', '=', period.to).executeTakeFirst();
    return row && withDownload(row);
  }

  /** A page of `limit + 1` statements after the keyset `after` (period start, id), newest first. */
  async list(limit: number, memberId: string | undefined, after: unknown[] | null): Promise<StatementRecord[]> {
    let q = this.db.selectFrom('financeStatements').select(columns).orderBy('periodFrom', 'desc').orderBy('id', 'desc').limit(limit + 1);
    if (memberId) q = q.where('memberId', '=', memberId);
    if (after) q = q.where(sql`(period_from, id)`, '<', sql`(${after[0]}::date, ${after[1]}::uuid)`);
    return (await q.execute()).map(withDownload);
  }

  /** Records the member's statement for the period, replacing the one issued before. */
  async save(tenantId: string, id: string, memberId: string, period: { from: IsoDate; to: IsoDate }, s: { summary: StatementSummary; objectKey: string; pdfBytes: number; generatedAt: Date }): Promise<StatementRecord> {
    const set = { summary: JSON.stringify(s.summary), objectKey: s.objectKey, pdfBytes: s.pdfBytes, generatedAt: s.generatedAt };
    const row = await this.db
      .insertInto('financeStatements')
      .values({ tenantId, id, memberId, periodFrom: period.from, periodTo: period.to, ...set })
      .onConflict((oc) => oc.columns(['tenantId', 'memberId', 'periodFrom', 'periodTo']).doUpdateSet(set))
      .returning(columns)
      .executeTakeFirstOrThrow();
    return withDownload(row);
  }

  async markEmailed(id: string, at: Date): Promise<void> {
    await this.db.updateTable('financeStatements').set({ emailedAt: at }).where('id', '=', id).execute();
  }
}
