import { Type, type Static, type TSchema } from 'typebox';
import { Timestamp } from '../../../kernel/http/schemas.js';
import { MAX_AMOUNT } from '../../../kernel/money.js';

export const LATE_FEE_KINDS = ['flat', 'percent'] as const;
export const LATE_FEE_REPEATS = ['once', 'monthly'] as const;
export type LateFeeKind = (typeof LATE_FEE_KINDS)[number];
export type LateFeeRepeat = (typeof LATE_FEE_REPEATS)[number];

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const MinorUnits = Type.Integer({ minimum: 1, maximum: MAX_AMOUNT, description: 'Integer minor units (cents) of the overdue charge’s currency, at most 10^13.' });

const fields = {
  enabled: Type.Boolean(),
  graceDays: Type.Integer({ minimum: 0, maximum: 365, description: 'Days after the due date before a charge counts as late: a fee comes on the day after due date + grace days.' }),
  kind: Type.Enum(LATE_FEE_KINDS, { description: '`flat`: `amount` per fee. `percent`: `percentBasisPoints` of what the charge still owes.' }),
  cap: Nullable(Type.Integer({ minimum: 1, maximum: MAX_AMOUNT, description: 'The most one fee can be, in minor units; null: no cap.' })),
  repeat: Type.Enum(LATE_FEE_REPEATS, { description: '`once` per charge, or `monthly`: once in each month of lateness (counted from the first late day) while it stays unpaid.' }),
};

export const LateFeeRule = Type.Object({
  ...fields,
  amount: Nullable(Type.Integer()),
  percentBasisPoints: Nullable(Type.Integer()),
  updatedAt: Nullable(Timestamp),
});
export type LateFeeRule = Static<typeof LateFeeRule>;

export const PutLateFeeRule = Type.Object(
  {
    enabled: fields.enabled,
    graceDays: fields.graceDays,
    kind: fields.kind,
    amount: Type.Optional(Nullable(MinorUnits)),
    percentBasisPoints: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 10_000, description: 'Hundredths of a percent: 150 is 1.5 %.' }))),
    cap: Type.Optional(fields.cap),
    repeat: fields.repeat,
  },
  { additionalProperties: false },
);
export type PutLateFeeRule = Static<typeof PutLateFeeRule>;
