import { useMemo, useState, type ReactNode } from 'react';
import { QueryClientProvider } from '@tanstack/react-query';
import { createApi, SessionProvider } from '../api/session.js';
import type { Plane } from '../api/plane.js';
import { createQueryClient } from '../api/query.js';
import { I18nProvider } from '../i18n/intl.js';

/** What the console and the workspace share around their router: messages, queries, the session. */
export function AppFrame({ plane, children }: { plane: Plane; children: ReactNode }) {
  const [queries] = useState(createQueryClient);
  const api = useMemo(() => createApi(plane), [plane]);
  // Nothing read while signed in outlives the session.
  const forget = useMemo(() => () => queries.clear(), [queries]);
  return (
    <I18nProvider>
      <QueryClientProvider client={queries}>
        <SessionProvider plane={plane} api={api} onSignedOut={forget}>
          {children}
        </SessionProvider>
      </QueryClientProvider>
    </I18nProvider>
  );
}

export function Loading() {
  return <p role="status" className="p-6 text-slate-500">…</p>;
}
