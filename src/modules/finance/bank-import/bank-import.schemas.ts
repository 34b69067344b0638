import { Type, type Static, type TSchema } from 'typebox';
import { DateOnly, Page, PageQuery, Timestamp, Uuid } from '../../../kernel/http/schemas.js';
import { MAX_AMOUNT } from '../../../kernel/money.js';
import { DATE_FORMATS, DECIMAL_SEPARATORS, DELIMITERS } from './bank-import.parse.js';

const Column = Type.String({ minLength: 1, maxLength: 200, description: 'A column name of the header row (case and surrounding spaces ignored).' });
const Currency = Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 4217 code of the account, e.g. EUR.' });
const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

export const BankImportSettings = Type.Object({
  mapping: Type.Object(
    {
      date: Column,
      amount: Type.String({ minLength: 1, maxLength: 200, description: 'Signed: negative is money out.' }),
      reference: Column,
      payer: Type.Optional(Column),
      description: Type.Optional(Column),
    },
    { additionalProperties: false },
  ),
  dateFormat: Type.Optional(Type.Enum(DATE_FORMATS, { default: 'YYYY-MM-DD' })),
  decimalSeparator: Type.Optional(Type.Enum(DECIMAL_SEPARATORS, { default: '.' })),
  delimiter: Type.Optional(Type.Enum(DELIMITERS, { description: 'Omitted: the most frequent of comma, semicolon and tab in the header row.' })),
  skipLines: Type.Optional(Type.Integer({ minimum: 0, maximum: 50, default: 0, description: 'Lines above the header row to skip.' })),
  currency: Currency,
});

export const CreateBankImport = Type.Object(
  {
    csv: Type.String({ minLength: 1, maxLength: 5_000_000, description: 'The statement as exported by the bank (UTF-8), with a header row.' }),
    filename: Type.Optional(Type.String({ minLength: 1, maxLength: 255 })),
    ...BankImportSettings.properties,
  },
  { additionalProperties: false },
);
export type CreateBankImport = Static<typeof CreateBankImport>;

const Rule = Type.Enum(['charge_id', 'member_id', 'member_email', 'member_name', 'amount_only']);
const AllocationTarget = Type.Object({ chargeId: Uuid, amount: Type.Integer() });

export const Proposal = Type.Object({
  memberId: Nullable(Uuid),
  memberName: Nullable(Type.String()),
  confidence: Type.Number({ minimum: 0, maximum: 1 }),
  rule: Nullable(Rule),
  reasons: Type.Array(Type.String()),
  allocations: Nullable(Type.Array(AllocationTarget, { description: 'Charges the credit would settle; null: oldest due first.' })),
  candidates: Type.Array(Type.Object({ memberId: Uuid, memberName: Type.String(), rule: Rule })),
});

export const LINE_STATUSES = ['open', 'matched', 'duplicate', 'ignored'] as const;
export type LineStatus = (typeof LINE_STATUSES)[number];

export const BankLine = Type.Object({
  id: Uuid,
  row: Type.Integer({ description: 'The line of the file.' }),
  bookedOn: DateOnly,
  direction: Type.Enum(['credit', 'debit']),
  amount: Type.Integer({ description: 'Minor units, positive; direction says in or out.' }),
  currency: Type.String(),
  reference: Type.String(),
  payer: Nullable(Type.String()),
  description: Nullable(Type.String()),
  status: Type.Enum(LINE_STATUSES, { description: 'open: awaiting confirmation; matched: recorded as a payment; duplicate: imported before; ignored: money out.' }),
  duplicateOf: Nullable(Uuid),
  proposal: Nullable(Proposal),
  memberId: Nullable(Uuid),
  paymentId: Nullable(Uuid),
  matchedAt: Nullable(Timestamp),
});
export type BankLine = Static<typeof BankLine>;

export const BankImportSummary = Type.Object({
  lines: Type.Integer(),
  credits: Type.Integer(),
  debits: Type.Integer(),
  duplicates: Type.Integer(),
  proposed: Type.Integer({ description: 'Open credits with a proposed member.' }),
  matched: Type.Integer(),
  creditTotal: Type.Integer(),
  debitTotal: Type.Integer(),
});

const importFields = {
  id: Uuid,
  filename: Nullable(Type.String()),
  currency: Type.String(),
  settings: Type.Object({}, { additionalProperties: true, description: 'The mapping and formats the file was read with.' }),
  summary: BankImportSummary,
  createdAt: Timestamp,
};
export const BankImportListItem = Type.Object(importFields);
export type BankImportListItem = Static<typeof BankImportListItem>;
export const BankImport = Type.Object({ ...importFields, skippedRows: Type.Optional(Type.Integer({ description: 'Rows of amount zero, left out (on the answer to the upload only).' })), lines: Type.Array(BankLine) });
export type BankImport = Static<typeof BankImport>;
export const BankImportPage = Page(BankImportListItem);

export const ListBankImportsQuery = Type.Object({ ...PageQuery }, { additionalProperties: false });
export type ListBankImportsQuery = Static<typeof ListBankImportsQuery>;

export const ConfirmBankLines = Type.Object(
  {
    lines: Type.Array(
      Type.Object(
        {
          lineId: Uuid,
          memberId: Uuid,
          allocations: Type.Optional(Type.Array(Type.Object({ chargeId: Uuid, amount: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_AMOUNT })) }, { additionalProperties: false }), { maxItems: 100, description: 'Charges to settle, in order. Omitted: oldest due first.' })),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 1000 },
    ),
  },
  { additionalProperties: false },
);
export type ConfirmBankLines = Static<typeof ConfirmBankLines>;

export const ConfirmResult = Type.Object({
  importId: Uuid,
  results: Type.Array(
    Type.Object({
      lineId: Uuid,
      memberId: Uuid,
      paymentId: Uuid,
      created: Type.Boolean({ description: 'false: the line had been confirmed before; its payment is the one recorded then.' }),
      allocations: Type.Array(AllocationTarget),
    }),
  ),
});
export type ConfirmResult = Static<typeof ConfirmResult>;
