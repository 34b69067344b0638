import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useApi } from '../../api/session.js';
import { useT } from '../../i18n/intl.js';
import { SelectInput, TextInput } from '../../ui/fields.js';
import { ApiForm, useApiForm } from '../../ui/form.js';
import { CheckboxInput, NumberInput, TextAreaInput } from '../../ui/more-fields.js';
import { UNIT_KINDS, unitKindLabel, type UnitKind } from './types.js';

interface UnitValues {
  label: string;
  kind: UnitKind;
  floor: number | null;
  area: number | null;
  bedrooms: number | null;
  participationShare: string;
  amenities: string;
  unavailable: boolean;
  notes: string;
}

/** Amenities as typed: words separated by commas or semicolons. */
export const parseAmenities = (text: string) => text.split(/[,;]/).map((a) => a.trim()).filter(Boolean);

/** A new unit of the property; on success, the unit's page. */
export function NewUnitForm({ propertyId }: { propertyId: string }) {
  const t = useT();
  const api = useApi();
  const queries = useQueryClient();
  const navigate = useNavigate();
  const { form, formError, onSubmit } = useApiForm<UnitValues>({
    defaultValues: { label: '', kind: 'apartment', floor: null, area: null, bedrooms: null, participationShare: '', amenities: '', unavailable: false, notes: '' },
    idempotent: true,
  });
  const submit = onSubmit(
    (v, headers) =>
      api.POST('/api/v1/properties/{id}/units', {
        headers,
        params: { path: { id: propertyId } },
        body: {
          label: v.label.trim(),
          kind: v.kind,
          ...(v.floor !== null ? { floor: v.floor } : {}),
          ...(v.area !== null ? { area: v.area } : {}),
          ...(v.bedrooms !== null ? { bedrooms: v.bedrooms } : {}),
          ...(v.participationShare.trim() ? { participationShare: v.participationShare.trim() } : {}),
          amenities: parseAmenities(v.amenities),
          unavailable: v.unavailable,
          notes: v.notes,
        },
      }),
    (unit) => {
      void queries.invalidateQueries({ queryKey: ['units'] });
      void queries.invalidateQueries({ queryKey: ['property', propertyId] });
      void navigate({ to: '/units/$unitId', params: { unitId: unit.id } });
    },
  );
  const required = { required: t('form.required') };
  return (
    <ApiForm form={form} formError={formError} onSubmit={submit}>
      <TextInput control={form.control} name="label" label={t('properties.unit.label')} autoComplete="off" rules={required} />
      <SelectInput control={form.control} name="kind" label={t('properties.unit.kind')} options={UNIT_KINDS.map((k) => ({ id: k, label: t(unitKindLabel(k)) }))} rules={required} />
      <NumberInput control={form.control} name="floor" label={t('properties.unit.floor')} step={1} />
      <NumberInput control={form.control} name="area" label={t('properties.unit.area')} minValue={0} step={0.01} description={t('properties.unit.areaHelp')} />
      <NumberInput control={form.control} name="bedrooms" label={t('properties.unit.bedrooms')} minValue={0} step={1} />
      <TextInput control={form.control} name="participationShare" label={t('properties.unit.participationShare')} autoComplete="off" description={t('properties.unit.shareHelp')} />
      <TextInput control={form.control} name="amenities" label={t('properties.unit.amenities')} autoComplete="off" description={t('properties.unit.amenitiesHelp')} />
      <CheckboxInput control={form.control} name="unavailable" label={t('properties.unit.unavailable')} />
      <TextAreaInput control={form.control} name="notes" label={t('properties.notes')} rows={2} />
    </ApiForm>
  );
}
