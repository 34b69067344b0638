import type { ReactNode } from 'react';
import { Link } from '@tanstack/react-router';
import { useAuth } from '../api/session.js';
import { useT } from '../i18n/intl.js';
import { Button } from './Button.js';
import { CommandMenu } from './CommandMenu.js';
import { LocaleSwitch } from './LocaleSwitch.js';

export interface NavEntry {
  to: string;
  label: string;
}

/**
 * The frame of every signed-in page: a top bar with whose space this is (the tenant's name and
 * logo, or the console), the command menu (Ctrl-K), the navigation of the modules the user may
 * open, the language (saved by `onLocaleChange`, where the user has a profile), the user's own
 * account (`account`, where there is one), and the page in `main`.
 */
export function Shell({ title, logoUrl, nav, account, onLocaleChange, children }: { title: string; logoUrl?: string; nav: NavEntry[]; account?: string; onLocaleChange?: (locale: string) => void; children: ReactNode }) {
  const t = useT();
  const auth = useAuth();
  return (
    <div className="min-h-screen">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:rounded focus:bg-white focus:px-3 focus:py-2">
        {t('shell.skip')}
      </a>
      <header className="flex items-center justify-between gap-4 border-b border-slate-200 bg-white px-4 py-2">
        <div className="flex items-center gap-3">
          {logoUrl ? <img src={logoUrl} alt="" className="h-8 w-8 rounded object-contain" /> : null}
          <p className="text-lg font-semibold" data-testid="space-name">{title}</p>
        </div>
        <div className="flex items-center gap-4">
          <CommandMenu pages={nav} />
          <LocaleSwitch onChange={onLocaleChange} />
          {account ? (
            <Link to={account} className="text-sm text-slate-700 underline-offset-2 outline-none hover:underline focus-visible:ring-2 focus-visible:ring-brand" activeProps={{ 'aria-current': 'page' }}>
              {t('shell.account')}
            </Link>
          ) : null}
          <Button variant="secondary" onPress={() => void auth.signOut()}>
            {t('shell.signOut')}
          </Button>
        </div>
      </header>
      <div className="flex">
        <nav aria-label={t('shell.nav')} className="min-h-[calc(100vh-3.25rem)] w-52 shrink-0 border-r border-slate-200 bg-white p-3">
          <ul className="space-y-1">
            {nav.map((entry) => (
              <li key={entry.to}>
                <Link to={entry.to} className="block rounded-md px-3 py-1.5 text-sm text-slate-700 outline-none hover:bg-slate-100 focus-visible:ring-2 focus-visible:ring-brand" activeProps={{ className: 'bg-slate-100 font-semibold text-slate-950', 'aria-current': 'page' }}>
                  {entry.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <main id="main" tabIndex={-1} className="min-w-0 flex-1 p-6 outline-none">
          {children}
        </main>
      </div>
    </div>
  );
}
