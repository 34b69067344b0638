import { useState } from 'react';
import { Link } from '@tanstack/react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '../../api/problem.js';
import { useApi } from '../../api/session.js';
import { useT } from '../../i18n/intl.js';
import { Section } from '../../ui/DetailList.js';
import { TextInput } from '../../ui/fields.js';
import { ApiForm, useApiForm } from '../../ui/form.js';
import { Page } from '../../ui/Page.js';
import { TotpQrCode } from './TotpQrCode.js';

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

/** Two-step sign-in of the signed-in user: enrol an authenticator app, see the recovery codes once, turn it off. */
export function TwoStep() {
  const t = useT();
  const api = useApi();
  const queries = useQueryClient();
  const status = useQuery({ queryKey: ['me', 'mfa'], queryFn: async () => unwrap(await api.GET('/api/v1/me/mfa')) });
  const [enrolment, setEnrolment] = useState<{ secret: string; otpauthUri: string } | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [startError, setStartError] = useState(false);
  const refresh = () => void queries.invalidateQueries({ queryKey: ['me', 'mfa'] });

  async function start() {
    setNotice(null);
    setStartError(false);
    const r = await api.POST('/api/v1/me/mfa/totp');
    if (r.data && 'secret' in r.data) setEnrolment(r.data);
    else setStartError(true);
  }

  const s = status.data;
  return (
    <Page title={t('account.twoStep.title')} actions={<Link to="/account">{t('account.title')}</Link>}>
      <p className="mb-4 max-w-2xl text-sm text-slate-600">{t('account.twoStep.text')}</p>
      {notice ? <p role="status" className="mb-3 text-sm text-green-800">{notice}</p> : null}
      {codes ? <RecoveryCodes codes={codes} /> : null}
      {!s ? <p className="text-sm text-slate-600">{status.error ? t('list.failed') : t('list.loading')}</p> : null}
      {s?.totp.enrolled ? (
        <Section title={t('account.twoStep.on')}>
          <p className="mb-3 text-sm" data-testid="two-step-state">{t('account.twoStep.onText', { count: s.recoveryCodesRemaining })}</p>
          {s.required ? <p className="mb-3 text-sm text-slate-600">{t('account.twoStep.requiredText')}</p> : null}
          <CodeForm
            submitLabel={t('account.twoStep.turnOff')}
            send={(code) => api.DELETE('/api/v1/me/mfa/totp', { body: { code } })}
            onDone={() => {
              setCodes(null);
              setNotice(t('account.twoStep.turnedOff'));
              refresh();
            }}
          />
        </Section>
      ) : null}
      {s && !s.totp.enrolled ? (
        <Section title={t('account.twoStep.off')}>
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
                send={(code) => api.POST('/api/v1/me/mfa/totp/confirm', { body: { code } })}
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
    </Page>
  );
}
