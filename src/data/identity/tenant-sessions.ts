import type { TenantContext, TenantInfo } from '../../kernel/context.js';
import type { Db } from '../../kernel/db/tables.js';
import type { SessionCache, SessionState } from '../../kernel/security/session-cache.js';
import type { AccessClaims } from '../../kernel/security/tokens.js';
import type { RoleGrant } from '../role-cache.js';
import { IdentityRepository } from './identity.repository.js';

/**
 * Tenant sessions as the pipeline checks them (with `checkSession`): an access token is
 * honoured only while its session lives and its user is active with the roles and member link
 * the token names.
 */
export class TenantSessions {
  constructor(private readonly cache: SessionCache) {}

  /** The cached state of the token's session, without loading it (undefined: not cached). */
  peek(tenant: TenantInfo, claims: AccessClaims): SessionState | null | undefined {
    return this.cache.peek(tenant.id, claims.sub, claims.sid);
  }

  /**
   * Loads the state of the token's session in the caller's tenant transaction, and with it, in
   * the same statement, every role's permissions when `keepRoles` asks for them; caches it.
   */
  async load(db: Db, tenant: TenantInfo, claims: AccessClaims, keepRoles?: (roles: Map<string, RoleGrant>) => void): Promise<SessionState | null> {
    const keep = this.cache.reserve(tenant.id, claims.sub, claims.sid);
    const repo = new IdentityRepository(db);
    if (!keepRoles) {
      const state = await repo.sessionState(claims.sub, claims.sid);
      keep(state);
      return state;
    }
    const { state, roles } = await repo.sessionStateAndRoles(claims.sub, claims.sid);
    keep(state);
    if (roles) keepRoles(roles);
    return state;
  }

  /** The user's sessions changed in this request: every process forgets them once it commits. */
  changed(ctx: TenantContext, userId: string): void {
    ctx.afterCommit(() => this.cache.changed(ctx.tenant.id, userId));
  }
}
