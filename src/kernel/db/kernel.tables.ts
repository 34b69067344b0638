import type { ColumnType } from 'kysely';

/**
 * A timestamptz column: read as a Date; written as a Date or an ISO string, or left to its
 * default. `Timestamp` in the HTTP schemas serialises the Date.
 */
export type Timestamptz = ColumnType<Date, Date | string | undefined, Date | string>;
/** A timestamptz column without a default: read as a Date; written as a Date or an ISO string. */
export type RequiredTimestamptz = ColumnType<Date, Date | string, Date | string>;
/** A jsonb column: read parsed; written as its JSON text. */
export type Jsonb<T> = ColumnType<T, string, string>;
/** Every tenant-schema table leads its key with `tenant_id`; row-level security checks it. */
export type TenantKey = ColumnType<string, string, never>;

/**
 * The kernel's own tenant-schema tables, visible to every module's repositories: the outbox
 * (created by the data plane's events migrations) that `emit` writes in the caller's
 * transaction.
 */
export interface KernelTables {
  outbox: {
    tenantId: TenantKey;
    id: string;
    type: string;
    version: number;
    data: Jsonb<unknown>;
    occurredAt: Timestamptz;
    /** The W3C traceparent of the span that wrote the event; null without tracing. */
    traceparent: string | null;
  };
}
