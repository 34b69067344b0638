import { sql, type Kysely } from 'kysely';
import type { IsoDate } from '../../../kernel/dates.js';
import type { AnyDB } from '../../../kernel/db/database.js';
import type { JournalEntry, JournalLine, ListJournalQuery } from './ledger.schemas.js';

interface EntryRow {
  id: string;
  entry_date: string;
  description: string;
  kind: string;
  reverses_id: string | null;
  reversed_by_id: string | null;
  created_by: string | null;
  created_at: Date;
}

interface LineRow {
  entry_id: string;
  line_no: number;
  account_id: string;
  account_code: string;
  account_name: string;
  amount: number | string;
  currency: string;
  member_id: string | null;
  unit_id: string | null;
  lease_id: string | null;
  charge_id: string | null;
}

// The entry that reverses this one (one at most: the unique key on reverses_id).
const reversedById = sql<string | null>`(SELECT r.id FROM finance_entries r WHERE r.tenant_id = e.tenant_id AND r.reverses_id = e.id)`;

const toEntry = (r: EntryRow): Omit<JournalEntry, 'lines'> => ({
  id: r.id,
  date: r.entry_date,
  description: r.description,
  kind: r.kind,
  reversesId: r.reverses_id,
  reversedById: r.reversed_by_id,
  createdBy: r.created_by,
  createdAt: r.created_at as unknown as string,
});

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
  constructor(private readonly db: Kysely<AnyDB>) {}

  /** Ids of the system accounts seeded so far, by key. */
  async systemAccountIds(): Promise<Record<string, string>> {
    const rows = await this.db.selectFrom('finance_accounts').select(['id', 'system_key']).where('system_key', 'is not', null).execute();
    return Object.fromEntries(rows.map((r: { id: string; system_key: string }) => [r.system_key, r.id]));
  }

  /** Adds the accounts whose codes are free; concurrent seeders agree. */
  async seedAccounts(tenantId: string, accounts: { id: string; code: string; name: string; type: string; systemKey: string }[]): Promise<void> {
    const rows = accounts.map((a) => ({ tenant_id: tenantId, id: a.id, code: a.code, name: a.name, type: a.type, system_key: a.systemKey }));
    await this.db.insertInto('finance_accounts').values(rows).onConflict((oc) => oc.doNothing()).execute();
  }

  async insertEntry(tenantId: string, id: string, entry: { date: IsoDate; description: string; kind: string; reversesId: string | null; createdBy: string | null }, lines: NewLine[]): Promise<void> {
    await this.db
      .insertInto('finance_entries')
      .values({ tenant_id: tenantId, id, entry_date: entry.date, description: entry.description, kind: entry.kind, reverses_id: entry.reversesId, created_by: entry.createdBy })
      .execute();
    await this.db
      .insertInto('finance_lines')
      .values(
        lines.map((l, i) => ({
          tenant_id: tenantId,
          entry_id: id,
          line_no: i + 1,
          account_id: l.accountId,
          amount: l.amount,
          currency: l.currency,
          member_id: l.memberId,
          unit_id: l.unitId,
          lease_id: l.leaseId,
          charge_id: l.chargeId,
          entry_date: entry.date,
        })),
      )
      .execute();
  }

  /** The entry's lines as written, in line order. */
  async linesToReverse(entryId: string): Promise<NewLine[]> {
    const rows = await this.db
      .selectFrom('finance_lines')
      .select(['account_id', 'amount', 'currency', 'member_id', 'unit_id', 'lease_id', 'charge_id'])
      .where('entry_id', '=', entryId)
      .orderBy('line_no')
      .execute();
    return rows.map((l: { account_id: string; amount: number; currency: string; member_id: string | null; unit_id: string | null; lease_id: string | null; charge_id: string | null }) => ({
      accountId: l.account_id,
      amount: Number(l.amount),
      currency: l.currency,
      memberId: l.member_id,
      unitId: l.unit_id,
      leaseId: l.lease_id,
      chargeId: l.charge_id,
    }));
  }

  /** The entry that reverses `entryId`, if any. */
  async reversalOf(entryId: string): Promise<string | undefined> {
    const row = await this.db.selectFrom('finance_entries').select('id').where('reverses_id', '=', entryId).executeTakeFirst();
    return row?.id;
  }

  /** Takes the transaction-scoped advisory lock named `key`, waiting for whoever holds it. */
  async lock(key: string): Promise<void> {
    await sql`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))`.execute(this.db);
  }

  private entries() {
    return this.db
      .selectFrom('finance_entries as e')
      .select(['e.id', 'e.entry_date', 'e.description', 'e.kind', 'e.reverses_id', reversedById.as('reversed_by_id'), 'e.created_by', 'e.created_at']);
  }

  /** The entry (without lines); `lock` holds its row until the transaction ends. */
  async findEntry(id: string, lock = false): Promise<Omit<JournalEntry, 'lines'> | undefined> {
    let q = this.entries().where('e.id', '=', id);
    if (lock) q = q.forUpdate('e');
    const row = await q.executeTakeFirst();
    return row && toEntry(row as EntryRow);
  }

  /** A page of `limit + 1` entries after the keyset `after` (date, id), without their lines. */
  async listEntries(query: ListJournalQuery & { limit: number }, after: unknown[] | null): Promise<Omit<JournalEntry, 'lines'>[]> {
    const desc = (query.sort ?? '-date') === '-date';
    const dir = desc ? 'desc' : 'asc';
    let q = this.entries().limit(query.limit + 1);
    if (query.from) q = q.where('e.entry_date', '>=', query.from);
    if (query.to) q = q.where('e.entry_date', '<=', query.to);
    if (query.kind) q = q.where('e.kind', '=', query.kind);
    if (query.accountId) {
      q = q.where(sql<boolean>`EXISTS (SELECT 1 FROM finance_lines l WHERE l.tenant_id = e.tenant_id AND l.entry_id = e.id AND l.account_id = ${query.accountId}::uuid)`);
    }
    if (query.memberId) {
      q = q.where(sql<boolean>`EXISTS (SELECT 1 FROM finance_lines l WHERE l.tenant_id = e.tenant_id AND l.entry_id = e.id AND l.member_id = ${query.memberId}::uuid)`);
    }
    if (after) q = q.where(sql`(e.entry_date, e.id)`, desc ? '<' : '>', sql`(${after[0]}::date, ${after[1]}::uuid)`);
    // Ids are UUIDv7: within a day, id order is the order of posting.
    q = q.orderBy('e.entry_date', dir).orderBy('e.id', dir);
    return (await q.execute()).map((r) => toEntry(r as EntryRow));
  }

  /** The lines of the entries, each entry's in line order. */
  async linesOf(entryIds: string[]): Promise<Map<string, JournalLine[]>> {
    const byEntry = new Map<string, JournalLine[]>(entryIds.map((id) => [id, []]));
    if (entryIds.length === 0) return byEntry;
    const rows = await this.db
      .selectFrom('finance_lines as l')
      .innerJoin('finance_accounts as a', (j) => j.onRef('a.tenant_id', '=', 'l.tenant_id').onRef('a.id', '=', 'l.account_id'))
      .select(['l.entry_id', 'l.line_no', 'l.account_id', 'a.code as account_code', 'a.name as account_name', 'l.amount', 'l.currency', 'l.member_id', 'l.unit_id', 'l.lease_id', 'l.charge_id'])
      .where('l.entry_id', 'in', entryIds)
      .orderBy('l.entry_id')
      .orderBy('l.line_no')
      .execute();
    for (const r of rows as LineRow[]) {
      byEntry.get(r.entry_id)?.push({
        lineNo: r.line_no,
        accountId: r.account_id,
        accountCode: r.account_code,
        accountName: r.account_name,
        amount: Number(r.amount),
        currency: r.currency,
        memberId: r.member_id,
        unitId: r.unit_id,
        leaseId: r.lease_id,
        chargeId: r.charge_id,
      });
    }
    return byEntry;
  }

  async entryDate(id: string): Promise<IsoDate> {
    const row = await this.db.selectFrom('finance_entries').select('entry_date').where('id', '=', id).executeTakeFirstOrThrow();
    return row.entry_date as IsoDate;
  }
}
