import { useEffect, useState } from 'react';
import { useWatch } from 'react-hook-form';
import { useApi } from '../../api/session.js';
import { useT } from '../../i18n/intl.js';
import { Section } from '../../ui/DetailList.js';
import { TextInput } from '../../ui/fields.js';
import { ApiForm, useApiForm } from '../../ui/form.js';
import { brandingBody, COLOR_PATTERN, previewColors, previewLogo, type BrandingValues } from './branding.js';
import { useTenantChanged, type Tenant } from './hooks.js';

/** A value that follows another a moment after it stops changing (a logo is not fetched per keystroke). */
function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(value), ms);
    return () => window.clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** A mock of the workspace's top bar in the typed colour, logo and name, as it will look. */
function Preview({ values, fallbackName }: { values: BrandingValues; fallbackName: string }) {
  const t = useT();
  const colors = previewColors(values.primaryColor);
  const logo = previewLogo(useSettled(values.logoUrl, 400));
  const [broken, setBroken] = useState<string | null>(null);
  return (
    <figure className="space-y-2" aria-labelledby="branding-preview">
      <figcaption id="branding-preview" className="text-sm font-medium text-slate-700">{t('tenants.branding.preview')}</figcaption>
      <div className="overflow-hidden rounded-lg border border-slate-200 bg-white shadow-sm">
        <div data-testid="preview-bar" className="flex items-center justify-between gap-3 px-4 py-2" style={{ backgroundColor: colors.background, color: colors.text }}>
          <div className="flex items-center gap-3">
            {logo && broken !== logo ? <img src={logo} alt={t('tenants.branding.logoAlt')} className="h-8 w-8 rounded bg-white object-contain" onError={() => setBroken(logo)} /> : null}
            <span className="text-lg font-semibold">{values.displayName.trim() || fallbackName}</span>
          </div>
          <span className="text-sm">{t('shell.signOut')}</span>
        </div>
        <div className="flex gap-3 p-3 text-sm text-slate-600">
          <span className="w-24 rounded bg-slate-100 px-2 py-1">{t('tenants.branding.previewNav')}</span>
          <span className="rounded px-2 py-1" style={{ backgroundColor: colors.background, color: colors.text }}>{t('tenants.branding.previewButton')}</span>
        </div>
      </div>
      {!colors.valid && values.primaryColor.trim() ? <p className="text-xs text-slate-600">{t('tenants.branding.previewDefault')}</p> : null}
    </figure>
  );
}

/** The tenant's display name, primary colour and logo, with a live preview while typing. */
export function TenantBranding({ tenant }: { tenant: Tenant }) {
  const t = useT();
  const api = useApi();
  const changed = useTenantChanged(tenant.slug);
  const current = tenant.branding;
  const { form, formError, onSubmit } = useApiForm<BrandingValues>({ defaultValues: { displayName: current.displayName ?? '', primaryColor: current.primaryColor ?? '', logoUrl: current.logoUrl ?? '' } });
  const [saved, setSaved] = useState(false);
  const values = useWatch({ control: form.control }) as BrandingValues;
  const submit = onSubmit(
    (v) => {
      setSaved(false);
      return api.PUT('/control/v1/tenants/{tenant}/branding', { params: { path: { tenant: tenant.id } }, body: brandingBody(current, v) });
    },
    (next) => {
      setSaved(true);
      changed(next);
    },
  );
  return (
    <Section title={t('tenants.branding')}>
      <div className="grid gap-6 lg:grid-cols-2">
        <ApiForm form={form} formError={formError} onSubmit={submit}>
          <TextInput control={form.control} name="displayName" label={t('tenants.branding.displayName')} rules={{ maxLength: { value: 100, message: t('tenants.branding.tooLong') } }} />
          <TextInput control={form.control} name="primaryColor" label={t('tenants.branding.primaryColor')} description={t('tenants.branding.colorHelp')} rules={{ pattern: { value: COLOR_PATTERN, message: t('tenants.branding.colorPattern') } }} />
          <TextInput control={form.control} name="logoUrl" label={t('tenants.branding.logoUrl')} description={t('tenants.branding.logoHelp')} rules={{ pattern: { value: /^https:\/\/\S+$/, message: t('tenants.branding.logoPattern') } }} />
          {saved ? <p role="status" className="text-sm text-green-800">{t('tenants.branding.saved')}</p> : null}
        </ApiForm>
        <Preview values={values} fallbackName={tenant.name} />
      </div>
    </Section>
  );
}
