import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { urlText } from '../../ui/url-search.js';
import { consoleRoot } from '../root.js';

/** The operator's own webhooks (control-plane events); each page loads (as a chunk of its own) when first opened. */
export const operatorWebhooksRoute = createRoute({
  getParentRoute: () => consoleRoot,
  path: '/webhooks',
  validateSearch: (raw: Record<string, unknown>): { cursor?: string } => ({ cursor: urlText(raw.cursor, 2048) }),
  component: lazyRouteComponent(() => import('./WebhooksList.js'), 'WebhooksList'),
});
export const newOperatorWebhookRoute = createRoute({
  getParentRoute: () => consoleRoot,
  path: '/webhooks/new',
  component: lazyRouteComponent(() => import('./NewWebhook.js'), 'NewWebhook'),
});
export const operatorWebhookRoute = createRoute({
  getParentRoute: () => consoleRoot,
  path: '/webhooks/$endpointId',
  component: lazyRouteComponent(() => import('./WebhookPage.js'), 'WebhookPage'),
});

export const operatorWebhooksRoutes = [operatorWebhooksRoute, newOperatorWebhookRoute, operatorWebhookRoute];
