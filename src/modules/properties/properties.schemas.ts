import { Type, type Static, type TSchema } from 'typebox';
import { FormatQuery } from '../../kernel/http/csv.js';
import { Page, PageQuery, Timestamp, Uuid } from '../../kernel/http/schemas.js';

export const PROPERTY_KINDS = ['residential', 'commercial', 'mixed', 'land'] as const;
export const UNIT_KINDS = ['apartment', 'house', 'plot', 'shop', 'office', 'parking', 'storage', 'other'] as const;
export const UNIT_STATUSES = ['vacant', 'occupied', 'owner-occupied', 'unavailable'] as const;

const PropertyKind = Type.Enum(PROPERTY_KINDS);
const UnitKind = Type.Enum(UNIT_KINDS);
const UnitStatus = Type.Enum(UNIT_STATUSES, { description: 'Derived, read-only: `unavailable` when the unit is marked so, otherwise what occupancy says.' });
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const Notes = Type.String({ maxLength: 10_000 });
const PropertyName = Type.String({ minLength: 1, maxLength: 200 });
const Label = Type.String({ minLength: 1, maxLength: 50 });
const Country = Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2 code in capitals (GB, NL, US).' });
const SEARCH = { minLength: 1, maxLength: 100 };
const IncludeArchived = Type.Boolean({ default: false, description: 'Also list archived records (hidden by default).' });

// ---------------------------------------------------------------------------------------------
// Properties

export const Address = Type.Object({
  lines: Type.Array(Type.String()),
  city: Nullable(Type.String()),
  region: Nullable(Type.String()),
  postalCode: Nullable(Type.String()),
  country: Nullable(Country),
});
export type Address = Static<typeof Address>;

export const AddressInput = Type.Object(
  {
    lines: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: 5, description: 'Street lines, first to last.' })),
    city: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 100 }))),
    region: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 100 }))),
    postalCode: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 20 }))),
    country: Type.Optional(Nullable(Country)),
  },
  { additionalProperties: false, description: 'On a change, the fields given replace those fields; null clears one.' },
);
export type AddressInput = Static<typeof AddressInput>;

export const Shares = Type.Object(
  {
    unitCount: Type.Integer({ description: 'Units that are not archived and have a participation share.' }),
    total: Type.String({ description: 'Their shares summed exactly, as a decimal string.' }),
    balanced: Type.Boolean({ description: 'Whether the total is exactly 1.' }),
  },
  { description: "How the participation shares of the property's own units add up." },
);
export type Shares = Static<typeof Shares>;

export const Property = Type.Object({
  id: Uuid,
  parentId: Nullable(Uuid),
  name: Type.String(),
  kind: PropertyKind,
  address: Address,
  notes: Type.String(),
  archived: Type.Boolean(),
  archivedAt: Nullable(Timestamp),
  shares: Shares,
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Property = Static<typeof Property>;

const propertyFields = {
  name: PropertyName,
  kind: PropertyKind,
  parentId: Type.Optional(Nullable(Uuid)),
  address: Type.Optional(AddressInput),
  notes: Type.Optional(Notes),
};

export const CreateProperty = Type.Object(propertyFields, { additionalProperties: false });
export type CreateProperty = Static<typeof CreateProperty>;

export const UpdateProperty = Type.Partial(Type.Object({ ...propertyFields, archived: Type.Boolean({ description: 'true archives, false restores.' }) }), {
  additionalProperties: false,
  minProperties: 1,
});
export type UpdateProperty = Static<typeof UpdateProperty>;

export const ListPropertiesQuery = Type.Object(
  {
    ...PageQuery,
    q: Type.Optional(Type.String({ ...SEARCH, description: 'Part of the name, any case.' })),
    kind: Type.Optional(PropertyKind),
    parentId: Type.Optional(Type.String({ format: 'uuid', description: 'Only the properties directly under this one.' })),
    topLevel: Type.Optional(Type.Boolean({ description: 'Only properties with no parent.' })),
    includeArchived: Type.Optional(IncludeArchived),
  },
  { additionalProperties: false },
);
export type ListPropertiesQuery = Static<typeof ListPropertiesQuery>;

export const PropertyPage = Page(Property);

// ---------------------------------------------------------------------------------------------
// Units

const unitFields = {
  id: Uuid,
  propertyId: Uuid,
  label: Type.String(),
  kind: UnitKind,
  floor: Nullable(Type.Integer()),
  area: Nullable(Type.Number({ description: 'Square metres, up to 2 decimals.' })),
  bedrooms: Nullable(Type.Integer()),
  participationShare: Nullable(Type.String({ description: "The unit's share of the common costs, a fraction of 1 as an exact decimal string (\"0.125\")." })),
  participationPerMille: Nullable(Type.Number({ description: 'The same share in per mille (125).' })),
  amenities: Type.Array(Type.String()),
  unavailable: Type.Boolean(),
  status: UnitStatus,
  notes: Type.String(),
  archived: Type.Boolean(),
  archivedAt: Nullable(Timestamp),
  createdAt: Timestamp,
  updatedAt: Timestamp,
};
export const Unit = Type.Object(unitFields);
export type Unit = Static<typeof Unit>;

/** One unit, with how its property's shares add up after the unit's latest change. */
export const UnitDetail = Type.Object({ ...unitFields, propertyShares: Shares });
export type UnitDetail = Static<typeof UnitDetail>;

// A decimal as a string or a JSON number: the service checks the digits and the range.
const DecimalInput = (description: string) => Type.Union([Type.String({ minLength: 1, maxLength: 32 }), Type.Number(), Type.Null()], { description });
const ShareInput = DecimalInput('A fraction of 1 with up to 9 decimals, as a string ("0.125") or a number; null clears the share.');
const PerMilleInput = DecimalInput('The share in per mille (0–1000, up to 6 decimals), instead of participationShare.');

const unitInputFields = {
  label: Label,
  kind: UnitKind,
  floor: Type.Optional(Nullable(Type.Integer({ minimum: -50, maximum: 300 }))),
  area: Type.Optional(Nullable(Type.Number({ exclusiveMinimum: 0, maximum: 9_999_999_999.99, description: 'Square metres, up to 2 decimals.' }))),
  bedrooms: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 1000 }))),
  participationShare: Type.Optional(ShareInput),
  participationPerMille: Type.Optional(PerMilleInput),
  amenities: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 50 })),
  unavailable: Type.Optional(Type.Boolean({ description: 'Taken off the market by hand: the status becomes `unavailable`.' })),
  notes: Type.Optional(Notes),
};

export const CreateUnit = Type.Object(unitInputFields, { additionalProperties: false });
export type CreateUnit = Static<typeof CreateUnit>;

export const UpdateUnit = Type.Partial(Type.Object({ ...unitInputFields, archived: Type.Boolean({ description: 'true archives, false restores.' }) }), {
  additionalProperties: false,
  minProperties: 1,
});
export type UpdateUnit = Static<typeof UpdateUnit>;

const unitFilters = {
  ...PageQuery,
  q: Type.Optional(Type.String({ ...SEARCH, description: 'Part of the label, any case.' })),
  status: Type.Optional(Type.Enum(UNIT_STATUSES)),
  kind: Type.Optional(UnitKind),
  includeArchived: Type.Optional(IncludeArchived),
};

export const ListUnitsQuery = Type.Object({ ...unitFilters, propertyId: Type.Optional(Type.String({ format: 'uuid' })) }, { additionalProperties: false });
export type ListUnitsQuery = Static<typeof ListUnitsQuery>;

export const ListPropertyUnitsQuery = Type.Object(unitFilters, { additionalProperties: false });
export type ListPropertyUnitsQuery = Static<typeof ListPropertyUnitsQuery>;

export const UnitPage = Page(Unit);

// ---------------------------------------------------------------------------------------------
// Import

export const ImportQuery = Type.Object(
  { dryRun: Type.Boolean({ default: false, description: 'Check the file and tell what would change, writing nothing.' }) },
  { additionalProperties: false },
);

const Counts = Type.Object({ properties: Type.Integer(), units: Type.Integer() });
export const ImportProblem = Type.Object({
  row: Type.Integer({ description: 'Line of the file the row starts on, counting the header as line 1 (the first data row is 2).' }),
  field: Nullable(Type.String({ description: 'The column, or null for the row as a whole.' })),
  message: Type.String(),
});
export type ImportProblem = Static<typeof ImportProblem>;

export const ImportReport = Type.Object({
  dryRun: Type.Boolean(),
  rows: Type.Integer({ description: 'Data rows in the file.' }),
  errors: Type.Array(ImportProblem),
  created: Counts,
  updated: Counts,
  unchanged: Counts,
});
export type ImportReport = Static<typeof ImportReport>;

// ---------------------------------------------------------------------------------------------
// Vacancy report

const statusCounts = {
  units: Type.Integer({ description: 'Units that are not archived.' }),
  vacant: Type.Integer(),
  occupied: Type.Integer(),
  ownerOccupied: Type.Integer(),
  unavailable: Type.Integer(),
  vacancyRate: Nullable(Type.Number({ description: 'vacant / (units − unavailable), to 4 decimals; null when every unit is unavailable.' })),
};

export const VacancyRow = Type.Object({ propertyId: Uuid, propertyName: Type.String(), parentId: Nullable(Uuid), ...statusCounts });
export type VacancyRow = Static<typeof VacancyRow>;
export const VacancyTotals = Type.Object(statusCounts);
export type VacancyTotals = Static<typeof VacancyTotals>;

export const VacancyReport = Type.Object({
  properties: Type.Array(VacancyRow, { description: 'Each property that has units, by name.' }),
  totals: VacancyTotals,
});
export type VacancyReport = Static<typeof VacancyReport>;

export const VacancyQuery = Type.Object({ ...FormatQuery }, { additionalProperties: false });
export type VacancyQuery = Static<typeof VacancyQuery>;
