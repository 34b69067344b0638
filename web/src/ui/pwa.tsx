import { useSyncExternalStore } from 'react';
import { useT } from '../i18n/intl.js';

/**
 * The member portal as an installable app (docs/portal.md#install): the tenant's web app
 * manifest (its name, colour and icons, from the API) and the service worker (web/public/sw.js)
 * under the portal's own scope, so that the portal opens offline and says so. Only the portal
 * does this: the workspace and the console are desk tools, online by nature.
 */
export function installPortal(basepath: string, apiPrefix: string): void {
  const manifest = document.createElement('link');
  manifest.rel = 'manifest';
  manifest.href = `${apiPrefix}/api/v1/portal/manifest`;
  document.head.append(manifest);
  // A worker needs a secure context (https, or localhost): on plain http elsewhere the portal still works, uninstallable.
  if ('serviceWorker' in navigator) void navigator.serviceWorker.register('/sw.js', { scope: `${basepath.replace(/\/$/, '')}/` }).catch(() => undefined);
}

const subscribe = (changed: () => void) => {
  window.addEventListener('online', changed);
  window.addEventListener('offline', changed);
  return () => {
    window.removeEventListener('online', changed);
    window.removeEventListener('offline', changed);
  };
};

/** Whether the browser believes it is online (it may be wrong one way: online but unreachable). */
export const useOnline = (): boolean => useSyncExternalStore(subscribe, () => navigator.onLine, () => true);

/** A clear "you are offline" state: nothing private is kept on the device, so there is nothing to show until the network is back. */
export function OfflineNotice() {
  const t = useT();
  const online = useOnline();
  if (online) return null;
  return (
    <div role="status" className="border-b border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900">
      <p className="font-medium">{t('offline.title')}</p>
      <p>{t('offline.text')}</p>
    </div>
  );
}
