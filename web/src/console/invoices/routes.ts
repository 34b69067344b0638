import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { consoleRoot } from '../root.js';
import { invoicesSearch } from './search.js';

/** The platform's invoices and credit notes; each page loads (as a chunk of its own) when first opened. */
export const invoicesRoute = createRoute({
  getParentRoute: () => consoleRoot,
  path: '/invoices',
  validateSearch: invoicesSearch,
  component: lazyRouteComponent(() => import('./InvoicesList.js'), 'InvoicesList'),
});
export const invoiceRoute = createRoute({
  getParentRoute: () => consoleRoot,
  path: '/invoices/$id',
  component: lazyRouteComponent(() => import('./InvoicePage.js'), 'InvoicePage'),
});

export const invoicesRoutes = [invoicesRoute, invoiceRoute];
