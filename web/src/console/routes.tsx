import { createRoute, createRouter, redirect } from '@tanstack/react-router';
import { operatorAccountRoutes } from './account/routes.js';
import { platformKeysRoutes } from './api-keys/routes.js';
import { auditRoutes } from './audit/routes.js';
import { billingRoutes } from './billing/routes.js';
import { invoicesRoutes } from './invoices/routes.js';
import { jobsRoutes } from './jobs/routes.js';
import { plansRoutes } from './plans/routes.js';
import { consoleRoot } from './root.js';
import { tenantsRoutes } from './tenants/routes.js';
import { operatorWebhooksRoutes } from './webhooks/routes.js';

const index = createRoute({ getParentRoute: () => consoleRoot, path: '/', beforeLoad: () => redirect({ to: '/tenants', throw: true }) });

/** Each area's pages come from its own `<area>/routes.ts`. */
export function createConsoleRouter() {
  const tree = consoleRoot.addChildren([index, ...tenantsRoutes, ...plansRoutes, ...billingRoutes, ...invoicesRoutes, ...jobsRoutes, ...auditRoutes, ...operatorWebhooksRoutes, ...platformKeysRoutes, ...operatorAccountRoutes]);
  return createRouter({ routeTree: tree, basepath: '/console' });
}
