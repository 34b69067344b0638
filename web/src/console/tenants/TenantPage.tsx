import { useEffect, useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { FormattedDate } from 'react-intl';
import { ApiError, unwrap } from '../../api/problem.js';
import { useApi } from '../../api/session.js';
import { useT } from '../../i18n/intl.js';
import { Button } from '../../ui/Button.js';
import { ConfirmAction } from '../../ui/confirm.js';
import { DetailList, Section } from '../../ui/DetailList.js';
import { SelectInput } from '../../ui/fields.js';
import { ApiForm, useApiForm } from '../../ui/form.js';
import { Page } from '../../ui/Page.js';
import { isSettled } from './provisioning.js';
import { ProvisioningSteps } from './ProvisioningSteps.js';
import { tenantRoute } from './routes.js';
import { TenantBilling } from './TenantBilling.js';
import { TenantBranding } from './TenantBranding.js';
import { TenantDomains } from './TenantDomains.js';
import { TenantLicence } from './TenantLicence.js';
import { TenantRegional } from './TenantRegional.js';
import { useProvisioningWatch, useTenantChanged, type Tenant } from './hooks.js';

const ACTIONS = {
  suspend: { from: ['active'], variant: 'secondary' },
  resume: { from: ['suspended'], variant: 'primary' },
  archive: { from: ['active', 'suspended', 'failed'], variant: 'danger' },
} as const;

/** Suspend, resume, archive: only those the tenant's status allows (as the API's lifecycle). */
function StatusActions({ tenant }: { tenant: Tenant }) {
  const t = useT();
  const api = useApi();
  const changed = useTenantChanged(tenant.slug);
  const actions = (Object.keys(ACTIONS) as (keyof typeof ACTIONS)[]).filter((a) => (ACTIONS[a].from as readonly string[]).includes(tenant.status));
  if (actions.length === 0) return <p className="text-sm text-slate-600">{t('tenants.noActions')}</p>;
  return (
    <div className="flex flex-wrap gap-2">
      {actions.map((action) => (
        <ConfirmAction
          key={action}
          label={t(`tenants.action.${action}`)}
          title={t(`tenants.action.${action}.title`, { name: tenant.name })}
          description={t(`tenants.action.${action}.description`)}
          variant={ACTIONS[action].variant}
          run={(headers) => {
            const init = { params: { path: { tenant: tenant.id } }, headers };
            if (action === 'suspend') return api.POST('/control/v1/tenants/{tenant}/suspend', init);
            if (action === 'resume') return api.POST('/control/v1/tenants/{tenant}/resume', init);
            return api.POST('/control/v1/tenants/{tenant}/archive', init);
          }}
          onDone={(data) => changed(data as Tenant)}
        />
      ))}
    </div>
  );
}

/** The tenant's plan; a new plan reissues its licence with the plan's modules and limits. */
function PlanForm({ tenant }: { tenant: Tenant }) {
  const t = useT();
  const api = useApi();
  const changed = useTenantChanged(tenant.slug);
  const plans = useQuery({ queryKey: ['plans'], queryFn: async () => unwrap(await api.GET('/control/v1/plans')) });
  const { form, formError, onSubmit } = useApiForm<{ plan: string }>({ defaultValues: { plan: tenant.plan } });
  const [saved, setSaved] = useState(false);
  const submit = onSubmit(
    (v) => {
      setSaved(false);
      return api.PATCH('/control/v1/tenants/{tenant}', { params: { path: { tenant: tenant.id } }, body: { plan: v.plan } });
    },
    (next) => {
      setSaved(true);
      form.reset({ plan: next.plan });
      changed(next);
    },
  );
  const options = (plans.data?.data ?? []).filter((p) => p.active || p.key === tenant.plan).map((p) => ({ id: p.key, label: p.name }));
  return (
    <Section title={t('tenants.plan')}>
      <p className="max-w-prose text-sm text-slate-600">{t('tenants.planHelp')}</p>
      {options.length > 0 ? (
        <ApiForm form={form} formError={formError} onSubmit={submit}>
          <SelectInput control={form.control} name="plan" label={t('tenants.plan')} options={options} rules={{ required: t('form.required') }} />
          {saved ? <p role="status" className="text-sm text-green-800">{t('tenants.planSaved')}</p> : null}
        </ApiForm>
      ) : null}
    </Section>
  );
}

/** A provisioning still running (followed until it settles) or failed (with Retry). */
function Provisioning({ tenant }: { tenant: Tenant }) {
  const t = useT();
  const api = useApi();
  const changed = useTenantChanged(tenant.slug);
  const { live, during } = useProvisioningWatch();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const retry = async () => {
    setBusy(true);
    setError(null);
    try {
      const r = await during(tenant.slug, () => api.POST('/control/v1/tenants/{tenant}/provision', { params: { path: { tenant: tenant.id } } }));
      if (r.data) changed(r.data);
      else setError(r.error?.detail ?? r.response.statusText);
    } catch {
      setError(t('form.networkError'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <ProvisioningSteps tenant={live ?? tenant}>
      {error ? <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">{error}</p> : null}
      {tenant.status === 'failed' ? (
        <Button onPress={() => void retry()} isDisabled={busy}>
          {t('tenants.retry')}
        </Button>
      ) : null}
    </ProvisioningSteps>
  );
}

export function TenantPage() {
  const t = useT();
  const api = useApi();
  const { tenant: slug } = tenantRoute.useParams();
  const tenant = useQuery({
    queryKey: ['tenant', slug],
    queryFn: async () => unwrap(await api.GET('/control/v1/tenants/{tenant}', { params: { path: { tenant: slug } } })),
    // A tenant being provisioned (by another request) is followed until it is ready or failed.
    refetchInterval: (q) => (q.state.data && !isSettled(q.state.data.status) ? 1000 : false),
  });
  const data = tenant.data;
  const plans = useQuery({ queryKey: ['plans'], queryFn: async () => unwrap(await api.GET('/control/v1/plans')) });
  const changed = useTenantChanged(slug);
  // When a provisioning followed here settles, the licence and the list have changed too.
  const wasProvisioning = useRef(false);
  const status = data?.status;
  useEffect(() => {
    if (!status) return;
    if (!isSettled(status)) wasProvisioning.current = true;
    else if (wasProvisioning.current) {
      wasProvisioning.current = false;
      changed();
    }
  }, [status, changed]);

  const back = <Link to="/tenants">{t('console.nav.tenants')}</Link>;
  if (tenant.error) return <Page title={t('page.notFound')} actions={back}>{tenant.error instanceof ApiError ? tenant.error.problem.detail : t('list.failed')}</Page>;
  if (!data) return <Page title={t('list.loading')}>{null}</Page>;
  const facts = [
    { term: t('tenants.name'), value: data.name },
    { term: t('tenants.slug'), value: <a href={`/t/${data.slug}/`} className="text-brand underline">{data.slug}</a> },
    { term: t('tenants.status'), value: t(`tenants.status.${data.status}`) },
    { term: t('tenants.plan'), value: plans.data?.data.find((p) => p.key === data.plan)?.name ?? data.plan },
    { term: t('tenants.created'), value: <FormattedDate value={data.createdAt} dateStyle="long" timeStyle="short" /> },
    { term: t('tenants.placement'), value: t('tenants.placementValue', { placement: t(`tenants.placement.${data.placement}`), region: data.region, reason: data.placementReason }) },
    { term: t('tenants.compliance'), value: data.compliance.join(', ') },
  ];
  const live = data.status === 'active' || data.status === 'suspended';
  return (
    <Page title={data.name} actions={back}>
      <DetailList items={facts} />
      {data.status === 'provisioning' || data.status === 'failed' ? <Provisioning tenant={data} /> : null}
      <Section title={t('tenants.statusActions')}>
        <StatusActions tenant={data} />
      </Section>
      {data.status !== 'archived' ? <PlanForm tenant={data} /> : null}
      {live ? <TenantLicence tenant={data} /> : null}
      {data.status !== 'provisioning' && data.status !== 'failed' ? <TenantBilling tenant={data} /> : null}
      <TenantDomains tenant={data} />
      {data.status !== 'archived' ? <TenantRegional tenant={data} /> : null}
      <TenantBranding tenant={data} />
    </Page>
  );
}
