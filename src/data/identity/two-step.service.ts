import { randomBytes } from 'node:crypto';
import { principalOf, type TenantContext, type TenantInfo } from '../../kernel/context.js';
import { AppError, persisting } from '../../kernel/errors.js';
import type { LoginThrottle } from '../../kernel/security/login-throttle.js';
import { SealedBox } from '../../kernel/security/sealed-box.js';
import { hashToken } from '../../kernel/security/tokens.js';
import { compactCode, isRecoveryCode, isTotpCode, matchTotp, newRecoveryCodes, newTotpSecret, RecoveryCodeHasher, totpUri } from '../../kernel/security/totp.js';
import { recordAudit, type AuditActor } from '../../modules/audit/index.js';
import { coreErrors } from './identity.errors.js';
import { IdentityRepository } from './identity.repository.js';
import { PasskeysRepository } from './passkeys.repository.js';
import { TwoStepRepository, type ChallengeRow } from './two-step.repository.js';

/** An mfaToken lives five minutes and survives this many wrong codes. */
export const CHALLENGE_SECONDS = 300;
export const CHALLENGE_FAILURES = 5;

export interface TwoStepDeps {
  /** The platform secret the TOTP secrets are sealed with and the recovery codes keyed by. */
  sealingSecret: string;
  /** Wrong codes count like failed sign-ins (per address and user). */
  throttle: LoginThrottle;
  /** The time codes are checked at and second factors recorded with (tests move it). */
  clock?: () => Date;
}

export interface MfaChallenge {
  mfaRequired: true;
  mfaToken: string;
  methods: ('totp' | 'recovery_code' | 'passkey')[];
}

type Method = 'totp' | 'recovery_code';

/**
 * The `amr` values (RFC 8176) that are a second factor: `otp` (an authenticator app's code or a
 * recovery code) and `hwk` (a passkey: proof of possession of a hardware-held key). A session
 * whose `amr` holds one of them gave a second factor when it started.
 */
export const SECOND_FACTORS: readonly string[] = ['otp', 'hwk'];
export const hasSecondFactor = (amr: readonly string[]): boolean => amr.some((a) => SECOND_FACTORS.includes(a));

/**
 * Two-step sign-in: an authenticator app (TOTP) with recovery codes, the second step of a
 * sign-in, step-up for sensitive actions and the tenant's rule of which roles must use it.
 * Issuing tokens stays with IdentityService; the routes join the two.
 */
export class TwoStepService {
  readonly #box: SealedBox;
  readonly #codes: RecoveryCodeHasher;

  constructor(private readonly deps: TwoStepDeps) {
    this.#box = new SealedBox(deps.sealingSecret, 'totp secrets');
    this.#codes = new RecoveryCodeHasher(deps.sealingSecret);
  }

  now(): Date {
    return this.deps.clock?.() ?? new Date();
  }

  /** Slows or refuses guesses at a user's codes before the transaction, like sign-in. */
  admit(tenant: TenantInfo, ip: string, userId: string): Promise<void> {
    return this.deps.throttle.admit(ip, throttleKey(tenant.id, userId));
  }

  async status(ctx: TenantContext) {
    const principal = principalOf(ctx);
    const repo = new TwoStepRepository(ctx.db);
    const totp = await repo.totp(principal.userId);
    return {
      totp: { enrolled: Boolean(totp?.confirmedAt), pending: Boolean(totp && !totp.confirmedAt), confirmedAt: totp?.confirmedAt ?? null },
      recoveryCodesRemaining: totp?.confirmedAt ? await repo.recoveryCodesLeft(principal.userId) : 0,
      required: await this.#required(repo, principal.roles),
      passkeys: await new PasskeysRepository(ctx.db).countOfUser(principal.userId),
    };
  }

  /** A new secret for the user's authenticator, pending until a code confirms it. */
  async enrol(ctx: TenantContext, userId: string): Promise<{ secret: string; otpauthUri: string }> {
    const repo = new TwoStepRepository(ctx.db);
    if ((await repo.totp(userId))?.confirmedAt) throw new AppError(coreErrors.totp_already_enrolled, 'An authenticator app is enrolled already: turn it off first to enrol another');
    const user = await new IdentityRepository(ctx.db).findUser(userId);
    if (!user) throw new AppError('unauthenticated', 'The account no longer exists');
    const secret = newTotpSecret();
    await repo.putPendingTotp(ctx.tenant.id, userId, this.#box.seal(secret, sealContext(ctx.tenant.id, userId)));
    const issuer = ctx.tenant.branding.displayName ?? ctx.tenant.name;
    return { secret, otpauthUri: totpUri(issuer, user.email, secret) };
  }

  /** Confirms a pending authenticator with a code from it; answers the recovery codes, shown this once. */
  async confirm(ctx: TenantContext, ip: string, userId: string, code: string): Promise<string[]> {
    const repo = new TwoStepRepository(ctx.db);
    const totp = await repo.totp(userId);
    if (!totp) throw new AppError(coreErrors.totp_not_enrolled, 'Start the enrolment first (POST /me/mfa/totp)');
    if (totp.confirmedAt) throw new AppError(coreErrors.totp_already_enrolled, 'The authenticator app is confirmed already');
    if (!(await this.#checkTotp(ctx, userId, totp, code, this.now()))) await this.#wrong(ctx, ip, userId);
    await this.deps.throttle.succeeded(ip, throttleKey(ctx.tenant.id, userId));
    const codes = await this.#newRecoveryCodes(ctx, repo, userId);
    await recordAudit(ctx, { action: 'auth.mfa.enabled', target: { type: 'user', id: userId }, details: { method: 'totp' } });
    return codes;
  }

  /** Turns two-step sign-in off, with a current code or a recovery code. */
  async disable(ctx: TenantContext, ip: string, userId: string, code: string): Promise<void> {
    const method = await this.verify(ctx, ip, userId, code);
    await new TwoStepRepository(ctx.db).deleteTotp(userId);
    ctx.log.info({ user: userId }, 'two-step sign-in turned off');
    await recordAudit(ctx, { action: 'auth.mfa.disabled', target: { type: 'user', id: userId }, details: { method } });
  }

  /** Checks a second factor of an enrolled user (a code or a recovery code, each once), counting a wrong one. */
  async verify(ctx: TenantContext, ip: string, userId: string, code: string): Promise<Method> {
    const totp = await new TwoStepRepository(ctx.db).totp(userId);
    if (!totp?.confirmedAt) throw new AppError(coreErrors.totp_not_enrolled, 'Two-step sign-in is not set up: enrol an authenticator app first (POST /me/mfa/totp)');
    const method = await this.#check(ctx, userId, totp, code);
    if (!method) await this.#wrong(ctx, ip, userId);
    await this.deps.throttle.succeeded(ip, throttleKey(ctx.tenant.id, userId));
    if (method === 'recovery_code') await this.#recoveryCodeUsed(ctx, userId);
    return method!;
  }

  /** After a right password: the second step the user must take, or null to sign in at once. */
  async afterPassword(ctx: TenantContext, userId: string, roles: string[]): Promise<MfaChallenge | null> {
    const repo = new TwoStepRepository(ctx.db);
    const methods: MfaChallenge['methods'] = (await repo.totp(userId))?.confirmedAt ? ['totp', 'recovery_code'] : [];
    // A passkey is a second factor too (docs/passkeys.md): its holder takes the second step with it.
    if ((await new PasskeysRepository(ctx.db).countOfUser(userId)) > 0) methods.push('passkey');
    if (methods.length > 0) return { mfaRequired: true, mfaToken: await this.#challenge(ctx, repo, userId, 'sign_in'), methods };
    if (!(await this.#required(repo, roles))) return null;
    // The challenge must outlive the refusal: the error commits the transaction.
    const mfaToken = await this.#challenge(ctx, repo, userId, 'enrol');
    await recordAudit(ctx, { action: 'auth.sign_in.mfa_enrolment_required', actor: { type: 'user', id: userId }, target: { type: 'user', id: userId } });
    throw persisting(new AppError('mfa_enrolment_required', 'Your organisation requires two-step sign-in for your role: set up an authenticator app with this mfaToken (POST /auth/mfa/enrol, then POST /auth/mfa with a code)', { mfaEnrolmentRequired: true, mfaToken }));
  }

  /** Enrolment with the mfaToken of a sign-in refused for want of it. */
  async enrolWithToken(ctx: TenantContext, mfaToken: string) {
    const challenge = await this.#open(ctx, mfaToken);
    if (challenge.purpose !== 'enrol') throw new AppError(coreErrors.totp_already_enrolled, 'This sign-in needs a code, not an enrolment');
    return this.enrol(ctx, challenge.userId);
  }

  /**
   * The second step of a sign-in: spends the mfaToken once the code is right (confirming the
   * authenticator when the token was for an enrolment) and answers whose sign-in it completes.
   * A wrong code is counted on the token, which ends after CHALLENGE_FAILURES of them.
   */
  async completeSignIn(ctx: TenantContext, ip: string, mfaToken: string, code: string): Promise<{ userId: string; recoveryCodes?: string[] }> {
    const challenge = await this.#open(ctx, mfaToken);
    const repo = new TwoStepRepository(ctx.db);
    const now = this.now();
    const user = await new IdentityRepository(ctx.db).findUser(challenge.userId);
    if (!user || user.status !== 'active') throw new AppError('account_disabled');
    const totp = await repo.totp(challenge.userId);
    const enrolling = challenge.purpose === 'enrol';
    const right = totp && (enrolling ? !totp.confirmedAt && (await this.#checkTotp(ctx, challenge.userId, totp, code, now)) : totp.confirmedAt && (await this.#check(ctx, challenge.userId, totp, code)));
    if (!right) {
      const failures = await repo.failChallenge(challenge.id, CHALLENGE_FAILURES, now);
      await this.deps.throttle.failed(ip, throttleKey(ctx.tenant.id, challenge.userId));
      const left = Math.max(0, CHALLENGE_FAILURES - failures);
      await recordAudit(ctx, { action: 'auth.mfa.failed', actor: { type: 'anonymous' }, target: { type: 'user', id: challenge.userId }, details: { at: 'sign_in', attemptsLeft: left } });
      throw persisting(invalidCode(left > 0 ? `The code is wrong; ${left} tries left with this sign-in` : 'The code is wrong; sign in with your password again', { attemptsLeft: left }));
    }
    await repo.consumeChallenge(challenge.id, now);
    await this.deps.throttle.succeeded(ip, throttleKey(ctx.tenant.id, challenge.userId));
    const actor = { type: 'user', id: challenge.userId } as const;
    if (enrolling) await recordAudit(ctx, { action: 'auth.mfa.enabled', actor, target: { type: 'user', id: challenge.userId }, details: { method: 'totp', atSignIn: true } });
    else if (right === 'recovery_code') await this.#recoveryCodeUsed(ctx, challenge.userId, actor);
    return enrolling ? { userId: challenge.userId, recoveryCodes: await this.#newRecoveryCodes(ctx, repo, challenge.userId) } : { userId: challenge.userId };
  }

  /** A step-up: a second factor given now in the principal's session. */
  async stepUp(ctx: TenantContext, ip: string, code: string): Promise<void> {
    const principal = principalOf(ctx);
    const method = await this.verify(ctx, ip, principal.userId, code);
    await new TwoStepRepository(ctx.db).steppedUp(ctx.tenant.id, principal.sessionId, principal.userId, this.now());
    await recordAudit(ctx, { action: 'auth.step_up', target: { type: 'session', id: principal.sessionId }, details: { method } });
  }

  async requiredRoles(ctx: TenantContext): Promise<{ requiredRoles: string[] }> {
    return { requiredRoles: await new TwoStepRepository(ctx.db).requiredRoles() };
  }

  async setRequiredRoles(ctx: TenantContext, roles: string[]): Promise<{ requiredRoles: string[] }> {
    const unique = [...new Set(roles)].sort();
    const known = await new IdentityRepository(ctx.db).rolesByKey(unique);
    const missing = unique.filter((k) => !known.some((r) => r.key === k));
    if (missing.length > 0) throw new AppError('validation_failed', 'Unknown roles', { errors: missing.map((k) => ({ field: 'requiredRoles', message: `no role "${k}"` })) });
    await new TwoStepRepository(ctx.db).setRequiredRoles(ctx.tenant.id, unique);
    await recordAudit(ctx, { action: 'settings.two_step.changed', target: { type: 'settings', id: 'two_step' }, details: { requiredRoles: unique } });
    return { requiredRoles: unique };
  }

  async #required(repo: TwoStepRepository, roles: string[]): Promise<boolean> {
    const required = await repo.requiredRoles();
    return roles.some((r) => required.includes(r));
  }

  async #challenge(ctx: TenantContext, repo: TwoStepRepository, userId: string, purpose: ChallengeRow['purpose']): Promise<string> {
    // The user id travels in the token so that the throttle can count before the transaction.
    const token = `${userId}.${randomBytes(32).toString('base64url')}`;
    await repo.insertChallenge(ctx.tenant.id, { userId, purpose, hash: hashToken(token), expiresAt: new Date(this.now().getTime() + CHALLENGE_SECONDS * 1000) });
    return token;
  }

  /** The open sign-in challenge of an mfaToken, for a second step with another factor than a code (a passkey). */
  async openSignIn(ctx: TenantContext, mfaToken: string): Promise<ChallengeRow> {
    const challenge = await this.#open(ctx, mfaToken);
    if (challenge.purpose !== 'sign_in') throw new AppError(coreErrors.invalid_mfa_token, 'This sign-in needs an enrolment first, not a second step');
    return challenge;
  }

  /** A second step with another factor was refused: counted on the mfaToken and the throttle like a wrong code; throws `refusal(attemptsLeft)`, committed. */
  async failSecondStep(ctx: TenantContext, ip: string, challenge: ChallengeRow, method: string, refusal: (attemptsLeft: number) => AppError): Promise<never> {
    const failures = await new TwoStepRepository(ctx.db).failChallenge(challenge.id, CHALLENGE_FAILURES, this.now());
    await this.deps.throttle.failed(ip, throttleKey(ctx.tenant.id, challenge.userId));
    const left = Math.max(0, CHALLENGE_FAILURES - failures);
    await recordAudit(ctx, { action: 'auth.mfa.failed', actor: { type: 'anonymous' }, target: { type: 'user', id: challenge.userId }, details: { at: 'sign_in', method, attemptsLeft: left } });
    throw persisting(refusal(left));
  }

  /** A second step with another factor succeeded: spends the mfaToken. */
  async passSecondStep(ctx: TenantContext, ip: string, challenge: ChallengeRow): Promise<void> {
    const user = await new IdentityRepository(ctx.db).findUser(challenge.userId);
    if (!user || user.status !== 'active') throw new AppError('account_disabled');
    await new TwoStepRepository(ctx.db).consumeChallenge(challenge.id, this.now());
    await this.deps.throttle.succeeded(ip, throttleKey(ctx.tenant.id, challenge.userId));
  }

  /** A step-up with a passkey, checked by the caller: the session's `amr` gains `hwk`. */
  async steppedUpWithPasskey(ctx: TenantContext, passkeyId: string): Promise<void> {
    const principal = principalOf(ctx);
    const repo = new TwoStepRepository(ctx.db);
    const amr = [...new Set([...((await repo.sessionFactors(principal.sessionId))?.amr ?? ['pwd']).filter((a) => a !== 'otp'), 'hwk'])];
    await repo.steppedUp(ctx.tenant.id, principal.sessionId, principal.userId, this.now(), amr);
    await recordAudit(ctx, { action: 'auth.step_up', target: { type: 'session', id: principal.sessionId }, details: { method: 'passkey', passkeyId } });
  }

  async #open(ctx: TenantContext, mfaToken: string): Promise<ChallengeRow> {
    const challenge = await new TwoStepRepository(ctx.db).challenge(hashToken(mfaToken));
    if (!challenge || challenge.consumedAt || challenge.expiresAt <= this.now()) {
      throw new AppError(coreErrors.invalid_mfa_token, 'The two-step sign-in token is not valid: it may have expired, been used, or had too many wrong codes. Sign in with your password again');
    }
    return challenge;
  }

  async #check(ctx: TenantContext, userId: string, totp: { secretSealed: string; lastStep: number | null }, code: string): Promise<Method | null> {
    const compact = compactCode(code);
    if (isTotpCode(compact)) return (await this.#checkTotp(ctx, userId, totp, compact)) ? 'totp' : null;
    if (!isRecoveryCode(compact)) return null;
    return (await new TwoStepRepository(ctx.db).spendRecoveryCode(userId, this.#hashCode(ctx.tenant.id, userId, compact), this.now())) ? 'recovery_code' : null;
  }

  /** A TOTP code of a later time step than the last accepted (no replay); `confirmAt` confirms the authenticator with it. */
  async #checkTotp(ctx: TenantContext, userId: string, totp: { secretSealed: string; lastStep: number | null }, code: string, confirmAt?: Date): Promise<boolean> {
    if (!isTotpCode(compactCode(code))) return false;
    const secret = this.#box.open<string>(totp.secretSealed, sealContext(ctx.tenant.id, userId));
    const step = await matchTotp(secret, code, this.now(), totp.lastStep);
    return step !== null && new TwoStepRepository(ctx.db).acceptStep(userId, step, confirmAt);
  }

  /** A wrong code of a signed-in user: counted, and recorded (nothing else was written before it, so the refusal commits just that). */
  async #wrong(ctx: TenantContext, ip: string, userId: string): Promise<never> {
    await this.deps.throttle.failed(ip, throttleKey(ctx.tenant.id, userId));
    await recordAudit(ctx, { action: 'auth.mfa.failed', target: { type: 'user', id: userId } });
    throw persisting(invalidCode('The code is wrong, expired or was already used'));
  }

  async #recoveryCodeUsed(ctx: TenantContext, userId: string, actor?: AuditActor): Promise<void> {
    ctx.log.info({ user: userId }, 'recovery code used');
    const remaining = await new TwoStepRepository(ctx.db).recoveryCodesLeft(userId);
    await recordAudit(ctx, { action: 'auth.mfa.recovery_code_used', ...(actor ? { actor } : {}), target: { type: 'user', id: userId }, details: { remaining } });
  }

  async #newRecoveryCodes(ctx: TenantContext, repo: TwoStepRepository, userId: string): Promise<string[]> {
    const codes = newRecoveryCodes();
    await repo.replaceRecoveryCodes(ctx.tenant.id, userId, codes.map((c) => this.#hashCode(ctx.tenant.id, userId, c.replace('-', ''))));
    return codes;
  }

  #hashCode(tenantId: string, userId: string, compact: string): string {
    return this.#codes.hash(`${tenantId}:${userId}`, compact);
  }
}

const throttleKey = (tenantId: string, userId: string) => `${tenantId}:mfa:${userId}`;
const sealContext = (tenantId: string, userId: string) => `totp:${tenantId}:${userId}`;
const invalidCode = (detail: string, extra: Record<string, unknown> = {}) => new AppError(coreErrors.invalid_code, detail, { ...extra, errors: [{ field: 'code', code: 'invalid_code', message: 'is wrong, expired or was already used' }] });

/** The user an mfaToken names (checked against the token's hash later), for the throttle; null when it names none. */
export function userOfMfaToken(token: string): string | null {
  const id = token.split('.')[0] ?? '';
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id) ? id : null;
}
