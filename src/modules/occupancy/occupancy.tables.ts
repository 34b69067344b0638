import type { ColumnType, Generated } from 'kysely';
import type { TenantKey, Timestamptz } from '../../kernel/db/kernel.tables.js';
import type { IsoDate } from '../../kernel/dates.js';
import type { OccupancyRole } from './occupancy.schemas.js';

/** The tables `migrations/` creates, as the occupancy module's SQL sees them (camelCase). */
export interface OccupancyTables {
  occupancies: {
    tenantId: TenantKey;
    id: string;
    unitId: string;
    memberId: string;
    role: OccupancyRole;
    startDate: IsoDate;
    endDate: IsoDate | null;
    /** numeric(12, 9): an exact decimal string. */
    ownershipShare: ColumnType<string | null, string | null | undefined, string | null>;
    leaseId: string | null;
    notes: Generated<string>;
    createdAt: Timestamptz;
    updatedAt: Timestamptz;
  };
}
