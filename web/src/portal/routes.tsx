import type { PortalPage } from './router.js';
import { HomePage } from './HomePage.js';
import { MoneyPage } from './MoneyPage.js';
import { PaymentReturnPage } from './PaymentReturnPage.js';
import { StatementPage } from './StatementPage.js';

export const portalPages: PortalPage[] = [
  { path: '/', component: HomePage },
  // `?year=2026`: MoneyPage reads it.
  { path: '/money', component: MoneyPage },
  // The monthly statement e-mail links here (finance/statements: `{tenant}/portal/statements/{id}`).
  { path: '/statements/$id', component: StatementPage },
  // Stripe Checkout's success URL: pending until the webhook has recorded the payment.
  { path: '/payment', component: PaymentReturnPage },
];
