import { describe, expect, it } from 'vitest';
import { fieldFormOf, fieldPatchOf, fieldSpecOf, newFieldDefaults, ruleList } from './field-spec.js';
import type { ObjectField, ObjectRecord } from './types.js';
import { formDefaults, isEditable, toApiBody, toApiValue } from './values.js';

const field = (key: string, type: ObjectField['type'], config: ObjectField['config'] = {}, rules: ObjectField['rules'] = {}): ObjectField =>
  ({ id: key, key, label: key, type, config, rules, position: 0, createdAt: '', updatedAt: '', removedAt: null }) as ObjectField;

const fields = [
  field('plate', 'text', {}, { required: true, unique: true }),
  field('fee', 'currency', { currency: 'EUR' }),
  field('valid_to', 'date'),
  field('issued_at', 'datetime'),
  field('status', 'select', { options: [{ key: 'active', label: 'Active' }] }),
  field('tags', 'multi_select', { options: [{ key: 'ev', label: 'EV' }] }),
  field('paid', 'boolean'),
  field('spaces', 'number'),
  field('checked_by', 'text', {}, { apiOnly: true }),
  field('days_left', 'formula', { expression: 'valid_to - today()' }),
];
const record: ObjectRecord = { id: 'r1', createdAt: '', updatedAt: '', version: 3, plate: 'AB-123', fee: { amountMinor: 2550, currency: 'EUR' }, valid_to: '2026-12-31', issued_at: '2026-03-01T08:30:00.000Z', status: 'active', tags: ['ev'], paid: true, spaces: 2, checked_by: 'robot', days_left: null };

describe('a record in the form and back', () => {
  it('holds each type as its input does', () => {
    expect(formDefaults(fields, record, 'Europe/Madrid')).toEqual({ plate: 'AB-123', fee: '25.50', valid_to: '2026-12-31', issued_at: '2026-03-01T09:30', status: 'active', tags: ['ev'], paid: true, spaces: 2, checked_by: 'robot', days_left: '' });
    expect(formDefaults(fields, undefined, 'UTC')).toEqual({ plate: '', fee: '', valid_to: '', issued_at: '', status: '', tags: [], paid: false, spaces: null, checked_by: '', days_left: '' });
  });

  it('sends what a person may write, converted: money in minor units, date-times read in the tenant zone, blanks as null', () => {
    const values = { ...formDefaults(fields, undefined, 'UTC'), plate: ' XY-9 ', fee: '1,200.50', issued_at: '2026-03-01T09:30', status: 'active' };
    expect(toApiBody(fields, values, { locale: 'en', timeZone: 'Europe/Madrid' })).toEqual({
      body: { plate: 'XY-9', fee: { amountMinor: 120050, currency: 'EUR' }, valid_to: null, issued_at: '2026-03-01T08:30:00.000Z', status: 'active', tags: [], paid: false, spaces: null },
      errors: [],
    });
  });

  it('reads amounts in the locale, refuses more decimals than the currency has', () => {
    const fee = fields[1]!;
    expect(toApiValue(fee, '1.200,5', 'es', 'UTC')).toEqual({ ok: true, value: { amountMinor: 120050, currency: 'EUR' } });
    expect(toApiValue(fee, '-3', 'en', 'UTC')).toEqual({ ok: true, value: { amountMinor: -300, currency: 'EUR' } });
    expect(toApiValue(fee, '1.234', 'en', 'UTC')).toEqual({ ok: false, reason: 'decimals' });
    expect(toApiValue(fee, 'ten', 'en', 'UTC')).toEqual({ ok: false, reason: 'invalid' });
    expect(toApiBody([fee], { fee: '1.234' }, { locale: 'en', timeZone: 'UTC' }).errors).toEqual([{ field: 'fee', reason: 'decimals' }]);
  });

  it('editing, sends only what changed', () => {
    const values = { ...formDefaults(fields, record, 'Europe/Madrid'), status: '', fee: '25.5', paid: false };
    expect(toApiBody(fields, values, { locale: 'en', timeZone: 'Europe/Madrid', before: record }).body).toEqual({ status: null, paid: false });
  });

  it('never sends API-only or computed fields', () => {
    expect(isEditable(fields[8]!)).toBe(false);
    expect(isEditable(fields[9]!)).toBe(false);
    expect(Object.keys(toApiBody(fields, formDefaults(fields, record, 'UTC'), { locale: 'en', timeZone: 'UTC' }).body)).not.toContain('checked_by');
  });
});

describe('the field form and the API field spec', () => {
  it('sends only the settings of the chosen type', () => {
    const v = newFieldDefaults();
    v.key = 'fee';
    v.label = 'Fee';
    v.type = 'currency';
    v.config.currency = 'eur';
    v.config.options = 'ignored';
    v.rules.min = '0';
    v.rules.max = '250.00';
    v.rules.pattern = 'ignored';
    expect(fieldSpecOf(v, 'en', 'UTC')).toEqual({ spec: { key: 'fee', label: 'Fee', type: 'currency', config: { currency: 'EUR' }, rules: { min: 0, max: 25000 } }, errors: [] });
  });

  it('makes a relation, a select with options, and refuses a bound that is no number', () => {
    const rel = { ...newFieldDefaults(), key: 'unit', label: 'Unit', type: 'relation' as const };
    rel.config = { ...rel.config, target: 'unit', many: false };
    rel.rules = { ...rel.rules, required: true, unique: true };
    expect(fieldSpecOf(rel, 'en', 'UTC').spec).toEqual({ key: 'unit', label: 'Unit', type: 'relation', config: { target: 'unit' }, rules: { required: true, unique: true } });
    const sel = { ...newFieldDefaults(), key: 'status', label: 'Status', type: 'select' as const };
    sel.config = { ...sel.config, options: 'Active\nExpired' };
    expect(fieldSpecOf(sel, 'en', 'UTC').spec.config).toEqual({ options: [{ key: 'active', label: 'Active' }, { key: 'expired', label: 'Expired' }] });
    const num = { ...newFieldDefaults(), key: 'n', label: 'N', type: 'number' as const };
    num.rules = { ...num.rules, min: 'lots' };
    expect(fieldSpecOf(num, 'en', 'UTC').errors).toEqual([{ field: 'rules.min', reason: 'invalid' }]);
  });

  it('editing, turns rules off explicitly and keeps option keys', () => {
    const plate = field('plate', 'text', {}, { unique: true, max: 10, pattern: '[A-Z0-9-]+' });
    const v = fieldFormOf(plate, 'UTC');
    expect(v.rules).toEqual({ required: false, unique: true, apiOnly: false, min: '', max: '10', pattern: '[A-Z0-9-]+' });
    v.rules.unique = false;
    v.rules.pattern = '';
    expect(fieldPatchOf(plate, v, 'en', 'UTC').patch).toEqual({ label: 'plate', rules: { required: false, unique: false, apiOnly: false, min: null, max: 10, pattern: null } });
    const sel = field('status', 'select', { options: [{ key: 'a1', label: 'Active' }] });
    const sv = fieldFormOf(sel, 'UTC');
    sv.config.options = 'a1: Valid\nRevoked';
    expect(fieldPatchOf(sel, sv, 'en', 'UTC').patch.options).toEqual([{ key: 'a1', label: 'Valid' }, { key: 'revoked', label: 'Revoked' }]);
  });

  it('lists rules with their values, money in major units', () => {
    expect(ruleList(field('fee', 'currency', { currency: 'EUR' }, { required: true, min: 0, max: 25000, apiOnly: true }))).toEqual([{ rule: 'required' }, { rule: 'min', value: '0.00' }, { rule: 'max', value: '250.00' }, { rule: 'apiOnly' }]);
  });
});

describe('a select emptied with "No value"', () => {
  it('sends null', async () => {
    const { NO_OPTION } = await import('./values.js');
    expect(toApiValue(fields[4]!, NO_OPTION, 'en', 'UTC')).toEqual({ ok: true, value: null });
  });
});
