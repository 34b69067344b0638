import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useWatch } from 'react-hook-form';
import { ApiError, unwrap } from '../../api/problem.js';
import { useApi } from '../../api/session.js';
import { useT } from '../../i18n/intl.js';
import { Section } from '../../ui/DetailList.js';
import { TextInput } from '../../ui/fields.js';
import { ApiForm, useApiForm } from '../../ui/form.js';
import { Page } from '../../ui/Page.js';
import { may, useMe } from '../../workspace/me.js';
import { brandingChange, previewOf } from './branding.js';
import { CommunicationsSettings } from '../communications/CommunicationsSettings.js';
import { MemberSelfServiceSettings } from './MemberSelfServiceSettings.js';
import { RegionalSettings } from './RegionalSettings.js';
import { TwoStepSettings } from './TwoStepSettings.js';

interface Values {
  displayName: string;
  primaryColor: string;
  logoUrl: string;
}

/** How the top bar will look: the logo and name on a band of the primary colour (set through the CSSOM). */
function Preview({ name, color, logo }: { name: string; color: string | null; logo: string | null }) {
  const t = useT();
  return (
    <Section title={t('settings.preview')}>
      <div className="max-w-xl overflow-hidden rounded-lg border border-slate-200 bg-white" data-testid="branding-preview">
        <div className="h-2" style={{ backgroundColor: color ?? '#4338ca' }} />
        <div className="flex items-center gap-3 px-4 py-3">
          {logo ? <img src={logo} alt="" className="h-8 w-8 rounded object-contain" /> : null}
          <p className="text-lg font-semibold">{name}</p>
        </div>
        <div className="px-4 pb-4">
          <span className="inline-flex rounded-md px-3 py-1.5 text-sm font-medium text-white" style={{ backgroundColor: color ?? '#4338ca' }}>{t('settings.previewButton')}</span>
        </div>
      </div>
    </Section>
  );
}

function BrandingForm({ initial, tenantName, canWrite }: { initial: Values; tenantName: string; canWrite: boolean }) {
  const t = useT();
  const api = useApi();
  const queries = useQueryClient();
  const [saved, setSaved] = useState(false);
  const { form, formError, onSubmit } = useApiForm<Values>({ defaultValues: initial });
  const values = useWatch({ control: form.control }) as Values;
  const submit = onSubmit(
    (v) => {
      setSaved(false);
      return api.PATCH('/api/v1/settings/branding', { body: brandingChange(v) });
    },
    (branding) => {
      queries.setQueryData(['branding'], branding);
      // The top bar and the brand colour come from /me.
      void queries.invalidateQueries({ queryKey: ['me'] });
      setSaved(true);
    },
  );
  const preview = previewOf(values, tenantName);
  const colour = { pattern: { value: /^#[0-9a-fA-F]{6}$/, message: t('settings.colorFormat') } };
  const https = { pattern: { value: /^https:\/\/\S+$/, message: t('settings.logoFormat') } };
  return (
    <div className="grid gap-8 lg:grid-cols-2">
      <div className="space-y-3">
        {saved ? <p role="status" className="text-sm text-green-800">{t('settings.saved')}</p> : null}
        {canWrite ? (
          <ApiForm form={form} formError={formError} onSubmit={submit}>
            <TextInput control={form.control} name="displayName" label={t('settings.displayName')} autoComplete="off" description={t('settings.displayName.help', { name: tenantName })} />
            <TextInput control={form.control} name="primaryColor" label={t('settings.primaryColor')} autoComplete="off" rules={colour} description={t('settings.primaryColor.help')} />
            <TextInput control={form.control} name="logoUrl" label={t('settings.logoUrl')} autoComplete="off" rules={https} description={t('settings.logoUrl.help')} />
          </ApiForm>
        ) : (
          <p className="text-sm text-slate-600">{t('settings.readOnly')}</p>
        )}
      </div>
      <Preview {...preview} />
    </div>
  );
}

export function Settings() {
  const t = useT();
  const api = useApi();
  const me = useMe();
  const branding = useQuery({ queryKey: ['branding'], queryFn: async () => unwrap(await api.GET('/api/v1/settings/branding')) });
  const body = branding.error ? (
    <p role="alert" className="text-sm text-red-700">{branding.error instanceof ApiError ? branding.error.problem.detail : t('list.failed')}</p>
  ) : branding.data && me.data ? (
    <BrandingForm
      initial={{ displayName: branding.data.displayName ?? '', primaryColor: branding.data.primaryColor ?? '', logoUrl: branding.data.logoUrl ?? '' }}
      tenantName={me.data.tenant.name}
      canWrite={may(me.data, 'core', 'settings.write')}
    />
  ) : (
    <p className="text-sm text-slate-600">{t('list.loading')}</p>
  );
  return (
    <Page title={t('nav.settings')}>
      <Section title={t('settings.branding')}>{body}</Section>
      {me.data ? <RegionalSettings initial={{ timeZone: me.data.tenant.timeZone ?? 'UTC', defaultLocale: me.data.tenant.defaultLocale ?? 'en' }} canWrite={may(me.data, 'core', 'settings.write')} /> : null}
      {me.data ? <TwoStepSettings canWrite={may(me.data, 'core', 'settings.write')} /> : null}
      {may(me.data, 'members', 'settings.read') ? <MemberSelfServiceSettings canWrite={may(me.data, 'members', 'settings.write')} /> : null}
      {may(me.data, 'communications', 'communications.read') ? <CommunicationsSettings canWrite={may(me.data, 'communications', 'communications.write')} timeZone={me.data?.tenant.timeZone ?? 'UTC'} /> : null}
    </Page>
  );
}
