import { useState } from 'react';
import { useAuth } from '../api/session.js';
import { useT, type MessageId } from '../i18n/intl.js';
import { ApiForm } from './form.js';
import { TextInput } from './fields.js';
import { useForm } from 'react-hook-form';
import { LocaleSwitch } from './LocaleSwitch.js';

const REFUSALS: Record<string, MessageId> = {
  invalid_credentials: 'signIn.invalidCredentials',
  account_disabled: 'signIn.accountDisabled',
  rate_limited: 'signIn.tooManyAttempts',
};

/** The sign-in page of the console or of one tenant's workspace: `Email`, `Password`, `Sign in`. */
export function SignInPage({ heading }: { heading: string }) {
  const t = useT();
  const auth = useAuth();
  const form = useForm<{ email: string; password: string }>({ defaultValues: { email: '', password: '' }, mode: 'onTouched' });
  const [refusal, setRefusal] = useState<string | null>(null);
  const onSubmit = form.handleSubmit(async ({ email, password }) => {
    setRefusal(null);
    const code = await auth.signIn(email, password).catch(() => 'network');
    if (code) setRefusal(t(REFUSALS[code] ?? 'signIn.failed'));
  });
  return (
    <div className="flex min-h-screen items-center justify-center p-4">
      <main className="w-full max-w-sm space-y-6 rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
        <h1 className="text-xl font-semibold">{heading}</h1>
        <ApiForm form={form} formError={refusal} onSubmit={onSubmit} submitLabel={t('signIn.submit')}>
          <TextInput control={form.control} name="email" type="email" autoComplete="username" label={t('signIn.email')} rules={{ required: t('form.required') }} />
          <TextInput control={form.control} name="password" type="password" autoComplete="current-password" label={t('signIn.password')} rules={{ required: t('form.required') }} />
        </ApiForm>
        <LocaleSwitch />
      </main>
    </div>
  );
}
