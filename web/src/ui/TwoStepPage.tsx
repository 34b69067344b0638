import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { unwrap } from '../api/problem.js';
import { useT } from '../i18n/intl.js';
import { Section } from './DetailList.js';
import { TextInput } from './fields.js';
import { ApiForm, useApiForm } from './form.js';
import { Page } from './Page.js';
import { TotpQrCode } from './TotpQrCode.js';

type Answer = { data?: unknown; error?: unknown; response: Response };
type Status = { totp: { enrolled: boolean }; recoveryCodesRemaining: number; required: boolean; passkeys?: number };

/** The calls of a plane's two-step settings: the workspace's `/api/v1/me/mfa…`, the console's `/control/v1/me/mfa…`. */
export interface TwoStepCalls {
  key: string;
  status: () => Promise<{ data?: Status; error?: unknown; response: Response }>;
  start: () => Promise<{ data?: { secret: string; otpauthUri: string } | { replayed: true }; error?: unknown; response: Response }>;
  confirm: (code: string) => Promise<Answer>;
  disable: (code: string) => Promise<Answer>;
}

/** A code field: 6 digits from the app, or a recovery code. */
function CodeForm({ submitLabel, send, onDone }: { submitLabel: string; send: (code: string) => Promise<{ data?: unknown; error?: unknown; response: Response }>; onDone: (data: unknown) => void }) {
  const t = useT();
  const { form, formError, onSubmit } = useApiForm<{ code: string }>({ defaultValues: { code: '' } });
  const submit = onSubmit((v) => send(v.code.trim()), onDone);
  return (
    <ApiForm form={form} formError={formError} onSubmit={submit} submitLabel={submitLabel}>
      <TextInput control={form.control} name="code" label={t('account.twoStep.code')} autoComplete="one-time-code" rules={{ required: t('form.required') }} />
    </ApiForm>
  );
}

function RecoveryCodes({ codes }: { codes: string[] }) {
  const t = useT();
  return (
    <Section title={t('account.twoStep.recoveryCodes.list')}>
      <p role="status" className="mb-3 text-sm">{t('account.twoStep.recoveryCodes.text')}</p>
      <ul className="grid max-w-sm grid-cols-2 gap-1 font-mono text-sm" data-testid="recovery-codes">
        {codes.map((c) => <li key={c}>{c}</li>)}
      </ul>
    </Section>
  );
}

/**
 * Two-step sign-in of the signed-in user (a tenant's user or an operator): enrol an
 * authenticator app, see the recovery codes once, turn it off. `title` and `children` let a
 * page of wider scope (the portal's Security: passkeys too) be built around it.
 */
export function TwoStepPage({ calls, actions, text, title, children }: { calls: TwoStepCalls; actions?: ReactNode; text: string; title?: string; children?: ReactNode }) {
  const t = useT();
  const queries = useQueryClient();
  const status = useQuery({ queryKey: [calls.key, 'mfa'], queryFn: async () => unwrap(await calls.status()) });
  const [enrolment, setEnrolment] = useState<{ secret: string; otpauthUri: string } | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [startError, setStartError] = useState(false);
  const refresh = () => void queries.invalidateQueries({ queryKey: [calls.key, 'mfa'] });

  async function start() {
    setNotice(null);
    setStartError(false);
    const r = await calls.start();
    if (r.data && 'secret' in r.data) setEnrolment(r.data);
    else setStartError(true);
  }

  const s = status.data;
  return (
    <Page title={title ?? t('account.twoStep.title')} actions={actions}>
      <p className="mb-4 max-w-2xl text-sm text-slate-600">{text}</p>
      {notice ? <p role="status" className="mb-3 text-sm text-green-800">{notice}</p> : null}
      {codes ? <RecoveryCodes codes={codes} /> : null}
      {!s ? <p className="text-sm text-slate-600">{status.error ? t('list.failed') : t('list.loading')}</p> : null}
      {s?.totp.enrolled ? (
        <Section title={t('account.twoStep.on')}>
          <p className="mb-3 text-sm" data-testid="two-step-state">{t('account.twoStep.onText', { count: s.recoveryCodesRemaining })}</p>
          {s.required ? <p className="mb-3 text-sm text-slate-600">{t('account.twoStep.requiredText')}</p> : null}
          <CodeForm
            submitLabel={t('account.twoStep.turnOff')}
            send={calls.disable}
            onDone={() => {
              setCodes(null);
              setNotice(t('account.twoStep.turnedOff'));
              refresh();
            }}
          />
        </Section>
      ) : null}
      {s && !s.totp.enrolled ? (
        <Section title={t(s.passkeys ? 'account.twoStep.passkeysOnly' : 'account.twoStep.off')}>
          {s.passkeys ? <p className="mb-3 text-sm" data-testid="two-step-state">{t('account.twoStep.passkeysOnlyText', { count: s.passkeys })}</p> : null}
          {s.required ? <p className="mb-3 text-sm">{t('account.twoStep.requiredText')}</p> : null}
          {enrolment ? (
            <>
              <p className="mb-2 text-sm">{t('account.twoStep.enrolText')}</p>
              <TotpQrCode uri={enrolment.otpauthUri} label={t('account.twoStep.qr')} />
              <dl className="mb-4 max-w-2xl space-y-1 text-sm">
                <dt className="font-medium">{t('account.twoStep.secret')}</dt>
                <dd className="font-mono break-all" data-testid="totp-secret">{enrolment.secret}</dd>
                <dt className="font-medium">{t('account.twoStep.uri')}</dt>
                <dd className="font-mono break-all">{enrolment.otpauthUri}</dd>
              </dl>
              <CodeForm
                submitLabel={t('account.twoStep.confirm')}
                send={calls.confirm}
                onDone={(data) => {
                  setEnrolment(null);
                  setCodes((data as { recoveryCodes: string[] }).recoveryCodes);
                  refresh();
                }}
              />
            </>
          ) : (
            <>
              {startError ? <p role="alert" className="mb-3 text-sm text-red-800">{t('account.twoStep.startFailed')}</p> : null}
              <button type="button" onClick={() => void start()} className="rounded-md bg-brand px-3 py-1.5 text-sm font-medium text-white outline-none focus-visible:ring-2 focus-visible:ring-brand focus-visible:ring-offset-2">
                {t('account.twoStep.start')}
              </button>
            </>
          )}
        </Section>
      ) : null}
      {children}
    </Page>
  );
}
