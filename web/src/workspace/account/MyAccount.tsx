import { useState } from 'react';
import { Link } from '@tanstack/react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '../../api/problem.js';
import { useApi, useAuth } from '../../api/session.js';
import { LOCALES, useLocale, useT } from '../../i18n/intl.js';
import { ConfirmAction } from '../../ui/confirm.js';
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

function PasswordForm() {
  const t = useT();
  const api = useApi();
  const queries = useQueryClient();
  const [changed, setChanged] = useState(false);
  const { form, formError, onSubmit } = useApiForm<{ currentPassword: string; newPassword: string }>({ defaultValues: { currentPassword: '', newPassword: '' } });
  const submit = onSubmit(
    (v) => {
      setChanged(false);
      return api.POST('/api/v1/me/password', { body: v });
    },
    () => {
      form.reset();
      setChanged(true);
      void queries.invalidateQueries({ queryKey: ['sessions'] });
    },
  );
  return (
    <Section title={t('account.password')}>
      {changed ? <p role="status" className="mb-3 text-sm text-green-800">{t('account.passwordChanged')}</p> : null}
      <ApiForm form={form} formError={formError} onSubmit={submit} submitLabel={t('account.changePassword')}>
        <TextInput control={form.control} name="currentPassword" type="password" label={t('account.currentPassword')} autoComplete="current-password" rules={{ required: t('form.required') }} />
        <TextInput
          control={form.control}
          name="newPassword"
          type="password"
          label={t('account.newPassword')}
          autoComplete="new-password"
          description={t('account.newPassword.help')}
          rules={{ required: t('form.required'), validate: (v) => [...String(v)].length >= 12 || t('recovery.reset.tooShort', { min: 12 }) }}
        />
      </ApiForm>
    </Section>
  );
}

function Sessions() {
  const t = useT();
  const api = useApi();
  const auth = useAuth();
  const queries = useQueryClient();
  const { locale } = useLocale();
  const [notice, setNotice] = useState<string | null>(null);
  const sessions = useQuery({ queryKey: ['sessions'], queryFn: async () => unwrap(await api.GET('/api/v1/me/sessions')) });
  const when = (at: string | Date) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(at));
  const headers = [t('account.sessions.started'), t('account.sessions.lastActive'), t('account.sessions.expires'), t('account.sessions.actions')];
  return (
    <Section title={t('account.sessions')}>
      <p className="mb-3 text-sm text-slate-600">{t('account.sessions.text')}</p>
      {notice ? <p role="status" className="mb-3 text-sm text-green-800">{notice}</p> : null}
      {sessions.data ? (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{t('account.sessions')}</caption>
            <thead className="bg-slate-50 text-slate-600">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">{t('account.sessions.session')}</th>
                {headers.map((h) => (
                  <th key={h} scope="col" className="px-3 py-2 font-medium">{h}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {sessions.data.data.map((s) => (
                <tr key={s.id} className="border-t border-slate-100" data-testid={s.current ? 'current-session' : 'session'}>
                  <th scope="row" className="px-3 py-2 font-medium">{t(s.current ? 'account.sessions.current' : 'account.sessions.other')}</th>
                  <td className="px-3 py-2">{when(s.startedAt)}</td>
                  <td className="px-3 py-2">{when(s.lastActiveAt)}</td>
                  <td className="px-3 py-2">{when(s.expiresAt)}</td>
                  <td className="px-3 py-2">
                    <ConfirmAction
                      label={t('account.sessions.signOut')}
                      title={t('account.sessions.signOut.title')}
                      description={t('account.sessions.signOut.description')}
                      confirmLabel={t('account.sessions.signOut')}
                      run={(headers) => api.DELETE('/api/v1/me/sessions/{id}', { params: { path: { id: s.id } }, headers })}
                      onDone={() => {
                        if (s.current) return void auth.signOut();
                        setNotice(t('account.sessions.signedOut'));
                        void queries.invalidateQueries({ queryKey: ['sessions'] });
                      }}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="text-sm text-slate-600">{sessions.error ? t('list.failed') : t('list.loading')}</p>
      )}
    </Section>
  );
}

/** The signed-in user's own account: name and language, password, two-step sign-in, passkeys and sessions. */
export function MyAccount() {
  const t = useT();
  const me = useMe();
  return (
    <Page title={t('account.title')}>
      {me.data ? <ProfileForm me={me.data} /> : null}
      <PasswordForm />
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
      <Sessions />
    </Page>
  );
}
