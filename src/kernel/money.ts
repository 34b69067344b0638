import { AppError } from './errors.js';

/**
 * The most one amount may be (a charge, a payment, a refund, a write-off, a journal line, a
 * rent, a budget), in minor units: 10^13, a hundred billion of a currency with two decimals.
 * Far above any levy or rent, and small enough that a tenant's ledger holds hundreds of such
 * amounts before it reaches what finance lets it accumulate (2^53 − 1, see docs/finance.md).
 */
export const MAX_AMOUNT = 10_000_000_000_000;

const MAX_EXACT = BigInt(Number.MAX_SAFE_INTEGER);

/** An integer as the database hands it over (int8 as a number, a `sum()` as a numeric string), exactly. */
export const exact = (value: number | string | bigint | null | undefined): bigint => (value === null || value === undefined ? 0n : BigInt(value));

/** The exact sum of integer amounts: JavaScript numbers round past 2^53, bigints do not. */
export function sumExact(values: Iterable<number | string | bigint>): bigint {
  let total = 0n;
  for (const v of values) total += BigInt(v);
  return total;
}

/**
 * A total as the JSON number the API answers, which is exact only within ±(2^53 − 1). Totals
 * of a tenant's ledger stay within it by construction (finance caps what one ledger can
 * accumulate); a sum of amounts that no ledger bounds (a rent roll, a billing preview, a bank
 * statement) that goes past it is refused rather than rounded.
 */
export function safeTotal(total: bigint, what: string): number {
  if (total > MAX_EXACT || total < -MAX_EXACT) {
    throw new AppError('unprocessable', `The ${what} comes to ${total} minor units, more than 2^53 − 1, which the API cannot state exactly`);
  }
  return Number(total);
}
