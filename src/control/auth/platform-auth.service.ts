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
import type { OperatorSecondStep, OperatorTwoStep } from './operator-two-step.js';
import { PlatformUsersRepository } from './platform-users.repository.js';

const SCOPE = 'control';
type OperatorTokens = { accessToken: string; refreshToken: string; expiresIn: number; tokenType: 'Bearer' };
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
    readonly twoStep: OperatorTwoStep,
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

  /** A token pair whose access token says how the session was signed in (`amr`) and when it last gave a second factor. */
  async #pair(db: Db, userId: string, familyId: string, refreshToken: string): Promise<OperatorTokens> {
    const access = await this.accessToken(db, userId, familyId);
    return { accessToken: access.token, refreshToken, expiresIn: access.expiresIn, tokenType: 'Bearer' as const };
  }

  async accessToken(db: Db, userId: string, familyId: string) {
    return this.tokens.issueAccess({ sub: userId, aud: 'courtyard:control', roles: [PLATFORM_ROLE], sid: familyId, ...(await this.twoStep.claims(db, userId, familyId)) });
  }

  async #startSession(trx: Db, userId: string, ip: string, amr: string[]) {
    await new PlatformUsersRepository(trx).signedIn(userId, new Date());
    const { token, familyId } = await this.#refresh(trx).start(userId);
    await this.twoStep.startSession(trx, familyId, userId, amr);
    await appendAudit(trx, { actor: `platform:${userId}`, action: 'platform_user.signed_in', data: { ip, amr } });
    return this.#pair(trx, userId, familyId, token);
  }

  /**
   * The password step: tokens, or (for an operator with an authenticator app) the second step
   * to take with `mfaToken`. Under the `required` policy, an operator without one is refused
   * with `mfa_enrolment_required` and a token to enrol with.
   */
  async login(ip: string, email: string, password: string): Promise<OperatorTokens | OperatorSecondStep> {
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
    const answer = await this.db.transaction().execute(async (trx) => {
      const step = await this.twoStep.afterPassword(trx, user.id);
      return step ?? this.#startSession(trx, user.id, ip, ['pwd']);
    });
    if ('enrol' in answer) {
      throw new AppError('mfa_enrolment_required', 'This platform requires two-step sign-in for operators: set up an authenticator app with this mfaToken (POST /control/v1/auth/mfa/enrol, then POST /control/v1/auth/mfa with a code)', { mfaEnrolmentRequired: true, mfaToken: answer.enrol });
    }
    return answer;
  }

  /** The second step of a sign-in: a code (or a recovery code) for the mfaToken; recovery codes too when it completed an enrolment. */
  async secondStep(ip: string, mfaToken: string, code: string) {
    const done = await this.twoStep.completeSignIn(ip, mfaToken, code, (trx, userId) => this.#startSession(trx, userId, ip, ['pwd', 'otp']));
    const tokens = done.started as OperatorTokens;
    return done.recoveryCodes ? { ...tokens, recoveryCodes: done.recoveryCodes } : tokens;
  }

  /** A step-up in the caller's session: a new access token that allows the dangerous actions for 15 minutes. */
  async stepUp(ip: string, userId: string, sessionId: string, code: string) {
    await this.twoStep.stepUp(ip, userId, sessionId, code);
    const access = await this.accessToken(this.db, userId, sessionId);
    return { accessToken: access.token, expiresIn: access.expiresIn, tokenType: 'Bearer' as const };
  }

  async refresh(refreshToken: string) {
    // No transaction: a replay's revocation must stick even though the call fails.
    const next = await this.#refresh(this.db).rotate(refreshToken);
    if ((await new PlatformUsersRepository(this.db).status(next.userId)) !== 'active') {
      await this.#refresh(this.db).revokeFamily(next.userId, next.familyId);
      throw new AppError('invalid_refresh_token', 'The account is no longer active');
    }
    return this.#pair(this.db, next.userId, next.familyId, next.token);
  }

  /**
   * Queues the reset e-mail's job for any address: the same work whether or not an operator has
   * it, so neither the answer nor its timing tells. The job finds out and sends (or not).
   */
  async requestReset(ip: string, email: string): Promise<void> {
    await this.recovery.resetLimit.admit(ip, `platform:${email}`);
    await this.recovery.queue.send(OPERATOR_RESET_JOB, { email: email.toLowerCase() });
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
