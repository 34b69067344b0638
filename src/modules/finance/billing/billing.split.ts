/**
 * Money splits for billing, exact to the minor unit. Shares arrive from the database as
 * decimal strings (numeric(12, 9)); they are turned into integers of 10⁻⁹ and every step is
 * done in bigint, so no float ever touches an amount.
 */

/** One claimant on a total: its weight, and the keys that order it among equal remainders. */
export interface Claim {
  weight: bigint;
  /** Compared left to right by code unit (never by locale: the result must not depend on the machine). */
  tieBreak: readonly string[];
}

const compareKeys = (a: readonly string[], b: readonly string[]): number => {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? '';
    const y = b[i] ?? '';
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
};

/**
 * Splits `total` minor units over `claims` in proportion to their weights by the largest
 * remainder method (Hamilton): each claim gets the floor of its exact share, and the units
 * left over go one each to the claims with the largest remainders, equal remainders in
 * tie-break order. So the parts always sum to `total`, each is its exact share rounded down
 * or up (within one minor unit of it), and the result depends only on the claims, not on
 * their order. Parts come back in the order of `claims`; a claim of weight 0 gets 0.
 */
export function largestRemainder(total: number, claims: readonly Claim[]): number[] {
  if (!Number.isSafeInteger(total) || total < 0) throw new RangeError(`total must be a non-negative safe integer, got ${total}`);
  if (claims.some((c) => c.weight < 0n)) throw new RangeError('weights must not be negative');
  const sum = claims.reduce((s, c) => s + c.weight, 0n);
  if (sum === 0n) {
    if (total === 0) return claims.map(() => 0);
    throw new RangeError('cannot split a non-zero total over claims that weigh nothing');
  }
  const t = BigInt(total);
  const parts = claims.map((c) => (t * c.weight) / sum);
  let left = t - parts.reduce((s, p) => s + p, 0n);
  // Fewer leftover units than claims (each remainder is below one unit), so one pass suffices.
  const order = claims
    .map((c, i) => ({ i, remainder: (t * c.weight) % sum, tieBreak: c.tieBreak }))
    .filter((c) => c.remainder > 0n)
    .sort((a, b) => (a.remainder === b.remainder ? compareKeys(a.tieBreak, b.tieBreak) : a.remainder > b.remainder ? -1 : 1));
  for (const { i } of order) {
    if (left === 0n) break;
    parts[i]! += 1n;
    left -= 1n;
  }
  return parts.map(Number);
}

const SCALE = 9;
const DECIMAL = /^(\d{1,18})(?:\.(\d+))?$/;

/**
 * A non-negative decimal string (`"0.125"`, `"1"`, `"0.333333333"`) as an integer count of
 * 10⁻⁹: the scale of participation and ownership shares. Refuses more than 9 decimals rather
 * than round a share silently.
 */
export function shareUnits(decimal: string): bigint {
  const match = DECIMAL.exec(decimal.trim());
  if (!match) throw new RangeError(`not a non-negative decimal: ${decimal}`);
  const fraction = (match[2] ?? '').replace(/0+$/, '');
  if (fraction.length > SCALE) throw new RangeError(`more than ${SCALE} decimals: ${decimal}`);
  return BigInt(match[1]!) * 10n ** BigInt(SCALE) + BigInt(fraction.padEnd(SCALE, '0'));
}

/** `numerator / denominator` rounded to the nearest integer, halves up (both non-negative). */
export function divideHalfUp(numerator: bigint, denominator: bigint): bigint {
  if (denominator <= 0n || numerator < 0n) throw new RangeError('divideHalfUp takes a non-negative numerator and a positive denominator');
  return (numerator * 2n + denominator) / (denominator * 2n);
}
