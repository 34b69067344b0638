import { Type } from 'typebox';
import { DefaultLocale, Email, TimeZone, Timestamp, Uuid } from '../kernel/http/schemas.js';
import { MeterKey } from '../kernel/metering/usage.schemas.js';
import { MIN_PASSWORD_LENGTH } from '../kernel/security/passwords.js';
import { SLUG_PATTERN } from '../kernel/tenancy.js';

const NullableCount = Type.Union([Type.Integer({ minimum: 0 }), Type.Null()]);
const ApiRate = (whose: string) =>
  Type.Optional(Type.Union([Type.Integer({ minimum: 1, maximum: 100_000_000 }), Type.Null()], { description: `Requests to /api/v1 per minute ${whose}; absent or null: the platform's default (COURTYARD_API_RATE_…)` }));
export const Limits = Type.Object(
  { members: NullableCount, units: Type.Optional(NullableCount), objects: Type.Optional(NullableCount), objectFields: Type.Optional(NullableCount), objectRecords: Type.Optional(NullableCount), users: NullableCount, storageMb: NullableCount, apiRatePerPrincipal: ApiRate('per user or API key'), apiRatePerTenant: ApiRate('per tenant, all its users and keys together') },
  { additionalProperties: false, description: 'Counts: null means unlimited. API rates: null means the platform default.' },
);
const ModuleKeys = Type.Array(Type.String({ minLength: 1, maxLength: 40 }), { maxItems: 100 });
const Price = Type.Object(
  { amountMinor: Type.Integer({ minimum: 0 }), currency: Type.String({ pattern: '^[A-Z]{3}$' }), interval: Type.Union([Type.Literal('month'), Type.Literal('year')]) },
  { additionalProperties: false },
);

const Tier = Type.Object(
  {
    upTo: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()], { description: 'The last quantity the tier covers; null for the last tier (everything above)' }),
    unitAmountMinor: Type.Integer({ minimum: 0, maximum: 100_000_000 }),
    flatAmountMinor: Type.Integer({ minimum: 0, maximum: 100_000_000, default: 0, description: 'Charged once when any quantity falls in the tier' }),
  },
  { additionalProperties: false },
);
const PriceComponent = Type.Object(
  {
    meter: MeterKey,
    included: Type.Integer({ minimum: 0, default: 0, description: 'Usage included in the base price; only what exceeds it is billed' }),
    per: Type.Integer({ minimum: 1, default: 1, description: 'The usage one billed quantity stands for (1073741824 bytes: per GiB); the last is rounded up' }),
    mode: Type.Union([Type.Literal('graduated'), Type.Literal('volume')], { default: 'graduated', description: 'graduated: each tier prices the quantities in it; volume: the tier the whole quantity falls in prices all of it' }),
    tiers: Type.Array(Tier, { minItems: 1, maxItems: 20 }),
  },
  { additionalProperties: false },
);
export const Pricing = Type.Object(
  {
    trialDays: Type.Integer({ minimum: 0, maximum: 365, default: 0, description: 'Days a new subscription is free before its first period' }),
    components: Type.Array(PriceComponent, { maxItems: 10, default: [], description: "Metered prices, billed in arrears on the period's usage: a counter's sum, a gauge's peak" }),
  },
  { additionalProperties: false, description: 'A change applies to each subscription from its next period' },
);

export const Plan = Type.Object({ key: Type.String(), name: Type.String(), description: Type.String(), modules: Type.Array(Type.String()), limits: Limits, price: Price, pricing: Pricing, active: Type.Boolean() });
export const CreatePlan = Type.Object(
  {
    key: Type.String({ pattern: '^[a-z][a-z0-9-]{1,39}$' }),
    name: Type.String({ minLength: 1, maxLength: 100 }),
    description: Type.String({ maxLength: 1000, default: '' }),
    modules: ModuleKeys,
    limits: Limits,
    price: Price,
    pricing: Type.Optional(Pricing),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export const UpdatePlan = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    description: Type.Optional(Type.String({ maxLength: 1000 })),
    modules: Type.Optional(ModuleKeys),
    limits: Type.Optional(Type.Partial(Limits)),
    price: Type.Optional(Price),
    pricing: Type.Optional(Pricing),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const Branding = Type.Object(
  {
    displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    primaryColor: Type.Optional(Type.String({ pattern: '^#[0-9a-fA-F]{6}$' })),
    accentColor: Type.Optional(Type.String({ pattern: '^#[0-9a-fA-F]{6}$' })),
    logoUrl: Type.Optional(Type.String({ format: 'uri', pattern: '^https://', maxLength: 2000 })),
    supportEmail: Type.Optional(Email),
  },
  { additionalProperties: false },
);

const Status = Type.Enum(['provisioning', 'failed', 'active', 'suspended', 'archived']);
const Placement = Type.Union([Type.Literal('pooled'), Type.Literal('dedicated')]);

export const Tenant = Type.Object({
  id: Uuid,
  slug: Type.String(),
  name: Type.String(),
  plan: Type.String(),
  status: Status,
  placement: Placement,
  placementReason: Type.String(),
  region: Type.String(),
  compliance: Type.Array(Type.String()),
  expectedMembers: Type.Unsafe<number | null>({ type: ['integer', 'null'] }),
  branding: Branding,
  timeZone: Type.String({ description: 'The IANA time zone the tenant\'s calendar follows' }),
  defaultLocale: Type.String({ description: 'The language of the tenant\'s users who chose none' }),
  domains: Type.Array(Type.String()),
  provisioning: Type.Object({
    completed: Type.Array(Type.String()),
    attempts: Type.Integer(),
    failedStep: Type.Optional(Type.String()),
    error: Type.Optional(Type.String()),
    startedAt: Type.Optional(Timestamp),
    finishedAt: Type.Optional(Timestamp),
  }),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

export const CreateTenant = Type.Object(
  {
    slug: Type.String({ pattern: SLUG_PATTERN, description: 'DNS label: lowercase letters, digits and hyphens' }),
    name: Type.String({ minLength: 1, maxLength: 200 }),
    plan: Type.String({ minLength: 1, maxLength: 40 }),
    region: Type.Optional(Type.String({ pattern: '^[a-z0-9-]{1,40}$' })),
    placement: Type.Optional(Placement),
    compliance: Type.Optional(Type.Array(Type.String({ pattern: '^[a-z0-9-]{1,40}$' }), { maxItems: 20 })),
    expectedMembers: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000_000 })),
    timeZone: Type.Optional(TimeZone),
    defaultLocale: Type.Optional(DefaultLocale),
    admin: Type.Object(
      { email: Email, name: Type.String({ minLength: 1, maxLength: 200 }), password: Type.Optional(Type.String({ minLength: MIN_PASSWORD_LENGTH, maxLength: 1024 })) },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);

export const LicenceOverrides = Type.Object(
  {
    modules: Type.Optional(ModuleKeys),
    addModules: Type.Optional(ModuleKeys),
    removeModules: Type.Optional(ModuleKeys),
    limits: Type.Optional(Type.Partial(Limits)),
    expiresAt: Type.Optional(Timestamp),
    graceDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 365 })),
  },
  { additionalProperties: false },
);

export const Licence = Type.Object({
  id: Uuid,
  jws: Type.String({ description: 'The signed licence (compact JWS, EdDSA).' }),
  claims: Type.Object({}, { additionalProperties: true }),
  overrides: Type.Omit(LicenceOverrides, ['expiresAt'], { description: "How this licence differs from the tenant's plan; renewals and plan edits keep it." }),
  issuedAt: Timestamp,
  expiresAt: Timestamp,
});

export const TenantParams = Type.Object({ tenant: Type.String({ minLength: 1, maxLength: 64, description: 'Tenant id or slug' }) }, { additionalProperties: false });

export const AuditEntry = Type.Object({
  seq: Type.Integer({ description: 'Position in the hash chain: later entries have higher numbers.' }),
  at: Timestamp,
  actor: Type.String({ description: '`platform:{operator id}`, `cli` or `system`' }),
  action: Type.String({ description: 'What was done, such as `plan.created` or `tenant.suspended`' }),
  target: Type.Union([Type.String(), Type.Null()], { description: "What it was done to: a tenant's id, a plan's key, an operator's e-mail" }),
  data: Type.Object({}, { additionalProperties: true }),
});

export const AuditChainCheck = Type.Object({
  valid: Type.Boolean({ description: 'Every entry links to the one before it and its hash matches its content' }),
  entries: Type.Integer({ description: 'How many entries the chain holds' }),
  firstBrokenSeq: Type.Optional(Type.Integer({ description: 'The first entry whose link or hash does not match: it, or the entry before it, was changed or removed' })),
});

const Instant = Type.String({ format: 'date-time', maxLength: 40 });
export const AuditQuery = Type.Object(
  {
    limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
    cursor: Type.Optional(Type.String({ maxLength: 2048 })),
    q: Type.Optional(Type.String({ maxLength: 100, description: 'Text found in the actor, the action or the target' })),
    actor: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Exactly this actor (`platform:{id}`, `cli`, `system`)' })),
    action: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'Exactly this action (`plan.created`)' })),
    tenant: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'Entries about this tenant (id or slug)' })),
    from: Type.Optional({ ...Instant, description: 'Entries at or after this instant' }),
    to: Type.Optional({ ...Instant, description: 'Entries before this instant' }),
  },
  { additionalProperties: false },
);

/** A module of the catalogue, as a plan or a licence names it by `key`. */
export const CatalogueModule = Type.Object({
  key: Type.String(),
  name: Type.String(),
  description: Type.String(),
  dependencies: Type.Array(Type.String(), { description: 'Keys of the modules this one needs' }),
  permissions: Type.Array(Type.Object({ key: Type.String(), description: Type.String() })),
});
