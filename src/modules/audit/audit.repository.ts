import { sql, type Kysely, type Selectable } from 'kysely';
import { prefixPattern } from '../../kernel/db/like.js';
import { tablesOf, type Db } from '../../kernel/db/tables.js';
import type { ActorType } from './audit.schemas.js';
import type { AuditTables } from './audit.tables.js';

export type AuditRow = Selectable<AuditTables['auditLog']>;

export interface NewAuditRow {
  tenantId: string;
  id: string;
  seq: number;
  at: Date;
  actorType: ActorType;
  actorId: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  details: Record<string, unknown>;
  requestId: string | null;
  ip: string | null;
  userAgent: string | null;
  prevHash: string;
  hash: string;
}

/** What a reader narrows the log by; each given filter must hold. */
export interface AuditFilter {
  /** Exact, or a prefix when it ends in `*`. */
  action?: string;
  actorType?: ActorType;
  actor?: string;
  targetType?: string;
  targetId?: string;
  from?: Date;
  to?: Date;
}

/** SQL for the tenant's audit log; runs inside the tenant transaction, so RLS scopes every statement. */
export class AuditRepository {
  private readonly db: Kysely<AuditTables>;

  constructor(db: Db) {
    this.db = tablesOf(db);
  }

  /**
   * Makes this transaction the tenant's one appender until it ends, so that two appends never
   * read the same head (a transaction-scoped advisory lock: no row to keep, the same on
   * PostgreSQL and PGlite). The unique (tenant_id, seq) refuses a fork should the lock be skipped.
   */
  async lockChain(tenantId: string): Promise<void> {
    await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`audit:${tenantId}`}, 0))`.execute(this.db);
  }

  async head(): Promise<{ seq: number; hash: string } | undefined> {
    const row = await this.db.selectFrom('auditLog').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
    return row && { seq: Number(row.seq), hash: row.hash };
  }

  async insert(row: NewAuditRow): Promise<void> {
    await this.db.insertInto('auditLog').values({ ...row, details: JSON.stringify(row.details) }).execute();
  }

  /** A page newest first, entries before sequence number `before`, one more than `limit` to tell whether there is a next. */
  page(filter: AuditFilter, limit: number, before: number | null): Promise<AuditRow[]> {
    let q = this.db.selectFrom('auditLog').selectAll().orderBy('seq', 'desc').limit(limit + 1);
    if (before !== null) q = q.where('seq', '<', before);
    if (filter.action) q = filter.action.endsWith('*') ? q.where('action', 'like', prefixPattern(filter.action.slice(0, -1))) : q.where('action', '=', filter.action);
    if (filter.actorType) q = q.where('actorType', '=', filter.actorType);
    if (filter.actor) q = q.where('actorId', '=', filter.actor);
    if (filter.targetType) q = q.where('targetType', '=', filter.targetType);
    if (filter.targetId) q = q.where('targetId', '=', filter.targetId);
    if (filter.from) q = q.where('at', '>=', filter.from);
    if (filter.to) q = q.where('at', '<', filter.to);
    return q.execute();
  }

  /** Up to `limit` entries after sequence number `after`, oldest first. */
  batch(after: number, limit: number): Promise<AuditRow[]> {
    return this.db.selectFrom('auditLog').selectAll().where('seq', '>', after).orderBy('seq').limit(limit).execute();
  }
}
