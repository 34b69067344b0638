import type { ColumnType, Generated } from 'kysely';
import type { TenantKey, RequiredTimestamptz, Timestamptz } from '../../kernel/db/kernel.tables.js';
import type { FieldRestrictions } from '../../kernel/security/field-restrictions.js';
import type { ApiKeyColumns } from '../../kernel/security/api-key-secrets.js';
import type { RefreshTokenColumns } from '../../kernel/security/refresh-tokens.js';

/** The tables `migrations/` creates, as identity's SQL sees them (camelCase). */
export interface IdentityTables {
  roles: {
    tenantId: TenantKey;
    id: string;
    key: string;
    name: string;
    description: Generated<string>;
    permissions: Generated<string[]>;
    system: Generated<boolean>;
    fieldRestrictions: ColumnType<FieldRestrictions, string | undefined, string>;
    createdAt: Timestamptz;
    updatedAt: Timestamptz;
  };
  users: {
    tenantId: TenantKey;
    id: string;
    email: string;
    name: string;
    passwordHash: string | null;
    status: Generated<'active' | 'disabled'>;
    memberId: string | null;
    locale: string | null;
    lastLoginAt: Date | null;
    createdAt: Timestamptz;
    updatedAt: Timestamptz;
  };
  userRoles: {
    tenantId: TenantKey;
    userId: string;
    roleId: string;
  };
  refreshTokens: RefreshTokenColumns & { tenantId: TenantKey };
  userTokens: {
    tenantId: TenantKey;
    id: string;
    userId: string;
    purpose: 'invitation' | 'password_reset';
    tokenHash: string;
    expiresAt: RequiredTimestamptz;
    consumedAt: Date | null;
    createdBy: string | null;
    createdAt: Timestamptz;
  };
  apiKeys: ApiKeyColumns & { tenantId: TenantKey };
}
