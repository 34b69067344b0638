import type { Generated } from 'kysely';
import type { TenantKey, Timestamptz } from '../../kernel/db/kernel.tables.js';

/** The table of `migrations/0008_sso.sql`, as identity's SQL sees it (camelCase). */
export interface SsoTables {
  ssoProviders: {
    tenantId: TenantKey;
    id: string;
    name: string;
    issuer: string;
    clientId: string;
    clientSecretSealed: string;
    scopes: Generated<string[]>;
    roleClaim: string | null;
    /** jsonb: claim value → role key. */
    roleMapping: Generated<Record<string, string>>;
    defaultRoles: Generated<string[]>;
    emailDomains: Generated<string[]>;
    required: Generated<boolean>;
    jitProvisioning: Generated<boolean>;
    createdAt: Timestamptz;
    updatedAt: Timestamptz;
  };
}
