import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { listSearch } from '../../ui/paging.js';
import { workspaceRoot } from '../../workspace/root.js';
import { parseUnitStatus } from './types.js';

const text = (v: unknown) => (typeof v === 'string' && v.length > 0 ? v.slice(0, 100) : undefined);

/** The properties module's pages; each loads (as a chunk of its own) when first opened. */
export const propertiesRoute = createRoute({
  getParentRoute: () => workspaceRoot,
  path: '/properties',
  validateSearch: listSearch,
  component: lazyRouteComponent(() => import('./PropertiesTree.js'), 'PropertiesTree'),
});
export const newPropertyRoute = createRoute({
  getParentRoute: () => workspaceRoot,
  path: '/properties/new',
  validateSearch: (raw: Record<string, unknown>): { parentId?: string } => ({ parentId: text(raw.parentId) }),
  component: lazyRouteComponent(() => import('./NewProperty.js'), 'NewProperty'),
});
export const importRoute = createRoute({
  getParentRoute: () => workspaceRoot,
  path: '/properties/import',
  component: lazyRouteComponent(() => import('./ImportPage.js'), 'ImportPage'),
});
export const vacancyRoute = createRoute({
  getParentRoute: () => workspaceRoot,
  path: '/properties/vacancy',
  component: lazyRouteComponent(() => import('./VacancyReport.js'), 'VacancyReport'),
});
export const propertyRoute = createRoute({
  getParentRoute: () => workspaceRoot,
  path: '/properties/$propertyId',
  validateSearch: (raw: Record<string, unknown>) => ({ status: parseUnitStatus(raw.status), cursor: text(raw.cursor) }),
  component: lazyRouteComponent(() => import('./PropertyPage.js'), 'PropertyPage'),
});
export const unitRoute = createRoute({
  getParentRoute: () => workspaceRoot,
  path: '/units/$unitId',
  component: lazyRouteComponent(() => import('./UnitPage.js'), 'UnitPage'),
});

export const propertiesRoutes = [propertiesRoute, newPropertyRoute, importRoute, vacancyRoute, propertyRoute, unitRoute];
