import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { ApiError, unwrap } from '../../api/problem.js';
import { useApi } from '../../api/session.js';
import { useLocale, useT } from '../../i18n/intl.js';
import { Button } from '../../ui/Button.js';
import { ConfirmAction } from '../../ui/confirm.js';
import { formatTimestamp } from '../../ui/dates.js';
import { DetailList, Section } from '../../ui/DetailList.js';
import { TextInput } from '../../ui/fields.js';
import { ApiForm, useApiForm } from '../../ui/form.js';
import { formatMoney } from '../../ui/money.js';
import { countryCode } from '../billing/tax.js';
import type { Subscription } from '../billing/types.js';
import type { Tenant } from './hooks.js';
import { TenantInvoices } from './TenantInvoices.js';
import { TenantUsage } from './TenantUsage.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The billing country (its tax rate applies) and the address invoices are sent to; either may be cleared. */
function BillingDetails({ tenant, subscription, onSaved }: { tenant: Tenant; subscription: Subscription; onSaved: (s: Subscription) => void }) {
  const t = useT();
  const api = useApi();
  const initial = { country: subscription.country ?? '', billingEmail: subscription.billingEmail ?? '' };
  const { form, formError, onSubmit } = useApiForm<{ country: string; billingEmail: string }>({ defaultValues: initial });
  const [saved, setSaved] = useState(false);
  const submit = onSubmit(
    (v) => {
      setSaved(false);
      return api.PATCH('/control/v1/tenants/{tenant}/subscription', { params: { path: { tenant: tenant.id } }, body: { country: countryCode(v.country), billingEmail: v.billingEmail.trim() || null } });
    },
    (next) => {
      setSaved(true);
      form.reset({ country: next.country ?? '', billingEmail: next.billingEmail ?? '' });
      onSaved(next);
    },
  );
  return (
    <ApiForm form={form} formError={formError} onSubmit={submit} submitLabel={t('billing.console.details.save')}>
      <h3 className="text-base font-semibold">{t('billing.console.details')}</h3>
      <TextInput control={form.control} name="country" label={t('billing.console.country')} autoComplete="off" description={t('billing.console.countryHelp')} rules={{ validate: (v: string) => (!v.trim() || countryCode(v) ? true : t('billing.console.tax.countryPattern')) }} />
      <TextInput control={form.control} name="billingEmail" type="email" label={t('billing.console.billingEmail')} autoComplete="off" description={t('billing.console.billingEmailHelp')} rules={{ validate: (v: string) => (!v.trim() || EMAIL.test(v.trim()) ? true : t('billing.console.emailPattern')) }} />
      {saved ? <p role="status" className="text-sm text-green-800">{t('billing.console.details.saved')}</p> : null}
    </ApiForm>
  );
}

/** Cancel at the period's end (asks first), or keep renewing. */
function CancelToggle({ tenant, subscription, onSaved }: { tenant: Tenant; subscription: Subscription; onSaved: (s: Subscription) => void }) {
  const t = useT();
  const api = useApi();
  const { locale } = useLocale();
  const [error, setError] = useState<string | null>(null);
  if (subscription.status === 'canceled') return null;
  const patch = (cancelAtPeriodEnd: boolean, headers: Record<string, string> = {}) => api.PATCH('/control/v1/tenants/{tenant}/subscription', { params: { path: { tenant: tenant.id } }, body: { cancelAtPeriodEnd }, headers });
  if (!subscription.cancelAtPeriodEnd) {
    return (
      <ConfirmAction
        label={t('billing.console.cancel')}
        title={t('billing.console.cancel.title', { name: tenant.name })}
        description={t('billing.console.cancel.description', { end: formatTimestamp(subscription.periodEnd, locale) })}
        variant="danger"
        run={(headers) => patch(true, headers)}
        onDone={(data) => onSaved(data as Subscription)}
      />
    );
  }
  return (
    <div className="space-y-2">
      <Button
        variant="secondary"
        onPress={() => {
          setError(null);
          patch(false).then((r) => (r.data ? onSaved(r.data) : setError(r.error?.detail ?? t('list.failed'))), () => setError(t('form.networkError')));
        }}
      >
        {t('billing.console.keep')}
      </Button>
      {error ? <p role="alert" className="text-sm text-red-700">{error}</p> : null}
    </div>
  );
}

/** The tenant's subscription (plan, status, dunning, period, trial), its billing details, cancellation, usage and invoices. */
export function TenantBilling({ tenant }: { tenant: Tenant }) {
  const t = useT();
  const api = useApi();
  const { locale } = useLocale();
  const queries = useQueryClient();
  const key = ['subscription', tenant.slug];
  const sub = useQuery({ queryKey: key, queryFn: async () => unwrap(await api.GET('/control/v1/tenants/{tenant}/subscription', { params: { path: { tenant: tenant.id } } })) });
  const onSaved = (s: Subscription) => {
    queries.setQueryData(key, s);
    void queries.invalidateQueries({ queryKey: ['billing'] });
  };
  const s = sub.data;
  const when = (at: string | null) => (at ? formatTimestamp(at, locale) : null);
  const facts = s
    ? [
        { term: t('billing.console.plan'), value: `${s.terms.planName} · ${t(`billing.console.price.${s.terms.interval}`, { price: formatMoney({ amount: s.terms.amountMinor, currency: s.terms.currency }, locale) })}` },
        { term: t('billing.console.status'), value: t(`billing.console.status.${s.status}`) },
        { term: t('billing.console.dunning'), value: s.dunning ? t(`billing.console.dunning.${s.dunning}`) : t('billing.console.dunning.none') },
        { term: t('billing.console.period'), value: t('billing.console.periodValue', { from: when(s.periodStart)!, to: when(s.periodEnd)! }) },
        { term: t('billing.console.trialEnds'), value: when(s.trialEndsAt) },
        { term: t('billing.console.cancelAtPeriodEnd'), value: s.cancelAtPeriodEnd ? t('billing.console.yes') : t('billing.console.no') },
        ...(s.canceledAt ? [{ term: t('billing.console.canceledAt'), value: when(s.canceledAt) }] : []),
      ]
    : [];
  return (
    <Section title={t('billing.console.section')} actions={<Link to="/invoices" search={{ tenant: tenant.slug }} className="text-sm text-brand underline-offset-2 hover:underline">{t('billing.console.allInvoices')}</Link>}>
      {sub.error ? <p className="text-sm text-slate-600">{sub.error instanceof ApiError ? sub.error.problem.detail : t('list.failed')}</p> : null}
      {s ? (
        <>
          <DetailList items={facts} />
          <CancelToggle tenant={tenant} subscription={s} onSaved={onSaved} />
          <BillingDetails tenant={tenant} subscription={s} onSaved={onSaved} />
        </>
      ) : null}
      <TenantUsage tenant={tenant.slug} />
      <TenantInvoices tenant={tenant.slug} />
    </Section>
  );
}
