import { lazy, StrictMode, Suspense, useEffect, useState, type ComponentType } from 'react';
import { createRoot } from 'react-dom/client';
import { planeOf, type Plane } from './api/plane.js';
import { useAuth } from './api/session.js';
import { wasSignedIn } from './api/session-hint.js';
import { useT } from './i18n/intl.js';
import { Loading, SessionFrame } from './ui/SessionFrame.js';
import { recoveryPageOf } from './ui/PlainForm.js';
import { SignInPage } from './ui/SignInPage.js';
import './styles.css';

/**
 * The first chunk is only what the sign-in page needs (React, messages, the session, a plain
 * form): the console or the workspace (router, queries, tables, react-aria's widgets) is a chunk
 * of its own, loaded once signed in, as soon as the sign-in form is sent, or at once on a reload
 * of a page that was signed in (api/session-hint). A page loads only the application it is in.
 */
const plane = planeOf(location.pathname);
type App = ComponentType<{ plane: Plane }>;
let loading: Promise<App> | undefined;
const loadApp = () =>
  (loading ??= plane.kind === 'console' ? import('./console/ConsoleApp.js').then((m) => m.ConsoleApp) : import('./workspace/WorkspaceApp.js').then((m) => m.WorkspaceApp));
// A reload of a signed-in page: fetch the application while the session is being resumed.
if (wasSignedIn(plane)) void loadApp();

// Forgot and reset password (ui/RecoveryPages) are pages of their own, signed in or not, and a
// chunk of their own: few visitors need them.
const recovery = recoveryPageOf(plane, location.pathname);
const ForgotPasswordPage = lazy(() => import('./ui/RecoveryPages.js').then((m) => ({ default: m.ForgotPasswordPage })));
const ResetPasswordPage = lazy(() => import('./ui/RecoveryPages.js').then((m) => ({ default: m.ResetPasswordPage })));
function Recovery() {
  return <Suspense fallback={<Loading />}>{recovery === 'forgot-password' ? <ForgotPasswordPage plane={plane} /> : <ResetPasswordPage plane={plane} />}</Suspense>;
}

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
  if (auth.status === 'signedOut') return <SignInPage heading={t(plane.kind === 'console' ? 'console.signIn' : 'workspace.signIn')} onSubmit={() => void loadApp()} />;
  return App ? <App plane={plane} /> : <Loading />;
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <SessionFrame plane={plane}>
      {recovery ? <Recovery /> : <Gate />}
    </SessionFrame>
  </StrictMode>,
);
