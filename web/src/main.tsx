import { lazy, StrictMode, Suspense, useEffect, useState, type ComponentType } from 'react';
import { createRoot } from 'react-dom/client';
import { planeOf, type Plane } from './api/plane.js';
import { useAuth } from './api/session.js';
import { wasSignedIn } from './api/session-hint.js';
import { loadMessages, useT } from './i18n/intl.js';
import { Loading, SessionFrame } from './ui/SessionFrame.js';
import { recoveryPageOf } from './ui/PlainForm.js';
import { SignInPage } from './ui/SignInPage.js';
import { TenantBrand } from './ui/brand.js';
import { installPortal, OfflineNotice } from './ui/pwa.js';
import './styles.css';

/**
 * The first chunk is only what the sign-in page needs (React, messages, the session, a plain
 * form): the console, the workspace or the member portal (router, queries, tables, react-aria's
 * widgets) is a chunk of its own, loaded once signed in, as soon as the sign-in form is sent, or at once on a reload
 * of a page that was signed in (api/session-hint). A page loads only the application it is in.
 */
const plane = planeOf(location.pathname);
// The portal is an installable app: its manifest and its service worker, from the first page on
// (signed out too, so that it opens offline and says so).
if (plane.kind === 'portal') installPortal(plane.basepath, plane.slug ? `/t/${plane.slug}` : '');
type App = ComponentType<{ plane: Plane }>;
let loading: Promise<App> | undefined;
// Each application comes with its part of the catalogue (i18n/intl.tsx): the portal's messages, or the staff's.
const loadApp = () =>
  (loading ??= Promise.all([
    plane.kind === 'console'
      ? import('./console/ConsoleApp.js').then((m) => m.ConsoleApp)
      : plane.kind === 'portal'
        ? import('./portal/PortalApp.js').then((m) => m.PortalApp)
        : import('./workspace/WorkspaceApp.js').then((m) => m.WorkspaceApp),
    loadMessages(plane.kind === 'portal' ? 'portal' : 'staff'),
  ]).then(([app]) => app));
// A reload of a signed-in page: fetch the application while the session is being resumed.
if (wasSignedIn(plane)) void loadApp();

// Forgot and reset password (ui/RecoveryPages) and accepting an invitation (portal/) are pages of
// their own, signed in or not, and chunks of their own: few visitors need them.
const recovery = recoveryPageOf(plane, location.pathname);
const ForgotPasswordPage = lazy(() => import('./ui/RecoveryPages.js').then((m) => ({ default: m.ForgotPasswordPage })));
const ResetPasswordPage = lazy(() => import('./ui/RecoveryPages.js').then((m) => ({ default: m.ResetPasswordPage })));
const AcceptInvitationPage = lazy(() => Promise.all([import('./portal/AcceptInvitationPage.js'), loadMessages('portal')]).then(([m]) => ({ default: m.AcceptInvitationPage })));
function Recovery() {
  const Page = recovery === 'forgot-password' ? ForgotPasswordPage : recovery === 'accept-invitation' ? AcceptInvitationPage : ResetPasswordPage;
  return (
    <Suspense fallback={<Loading />}>
      <Page plane={plane} />
    </Suspense>
  );
}
const SIGN_IN = { console: 'console.signIn', workspace: 'workspace.signIn', portal: 'portal.signIn' } as const;

function Gate() {
  const t = useT();
  const auth = useAuth();
  const [App, setApp] = useState<App | null>(null);
  const signedIn = auth.status === 'signedIn';
  useEffect(() => {
    if (signedIn) void loadApp().then((loaded) => setApp(() => loaded));
  }, [signedIn]);
  if (auth.status === 'loading') return <Loading />;
  // Signing out unmounts the application: its router and queries go with the session.
  if (auth.status === 'signedOut') return <SignInPage heading={t(SIGN_IN[plane.kind])} onSubmit={() => void loadApp()} />;
  return App ? <App plane={plane} /> : <Loading />;
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <SessionFrame plane={plane}>
      {plane.kind === 'portal' ? <OfflineNotice /> : null}
      {/* A member's signed-out pages wear the tenant's branding; the workspace's and console's stay plain. */}
      {plane.kind === 'portal' || recovery === 'accept-invitation' ? <TenantBrand plane={plane}>{recovery ? <Recovery /> : <Gate />}</TenantBrand> : recovery ? <Recovery /> : <Gate />}
    </SessionFrame>
  </StrictMode>,
);
