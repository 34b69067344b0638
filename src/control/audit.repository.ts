import { sql, type Kysely, type Selectable } from 'kysely';
import { tablesOf, type Db } from '../kernel/db/tables.js';
import type { ControlTables } from './control.tables.js';

export type AuditRow = Selectable<ControlTables['control.auditLog']>;

/** SQL for the hash-chained audit log (`control.audit_log`), which a trigger keeps append-only. */
export class AuditRepository {
  private readonly db: Kysely<ControlTables>;

  constructor(db: Db) {
    this.db = tablesOf(db);
  }

  /** Makes this transaction the chain's one writer until it ends. */
  async lockChain(): Promise<void> {
    await sql`SELECT pg_advisory_xact_lock(7236110422)`.execute(this.db);
  }

  async lastHash(): Promise<string | undefined> {
    const last = await this.db.selectFrom('control.auditLog').select('hash').orderBy('seq', 'desc').limit(1).executeTakeFirst();
    return last?.hash;
  }

  async insert(entry: { at: string; actor: string; action: string; target: string | null; data: unknown; prevHash: string; hash: string }): Promise<void> {
    await this.db.insertInto('control.auditLog').values({ ...entry, data: JSON.stringify(entry.data) }).execute();
  }

  /** The whole chain, oldest first. */
  all(): Promise<AuditRow[]> {
    return this.db.selectFrom('control.auditLog').selectAll().orderBy('seq').execute();
  }
}
