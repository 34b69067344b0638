import { useEffect, type ReactNode } from 'react';

/** Every page: one h1 (its title, also the document's), optional actions beside it, then its content. */
export function Page({ title, actions, children }: { title: string; actions?: ReactNode; children: ReactNode }) {
  useEffect(() => {
    document.title = `${title} · Courtyard`;
  }, [title]);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
        {actions ? <div className="flex gap-2">{actions}</div> : null}
      </div>
      {children}
    </div>
  );
}

/** A page of a module whose pages are not built yet (listed in docs/web.md under "Not yet"). */
export function NotYet({ title, text }: { title: string; text: string }) {
  return (
    <Page title={title}>
      <p className="max-w-prose text-slate-600">{text}</p>
    </Page>
  );
}
