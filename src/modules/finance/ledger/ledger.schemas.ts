import { Type, type Static } from 'typebox';
import { FormatQuery } from '../../../kernel/http/csv.js';
import { DateOnly, Page, PageQuery, Timestamp, Uuid } from '../../../kernel/http/schemas.js';
import { MAX_AMOUNT } from '../../../kernel/money.js';
import { CHARGE_KINDS, CHARGE_STATUSES, PAYMENT_METHODS } from './ledger.types.js';

export const ACCOUNT_TYPES = ['asset', 'liability', 'equity', 'income', 'expense'] as const;

/** Minor units (cents) of a charge, payment, refund or write-off: money is never a float. */
const Amount = Type.Integer({ minimum: 1, maximum: MAX_AMOUNT, description: 'Positive integer minor units (cents), at most 10^13.' });
/** A journal line: debit positive, credit negative; never zero. */
const SignedAmount = Type.Integer({ minimum: -MAX_AMOUNT, maximum: MAX_AMOUNT, description: 'Integer minor units: debit positive, credit negative, never 0; at most 10^13 either way.' });
const Currency = Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 4217 code, e.g. EUR.' });
const Reason = Type.String({ minLength: 1, maxLength: 1_000 });
const Description = Type.String({ minLength: 1, maxLength: 500 });
const NullableUuid = Type.Union([Uuid, Type.Null()]);
const NullableDate = Type.Union([DateOnly, Type.Null()]);
const NullableString = Type.Union([Type.String(), Type.Null()]);
const QueryUuid = (description: string) => Type.String({ format: 'uuid', description });
const QueryDate = (description: string) => Type.String({ format: 'date', description });
const ChargeKind = Type.Enum(CHARGE_KINDS);
const ChargeStatus = Type.Enum(CHARGE_STATUSES);
const PaymentMethod = Type.Enum(PAYMENT_METHODS);
const AccountType = Type.Enum(ACCOUNT_TYPES);

// ---- accounts -------------------------------------------------------------------------------

export const Account = Type.Object({
  id: Uuid,
  code: Type.String(),
  name: Type.String(),
  type: AccountType,
  systemKey: Type.Union([Type.String(), Type.Null()], { description: 'Set on the accounts the platform posts to itself (receivable, bank, levy_income …).' }),
  archived: Type.Boolean(),
  archivedAt: Type.Union([Timestamp, Type.Null()]),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Account = Static<typeof Account>;

export const CreateAccount = Type.Object(
  {
    code: Type.String({ pattern: '^[0-9A-Za-z.-]{1,20}$', description: 'Unique in the tenant: letters, digits, dots and dashes, up to 20.' }),
    name: Type.String({ minLength: 1, maxLength: 120 }),
    type: AccountType,
  },
  { additionalProperties: false },
);
export type CreateAccount = Static<typeof CreateAccount>;

export const UpdateAccount = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 120 })),
    archived: Type.Optional(Type.Boolean({ description: 'An archived account takes no new manual entries; system accounts cannot be archived.' })),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateAccount = Static<typeof UpdateAccount>;

export const ListAccountsQuery = Type.Object(
  {
    ...PageQuery,
    type: Type.Optional(AccountType),
    includeArchived: Type.Optional(Type.Boolean({ default: false })),
  },
  { additionalProperties: false },
);
export type ListAccountsQuery = Static<typeof ListAccountsQuery>;
export const AccountPage = Page(Account);

const CurrencyBalance = Type.Object({ currency: Currency, balance: Type.Integer({ description: 'Debit positive.' }) });

export const LedgerQuery = Type.Object(
  {
    from: Type.Optional(QueryDate('First day (inclusive); default 1 January of the year of `to`.')),
    to: Type.Optional(QueryDate('Last day (inclusive); default today.')),
  },
  { additionalProperties: false },
);
export type LedgerQuery = Static<typeof LedgerQuery>;

export const AccountLedger = Type.Object({
  account: Account,
  from: DateOnly,
  to: DateOnly,
  opening: Type.Array(CurrencyBalance, { description: 'Per currency, the balance of everything before `from`.' }),
  lines: Type.Array(
    Type.Object({
      entryId: Uuid,
      lineNo: Type.Integer(),
      date: DateOnly,
      description: Type.String(),
      kind: Type.String(),
      amount: Type.Integer(),
      currency: Currency,
      memberId: NullableUuid,
      chargeId: NullableUuid,
      balance: Type.Integer({ description: 'The running balance in the line’s currency after it.' }),
    }),
  ),
  closing: Type.Array(CurrencyBalance, { description: 'Per currency, the balance at the end of `to`.' }),
});
export type AccountLedger = Static<typeof AccountLedger>;

// ---- journal --------------------------------------------------------------------------------

export const JournalLine = Type.Object({
  lineNo: Type.Integer(),
  accountId: Uuid,
  accountCode: Type.String(),
  accountName: Type.String(),
  amount: Type.Integer({ description: 'Debit positive, credit negative.' }),
  currency: Currency,
  memberId: NullableUuid,
  unitId: NullableUuid,
  leaseId: NullableUuid,
  chargeId: NullableUuid,
});
export type JournalLine = Static<typeof JournalLine>;

export const JournalEntry = Type.Object({
  id: Uuid,
  date: DateOnly,
  description: Type.String(),
  kind: Type.String({ description: 'What posted it: manual, charge, payment, allocation, allocation_release, void, write_off, refund, reversal, late_fee …' }),
  reversesId: Type.Union([Uuid, Type.Null()], { description: 'The entry this one reverses.' }),
  reversedById: Type.Union([Uuid, Type.Null()], { description: 'The entry that reverses this one.' }),
  createdBy: NullableUuid,
  createdAt: Timestamp,
  lines: Type.Array(JournalLine),
});
export type JournalEntry = Static<typeof JournalEntry>;
export const JournalPage = Page(JournalEntry);

export const JOURNAL_SORTS = ['-date', 'date'] as const;
export const ListJournalQuery = Type.Object(
  {
    ...PageQuery,
    from: Type.Optional(QueryDate('Entries dated on or after.')),
    to: Type.Optional(QueryDate('Entries dated on or before.')),
    kind: Type.Optional(Type.String({ pattern: '^[a-z_]{1,40}$' })),
    accountId: Type.Optional(QueryUuid('Entries with a line on this account.')),
    memberId: Type.Optional(QueryUuid('Entries with a line concerning this member.')),
    sort: Type.Optional(Type.Enum(JOURNAL_SORTS, { default: '-date' })),
  },
  { additionalProperties: false },
);
export type ListJournalQuery = Static<typeof ListJournalQuery>;

export const CreateJournalEntry = Type.Object(
  {
    date: DateOnly,
    description: Description,
    lines: Type.Array(
      Type.Object(
        {
          accountId: Uuid,
          amount: SignedAmount,
          currency: Currency,
          memberId: Type.Optional(Uuid),
          unitId: Type.Optional(Uuid),
          leaseId: Type.Optional(Uuid),
        },
        { additionalProperties: false },
      ),
      { minItems: 2, maxItems: 100, description: 'Balanced per currency. Not the receivable nor the member-credit account: charges and payments keep those.' },
    ),
  },
  { additionalProperties: false },
);
export type CreateJournalEntry = Static<typeof CreateJournalEntry>;

export const ReverseJournalEntry = Type.Object(
  { reason: Reason, date: Type.Optional(Type.String({ format: 'date', description: 'Default today; not before the entry’s date.' })) },
  { additionalProperties: false },
);
export type ReverseJournalEntry = Static<typeof ReverseJournalEntry>;

// ---- charges, allocations -------------------------------------------------------------------

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

const AllocationTargets = Type.Array(
  Type.Object(
    {
      chargeId: Uuid,
      amount: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_AMOUNT, description: 'Default: what the charge owes, as far as the money goes.' })),
    },
    { additionalProperties: false },
  ),
  { maxItems: 200, description: 'Charges to settle, in this order. Omitted: the member’s open charges, oldest due first.' },
);

// ---- payments -------------------------------------------------------------------------------

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

// ---- balances and reports -------------------------------------------------------------------

export const BalanceQuery = Type.Object(
  { asOf: Type.Optional(QueryDate('Default today: everything dated on or before it.')) },
  { additionalProperties: false },
);
export type BalanceQuery = Static<typeof BalanceQuery>;

export const MemberBalance = Type.Object({
  memberId: Uuid,
  asOf: DateOnly,
  balances: Type.Array(
    Type.Object({
      currency: Currency,
      receivable: Type.Integer({ description: 'What the member’s charges still ask.' }),
      credit: Type.Integer({ description: 'Money received and not yet applied to a charge.' }),
      balance: Type.Integer({ description: 'receivable − credit: owed when positive, in credit when negative.' }),
    }),
  ),
  openCharges: Type.Array(Charge, { description: 'Charges with something left to pay today, oldest due first.' }),
});
export type MemberBalance = Static<typeof MemberBalance>;

export const TrialBalanceQuery = Type.Object(
  { asOf: Type.Optional(QueryDate('Default today.')), ...FormatQuery },
  { additionalProperties: false },
);
export type TrialBalanceQuery = Static<typeof TrialBalanceQuery>;

export const TrialBalance = Type.Object({
  asOf: DateOnly,
  rows: Type.Array(
    Type.Object({
      accountId: Uuid,
      code: Type.String(),
      name: Type.String(),
      type: AccountType,
      currency: Currency,
      debit: Type.Integer({ description: 'The balance when it is a debit, else 0.' }),
      credit: Type.Integer({ description: 'The balance when it is a credit, else 0.' }),
      balance: Type.Integer({ description: 'Debit positive.' }),
    }),
  ),
  totals: Type.Array(Type.Object({ currency: Currency, debit: Type.Integer(), credit: Type.Integer() }), { description: 'Per currency; debits equal credits.' }),
});
export type TrialBalance = Static<typeof TrialBalance>;
