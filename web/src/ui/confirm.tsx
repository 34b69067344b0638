import { useId, useRef, useState, type ReactNode } from 'react';
import { Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { asProblem } from '../api/problem.js';
import { useAuth } from '../api/session.js';
import { useT } from '../i18n/intl.js';
import { Button } from './Button.js';
import { newIdempotencyKey } from './form.js';

export type Answer = { data?: unknown; error?: unknown; response: Response };

/**
 * A destructive or money-moving action: a button that opens a dialog saying what will happen,
 * and only its confirm button sends the request, with an Idempotency-Key kept while the outcome
 * is unknown (network error, 5xx) so a second click cannot do the work twice. A refusal is
 * shown in the dialog; `children` may hold fields (a reason, an amount) the action reads. An
 * action that needs a recent second factor (`mfa_required`, docs/security.md) asks for a code
 * (or a passkey) in the dialog, steps up with it and is sent again.
 */
export function ConfirmAction({ label, title, description, confirmLabel, variant = 'secondary', isDisabled, confirmDisabled, run, onDone, children }: {
  label: string;
  title: string;
  description: ReactNode;
  confirmLabel?: string;
  variant?: 'primary' | 'secondary' | 'danger';
  isDisabled?: boolean;
  /** The confirm button waits for this to be false (a typed confirmation in `children`). */
  confirmDisabled?: boolean;
  run: (headers: Record<string, string>) => Promise<Answer>;
  onDone?: (data: unknown) => void;
  children?: ReactNode;
}) {
  const t = useT();
  const auth = useAuth();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [stepUp, setStepUp] = useState<string | null>(null);
  const key = useRef<string | null>(null);
  const codeId = useId();
  async function confirm(withPasskey = false) {
    setBusy(true);
    setError(null);
    try {
      if (withPasskey) {
        const refused = await auth.stepUpWithPasskey();
        if (refused) return setError(t(refused === 'rate_limited' ? 'signIn.tooManyAttempts' : 'stepUp.passkeyRefused'));
        setStepUp(null);
      } else if (stepUp !== null) {
        const refused = await auth.stepUp(stepUp.trim());
        if (refused) return setError(t(refused === 'rate_limited' ? 'signIn.tooManyAttempts' : 'stepUp.wrongCode'));
        setStepUp(null);
      }
      const answer = await run({ 'idempotency-key': (key.current ??= newIdempotencyKey()) });
      if (answer.response.status < 500) key.current = null;
      if (answer.response.ok) {
        setOpen(false);
        onDone?.(answer.data);
      } else {
        const problem = asProblem(answer.error, answer.response);
        if (problem.code === 'mfa_required') setStepUp('');
        setError([problem.detail, ...(problem.errors ?? []).map((e) => `${e.field} ${e.message}`)].filter(Boolean).join(' — '));
      }
    } catch {
      setError(t('form.networkError'));
    } finally {
      setBusy(false);
    }
  }
  return (
    <DialogTrigger isOpen={open} onOpenChange={(next) => { setOpen(next); if (!next) { setError(null); setStepUp(null); } }}>
      <Button variant={variant} isDisabled={isDisabled}>{label}</Button>
      <ModalOverlay isDismissable className="fixed inset-0 z-40 flex items-center justify-center bg-slate-900/40 p-4">
        <Modal className="w-full max-w-md rounded-lg bg-white p-6 shadow-xl">
          <Dialog role="alertdialog" className="space-y-4 outline-none">
            <Heading slot="title" className="text-lg font-semibold">{title}</Heading>
            <div className="text-sm text-slate-700">{description}</div>
            {children}
            {stepUp !== null ? (
              <div>
                <label htmlFor={codeId} className="block text-sm font-medium text-slate-700">{t('stepUp.code')}</label>
                <input id={codeId} value={stepUp} onChange={(e) => setStepUp(e.target.value)} autoComplete="one-time-code" className="mt-1 w-full rounded-md border border-slate-300 px-3 py-1.5 text-sm outline-none focus-visible:ring-2 focus-visible:ring-brand" />
                {auth.passkeys && typeof window.PublicKeyCredential === 'function' ? (
                  <Button variant="secondary" className="mt-2" isDisabled={busy} onPress={() => void confirm(true)}>{t('stepUp.usePasskey')}</Button>
                ) : null}
              </div>
            ) : null}
            {error ? <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">{error}</p> : null}
            <div className="flex justify-end gap-2">
              <Button variant="secondary" onPress={() => setOpen(false)}>{t('confirm.cancel')}</Button>
              <Button variant={variant === 'danger' ? 'danger' : 'primary'} isDisabled={busy || confirmDisabled} onPress={() => void confirm()}>{confirmLabel ?? label}</Button>
            </div>
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}
