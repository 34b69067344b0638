import type { TenantContext, TenantInfo } from '../../kernel/context.js';
import type { TenantDatabaseRouter } from '../../kernel/db/router.js';
import { checkSession, type SessionCache } from '../../kernel/security/session-cache.js';
import type { AccessClaims } from '../../kernel/security/tokens.js';
import { IdentityRepository } from './identity.repository.js';

/**
 * Tenant sessions as the pipeline checks them: an access token is honoured only while its
 * session lives and its user is active with the roles and member link the token names.
 */
export class TenantSessions {
  constructor(
    private readonly router: TenantDatabaseRouter,
    private readonly cache: SessionCache,
  ) {}

  async verify(tenant: TenantInfo, claims: AccessClaims): Promise<void> {
    const state = await this.cache.get(tenant.id, claims.sub, claims.sid, () =>
      this.router.tenantTransaction(tenant, (db) => new IdentityRepository(db).sessionState(claims.sub, claims.sid)));
    checkSession(state, claims);
  }

  /** The user's sessions changed in this request: every process forgets them once it commits. */
  changed(ctx: TenantContext, userId: string): void {
    ctx.afterCommit(() => this.cache.changed(ctx.tenant.id, userId));
  }
}
