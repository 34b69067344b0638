import { safeTotal } from '../../kernel/money.js';
import { METERS, type Meter } from '../../kernel/metering/meters.js';
import { DAY_MS } from './periods.js';
import { billableQuantity, priceQuantity, proportion, type PriceTerms } from './pricing.js';


/** Whole days between two instants (periods start and end at the same time of day, in UTC). */
export const daysBetween = (from: Date, to: Date): number => Math.round((to.getTime() - from.getTime()) / DAY_MS);

/** A stretch of the period on one plan's terms: the whole period, or the parts a mid-period change cut it into. */
export interface TermsSegment {
  terms: PriceTerms;
  from: Date;
  to: Date;
}

export interface InvoiceLine {
  kind: 'base' | 'usage';
  description: string;
  meter: Meter | null;
  quantity: number;
  unitAmountMinor: number;
  /** A tier's flat fee, in the amount beside quantity × unit amount. */
  flatAmountMinor: number;
  amountMinor: number;
  /** The usage measured, for a usage line (before what is included is taken off). */
  usage: number | null;
}

export interface ComputedInvoice {
  currency: string;
  lines: InvoiceLine[];
  subtotalMinor: number;
  taxRateBp: number;
  taxMinor: number;
  totalMinor: number;
}

const fmtDay = (d: Date) => d.toISOString().slice(0, 10);

/**
 * An invoice for one period, in arrears: each segment's base price for its share of the
 * period's days (all of it, when the plan did not change), then each metered component of the
 * terms in force at the period's end, priced on the period's usage (a counter's sum, a gauge's
 * peak), tier by tier, then the tax on the subtotal. Every amount is rounded half up to the
 * minor unit, once, where it is computed: the lines add up to the subtotal exactly.
 */
export function computeInvoice(input: { periodStart: Date; periodEnd: Date; segments: TermsSegment[]; usage: Partial<Record<Meter, number>>; taxRateBp: number }): ComputedInvoice {
  const periodDays = daysBetween(input.periodStart, input.periodEnd);
  const last = input.segments.at(-1)!.terms;
  const lines: InvoiceLine[] = [];
  for (const s of input.segments) {
    const days = daysBetween(s.from, s.to);
    if (days <= 0 || s.terms.amountMinor === 0) continue;
    const whole = days === periodDays;
    const amount = whole ? BigInt(s.terms.amountMinor) : proportion(BigInt(s.terms.amountMinor), days, periodDays);
    lines.push({
      kind: 'base',
      description: whole ? `${s.terms.planName} plan, ${fmtDay(s.from)} to ${fmtDay(s.to)}` : `${s.terms.planName} plan, ${fmtDay(s.from)} to ${fmtDay(s.to)} (${days} of ${periodDays} days)`,
      meter: null,
      quantity: whole ? 1 : days,
      unitAmountMinor: whole ? s.terms.amountMinor : 0,
      flatAmountMinor: 0,
      amountMinor: Number(amount),
      usage: null,
    });
  }
  for (const c of last.components) {
    const used = input.usage[c.meter] ?? 0;
    const quantity = billableQuantity(c, used);
    const tiers = priceQuantity(c, quantity);
    for (const t of tiers) {
      const over = c.included > 0 ? ` over ${c.included} included` : '';
      const tier = c.tiers.length > 1 ? `, tier ${t.tier + 1}` : '';
      lines.push({
        kind: 'usage',
        description: `${METERS[c.meter].description}${over}${tier}`,
        meter: c.meter,
        quantity: t.quantity,
        unitAmountMinor: t.unitAmountMinor,
        flatAmountMinor: t.flatAmountMinor,
        amountMinor: Number(t.amountMinor),
        usage: used,
      });
    }
  }
  const subtotal = lines.reduce((sum, l) => sum + BigInt(l.amountMinor), 0n);
  const tax = proportion(subtotal, input.taxRateBp, 10_000);
  return {
    currency: last.currency,
    lines,
    subtotalMinor: safeTotal(subtotal, 'invoice subtotal'),
    taxRateBp: input.taxRateBp,
    taxMinor: safeTotal(tax, 'invoice tax'),
    totalMinor: safeTotal(subtotal + tax, 'invoice total'),
  };
}
