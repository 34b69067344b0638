import type { ColumnType } from 'kysely';
import type { TenantKey } from '../../kernel/db/kernel.tables.js';

/** The table `migrations/` creates, as the audit repository sees it (camelCase). */
export interface AuditTables {
  auditLog: {
    tenantId: TenantKey;
    id: string;
    // bigint: the driver may hand it back as text.
    seq: ColumnType<number | string, number, never>;
    at: ColumnType<Date, Date, never>;
    actorType: string;
    actorId: string | null;
    action: string;
    targetType: string | null;
    targetId: string | null;
    details: ColumnType<Record<string, unknown>, string, never>;
    requestId: string | null;
    ip: string | null;
    userAgent: string | null;
    prevHash: string;
    hash: string;
  };
}
