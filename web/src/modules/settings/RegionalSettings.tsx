import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../api/session.js';
import { useT } from '../../i18n/intl.js';
import { Section } from '../../ui/DetailList.js';
import { SelectInput } from '../../ui/fields.js';
import { TimeZoneInput } from '../../ui/TimeZoneInput.js';
import { ApiForm, useApiForm } from '../../ui/form.js';
import type { Regional } from './regional.js';

/**
 * The tenant's time zone (its calendar: "today", due dates, late fees, lease endings and monthly
 * runs follow it) and the language of its users who chose none. The zone is an IANA name, picked
 * from the browser's list; the server checks it.
 */
export function RegionalSettings({ initial, canWrite }: { initial: Regional; canWrite: boolean }) {
  const t = useT();
  const api = useApi();
  const queries = useQueryClient();
  const [saved, setSaved] = useState(false);
  const { form, formError, onSubmit } = useApiForm<Regional>({ defaultValues: initial });
  const submit = onSubmit(
    (v) => {
      setSaved(false);
      return api.PATCH('/api/v1/settings/regional', { body: { timeZone: v.timeZone.trim(), defaultLocale: v.defaultLocale as 'en' | 'es' } });
    },
    (stored) => {
      form.reset(stored);
      // Dates on the pages ("today") follow /me's zone.
      void queries.invalidateQueries({ queryKey: ['me'] });
      setSaved(true);
    },
  );
  return (
    <Section title={t('settings.regional')}>
      <p className="mb-3 max-w-2xl text-sm text-slate-600">{t('settings.regional.text')}</p>
      {saved ? <p role="status" className="mb-3 text-sm text-green-800">{t('settings.regional.saved')}</p> : null}
      {canWrite ? (
        <div className="max-w-xl">
          <ApiForm form={form} formError={formError} onSubmit={submit} submitLabel={t('settings.regional.save')}>
            <TimeZoneInput control={form.control} name="timeZone" label={t('settings.timeZone')} rules={{ required: true }} description={t('settings.timeZone.help')} />
            <SelectInput control={form.control} name="defaultLocale" label={t('settings.defaultLocale')} options={[{ id: 'en', label: 'English' }, { id: 'es', label: 'Español' }]} />
          </ApiForm>
        </div>
      ) : (
        <p className="text-sm text-slate-600">{t('settings.regional.readOnly', { zone: initial.timeZone, locale: initial.defaultLocale })}</p>
      )}
    </Section>
  );
}
