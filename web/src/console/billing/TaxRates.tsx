import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, unwrap } from '../../api/problem.js';
import { useApi } from '../../api/session.js';
import { useLocale, useT } from '../../i18n/intl.js';
import { ConfirmAction } from '../../ui/confirm.js';
import { Section } from '../../ui/DetailList.js';
import { TextInput } from '../../ui/fields.js';
import { ApiForm, useApiForm } from '../../ui/form.js';
import { countryCode, formatRate, percentToBp } from './tax.js';
import type { TaxRate } from './types.js';

/** Set a country's rate (a new country, or a change: invoices issued from now on carry it). */
function SetTaxRate() {
  const t = useT();
  const api = useApi();
  const queries = useQueryClient();
  const { form, formError, onSubmit } = useApiForm<{ country: string; name: string; rate: string }>({ defaultValues: { country: '', name: '', rate: '' } });
  const submit = onSubmit(
    (v) => api.PUT('/control/v1/tax-rates/{country}', { params: { path: { country: countryCode(v.country)! } }, body: { name: v.name.trim(), rateBp: percentToBp(v.rate)! } }),
    () => {
      form.reset({ country: '', name: '', rate: '' });
      void queries.invalidateQueries({ queryKey: ['tax-rates'] });
    },
  );
  return (
    <ApiForm form={form} formError={formError} onSubmit={submit} submitLabel={t('billing.console.tax.set')}>
      <div className="grid gap-4 sm:grid-cols-3">
        <TextInput control={form.control} name="country" label={t('billing.console.tax.country')} autoComplete="off" description={t('billing.console.tax.countryHelp')} rules={{ required: t('form.required'), validate: (v: string) => (countryCode(v) ? true : t('billing.console.tax.countryPattern')) }} />
        <TextInput control={form.control} name="name" label={t('billing.console.tax.name')} autoComplete="off" description={t('billing.console.tax.nameHelp')} rules={{ required: t('form.required'), maxLength: { value: 60, message: t('billing.console.tax.nameLength') } }} />
        <TextInput control={form.control} name="rate" label={t('billing.console.tax.rate')} autoComplete="off" description={t('billing.console.tax.rateHelp')} rules={{ required: t('form.required'), validate: (v: string) => (percentToBp(v) === null ? t('billing.console.tax.ratePattern') : true) }} />
      </div>
    </ApiForm>
  );
}

/** The tax rate of each country the platform bills; a tenant's invoices carry its billing country's rate (none without one). */
export function TaxRates() {
  const t = useT();
  const api = useApi();
  const { locale } = useLocale();
  const queries = useQueryClient();
  const rates = useQuery({ queryKey: ['tax-rates'], queryFn: async () => unwrap(await api.GET('/control/v1/tax-rates')) });
  const rows: TaxRate[] = rates.data?.data ?? [];
  return (
    <Section title={t('billing.console.tax')}>
      <p className="max-w-prose text-sm text-slate-600">{t('billing.console.tax.help')}</p>
      {rates.error ? <p role="alert" className="text-sm text-red-700">{rates.error instanceof ApiError ? rates.error.problem.detail : t('list.failed')}</p> : null}
      <table className="w-full max-w-3xl text-left text-sm" data-testid="tax-rates">
        <caption className="sr-only">{t('billing.console.tax')}</caption>
        <thead className="text-slate-600">
          <tr>
            <th scope="col" className="py-1 pr-4 font-medium">{t('billing.console.tax.country')}</th>
            <th scope="col" className="py-1 pr-4 font-medium">{t('billing.console.tax.name')}</th>
            <th scope="col" className="py-1 pr-4 text-right font-medium">{t('billing.console.tax.rate')}</th>
            <th scope="col" className="py-1 font-medium"><span className="sr-only">{t('billing.console.tax.actions')}</span></th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.country} className="border-t border-slate-100">
              <th scope="row" className="py-1 pr-4 font-normal">{r.country}</th>
              <td className="py-1 pr-4">{r.name}</td>
              <td className="py-1 pr-4 text-right tabular-nums">{formatRate(r.rateBp, locale)}</td>
              <td className="py-1 text-right">
                <ConfirmAction
                  label={t('billing.console.tax.remove', { country: r.country })}
                  title={t('billing.console.tax.remove.title', { country: r.country })}
                  description={t('billing.console.tax.remove.description')}
                  confirmLabel={t('billing.console.tax.removeConfirm')}
                  variant="danger"
                  run={(headers) => api.DELETE('/control/v1/tax-rates/{country}', { params: { path: { country: r.country } }, headers })}
                  onDone={() => void queries.invalidateQueries({ queryKey: ['tax-rates'] })}
                />
              </td>
            </tr>
          ))}
          {rows.length === 0 ? (
            <tr>
              <td colSpan={4} className="py-3 text-slate-500">{rates.isLoading ? t('list.loading') : t('billing.console.tax.none')}</td>
            </tr>
          ) : null}
        </tbody>
      </table>
      <SetTaxRate />
    </Section>
  );
}
