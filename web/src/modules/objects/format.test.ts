import { describe, expect, it } from 'vitest';
import { displayOf, keyFromName, optionsText, parseOptions, recordName, refPath } from './format.js';
import type { ObjectField } from './types.js';

const field = (key: string, type: ObjectField['type'], config: ObjectField['config'] = {}): ObjectField =>
  ({ id: key, key, label: key, type, config, rules: {}, position: 0, createdAt: '', updatedAt: '', removedAt: null }) as ObjectField;

const status = field('status', 'select', { options: [{ key: 'active', label: 'Active', color: '#16a34a' }, { key: 'expired', label: 'Expired' }] });

describe('displayOf', () => {
  it('formats money in the currency and locale, from minor units', () => {
    const fee = field('fee', 'currency', { currency: 'EUR' });
    expect(displayOf(fee, { amountMinor: 123456, currency: 'EUR' }, 'en-GB')).toEqual({ kind: 'text', text: '€1,234.56' });
    expect(displayOf(fee, { amountMinor: 123456, currency: 'EUR' }, 'es')).toEqual({ kind: 'text', text: '1234,56\u00a0€' });
  });

  it('shows a calendar date as the day it names, by locale', () => {
    expect(displayOf(field('valid_to', 'date'), '2026-03-01', 'en-GB')).toEqual({ kind: 'text', text: '1 Mar 2026' });
    expect(displayOf(field('valid_to', 'date'), '2026-03-01', 'es')).toEqual({ kind: 'text', text: '1 mar 2026' });
  });

  it('shows a date-time in the tenant zone, named', () => {
    const shown = displayOf(field('at', 'datetime'), '2026-03-01T08:30:00.000Z', 'en-GB', 'Europe/Madrid');
    expect(shown).toEqual({ kind: 'text', text: expect.stringContaining('09:30') as string });
  });

  it('numbers with the field decimals, by locale', () => {
    expect(displayOf(field('n', 'number', { decimals: 2 }), 1234.5, 'es')).toEqual({ kind: 'text', text: '1234,5' });
    expect(displayOf(field('n', 'number'), 1234567.125, 'en')).toEqual({ kind: 'text', text: '1,234,567.125' });
  });

  it('shows selects and multi-selects as their options, an unknown key as itself', () => {
    expect(displayOf(status, 'active', 'en')).toEqual({ kind: 'options', options: [{ key: 'active', label: 'Active', color: '#16a34a' }] });
    const tags = field('tags', 'multi_select', { options: [{ key: 'ev', label: 'Electric' }] });
    expect(displayOf(tags, ['ev', 'old'], 'en')).toEqual({ kind: 'options', options: [{ key: 'ev', label: 'Electric' }, { key: 'old', label: 'old' }] });
  });

  it('shows relations and files as references, booleans as yes or no, and blanks as empty', () => {
    expect(displayOf(field('unit', 'relation', { target: 'unit' }), 'u1', 'en')).toEqual({ kind: 'refs', target: 'unit', ids: ['u1'] });
    expect(displayOf(field('owners', 'relation', { target: 'member', many: true }), ['m1', 'm2'], 'en')).toEqual({ kind: 'refs', target: 'member', ids: ['m1', 'm2'] });
    expect(displayOf(field('scan', 'file'), 'd1', 'en')).toEqual({ kind: 'refs', target: 'document', ids: ['d1'] });
    expect(displayOf(field('paid', 'boolean'), false, 'en')).toEqual({ kind: 'boolean', value: false });
    for (const blank of [null, undefined, '', []]) expect(displayOf(field('x', 'text'), blank, 'en')).toEqual({ kind: 'empty' });
  });

  it('links e-mails and http URLs only', () => {
    expect(displayOf(field('e', 'email'), 'a@b.test', 'en')).toEqual({ kind: 'text', text: 'a@b.test', href: 'mailto:a@b.test' });
    expect(displayOf(field('u', 'url'), 'javascript:alert(1)', 'en')).toEqual({ kind: 'text', text: 'javascript:alert(1)', href: undefined });
  });
});

describe('names and paths', () => {
  it('derives an object key from its name, as the API accepts keys', () => {
    expect(keyFromName('Parking permit')).toBe('parking_permit');
    expect(keyFromName('  Póliza de seguro! ')).toBe('poliza_de_seguro');
    expect(keyFromName('2nd key')).toBe('nd_key');
    expect(keyFromName('x'.repeat(60))).toHaveLength(40);
  });

  it('names a record by its title field, else its id', () => {
    expect(recordName({ id: '0190-aaaa-bbbbcccc', createdAt: '', updatedAt: '', version: 1, plate: 'AB-123' }, field('plate', 'text'))).toBe('AB-123');
    expect(recordName({ id: '0190-aaaa-bbbbcccc', createdAt: '', updatedAt: '', version: 1, plate: null }, field('plate', 'text'))).toBe('#bbbbcccc');
  });

  it('links related records to their pages', () => {
    expect(refPath('unit', 'u1')).toBe('/units/u1');
    expect(refPath('member', 'm1')).toBe('/members/m1');
    expect(refPath('parking_permit', 'r1')).toBe('/objects/parking_permit/r1');
  });

  it('reads select options from lines, keeping keys given and deriving the others', () => {
    expect(parseOptions('Active\nexpired: Expired\n\n  On hold  ')).toEqual([
      { key: 'active', label: 'Active' },
      { key: 'expired', label: 'Expired' },
      { key: 'on_hold', label: 'On hold' },
    ]);
    expect(parseOptions(optionsText([{ key: 'a1', label: 'Renamed' }]))).toEqual([{ key: 'a1', label: 'Renamed' }]);
  });
});
