import { Type, type Static } from 'typebox';
import { DateOnly, Timestamp, Uuid } from '../../kernel/http/schemas.js';

export const OCCUPANCY_ROLES = ['owner', 'resident', 'renter', 'household'] as const;
export type OccupancyRole = (typeof OCCUPANCY_ROLES)[number];

const Role = Type.Enum(OCCUPANCY_ROLES);
const Notes = Type.String({ maxLength: 10_000 });
/** A fraction in [0, 1] with up to 9 decimals; the service refuses 0. */
export const SHARE_PATTERN = '^(0(\\.[0-9]{1,9})?|1(\\.0{1,9})?)$';
/**
 * Numeric(12, 9) in the database: a decimal string keeps it exact on the wire. A JSON number
 * is taken too (bodies are not coerced, so the service turns it into the string).
 */
const Share = Type.Union([Type.String({ pattern: SHARE_PATTERN }), Type.Number({ minimum: 0, maximum: 1 })], {
  description: 'A decimal fraction of the unit in (0, 1], up to 9 decimals, e.g. "0.5" (a JSON number is accepted too).',
});
const EndDate = Type.Union([DateOnly, Type.Null()], { description: 'Inclusive; null while open-ended.' });

const occupancyFields = {
  id: Uuid,
  unitId: Uuid,
  memberId: Uuid,
  role: Role,
  startDate: DateOnly,
  endDate: EndDate,
  ownershipShare: Type.Union([Type.String(), Type.Null()], { description: "An owner's share of the unit, as a decimal string; null for other roles." }),
  leaseId: Type.Union([Uuid, Type.Null()], { description: 'The lease that made this occupancy (its renters), which then manages it.' }),
  notes: Type.Optional(Type.String({ description: 'Staff notes; not shown to portal members.' })),
  createdAt: Timestamp,
  updatedAt: Timestamp,
};

export const Occupancy = Type.Object(occupancyFields);
export type Occupancy = Static<typeof Occupancy>;

export const Occupant = Type.Object({
  ...occupancyFields,
  member: Type.Object({ firstName: Type.String(), lastName: Type.String() }),
});
export type Occupant = Static<typeof Occupant>;

export const Ownership = Type.Object({
  owners: Type.Array(Type.Object({ occupancyId: Uuid, memberId: Uuid, ownershipShare: Type.String() })),
  total: Type.String({ description: 'The sum of the owners\' shares, as a decimal string.' }),
  balanced: Type.Boolean({ description: 'Whether the owners\' shares sum to exactly 1.' }),
});
export type Ownership = Static<typeof Ownership>;

export const UnitOccupants = Type.Object({
  unitId: Uuid,
  date: DateOnly,
  data: Type.Array(Occupant),
  /** The owners on `date`, and whether their shares sum to 1. */
  ownership: Ownership,
});
export type UnitOccupants = Static<typeof UnitOccupants>;

export const OccupantsQuery = Type.Object(
  {
    date: Type.Optional(Type.String({ format: 'date', description: 'Who occupies the unit on this day (default today).' })),
    history: Type.Boolean({ default: false, description: 'List every occupancy of the unit, ended and coming ones too.' }),
  },
  { additionalProperties: false },
);
export type OccupantsQuery = Static<typeof OccupantsQuery>;

export const CreateOccupancy = Type.Object(
  {
    memberId: Uuid,
    role: Role,
    startDate: DateOnly,
    endDate: Type.Optional(EndDate),
    ownershipShare: Type.Optional(Share),
    notes: Type.Optional(Notes),
  },
  { additionalProperties: false },
);
export type CreateOccupancy = Static<typeof CreateOccupancy>;

export const UpdateOccupancy = Type.Object(
  {
    startDate: Type.Optional(Type.String({ format: 'date', description: 'Only while the occupancy has not begun.' })),
    endDate: Type.Optional(Type.Union([DateOnly, Type.Null()], { description: 'The last day (inclusive): setting it ends the occupancy; null reopens it.' })),
    ownershipShare: Type.Optional(Share),
    notes: Type.Optional(Notes),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateOccupancy = Static<typeof UpdateOccupancy>;

export const MemberUnit = Type.Object({
  ...occupancyFields,
  unit: Type.Object({ id: Uuid, label: Type.String(), propertyId: Uuid }),
});
export type MemberUnit = Static<typeof MemberUnit>;

export const MemberUnits = Type.Object({ memberId: Uuid, data: Type.Array(MemberUnit) });
export type MemberUnits = Static<typeof MemberUnits>;

export const MemberUnitsQuery = Type.Object(
  {
    current: Type.Boolean({ default: true, description: 'Only occupancies that have not ended before today (current and coming).' }),
    history: Type.Boolean({ default: false, description: 'Every occupancy, ended ones too (overrides `current`).' }),
  },
  { additionalProperties: false },
);
export type MemberUnitsQuery = Static<typeof MemberUnitsQuery>;
