import { financeBillingRoutes } from './billing/routes.js';

/**
 * The finance module's pages; each loads (as a chunk of its own) when first opened.
 * TEMPORARY on branch h11-finance-b: only the billing pages, so they can be seen; the finance
 * home, charges, payments, statements and reports (branch h11-finance-a) join at merge.
 */
export const financeRoutes = [...financeBillingRoutes];
