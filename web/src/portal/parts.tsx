import type { ReactNode } from 'react';
import { useT } from '../i18n/intl.js';

/** A card of the portal's pages: a titled section (its h2 names it for screen readers too). */
export function Card({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <section aria-label={title} data-testid={testId} className="space-y-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      <h2 className="text-base font-semibold text-slate-900">{title}</h2>
      {children}
    </section>
  );
}

/** What a query shows while it loads, when it fails, and when there is nothing to show. */
export function QueryState({ loading, failed, empty, emptyText }: { loading: boolean; failed: boolean; empty: boolean; emptyText: string }) {
  const t = useT();
  if (loading) return <p role="status" className="text-sm text-slate-500">{t('portal.loading')}</p>;
  if (failed) return <p role="alert" className="text-sm text-red-700">{t('portal.failed')}</p>;
  if (empty) return <p className="text-sm text-slate-600">{emptyText}</p>;
  return null;
}
