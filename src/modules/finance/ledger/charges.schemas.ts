import { Type, type Static } from 'typebox';
import { DateOnly, Page, PageQuery, SearchQuery, Timestamp, Uuid } from '../../../kernel/http/schemas.js';
import { MAX_AMOUNT } from '../../../kernel/money.js';
import { Amount, ChargeKind, ChargeStatus, Currency, Description, NullableDate, NullableString, NullableUuid, QueryDate, QueryUuid, Reason } from './ledger.schemas.js';

export const Allocation = Type.Object({
  id: Uuid,
  memberId: Uuid,
  chargeId: Uuid,
  paymentId: Type.Union([Uuid, Type.Null()], { description: 'The payment whose money it was, when known (credit may pool several payments).' }),
  amount: Type.Integer(),
  currency: Currency,
  entryId: Uuid,
  releasedEntryId: Type.Union([Uuid, Type.Null()], { description: 'Set when the allocation went back to credit (its charge was voided).' }),
  createdAt: Timestamp,
});
export type Allocation = Static<typeof Allocation>;

const chargeFields = {
  id: Uuid,
  memberId: Uuid,
  unitId: NullableUuid,
  leaseId: NullableUuid,
  kind: ChargeKind,
  description: Type.String(),
  amount: Type.Integer(),
  currency: Currency,
  periodStart: NullableDate,
  periodEnd: NullableDate,
  dueDate: DateOnly,
  allocated: Type.Integer({ description: 'Settled by payments (allocations not released).' }),
  writtenOff: Type.Integer(),
  outstanding: Type.Integer({ description: 'amount − allocated − writtenOff; 0 once void.' }),
  status: ChargeStatus,
  entryId: Uuid,
  voidEntryId: NullableUuid,
  naturalKey: NullableString,
  createdAt: Timestamp,
};
export const Charge = Type.Object(chargeFields);
export const ChargeDetail = Type.Object({ ...chargeFields, allocations: Type.Array(Allocation) });
export type ChargeDetail = Static<typeof ChargeDetail>;
export const ChargePage = Page(Charge);

export const CHARGE_SORTS = ['dueDate', '-dueDate', 'createdAt', '-createdAt'] as const;
export const ListChargesQuery = Type.Object(
  {
    ...PageQuery,
    q: Type.Optional(SearchQuery('Matches the description.')),
    memberId: Type.Optional(QueryUuid('The member’s charges.')),
    unitId: Type.Optional(QueryUuid('Charges for this unit.')),
    leaseId: Type.Optional(QueryUuid('Charges under this lease.')),
    status: Type.Optional(ChargeStatus),
    outstanding: Type.Optional(Type.Boolean({ description: 'true: charges with something left to pay (open or partially paid).' })),
    kind: Type.Optional(ChargeKind),
    currency: Type.Optional(Currency),
    dueBefore: Type.Optional(QueryDate('Due before this day (exclusive).')),
    dueAfter: Type.Optional(QueryDate('Due after this day (exclusive).')),
    sort: Type.Optional(Type.Enum(CHARGE_SORTS, { default: 'dueDate' })),
  },
  { additionalProperties: false },
);
export type ListChargesQuery = Static<typeof ListChargesQuery>;

export const CreateCharge = Type.Object(
  {
    memberId: Uuid,
    unitId: Type.Optional(Uuid),
    leaseId: Type.Optional(Uuid),
    kind: ChargeKind,
    description: Description,
    amount: Amount,
    currency: Currency,
    periodStart: Type.Optional(DateOnly),
    periodEnd: Type.Optional(DateOnly),
    dueDate: DateOnly,
  },
  { additionalProperties: false },
);
export type CreateCharge = Static<typeof CreateCharge>;

export const VoidCharge = Type.Object(
  { reason: Reason, date: Type.Optional(Type.String({ format: 'date', description: 'Default today; not before the charge was posted.' })) },
  { additionalProperties: false },
);
export type VoidCharge = Static<typeof VoidCharge>;

export const WriteOffCharge = Type.Object(
  {
    reason: Reason,
    amount: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_AMOUNT, description: 'Default: all that is outstanding.' })),
    date: Type.Optional(Type.String({ format: 'date', description: 'Default today; not before the charge was posted.' })),
  },
  { additionalProperties: false },
);
export type WriteOffCharge = Static<typeof WriteOffCharge>;

export const AllocationTargets = Type.Array(
  Type.Object(
    {
      chargeId: Uuid,
      amount: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_AMOUNT, description: 'Default: what the charge owes, as far as the money goes.' })),
    },
    { additionalProperties: false },
  ),
  { maxItems: 200, description: 'Charges to settle, in this order. Omitted: the member’s open charges, oldest due first.' },
);

