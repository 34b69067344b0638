import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { LoaderCircle } from 'lucide-react';
import type { operations } from '@courtyard/sdk';
import { unwrap } from '../../api/problem.js';
import { useApi } from '../../api/session.js';
import { useT } from '../../i18n/intl.js';
import { Button } from '../../ui/Button.js';
import { SelectInput, TextInput } from '../../ui/fields.js';
import { ApiForm, useApiForm } from '../../ui/form.js';
import { Page } from '../../ui/Page.js';
import { ProvisioningSteps } from './ProvisioningSteps.js';
import { useProvisioningWatch } from './hooks.js';
import { LOCALE_OPTIONS } from './TenantRegional.js';

type Created = operations['control.tenants.create']['responses'][201]['content']['application/json'];
interface Values {
  name: string;
  slug: string;
  plan: string;
  timeZone: string;
  defaultLocale: string;
  admin: { name: string; email: string; password: string };
}

export function NewTenant() {
  const t = useT();
  const api = useApi();
  const queries = useQueryClient();
  const plans = useQuery({ queryKey: ['plans'], queryFn: async () => unwrap(await api.GET('/control/v1/plans')) });
  const { form, formError, onSubmit } = useApiForm<Values>({ defaultValues: { name: '', slug: '', plan: 'standard', timeZone: 'UTC', defaultLocale: 'en', admin: { name: '', email: '', password: '' } } });
  const [created, setCreated] = useState<Created | null>(null);
  const [retrying, setRetrying] = useState(false);
  const [retryError, setRetryError] = useState<string | null>(null);
  const { live, during } = useProvisioningWatch();

  const submit = onSubmit(
    async (v) => {
      const body = { name: v.name, slug: v.slug, plan: v.plan, timeZone: v.timeZone.trim() || 'UTC', defaultLocale: v.defaultLocale as 'en' | 'es', admin: { name: v.admin.name, email: v.admin.email, ...(v.admin.password ? { password: v.admin.password } : {}) } };
      const send = () => api.POST('/control/v1/tenants', { body });
      // Follow the steps only when the slug is free: a taken one would show another tenant's.
      const taken = await api.GET('/control/v1/tenants/{tenant}', { params: { path: { tenant: v.slug } } });
      return taken.response.status === 404 ? during(v.slug, send) : send();
    },
    (tenant) => {
      setCreated(tenant);
      void queries.invalidateQueries({ queryKey: ['tenants'] });
    },
  );
  const retry = async () => {
    if (!created) return;
    setRetrying(true);
    setRetryError(null);
    try {
      const r = await during(created.slug, () => api.POST('/control/v1/tenants/{tenant}/provision', { params: { path: { tenant: created.id } } }));
      if (r.data) setCreated({ ...r.data, admin: created.admin });
      else setRetryError(r.error?.detail ?? r.response.statusText);
    } catch {
      setRetryError(t('form.networkError'));
    } finally {
      setRetrying(false);
      void queries.invalidateQueries({ queryKey: ['tenants'] });
    }
  };
  const required = { required: t('form.required') };
  const planOptions = (plans.data?.data ?? []).filter((p) => p.active).map((p) => ({ id: p.key, label: p.name }));
  const shown = live ?? created;

  return (
    <Page title={t('tenants.new')} actions={<Link to="/tenants">{t('console.nav.tenants')}</Link>}>
      {form.formState.isSubmitting && !live ? (
        <p role="status" className="flex items-center gap-2 text-sm text-slate-600">
          <LoaderCircle aria-hidden size={16} className="animate-spin" />
          {t('tenants.provisioningNow')}
        </p>
      ) : null}
      {shown ? (
        <ProvisioningSteps tenant={shown}>
          {created?.admin.generatedPassword ? <p className="text-sm">{t('tenants.generatedPassword', { email: created.admin.email, password: created.admin.generatedPassword })}</p> : null}
          {retryError ? <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">{retryError}</p> : null}
          {created ? (
            <div className="flex flex-wrap items-center gap-4">
              {created.status === 'failed' || retrying ? (
                <Button onPress={() => void retry()} isDisabled={retrying}>
                  {t('tenants.retry')}
                </Button>
              ) : (
                <a className="text-brand underline" href={`/t/${created.slug}/`}>
                  {t('tenants.open', { name: created.name })}
                </a>
              )}
              <Link to="/tenants/$tenant" params={{ tenant: created.slug }} className="text-brand underline">
                {t('tenants.openPage', { name: created.name })}
              </Link>
            </div>
          ) : null}
        </ProvisioningSteps>
      ) : null}
      {created ? null : (
        <ApiForm form={form} formError={formError} onSubmit={submit}>
          <TextInput control={form.control} name="name" label={t('tenants.name')} rules={required} />
          <TextInput control={form.control} name="slug" label={t('tenants.slug')} description={t('tenants.slugHelp')} rules={{ ...required, pattern: { value: /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/, message: t('tenants.slugPattern') } }} />
          {planOptions.length > 0 ? <SelectInput control={form.control} name="plan" label={t('tenants.plan')} options={planOptions} rules={required} /> : null}
          <TextInput control={form.control} name="timeZone" label={t('tenants.timeZone')} autoComplete="off" description={t('tenants.timeZoneHelp')} />
          <SelectInput control={form.control} name="defaultLocale" label={t('tenants.defaultLocale')} options={LOCALE_OPTIONS} />
          <fieldset className="space-y-4 rounded-lg border border-slate-200 p-4">
            <legend className="px-1 text-sm font-semibold">{t('tenants.admin')}</legend>
            <TextInput control={form.control} name="admin.name" label={t('tenants.adminName')} rules={required} />
            <TextInput control={form.control} name="admin.email" type="email" label={t('tenants.adminEmail')} rules={required} />
            <TextInput control={form.control} name="admin.password" type="password" autoComplete="new-password" label={t('tenants.adminPassword')} description={t('tenants.adminPasswordHelp')} />
          </fieldset>
        </ApiForm>
      )}
    </Page>
  );
}
