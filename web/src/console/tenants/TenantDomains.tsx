import { useApi } from '../../api/session.js';
import { useT } from '../../i18n/intl.js';
import { ConfirmAction } from '../../ui/confirm.js';
import { Section } from '../../ui/DetailList.js';
import { TextInput } from '../../ui/fields.js';
import { ApiForm, useApiForm } from '../../ui/form.js';
import { useTenantChanged, type Tenant } from './hooks.js';

/**
 * The tenant's custom domains: each serves its workspace. The API keeps no verification state
 * for a domain (it is served once added, if its DNS points here), so none is shown.
 */
export function TenantDomains({ tenant }: { tenant: Tenant }) {
  const t = useT();
  const api = useApi();
  const changed = useTenantChanged(tenant.slug);
  const { form, formError, onSubmit } = useApiForm<{ domain: string }>({ defaultValues: { domain: '' }, idempotent: true });
  const submit = onSubmit(
    (v, headers) => api.POST('/control/v1/tenants/{tenant}/domains', { params: { path: { tenant: tenant.id } }, headers, body: { domain: v.domain.trim() } }),
    () => {
      form.reset({ domain: '' });
      changed();
    },
  );
  return (
    <Section title={t('tenants.domains')}>
      {tenant.domains.length === 0 ? (
        <p className="text-sm text-slate-600">{t('tenants.domains.none')}</p>
      ) : (
        <ul aria-label={t('tenants.domains')} className="max-w-xl divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
          {tenant.domains.map((domain) => (
            <li key={domain} className="flex items-center justify-between gap-3 px-3 py-2 text-sm">
              <a href={`https://${domain}/`} className="text-brand underline-offset-2 hover:underline">{domain}</a>
              <ConfirmAction
                label={t('tenants.domains.remove', { domain })}
                title={t('tenants.domains.removeTitle', { domain })}
                description={t('tenants.domains.removeDescription', { domain, name: tenant.name })}
                confirmLabel={t('tenants.domains.removeConfirm')}
                variant="danger"
                run={(headers) => api.DELETE('/control/v1/tenants/{tenant}/domains/{domain}', { params: { path: { tenant: tenant.id, domain } }, headers })}
                onDone={() => changed()}
              />
            </li>
          ))}
        </ul>
      )}
      <ApiForm form={form} formError={formError} onSubmit={submit}>
        <TextInput control={form.control} name="domain" label={t('tenants.domains.domain')} description={t('tenants.domains.help')} rules={{ required: t('form.required') }} />
      </ApiForm>
    </Section>
  );
}
