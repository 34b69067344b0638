import { sql, type Kysely } from 'kysely';
import type { IsoDate } from '../../../kernel/dates.js';
import type { AnyDB } from '../../../kernel/db/database.js';
import { exact } from '../../../kernel/money.js';
import type { StatementRecord, StatementSummary } from './statements.schemas.js';

interface Row {
  id: string;
  member_id: string;
  period_from: string;
  period_to: string;
  summary: StatementSummary | string;
  object_key: string;
  pdf_bytes: number;
  generated_at: Date;
  emailed_at: Date | null;
}
const columns = ['id', 'member_id', 'period_from', 'period_to', 'summary', 'object_key', 'pdf_bytes', 'generated_at', 'emailed_at'] as const;

const toRecord = (r: Row): StatementRecord => ({
  id: r.id,
  memberId: r.member_id,
  from: r.period_from,
  to: r.period_to,
  summary: typeof r.summary === 'string' ? JSON.parse(r.summary) : r.summary,
  pdfBytes: r.pdf_bytes,
  downloadUrl: `/api/v1/finance/statements/${r.id}/pdf`,
  generatedAt: r.generated_at,
  emailedAt: r.emailed_at,
});

/** Statement figures from the journal, and the statements issued; runs inside the tenant transaction, under RLS. */
export class StatementsRepository {
  constructor(private readonly db: Kysely<AnyDB>) {}

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
    const result = await sql<{ entry_id: string; entry_date: string; kind: string; description: string; currency: string; charge_id: string | null; amount: string }>`
      SELECT l.entry_id, l.entry_date, e.kind, e.description, l.currency, min(l.charge_id::text)::uuid AS charge_id, sum(l.amount) AS amount
        FROM finance_lines l JOIN finance_entries e ON e.tenant_id = l.tenant_id AND e.id = l.entry_id
       WHERE l.member_id = ${memberId} AND l.account_id IN (${accounts[0]}, ${accounts[1]})
         AND l.entry_date BETWEEN ${from}::date AND ${to}::date
       GROUP BY l.entry_id, l.entry_date, e.kind, e.description, l.currency
      HAVING sum(l.amount) <> 0
       ORDER BY l.entry_date, l.entry_id`.execute(this.db);
    return result.rows.map((m) => ({ entryId: m.entry_id, date: m.entry_date as IsoDate, kind: m.kind, description: m.description, currency: m.currency, chargeId: m.charge_id, amount: exact(m.amount) }));
  }

  /** The members with lines on the ledger dated up to `to`. */
  async membersWithLines(to: IsoDate): Promise<string[]> {
    const result = await sql<{ member_id: string }>`SELECT DISTINCT member_id FROM finance_lines WHERE member_id IS NOT NULL AND entry_date <= ${to}::date ORDER BY member_id`.execute(this.db);
    return result.rows.map((r) => r.member_id);
  }

  /** The statement and where its PDF is kept. */
  async find(id: string): Promise<{ record: StatementRecord; objectKey: string } | undefined> {
    const row = await this.db.selectFrom('finance_statements').select(columns).where('id', '=', id).executeTakeFirst();
    return row && { record: toRecord(row), objectKey: row.object_key };
  }

  async findForPeriod(memberId: string, period: { from: IsoDate; to: IsoDate }): Promise<StatementRecord | undefined> {
    const row = await this.db.selectFrom('finance_statements').select(columns).where('member_id', '=', memberId).where('period_from', '=', period.from).where('period_to', '=', period.to).executeTakeFirst();
    return row && toRecord(row);
  }

  /** A page of `limit + 1` statements after the keyset `after` (period start, id), newest first. */
  async list(limit: number, memberId: string | undefined, after: unknown[] | null): Promise<StatementRecord[]> {
    let q = this.db.selectFrom('finance_statements').select(columns).orderBy('period_from', 'desc').orderBy('id', 'desc').limit(limit + 1);
    if (memberId) q = q.where('member_id', '=', memberId);
    if (after) q = q.where(sql`(period_from, id)`, '<', sql`(${after[0]}::date, ${after[1]}::uuid)`);
    return (await q.execute()).map(toRecord);
  }

  /** Records the member's statement for the period, replacing the one issued before. */
  async save(tenantId: string, id: string, memberId: string, period: { from: IsoDate; to: IsoDate }, s: { summary: StatementSummary; objectKey: string; pdfBytes: number; generatedAt: Date }): Promise<StatementRecord> {
    const set = { summary: JSON.stringify(s.summary), object_key: s.objectKey, pdf_bytes: s.pdfBytes, generated_at: s.generatedAt };
    const row = await this.db
      .insertInto('finance_statements')
      .values({ tenant_id: tenantId, id, member_id: memberId, period_from: period.from, period_to: period.to, ...set })
      .onConflict((oc) => oc.columns(['tenant_id', 'member_id', 'period_from', 'period_to']).doUpdateSet(set))
      .returning(columns)
      .executeTakeFirstOrThrow();
    return toRecord(row);
  }

  async markEmailed(id: string, at: Date): Promise<void> {
    await this.db.updateTable('finance_statements').set({ emailed_at: at }).where('id', '=', id).execute();
  }
}
