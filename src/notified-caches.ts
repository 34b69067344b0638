import type { Logger } from 'pino';
import { RolePermissionCache } from './data/role-cache.js';
import type { Database } from './kernel/db/database.js';
import { SessionCache } from './kernel/security/session-cache.js';

const SESSIONS_CHANNEL = 'courtyard_sessions';
const ROLES_CHANNEL = 'courtyard_roles';

/**
 * The role and session caches every process keeps. A change reaches this process's cache once
 * committed and every other process's by notification on the main database.
 */
export async function notifiedCaches(main: Database, log: Logger): Promise<{ roles: RolePermissionCache; sessionCache: SessionCache; stop: () => Promise<void> }> {
  const tell = (channel: string, what: string) => (payload: string) => {
    main.notify(channel, payload).catch((error: unknown) => log.warn({ err: error }, `could not notify other processes of a ${what} change`));
  };
  const roles = new RolePermissionCache(tell(ROLES_CHANNEL, 'role'));
  const stopRoles = await main.listen(ROLES_CHANNEL, (payload) => roles.forget(payload));
  const sessionCache = new SessionCache(tell(SESSIONS_CHANNEL, 'session'));
  const stopSessions = await main.listen(SESSIONS_CHANNEL, (payload) => sessionCache.forget(payload));
  return {
    roles,
    sessionCache,
    stop: async () => {
      await stopRoles();
      await stopSessions();
    },
  };
}
