import type { Generated } from 'kysely';
import type { RequiredTimestamptz, TenantKey, Timestamptz } from '../../kernel/db/kernel.tables.js';

/** The tables of `migrations/0005_two_step.sql`, as identity's SQL sees them (camelCase). */
export interface TwoStepTables {
  totpFactors: {
    tenantId: TenantKey;
    userId: string;
    secretSealed: string;
    confirmedAt: Date | null;
    /** A bigint: read as a string. */
    lastStep: string | number | null;
    createdAt: Timestamptz;
  };
  recoveryCodes: {
    tenantId: TenantKey;
    id: string;
    userId: string;
    codeHash: string;
    usedAt: Date | null;
    createdAt: Timestamptz;
  };
  mfaChallenges: {
    tenantId: TenantKey;
    id: string;
    userId: string;
    purpose: 'sign_in' | 'enrol';
    tokenHash: string;
    expiresAt: RequiredTimestamptz;
    consumedAt: Date | null;
    failures: Generated<number>;
    createdAt: Timestamptz;
  };
  sessionFactors: {
    tenantId: TenantKey;
    familyId: string;
    userId: string;
    amr: string[];
    authTime: RequiredTimestamptz;
    mfaAt: Date | null;
  };
  twoStepSettings: {
    tenantId: TenantKey;
    requiredRoles: string[];
    updatedAt: Timestamptz;
  };
}
