import type { Logger } from 'pino';
import type { Db } from '../../kernel/db/tables.js';
import { AppError } from '../../kernel/errors.js';
import type { JobQueue } from '../../kernel/jobs/job.js';
import type { LoginThrottle } from '../../kernel/security/login-throttle.js';
import { checkPassword } from '../../kernel/security/password-policy.js';
import type { RequestLimit } from '../../kernel/security/request-limit.js';
import { generatePassword, hashPassword, verifyDecoy, verifyPassword } from '../../kernel/security/passwords.js';
import { RefreshTokens } from '../../kernel/security/refresh-tokens.js';
import { checkSession, type SessionCache, type SessionState } from '../../kernel/security/session-cache.js';
import type { AccessClaims, TokenService } from '../../kernel/security/tokens.js';
import { appendAudit } from '../audit.js';
import { confirmOperatorReset, OPERATOR_RESET_JOB, operatorPasswordContext } from './operator-recovery.js';
import { PlatformUsersRepository } from './platform-users.repository.js';

const SCOPE = 'control';
const PLATFORM_ROLE = 'platform_admin';

/** Sign-in for platform operators (the control plane). */
export class PlatformAuthService {
  constructor(
    private readonly db: Db,
    private readonly tokens: TokenService,
    private readonly lifetimes: { refreshTtl: number; sessionLifetime: number },
    private readonly throttle: LoginThrottle,
    private readonly sessions: SessionCache,
    private readonly recovery: { queue: JobQueue; resetLimit: RequestLimit },
  ) {}

  /**
   * Creates the first platform administrator if there is none. Returns the generated
   * password when none was configured, so that the caller prints it once.
   */
  async bootstrap(email: string, password: string | undefined, log: Logger): Promise<{ created: boolean; generatedPassword?: string }> {
    const users = new PlatformUsersRepository(this.db);
    if (await users.anyExists()) return { created: false };
    if (password) checkPassword(password, operatorPasswordContext(email), 'COURTYARD_ADMIN_PASSWORD');
    const chosen = password ?? generatePassword();
    if (!(await users.insert({ email, name: 'Platform administrator', passwordHash: await hashPassword(chosen) }))) return { created: false };
    await appendAudit(this.db, { actor: 'system', action: 'platform_user.bootstrapped', target: email });
    log.info({ email }, 'created the platform administrator');
    return password ? { created: true } : { created: true, generatedPassword: chosen };
  }

  #refresh(db: Db) {
    return new RefreshTokens(db, 'control.refresh_tokens', {
      ttlSeconds: this.lifetimes.refreshTtl,
      sessionSeconds: this.lifetimes.sessionLifetime,
      // Platform sign-out and replay revocation are single statements: committed once they return.
      onRevoke: (userId) => this.sessions.changed(SCOPE, userId),
    });
  }

  /** An access token is honoured only while its session lives and its operator is active. */
  async verify(claims: AccessClaims): Promise<void> {
    const state = await this.sessions.get(SCOPE, claims.sub, claims.sid, () => this.#sessionState(claims.sub, claims.sid));
    checkSession(state, claims);
  }

  async #sessionState(userId: string, familyId: string): Promise<SessionState | null> {
    const row = await new PlatformUsersRepository(this.db).session(userId, familyId);
    if (!row) return null;
    // Every platform user is an administrator: the role is the one the token names.
    return { alive: row.endsAt !== null, endsAt: row.endsAt ? new Date(row.endsAt).getTime() : 0, active: row.status === 'active', roles: [PLATFORM_ROLE], memberId: null };
  }

  async #pair(userId: string, familyId: string, refreshToken: string) {
    const access = await this.tokens.issueAccess({ sub: userId, aud: 'courtyard:control', roles: [PLATFORM_ROLE], sid: familyId });
    return { accessToken: access.token, refreshToken, expiresIn: access.expiresIn, tokenType: 'Bearer' as const };
  }

  async login(ip: string, email: string, password: string) {
    const account = `platform:${email.toLowerCase()}`;
    await this.throttle.admit(ip, account);
    const user = await new PlatformUsersRepository(this.db).findByEmail(email);
    const ok = user ? await verifyPassword(user.passwordHash, password) : await verifyDecoy(password);
    if (!user || !ok) {
      await this.throttle.failed(ip, account);
      throw new AppError('invalid_credentials');
    }
    if (user.status !== 'active') throw new AppError('account_disabled');
    await this.throttle.succeeded(ip, account);
    return this.db.transaction().execute(async (trx) => {
      await new PlatformUsersRepository(trx).signedIn(user.id, new Date());
      await appendAudit(trx, { actor: `platform:${user.id}`, action: 'platform_user.signed_in', data: { ip } });
      const { token, familyId } = await this.#refresh(trx).start(user.id);
      return this.#pair(user.id, familyId, token);
    });
  }

  async refresh(refreshToken: string) {
    // No transaction: a replay's revocation must stick even though the call fails.
    const next = await this.#refresh(this.db).rotate(refreshToken);
    if ((await new PlatformUsersRepository(this.db).status(next.userId)) !== 'active') {
      await this.#refresh(this.db).revokeFamily(next.userId, next.familyId);
      throw new AppError('invalid_refresh_token', 'The account is no longer active');
    }
    return this.#pair(next.userId, next.familyId, next.token);
  }

  /**
   * Queues the reset e-mail's job for any address: the same work whether or not an operator has
   * it, so neither the answer nor its timing tells. The job finds out and sends (or not).
   */
  async requestReset(ip: string, email: string, locale: string): Promise<void> {
    await this.recovery.resetLimit.admit(ip, `platform:${email}`);
    await this.recovery.queue.send(OPERATOR_RESET_JOB, { email: email.toLowerCase(), locale });
  }

  /** Sets a new password with a reset token; every session of the operator ends. */
  async confirmReset(token: string, password: string): Promise<void> {
    const userId = await confirmOperatorReset(this.db, token, password);
    this.sessions.changed(SCOPE, userId);
  }

  async logout(refreshToken: string): Promise<void> {
    await this.#refresh(this.db).revoke(refreshToken);
  }
}
