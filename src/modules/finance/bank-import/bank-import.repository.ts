import { sql, type Selectable } from 'kysely';
import { anyUuid, type Db } from '../../../kernel/db/tables.js';
import { exact, safeTotal } from '../../../kernel/money.js';
import { financeDb, type FinanceDb, type FinanceTables } from '../finance.tables.js';
import type { MatchCharge } from './bank-import.match.js';

const importColumns = ['id', 'filename', 'currency', 'settings', 'createdAt'] as const;
const lineColumns = ['id', 'importId', 'rowNo', 'bookedOn', 'direction', 'amount', 'currency', 'reference', 'payer', 'description', 'fingerprint', 'duplicateOf', 'status', 'proposal', 'memberId', 'paymentId', 'matchedAt'] as const;

export type ImportRow = Pick<Selectable<FinanceTables['financeBankImports']>, (typeof importColumns)[number]>;
export type LineRow = Pick<Selectable<FinanceTables['financeBankLines']>, (typeof lineColumns)[number]>;
export type NewLine = Omit<LineRow, 'importId' | 'memberId' | 'paymentId' | 'matchedAt'>;

/** Rows per INSERT or IN list. */
const BATCH = 500;
const chunks = <T>(items: T[]): T[][] => Array.from({ length: Math.ceil(items.length / BATCH) }, (_, i) => items.slice(i * BATCH, (i + 1) * BATCH));

/** SQL of bank statements and their lines; runs inside the tenant transaction. */
export class BankImportRepository {
  private readonly db: FinanceDb;

  constructor(db: Db) {
    this.db = financeDb(db);
  }

  /** Imports of one tenant take turns, so that two uploads of one file see each other's lines as duplicates. */
  async lockImports(tenantId: string): Promise<void> {
    await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`finance:bank-imports:${tenantId}`}, 0))`.execute(this.db);
  }

  /** The first line already imported under each fingerprint. */
  async linesByFingerprint(fingerprints: string[]): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    for (const part of chunks([...new Set(fingerprints)])) {
      const rows = await this.db.selectFrom('financeBankLines').select(['id', 'fingerprint']).where('fingerprint', 'in', part).where('duplicateOf', 'is', null).orderBy('id').execute();
      for (const r of rows) if (!found.has(r.fingerprint)) found.set(r.fingerprint, r.id);
    }
    return found;
  }

  /** Charges by id (named in references), whatever their state. */
  async charges(ids: string[]): Promise<MatchCharge[]> {
    if (ids.length === 0) return [];
    return this.#charges().where('id', '=', anyUuid(ids)).execute();
  }

  /** Every charge of the tenant that still owes money in `currency`. */
  async openCharges(currency: string): Promise<MatchCharge[]> {
    return (await this.#charges().where('currency', '=', currency).where('status', 'in', ['open', 'partially_paid']).execute()).filter((c) => c.outstanding > 0);
  }

  #charges() {
    // bigint arithmetic stays bigint, read as a number like the amounts it comes from.
    return this.db.selectFrom('financeCharges').select(['id', 'memberId', 'currency', 'dueDate', sql<number>`CASE WHEN status = 'void' THEN 0 ELSE amount - allocated - written_off END`.as('outstanding')]);
  }

  async insertImport(tenantId: string, values: { id: string; filename: string | null; currency: string; settings: object; lineCount: number; createdBy: string | null }): Promise<void> {
    await this.db
      .insertInto('financeBankImports')
      .values({ tenantId, id: values.id, filename: values.filename, currency: values.currency, settings: JSON.stringify(values.settings), lineCount: values.lineCount, createdBy: values.createdBy })
      .execute();
  }

  async insertLines(tenantId: string, importId: string, lines: NewLine[]): Promise<void> {
    for (const part of chunks(lines)) {
      await this.db
        .insertInto('financeBankLines')
        .values(part.map((l) => ({ ...l, tenantId, importId, proposal: l.proposal === null ? null : JSON.stringify(l.proposal) })))
        .execute();
    }
  }

  async findImport(id: string): Promise<ImportRow | undefined> {
    return this.db.selectFrom('financeBankImports').select(importColumns).where('id', '=', id).executeTakeFirst();
  }

  async lines(importId: string): Promise<LineRow[]> {
    return this.db.selectFrom('financeBankLines').select(lineColumns).where('importId', '=', importId).orderBy('rowNo').execute();
  }

  /** The import's lines among `ids`, locked in id order (two confirmations never wait on each other in a circle). */
  async lockLines(importId: string, ids: string[]): Promise<Map<string, LineRow>> {
    const rows = await this.db.selectFrom('financeBankLines').select(lineColumns).where('importId', '=', importId).where('id', '=', anyUuid(ids)).orderBy('id').forUpdate().execute();
    return new Map(rows.map((r) => [r.id, r]));
  }

  async markMatched(id: string, values: { memberId: string; paymentId: string; by: string | null }): Promise<void> {
    await this.db.updateTable('financeBankLines').set({ status: 'matched', memberId: values.memberId, paymentId: values.paymentId, matchedBy: values.by, matchedAt: new Date() }).where('id', '=', id).execute();
  }

  /** A page of imports, newest first, with what their lines add up to. */
  async list(limit: number, before: string | null): Promise<(ImportRow & { summary: Record<string, number> })[]> {
    let q = this.db.selectFrom('financeBankImports').select(importColumns).orderBy('id', 'desc').limit(limit + 1);
    if (before) q = q.where('id', '<', before);
    const imports = await q.execute();
    if (imports.length === 0) return [];
    // Counts are bigint (numbers); sums are numeric, exact strings.
    const sums = await sql<{ importId: string; lines: number; credits: number; debits: number; duplicates: number; proposed: number; matched: number; creditTotal: string | null; debitTotal: string | null }>`
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
       WHERE import_id = ${anyUuid(imports.map((i) => i.id))}
       GROUP BY import_id`.execute(this.db);
    const by = new Map(sums.rows.map((r) => [r.importId, r]));
    return imports.map((i) => {
      const s = by.get(i.id);
      return {
        ...i,
        summary: { lines: s?.lines ?? 0, credits: s?.credits ?? 0, debits: s?.debits ?? 0, duplicates: s?.duplicates ?? 0, proposed: s?.proposed ?? 0, matched: s?.matched ?? 0, creditTotal: safeTotal(exact(s?.creditTotal), 'credit total'), debitTotal: safeTotal(exact(s?.debitTotal), 'debit total') },
      };
    });
  }
}
