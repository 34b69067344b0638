import { Type, type Static, type TSchema } from 'typebox';
import { DateOnly, Page, PageQuery, Timestamp, Uuid } from '../../../kernel/http/schemas.js';
import { MAX_AMOUNT } from '../../../kernel/money.js';
import { LEVY_FREQUENCIES } from './billing.periods.js';

export const SCHEDULE_KINDS = ['levy', 'rent'] as const;
export const RENTER_SPLITS = ['lead', 'equal'] as const;
export const RUN_STATUSES = ['queued', 'running', 'completed', 'failed'] as const;
export const ITEM_STATUSES = ['pending', 'created', 'existing', 'skipped', 'failed'] as const;
export const SKIP_REASONS = ['no_share', 'no_owner', 'no_renter', 'zero_amount', 'already_charged', 'billed_to_others'] as const;
export type ScheduleKind = (typeof SCHEDULE_KINDS)[number];
export type RenterSplit = (typeof RENTER_SPLITS)[number];
export type RunStatus = (typeof RUN_STATUSES)[number];
export type ItemStatus = (typeof ITEM_STATUSES)[number];
export type SkipReason = (typeof SKIP_REASONS)[number];

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
/** Minor units (cents): money is never a float. */
const MinorUnits = Type.Integer({ minimum: 1, maximum: MAX_AMOUNT, description: 'Integer minor units (cents), at most 10^13.' });
const Currency = Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 4217 code, e.g. EUR.' });
const Month = Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$', description: 'A month, YYYY-MM.' });
const Name = Type.String({ minLength: 1, maxLength: 200 });
const Description = Type.String({
  minLength: 1,
  maxLength: 500,
  description: 'Each charge’s description. Placeholders: {schedule}, {period} (the run’s month), {periodStart}, {periodEnd}, {unit} (label), {property} (the unit’s property).',
});
const DueDay = Type.Integer({ minimum: 1, maximum: 31, description: 'Day of the period’s first month the levy is due; past the month’s end, its last day.' });

export const Budget = Type.Object({ amount: MinorUnits, currency: Currency }, { additionalProperties: false, description: 'The levy of one period, split over the units.' });

export const Schedule = Type.Object({
  id: Uuid,
  kind: Type.Enum(SCHEDULE_KINDS),
  name: Type.String(),
  propertyId: Nullable(Uuid),
  includeSubProperties: Type.Boolean(),
  budget: Nullable(Budget),
  frequency: Nullable(Type.Enum(LEVY_FREQUENCIES)),
  dueDay: Nullable(Type.Integer()),
  renterSplit: Nullable(Type.Enum(RENTER_SPLITS)),
  description: Type.String(),
  startPeriod: Month,
  endPeriod: Nullable(Month),
  active: Type.Boolean(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Schedule = Static<typeof Schedule>;

export const CreateSchedule = Type.Object(
  {
    kind: Type.Enum(SCHEDULE_KINDS),
    name: Name,
    propertyId: Type.Optional(Nullable(Uuid)),
    includeSubProperties: Type.Optional(
      Type.Boolean({ description: 'Also the units of the properties inside it, at any depth. Default: false for a levy (shares are per property), true for rent.' }),
    ),
    budget: Type.Optional(Budget),
    frequency: Type.Optional(Type.Enum(LEVY_FREQUENCIES, { description: 'Levy only; default monthly.' })),
    dueDay: Type.Optional(DueDay),
    renterSplit: Type.Optional(Type.Enum(RENTER_SPLITS, { description: 'Rent only: `lead` (default) charges the lead renter, `equal` splits between the renters.' })),
    description: Type.Optional(Description),
    startPeriod: Month,
    endPeriod: Type.Optional(Nullable(Month)),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type CreateSchedule = Static<typeof CreateSchedule>;

export const UpdateSchedule = Type.Object(
  {
    name: Type.Optional(Name),
    propertyId: Type.Optional(Nullable(Uuid)),
    includeSubProperties: Type.Optional(Type.Boolean()),
    budget: Type.Optional(Budget),
    frequency: Type.Optional(Type.Enum(LEVY_FREQUENCIES)),
    dueDay: Type.Optional(DueDay),
    renterSplit: Type.Optional(Type.Enum(RENTER_SPLITS)),
    description: Type.Optional(Description),
    startPeriod: Type.Optional(Month),
    endPeriod: Type.Optional(Nullable(Month)),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateSchedule = Static<typeof UpdateSchedule>;

export const ListSchedulesQuery = Type.Object(
  {
    ...PageQuery,
    kind: Type.Optional(Type.Enum(SCHEDULE_KINDS)),
    propertyId: Type.Optional(Type.String({ format: 'uuid' })),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type ListSchedulesQuery = Static<typeof ListSchedulesQuery>;
export const SchedulePage = Page(Schedule);

// ---------------------------------------------------------------------------------------------
// Billing runs

export const StartBillingRun = Type.Object(
  {
    period: Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])(-[0-9]{2})?$', description: 'The month to bill, YYYY-MM, or any date within it.' }),
    scheduleIds: Type.Optional(Type.Array(Uuid, { minItems: 1, maxItems: 100, uniqueItems: true, description: 'Only these schedules (paused ones too). Default: every active schedule.' })),
    dryRun: Type.Boolean({ description: 'true: answer what the run would charge and skip, and write nothing.' }),
  },
  { additionalProperties: false },
);
export type StartBillingRun = Static<typeof StartBillingRun>;

const Line = {
  scheduleId: Uuid,
  kind: Type.Enum(SCHEDULE_KINDS),
  memberId: Nullable(Uuid),
  unitId: Nullable(Uuid),
  leaseId: Nullable(Uuid),
  amount: Nullable(Type.Integer()),
  currency: Nullable(Type.String()),
  description: Nullable(Type.String()),
  periodStart: Nullable(DateOnly),
  periodEnd: Nullable(DateOnly),
  dueDate: Nullable(DateOnly),
};

export const PlannedCharge = Type.Object({ ...Line, naturalKey: Type.String() });
export const SkippedLine = Type.Object({
  ...Line,
  reason: Type.Enum(SKIP_REASONS),
  detail: Type.String(),
  chargeId: Nullable(Uuid),
});

export const BillingPreview = Type.Object({
  period: Month,
  dryRun: Type.Literal(true),
  schedules: Type.Array(Type.Object({ id: Uuid, name: Type.String(), kind: Type.Enum(SCHEDULE_KINDS) })),
  charges: Type.Array(PlannedCharge, { description: 'Every charge the run would create.' }),
  skipped: Type.Array(SkippedLine, { description: 'What it would not charge, and why.' }),
  totals: Type.Array(Type.Object({ currency: Type.String(), charges: Type.Integer(), amount: Type.Integer() })),
});
export type BillingPreview = Static<typeof BillingPreview>;

export const RunCounts = Type.Object({
  planned: Type.Integer({ description: 'Charges in the plan: to create, or found already created.' }),
  created: Type.Integer(),
  existing: Type.Integer({ description: 'Found already created (by an earlier run) and left as they were.' }),
  failed: Type.Integer({ description: 'Refused by the database; see errors. A later run of the month tries them again.' }),
  pending: Type.Integer(),
  skipped: Type.Integer({ description: 'Lines not charged, with a reason (see the run’s items).' }),
});

export const BillingRun = Type.Object({
  id: Uuid,
  period: Month,
  scheduleIds: Nullable(Type.Array(Uuid)),
  status: Type.Enum(RUN_STATUSES),
  counts: RunCounts,
  errors: Type.Array(Type.Object({ naturalKey: Nullable(Type.String()), message: Type.String() })),
  requestedBy: Nullable(Uuid),
  createdAt: Timestamp,
  startedAt: Nullable(Timestamp),
  finishedAt: Nullable(Timestamp),
});
export type BillingRun = Static<typeof BillingRun>;

export const ListBillingRunsQuery = Type.Object(
  {
    ...PageQuery,
    period: Type.Optional(Month),
    status: Type.Optional(Type.Enum(RUN_STATUSES)),
  },
  { additionalProperties: false },
);
export type ListBillingRunsQuery = Static<typeof ListBillingRunsQuery>;
export const BillingRunPage = Page(BillingRun);

export const RunItem = Type.Object({
  seq: Type.Integer(),
  ...Line,
  status: Type.Enum(ITEM_STATUSES),
  naturalKey: Nullable(Type.String()),
  chargeId: Nullable(Uuid),
  reason: Nullable(Type.String()),
  detail: Nullable(Type.String()),
});
export type RunItem = Static<typeof RunItem>;

export const ListRunItemsQuery = Type.Object(
  {
    ...PageQuery,
    status: Type.Optional(Type.Enum(ITEM_STATUSES)),
  },
  { additionalProperties: false },
);
export type ListRunItemsQuery = Static<typeof ListRunItemsQuery>;
export const RunItemPage = Page(RunItem);
