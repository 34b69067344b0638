import { useId, useRef, useState, type FormEvent, type RefObject } from 'react';
import { useAuth } from '../api/session.js';
import { LOCALES, useLocale, useT, type MessageId } from '../i18n/intl.js';

const REFUSALS: Record<string, MessageId> = {
  invalid_credentials: 'signIn.invalidCredentials',
  account_disabled: 'signIn.accountDisabled',
  rate_limited: 'signIn.tooManyAttempts',
};

const inputStyle = 'mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm outline-none focus:border-brand focus:ring-2 focus:ring-brand/30 aria-[invalid=true]:border-red-600';

type Field = 'email' | 'password';

function Input({ field, label, type, autoComplete, value, error, inputRef, onChange, onBlur }: { field: Field; label: string; type: string; autoComplete: string; value: string; error: string | null; inputRef: RefObject<HTMLInputElement | null>; onChange: (v: string) => void; onBlur: () => void }) {
  const id = useId();
  return (
    <div className="block">
      <label htmlFor={id} className="text-sm font-medium text-slate-700">
        {label}
      </label>
      <input
        ref={inputRef}
        id={id}
        name={field}
        type={type}
        autoComplete={autoComplete}
        value={value}
        required
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => onChange(e.target.value)}
        onBlur={onBlur}
        className={inputStyle}
      />
      {error ? (
        <span id={`${id}-error`} className="mt-1 block text-sm text-red-700">
          {error}
        </span>
      ) : null}
    </div>
  );
}

/**
 * The sign-in page of the console or of one tenant's workspace: `Email`, `Password`, `Sign in`.
 * It is the first thing a page shows, so it is built from plain elements (no form library, no
 * react-aria widgets): the first chunk stays small (docs/web.md, budgets). `onSubmit` lets the
 * page start loading the application while the credentials are checked.
 */
export function SignInPage({ heading, onSubmit }: { heading: string; onSubmit?: () => void }) {
  const t = useT();
  const auth = useAuth();
  const { locale, setLocale } = useLocale();
  const [values, setValues] = useState({ email: '', password: '' });
  const [touched, setTouched] = useState({ email: false, password: false });
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const refs = { email: useRef<HTMLInputElement>(null), password: useRef<HTMLInputElement>(null) };
  const localeId = useId();
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
    if (code) setRefusal(t(REFUSALS[code] ?? 'signIn.failed'));
  }

  const field = (name: Field, type: string, autoComplete: string, label: string) => (
    <Input
      field={name}
      label={label}
      type={type}
      autoComplete={autoComplete}
      value={values[name]}
      error={errorOf(name)}
      inputRef={refs[name]}
      onChange={(v) => setValues((s) => ({ ...s, [name]: v }))}
      onBlur={() => setTouched((s) => ({ ...s, [name]: true }))}
    />
  );

  return (
    <div className="flex min-h-screen items-center justify-center p-4">
      <main className="w-full max-w-sm space-y-6 rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
        <h1 className="text-xl font-semibold">{heading}</h1>
        <form onSubmit={(e) => void submit(e)} noValidate className="max-w-xl space-y-4">
          {refusal ? (
            <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
              {refusal}
            </p>
          ) : null}
          {field('email', 'email', 'username', t('signIn.email'))}
          {field('password', 'password', 'current-password', t('signIn.password'))}
          <button
            type="submit"
            disabled={busy}
            className="inline-flex items-center gap-2 rounded-md bg-brand px-3 py-1.5 text-sm font-medium text-white outline-none hover:brightness-110 focus-visible:ring-2 focus-visible:ring-brand focus-visible:ring-offset-2 disabled:opacity-50"
          >
            {t('signIn.submit')}
          </button>
        </form>
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
      </main>
    </div>
  );
}
