import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { workspaceRoot } from '../../workspace/root.js';
import { financeBillingRoutes } from './billing/routes.js';
import { chargesSearch, paymentsSearch, reportSearch, statementsSearch } from './search.js';

// The finance module's pages; each loads (as a chunk of its own) when first opened.

export const financeHomeRoute = createRoute({ getParentRoute: () => workspaceRoot, path: '/finance', component: lazyRouteComponent(() => import('./FinanceHome.js'), 'FinanceHome') });
export const chargesRoute = createRoute({ getParentRoute: () => workspaceRoot, path: '/finance/charges', validateSearch: chargesSearch, component: lazyRouteComponent(() => import('./ChargesList.js'), 'ChargesList') });
export const newChargeRoute = createRoute({ getParentRoute: () => workspaceRoot, path: '/finance/charges/new', component: lazyRouteComponent(() => import('./NewCharge.js'), 'NewCharge') });
export const chargeRoute = createRoute({ getParentRoute: () => workspaceRoot, path: '/finance/charges/$chargeId', component: lazyRouteComponent(() => import('./ChargePage.js'), 'ChargePage') });
export const paymentsRoute = createRoute({ getParentRoute: () => workspaceRoot, path: '/finance/payments', validateSearch: paymentsSearch, component: lazyRouteComponent(() => import('./PaymentsList.js'), 'PaymentsList') });
export const newPaymentRoute = createRoute({ getParentRoute: () => workspaceRoot, path: '/finance/payments/new', component: lazyRouteComponent(() => import('./NewPayment.js'), 'NewPayment') });
export const paymentRoute = createRoute({ getParentRoute: () => workspaceRoot, path: '/finance/payments/$paymentId', component: lazyRouteComponent(() => import('./PaymentPage.js'), 'PaymentPage') });
export const statementsRoute = createRoute({ getParentRoute: () => workspaceRoot, path: '/finance/statements', validateSearch: statementsSearch, component: lazyRouteComponent(() => import('./StatementsList.js'), 'StatementsList') });
export const newStatementRoute = createRoute({ getParentRoute: () => workspaceRoot, path: '/finance/statements/new', component: lazyRouteComponent(() => import('./NewStatement.js'), 'NewStatement') });
export const reportsRoute = createRoute({ getParentRoute: () => workspaceRoot, path: '/finance/reports', component: lazyRouteComponent(() => import('./Reports.js'), 'Reports') });
export const reportRoute = createRoute({
  getParentRoute: () => workspaceRoot,
  path: '/finance/reports/$report',
  validateSearch: reportSearch,
  component: lazyRouteComponent(() => import('./ReportPage.js'), 'ReportPage'),
});

/** Finance's pages, then billing's (branch h11-finance-b). */
export const financeRoutes = [financeHomeRoute, chargesRoute, newChargeRoute, chargeRoute, paymentsRoute, newPaymentRoute, paymentRoute, statementsRoute, newStatementRoute, reportsRoute, reportRoute, ...financeBillingRoutes];
