import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { Controller } from 'react-hook-form';
import { X } from 'lucide-react';
import { unwrap } from '../../api/problem.js';
import { useApi } from '../../api/session.js';
import { useLocale, useT, type MessageId } from '../../i18n/intl.js';
import { SelectInput, TextInput } from '../../ui/fields.js';
import { ApiForm, useApiForm } from '../../ui/form.js';
import { CheckboxInput, DateInput, NumberInput, TextAreaInput } from '../../ui/more-fields.js';
import { Page } from '../../ui/Page.js';
import { yearsLater } from '../properties/format.js';
import { MemberPicker } from '../properties/MemberPicker.js';
import { textLink } from '../properties/styles.js';
import { parseMinorUnits, type MinorUnits } from '../../ui/money.js';
import { useNames } from './names.js';
import { newLeaseRoute } from './routes.js';
import { UnitField } from './UnitPicker.js';
import { FREQUENCIES, frequencyLabel, type Frequency } from './types.js';
import { useTenantToday } from '../../workspace/me.js';

interface Values {
  unitId: string;
  renterIds: string[];
  startDate: string;
  periodic: boolean;
  endDate: string;
  rent: { amount: string; currency: string };
  frequency: Frequency;
  dueDay: number | null;
  deposit: string;
  notes: string;
}

const REASONS: Record<Exclude<MinorUnits, { ok: true }>['reason'], MessageId> = {
  empty: 'form.required',
  invalid: 'leases.amount.invalid',
  currency: 'leases.amount.currency',
  decimals: 'leases.amount.decimals',
  negative: 'leases.amount.negative',
  tooLarge: 'leases.amount.tooLarge',
};

/** The renters as a list of picked members (the first is the lead renter), each removable. */
function Renters({ value, onChange, error }: { value: string[]; onChange: (ids: string[]) => void; error?: string }) {
  const t = useT();
  const names = useNames([], value);
  return (
    <fieldset className="space-y-2 rounded-md border border-slate-200 p-3">
      <legend className="px-1 text-sm font-semibold text-slate-700">{t('leases.renters')}</legend>
      {value.length === 0 ? <p className="text-sm text-slate-500">{t('leases.noRenters')}</p> : null}
      <ol className="space-y-1 text-sm">
        {value.map((id, i) => (
          <li key={id} className="flex items-center gap-2">
            <span>{names.memberName(id)}</span>
            {i === 0 ? <span className="text-xs text-slate-500">{t('leases.leadRenter')}</span> : null}
            <button type="button" onClick={() => onChange(value.filter((r) => r !== id))} aria-label={t('leases.removeRenter', { name: names.memberName(id) })} className="rounded p-0.5 text-slate-500 outline-none hover:bg-slate-100 focus-visible:ring-2 focus-visible:ring-brand">
              <X aria-hidden size={14} />
            </button>
          </li>
        ))}
      </ol>
      <MemberPicker label={t('leases.addRenter')} clearOnPick excluded={value} onPick={(m) => m && onChange([...value, m.id])} description={t('properties.picker.help')} isInvalid={Boolean(error)} errorMessage={error} />
    </fieldset>
  );
}

export function NewLease() {
  const today = useTenantToday();
  const t = useT();
  const { locale } = useLocale();
  const api = useApi();
  const navigate = useNavigate();
  const queries = useQueryClient();
  const { unitId } = newLeaseRoute.useSearch();
  const unit = useQuery({
    queryKey: ['unit', unitId],
    enabled: Boolean(unitId),
    queryFn: async () => unwrap(await api.GET('/api/v1/units/{id}', { params: { path: { id: unitId! } } })),
  });
  const { form, formError, onSubmit } = useApiForm<Values>({
    // A year's term from today, as most leases are; the shared date field's empty placeholder is also too faint for axe.
    defaultValues: { unitId: unitId ?? '', renterIds: [], startDate: today, periodic: false, endDate: yearsLater(today), rent: { amount: '', currency: 'EUR' }, frequency: 'monthly', dueDay: null, deposit: '', notes: '' },
    idempotent: true,
  });
  const periodic = form.watch('periodic');
  const minor = (text: string) => parseMinorUnits(text, form.getValues('rent.currency'), locale);
  const amountRule = (optional: boolean) => ({
    validate: (value: unknown) => {
      const v = typeof value === 'string' ? value : '';
      if (optional && v.trim() === '') return true;
      const m = minor(v);
      return m.ok || t(REASONS[m.reason]);
    },
  });
  const submit = onSubmit(
    (v, headers) => {
      const rent = minor(v.rent.amount);
      const deposit = v.deposit.trim() ? minor(v.deposit) : { ok: true as const, amount: 0 };
      return api.POST('/api/v1/leases', {
        headers,
        body: {
          unitId: v.unitId,
          renterIds: v.renterIds,
          startDate: v.startDate,
          endDate: v.periodic || !v.endDate ? null : v.endDate,
          rent: { amount: rent.ok ? rent.amount : 0, currency: v.rent.currency.trim().toUpperCase() },
          frequency: v.frequency,
          ...(v.dueDay !== null ? { dueDay: v.dueDay } : {}),
          deposit: deposit.ok ? deposit.amount : 0,
          notes: v.notes,
        },
      });
    },
    (lease) => {
      void queries.invalidateQueries({ queryKey: ['leases'] });
      void navigate({ to: '/leases/$leaseId', params: { leaseId: lease.id } });
    },
  );
  const required = { required: t('form.required') };
  return (
    <Page title={t('leases.new')} actions={<Link to="/leases" search={{}} className={textLink}>{t('nav.leases')}</Link>}>
      <ApiForm form={form} formError={formError} onSubmit={submit}>
        {unitId ? (
          <p className="text-sm">
            <span className="font-medium text-slate-700">{t('leases.unit')}: </span>
            <Link to="/units/$unitId" params={{ unitId }} className={textLink}>{unit.data?.label ?? '…'}</Link>
          </p>
        ) : (
          <UnitField control={form.control} name="unitId" label={t('leases.unit')} rules={required} description={t('leases.picker.unitHelp')} />
        )}
        <Controller
          control={form.control}
          name="renterIds"
          rules={{ validate: (ids: string[]) => ids.length > 0 || t('leases.renterRequired') }}
          render={({ field, fieldState }) => (
            <Renters value={field.value} onChange={field.onChange} error={fieldState.error?.type === 'server' ? `${t('leases.renters')} ${fieldState.error.message ?? ''}` : fieldState.error?.message} />
          )}
        />
        <DateInput control={form.control} name="startDate" label={t('leases.startDate')} rules={required} />
        <CheckboxInput control={form.control} name="periodic" label={t('leases.periodic')} />
        {periodic ? null : <DateInput control={form.control} name="endDate" label={t('leases.endDate')} description={t('leases.endDateHelp')} />}
        <div className="grid grid-cols-[2fr_1fr] gap-3">
          <TextInput control={form.control} name="rent.amount" label={t('leases.rentAmount')} autoComplete="off" rules={{ ...required, ...amountRule(false) }} description={t('leases.rentHelp')} />
          <TextInput
            control={form.control}
            name="rent.currency"
            label={t('leases.currency')}
            autoComplete="off"
            rules={{ ...required, pattern: { value: /^[A-Za-z]{3}$/, message: t('leases.amount.currency') } }}
          />
        </div>
        <SelectInput control={form.control} name="frequency" label={t('leases.frequency')} options={FREQUENCIES.map((f) => ({ id: f, label: t(frequencyLabel(f)) }))} rules={required} />
        <NumberInput control={form.control} name="dueDay" label={t('leases.dueDay')} minValue={1} maxValue={31} step={1} description={t('leases.dueDayHelp')} />
        <TextInput control={form.control} name="deposit" label={t('leases.deposit')} autoComplete="off" rules={amountRule(true)} description={t('leases.depositHelp')} />
        <TextAreaInput control={form.control} name="notes" label={t('leases.notes')} rows={2} />
      </ApiForm>
    </Page>
  );
}
