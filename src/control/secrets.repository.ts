import type { Kysely } from 'kysely';
import { tablesOf, type Db } from '../kernel/db/tables.js';
import type { ControlTables } from './control.tables.js';

/** SQL for the platform's generated secrets (`control.secrets`). */
export class SecretsRepository {
  private readonly db: Kysely<ControlTables>;

  constructor(db: Db) {
    this.db = tablesOf(db);
  }

  /** Stores `value` under `name` unless a secret of that name exists: the first writer wins. */
  async insertIfAbsent(name: string, value: string): Promise<void> {
    await this.db.insertInto('control.secrets').values({ name, value }).onConflict((oc) => oc.column('name').doNothing()).execute();
  }

  async value(name: string): Promise<string> {
    const row = await this.db.selectFrom('control.secrets').select('value').where('name', '=', name).executeTakeFirstOrThrow();
    return row.value;
  }
}
