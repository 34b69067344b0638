import type { MessageId } from '../i18n/intl.js';

/**
 * The workspace's modules in the navigation, in this order, each shown to a user whose tenant
 * is licensed for it and whose roles grant its read permission. A module's pages register
 * their routes in workspace/routes.tsx.
 */
export const WORKSPACE_MODULES: { module: string; permission: string; to: string; label: MessageId }[] = [
  { module: 'members', permission: 'members.read', to: '/members', label: 'nav.members' },
  { module: 'properties', permission: 'properties.read', to: '/properties', label: 'nav.properties' },
  { module: 'leases', permission: 'leases.read', to: '/leases', label: 'nav.leases' },
  { module: 'finance', permission: 'finance.read', to: '/finance', label: 'nav.finance' },
  { module: 'documents', permission: 'documents.read', to: '/documents', label: 'nav.documents' },
  { module: 'communications', permission: 'communications.read', to: '/announcements', label: 'nav.announcements' },
  { module: 'core', permission: 'users.read', to: '/users', label: 'nav.users' },
  { module: 'core', permission: 'roles.read', to: '/roles', label: 'nav.roles' },
  { module: 'audit', permission: 'audit.read', to: '/audit', label: 'nav.audit' },
  { module: 'webhooks', permission: 'webhooks.read', to: '/webhooks', label: 'nav.webhooks' },
  { module: 'mail', permission: 'mail.read', to: '/mail', label: 'nav.mail' },
  { module: 'core', permission: 'settings.read', to: '/settings', label: 'nav.settings' },
  { module: 'objects', permission: 'objects.manage', to: '/settings/data-model', label: 'nav.dataModel' },
  { module: 'billing', permission: 'billing.read', to: '/billing', label: 'nav.billing' },
  { module: 'core', permission: 'api_keys.manage', to: '/api-keys', label: 'nav.apiKeys' },
  { module: 'core', permission: 'sso.manage', to: '/settings/sso', label: 'nav.sso' },
];
