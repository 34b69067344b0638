import { useRef, useState, type FormEvent } from 'react';
import { tenantHomes, type Plane } from '../api/plane.js';
import { asProblem } from '../api/problem.js';
import { useApi, useAuth } from '../api/session.js';
import { useT, type MessageId } from '../i18n/intl.js';
import { linkStyle, PlainAlert, PlainInput, PlainPage, PlainSubmit, recoveryHref } from '../ui/PlainForm.js';
import { landingOf } from './landing.js';

/**
 * The page the invitation e-mail links to (`{tenant}/accept-invitation#token=…`; the token is in
 * the fragment, so it never reaches a server's logs). The invited person chooses a password
 * (NIST rules: the server's field errors are shown on the field), is signed in with it, and
 * lands in the member portal when their account is a member's, in the workspace otherwise.
 * The e-mail address is asked for only to sign in afterwards: the invitation does not carry it.
 */

const MIN_PASSWORD = 12;
const REFUSALS: Record<string, MessageId> = {
  password_too_common: 'portal.accept.common',
  password_contains_context: 'portal.accept.context',
  password_too_short: 'portal.accept.tooShort',
};

const tokenOf = (hash: string) => new URLSearchParams(hash.replace(/^#/, '')).get('token');

export function AcceptInvitationPage({ plane }: { plane: Plane }) {
  const t = useT();
  const api = useApi();
  const auth = useAuth();
  const [token] = useState(() => tokenOf(location.hash));
  const [values, setValues] = useState({ email: '', password: '' });
  const [touched, setTouched] = useState({ email: false, password: false });
  const [serverError, setServerError] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<'invalid' | 'network' | 'other' | null>(null);
  const [state, setState] = useState<'idle' | 'busy' | 'accepted'>('idle');
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const tooShort = [...values.password].length < MIN_PASSWORD;
  const emailError = touched.email && !values.email.trim() ? t('form.required') : null;
  const passwordError = serverError ?? (touched.password && tooShort ? t('portal.accept.tooShort', { min: MIN_PASSWORD }) : null);
  const homes = tenantHomes(plane);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTouched({ email: true, password: true });
    if (!values.email.trim()) return emailRef.current?.focus();
    if (tooShort || !token) return passwordRef.current?.focus();
    setState('busy');
    setServerError(null);
    setRefusal(null);
    const answer = await api.POST('/api/v1/auth/accept-invitation', { body: { token, password: values.password } }).catch(() => null);
    if (!answer) return (setState('idle'), setRefusal('network'));
    if (!answer.response.ok) {
      setState('idle');
      const problem = asProblem(answer.error, answer.response);
      const field = problem.errors?.find((e) => e.field === '/password');
      if (field) {
        setServerError(t(REFUSALS[field.code ?? ''] ?? 'portal.accept.tooShort', { min: MIN_PASSWORD }));
        return passwordRef.current?.focus();
      }
      return setRefusal(problem.code === 'invalid_token' ? 'invalid' : 'other');
    }
    // The token is spent: it leaves the address bar (and the history entry) with the page.
    history.replaceState(null, '', location.pathname);
    setState('accepted');
    const refused = await auth.signIn(values.email.trim(), values.password).catch(() => 'network');
    // A second step, a wrong address: the sign-in page of where they belong takes it from here.
    const where = refused ? homes.portal : await landingOf(api, homes);
    location.assign(where);
  }

  if (!token) {
    return (
      <PlainPage heading={t('portal.accept.title')}>
        <PlainAlert>{t('portal.accept.invalid')}</PlainAlert>
        <a href={homes.portal} className={linkStyle}>
          {t('portal.accept.toSignIn')}
        </a>
      </PlainPage>
    );
  }
  return (
    <PlainPage heading={t('portal.accept.title')}>
      {state === 'accepted' ? (
        <p role="status" className="text-sm text-slate-700">
          {t('portal.accept.done')}
        </p>
      ) : (
        <form onSubmit={(e) => void submit(e)} noValidate className="space-y-4">
          <p className="text-sm text-slate-600">{t('portal.accept.text')}</p>
          {refusal ? <PlainAlert>{t(refusal === 'invalid' ? 'portal.accept.invalid' : refusal === 'network' ? 'form.networkError' : 'portal.accept.failed')}</PlainAlert> : null}
          <PlainInput
            name="email"
            label={t('signIn.email')}
            type="email"
            autoComplete="username"
            value={values.email}
            error={emailError}
            description={t('portal.accept.emailHelp')}
            inputRef={emailRef}
            onChange={(v) => setValues((s) => ({ ...s, email: v }))}
            onBlur={() => setTouched((s) => ({ ...s, email: true }))}
          />
          <PlainInput
            name="password"
            label={t('portal.accept.password')}
            type="password"
            autoComplete="new-password"
            value={values.password}
            error={passwordError}
            description={t('portal.accept.help', { min: MIN_PASSWORD })}
            inputRef={passwordRef}
            onChange={(v) => {
              setValues((s) => ({ ...s, password: v }));
              setServerError(null);
            }}
            onBlur={() => setTouched((s) => ({ ...s, password: true }))}
          />
          <PlainSubmit busy={state === 'busy'}>{t('portal.accept.submit')}</PlainSubmit>
        </form>
      )}
      {refusal === 'invalid' ? (
        <a href={recoveryHref(plane, 'forgot-password')} className={`${linkStyle} block`}>
          {t('portal.accept.forgot')}
        </a>
      ) : null}
    </PlainPage>
  );
}
