import { createContext, useCallback, useContext, useMemo, useRef, type ReactNode } from 'react';
import { createApi, SessionProvider } from '../api/session.js';
import type { Plane } from '../api/plane.js';
import { I18nProvider } from '../i18n/intl.js';

/**
 * What a page needs before anyone signs in: messages and the session (the API client, the
 * silent refresh, sign-in). It is all the sign-in page loads: the router, queries, tables and
 * the pages of the console or the workspace come as chunks once signed in (main.tsx).
 */
interface Frame {
  /** Called when the session ends; returns the unsubscribe. */
  onSignedOut: (listener: () => void) => () => void;
}
const FrameContext = createContext<Frame | null>(null);
export const useSessionFrame = () => useContext(FrameContext);

export function SessionFrame({ plane, children }: { plane: Plane; children: ReactNode }) {
  const api = useMemo(() => createApi(plane), [plane]);
  const listeners = useRef(new Set<() => void>());
  const frame = useMemo<Frame>(
    () => ({
      onSignedOut(listener) {
        listeners.current.add(listener);
        return () => void listeners.current.delete(listener);
      },
    }),
    [],
  );
  const signedOut = useCallback(() => {
    for (const listener of listeners.current) listener();
  }, []);
  return (
    <I18nProvider>
      <FrameContext.Provider value={frame}>
        <SessionProvider plane={plane} api={api} onSignedOut={signedOut}>
          {children}
        </SessionProvider>
      </FrameContext.Provider>
    </I18nProvider>
  );
}

export function Loading() {
  return <p role="status" className="p-6 text-slate-500">…</p>;
}
