import { useId, useState } from 'react';
import { useAuth } from '../api/session.js';
import { useT } from '../i18n/intl.js';
import { Button } from './Button.js';

/**
 * A form's step-up: the action answered `mfa_required` (it needs a second factor given within
 * the last 15 minutes), so the form asks for a code, steps up with it and, once the session's
 * token allows the action, sends itself again (`onDone`). ConfirmAction does the same in its dialog.
 */
export function StepUpField({ onDone }: { onDone: () => void }) {
  const t = useT();
  const auth = useAuth();
  const id = useId();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function verify() {
    setBusy(true);
    setError(null);
    try {
      const refused = await auth.stepUp(code.trim());
      if (refused) return setError(t(refused === 'rate_limited' ? 'signIn.tooManyAttempts' : 'stepUp.wrongCode'));
      onDone();
    } catch {
      setError(t('form.networkError'));
    } finally {
      setBusy(false);
    }
  }
  return (
    <div className="rounded-md border border-amber-200 bg-amber-50 p-3">
      <p className="mb-2 text-sm">{t('stepUp.formText')}</p>
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">{t('stepUp.code')}</label>
      <input
        id={id}
        value={code}
        onChange={(e) => setCode(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            void verify();
          }
        }}
        autoComplete="one-time-code"
        className="mt-1 w-full max-w-xs rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm outline-none focus-visible:ring-2 focus-visible:ring-brand"
      />
      {error ? <p role="alert" className="mt-2 text-sm text-red-800">{error}</p> : null}
      <Button variant="secondary" className="mt-2" isDisabled={busy || code.trim() === ''} onPress={() => void verify()}>{t('stepUp.verify')}</Button>
    </div>
  );
}
