import type { ColumnType, Generated } from 'kysely';
import type { TenantKey, Timestamptz } from '../../kernel/db/kernel.tables.js';
import type { IsoDate } from '../../kernel/dates.js';
import type { Frequency, LeaseStatus } from './leases.schemas.js';

/** A bigint amount in minor units: a number from `pg`, a string from PGlite; written as a number. */
type Amount = ColumnType<number | string, number, number>;

/** The tables `migrations/` creates, as the leases repository sees them (camelCase). */
export interface LeasesTables {
  leases: {
    tenantId: TenantKey;
    id: string;
    unitId: string;
    status: Generated<LeaseStatus>;
    startDate: IsoDate;
    endDate: IsoDate | null;
    rentAmount: Amount;
    currency: string;
    frequency: Frequency;
    dueDay: number;
    depositAmount: ColumnType<number | string, number | undefined, number>;
    previousLeaseId: string | null;
    notes: Generated<string>;
    activatedAt: Date | null;
    terminatedAt: Date | null;
    terminationReason: string | null;
    createdAt: Timestamptz;
    updatedAt: Timestamptz;
  };
  leaseRenters: {
    tenantId: TenantKey;
    leaseId: string;
    memberId: string;
    position: Generated<number>;
  };
  leaseNotices: {
    tenantId: TenantKey;
    leaseId: string;
    daysBefore: 30 | 60;
    skipped: Generated<boolean>;
    sentAt: Timestamptz;
  };
}
