import type { PrimitiveType } from 'react-intl';
import type { MessageId } from '../../i18n/intl.js';
import { formatMoney } from '../../ui/money.js';
import type { Component, Dunning, Meter, Subscription } from './api.js';

/** `useT()`'s shape, so that the helpers below are pure and tested with a plain formatter. */
export type Translate = (id: MessageId, values?: Record<string, PrimitiveType>) => string;

/** The meters the Billing page shows, in this order. */
export const METERS: Meter[] = ['members', 'units', 'users', 'storageBytes', 'emails', 'sms', 'apiRequests', 'charges'];

const BYTE_UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;

/** A quantity of a meter for people: stored bytes in KB, MB or GB (powers of 1024), anything else as a number. */
export function formatQuantity(meter: string, value: number, locale: string): string {
  if (meter !== 'storageBytes') return new Intl.NumberFormat(locale).format(value);
  let unit = 0;
  let scaled = value;
  while (scaled >= 1024 && unit < BYTE_UNITS.length - 1) {
    scaled /= 1024;
    unit++;
  }
  return new Intl.NumberFormat(locale, { style: 'unit', unit: BYTE_UNITS[unit], unitDisplay: 'short', maximumFractionDigits: 1 }).format(scaled);
}

/** A meter's name: "Members", "Stored documents", "SMS messages". */
export const meterName = (t: Translate, meter: string) => (METERS.includes(meter as Meter) ? t(`billing.account.meter.${meter as Meter}`) : meter);

/**
 * A plan's metered component in words: what is included, then what each tier costs.
 * "SMS messages: 5 included, then €0.05 each"; "Units: 1–2: €1.50 each; above 2: €1.00 each
 * (each tier prices the units that fall in it)"; stored bytes by the GB they are billed per.
 */
export function describeComponent(t: Translate, component: Component, currency: string, locale: string): string {
  const money = (amount: number) => formatMoney({ amount, currency }, locale);
  // A billed quantity stands for `per` of the meter (1 GB of stored bytes): tiers count billed quantities.
  const perUnit = component.per > 1 ? t('billing.account.price.per', { quantity: formatQuantity(component.meter, component.per, locale) }) : t('billing.account.price.each');
  const count = (n: number) => (component.per > 1 ? formatQuantity(component.meter, n * component.per, locale) : new Intl.NumberFormat(locale).format(n));
  const price = (tier: Component['tiers'][number]) => {
    const unit = tier.unitAmountMinor > 0 ? `${money(tier.unitAmountMinor)} ${perUnit}` : t('billing.account.price.free');
    return tier.flatAmountMinor > 0 ? t('billing.account.price.withFlat', { price: unit, flat: money(tier.flatAmountMinor) }) : unit;
  };
  const parts: string[] = [];
  if (component.included > 0) parts.push(t('billing.account.price.included', { quantity: formatQuantity(component.meter, component.included, locale) }));
  const tiers = component.tiers;
  if (tiers.length === 1) {
    parts.push(parts.length > 0 ? t('billing.account.price.then', { price: price(tiers[0]!) }) : price(tiers[0]!));
  } else {
    let below = 0;
    const steps = tiers.map((tier) => {
      const text = tier.upTo === null ? t('billing.account.price.above', { from: count(below), price: price(tier) }) : t('billing.account.price.range', { from: count(below + 1), to: count(tier.upTo), price: price(tier) });
      below = tier.upTo ?? below;
      return text;
    });
    parts.push(`${steps.join('; ')} (${t(component.mode === 'volume' ? 'billing.account.price.volume' : 'billing.account.price.graduated')})`);
  }
  return `${meterName(t, component.meter)}: ${parts.join(', ')}`;
}

/** A price per interval: "€199.00 a month". */
export const describePrice = (t: Translate, price: { amountMinor: number; currency: string; interval: 'month' | 'year' }, locale: string) =>
  t(price.interval === 'year' ? 'billing.account.price.perYear' : 'billing.account.price.perMonth', { amount: formatMoney({ amount: price.amountMinor, currency: price.currency }, locale) });

/** A plan's limits in words: "Up to 250 members, 5 users, 1 GB of documents"; none set is "No limits". */
export function describeLimits(t: Translate, limits: Record<string, number | null>, locale: string): string {
  const parts = Object.entries(limits).flatMap(([key, value]) => {
    const number = new Intl.NumberFormat(locale).format(value ?? 0);
    if (key === 'members') return [value === null ? t('billing.account.limit.membersAny') : t('billing.account.limit.members', { number })];
    if (key === 'users') return [value === null ? t('billing.account.limit.usersAny') : t('billing.account.limit.users', { number })];
    if (key === 'storageMb') return [value === null ? t('billing.account.limit.storageAny') : t('billing.account.limit.storage', { size: formatQuantity('storageBytes', value * 1024 * 1024, locale) })];
    return [];
  });
  return parts.length > 0 ? parts.join(', ') : t('billing.account.limit.none');
}

/** What a plan's limits allow of a meter (null: no limit, undefined: the plan says nothing of it). */
export function limitOf(limits: Record<string, number | null> | undefined, meter: string): number | null | undefined {
  if (!limits) return undefined;
  if (meter === 'storageBytes') return 'storageMb' in limits ? (limits.storageMb === null ? null : limits.storageMb! * 1024 * 1024) : undefined;
  return meter in limits ? limits[meter] : undefined;
}

/** How far collection has gone, said to the owner: what it means and what to do. */
export const dunningText = (t: Translate, dunning: Dunning) => t(`billing.account.dunning.${dunning ?? 'none'}`);

/** Whether the workspace refuses changes (402 `subscription_past_due`) until the open invoices are paid. */
export const isReadOnly = (sub: Pick<Subscription, 'dunning'> | undefined) => sub?.dunning === 'read_only' || sub?.dunning === 'suspended';

/**
 * A day-by-day series (UTC days) for a meter's chart, from hourly or daily buckets: a counter's
 * buckets add up and its days without use are zero; a gauge keeps its highest level of each day
 * it reported.
 */
export function dailySeries(kind: 'gauge' | 'counter', points: { at: string; value: number }[], from: string, to: string): { day: string; value: number }[] {
  const byDay = new Map<string, number>();
  for (const p of points) {
    const day = p.at.slice(0, 10);
    const before = byDay.get(day);
    byDay.set(day, before === undefined ? p.value : kind === 'counter' ? before + p.value : Math.max(before, p.value));
  }
  if (kind === 'gauge') return [...byDay].sort(([a], [b]) => a.localeCompare(b)).map(([day, value]) => ({ day, value }));
  const out: { day: string; value: number }[] = [];
  const end = new Date(to).getTime();
  for (let at = new Date(`${from.slice(0, 10)}T00:00:00Z`); at.getTime() < end && out.length < 400; at.setUTCDate(at.getUTCDate() + 1)) {
    const day = at.toISOString().slice(0, 10);
    out.push({ day, value: byDay.get(day) ?? 0 });
  }
  return out;
}
