import { createRouter } from '@tanstack/react-router';
import type { Plane } from '../api/plane.js';
import { auditRoutes } from '../modules/audit/routes.js';
import { billingRoutes } from '../modules/billing/routes.js';
import { dashboardRoutes } from '../modules/dashboard/routes.js';
import { financeRoutes } from '../modules/finance/routes.js';
import { leasesRoutes } from '../modules/leases/routes.js';
import { mailRoutes } from '../modules/mail/routes.js';
import { documentsRoutes } from '../modules/documents/routes.js';
import { communicationsRoutes } from '../modules/communications/routes.js';
import { membersRoutes } from '../modules/members/routes.js';
import { objectsRoutes } from '../modules/objects/routes.js';
import { propertiesRoutes } from '../modules/properties/routes.js';
import { settingsRoutes } from '../modules/settings/routes.js';
import { usersRoutes } from '../modules/users/routes.js';
import { rolesRoutes } from '../modules/roles/routes.js';
import { webhooksRoutes } from '../modules/webhooks/routes.js';
import { apiKeysRoutes } from '../modules/api-keys/routes.js';
import { accountRoutes } from './account/routes.js';
import { workspaceRoot } from './root.js';

/** Each module's pages come from its own `modules/<key>/routes.ts`. */
export function createWorkspaceRouter(plane: Plane) {
  const tree = workspaceRoot.addChildren([
    ...dashboardRoutes,
    ...membersRoutes,
    ...propertiesRoutes,
    ...leasesRoutes,
    ...financeRoutes,
    ...documentsRoutes,
    ...communicationsRoutes,
    ...objectsRoutes,
    ...usersRoutes,
    ...rolesRoutes,
    ...auditRoutes,
    ...webhooksRoutes,
    ...mailRoutes,
    ...settingsRoutes,
    ...billingRoutes,
    ...apiKeysRoutes,
    ...accountRoutes,
  ]);
  return createRouter({ routeTree: tree, basepath: plane.basepath });
}
