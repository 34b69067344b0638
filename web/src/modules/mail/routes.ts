import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { workspaceRoot } from '../../workspace/root.js';
import { messagesSearch } from './search.js';

/** The mail module's pages; each loads (as a chunk of its own) when first opened. */
export const templatesRoute = createRoute({
  getParentRoute: () => workspaceRoot,
  path: '/mail',
  component: lazyRouteComponent(() => import('./TemplatesList.js'), 'TemplatesList'),
});
export const templateRoute = createRoute({
  getParentRoute: () => workspaceRoot,
  path: '/mail/templates/$kind',
  component: lazyRouteComponent(() => import('./TemplatePage.js'), 'TemplatePage'),
});
export const messagesRoute = createRoute({
  getParentRoute: () => workspaceRoot,
  path: '/mail/messages',
  validateSearch: messagesSearch,
  component: lazyRouteComponent(() => import('./MessagesList.js'), 'MessagesList'),
});

export const mailRoutes = [templatesRoute, templateRoute, messagesRoute];
