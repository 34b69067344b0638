import { sql } from 'kysely';
import type { IsoDate } from '../../../kernel/dates.js';
import type { Db } from '../../../kernel/db/tables.js';
import { financeDb, type FinanceDb } from '../finance.tables.js';
import type { JournalEntry, JournalLine, ListJournalQuery } from './ledger.schemas.js';

// The entry that reverses this one (one at most: the unique key on reverses_id).
const reversedById = sql<string | null>`(SELECT r.id FROM finance_entries r WHERE r.tenant_id = e.tenant_id AND r.reverses_id = e.id)`;

/** A line as it is written; the entry's date rides on each line for the balance queries. */
export interface NewLine {
  accountId: string;
  amount: number;
  currency: string;
  memberId: string | null;
  unitId: string | null;
  leaseId: string | null;
  chargeId: string | null;
}

/** The journal: accounts the platform posts to, entries and their lines; runs inside the tenant transaction, under RLS. */
export class JournalRepository {
  private readonly db: FinanceDb;

  constructor(db: Db) {
    this.db = financeDb(db);
  }

  /** Ids of the system accounts seeded so far, by key. */
  async systemAccountIds(): Promise<Record<string, string>> {
    const rows = await this.db.selectFrom('financeAccounts').select(['id', 'systemKey']).where('systemKey', 'is not', null).execute();
    return Object.fromEntries(rows.map((r) => [r.systemKey, r.id]));
  }

  /** Adds the accounts whose codes are free; concurrent seeders agree. */
  async seedAccounts(tenantId: string, accounts: { id: string; code: string; name: string; type: 'asset' | 'liability' | 'equity' | 'income' | 'expense'; systemKey: string }[]): Promise<void> {
    await this.db.insertInto('financeAccounts').values(accounts.map((a) => ({ tenantId, ...a }))).onConflict((oc) => oc.doNothing()).execute();
  }

  async insertEntry(tenantId: string, id: string, entry: { date: IsoDate; description: string; kind: string; reversesId: string | null; createdBy: string | null }, lines: NewLine[]): Promise<void> {
    await this.db
      .insertInto('financeEntries')
      .values({ tenantId, id, entryDate: entry.date, description: entry.description, kind: entry.kind, reversesId: entry.reversesId, createdBy: entry.createdBy })
      .execute();
    await this.db
      .insertInto('financeLines')
      .values(lines.map((l, i) => ({ tenantId, entryId: id, lineNo: i + 1, ...l, entryDate: entry.date })))
      .execute();
  }

  /** The entry's lines as written, in line order. */
  async linesToReverse(entryId: string): Promise<NewLine[]> {
    return this.db
      .selectFrom('financeLines')
      .select(['accountId', 'amount', 'currency', 'memberId', 'unitId', 'leaseId', 'chargeId'])
      .where('entryId', '=', entryId)
      .orderBy('lineNo')
      .execute();
  }

  /** The entry that reverses `entryId`, if any. */
  async reversalOf(entryId: string): Promise<string | undefined> {
    const row = await this.db.selectFrom('financeEntries').select('id').where('reversesId', '=', entryId).executeTakeFirst();
    return row?.id;
  }

  /** Takes the transaction-scoped advisory lock named `key`, waiting for whoever holds it. */
  async lock(key: string): Promise<void> {
    await sql`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))`.execute(this.db);
  }

  /** Takes the locks named `keys` one after the other, in the order given. */
  async lockAll(keys: string[]): Promise<void> {
    await sql`SELECT count(pg_advisory_xact_lock(hashtextextended(k.key, 0))) FROM unnest(${keys}::text[]) WITH ORDINALITY AS k(key, n)`.execute(this.db);
  }

  private entries() {
    return this.db
      .selectFrom('financeEntries as e')
      .select(['e.id', 'e.entryDate as date', 'e.description', 'e.kind', 'e.reversesId', reversedById.as('reversedById'), 'e.createdBy', 'e.createdAt']);
  }

  /** The entry (without lines); `lock` holds its row until the transaction ends. */
  async findEntry(id: string, lock = false): Promise<Omit<JournalEntry, 'lines'> | undefined> {
    let q = this.entries().where('e.id', '=', id);
    if (lock) q = q.forUpdate('e');
    return q.executeTakeFirst();
  }

  /** A page of `limit + 1` entries after the keyset `after` (date, id), without their lines. */
  async listEntries(query: ListJournalQuery & { limit: number }, after: unknown[] | null): Promise<Omit<JournalEntry, 'lines'>[]> {
    const desc = (query.sort ?? '-date') === '-date';
    const dir = desc ? 'desc' : 'asc';
    let q = this.entries().limit(query.limit + 1);
    if (query.from) q = q.where('e.entryDate', '>=', query.from);
    if (query.to) q = q.where('e.entryDate', '<=', query.to);
    if (query.kind) q = q.where('e.kind', '=', query.kind);
    if (query.accountId) {
      q = q.where(sql<boolean>`EXISTS (SELECT 1 FROM finance_lines l WHERE l.tenant_id = e.tenant_id AND l.entry_id = e.id AND l.account_id = ${query.accountId}::uuid)`);
    }
    if (query.memberId) {
      q = q.where(sql<boolean>`EXISTS (SELECT 1 FROM finance_lines l WHERE l.tenant_id = e.tenant_id AND l.entry_id = e.id AND l.member_id = ${query.memberId}::uuid)`);
    }
    if (after) q = q.where(sql`(e.entry_date, e.id)`, desc ? '<' : '>', sql`(${after[0]}::date, ${after[1]}::uuid)`);
    // Ids are UUIDv7: within a day, id order is the order of posting.
    q = q.orderBy('e.entryDate', dir).orderBy('e.id', dir);
    return q.execute();
  }

  /** The lines of the entries, each entry's in line order. */
  async linesOf(entryIds: string[]): Promise<Map<string, JournalLine[]>> {
    const byEntry = new Map<string, JournalLine[]>(entryIds.map((id) => [id, []]));
    if (entryIds.length === 0) return byEntry;
    const rows = await this.db
      .selectFrom('financeLines as l')
      .innerJoin('financeAccounts as a', (j) => j.onRef('a.tenantId', '=', 'l.tenantId').onRef('a.id', '=', 'l.accountId'))
      .select(['l.entryId', 'l.lineNo', 'l.accountId', 'a.code as accountCode', 'a.name as accountName', 'l.amount', 'l.currency', 'l.memberId', 'l.unitId', 'l.leaseId', 'l.chargeId'])
      .where('l.entryId', 'in', entryIds)
      .orderBy('l.entryId')
      .orderBy('l.lineNo')
      .execute();
    for (const { entryId, ...line } of rows) byEntry.get(entryId)?.push(line);
    return byEntry;
  }

  async entryDate(id: string): Promise<IsoDate> {
    const row = await this.db.selectFrom('financeEntries').select('entryDate').where('id', '=', id).executeTakeFirstOrThrow();
    return row.entryDate;
  }
}
