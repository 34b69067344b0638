import type { ColumnType, Generated } from 'kysely';
import type { Branding, TenantStatus } from '../kernel/context.js';
import type { Jsonb, RequiredTimestamptz, Timestamptz } from '../kernel/db/kernel.tables.js';
import type { Placement } from '../kernel/db/router.js';
import type { ApiKeyColumns } from '../kernel/security/api-key-secrets.js';
import type { LicenceClaims, LicenceLimits } from '../kernel/security/licence.js';
import type { RefreshTokenColumns } from '../kernel/security/refresh-tokens.js';
import type { PlanPricing } from './billing/pricing.js';
import type { LicenceAdjustments } from './licences/licence-adjustments.js';
import type { ProvisioningState } from './provisioning/provisioning.steps.js';

/** The administrator a tenant is provisioned with, kept until provisioning has created them. */
export interface AdminRequest {
  email: string;
  name: string;
  passwordHash: string;
}

/** The tables `migrations/` creates in the control schema, as the control plane's SQL sees them (camelCase). */
export interface ControlTables {
  'control.secrets': {
    name: string;
    value: string;
    createdAt: Timestamptz;
  };
  'control.platformUsers': {
    id: string;
    email: string;
    name: string;
    passwordHash: string;
    status: Generated<'active' | 'disabled'>;
    lastLoginAt: Date | null;
    createdAt: Timestamptz;
    updatedAt: Timestamptz;
  };
  'control.refreshTokens': RefreshTokenColumns;
  'control.platformApiKeys': ApiKeyColumns;
  'control.passwordResetTokens': {
    id: string;
    userId: string;
    tokenHash: string;
    expiresAt: RequiredTimestamptz;
    consumedAt: Date | null;
    createdAt: Timestamptz;
  };
  'control.operatorTotp': {
    userId: string;
    secretSealed: string;
    confirmedAt: Date | null;
    /** A bigint: read as a string. */
    lastStep: string | number | null;
    createdAt: Timestamptz;
  };
  'control.operatorRecoveryCodes': {
    id: string;
    userId: string;
    codeHash: string;
    usedAt: Date | null;
    createdAt: Timestamptz;
  };
  'control.operatorMfaChallenges': {
    id: string;
    userId: string;
    purpose: 'sign_in' | 'enrol';
    tokenHash: string;
    expiresAt: RequiredTimestamptz;
    consumedAt: Date | null;
    failures: Generated<number>;
    createdAt: Timestamptz;
  };
  'control.operatorSessionFactors': {
    familyId: string;
    userId: string;
    amr: string[];
    authTime: RequiredTimestamptz;
    mfaAt: Date | null;
  };
  'control.moduleOffers': {
    planKey: string;
    module: string;
    offeredAt: Timestamptz;
  };
  'control.plans': {
    key: string;
    name: string;
    description: Generated<string>;
    modules: string[];
    limits: Jsonb<LicenceLimits>;
    priceMinor: ColumnType<number | string, number, number>;
    currency: string;
    interval: 'month' | 'year';
    pricing: ColumnType<PlanPricing, string | undefined, string>;
    active: Generated<boolean>;
    createdAt: Timestamptz;
    updatedAt: Timestamptz;
    termsChangedAt: Timestamptz;
  };
  'control.tenants': {
    id: string;
    slug: string;
    name: string;
    planKey: string;
    status: TenantStatus;
    placement: Placement;
    placementReason: string;
    databaseName: string | null;
    region: string;
    compliance: Generated<string[]>;
    expectedMembers: number | null;
    branding: ColumnType<Branding, string | undefined, string>;
    timeZone: Generated<string>;
    defaultLocale: Generated<string>;
    adminRequest: ColumnType<AdminRequest | null, string | null | undefined, string | null>;
    provisioning: ColumnType<ProvisioningState, string | undefined, string>;
    createdAt: Timestamptz;
    updatedAt: Timestamptz;
  };
  'control.licences': {
    id: string;
    tenantId: string;
    jws: string;
    claims: Jsonb<LicenceClaims>;
    overrides: ColumnType<LicenceAdjustments, string | undefined, string>;
    issuedAt: Timestamptz;
    expiresAt: RequiredTimestamptz;
  };
  'control.domains': {
    domain: string;
    tenantId: string;
    createdAt: Timestamptz;
  };
  'control.auditLog': {
    seq: ColumnType<number | string, never, never>;
    at: Timestamptz;
    actor: string;
    action: string;
    target: string | null;
    data: Jsonb<unknown>;
    prevHash: string;
    hash: string;
  };
  'control.outbox': {
    id: string;
    tenantId: string | null;
    type: string;
    version: number;
    data: Jsonb<unknown>;
    occurredAt: Timestamptz;
    traceparent: string | null;
  };
}
