import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { CheckCircle2, LoaderCircle, XCircle } from 'lucide-react';
import type { operations } from '@courtyard/sdk';
import { unwrap } from '../../api/problem.js';
import { useApi } from '../../api/session.js';
import { useT } from '../../i18n/intl.js';
import { Button } from '../../ui/Button.js';
import { SelectInput, TextInput } from '../../ui/fields.js';
import { ApiForm, useApiForm } from '../../ui/form.js';
import { Page } from '../../ui/Page.js';

type Created = operations['control.tenants.create']['responses'][201]['content']['application/json'];
interface Values {
  name: string;
  slug: string;
  plan: string;
  admin: { name: string; email: string; password: string };
}

/** The steps a provisioning goes through (src/control/provisioning), in order. */
function Progress({ tenant, onRetry, retrying }: { tenant: Created; onRetry: () => void; retrying: boolean }) {
  const t = useT();
  const failed = tenant.status === 'failed';
  return (
    <section aria-labelledby="provisioning" className="max-w-xl space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="provisioning" className="font-semibold">{t('tenants.provisioning')}</h2>
      <ol className="space-y-1 text-sm">
        {tenant.provisioning.completed.map((step) => (
          <li key={step} className="flex items-center gap-2">
            <CheckCircle2 aria-hidden size={16} className="text-green-700" />
            {step}
          </li>
        ))}
        {failed ? (
          <li className="flex items-center gap-2 text-red-800">
            <XCircle aria-hidden size={16} />
            {tenant.provisioning.failedStep}: {tenant.provisioning.error}
          </li>
        ) : null}
      </ol>
      <p role="status" className="text-sm">
        {failed ? t('tenants.failed') : t('tenants.ready', { name: tenant.name })}
      </p>
      {tenant.admin.generatedPassword ? <p className="text-sm">{t('tenants.generatedPassword', { email: tenant.admin.email, password: tenant.admin.generatedPassword })}</p> : null}
      {failed ? (
        <Button onPress={onRetry} isDisabled={retrying}>
          {t('tenants.retry')}
        </Button>
      ) : (
        <a className="text-brand underline" href={`/t/${tenant.slug}/`}>
          {t('tenants.open', { name: tenant.name })}
        </a>
      )}
    </section>
  );
}

export function NewTenant() {
  const t = useT();
  const api = useApi();
  const queries = useQueryClient();
  const plans = useQuery({ queryKey: ['plans'], queryFn: async () => unwrap(await api.GET('/control/v1/plans')) });
  const { form, formError, onSubmit } = useApiForm<Values>({ defaultValues: { name: '', slug: '', plan: 'standard', admin: { name: '', email: '', password: '' } } });
  const [created, setCreated] = useState<Created | null>(null);
  const [retrying, setRetrying] = useState(false);

  const submit = onSubmit(
    (v) => api.POST('/control/v1/tenants', { body: { name: v.name, slug: v.slug, plan: v.plan, admin: { name: v.admin.name, email: v.admin.email, ...(v.admin.password ? { password: v.admin.password } : {}) } } }),
    (tenant) => {
      setCreated(tenant);
      void queries.invalidateQueries({ queryKey: ['tenants'] });
    },
  );
  const retry = async () => {
    if (!created) return;
    setRetrying(true);
    const r = await api.POST('/control/v1/tenants/{tenant}/provision', { params: { path: { tenant: created.id } } });
    setRetrying(false);
    if (r.data) setCreated({ ...r.data, admin: created.admin });
  };
  const required = { required: t('form.required') };
  const planOptions = (plans.data?.data ?? []).filter((p) => p.active).map((p) => ({ id: p.key, label: p.name }));

  return (
    <Page title={t('tenants.new')} actions={<Link to="/tenants">{t('console.nav.tenants')}</Link>}>
      {form.formState.isSubmitting ? (
        <p role="status" className="flex items-center gap-2 text-sm text-slate-600">
          <LoaderCircle aria-hidden size={16} className="animate-spin" />
          {t('tenants.provisioningNow')}
        </p>
      ) : null}
      {created ? (
        <Progress tenant={created} onRetry={() => void retry()} retrying={retrying} />
      ) : (
        <ApiForm form={form} formError={formError} onSubmit={submit}>
          <TextInput control={form.control} name="name" label={t('tenants.name')} rules={required} />
          <TextInput control={form.control} name="slug" label={t('tenants.slug')} description={t('tenants.slugHelp')} rules={{ ...required, pattern: { value: /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/, message: t('tenants.slugPattern') } }} />
          {planOptions.length > 0 ? <SelectInput control={form.control} name="plan" label={t('tenants.plan')} options={planOptions} rules={required} /> : null}
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
