import { useEffect, useState } from 'react';
import { useApi } from '../api/session.js';
import { ssoStartHref, type SsoDiscovery } from '../api/sso.js';
import { planeOf } from '../api/plane.js';
import { useT, type MessageId } from '../i18n/intl.js';
import { PlainAlert } from './PlainForm.js';

const FAILURES: Record<string, MessageId> = {
  email_unverified: 'signIn.sso.emailUnverified',
  no_account: 'signIn.sso.noAccount',
  account_disabled: 'signIn.accountDisabled',
  no_seat: 'signIn.sso.noSeat',
};

const buttonStyle = 'block w-full rounded-md bg-white px-3 py-2 text-center text-sm font-medium text-slate-800 ring-1 ring-slate-300 outline-none hover:bg-slate-50 focus-visible:ring-2 focus-visible:ring-brand';

/**
 * The workspace sign-in's single sign-on: "Sign in with …" for each of the tenant's providers,
 * the refusal a provider's sign-in came back with (`?sso_error=`), and, once an address is
 * typed, the provider its domain must use.
 */
export function SignInSso({ discovery }: { discovery: SsoDiscovery | null }) {
  const t = useT();
  const api = useApi();
  const plane = planeOf(location.pathname);
  const [providers, setProviders] = useState<{ id: string; name: string }[]>([]);
  const failure = new URLSearchParams(location.search).get('sso_error');

  useEffect(() => {
    if (plane.kind !== 'workspace') return;
    let live = true;
    api
      .GET('/api/v1/auth/sso/providers')
      .then((r) => live && r.data && setProviders(r.data.data))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [api, plane.kind]);

  if (plane.kind !== 'workspace') return null;
  const required = discovery?.required ? discovery.providers.find((p) => p.id === discovery.providerId) : undefined;
  return (
    <div className="max-w-xl space-y-3">
      {failure ? <PlainAlert>{t(FAILURES[failure] ?? 'signIn.sso.failed')}</PlainAlert> : null}
      {required ? (
        <p role="status" className="text-sm text-slate-700">
          {t('signIn.sso.required', { name: required.name })}
        </p>
      ) : null}
      {providers.length > 0 ? (
        <ul className="space-y-2" aria-label={t('signIn.sso.providers')}>
          {providers.map((p) => (
            <li key={p.id}>
              <a href={ssoStartHref(plane.basepath, p.id)} className={buttonStyle}>
                {t('signIn.sso.with', { name: p.name })}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
