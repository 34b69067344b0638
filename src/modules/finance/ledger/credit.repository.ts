import { sql } from 'kysely';
import type { IsoDate } from '../../../kernel/dates.js';
import type { Db } from '../../../kernel/db/tables.js';
import { financeDb, type FinanceDb } from '../finance.tables.js';
import type { Charge, ChargeStatus } from './ledger.types.js';

const chargeSqlColumns = ['id', 'member_id', 'unit_id', 'lease_id', 'kind', 'description', 'amount', 'currency', 'period_start', 'period_end', 'due_date', 'allocated', 'written_off', 'status', 'entry_id', 'void_entry_id', 'natural_key', 'created_at'];

/** A share of a member's credit planned for one open charge. */
export interface PlannedShare {
  memberId: string;
  currency: string;
  chargeId: string;
  unitId: string | null;
  leaseId: string | null;
  amount: number;
  allocated: number;
  writtenOff: number;
  /** What the share settles of the charge. */
  share: number;
  /** The charge's entry date, and the latest date of a line in the member's credit. */
  chargeDate: IsoDate;
  creditDate: IsoDate;
}

/** One allocation entry to write: the member-credit line and a receivable line per share. */
export interface CreditEntry {
  id: string;
  memberId: string;
  currency: string;
  date: IsoDate;
  description: string;
  total: number;
  shares: { allocationId: string; chargeId: string; unitId: string | null; leaseId: string | null; amount: number; status: ChargeStatus }[];
}

/**
 * Credit applied to open charges, set-based: one statement plans the shares of every member
 * and currency asked, one writes every entry, line, allocation and charge that follows.
 * Runs inside the tenant transaction, under RLS, with the members' locks held.
 */
export class CreditRepository {
  private readonly db: FinanceDb;

  constructor(db: Db) {
    this.db = financeDb(db);
  }

  /**
   * Per member and currency with credit, its open charges oldest due first, each with the
   * share of the credit that settles it, until the credit runs out.
   *
   * The credit is read through finance_lines_member_credit (0010), which holds the lines with
   * a member and no charge: member-credit lines never name a charge, and a billing batch's
   * charge lines (all of which do) cost the index nothing. Open charges are read per member
   * through finance_charges_by_member, already in due order, and only for members with credit;
   * each charge's entry date by its key, in a subquery that cannot become a join (analysed,
   * a join reads every entry of the tenant into a hash).
   */
  async plan(tenantId: string, creditAccountId: string, pairs: { memberId: string; currency: string }[]): Promise<PlannedShare[]> {
    if (pairs.length === 0) return [];
    const input = JSON.stringify(pairs.map((p) => ({ member_id: p.memberId, currency: p.currency })));
    const rows = await sql<PlannedShare>`
      WITH pair AS (
        SELECT DISTINCT * FROM jsonb_to_recordset(${input}::jsonb) AS p(member_id uuid, currency text)
      ), credit AS MATERIALIZED (
        SELECT p.member_id, p.currency, c.credit, c.credit_date
          FROM pair p CROSS JOIN LATERAL (
            SELECT -sum(l.amount) AS credit, max(l.entry_date) AS credit_date FROM finance_lines l
             WHERE l.tenant_id = ${tenantId}::uuid AND l.member_id = p.member_id AND l.currency = p.currency
               AND l.account_id = ${creditAccountId}::uuid AND l.charge_id IS NULL) c
         WHERE c.credit > 0
      )
      SELECT o.member_id, o.currency, o.id AS charge_id, o.unit_id, o.lease_id, o.amount, o.allocated, o.written_off,
             least(o.outstanding, cr.credit - (o.running - o.outstanding))::bigint AS share,
             (SELECT e.entry_date FROM finance_entries e WHERE e.tenant_id = ${tenantId}::uuid AND e.id = o.entry_id) AS charge_date, cr.credit_date
        FROM credit cr
       CROSS JOIN LATERAL (
             SELECT c.*, c.amount - c.allocated - c.written_off AS outstanding,
                    sum(c.amount - c.allocated - c.written_off) OVER (ORDER BY c.due_date, c.id) AS running
               FROM finance_charges c
              WHERE c.tenant_id = ${tenantId}::uuid AND c.member_id = cr.member_id AND c.currency = cr.currency
                AND c.status IN ('open', 'partially_paid')) o
       WHERE o.running - o.outstanding < cr.credit
       ORDER BY o.member_id, o.currency, o.due_date, o.id`.execute(this.db);
    return rows.rows;
  }

  /**
   * Writes the allocation entries with their lines (member credit debited, each charge's
   * receivable credited), the allocations, and the charges' new `allocated` and status, in one
   * statement. Returns the charges as they are now.
   */
  async write(tenantId: string, entries: CreditEntry[], accounts: { receivable: string; memberCredit: string }, paymentId: string | null, createdBy: string | null): Promise<Charge[]> {
    if (entries.length === 0) return [];
    const entryRows = entries.map((e) => ({ id: e.id, member_id: e.memberId, currency: e.currency, entry_date: e.date, description: e.description, total: e.total }));
    const shareRows = entries.flatMap((e) =>
      e.shares.map((s, i) => ({ id: s.allocationId, entry_id: e.id, line_no: i + 2, member_id: e.memberId, currency: e.currency, entry_date: e.date, charge_id: s.chargeId, unit_id: s.unitId, lease_id: s.leaseId, amount: s.amount, status: s.status })),
    );
    const rows = await sql<Omit<Charge, 'outstanding'>>`
      WITH entry_in AS (
        SELECT * FROM jsonb_to_recordset(${JSON.stringify(entryRows)}::jsonb) AS e(id uuid, member_id uuid, currency text, entry_date date, description text, total bigint)
      ), share_in AS (
        SELECT * FROM jsonb_to_recordset(${JSON.stringify(shareRows)}::jsonb) AS s(
          id uuid, entry_id uuid, line_no int, member_id uuid, currency text, entry_date date, charge_id uuid, unit_id uuid, lease_id uuid, amount bigint, status text)
      ), entry AS (
        INSERT INTO finance_entries (tenant_id, id, entry_date, description, kind, created_by)
        SELECT ${tenantId}::uuid, id, entry_date, description, 'allocation', ${createdBy}::uuid FROM entry_in
      ), line AS (
        INSERT INTO finance_lines (tenant_id, entry_id, line_no, account_id, amount, currency, member_id, unit_id, lease_id, charge_id, entry_date)
        SELECT ${tenantId}::uuid, id, 1, ${accounts.memberCredit}::uuid, total, currency, member_id, NULL, NULL, NULL, entry_date FROM entry_in
        UNION ALL
        SELECT ${tenantId}::uuid, entry_id, line_no, ${accounts.receivable}::uuid, -amount, currency, member_id, unit_id, lease_id, charge_id, entry_date FROM share_in
      ), allocation AS (
        INSERT INTO finance_allocations (tenant_id, id, member_id, charge_id, payment_id, amount, currency, entry_id)
        SELECT ${tenantId}::uuid, id, member_id, charge_id, ${paymentId}::uuid, amount, currency, entry_id FROM share_in
      ), charge AS (
        UPDATE finance_charges c SET allocated = c.allocated + s.amount, status = s.status, updated_at = now()
          FROM share_in s WHERE c.tenant_id = ${tenantId}::uuid AND c.id = s.charge_id
        RETURNING c.*
      )
      SELECT ${sql.join(chargeSqlColumns.map((col) => sql.ref(col)))} FROM charge`.execute(this.db);
    return rows.rows.map((c) => ({ ...c, outstanding: c.status === 'void' ? 0 : c.amount - c.allocated - c.writtenOff }));
  }
}
