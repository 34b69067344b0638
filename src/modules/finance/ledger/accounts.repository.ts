import type { Db } from '../../../kernel/db/tables.js';
import { newId } from '../../../kernel/ids.js';
import { financeDb, type FinanceDb } from '../finance.tables.js';
import type { Account, CreateAccount, ListAccountsQuery } from './ledger.schemas.js';

const accountColumns = ['id', 'code', 'name', 'type', 'systemKey', 'archivedAt', 'createdAt', 'updatedAt'] as const;

const withArchived = (r: Omit<Account, 'archived'>): Account => ({ ...r, archived: r.archivedAt !== null });

/** The chart of accounts; runs inside the tenant transaction, so RLS scopes every statement. */
export class AccountsRepository {
  private readonly db: FinanceDb;

  constructor(db: Db) {
    this.db = financeDb(db);
  }

  async findAccount(id: string): Promise<Account | undefined> {
    const row = await this.db.selectFrom('financeAccounts').select(accountColumns).where('id', '=', id).executeTakeFirst();
    return row && withArchived(row);
  }

  async accountsByIds(ids: string[]): Promise<Map<string, Account>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db.selectFrom('financeAccounts').select(accountColumns).where('id', 'in', ids).execute();
    return new Map(rows.map((r) => [r.id, withArchived(r)]));
  }

  /** A page of `limit + 1` accounts after the code `after`, in code order. */
  async listAccounts(query: ListAccountsQuery & { limit: number }, after: unknown[] | null): Promise<Account[]> {
    let q = this.db.selectFrom('financeAccounts').select(accountColumns).orderBy('code').limit(query.limit + 1);
    if (query.type) q = q.where('type', '=', query.type);
    if (!query.includeArchived) q = q.where('archivedAt', 'is', null);
    if (after) q = q.where('code', '>', after[0] as string);
    return (await q.execute()).map(withArchived);
  }

  async insertAccount(tenantId: string, input: CreateAccount): Promise<Account> {
    const row = await this.db
      .insertInto('financeAccounts')
      .values({ tenantId, id: newId(), code: input.code, name: input.name, type: input.type })
      .returning(accountColumns)
      .executeTakeFirstOrThrow();
    return withArchived(row);
  }

  async updateAccount(id: string, set: { name?: string; archivedAt?: Date | null }): Promise<Account> {
    const row = await this.db
      .updateTable('financeAccounts')
      .set({ ...set, updatedAt: new Date() })
      .where('id', '=', id)
      .returning(accountColumns)
      .executeTakeFirstOrThrow();
    return withArchived(row);
  }
}
