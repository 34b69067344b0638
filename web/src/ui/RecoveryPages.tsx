import { useRef, useState, type FormEvent } from 'react';
import type { Problem } from '@courtyard/sdk';
import type { Plane } from '../api/plane.js';
import { asProblem } from '../api/problem.js';
import { useApi } from '../api/session.js';
import { useT } from '../i18n/intl.js';
import { linkStyle, PlainAlert, PlainInput, PlainPage, PlainSubmit, recoveryHref } from './PlainForm.js';

/**
 * Account recovery, before anyone signs in: "Forgot password?" asks for the e-mail address, and
 * the e-mail's link opens the reset page with its token in the fragment (never sent to a
 * server's logs). The console's operators and a workspace's users each have their own pair.
 */

const MIN_PASSWORD = 12;

function BackToSignIn({ plane }: { plane: Plane }) {
  const t = useT();
  return (
    <a href={recoveryHref(plane, null)} className={linkStyle}>
      {t('recovery.backToSignIn')}
    </a>
  );
}

export function ForgotPasswordPage({ plane }: { plane: Plane }) {
  const t = useT();
  const api = useApi();
  const [email, setEmail] = useState('');
  const [touched, setTouched] = useState(false);
  const [state, setState] = useState<'idle' | 'busy' | 'sent' | 'limited' | 'failed'>('idle');
  const input = useRef<HTMLInputElement>(null);
  const error = touched && !email.trim() ? t('form.required') : null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (!email.trim()) return input.current?.focus();
    setState('busy');
    const body = { email: email.trim() };
    const answer = await (plane.kind === 'console' ? api.POST('/control/v1/auth/password-reset', { body }) : api.POST('/api/v1/auth/password-reset', { body })).catch(() => null);
    setState(answer?.response.status === 202 ? 'sent' : answer?.response.status === 429 ? 'limited' : 'failed');
  }

  return (
    <PlainPage heading={t('recovery.forgot.title')}>
      {state === 'sent' ? (
        <p role="status" className="text-sm text-slate-700">
          {t('recovery.forgot.sent', { email: email.trim() })}
        </p>
      ) : (
        <form onSubmit={(e) => void submit(e)} noValidate className="space-y-4">
          <p className="text-sm text-slate-600">{t('recovery.forgot.text')}</p>
          {state === 'limited' ? <PlainAlert>{t('signIn.tooManyAttempts')}</PlainAlert> : state === 'failed' ? <PlainAlert>{t('form.networkError')}</PlainAlert> : null}
          <PlainInput name="email" label={t('signIn.email')} type="email" autoComplete="username" value={email} error={error} inputRef={input} onChange={setEmail} onBlur={() => setTouched(true)} />
          <PlainSubmit busy={state === 'busy'}>{t('recovery.forgot.submit')}</PlainSubmit>
        </form>
      )}
      <BackToSignIn plane={plane} />
    </PlainPage>
  );
}

/** The reset token, from the link's fragment (`#token=…`). */
const tokenOf = (hash: string) => new URLSearchParams(hash.replace(/^#/, '')).get('token');

export function ResetPasswordPage({ plane }: { plane: Plane }) {
  const t = useT();
  const api = useApi();
  const [token] = useState(() => tokenOf(location.hash));
  const [password, setPassword] = useState('');
  const [touched, setTouched] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<Problem | null>(null);
  const [state, setState] = useState<'idle' | 'busy' | 'done'>('idle');
  const input = useRef<HTMLInputElement>(null);
  const tooShort = [...password].length < MIN_PASSWORD;
  const error = serverError ?? (touched && tooShort ? t('recovery.reset.tooShort', { min: MIN_PASSWORD }) : null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (tooShort || !token) return input.current?.focus();
    setState('busy');
    setServerError(null);
    setRefusal(null);
    const body = { token, password };
    const answer = await (plane.kind === 'console' ? api.POST('/control/v1/auth/password-reset/confirm', { body }) : api.POST('/api/v1/auth/password-reset/confirm', { body })).catch(() => null);
    if (answer?.response.ok) {
      // The token is spent: it leaves the address bar (and the history entry) with the page.
      history.replaceState(null, '', location.pathname);
      return setState('done');
    }
    setState('idle');
    if (!answer) return setRefusal({ code: 'network' } as Problem);
    const problem = asProblem(answer.error, answer.response);
    const field = problem.errors?.find((e) => e.field === '/password');
    if (field) {
      setServerError(t(field.code === 'password_too_common' ? 'recovery.reset.common' : field.code === 'password_contains_context' ? 'recovery.reset.context' : 'recovery.reset.tooShort', { min: MIN_PASSWORD }));
      input.current?.focus();
    } else setRefusal(problem);
  }

  if (!token) {
    return (
      <PlainPage heading={t('recovery.reset.title')}>
        <PlainAlert>{t('recovery.reset.invalid')}</PlainAlert>
        <a href={recoveryHref(plane, 'forgot-password')} className={linkStyle}>
          {t('recovery.reset.again')}
        </a>
      </PlainPage>
    );
  }
  return (
    <PlainPage heading={t('recovery.reset.title')}>
      {state === 'done' ? (
        <p role="status" className="text-sm text-slate-700">
          {t('recovery.reset.done')}
        </p>
      ) : (
        <form onSubmit={(e) => void submit(e)} noValidate className="space-y-4">
          {refusal ? <PlainAlert>{refusal.code === 'invalid_token' ? t('recovery.reset.invalid') : refusal.code === 'network' ? t('form.networkError') : refusal.detail}</PlainAlert> : null}
          <PlainInput
            name="password"
            label={t('recovery.reset.password')}
            type="password"
            autoComplete="new-password"
            value={password}
            error={error}
            description={t('recovery.reset.help', { min: MIN_PASSWORD })}
            inputRef={input}
            onChange={(v) => {
              setPassword(v);
              setServerError(null);
            }}
            onBlur={() => setTouched(true)}
          />
          <PlainSubmit busy={state === 'busy'}>{t('recovery.reset.submit')}</PlainSubmit>
        </form>
      )}
      {refusal?.code === 'invalid_token' ? (
        <a href={recoveryHref(plane, 'forgot-password')} className={`${linkStyle} block`}>
          {t('recovery.reset.again')}
        </a>
      ) : null}
      <BackToSignIn plane={plane} />
    </PlainPage>
  );
}
