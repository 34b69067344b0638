import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '../api/problem.js';
import { useAuth } from '../api/session.js';
import { useLocale, useT } from '../i18n/intl.js';
import { ConfirmAction } from './confirm.js';
import { Section } from './DetailList.js';
import { TextInput } from './fields.js';
import { ApiForm, useApiForm } from './form.js';
import { formatTimestamp } from './dates.js';

/** An API call's answer as openapi-fetch gives it. */
type Answer<T = unknown> = { data?: T; error?: unknown; response: Response };

/** One open session (sign-in) of the signed-in user or operator, as `/me/sessions` lists it. */
export interface SessionRow {
  id: string;
  startedAt: string | Date;
  lastActiveAt: string | Date;
  expiresAt: string | Date;
  current: boolean;
}

/** The query of the sessions list (the password form refreshes it: a new password ends the others). */
const SESSIONS = ['sessions'];

/**
 * The password change of an account page, the workspace's (`/api/v1/me/password`) or the
 * console's (`/control/v1/me/password`): the caller gives the call.
 */
export function PasswordForm({ change }: { change: (body: { currentPassword: string; newPassword: string }) => Promise<Answer> }) {
  const t = useT();
  const queries = useQueryClient();
  const [changed, setChanged] = useState(false);
  const { form, formError, onSubmit } = useApiForm<{ currentPassword: string; newPassword: string }>({ defaultValues: { currentPassword: '', newPassword: '' } });
  const submit = onSubmit(
    (v) => {
      setChanged(false);
      return change(v);
    },
    () => {
      form.reset();
      setChanged(true);
      void queries.invalidateQueries({ queryKey: SESSIONS });
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

/**
 * The open sessions of an account page, each with "Sign out" (the current one signs this page
 * out): the caller gives the list and the end calls, the workspace's or the console's.
 */
export function Sessions({ list, end }: { list: () => Promise<Answer<{ data: SessionRow[] }>>; end: (id: string, headers: Record<string, string>) => Promise<Answer> }) {
  const t = useT();
  const auth = useAuth();
  const queries = useQueryClient();
  const { locale } = useLocale();
  const [notice, setNotice] = useState<string | null>(null);
  const sessions = useQuery({ queryKey: SESSIONS, queryFn: async () => unwrap(await list()) });
  const when = (at: string | Date) => formatTimestamp(at, locale);
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
                      run={(headers) => end(s.id, headers)}
                      onDone={() => {
                        if (s.current) return void auth.signOut();
                        setNotice(t('account.sessions.signedOut'));
                        void queries.invalidateQueries({ queryKey: SESSIONS });
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
