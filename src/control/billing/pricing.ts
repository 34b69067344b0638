import { METERS, type Meter } from '../../kernel/metering/meters.js';

/**
 * How a plan is priced: a base price per interval, and metered components. Pure arithmetic in
 * integer minor units (bigint inside, so no product rounds), shared by the invoice run, the
 * previews and the tests that reproduce an invoice by hand.
 */

export interface PriceTier {
  /** The last quantity this tier covers; null: everything above the previous tier. */
  upTo: number | null;
  unitAmountMinor: number;
  /** Charged once when any quantity falls in this tier. */
  flatAmountMinor: number;
}

export interface PriceComponent {
  meter: Meter;
  /** Usage given with the base price: only what exceeds it is billed. */
  included: number;
  /** The usage one billed quantity stands for (1 GiB of stored bytes); the last is rounded up. */
  per: number;
  /**
   * graduated: each tier prices the quantities that fall in it (the first 100 at one price,
   * the next at another); volume: the tier the whole quantity falls in prices all of it.
   */
  mode: 'graduated' | 'volume';
  tiers: PriceTier[];
}

export interface PlanPricing {
  trialDays: number;
  components: PriceComponent[];
}

/** What a subscription pays for a period: the plan's price as it stood when the period began. */
export interface PriceTerms extends PlanPricing {
  planKey: string;
  planName: string;
  amountMinor: number;
  currency: string;
  interval: 'month' | 'year';
}

export interface PricedTier {
  tier: number;
  quantity: number;
  unitAmountMinor: number;
  flatAmountMinor: number;
  amountMinor: bigint;
}

/** The quantity billed for a usage: above what is included, in whole `per`s. */
export function billableQuantity(component: Pick<PriceComponent, 'included' | 'per'>, usage: number): number {
  if (usage <= component.included) return 0;
  return Math.ceil((usage - component.included) / component.per);
}

/** The tiers a billed quantity is priced at, each with what it comes to (none for a quantity of 0). */
export function priceQuantity(component: Pick<PriceComponent, 'mode' | 'tiers'>, quantity: number): PricedTier[] {
  if (quantity <= 0) return [];
  const priced = (tier: number, q: number): PricedTier => {
    const t = component.tiers[tier]!;
    return { tier, quantity: q, unitAmountMinor: t.unitAmountMinor, flatAmountMinor: t.flatAmountMinor, amountMinor: BigInt(q) * BigInt(t.unitAmountMinor) + BigInt(t.flatAmountMinor) };
  };
  if (component.mode === 'volume') {
    const at = component.tiers.findIndex((t) => t.upTo === null || quantity <= t.upTo);
    return [priced(at, quantity)];
  }
  const out: PricedTier[] = [];
  let below = 0;
  for (let i = 0; i < component.tiers.length && below < quantity; i++) {
    const upTo = component.tiers[i]!.upTo;
    const top = upTo === null ? quantity : Math.min(quantity, upTo);
    if (top > below) out.push(priced(i, top - below));
    below = Math.max(below, top);
  }
  return out;
}

/** `amount × numerator / denominator`, rounded half up: proration by days, tax by basis points. */
export function proportion(amount: bigint, numerator: number, denominator: number): bigint {
  const n = amount * BigInt(numerator) * 2n + BigInt(denominator);
  return n / (2n * BigInt(denominator));
}

/** Why a pricing cannot be used, as field errors (none when it can). */
export function pricingProblems(pricing: PlanPricing, field = 'pricing'): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  const seen = new Set<string>();
  pricing.components.forEach((c, i) => {
    const at = `${field}.components.${i}`;
    if (!Object.hasOwn(METERS, c.meter)) problems.push({ field: `${at}.meter`, message: `is not a meter` });
    if (seen.has(c.meter)) problems.push({ field: `${at}.meter`, message: 'is priced twice' });
    seen.add(c.meter);
    if (c.tiers.length === 0) problems.push({ field: `${at}.tiers`, message: 'needs at least one tier' });
    c.tiers.forEach((t, j) => {
      const last = j === c.tiers.length - 1;
      if (last && t.upTo !== null) problems.push({ field: `${at}.tiers.${j}.upTo`, message: 'the last tier must be open (null)' });
      if (!last && t.upTo === null) problems.push({ field: `${at}.tiers.${j}.upTo`, message: 'only the last tier may be open' });
      const previous = j > 0 ? c.tiers[j - 1]!.upTo : 0;
      if (t.upTo !== null && previous !== null && t.upTo <= previous) problems.push({ field: `${at}.tiers.${j}.upTo`, message: 'must be above the previous tier' });
    });
  });
  return problems;
}

export const NO_PRICING: PlanPricing = { trialDays: 0, components: [] };
