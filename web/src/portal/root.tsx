import { useEffect, type ReactNode } from 'react';
import { planeOf, tenantHomes } from '../api/plane.js';
import { useAuth } from '../api/session.js';
import { useT } from '../i18n/intl.js';
import { Loading } from '../ui/AppFrame.js';
import { linkStyle, PlainPage } from '../ui/PlainForm.js';
import { SignInPage } from '../ui/SignInPage.js';
import { useUserLocale } from '../workspace/locale.js';
import { useMe, type Me } from '../workspace/me.js';
import { isPortalUser } from './landing.js';
import { usePrefetchBalance } from './api.js';
import { MemberContext } from './member.js';
import { Link, Outlet } from './router.js';

/** The communications module's news feed: licensed, and the member's role lets them read it. */
const hasNews = (me: Me) => me.modules.includes('communications') && me.permissions.some((p) => p === 'communications.read.own' || p === 'communications.read');
// Five items share a 390 px phone's width: little padding, and a smaller type below the small breakpoint.
const navLink = 'flex-1 rounded-md px-1 py-2 text-center text-[13px] sm:px-3 sm:text-sm font-medium text-slate-700 outline-none hover:bg-slate-100 focus-visible:ring-2 focus-visible:ring-brand';
const navActive = 'bg-slate-100 text-slate-950';

/**
 * The portal's frame, phone first: the tenant's name and logo on top, the page, and the
 * navigation (Home, Money, News, Documents, Me) as a bar at the bottom of the screen (at the side's reach of a thumb); on a wide
 * screen the same column, centred.
 */
function PortalShell({ me, children }: { me: Me; children: ReactNode }) {
  const t = useT();
  const auth = useAuth();
  return (
    <div className="mx-auto flex min-h-screen max-w-2xl flex-col bg-slate-50">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:rounded focus:bg-white focus:px-3 focus:py-2">
        {t('shell.skip')}
      </a>
      <header className="flex items-center justify-between gap-3 border-b border-slate-200 bg-white px-4 py-3">
        <div className="flex min-w-0 items-center gap-2">
          {me.branding.logoUrl ? <img src={me.branding.logoUrl} alt="" className="h-8 w-8 rounded object-contain" /> : null}
          <p className="truncate text-base font-semibold" data-testid="space-name">
            {me.branding.displayName ?? me.tenant.name}
          </p>
        </div>
        <button type="button" onClick={() => void auth.signOut()} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm text-slate-800 outline-none hover:bg-slate-100 focus-visible:ring-2 focus-visible:ring-brand">
          {t('shell.signOut')}
        </button>
      </header>
      <main id="main" tabIndex={-1} className="flex-1 space-y-6 p-4 pb-24 outline-none">
        {children}
      </main>
      <nav aria-label={t('portal.nav')} className="fixed inset-x-0 bottom-0 border-t border-slate-200 bg-white">
        <ul className="mx-auto flex max-w-2xl gap-1 p-2 sm:gap-2">
          <li className="flex flex-1">
            <Link to="/" className={navLink} exact activeClassName={navActive}>
              {t('portal.home')}
            </Link>
          </li>
          <li className="flex flex-1">
            <Link to="/money" className={navLink} activeClassName={navActive}>
              {t('portal.money')}
            </Link>
          </li>
          {hasNews(me) ? (
            <li className="flex flex-1">
              <Link to="/news" className={navLink} activeClassName={navActive}>
                {t('portal.news')}
              </Link>
            </li>
          ) : null}
          <li className="flex flex-1">
            <Link to="/documents" className={navLink} activeClassName={navActive}>
              {t('portal.documents')}
            </Link>
          </li>
          <li className="flex flex-1">
            <Link to="/details" className={navLink} activeClassName={navActive}>
              {t('portal.me')}
            </Link>
          </li>
        </ul>
      </nav>
    </div>
  );
}

function SignedIn() {
  const t = useT();
  const me = useMe();
  usePrefetchBalance();
  // The language saved on the user (My details), on whatever browser they sign in.
  useUserLocale(me.data);
  const color = me.data?.branding.primaryColor;
  useEffect(() => {
    // The tenant's colour, set through the CSSOM (the pages' CSP allows no inline style sheet).
    if (color) document.documentElement.style.setProperty('--color-brand', color);
  }, [color]);
  useEffect(() => {
    if (me.data) document.title = me.data.branding.displayName ?? me.data.tenant.name;
  }, [me.data]);
  if (!me.data) return <Loading />;
  const memberId = me.data.user.memberId ?? null;
  // Staff who open the portal are sent on to their workspace: the portal shows a member's own records.
  if (!memberId) {
    return (
      <PlainPage heading={t('portal.notMember.title')}>
        <p className="text-sm text-slate-600">{t('portal.notMember.text')}</p>
        <a href={tenantHomes(planeOf(location.pathname)).workspace} className={linkStyle}>
          {t('portal.notMember.toWorkspace')}
        </a>
      </PlainPage>
    );
  }
  return (
    <MemberContext.Provider value={{ memberId, name: me.data.user.name, staff: !isPortalUser(memberId, me.data.permissions), timeZone: me.data.tenant.timeZone ?? 'UTC', news: hasNews(me.data) }}>
      <PortalShell me={me.data}>
        <Outlet notFound={NotFound} />
      </PortalShell>
    </MemberContext.Provider>
  );
}

/** Every portal page: signed in to this tenant, or the portal's own sign-in page (whatever the address). */
export function PortalRoot() {
  const t = useT();
  const auth = useAuth();
  if (auth.status === 'loading') return <Loading />;
  if (auth.status === 'signedOut') return <SignInPage heading={t('portal.signIn')} />;
  return <SignedIn />;
}

function NotFound() {
  const t = useT();
  return (
    <section className="space-y-2">
      <h1 className="text-xl font-semibold">{t('page.notFound')}</h1>
      <p className="text-sm text-slate-600">{t('page.notFoundText')}</p>
      <Link to="/" className={linkStyle}>
        {t('portal.home')}
      </Link>
    </section>
  );
}
