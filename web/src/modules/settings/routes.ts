import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { workspaceRoot } from '../../workspace/root.js';

/** The settings pages; each loads (as a chunk of its own) when first opened. */
export const settingsRoute = createRoute({
  getParentRoute: () => workspaceRoot,
  path: '/settings',
  component: lazyRouteComponent(() => import('./Settings.js'), 'Settings'),
});

/** Single sign-on; `?edit=new` or `?edit={id}` opens the provider form. */
export const ssoSettingsRoute = createRoute({
  getParentRoute: () => workspaceRoot,
  path: '/settings/sso',
  validateSearch: (raw: Record<string, unknown>): { edit?: string } => (typeof raw.edit === 'string' && /^(new|[0-9a-f-]{36})$/.test(raw.edit) ? { edit: raw.edit } : {}),
  component: lazyRouteComponent(() => import('./SsoSettings.js'), 'SsoSettings'),
});

export const settingsRoutes = [settingsRoute, ssoSettingsRoute];
