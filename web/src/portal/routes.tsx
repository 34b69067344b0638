import type { PortalPage } from './router.js';
import { DetailsPage } from './DetailsPage.js';
import { DocumentsPage } from './DocumentsPage.js';
import { HomePage } from './HomePage.js';
import { MoneyPage } from './MoneyPage.js';
import { NewsPage } from './NewsPage.js';
import { PaymentReturnPage } from './PaymentReturnPage.js';
import { SecurityPage } from './SecurityPage.js';
import { StatementPage } from './StatementPage.js';

export const portalPages: PortalPage[] = [
  { path: '/', component: HomePage },
  // `?year=2026`: MoneyPage reads it.
  { path: '/money', component: MoneyPage },
  // The monthly statement e-mail links here (finance/statements: `{tenant}/portal/statements/{id}`).
  { path: '/statements/$id', component: StatementPage },
  // Stripe Checkout's success URL: pending until the webhook has recorded the payment.
  { path: '/payment', component: PaymentReturnPage },
  // My details: contact details, language, notification preferences; Security: two-step sign-in and passkeys.
  { path: '/details', component: DetailsPage },
  { path: '/security', component: SecurityPage },
  // The documents shared with the member.
  { path: '/documents', component: DocumentsPage },
  // The announcements sent to the member (`?open={id}` opens one: the home page's latest links there).
  { path: '/news', component: NewsPage },
];
