import { createIntl } from 'react-intl';
import { describe, expect, it } from 'vitest';
import type { MessageId } from '../../i18n/intl.js';
import en from './en.json';
import es from './es.json';
import { usageRange, type Component } from './api.js';
import { dailySeries, describeComponent, describeLimits, describePrice, dunningText, formatQuantity, isReadOnly, limitOf, type Translate } from './words.js';

const translator = (locale: string, messages: Record<string, string>): Translate => {
  const intl = createIntl({ locale, messages });
  return (id: MessageId, values) => intl.formatMessage({ id }, values);
};
const t = translator('en', en);
const GiB = 1024 ** 3;
const component = (c: Partial<Component> & Pick<Component, 'meter' | 'tiers'>): Component => ({ included: 0, per: 1, mode: 'graduated', ...c });
const tier = (upTo: number | null, unitAmountMinor: number, flatAmountMinor = 0) => ({ upTo, unitAmountMinor, flatAmountMinor });

describe('a price component in words', () => {
  it('says what is included, then the price of each one above it', () => {
    expect(describeComponent(t, component({ meter: 'sms', included: 5, tiers: [tier(null, 5)] }), 'EUR', 'en')).toBe('SMS messages sent: 5 included, then €0.05 each');
    expect(describeComponent(t, component({ meter: 'emails', tiers: [tier(null, 1)] }), 'EUR', 'en')).toBe('E-mails sent: €0.01 each');
  });

  it('counts stored bytes in the units they are billed per', () => {
    expect(describeComponent(t, component({ meter: 'storageBytes', included: 10 * GiB, per: GiB, tiers: [tier(null, 50)] }), 'EUR', 'en')).toBe('Stored documents: 10 GB included, then €0.50 per 1 GB');
  });

  it('names the bands of a graduated or volume price, from one past the band below, and a flat fee', () => {
    const units = component({ meter: 'units', tiers: [tier(2, 150), tier(null, 100)] });
    expect(describeComponent(t, units, 'EUR', 'en')).toBe('Units: 1 to 2 at €1.50 each; above 2 at €1.00 each (each band prices the quantity that falls in it)');
    expect(describeComponent(t, { ...units, mode: 'volume', tiers: [tier(100, 0), tier(null, 20, 1_000)] }, 'EUR', 'en')).toBe(
      'Units: 1 to 100 at free; above 100 at €0.20 each plus €10.00 once (the band the whole quantity reaches prices all of it)',
    );
  });

  it('speaks Spanish with Spanish numbers', () => {
    expect(describeComponent(translator('es', es), component({ meter: 'members', included: 1000, tiers: [tier(null, 2)] }), 'EUR', 'es')).toBe('Miembros: 1000 incluidos, después 0,02\u00a0€ cada uno');
  });
});

describe('a plan in words', () => {
  it('says the price per interval', () => {
    expect(describePrice(t, { amountMinor: 19_900, currency: 'EUR', interval: 'month' }, 'en')).toBe('€199.00 a month');
    expect(describePrice(t, { amountMinor: 100_000, currency: 'EUR', interval: 'year' }, 'en')).toBe('€1,000.00 a year');
  });

  it('says the limits, unlimited ones too, and what a meter may reach', () => {
    expect(describeLimits(t, { members: 250, users: 5, storageMb: 1024 }, 'en')).toBe('up to 250 members, up to 5 users, 1 GB of documents');
    expect(describeLimits(t, { members: null, users: null, storageMb: null }, 'en')).toBe('any number of members, any number of users, unlimited documents');
    expect(describeLimits(t, {}, 'en')).toBe('No limits');
    expect(limitOf({ storageMb: 1024, members: null }, 'storageBytes')).toBe(GiB);
    expect(limitOf({ storageMb: 1024, members: null }, 'members')).toBeNull();
    expect(limitOf({ storageMb: 1024 }, 'sms')).toBeUndefined();
  });
});

describe('the dunning stage in words', () => {
  it('explains each stage, and which make the workspace read-only', () => {
    expect(dunningText(t, null)).toBe('In good standing: no invoice is overdue.');
    expect(dunningText(t, 'reminded')).toMatch(/reminder was sent/);
    expect(dunningText(t, 'grace')).toMatch(/becomes read-only if it stays unpaid/);
    expect(dunningText(t, 'read_only')).toMatch(/^The workspace is read-only/);
    expect(dunningText(t, 'suspended')).toMatch(/^The workspace is suspended/);
    expect([null, 'reminded', 'grace', 'read_only', 'suspended'].map((dunning) => isReadOnly({ dunning: dunning as never }))).toEqual([false, false, false, true, true]);
  });
});

describe('usage figures', () => {
  it("asks from the bucket the period began in: by the hour for a month's period, by the day for a year's", () => {
    expect(usageRange('2026-03-01T10:25:00.000Z', new Date('2026-03-20T00:00:00Z'))).toEqual({ from: '2026-03-01T10:00:00.000Z', granularity: 'hour' });
    expect(usageRange('2026-03-01T10:25:00.000Z', new Date('2026-06-20T00:00:00Z'))).toEqual({ from: '2026-03-01T00:00:00.000Z', granularity: 'day' });
  });

  it('shows stored bytes in powers of 1024 and counts as numbers', () => {
    expect(formatQuantity('storageBytes', 0, 'en')).toBe('0 byte');
    expect(formatQuantity('storageBytes', 1536, 'en')).toBe('1.5 kB');
    expect(formatQuantity('storageBytes', 5 * GiB, 'en')).toBe('5 GB');
    expect(formatQuantity('emails', 12_345, 'en')).toBe('12,345');
  });

  it("fills a counter's quiet days with zeros, and keeps a gauge's reported levels alone", () => {
    const points = [{ at: '2026-03-02T00:00:00.000Z', value: 4 }, { at: '2026-03-02T13:00:00.000Z', value: 3 }];
    expect(dailySeries('counter', points, '2026-03-01T10:00:00Z', '2026-03-03T12:00:00Z')).toEqual([{ day: '2026-03-01', value: 0 }, { day: '2026-03-02', value: 7 }, { day: '2026-03-03', value: 0 }]);
    expect(dailySeries('gauge', points, '2026-03-01T10:00:00Z', '2026-03-03T12:00:00Z')).toEqual([{ day: '2026-03-02', value: 4 }]);
  });
});
