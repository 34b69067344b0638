import type { Kysely } from 'kysely';
import type { AnyDB } from '../../../kernel/db/database.js';
import { newId } from '../../../kernel/ids.js';
import type { Account, CreateAccount, ListAccountsQuery } from './ledger.schemas.js';

interface AccountRow {
  id: string;
  code: string;
  name: string;
  type: Account['type'];
  system_key: string | null;
  archived_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

const accountColumns = ['id', 'code', 'name', 'type', 'system_key', 'archived_at', 'created_at', 'updated_at'] as const;

const toAccount = (r: AccountRow): Account => ({
  id: r.id,
  code: r.code,
  name: r.name,
  type: r.type,
  systemKey: r.system_key,
  archived: r.archived_at !== null,
  archivedAt: r.archived_at as unknown as string | null,
  createdAt: r.created_at as unknown as string,
  updatedAt: r.updated_at as unknown as string,
});

/** The chart of accounts; runs inside the tenant transaction, so RLS scopes every statement. */
export class AccountsRepository {
  constructor(private readonly db: Kysely<AnyDB>) {}

  // ---- accounts

  async findAccount(id: string): Promise<Account | undefined> {
    const row = await this.db.selectFrom('finance_accounts').select(accountColumns).where('id', '=', id).executeTakeFirst();
    return row && toAccount(row);
  }

  async accountsByIds(ids: string[]): Promise<Map<string, Account>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db.selectFrom('finance_accounts').select(accountColumns).where('id', 'in', ids).execute();
    return new Map(rows.map((r: AccountRow) => [r.id, toAccount(r)]));
  }

  /** A page of `limit + 1` accounts after the code `after`, in code order. */
  async listAccounts(query: ListAccountsQuery & { limit: number }, after: unknown[] | null): Promise<Account[]> {
    let q = this.db.selectFrom('finance_accounts').select(accountColumns).orderBy('code').limit(query.limit + 1);
    if (query.type) q = q.where('type', '=', query.type);
    if (!query.includeArchived) q = q.where('archived_at', 'is', null);
    if (after) q = q.where('code', '>', after[0] as string);
    return (await q.execute()).map(toAccount);
  }

  async insertAccount(tenantId: string, input: CreateAccount): Promise<Account> {
    const row = await this.db
      .insertInto('finance_accounts')
      .values({ tenant_id: tenantId, id: newId(), code: input.code, name: input.name, type: input.type })
      .returning(accountColumns)
      .executeTakeFirstOrThrow();
    return toAccount(row);
  }

  async updateAccount(id: string, set: { name?: string; archived_at?: Date | null }): Promise<Account> {
    const row = await this.db
      .updateTable('finance_accounts')
      .set({ ...set, updated_at: new Date() })
      .where('id', '=', id)
      .returning(accountColumns)
      .executeTakeFirstOrThrow();
    return toAccount(row);
  }
}
