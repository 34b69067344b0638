import { createRoute, createRouter } from '@tanstack/react-router';
import type { Plane } from '../api/plane.js';
import { DocumentsPage } from './DocumentsPage.js';
import { HomePage } from './HomePage.js';
import { MoneyPage } from './MoneyPage.js';
import { PaymentReturnPage } from './PaymentReturnPage.js';
import { portalRoot } from './root.js';
import { StatementPage } from './StatementPage.js';

const home = createRoute({ getParentRoute: () => portalRoot, path: '/', component: HomePage });
/** `?year=2026`: which year's charges and payments the page lists (the current one by default). */
const money = createRoute({
  getParentRoute: () => portalRoot,
  path: '/money',
  component: MoneyPage,
  validateSearch: (search: Record<string, unknown>): { year?: number } => {
    const year = Number(search.year);
    return Number.isInteger(year) && year >= 2000 && year <= 2100 ? { year } : {};
  },
});
// The monthly statement e-mail links here (finance/statements: `{tenant}/portal/statements/{id}`).
const statement = createRoute({ getParentRoute: () => portalRoot, path: '/statements/$id', component: StatementPage });

const documents = createRoute({ getParentRoute: () => portalRoot, path: '/documents', component: DocumentsPage });

// Stripe Checkout's success URL: pending until the webhook has recorded the payment.
const payment = createRoute({ getParentRoute: () => portalRoot, path: '/payment', component: PaymentReturnPage });

export function createPortalRouter(plane: Plane) {
  return createRouter({ routeTree: portalRoot.addChildren([home, money, documents, statement, payment]), basepath: plane.basepath });
}
