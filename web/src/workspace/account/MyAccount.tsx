import { useState } from 'react';
import { Link } from '@tanstack/react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../api/session.js';
import { LOCALES, useLocale, useT } from '../../i18n/intl.js';
import { PasswordForm, Sessions } from '../../ui/AccountForms.js';
import { Section } from '../../ui/DetailList.js';
import { SelectInput, TextInput } from '../../ui/fields.js';
import { ApiForm, useApiForm } from '../../ui/form.js';
import { Page } from '../../ui/Page.js';
import { useMe, type Me } from '../me.js';

/** No language chosen: the pages follow the browser (the select's id for null). */
const BROWSER = 'browser';

function ProfileForm({ me }: { me: Me }) {
  const t = useT();
  const api = useApi();
  const queries = useQueryClient();
  const { setLocale } = useLocale();
  const [saved, setSaved] = useState(false);
  const { form, formError, onSubmit } = useApiForm<{ name: string; locale: string }>({ defaultValues: { name: me.user.name, locale: me.user.locale ?? BROWSER } });
  const submit = onSubmit(
    (v) => {
      setSaved(false);
      return api.PATCH('/api/v1/me', { body: { name: v.name.trim(), locale: v.locale === BROWSER ? null : v.locale } });
    },
    (next) => {
      queries.setQueryData(['me'], next);
      const locale = (next as Me).user.locale;
      if (locale) setLocale(locale);
      setSaved(true);
    },
  );
  const options = [{ id: BROWSER, label: t('account.languageBrowser') }, ...Object.entries(LOCALES).map(([id, l]) => ({ id, label: l.name }))];
  return (
    <Section title={t('account.profile')}>
      {saved ? <p role="status" className="mb-3 text-sm text-green-800">{t('account.saved')}</p> : null}
      <p className="mb-3 text-sm text-slate-600">
        {t('account.email')}: {me.user.email}
      </p>
      <ApiForm form={form} formError={formError} onSubmit={submit}>
        <TextInput control={form.control} name="name" label={t('account.name')} autoComplete="name" rules={{ required: t('form.required') }} />
        <SelectInput control={form.control} name="locale" label={t('account.language')} options={options} />
      </ApiForm>
    </Section>
  );
}

/** The signed-in user's own account: name and language, password, two-step sign-in, passkeys and sessions. */
export function MyAccount() {
  const t = useT();
  const api = useApi();
  const me = useMe();
  return (
    <Page title={t('account.title')}>
      {me.data ? <ProfileForm me={me.data} /> : null}
      <PasswordForm change={(body) => api.POST('/api/v1/me/password', { body })} />
      <Section title={t('account.twoStep.title')}>
        <p className="text-sm">
          <Link to="/account/two-step" className="text-brand underline">{t('account.twoStep.link')}</Link>
        </p>
      </Section>
      <Section title={t('account.passkeys.title')}>
        <p className="text-sm">
          <Link to="/account/passkeys" className="text-brand underline">{t('account.passkeys.link')}</Link>
        </p>
      </Section>
      <Sessions list={() => api.GET('/api/v1/me/sessions')} end={(id, headers) => api.DELETE('/api/v1/me/sessions/{id}', { params: { path: { id } }, headers })} />
    </Page>
  );
}
