import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useAuth } from '../api/session.js';
import { useT, type MessageId } from '../i18n/intl.js';
import { PlainAlert, PlainInput, PlainSubmit } from './PlainForm.js';

const REFUSALS: Record<string, MessageId> = {
  'core.invalid_code': 'signIn.mfa.wrongCode',
  'core.invalid_mfa_token': 'signIn.mfa.expired',
  'control.invalid_code': 'signIn.mfa.wrongCode',
  'control.invalid_mfa_token': 'signIn.mfa.expired',
  'core.passkey_verification_failed': 'signIn.passkey.refused',
  passkey_cancelled: 'signIn.passkey.cancelled',
  rate_limited: 'signIn.tooManyAttempts',
};

/**
 * The second step of a sign-in (docs/security.md, two-step sign-in): a code from the
 * authenticator app or a recovery code; with `enrol`, first the secret to add to the app (a
 * role of the user requires two-step sign-in), then the recovery codes, shown once, before
 * the workspace opens.
 */
export function SignInSecondStep({ enrol, onRestart }: { enrol: boolean; onRestart: () => void }) {
  const t = useT();
  const auth = useAuth();
  const [code, setCode] = useState('');
  const [touched, setTouched] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [secret, setSecret] = useState<{ secret: string; otpauthUri: string } | null>(null);
  const [done, setDone] = useState<{ recoveryCodes: string[]; finish: () => void } | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const methods = auth.secondStepMethods();
  const passkey = !enrol && methods.includes('passkey');
  // A user whose only second factor is a passkey has no code to type.
  const codes = enrol || methods.length === 0 || methods.some((m) => m !== 'passkey');

  useEffect(() => {
    if (enrol) void auth.enrolAtSignIn().then((s) => (s ? setSecret(s) : setRefusal(t('signIn.mfa.expired'))));
    input.current?.focus();
  }, [enrol, auth, t]);

  async function withPasskey() {
    setBusy(true);
    setRefusal(null);
    const refused = await auth.secondStepWithPasskey().catch(() => 'network');
    setBusy(false);
    if (refused) setRefusal(t(REFUSALS[refused] ?? 'signIn.failed'));
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (!code.trim()) return input.current?.focus();
    setBusy(true);
    setRefusal(null);
    const result = await auth.secondStep(code.trim()).catch(() => ({ code: 'network' }) as const);
    setBusy(false);
    if ('recoveryCodes' in result && result.recoveryCodes && result.finish) return setDone({ recoveryCodes: result.recoveryCodes, finish: result.finish });
    if (result.code) setRefusal(t(REFUSALS[result.code] ?? 'signIn.failed'));
  }

  if (done) {
    return (
      <div className="space-y-4">
        <p role="status" className="text-sm">{t('signIn.mfa.recoveryCodes')}</p>
        <ul className="grid grid-cols-2 gap-1 font-mono text-sm" aria-label={t('signIn.mfa.recoveryCodesList')}>
          {done.recoveryCodes.map((c) => <li key={c}>{c}</li>)}
        </ul>
        <button type="button" onClick={done.finish} className="rounded-md bg-brand px-3 py-1.5 text-sm font-medium text-white outline-none focus-visible:ring-2 focus-visible:ring-brand focus-visible:ring-offset-2">
          {t('signIn.mfa.continue')}
        </button>
      </div>
    );
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="max-w-xl space-y-4">
      {refusal ? <PlainAlert>{refusal}</PlainAlert> : null}
      {enrol ? (
        <div className="space-y-2 text-sm">
          <p>{t('signIn.mfa.enrolText')}</p>
          {secret ? (
            <dl className="space-y-1">
              <dt className="font-medium">{t('signIn.mfa.secret')}</dt>
              <dd className="font-mono break-all" data-testid="totp-secret">{secret.secret}</dd>
              <dt className="font-medium">{t('signIn.mfa.uri')}</dt>
              <dd className="font-mono break-all">{secret.otpauthUri}</dd>
            </dl>
          ) : null}
        </div>
      ) : (
        <p className="text-sm">{t(codes ? (passkey ? 'signIn.mfa.textOrPasskey' : 'signIn.mfa.text') : 'signIn.mfa.passkeyText')}</p>
      )}
      {passkey ? (
        <button type="button" disabled={busy} onClick={() => void withPasskey()} className="rounded-md bg-brand px-3 py-1.5 text-sm font-medium text-white outline-none focus-visible:ring-2 focus-visible:ring-brand focus-visible:ring-offset-2 disabled:opacity-60">
          {t('signIn.mfa.usePasskey')}
        </button>
      ) : null}
      {codes ? (
      <PlainInput
        name="code"
        label={t('signIn.mfa.code')}
        type="text"
        autoComplete="one-time-code"
        value={code}
        error={touched && !code.trim() ? t('form.required') : null}
        inputRef={input}
        onChange={setCode}
        onBlur={() => setTouched(true)}
      />
      ) : null}
      <div className="flex items-center justify-between gap-4">
        {codes ? <PlainSubmit busy={busy}>{t('signIn.mfa.submit')}</PlainSubmit> : null}
        <button type="button" onClick={onRestart} className="text-sm text-brand underline-offset-2 outline-none hover:underline focus-visible:ring-2 focus-visible:ring-brand">
          {t('signIn.mfa.restart')}
        </button>
      </div>
    </form>
  );
}
