import { Type, type Static } from 'typebox';
import { DateOnly, Page, PageQuery, SearchQuery, Timestamp, Uuid } from '../../../kernel/http/schemas.js';
import { Allocation, AllocationTargets } from './charges.schemas.js';
import { Amount, Currency, NullableString, PaymentMethod, QueryDate, QueryUuid, Reason } from './ledger.schemas.js';

const paymentFields = {
  id: Uuid,
  memberId: Uuid,
  method: PaymentMethod,
  amount: Type.Integer(),
  currency: Currency,
  receivedOn: DateOnly,
  reference: NullableString,
  payer: NullableString,
  refunded: Type.Integer(),
  entryId: Uuid,
  provider: NullableString,
  providerEventId: NullableString,
  createdAt: Timestamp,
};
export const Payment = Type.Object(paymentFields);
export const PaymentDetail = Type.Object({ ...paymentFields, allocations: Type.Array(Allocation, { description: 'The charges this payment’s money settled.' }) });
export type PaymentDetail = Static<typeof PaymentDetail>;
export const PaymentPage = Page(Payment);
export const RecordedPayment = Type.Object({
  ...paymentFields,
  allocations: Type.Array(Allocation),
  memberCredit: Type.Integer({ description: 'The member’s unapplied credit in the payment’s currency afterwards.' }),
});
export type RecordedPayment = Static<typeof RecordedPayment>;

export const PAYMENT_SORTS = ['-receivedOn', 'receivedOn'] as const;
export const ListPaymentsQuery = Type.Object(
  {
    ...PageQuery,
    q: Type.Optional(SearchQuery('Matches the reference or the payer.')),
    memberId: Type.Optional(QueryUuid('The member’s payments.')),
    method: Type.Optional(PaymentMethod),
    currency: Type.Optional(Currency),
    receivedFrom: Type.Optional(QueryDate('Received on or after.')),
    receivedTo: Type.Optional(QueryDate('Received on or before.')),
    sort: Type.Optional(Type.Enum(PAYMENT_SORTS, { default: '-receivedOn' })),
  },
  { additionalProperties: false },
);
export type ListPaymentsQuery = Static<typeof ListPaymentsQuery>;

export const RecordPayment = Type.Object(
  {
    memberId: Uuid,
    method: PaymentMethod,
    amount: Amount,
    currency: Currency,
    receivedOn: DateOnly,
    reference: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    payer: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    allocations: Type.Optional(AllocationTargets),
  },
  { additionalProperties: false },
);
export type RecordPayment = Static<typeof RecordPayment>;

export const RefundPayment = Type.Object(
  { amount: Amount, reason: Reason, date: Type.Optional(Type.String({ format: 'date', description: 'Default today; not before the payment was received.' })) },
  { additionalProperties: false },
);
export type RefundPayment = Static<typeof RefundPayment>;

export const ApplyCredit = Type.Object(
  {
    memberId: Uuid,
    currency: Currency,
    allocations: Type.Optional(AllocationTargets),
    date: Type.Optional(Type.String({ format: 'date', description: 'Default today.' })),
  },
  { additionalProperties: false },
);
export type ApplyCredit = Static<typeof ApplyCredit>;

export const AppliedCredit = Type.Object({
  allocations: Type.Array(Allocation),
  memberCredit: Type.Integer({ description: 'The member’s credit in the currency left afterwards.' }),
});
export type AppliedCredit = Static<typeof AppliedCredit>;

