import { sql, type Kysely, type Selectable } from 'kysely';
import { containsPattern } from '../kernel/db/like.js';
import { tablesOf, type Db } from '../kernel/db/tables.js';
import type { ControlTables } from './control.tables.js';

export type AuditRow = Selectable<ControlTables['control.auditLog']>;

/** What the audit log's readers may narrow it by; each given filter must hold. */
export interface AuditFilter {
  actor?: string;
  action?: string;
  /** The entry's target: a tenant's id, a plan's key, an operator's e-mail. */
  target?: string;
  /** Text found in the actor, the action or the target. */
  q?: string;
  /** From this instant (inclusive) to that one (exclusive). */
  from?: Date;
  to?: Date;
}

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

  /** A page newest first, entries before `before` (a sequence number), one more than `limit` to tell whether there is a next. */
  page(filter: AuditFilter, limit: number, before: number | null): Promise<Omit<AuditRow, 'prevHash' | 'hash'>[]> {
    let q = this.db.selectFrom('control.auditLog').select(['seq', 'at', 'actor', 'action', 'target', 'data']).orderBy('seq', 'desc').limit(limit + 1);
    if (before !== null) q = q.where('seq', '<', before);
    if (filter.actor) q = q.where('actor', '=', filter.actor);
    if (filter.action) q = q.where('action', '=', filter.action);
    if (filter.target) q = q.where('target', '=', filter.target);
    if (filter.from) q = q.where('at', '>=', filter.from);
    if (filter.to) q = q.where('at', '<', filter.to);
    if (filter.q) {
      const like = containsPattern(filter.q);
      q = q.where((eb) => eb.or([eb('actor', 'ilike', like), eb('action', 'ilike', like), eb('target', 'ilike', like)]));
    }
    return q.execute();
  }

  /** Up to `limit` entries after sequence number `after`, oldest first. */
  batch(after: number, limit: number): Promise<AuditRow[]> {
    return this.db.selectFrom('control.auditLog').selectAll().where('seq', '>', after).orderBy('seq').limit(limit).execute();
  }
}
