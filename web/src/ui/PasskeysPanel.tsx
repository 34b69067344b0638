import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { passkeyCalls, passkeysSupported, type Passkey } from '../api/passkeys.js';
import { unwrap } from '../api/problem.js';
import { useApi } from '../api/session.js';
import { useLocale, useT } from '../i18n/intl.js';
import { ConfirmAction } from './confirm.js';
import { Section } from './DetailList.js';
import { TextInput } from './fields.js';
import { ApiForm, useApiForm } from './form.js';
import { formatTimestamp } from './dates.js';

/** Adds a passkey of this browser or device: the browser asks the user, then the server verifies and keeps its public key. */
function AddPasskey({ onAdded }: { onAdded: (p: Passkey) => void }) {
  const t = useT();
  const api = useApi();
  const { form, formError, onSubmit } = useApiForm<{ name: string }>({ defaultValues: { name: '' } });
  const submit = onSubmit(async (v) => {
    const answer = await passkeyCalls(api).register(v.name);
    if (answer) return answer;
    // The browser gave no passkey (cancelled, or none could be made): said as a refusal of the form.
    const detail = t('account.passkeys.cancelled');
    return { error: { type: 'about:blank', title: detail, status: 400, detail, instance: '', code: 'passkey_cancelled', requestId: '' }, response: new Response(null, { status: 400 }) };
  }, (data) => {
    form.reset({ name: '' });
    onAdded(data as Passkey);
  });
  return (
    <ApiForm form={form} formError={formError} onSubmit={submit} submitLabel={t('account.passkeys.add')}>
      <TextInput control={form.control} name="name" label={t('account.passkeys.name')} description={t('account.passkeys.name.help')} />
    </ApiForm>
  );
}

/**
 * The signed-in user's passkeys: list, add (this browser's authenticator), remove. The
 * workspace's passkeys page and the portal's security page show it under their own h1.
 */
export function PasskeysPanel() {
  const t = useT();
  const api = useApi();
  const { locale } = useLocale();
  const queries = useQueryClient();
  const passkeys = useQuery({ queryKey: ['me', 'passkeys'], queryFn: async () => unwrap(await passkeyCalls(api).list()) });
  const [notice, setNotice] = useState<string | null>(null);
  const refresh = () => void queries.invalidateQueries({ queryKey: ['me', 'passkeys'] });
  const when = (at: string | null) => (at ? formatTimestamp(at, locale) : t('account.passkeys.never'));
  const headers = [t('account.passkeys.added'), t('account.passkeys.lastUsed'), t('account.passkeys.actions')];

  return (
    <>
      {notice ? <p role="status" className="mb-3 text-sm text-green-800">{notice}</p> : null}
      <Section title={t('account.passkeys.yours')}>
        {passkeys.data ? (
          passkeys.data.data.length === 0 ? (
            <p className="text-sm text-slate-600" data-testid="no-passkeys">{t('account.passkeys.none')}</p>
          ) : (
            <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
              <table className="w-full text-left text-sm">
                <caption className="sr-only">{t('account.passkeys.yours')}</caption>
                <thead className="bg-slate-50 text-slate-600">
                  <tr>
                    <th scope="col" className="px-3 py-2 font-medium">{t('account.passkeys.name')}</th>
                    {headers.map((h) => (
                      <th key={h} scope="col" className="px-3 py-2 font-medium">{h}</th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {passkeys.data.data.map((p) => (
                    <tr key={p.id} className="border-t border-slate-100" data-testid="passkey">
                      <th scope="row" className="px-3 py-2 font-medium">{p.name}</th>
                      <td className="px-3 py-2">{when(p.createdAt)}</td>
                      <td className="px-3 py-2">{when(p.lastUsedAt)}</td>
                      <td className="px-3 py-2">
                        <ConfirmAction
                          label={t('account.passkeys.remove')}
                          title={t('account.passkeys.remove.title', { name: p.name })}
                          description={t('account.passkeys.remove.description')}
                          variant="danger"
                          run={() => passkeyCalls(api).remove(p.id)}
                          onDone={() => {
                            setNotice(t('account.passkeys.removed', { name: p.name }));
                            refresh();
                          }}
                        />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        ) : (
          <p className="text-sm text-slate-600">{passkeys.error ? t('list.failed') : t('list.loading')}</p>
        )}
      </Section>
      <Section title={t('account.passkeys.addTitle')}>
        {passkeysSupported() ? (
          <AddPasskey
            onAdded={(p) => {
              setNotice(t('account.passkeys.addedNotice', { name: p.name }));
              refresh();
            }}
          />
        ) : (
          <p className="text-sm text-slate-600">{t('account.passkeys.unsupported')}</p>
        )}
      </Section>
    </>
  );
}
