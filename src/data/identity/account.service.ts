import { principalOf, type TenantContext, type TenantInfo } from '../../kernel/context.js';
import { AppError, notFound, persisting } from '../../kernel/errors.js';
import type { MailQueue } from '../../kernel/mail/queue.js';
import type { LoginThrottle } from '../../kernel/security/login-throttle.js';
import { checkPassword } from '../../kernel/security/password-policy.js';
import { hashPassword, verifyPassword } from '../../kernel/security/passwords.js';
import type { RequestLimit } from '../../kernel/security/request-limit.js';
import { hashToken, newRefreshToken } from '../../kernel/security/tokens.js';
import { recordAudit } from '../../modules/audit/index.js';
import { requiredSsoProvider, ssoRequired } from './sso.service.js';
import { coreErrors } from './identity.errors.js';
import { IdentityRepository } from './identity.repository.js';
import { passwordContext } from './identity.service.js';
import type { TenantSessions } from './tenant-sessions.js';

/** A password-reset link works for an hour (OWASP Forgot Password Cheat Sheet: short-lived). */
export const RESET_TOKEN_SECONDS = 3600;

export interface AccountDeps {
  sessions: TenantSessions;
  mail: MailQueue;
  /** Reset requests per IP address and per e-mail address. */
  resetLimit: RequestLimit;
  /** Guesses at the current password when changing it count like failed sign-ins. */
  throttle: LoginThrottle;
}

/**
 * A user's own account: recovering it by e-mail, and the self-service routes under `/me`
 * (name, language, password, sessions). Everything here acts on the signed-in user or, for a
 * reset, on the user a token names; never on a user chosen by the caller.
 */
export class AccountService {
  constructor(private readonly deps: AccountDeps) {}

  /** Counts a reset request before its transaction (a refusal must hold no connection). */
  admitReset(tenant: TenantInfo, ip: string, email: string): Promise<void> {
    return this.deps.resetLimit.admit(ip, `${tenant.id}:${email}`);
  }

  /**
   * E-mails a single-use reset link to an active user with this address; does nothing for any
   * other address. The caller answers 202 either way, no sooner than a fixed time after the
   * request began (see the route), so the answer says nothing about which addresses exist.
   */
  async requestPasswordReset(ctx: TenantContext, email: string): Promise<void> {
    const repo = new IdentityRepository(ctx.db);
    const user = await repo.findUserByEmail(email);
    if (!user || user.status !== 'active') return;
    // A domain that must use single sign-on has no passwords to reset (the answer is the same 202).
    if (await requiredSsoProvider(ctx, user.email)) return;
    const expiresAt = new Date(Date.now() + RESET_TOKEN_SECONDS * 1000);
    const { token, hash } = newRefreshToken();
    await repo.insertToken(ctx.tenant.id, { userId: user.id, purpose: 'password_reset', hash, expiresAt, createdBy: null });
    await this.deps.mail.queue(ctx, { kind: 'password_reset', to: { email: user.email, name: user.name }, data: { expiresAt: expiresAt.toISOString() }, secrets: { token }, locale: user.locale ?? ctx.locale });
    await recordAudit(ctx, { action: 'auth.password_reset.requested', actor: { type: 'anonymous' }, target: { type: 'user', id: user.id } });
    ctx.log.info({ user: user.id }, 'password reset requested');
  }

  /** Spends a reset token, sets the new password and ends every session of the user. */
  async confirmPasswordReset(ctx: TenantContext, token: string, password: string): Promise<void> {
    const repo = new IdentityRepository(ctx.db);
    const now = new Date();
    const spent = await repo.consumeToken('password_reset', hashToken(token), now);
    const user = spent ? await repo.findUser(spent.userId) : undefined;
    // Unknown, expired and spent tokens get one answer; a refused password rolls the spending back.
    if (!user || user.status !== 'active') throw new AppError('invalid_token', 'The reset link is not valid: it may have expired or been used already');
    const sso = await requiredSsoProvider(ctx, user.email);
    if (sso) throw ssoRequired(user.email, sso);
    checkPassword(password, passwordContext(ctx, user.email));
    await repo.updateUser(user.id, { passwordHash: await hashPassword(password) });
    // Every other link sent before this one stops working too.
    await repo.revokeTokens(user.id, 'password_reset', now);
    await repo.revokeSessions(user.id, now);
    this.deps.sessions.changed(ctx, user.id);
    await recordAudit(ctx, { action: 'auth.password_reset.confirmed', actor: { type: 'user', id: user.id }, target: { type: 'user', id: user.id } });
    ctx.log.info({ user: user.id }, 'password reset');
  }

  async updateMe(ctx: TenantContext, patch: { name?: string; locale?: string | null }): Promise<void> {
    const user = await new IdentityRepository(ctx.db).updateUser(principalOf(ctx).userId, patch);
    if (!user) throw notFound('The user');
    // The session state carries the locale (problem details follow it): reload it.
    if (patch.locale !== undefined) this.deps.sessions.changed(ctx, user.id);
  }

  /** Slows or refuses guesses at the current password before the transaction, like sign-in. */
  admitPasswordChange(tenant: TenantInfo, ip: string, userId: string): Promise<void> {
    return this.deps.throttle.admit(ip, `${tenant.id}:user:${userId}`);
  }

  /** Changes the signed-in user's password; every other session of theirs ends, this one goes on. */
  async changePassword(ctx: TenantContext, ip: string, currentPassword: string, newPassword: string): Promise<void> {
    const principal = principalOf(ctx);
    const repo = new IdentityRepository(ctx.db);
    const user = await repo.findUser(principal.userId);
    if (!user) throw notFound('The user');
    if (!user.passwordHash || !(await verifyPassword(user.passwordHash, currentPassword))) {
      await this.deps.throttle.failed(ip, `${ctx.tenant.id}:user:${user.id}`);
      // Someone holding the session tried a password that is not the user's: worth a look.
      await recordAudit(ctx, { action: 'account.password_change_failed', target: { type: 'user', id: user.id }, details: { reason: 'wrong_password' } });
      throw persisting(new AppError(coreErrors.wrong_password, 'The current password is wrong', { errors: [{ field: '/currentPassword', code: 'wrong_password', message: 'is not your current password' }] }));
    }
    checkPassword(newPassword, passwordContext(ctx, user.email), '/newPassword');
    await repo.updateUser(user.id, { passwordHash: await hashPassword(newPassword) });
    await repo.revokeSessions(user.id, new Date(), principal.sessionId);
    this.deps.sessions.changed(ctx, user.id);
    await recordAudit(ctx, { action: 'account.password_changed', target: { type: 'user', id: user.id } });
  }

  async listSessions(ctx: TenantContext) {
    const principal = principalOf(ctx);
    const sessions = await new IdentityRepository(ctx.db).listSessions(principal.userId, new Date());
    return { data: sessions.map((s) => ({ ...s, current: s.id === principal.sessionId })) };
  }

  /** Ends one of the signed-in user's own sessions; another user's session is not found. */
  async endSession(ctx: TenantContext, id: string): Promise<void> {
    const userId = principalOf(ctx).userId;
    if (!(await new IdentityRepository(ctx.db).revokeSession(userId, id, new Date()))) throw notFound('The session');
    this.deps.sessions.changed(ctx, userId);
    await recordAudit(ctx, { action: 'account.session_ended', target: { type: 'session', id } });
  }
}
