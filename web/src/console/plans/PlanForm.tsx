import { useQuery } from '@tanstack/react-query';
import { Controller } from 'react-hook-form';
import type { operations } from '@courtyard/sdk';
import { unwrap } from '../../api/problem.js';
import { useApi } from '../../api/session.js';
import { useT } from '../../i18n/intl.js';
import { SelectInput, TextInput } from '../../ui/fields.js';
import { ApiForm, useApiForm } from '../../ui/form.js';
import { CheckboxInput, NumberInput, TextAreaInput } from '../../ui/more-fields.js';
import { ModulePicker } from './ModulePicker.js';
import { currencyDigits } from '../../ui/money.js';
import { complete, fromMinor, readCatalogue, toMinor } from './modules.js';

export type Plan = operations['control.plans.list']['responses'][200]['content']['application/json']['data'][number];

export interface PlanValues {
  key: string;
  name: string;
  description: string;
  modules: string[];
  /** Each count, or null (an empty field): unlimited; each API rate, or null: the platform's default. */
  limits: { members: number | null; users: number | null; storageMb: number | null; apiRatePerPrincipal: number | null; apiRatePerTenant: number | null };
  /** The amount in the currency's units; sent in minor units. */
  price: { amount: number | null; currency: string; interval: 'month' | 'year' };
  active: boolean;
}

const valuesOf = (plan: Plan | undefined): PlanValues =>
  plan
    ? { key: plan.key, name: plan.name, description: plan.description, modules: plan.modules, limits: { apiRatePerPrincipal: null, apiRatePerTenant: null, ...plan.limits }, price: { amount: fromMinor(plan.price.amountMinor, plan.price.currency), currency: plan.price.currency, interval: plan.price.interval }, active: plan.active }
    : { key: '', name: '', description: '', modules: [], limits: { members: null, users: null, storageMb: null, apiRatePerPrincipal: null, apiRatePerTenant: null }, price: { amount: null, currency: 'EUR', interval: 'month' }, active: true };

/** The catalogue of licensable modules, for the picker. */
export function useCatalogue() {
  const api = useApi();
  return useQuery({ queryKey: ['modules'], queryFn: async () => readCatalogue(unwrap(await api.GET('/control/v1/modules'))) });
}

/** Creates a plan (no `plan`) or changes one: its key is fixed once created. */
export function PlanForm({ plan, onSaved }: { plan?: Plan; onSaved: (plan: Plan) => void }) {
  const t = useT();
  const api = useApi();
  const catalogue = useCatalogue();
  const { form, formError, onSubmit } = useApiForm<PlanValues>({ defaultValues: valuesOf(plan), idempotent: !plan });
  const currency = form.watch('price.currency');
  const digits = /^[A-Z]{3}$/.test(currency) ? currencyDigits(currency) : 2;

  const submit = onSubmit<Plan>((v, headers) => {
    const fields = {
      name: v.name,
      description: v.description,
      modules: complete(catalogue.data ?? [], v.modules),
      limits: v.limits,
      price: { amountMinor: toMinor(v.price.amount ?? 0, v.price.currency), currency: v.price.currency, interval: v.price.interval },
      active: v.active,
    };
    return plan
      ? api.PATCH('/control/v1/plans/{key}', { params: { path: { key: plan.key } }, body: fields, headers })
      : api.POST('/control/v1/plans', { body: { key: v.key, ...fields }, headers });
  }, onSaved);

  const required = { required: t('form.required') };
  const count = { min: { value: 0, message: t('plans.notNegative') } };
  const positive = { min: { value: 1, message: t('plans.atLeastOne') } };
  return (
    <ApiForm form={form} formError={formError} onSubmit={submit}>
      {plan ? null : <TextInput control={form.control} name="key" label={t('plans.key')} description={t('plans.keyHelp')} rules={{ ...required, pattern: { value: /^[a-z][a-z0-9-]{1,39}$/, message: t('plans.keyPattern') } }} />}
      <TextInput control={form.control} name="name" label={t('plans.name')} rules={required} />
      <TextAreaInput control={form.control} name="description" label={t('plans.description')} rows={2} />
      <Controller
        control={form.control}
        name="modules"
        render={({ field, fieldState }) => (
          <ModulePicker catalogue={catalogue.data ?? []} value={field.value} onChange={field.onChange} error={fieldState.error ? `${t('plans.modules')} ${fieldState.error.message ?? ''}` : undefined} />
        )}
      />
      <fieldset className="space-y-4 rounded-lg border border-slate-200 p-4">
        <legend className="px-1 text-sm font-semibold">{t('plans.limits')}</legend>
        <p className="text-xs text-slate-500">{t('plans.limitsHelp')}</p>
        <NumberInput control={form.control} name="limits.members" label={t('plans.limits.members')} minValue={0} step={1} rules={count} />
        <NumberInput control={form.control} name="limits.users" label={t('plans.limits.users')} minValue={0} step={1} rules={count} />
        <NumberInput control={form.control} name="limits.storageMb" label={t('plans.limits.storageMb')} minValue={0} step={1} rules={count} />
      </fieldset>
      <fieldset className="space-y-4 rounded-lg border border-slate-200 p-4">
        <legend className="px-1 text-sm font-semibold">{t('plans.apiRates')}</legend>
        <p className="text-xs text-slate-500">{t('plans.apiRatesHelp')}</p>
        <NumberInput control={form.control} name="limits.apiRatePerPrincipal" label={t('plans.limits.apiRatePerPrincipal')} minValue={1} step={1} rules={positive} />
        <NumberInput control={form.control} name="limits.apiRatePerTenant" label={t('plans.limits.apiRatePerTenant')} minValue={1} step={1} rules={positive} />
      </fieldset>
      <fieldset className="space-y-4 rounded-lg border border-slate-200 p-4">
        <legend className="px-1 text-sm font-semibold">{t('plans.price')}</legend>
        <TextInput control={form.control} name="price.currency" label={t('plans.currency')} description={t('plans.currencyHelp')} rules={{ ...required, pattern: { value: /^[A-Z]{3}$/, message: t('plans.currencyPattern') } }} />
        <NumberInput control={form.control} name="price.amount" label={t('plans.amount')} minValue={0} step={1 / 10 ** digits} formatOptions={{ minimumFractionDigits: 0, maximumFractionDigits: digits }} rules={{ ...required, ...count }} />
        <SelectInput control={form.control} name="price.interval" label={t('plans.interval')} options={[{ id: 'month', label: t('plans.interval.month') }, { id: 'year', label: t('plans.interval.year') }]} rules={required} />
      </fieldset>
      <CheckboxInput control={form.control} name="active" label={t('plans.activeHelp')} />
    </ApiForm>
  );
}
