import type { Db } from '../../kernel/db/tables.js';
import { AppError, notFound } from '../../kernel/errors.js';
import type { LoginThrottle } from '../../kernel/security/login-throttle.js';
import { checkPassword } from '../../kernel/security/password-policy.js';
import { hashPassword, verifyPassword } from '../../kernel/security/passwords.js';
import { listSessions, revokeSession } from '../../kernel/security/refresh-tokens.js';
import type { SessionCache } from '../../kernel/security/session-cache.js';
import { appendAudit } from '../audit.js';
import { controlErrors } from '../control.errors.js';
import { operatorPasswordContext } from './operator-recovery.js';
import { PlatformUsersRepository } from './platform-users.repository.js';

const SCOPE = 'control';
const TABLE = 'control.refresh_tokens';

/** Who is acting: the signed-in operator and the session (refresh-token family) the request uses. */
export interface OperatorSession {
  userId: string;
  sessionId: string;
}

/**
 * A platform operator's own account (`/control/v1/me`): name, password and sessions, as tenant
 * users have theirs in the workspace. Everything acts on the signed-in operator, never on one
 * the caller names; a platform API key reaches none of it (see `checkPlatformApiKeyRoute`).
 */
export class OperatorAccount {
  constructor(
    private readonly db: Db,
    /** Guesses at the current password count like failed sign-ins. */
    private readonly throttle: LoginThrottle,
    private readonly sessions: SessionCache,
  ) {}

  async me(userId: string): Promise<{ id: string; email: string; name: string }> {
    const user = await new PlatformUsersRepository(this.db).find(userId);
    if (!user) throw notFound('The operator');
    return { id: user.id, email: user.email, name: user.name };
  }

  async rename(userId: string, name: string): Promise<{ id: string; email: string; name: string }> {
    if (!(await new PlatformUsersRepository(this.db).rename(userId, name))) throw notFound('The operator');
    return this.me(userId);
  }

  /** Changes the operator's password: every other session of theirs ends, this one goes on. */
  async changePassword(who: OperatorSession, ip: string, currentPassword: string, newPassword: string): Promise<void> {
    const account = `platform:user:${who.userId}`;
    await this.throttle.admit(ip, account);
    const user = await new PlatformUsersRepository(this.db).find(who.userId);
    if (!user) throw notFound('The operator');
    if (!(await verifyPassword(user.passwordHash, currentPassword))) {
      await this.throttle.failed(ip, account);
      // Someone holding the session tried a password that is not the operator's: worth a look.
      await appendAudit(this.db, { actor: `platform:${user.id}`, action: 'platform_user.password_change_failed', data: { ip, reason: 'wrong_password' } });
      throw new AppError(controlErrors.wrong_password, 'The current password is wrong', { errors: [{ field: '/currentPassword', code: 'wrong_password', message: 'is not your current password' }] });
    }
    checkPassword(newPassword, operatorPasswordContext(user.email), '/newPassword');
    const passwordHash = await hashPassword(newPassword);
    await this.db.transaction().execute(async (trx) => {
      const users = new PlatformUsersRepository(trx);
      await users.setPassword(user.id, passwordHash);
      await users.revokeSessions(user.id, new Date(), who.sessionId);
      await appendAudit(trx, { actor: `platform:${user.id}`, action: 'platform_user.password_changed', data: { ip } });
    });
    this.sessions.changed(SCOPE, user.id);
  }

  async listSessions(who: OperatorSession) {
    const sessions = await listSessions(this.db, TABLE, who.userId, new Date());
    return { data: sessions.map((s) => ({ ...s, current: s.id === who.sessionId })) };
  }

  /** Ends one of the operator's own sessions; another operator's (or an unknown one) is not found. */
  async endSession(who: OperatorSession, id: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      if (!(await revokeSession(trx, TABLE, who.userId, id, new Date()))) throw notFound('The session');
      await appendAudit(trx, { actor: `platform:${who.userId}`, action: 'platform_user.session_ended', target: id });
    });
    this.sessions.changed(SCOPE, who.userId);
  }
}
