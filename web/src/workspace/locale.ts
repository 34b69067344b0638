import { useCallback, useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { unwrap } from '../api/problem.js';
import { useApi } from '../api/session.js';
import { browserLocale, shippedLocale, useLocale } from '../i18n/intl.js';
import type { Me } from './me.js';

/**
 * The signed-in user's language: the pages take the `locale` saved on the user at sign-in (on
 * any browser), and a language chosen in the top bar is saved back, so that e-mail and the
 * server's messages follow it too. No saved locale: the pages keep the browser's choice, and
 * when the browser asks for no language we ship, the tenant's default (as the server chooses).
 */
export function useUserLocale(me: Me | undefined): (locale: string) => void {
  const api = useApi();
  const queries = useQueryClient();
  const { setLocale } = useLocale();
  const saved = shippedLocale(me?.user.locale) ?? (me && !browserLocale() ? shippedLocale(me.tenant.defaultLocale) : undefined);
  useEffect(() => {
    if (saved) setLocale(saved);
  }, [saved, setLocale]);
  return useCallback(
    (locale: string) => {
      void api.PATCH('/api/v1/me', { body: { locale } }).then((answer) => {
        queries.setQueryData(['me'], unwrap(answer) as Me);
      }, () => undefined);
    },
    [api, queries],
  );
}
