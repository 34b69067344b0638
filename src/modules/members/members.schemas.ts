import { Type, type Static } from 'typebox';
import { Email, Nullable, Page, PageQuery, SearchQuery, Timestamp, Uuid } from '../../kernel/http/schemas.js';

export const MEMBER_TYPES = ['resident', 'owner', 'renter', 'household', 'other'] as const;
export const MEMBER_STATUSES = ['prospective', 'active', 'inactive', 'former'] as const;

// Typed as strings, so that a response writes them as strings (an untyped enum goes through JSON.stringify).
const MemberType = Type.Enum(MEMBER_TYPES, { type: 'string' });
const MemberStatus = Type.Enum(MEMBER_STATUSES, { type: 'string' });
export const Name = Type.String({ minLength: 1, maxLength: 120 });
export const Phone = Type.String({ pattern: '^\\+?[0-9 ()./-]{3,32}$', description: 'Digits with optional +, spaces, dots, dashes and parentheses.' });
/** A postal address, its lines as the member writes them. */
export const Address = Type.String({ minLength: 1, maxLength: 500 });
const Notes = Type.String({ maxLength: 10_000 });

/** Fields a custom role may hide (`fieldRestrictions.members.hidden`): left out of what such a user reads, refused in what they write. */
export const MEMBER_RESTRICTABLE_FIELDS = [
  { key: 'email', description: 'E-mail address' },
  { key: 'phone', description: 'Phone number' },
  { key: 'address', description: 'Mailing address' },
  { key: 'notes', description: 'Notes' },
] as const;

const hideable = { description: 'Left out when every role of yours hides it.' };

export const Member = Type.Object({
  id: Uuid,
  firstName: Type.String(),
  lastName: Type.String(),
  email: Type.Optional(Nullable(Type.String(hideable))),
  phone: Type.Optional(Nullable(Type.String(hideable))),
  address: Type.Optional(Nullable(Type.String(hideable))),
  type: MemberType,
  status: MemberStatus,
  notes: Type.Optional(Type.String(hideable)),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Member = Static<typeof Member>;

export const CreateMember = Type.Object(
  {
    firstName: Name,
    lastName: Name,
    email: Type.Optional(Type.Union([Email, Type.Null()])),
    phone: Type.Optional(Type.Union([Phone, Type.Null()])),
    address: Type.Optional(Type.Union([Address, Type.Null()])),
    type: MemberType,
    status: Type.Optional(MemberStatus),
    notes: Type.Optional(Notes),
  },
  { additionalProperties: false },
);
export type CreateMember = Static<typeof CreateMember>;

export const UpdateMember = Type.Partial(CreateMember, { additionalProperties: false, minProperties: 1 });
export type UpdateMember = Static<typeof UpdateMember>;

export const MEMBER_SORTS = ['name', '-name', 'createdAt', '-createdAt'] as const;
export const ListMembersQuery = Type.Object(
  {
    ...PageQuery,
    q: Type.Optional(SearchQuery('Matches first name, last name, full name or e-mail (not the e-mail when your roles hide it).')),
    type: Type.Optional(MemberType),
    status: Type.Optional(MemberStatus),
    sort: Type.Optional(Type.Enum(MEMBER_SORTS, { default: 'name' })),
  },
  { additionalProperties: false },
);
export type ListMembersQuery = Static<typeof ListMembersQuery>;

export const MemberPage = Page(Member);

/** The list's filters, for a count of what they match. */
export const CountMembersQuery = Type.Object(
  { q: ListMembersQuery.properties.q, type: ListMembersQuery.properties.type, status: ListMembersQuery.properties.status },
  { additionalProperties: false },
);
export type CountMembersQuery = Static<typeof CountMembersQuery>;
export const MemberCount = Type.Object({ count: Type.Integer({ minimum: 0 }) });
