import { useId, useRef, useState, type FormEvent } from 'react';
import { useAuth } from '../api/session.js';
import { planeOf } from '../api/plane.js';
import { LOCALES, useLocale, useT, type MessageId } from '../i18n/intl.js';
import { linkStyle, PlainAlert, PlainInput, PlainPage, PlainSubmit, recoveryHref } from './PlainForm.js';
import { SignInSecondStep } from './SignInSecondStep.js';
import { SignInSso } from './SignInSso.js';
import { useApi } from '../api/session.js';
import type { SsoDiscovery } from '../api/sso.js';

const REFUSALS: Record<string, MessageId> = {
  invalid_credentials: 'signIn.invalidCredentials',
  account_disabled: 'signIn.accountDisabled',
  rate_limited: 'signIn.tooManyAttempts',
  'core.sso_required': 'signIn.sso.requiredRefusal',
  'core.passkey_verification_failed': 'signIn.passkey.refused',
  'core.passkey_unavailable': 'signIn.passkey.unavailable',
  passkey_cancelled: 'signIn.passkey.cancelled',
};

type Field = 'email' | 'password';

/**
 * The sign-in page of the console or of one tenant's workspace: `Email`, `Password`, `Sign in`.
 * It is the first thing a page shows, so it is built from plain elements (ui/PlainForm): the
 * first chunk stays small (docs/web.md, budgets). `onSubmit` lets the page start loading the
 * application while the credentials are checked. "Forgot password?" leads to ui/RecoveryPages.
 */
export function SignInPage({ heading, onSubmit }: { heading: string; onSubmit?: () => void }) {
  const t = useT();
  const auth = useAuth();
  const api = useApi();
  const [discovery, setDiscovery] = useState<SsoDiscovery | null>(null);
  const { locale, setLocale } = useLocale();
  const [values, setValues] = useState({ email: '', password: '' });
  const [touched, setTouched] = useState({ email: false, password: false });
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [step, setStep] = useState<'password' | 'code' | 'enrol'>('password');
  const refs = { email: useRef<HTMLInputElement>(null), password: useRef<HTMLInputElement>(null) };
  const localeId = useId();
  // Once an address is typed, whether its domain signs in with a provider (workspace only).
  async function discover(email: string) {
    if (planeOf(location.pathname).kind !== 'workspace' || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) return setDiscovery(null);
    const r = await api.POST('/api/v1/auth/sso/discover', { body: { email } }).catch(() => null);
    setDiscovery(r?.data ?? null);
  }
  // Passkeys are the workspace's (tenant users), not the console's.
  const passkeys = planeOf(location.pathname).kind !== 'console' && typeof window.PublicKeyCredential === 'function';
  const errorOf = (field: Field) => (touched[field] && !values[field].trim() ? t('form.required') : null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTouched({ email: true, password: true });
    const missing = (['email', 'password'] as const).find((f) => !values[f].trim());
    if (missing) {
      refs[missing].current?.focus();
      return;
    }
    setRefusal(null);
    setBusy(true);
    onSubmit?.();
    const code = await auth.signIn(values.email.trim(), values.password).catch(() => 'network');
    setBusy(false);
    if (code === 'mfa_code' || code === 'mfa_enrolment_required') return setStep(code === 'mfa_code' ? 'code' : 'enrol');
    if (code) setRefusal(t(REFUSALS[code] ?? 'signIn.failed'));
  }

  async function withPasskey() {
    setRefusal(null);
    setBusy(true);
    onSubmit?.();
    const code = await auth.signInWithPasskey().catch(() => 'network');
    setBusy(false);
    if (code) setRefusal(t(REFUSALS[code] ?? 'signIn.failed'));
  }

  const field = (name: Field, type: string, autoComplete: string, label: string) => (
    <PlainInput
      name={name}
      label={label}
      type={type}
      autoComplete={autoComplete}
      value={values[name]}
      error={errorOf(name)}
      inputRef={refs[name]}
      onChange={(v) => setValues((s) => ({ ...s, [name]: v }))}
      onBlur={() => {
        setTouched((s) => ({ ...s, [name]: true }));
        if (name === 'email') void discover(values.email.trim());
      }}
    />
  );

  return (
    <PlainPage heading={heading}>
    {step !== 'password' ? (
      <SignInSecondStep
        enrol={step === 'enrol'}
        onRestart={() => {
          setValues((v) => ({ ...v, password: '' }));
          setStep('password');
        }}
      />
    ) : (
    <form onSubmit={(e) => void submit(e)} noValidate className="max-w-xl space-y-4">
      {refusal ? <PlainAlert>{refusal}</PlainAlert> : null}
      {field('email', 'email', 'username', t('signIn.email'))}
      {field('password', 'password', 'current-password', t('signIn.password'))}
      <div className="flex items-center justify-between gap-4">
        <PlainSubmit busy={busy}>{t('signIn.submit')}</PlainSubmit>
        <a href={recoveryHref(planeOf(location.pathname), 'forgot-password')} className={linkStyle}>
          {t('signIn.forgot')}
        </a>
      </div>
      {passkeys ? (
        <div className="border-t border-slate-200 pt-4">
          <button type="button" disabled={busy} onClick={() => void withPasskey()} className="rounded-md px-3 py-1.5 text-sm font-medium text-brand ring-1 ring-slate-300 outline-none hover:bg-slate-50 focus-visible:ring-2 focus-visible:ring-brand disabled:opacity-60">
            {t('signIn.passkey')}
          </button>
        </div>
      ) : null}
    </form>
    )}
    {step === 'password' ? <SignInSso discovery={discovery} /> : null}
    <div className="flex items-center gap-2 text-sm">
      <label htmlFor={localeId} className="text-slate-600">
        {t('shell.language')}
      </label>
      <select id={localeId} value={locale} onChange={(e) => setLocale(e.target.value)} className="rounded-md bg-white px-2 py-1 ring-1 ring-slate-300 outline-none focus-visible:ring-2 focus-visible:ring-brand">
        {Object.entries(LOCALES).map(([id, l]) => (
          <option key={id} value={id}>
            {l.name}
          </option>
        ))}
      </select>
    </div>
    </PlainPage>
  );
}
