import { useState } from 'react';
import { useApi } from '../../api/session.js';
import { useT } from '../../i18n/intl.js';
import { Section } from '../../ui/DetailList.js';
import { SelectInput, TextInput } from '../../ui/fields.js';
import { ApiForm, useApiForm } from '../../ui/form.js';
import { useTenantChanged, type Tenant } from './hooks.js';

/** What the registry keeps beside a tenant's branding. */
export interface Regional {
  timeZone: string;
  defaultLocale: string;
}

export const LOCALE_OPTIONS = [{ id: 'en', label: 'English' }, { id: 'es', label: 'Español' }];

/** The tenant's time zone (its calendar) and default language, as the operator sets them. */
export function TenantRegional({ tenant }: { tenant: Tenant }) {
  const t = useT();
  const api = useApi();
  const changed = useTenantChanged(tenant.slug);
  const { form, formError, onSubmit } = useApiForm<Regional>({ defaultValues: { timeZone: tenant.timeZone, defaultLocale: tenant.defaultLocale } });
  const [saved, setSaved] = useState(false);
  const submit = onSubmit(
    (v) => {
      setSaved(false);
      return api.PATCH('/control/v1/tenants/{tenant}', { params: { path: { tenant: tenant.id } }, body: { timeZone: v.timeZone.trim(), defaultLocale: v.defaultLocale as 'en' | 'es' } });
    },
    (next) => {
      setSaved(true);
      form.reset({ timeZone: next.timeZone, defaultLocale: next.defaultLocale });
      changed(next);
    },
  );
  return (
    <Section title={t('tenants.regional')}>
      <p className="max-w-prose text-sm text-slate-600">{t('tenants.regionalHelp')}</p>
      <ApiForm form={form} formError={formError} onSubmit={submit} submitLabel={t('tenants.regionalSave')}>
        <TextInput control={form.control} name="timeZone" label={t('tenants.timeZone')} autoComplete="off" rules={{ required: t('form.required') }} description={t('tenants.timeZoneHelp')} />
        <SelectInput control={form.control} name="defaultLocale" label={t('tenants.defaultLocale')} options={LOCALE_OPTIONS} />
        {saved ? <p role="status" className="text-sm text-green-800">{t('tenants.regionalSaved')}</p> : null}
      </ApiForm>
    </Section>
  );
}
