import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { workspaceRoot } from '../../workspace/root.js';
import { recordsSearch } from './search.js';

/** Settings → Data model: the objects, a new one, one object's definition, and its field forms (`objects.manage`). */
export const dataModelRoute = createRoute({
  getParentRoute: () => workspaceRoot,
  path: '/settings/data-model',
  component: lazyRouteComponent(() => import('./DataModel.js'), 'DataModel'),
});
export const newObjectRoute = createRoute({
  getParentRoute: () => workspaceRoot,
  path: '/settings/data-model/new',
  component: lazyRouteComponent(() => import('./NewObject.js'), 'NewObject'),
});
export const definitionRoute = createRoute({
  getParentRoute: () => workspaceRoot,
  path: '/settings/data-model/$objectKey',
  component: lazyRouteComponent(() => import('./DefinitionPage.js'), 'DefinitionPage'),
});
export const addFieldRoute = createRoute({
  getParentRoute: () => workspaceRoot,
  path: '/settings/data-model/$objectKey/fields/new',
  component: lazyRouteComponent(() => import('./FieldPages.js'), 'AddField'),
});
export const editFieldRoute = createRoute({
  getParentRoute: () => workspaceRoot,
  path: '/settings/data-model/$objectKey/fields/$fieldKey',
  component: lazyRouteComponent(() => import('./FieldPages.js'), 'EditField'),
});
export const automationsRoute = createRoute({
  getParentRoute: () => workspaceRoot,
  path: '/settings/data-model/$objectKey/automations',
  component: lazyRouteComponent(() => import('./AutomationPages.js'), 'AutomationsPage'),
});
export const newAutomationRoute = createRoute({
  getParentRoute: () => workspaceRoot,
  path: '/settings/data-model/$objectKey/automations/new',
  component: lazyRouteComponent(() => import('./AutomationPages.js'), 'NewAutomation'),
});
export const automationRoute = createRoute({
  getParentRoute: () => workspaceRoot,
  path: '/settings/data-model/$objectKey/automations/$automationId',
  component: lazyRouteComponent(() => import('./AutomationPages.js'), 'AutomationPage'),
});

/** Each object's records: the table or the board (`?view=board&by=status`), a record, its forms. */
export const recordsRoute = createRoute({
  getParentRoute: () => workspaceRoot,
  path: '/objects/$objectKey',
  validateSearch: recordsSearch,
  component: lazyRouteComponent(() => import('./RecordsPage.js'), 'RecordsPage'),
});
export const newRecordRoute = createRoute({
  getParentRoute: () => workspaceRoot,
  path: '/objects/$objectKey/new',
  component: lazyRouteComponent(() => import('./RecordForms.js'), 'NewRecord'),
});
export const importRoute = createRoute({
  getParentRoute: () => workspaceRoot,
  path: '/objects/$objectKey/import',
  component: lazyRouteComponent(() => import('./ImportRecords.js'), 'ImportRecords'),
});
export const recordRoute = createRoute({
  getParentRoute: () => workspaceRoot,
  path: '/objects/$objectKey/$recordId',
  component: lazyRouteComponent(() => import('./RecordPage.js'), 'RecordPage'),
});
export const editRecordRoute = createRoute({
  getParentRoute: () => workspaceRoot,
  path: '/objects/$objectKey/$recordId/edit',
  component: lazyRouteComponent(() => import('./RecordForms.js'), 'EditRecord'),
});

export const objectsRoutes = [dataModelRoute, newObjectRoute, definitionRoute, addFieldRoute, editFieldRoute, automationsRoute, newAutomationRoute, automationRoute, recordsRoute, newRecordRoute, importRoute, recordRoute, editRecordRoute];
