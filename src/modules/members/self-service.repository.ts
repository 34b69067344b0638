import type { Kysely } from 'kysely';
import { tablesOf, type Db } from '../../kernel/db/tables.js';
import type { MembersTables } from './members.tables.js';

/** The tenant's self-service setting; runs inside the tenant transaction, so RLS scopes it. */
export class SelfServiceRepository {
  private readonly db: Kysely<MembersTables>;

  constructor(db: Db) {
    this.db = tablesOf(db);
  }

  /** The fields the tenant chose, or undefined when it never chose. */
  async editableFields(): Promise<string[] | undefined> {
    return (await this.db.selectFrom('memberSelfService').select('editableFields').executeTakeFirst())?.editableFields;
  }

  async setEditableFields(tenantId: string, fields: readonly string[]): Promise<void> {
    const editableFields = [...fields];
    await this.db
      .insertInto('memberSelfService')
      .values({ tenantId, editableFields })
      .onConflict((oc) => oc.column('tenantId').doUpdateSet({ editableFields, updatedAt: new Date() }))
      .execute();
  }
}
