import type { TenantKey, Timestamptz } from '../../kernel/db/kernel.tables.js';

/** The table `migrations/` creates, as the idempotency repository sees it (camelCase). */
export interface IdempotencyTables {
  idempotencyKeys: {
    tenantId: TenantKey;
    principal: string;
    key: string;
    fingerprint: string;
    status: 'in_progress' | 'completed';
    claim: string;
    lockedUntil: Timestamptz | null;
    responseStatus: number | null;
    responseType: string | null;
    responseBody: string | null;
    createdAt: Timestamptz;
    expiresAt: Timestamptz;
  };
}
