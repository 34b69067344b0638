import { Type, type Static } from 'typebox';
import { DateOnly, Page, PageQuery, Timestamp, Uuid } from '../../../kernel/http/schemas.js';
import { MAX_AMOUNT } from '../../../kernel/money.js';
import { CHARGE_KINDS, CHARGE_STATUSES, PAYMENT_METHODS } from './ledger.types.js';

export const ACCOUNT_TYPES = ['asset', 'liability', 'equity', 'income', 'expense'] as const;

/** Minor units (cents) of a charge, payment, refund or write-off: money is never a float. */
export const Amount = Type.Integer({ minimum: 1, maximum: MAX_AMOUNT, description: 'Positive integer minor units (cents), at most 10^13.' });
/** A journal line: debit positive, credit negative; never zero. */
const SignedAmount = Type.Integer({ minimum: -MAX_AMOUNT, maximum: MAX_AMOUNT, description: 'Integer minor units: debit positive, credit negative, never 0; at most 10^13 either way.' });
export const Currency = Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 4217 code, e.g. EUR.' });
export const Reason = Type.String({ minLength: 1, maxLength: 1_000 });
export const Description = Type.String({ minLength: 1, maxLength: 500 });
export const NullableUuid = Type.Union([Uuid, Type.Null()]);
export const NullableDate = Type.Union([DateOnly, Type.Null()]);
export const NullableString = Type.Union([Type.String(), Type.Null()]);
export const QueryUuid = (description: string) => Type.String({ format: 'uuid', description });
export const QueryDate = (description: string) => Type.String({ format: 'date', description });
export const ChargeKind = Type.Enum(CHARGE_KINDS);
export const ChargeStatus = Type.Enum(CHARGE_STATUSES);
export const PaymentMethod = Type.Enum(PAYMENT_METHODS);
export const AccountType = Type.Enum(ACCOUNT_TYPES);

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
