import { useQuery } from '@tanstack/react-query';
import { useWatch } from 'react-hook-form';
import { unwrap } from '../../../api/problem.js';
import { useApi } from '../../../api/session.js';
import { useT } from '../../../i18n/intl.js';
import { SelectInput, TextInput } from '../../../ui/fields.js';
import { ApiForm, useApiForm } from '../../../ui/form.js';
import { CheckboxInput, NumberInput } from '../../../ui/more-fields.js';
import { toMajorText, toMinorUnits } from '../../../ui/money.js';
import { isMonth } from './logic.js';
import type { Schedule } from './types.js';

const ALL = 'all';

export interface ScheduleValues {
  kind: Schedule['kind'];
  name: string;
  propertyId: string;
  includeSubProperties: boolean;
  budget: { amount: string; currency: string };
  frequency: NonNullable<Schedule['frequency']>;
  dueDay: number | null;
  renterSplit: NonNullable<Schedule['renterSplit']>;
  description: string;
  startPeriod: string;
  endPeriod: string;
  active: boolean;
}

export const valuesOf = (s: Schedule | undefined, kind: Schedule['kind'] = 'levy'): ScheduleValues => ({
  kind: s?.kind ?? kind,
  name: s?.name ?? '',
  propertyId: s?.propertyId ?? (s ? ALL : ''),
  includeSubProperties: s?.includeSubProperties ?? kind === 'rent',
  budget: s?.budget ? { amount: toMajorText(s.budget.amount, s.budget.currency), currency: s.budget.currency } : { amount: '', currency: 'EUR' },
  frequency: s?.frequency ?? 'monthly',
  dueDay: s?.dueDay ?? 1,
  renterSplit: s?.renterSplit ?? 'lead',
  description: s?.description ?? '',
  startPeriod: s?.startPeriod ?? '',
  endPeriod: s?.endPeriod ?? '',
  active: s?.active ?? true,
});

/** The body the API takes for a schedule of the form's kind: levy fields for a levy, rent fields for rent. */
export function bodyOf(v: ScheduleValues, isNew: boolean) {
  const common = {
    name: v.name.trim(),
    propertyId: v.propertyId && v.propertyId !== ALL ? v.propertyId : null,
    includeSubProperties: v.includeSubProperties,
    startPeriod: v.startPeriod.trim(),
    endPeriod: v.endPeriod.trim() || null,
    active: v.active,
    ...(v.description.trim() ? { description: v.description.trim() } : {}),
  };
  if (v.kind === 'levy') {
    const currency = v.budget.currency.trim().toUpperCase();
    return { ...common, ...(isNew ? { kind: 'levy' as const } : {}), budget: { amount: toMinorUnits(v.budget.amount, currency) ?? -1, currency }, frequency: v.frequency, dueDay: v.dueDay ?? 1 };
  }
  return { ...common, ...(isNew ? { kind: 'rent' as const } : {}), renterSplit: v.renterSplit };
}

/** The fields of a levy or rent schedule, for a new one (kind chosen) or an existing one (kind fixed). */
export function ScheduleForm({ schedule, kind, onSubmit }: {
  schedule?: Schedule;
  kind?: Schedule['kind'];
  onSubmit: (form: ReturnType<typeof useApiForm<ScheduleValues>>) => (event?: React.BaseSyntheticEvent) => Promise<void>;
}) {
  const t = useT();
  const api = useApi();
  const apiForm = useApiForm<ScheduleValues>({ defaultValues: valuesOf(schedule, kind), idempotent: !schedule });
  const { form, formError } = apiForm;
  const current = useWatch({ control: form.control, name: 'kind' });
  const properties = useQuery({ queryKey: ['properties', 'all'], queryFn: async () => unwrap(await api.GET('/api/v1/properties', { params: { query: { limit: 200 } } })) });
  const propertyOptions = [...(current === 'rent' ? [{ id: ALL, label: t('finance.billing.allProperties') }] : []), ...(properties.data?.data ?? []).map((p) => ({ id: p.id, label: p.name }))];
  const required = { required: t('form.required') };
  const month = { validate: (v: unknown) => (typeof v !== 'string' || v === '' || isMonth(v.trim()) ? true : t('finance.billing.monthFormat')) };
  return (
    <ApiForm form={form} formError={formError} onSubmit={onSubmit(apiForm)}>
      {schedule ? null : (
        <SelectInput control={form.control} name="kind" label={t('finance.billing.kind')} options={[{ id: 'levy', label: t('finance.billing.kind.levy') }, { id: 'rent', label: t('finance.billing.kind.rent') }]} rules={required} />
      )}
      <TextInput control={form.control} name="name" label={t('finance.billing.name')} autoComplete="off" rules={required} />
      <SelectInput control={form.control} name="propertyId" label={t('finance.billing.property')} options={propertyOptions} rules={current === 'levy' ? required : undefined} />
      <CheckboxInput control={form.control} name="includeSubProperties" label={t('finance.billing.includeSubProperties')} />
      {current === 'levy' ? (
        <fieldset className="space-y-4 rounded-md border border-slate-200 p-3">
          <legend className="px-1 text-sm font-medium text-slate-700">{t('finance.billing.budget')}</legend>
          <TextInput
            control={form.control}
            name="budget.amount"
            label={t('finance.billing.budgetAmount')}
            description={t('finance.billing.budgetHint')}
            autoComplete="off"
            rules={{ ...required, validate: (v: unknown, all: ScheduleValues) => (toMinorUnits(String(v), all.budget.currency.trim().toUpperCase() || 'EUR') === null ? t('finance.billing.amountFormat') : true) }}
          />
          <TextInput control={form.control} name="budget.currency" label={t('finance.billing.currency')} autoComplete="off" rules={{ ...required, pattern: { value: /^[A-Za-z]{3}$/, message: t('finance.billing.currencyFormat') } }} />
          <SelectInput
            control={form.control}
            name="frequency"
            label={t('finance.billing.frequency')}
            options={(['monthly', 'quarterly', 'yearly'] as const).map((f) => ({ id: f, label: t(`finance.billing.frequency.${f}`) }))}
          />
          <NumberInput control={form.control} name="dueDay" label={t('finance.billing.dueDay')} description={t('finance.billing.dueDayHint')} minValue={1} maxValue={31} step={1} />
        </fieldset>
      ) : (
        <SelectInput control={form.control} name="renterSplit" label={t('finance.billing.renterSplit')} options={(['lead', 'equal'] as const).map((s) => ({ id: s, label: t(`finance.billing.renterSplit.${s}`) }))} />
      )}
      <TextInput control={form.control} name="description" label={t('finance.billing.description')} description={t('finance.billing.descriptionHint')} autoComplete="off" />
      <TextInput control={form.control} name="startPeriod" label={t('finance.billing.startPeriod')} description={t('finance.billing.monthHint')} autoComplete="off" rules={{ ...required, ...month }} />
      <TextInput control={form.control} name="endPeriod" label={t('finance.billing.endPeriod')} description={t('finance.billing.monthHint')} autoComplete="off" rules={month} />
      <CheckboxInput control={form.control} name="active" label={t('finance.billing.active')} />
    </ApiForm>
  );
}
