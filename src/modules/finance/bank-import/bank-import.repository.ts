import { sql, type Kysely } from 'kysely';
import type { AnyDB } from '../../../kernel/db/database.js';
import type { IsoDate } from '../../../kernel/dates.js';
import { exact, safeTotal } from '../../../kernel/money.js';
import type { MatchCharge, Proposal } from './bank-import.match.js';
import type { LineStatus } from './bank-import.schemas.js';

export interface ImportRow {
  id: string;
  filename: string | null;
  currency: string;
  settings: Record<string, unknown>;
  created_at: Date;
}

export interface LineRow {
  id: string;
  import_id: string;
  row_no: number;
  booked_on: IsoDate;
  direction: 'credit' | 'debit';
  amount: number;
  currency: string;
  reference: string;
  payer: string | null;
  description: string | null;
  fingerprint: string;
  duplicate_of: string | null;
  status: LineStatus;
  proposal: Proposal | null;
  member_id: string | null;
  payment_id: string | null;
  matched_at: Date | null;
}

export type NewLine = Omit<LineRow, 'import_id' | 'member_id' | 'payment_id' | 'matched_at'>;

const importColumns = ['id', 'filename', 'currency', 'settings', 'created_at'] as const;
const lineColumns = ['id', 'import_id', 'row_no', 'booked_on', 'direction', 'amount', 'currency', 'reference', 'payer', 'description', 'fingerprint', 'duplicate_of', 'status', 'proposal', 'member_id', 'payment_id', 'matched_at'] as const;

/** Rows per INSERT or IN list. */
const BATCH = 500;
const chunks = <T>(items: T[]): T[][] => Array.from({ length: Math.ceil(items.length / BATCH) }, (_, i) => items.slice(i * BATCH, (i + 1) * BATCH));

// jsonb comes back parsed from pg and PGlite alike; a driver handing back text is read too.
const json = <T>(v: unknown): T => (typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));
const toLine = (r: LineRow): LineRow => ({ ...r, amount: Number(r.amount), proposal: r.proposal === null ? null : json<Proposal>(r.proposal) });

/** SQL of bank statements and their lines; runs inside the tenant transaction. */
export class BankImportRepository {
  constructor(private readonly db: Kysely<AnyDB>) {}

  /** Imports of one tenant take turns, so that two uploads of one file see each other's lines as duplicates. */
  async lockImports(tenantId: string): Promise<void> {
    await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`finance:bank-imports:${tenantId}`}, 0))`.execute(this.db);
  }

  /** The first line already imported under each fingerprint. */
  async linesByFingerprint(fingerprints: string[]): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    for (const part of chunks([...new Set(fingerprints)])) {
      const rows = await this.db.selectFrom('finance_bank_lines').select(['id', 'fingerprint']).where('fingerprint', 'in', part).where('duplicate_of', 'is', null).orderBy('id').execute();
      for (const r of rows as { id: string; fingerprint: string }[]) if (!found.has(r.fingerprint)) found.set(r.fingerprint, r.id);
    }
    return found;
  }

  /** Charges by id (named in references), whatever their state. */
  async charges(ids: string[]): Promise<MatchCharge[]> {
    const out: MatchCharge[] = [];
    for (const part of chunks([...new Set(ids)])) {
      out.push(...(await this.#charges().where('id', 'in', part).execute()).map(toMatchCharge));
    }
    return out;
  }

  /** Every charge of the tenant that still owes money in `currency`. */
  async openCharges(currency: string): Promise<MatchCharge[]> {
    return (await this.#charges().where('currency', '=', currency).where('status', 'in', ['open', 'partially_paid']).execute()).map(toMatchCharge).filter((c) => c.outstanding > 0);
  }

  #charges() {
    return this.db.selectFrom('finance_charges').select(['id', 'member_id', 'currency', 'due_date', sql<string>`CASE WHEN status = 'void' THEN 0 ELSE amount - allocated - written_off END`.as('outstanding')]);
  }

  async insertImport(tenantId: string, values: { id: string; filename: string | null; currency: string; settings: object; lineCount: number; createdBy: string | null }): Promise<void> {
    await this.db
      .insertInto('finance_bank_imports')
      .values({ tenant_id: tenantId, id: values.id, filename: values.filename, currency: values.currency, settings: JSON.stringify(values.settings), line_count: values.lineCount, created_by: values.createdBy })
      .execute();
  }

  async insertLines(tenantId: string, importId: string, lines: NewLine[]): Promise<void> {
    for (const part of chunks(lines)) {
      await this.db
        .insertInto('finance_bank_lines')
        .values(part.map((l) => ({ ...l, tenant_id: tenantId, import_id: importId, proposal: l.proposal === null ? null : JSON.stringify(l.proposal) })))
        .execute();
    }
  }

  async findImport(id: string): Promise<ImportRow | undefined> {
    const row = await this.db.selectFrom('finance_bank_imports').select(importColumns).where('id', '=', id).executeTakeFirst();
    return row && { ...row, settings: json<Record<string, unknown>>(row.settings) };
  }

  async lines(importId: string): Promise<LineRow[]> {
    return (await this.db.selectFrom('finance_bank_lines').select(lineColumns).where('import_id', '=', importId).orderBy('row_no').execute()).map(toLine);
  }

  /** The import's lines among `ids`, locked in id order (two confirmations never wait on each other in a circle). */
  async lockLines(importId: string, ids: string[]): Promise<Map<string, LineRow>> {
    const rows = await this.db.selectFrom('finance_bank_lines').select(lineColumns).where('import_id', '=', importId).where('id', 'in', ids).orderBy('id').forUpdate().execute();
    return new Map(rows.map((r: LineRow) => [r.id, toLine(r)]));
  }

  async markMatched(id: string, values: { memberId: string; paymentId: string; by: string | null }): Promise<void> {
    await this.db.updateTable('finance_bank_lines').set({ status: 'matched', member_id: values.memberId, payment_id: values.paymentId, matched_by: values.by, matched_at: new Date() }).where('id', '=', id).execute();
  }

  /** A page of imports, newest first, with what their lines add up to. */
  async list(limit: number, before: string | null): Promise<(ImportRow & { summary: Record<string, number> })[]> {
    let q = this.db.selectFrom('finance_bank_imports').select(importColumns).orderBy('id', 'desc').limit(limit + 1);
    if (before) q = q.where('id', '<', before);
    const imports = (await q.execute()) as ImportRow[];
    if (imports.length === 0) return [];
    const sums = await sql<{ import_id: string; lines: string; credits: string; debits: string; duplicates: string; proposed: string; matched: string; credit_total: string | null; debit_total: string | null }>`
      SELECT import_id,
             count(*) AS lines,
             count(*) FILTER (WHERE direction = 'credit') AS credits,
             count(*) FILTER (WHERE direction = 'debit') AS debits,
             count(*) FILTER (WHERE status = 'duplicate') AS duplicates,
             count(*) FILTER (WHERE status = 'open' AND proposal ->> 'memberId' IS NOT NULL) AS proposed,
             count(*) FILTER (WHERE status = 'matched') AS matched,
             sum(amount) FILTER (WHERE direction = 'credit') AS credit_total,
             sum(amount) FILTER (WHERE direction = 'debit') AS debit_total
        FROM finance_bank_lines
       WHERE import_id IN (${sql.join(imports.map((i) => sql`${i.id}::uuid`))})
       GROUP BY import_id`.execute(this.db);
    const by = new Map(sums.rows.map((r) => [r.import_id, r]));
    return imports.map((i) => {
      const s = by.get(i.id);
      const n = (v: string | null | undefined) => Number(v ?? 0);
      return {
        ...i,
        settings: json<Record<string, unknown>>(i.settings),
        summary: { lines: n(s?.lines), credits: n(s?.credits), debits: n(s?.debits), duplicates: n(s?.duplicates), proposed: n(s?.proposed), matched: n(s?.matched), creditTotal: safeTotal(exact(s?.credit_total), 'credit total'), debitTotal: safeTotal(exact(s?.debit_total), 'debit total') },
      };
    });
  }
}

const toMatchCharge = (r: { id: string; member_id: string; currency: string; due_date: string; outstanding: string }): MatchCharge => ({
  id: r.id,
  memberId: r.member_id,
  currency: r.currency,
  outstanding: Number(r.outstanding),
  dueDate: String(r.due_date),
});
