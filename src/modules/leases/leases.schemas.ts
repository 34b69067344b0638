import { Type, type Static } from 'typebox';
import { FormatQuery } from '../../kernel/http/csv.js';
import { DateOnly, Page, PageQuery, SearchQuery, Timestamp, Uuid } from '../../kernel/http/schemas.js';
import { MAX_AMOUNT } from '../../kernel/money.js';

export const LEASE_STATUSES = ['draft', 'active', 'ending', 'ended', 'terminated'] as const;
export const FREQUENCIES = ['weekly', 'monthly', 'quarterly', 'yearly'] as const;
export type LeaseStatus = (typeof LEASE_STATUSES)[number];
export type Frequency = (typeof FREQUENCIES)[number];

const LeaseStatus = Type.Enum(LEASE_STATUSES);
const Frequency = Type.Enum(FREQUENCIES);
/** Minor units (cents): money is never a float. */
const MinorUnits = Type.Integer({ minimum: 0, maximum: MAX_AMOUNT, description: 'Integer minor units (cents), at most 10^13.' });
const Currency = Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 4217 code, e.g. EUR.' });
const Notes = Type.String({ maxLength: 10_000 });
const NullableDate = Type.Union([DateOnly, Type.Null()]);

export const Money = Type.Object({ amount: MinorUnits, currency: Currency }, { additionalProperties: false });
export type Money = Static<typeof Money>;

const RenterIds = Type.Array(Uuid, { minItems: 1, maxItems: 20, uniqueItems: true, description: 'Members renting under the lease; the first is the lead renter.' });
const DueDay = Type.Integer({ minimum: 1, maximum: 31, description: 'Weekly rent: 1–7 (Monday–Sunday). Otherwise the day of the month; past the month’s end, its last day. Default: the start date’s weekday or day.' });

export const Lease = Type.Object({
  id: Uuid,
  unitId: Uuid,
  renterIds: Type.Array(Uuid),
  status: LeaseStatus,
  startDate: DateOnly,
  /** Inclusive; null for a periodic lease. */
  endDate: NullableDate,
  rent: Money,
  frequency: Frequency,
  dueDay: Type.Integer(),
  deposit: Type.Integer({ description: 'Minor units, in the rent’s currency.' }),
  notes: Type.String(),
  previousLeaseId: Type.Union([Uuid, Type.Null()]),
  successorId: Type.Union([Uuid, Type.Null()], { description: 'The lease that renews this one, once renewed.' }),
  activatedAt: Type.Union([Timestamp, Type.Null()]),
  terminatedAt: Type.Union([Timestamp, Type.Null()]),
  terminationReason: Type.Union([Type.String(), Type.Null()]),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Lease = Static<typeof Lease>;

const terms = {
  unitId: Uuid,
  renterIds: RenterIds,
  startDate: DateOnly,
  endDate: Type.Optional(Type.Union([DateOnly, Type.Null()], { description: 'Last day (inclusive); omitted or null: a periodic lease.' })),
  rent: Money,
  frequency: Type.Optional(Type.Enum(FREQUENCIES, { default: 'monthly' })),
  dueDay: Type.Optional(DueDay),
  deposit: Type.Optional(MinorUnits),
  notes: Type.Optional(Notes),
};

export const CreateLease = Type.Object(terms, { additionalProperties: false });
export type CreateLease = Static<typeof CreateLease>;

// Built by hand, not Type.Partial(CreateLease): `frequency` must not get a default on a patch.
export const UpdateLease = Type.Object(
  {
    unitId: Type.Optional(Uuid),
    renterIds: Type.Optional(RenterIds),
    startDate: Type.Optional(DateOnly),
    endDate: Type.Optional(NullableDate),
    rent: Type.Optional(Money),
    frequency: Type.Optional(Frequency),
    dueDay: Type.Optional(DueDay),
    deposit: Type.Optional(MinorUnits),
    notes: Type.Optional(Notes),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateLease = Static<typeof UpdateLease>;

export const TerminateLease = Type.Object(
  {
    date: Type.Optional(Type.String({ format: 'date', description: 'The last day of the tenancy (default today); from the day before the start to the current end date.' })),
    reason: Type.Optional(Type.String({ minLength: 1, maxLength: 1_000 })),
  },
  { additionalProperties: false },
);
export type TerminateLease = Static<typeof TerminateLease>;

export const RenewLease = Type.Object(
  {
    startDate: Type.Optional(Type.String({ format: 'date', description: 'Default: the day after the renewed lease ends.' })),
    endDate: Type.Optional(Type.Union([DateOnly, Type.Null()], { description: 'Default: a term as long as the renewed one; null: periodic.' })),
    rent: Type.Optional(Money),
    frequency: Type.Optional(Frequency),
    dueDay: Type.Optional(DueDay),
    deposit: Type.Optional(MinorUnits),
    renterIds: Type.Optional(RenterIds),
  },
  { additionalProperties: false },
);
export type RenewLease = Static<typeof RenewLease>;

export const LEASE_SORTS = ['-startDate', 'startDate', 'createdAt', '-createdAt'] as const;
export const ListLeasesQuery = Type.Object(
  {
    ...PageQuery,
    q: Type.Optional(SearchQuery('Matches the unit’s label or a renter’s first, last or full name.')),
    unitId: Type.Optional(Uuid),
    memberId: Type.Optional(Type.String({ format: 'uuid', description: 'Leases this member rents under.' })),
    status: Type.Optional(LeaseStatus),
    expiringWithinDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 3_660, description: 'Active or ending leases whose end date is today or within this many days.' })),
    sort: Type.Optional(Type.Enum(LEASE_SORTS, { default: '-startDate' })),
  },
  { additionalProperties: false },
);
export type ListLeasesQuery = Static<typeof ListLeasesQuery>;

export const LeasePage = Page(Lease);

export const RentRollQuery = Type.Object(
  {
    date: Type.Optional(Type.String({ format: 'date', description: 'Default today.' })),
    propertyId: Type.Optional(Type.String({ format: 'uuid', description: 'Units of this property and of the properties inside it.' })),
    ...FormatQuery,
  },
  { additionalProperties: false },
);
export type RentRollQuery = Static<typeof RentRollQuery>;

export const RentRollRow = Type.Object({
  unitId: Uuid,
  unitLabel: Type.String(),
  propertyId: Uuid,
  propertyName: Type.String(),
  leaseId: Uuid,
  renters: Type.Array(Type.Object({ id: Uuid, name: Type.String() })),
  rent: Money,
  frequency: Frequency,
  monthlyRent: Type.Integer({ description: 'The rent per month in minor units: weekly × 52 / 12, quarterly / 3, yearly / 12, rounded half to even.' }),
  deposit: Type.Integer(),
  startDate: DateOnly,
  endDate: NullableDate,
  status: LeaseStatus,
});
export type RentRollRow = Static<typeof RentRollRow>;

export const RentRollTotal = Type.Object({ currency: Currency, units: Type.Integer(), monthlyRent: Type.Integer(), deposit: Type.Integer() });
export type RentRollTotal = Static<typeof RentRollTotal>;

export const RentRoll = Type.Object({
  date: DateOnly,
  propertyId: Type.Union([Uuid, Type.Null()]),
  rows: Type.Array(RentRollRow),
  totals: Type.Array(RentRollTotal),
});
export type RentRoll = Static<typeof RentRoll>;
