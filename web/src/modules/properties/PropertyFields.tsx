import type { Control } from 'react-hook-form';
import { useT } from '../../i18n/intl.js';
import { SelectInput, TextInput } from '../../ui/fields.js';
import { TextAreaInput } from '../../ui/more-fields.js';
import { PROPERTY_KINDS, propertyKindLabel, type Property, type PropertyKind } from './types.js';

/** The fields of a property as a form holds them (the address's street lines as two fields). */
export interface PropertyValues {
  name: string;
  kind: PropertyKind;
  address: { line1: string; line2: string; city: string; region: string; postalCode: string; country: string };
  notes: string;
}

export const emptyProperty: PropertyValues = { name: '', kind: 'residential', address: { line1: '', line2: '', city: '', region: '', postalCode: '', country: '' }, notes: '' };

export const propertyValues = (p: Property): PropertyValues => ({
  name: p.name,
  kind: p.kind,
  address: { line1: p.address.lines[0] ?? '', line2: p.address.lines[1] ?? '', city: p.address.city ?? '', region: p.address.region ?? '', postalCode: p.address.postalCode ?? '', country: p.address.country ?? '' },
  notes: p.notes,
});

const orNull = (s: string) => (s.trim() === '' ? null : s.trim());

/** The body of a create or a change: empty address fields are cleared (`null`), the country in capitals. */
export const propertyBody = (v: PropertyValues) => ({
  name: v.name.trim(),
  kind: v.kind,
  notes: v.notes,
  address: {
    lines: [v.address.line1, v.address.line2].map((l) => l.trim()).filter(Boolean),
    city: orNull(v.address.city),
    region: orNull(v.address.region),
    postalCode: orNull(v.address.postalCode),
    country: orNull(v.address.country.toUpperCase()),
  },
});

export function PropertyFields({ control }: { control: Control<PropertyValues> }) {
  const t = useT();
  const required = { required: t('form.required') };
  return (
    <>
      <TextInput control={control} name="name" label={t('properties.name')} autoComplete="off" rules={required} />
      <SelectInput control={control} name="kind" label={t('properties.kind')} options={PROPERTY_KINDS.map((k) => ({ id: k, label: t(propertyKindLabel(k)) }))} rules={required} />
      <fieldset className="space-y-3 rounded-md border border-slate-200 p-3">
        <legend className="px-1 text-sm font-semibold text-slate-700">{t('properties.address')}</legend>
        <TextInput control={control} name="address.line1" label={t('properties.addressLine1')} autoComplete="off" />
        <TextInput control={control} name="address.line2" label={t('properties.addressLine2')} autoComplete="off" />
        <TextInput control={control} name="address.city" label={t('properties.city')} autoComplete="off" />
        <TextInput control={control} name="address.region" label={t('properties.region')} autoComplete="off" />
        <TextInput control={control} name="address.postalCode" label={t('properties.postalCode')} autoComplete="off" />
        <TextInput
          control={control}
          name="address.country"
          label={t('properties.country')}
          autoComplete="off"
          description={t('properties.countryHelp')}
          rules={{ pattern: { value: /^[A-Za-z]{2}$/, message: t('properties.countryInvalid') } }}
        />
      </fieldset>
      <TextAreaInput control={control} name="notes" label={t('properties.notes')} rows={3} />
    </>
  );
}
