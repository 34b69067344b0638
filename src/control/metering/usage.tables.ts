import type { ColumnType } from 'kysely';
import type { RequiredTimestamptz, Timestamptz } from '../../kernel/db/kernel.tables.js';

/** The metering's tables (migration 0016), as SQL sees them; its repository writes them in raw SQL (bulk statements). */
export interface UsageTables {
  'control.usage': {
    tenantId: string;
    meter: string;
    granularity: 'hour' | 'day' | 'month';
    bucket: RequiredTimestamptz;
    value: ColumnType<number | string, number, number>;
  };
  'control.usageReceipts': {
    eventId: string;
    tenantId: string;
    receivedAt: Timestamptz;
  };
}
