import { Type, type Static } from 'typebox';
import { FormatQuery } from '../../../kernel/http/csv.js';
import { DateOnly, Uuid } from '../../../kernel/http/schemas.js';
import { Charge } from './charges.schemas.js';
import { AccountType, Currency, QueryDate } from './ledger.schemas.js';

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
