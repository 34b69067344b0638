import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { listSearch } from '../../ui/paging.js';
import { workspaceRoot } from '../../workspace/root.js';
import { parseLeaseStatus } from './types.js';

const text = (v: unknown) => (typeof v === 'string' && v.length > 0 ? v.slice(0, 100) : undefined);
const day = (v: unknown) => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined);

/** The leases module's pages; each loads (as a chunk of its own) when first opened. */
export const leasesRoute = createRoute({
  getParentRoute: () => workspaceRoot,
  path: '/leases',
  validateSearch: (raw: Record<string, unknown>) => ({ ...listSearch(raw), status: parseLeaseStatus(raw.status) }),
  component: lazyRouteComponent(() => import('./LeasesList.js'), 'LeasesList'),
});
export const newLeaseRoute = createRoute({
  getParentRoute: () => workspaceRoot,
  path: '/leases/new',
  validateSearch: (raw: Record<string, unknown>): { unitId?: string } => ({ unitId: text(raw.unitId) }),
  component: lazyRouteComponent(() => import('./NewLease.js'), 'NewLease'),
});
export const rentRollRoute = createRoute({
  getParentRoute: () => workspaceRoot,
  path: '/leases/rent-roll',
  validateSearch: (raw: Record<string, unknown>): { date?: string } => ({ date: day(raw.date) }),
  component: lazyRouteComponent(() => import('./RentRoll.js'), 'RentRoll'),
});
export const leaseRoute = createRoute({
  getParentRoute: () => workspaceRoot,
  path: '/leases/$leaseId',
  component: lazyRouteComponent(() => import('./LeasePage.js'), 'LeasePage'),
});

export const leasesRoutes = [leasesRoute, newLeaseRoute, rentRollRoute, leaseRoute];
