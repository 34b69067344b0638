import type { RequiredTimestamptz, TenantKey, Timestamptz } from '../../kernel/db/kernel.tables.js';

export type ChallengePurpose = 'register' | 'sign_in' | 'second_step' | 'step_up';

/** The tables of `migrations/0007_passkeys.sql`, as identity's SQL sees them (camelCase). */
export interface PasskeysTables {
  passkeys: {
    tenantId: TenantKey;
    id: string;
    userId: string;
    credentialId: string;
    publicKey: string;
    /** A bigint: read as a string. */
    counter: string | number;
    transports: string[];
    name: string;
    deviceType: 'singleDevice' | 'multiDevice';
    backedUp: boolean;
    rpId: string;
    createdAt: Timestamptz;
    lastUsedAt: Date | null;
  };
  passkeyChallenges: {
    tenantId: TenantKey;
    id: string;
    userId: string | null;
    purpose: ChallengePurpose;
    challenge: string;
    expiresAt: RequiredTimestamptz;
    consumedAt: Date | null;
    createdAt: Timestamptz;
  };
}
