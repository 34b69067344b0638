import { Type } from 'typebox';
import { retentionJob } from '../../kernel/jobs/retention.js';
import { defineModule, type ModuleManifest } from '../../kernel/modules/manifest.js';
import { accountRoutes } from './account.routes.js';
import { apiKeysRoutes } from './api-keys.routes.js';
import { ApiKeysService } from './api-keys.service.js';
import { AccountService, type AccountDeps } from './account.service.js';
import { coreErrors } from './identity.errors.js';
import { identityRoutes } from './identity.routes.js';
import { IdentityService, type IdentityDeps } from './identity.service.js';
import { seedIdentity } from './identity.seed.js';
import { rolesRoutes } from './roles.routes.js';
import { RolesService } from './roles.service.js';
import { removedResourceSubscriber } from './roles.subscriber.js';
import { notificationPreferencesRoutes } from './notification-preferences.routes.js';
import { passkeysRoutes } from './passkeys.routes.js';
import { PasskeysRepository } from './passkeys.repository.js';
import { PasskeysService } from './passkeys.service.js';
import { settingsRoutes } from './settings.routes.js';
import { portalBrandingRoutes } from './portal-branding.routes.js';
import { webManifestRoutes } from './web-manifest.routes.js';
import { ssoRoutes, type SsoRouteDeps } from './sso.routes.js';
import { SsoService } from './sso.service.js';
import { twoStepRoutes } from './two-step.routes.js';
import { TwoStepRepository } from './two-step.repository.js';
import { TwoStepService, type TwoStepDeps } from './two-step.service.js';
import type { TenantSettingsStore } from '../../kernel/tenant-directory.js';

export { NOTIFICATION_CATEGORIES, NOTIFICATION_CHANNELS, usersWantingNotification, wantsNotification, type NotificationCategory, type NotificationChannel } from './notification-preferences.js';
export { rolePermissions } from './identity.reads.js';
export { memberAccounts } from './member-accounts.js';
export { seedIdentity, syncSystemRoles } from './identity.seed.js';
export { type UserInvitedData } from './identity.service.js';
export { TenantSessions } from './tenant-sessions.js';

/** The `core` module: tenant users, roles and sessions, and the tenant's settings (branding). Every tenant has it. */
export function identityModule(deps: Omit<IdentityDeps, 'modules' | 'twoStep'> & Pick<AccountDeps, 'resetLimit'> & Pick<TwoStepDeps, 'sealingSecret' | 'clock'> & Pick<SsoRouteDeps, 'tenantUrl' | 'baseDomain'> & { modules: () => IdentityDeps['modules']; settings: TenantSettingsStore }): ModuleManifest {
  let service: IdentityService | undefined;
  const account = new AccountService(deps);
  const apiKeys = new ApiKeysService({ modules: deps.modules, sessions: deps.sessions });
  const twoStep = new TwoStepService(deps);
  const sso = new SsoService(deps);
  const roles = new RolesService({ modules: deps.modules, roles: deps.roles });
  const passkeys = new PasskeysService({ twoStep, throttle: deps.throttle });
  return defineModule({
    key: 'core',
    name: 'Core',
    description: 'Tenant users, roles, sign-in (with two-step sign-in, passkeys and single sign-on) and sessions; the tenant\'s settings.',
    dependencies: [],
    alwaysLicensed: true,
    permissions: [
      { key: 'users.read', description: 'See tenant users' },
      { key: 'users.write', description: 'Create tenant users, change their roles, disable them' },
      { key: 'roles.read', description: 'See roles and their permissions' },
      { key: 'roles.write', description: 'Make, change and delete custom roles (with permissions you hold yourself)' },
      { key: 'settings.read', description: "See the tenant's settings (branding)" },
      { key: 'settings.write', description: "Change the tenant's settings (branding)" },
      { key: 'api_keys.manage', description: 'Make API keys with some of your own permissions, see and revoke every API key of the tenant' },
      { key: 'sso.manage', description: 'Configure single sign-on: the identity providers, their role mapping and the e-mail domains that must use them' },
    ],
    defaultGrants: { manager: ['users.read', 'users.write', 'roles.read', 'roles.write', 'settings.read', 'settings.write', 'api_keys.manage', 'sso.manage'], staff: ['users.read', 'roles.read', 'settings.read'] },
    migrations: new URL('./migrations/', import.meta.url),
    errors: coreErrors,
    jobs: [
      // Kept a day after they end, for looking into a sign-in that went wrong.
      retentionJob({ name: 'core.mfa_challenges.prune', cron: '0 3 * * *', days: 1, prune: (db, cutoff, limit) => new TwoStepRepository(db).pruneChallenges(cutoff, limit) }),
      retentionJob({ name: 'core.passkey_challenges.prune', cron: '5 3 * * *', days: 1, prune: (db, cutoff, limit) => new PasskeysRepository(db).pruneChallenges(cutoff, limit) }),
      // Nothing reads a session's factors once the session has ended.
      retentionJob({ name: 'core.session_factors.prune', cron: '10 3 * * *', days: 0, prune: (db, cutoff, limit) => new TwoStepRepository(db).pruneEndedSessionFactors(cutoff, limit) }),
    ],
    events: [
      {
        type: 'user.invited',
        version: 1,
        description: 'A user was created without a password and sent an invitation e-mail (also when an invitation is sent again).',
        data: Type.Object({
          userId: Type.String({ format: 'uuid' }),
          email: Type.String(),
          name: Type.String(),
          invitedBy: Type.Union([Type.String({ format: 'uuid' }), Type.Null()]),
          expiresAt: Type.String({ format: 'date-time' }),
        }),
      },
    ],
    subscribers: [removedResourceSubscriber(deps.roles)],
    // Every tenant starts with its system roles and its first administrator, an owner.
    provision: async (db, input) => void (await seedIdentity(db, input.tenantId, input, input.admin)),
    routes(app) {
      service ??= new IdentityService({ ...deps, modules: deps.modules(), twoStep });
      identityRoutes(app, service, deps.refreshTtl);
      accountRoutes(app, account, service);
      notificationPreferencesRoutes(app);
      twoStepRoutes(app, twoStep, service, deps.refreshTtl);
      passkeysRoutes(app, passkeys, twoStep, service, deps.refreshTtl);
      settingsRoutes(app, deps.settings, twoStep);
      webManifestRoutes(app);
      portalBrandingRoutes(app);
      apiKeysRoutes(app, apiKeys);
      ssoRoutes(app, sso, service, { refreshTtl: deps.refreshTtl, tenantUrl: deps.tenantUrl, baseDomain: deps.baseDomain });
      rolesRoutes(app, roles);
    },
  });
}
