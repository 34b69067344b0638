import { randomBytes } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../kernel/db/tables.js';
import { AppError } from '../../kernel/errors.js';
import type { LoginThrottle } from '../../kernel/security/login-throttle.js';
import { SealedBox } from '../../kernel/security/sealed-box.js';
import { STEP_UP_SECONDS, steppedUpRecently } from '../../kernel/security/step-up.js';
import { hashToken, type AccessClaims } from '../../kernel/security/tokens.js';
import { compactCode, isRecoveryCode, isTotpCode, matchTotp, newRecoveryCodes, newTotpSecret, RecoveryCodeHasher, totpUri } from '../../kernel/security/totp.js';
import { appendAudit } from '../audit.js';
import { controlErrors } from '../control.errors.js';
import { OperatorTwoStepRepository, type OperatorChallengeRow, type OperatorTotpRow } from './operator-two-step.repository.js';
import { PlatformUsersRepository } from './platform-users.repository.js';

/** An mfaToken lives five minutes and survives this many wrong codes (as the tenants' do). */
const CHALLENGE_SECONDS = 300;
const CHALLENGE_FAILURES = 5;

export type OperatorTwoStepPolicy = 'optional' | 'required';

export interface OperatorSecondStep {
  mfaRequired: true;
  mfaToken: string;
  methods: ('totp' | 'recovery_code')[];
}

type Method = 'totp' | 'recovery_code';
type Outcome<T> = { ok: true; value: T } | { ok: false; error: AppError };

/**
 * Two-step sign-in for platform operators (docs/security.md#operators): an authenticator app
 * with recovery codes, the second step of a sign-in, and step-up before the console's
 * dangerous actions. With the policy `required` (COURTYARD_OPERATOR_TWO_STEP), an operator
 * without an authenticator enrols at their next sign-in before they get a session.
 *
 * A refusal that must be remembered (a wrong code counted on the mfaToken) commits first and
 * throws after: a control-plane transaction rolls back whatever it throws.
 */
export class OperatorTwoStep {
  readonly #box: SealedBox;
  readonly #codes: RecoveryCodeHasher;

  constructor(
    private readonly db: Db,
    sealingSecret: string,
    private readonly throttle: LoginThrottle,
    readonly policy: OperatorTwoStepPolicy,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.#box = new SealedBox(sealingSecret, 'operator totp secrets');
    this.#codes = new RecoveryCodeHasher(sealingSecret);
  }

  now(): Date {
    return this.clock();
  }

  async status(userId: string) {
    const repo = new OperatorTwoStepRepository(this.db);
    const totp = await repo.totp(userId);
    return {
      totp: { enrolled: Boolean(totp?.confirmedAt), pending: Boolean(totp && !totp.confirmedAt), confirmedAt: totp?.confirmedAt ?? null },
      recoveryCodesRemaining: totp?.confirmedAt ? await repo.recoveryCodesLeft(userId) : 0,
      required: this.policy === 'required',
    };
  }

  async enrolled(db: Db, userId: string): Promise<boolean> {
    return Boolean((await new OperatorTwoStepRepository(db).totp(userId))?.confirmedAt);
  }

  /** A new secret for the operator's authenticator, pending until a code confirms it. */
  async enrol(userId: string): Promise<{ secret: string; otpauthUri: string }> {
    const repo = new OperatorTwoStepRepository(this.db);
    if ((await repo.totp(userId))?.confirmedAt) throw new AppError(controlErrors.totp_already_enrolled, 'An authenticator app is enrolled already: turn it off first to enrol another');
    const user = await new PlatformUsersRepository(this.db).find(userId);
    if (!user) throw new AppError('unauthenticated', 'The account no longer exists');
    const secret = newTotpSecret();
    await repo.putPendingTotp(userId, this.#box.seal(secret, sealContext(userId)));
    return { secret, otpauthUri: totpUri('Courtyard console', user.email, secret) };
  }

  /** Confirms a pending authenticator with a code from it; answers the recovery codes, shown this once. */
  async confirm(ip: string, userId: string, code: string): Promise<string[]> {
    await this.throttle.admit(ip, throttleKey(userId));
    const outcome = await this.db.transaction().execute(async (trx): Promise<Outcome<string[]>> => {
      const repo = new OperatorTwoStepRepository(trx);
      const totp = await repo.totp(userId);
      if (!totp) return refused(new AppError(controlErrors.totp_not_enrolled, 'Start the enrolment first (POST /control/v1/me/mfa/totp)'));
      if (totp.confirmedAt) return refused(new AppError(controlErrors.totp_already_enrolled, 'The authenticator app is confirmed already'));
      if (!(await this.#checkTotp(trx, userId, totp, code, this.now()))) return refused(invalidCode('The code is wrong, expired or was already used'));
      const codes = await this.#newRecoveryCodes(trx, userId);
      await appendAudit(trx, { actor: `platform:${userId}`, action: 'platform_user.mfa_enabled', data: { method: 'totp' } });
      return { ok: true, value: codes };
    });
    return this.#settle(ip, userId, outcome);
  }

  /** Turns two-step sign-in off, with a current code or a recovery code. Refused when the platform requires it. */
  async disable(ip: string, userId: string, code: string): Promise<void> {
    if (this.policy === 'required') throw new AppError('permission_denied', 'This platform requires two-step sign-in for operators: it cannot be turned off');
    await this.throttle.admit(ip, throttleKey(userId));
    const outcome = await this.db.transaction().execute(async (trx): Promise<Outcome<void>> => {
      const method = await this.#verify(trx, userId, code);
      if (!method.ok) return method;
      await new OperatorTwoStepRepository(trx).deleteTotp(userId);
      await appendAudit(trx, { actor: `platform:${userId}`, action: 'platform_user.mfa_disabled', data: { method: method.value } });
      return { ok: true, value: undefined };
    });
    await this.#settle(ip, userId, outcome);
  }

  /** After a right password, in the sign-in's transaction: the second step to take, or null to sign in at once. */
  async afterPassword(trx: Db, userId: string): Promise<OperatorSecondStep | { enrol: string } | null> {
    const repo = new OperatorTwoStepRepository(trx);
    if ((await repo.totp(userId))?.confirmedAt) return { mfaRequired: true, mfaToken: await this.#challenge(repo, userId, 'sign_in'), methods: ['totp', 'recovery_code'] };
    if (this.policy !== 'required') return null;
    await appendAudit(trx, { actor: `platform:${userId}`, action: 'platform_user.mfa_enrolment_required' });
    return { enrol: await this.#challenge(repo, userId, 'enrol') };
  }

  /** Enrolment with the mfaToken of a sign-in refused for want of it. */
  async enrolWithToken(mfaToken: string): Promise<{ secret: string; otpauthUri: string }> {
    const challenge = await this.#open(this.db, mfaToken);
    if (challenge.purpose !== 'enrol') throw new AppError(controlErrors.totp_already_enrolled, 'This sign-in needs a code, not an enrolment');
    return this.enrol(challenge.userId);
  }

  /**
   * The second step of a sign-in, in the transaction that starts the session: spends the
   * mfaToken once the code is right (confirming the authenticator when the token was for an
   * enrolment). A wrong code is counted on the token, which ends after CHALLENGE_FAILURES.
   */
  async completeSignIn(ip: string, mfaToken: string, code: string, start: (trx: Db, userId: string) => Promise<unknown>): Promise<{ userId: string; recoveryCodes?: string[]; started: unknown }> {
    const userId = userOfMfaToken(mfaToken);
    if (userId) await this.throttle.admit(ip, throttleKey(userId));
    const outcome = await this.db.transaction().execute(async (trx): Promise<Outcome<{ userId: string; recoveryCodes?: string[]; started: unknown }>> => {
      const challenge = await this.#open(trx, mfaToken);
      const repo = new OperatorTwoStepRepository(trx);
      const now = this.now();
      if ((await new PlatformUsersRepository(trx).status(challenge.userId)) !== 'active') return refused(new AppError('account_disabled'));
      const totp = await repo.totp(challenge.userId);
      const enrolling = challenge.purpose === 'enrol';
      let right: Method | null = null;
      if (totp && enrolling && !totp.confirmedAt) right = (await this.#checkTotp(trx, challenge.userId, totp, code, now)) ? 'totp' : null;
      else if (totp?.confirmedAt && !enrolling) right = await this.#check(trx, challenge.userId, totp, code);
      if (!right) {
        const failures = await repo.failChallenge(challenge.id, CHALLENGE_FAILURES, now);
        const left = Math.max(0, CHALLENGE_FAILURES - failures);
        await appendAudit(trx, { actor: 'anonymous', action: 'platform_user.mfa_failed', target: challenge.userId, data: { ip, attemptsLeft: left } });
        return refused(invalidCode(left > 0 ? `The code is wrong; ${left} tries left with this sign-in` : 'The code is wrong; sign in with your password again', { attemptsLeft: left }));
      }
      await repo.consumeChallenge(challenge.id, now);
      if (enrolling) await appendAudit(trx, { actor: `platform:${challenge.userId}`, action: 'platform_user.mfa_enabled', data: { method: 'totp', atSignIn: true } });
      if (right === 'recovery_code') await this.#recoveryCodeUsed(trx, challenge.userId);
      const recoveryCodes = enrolling ? await this.#newRecoveryCodes(trx, challenge.userId) : undefined;
      const started = await start(trx, challenge.userId);
      return { ok: true, value: { userId: challenge.userId, ...(recoveryCodes ? { recoveryCodes } : {}), started } };
    });
    return this.#settle(ip, userId ?? '', outcome);
  }

  /** A step-up: a second factor given now in the operator's session. */
  async stepUp(ip: string, userId: string, sessionId: string, code: string): Promise<void> {
    await this.throttle.admit(ip, throttleKey(userId));
    const outcome = await this.db.transaction().execute(async (trx): Promise<Outcome<void>> => {
      const method = await this.#verify(trx, userId, code);
      if (!method.ok) return method;
      await new OperatorTwoStepRepository(trx).steppedUp(sessionId, userId, this.now());
      await appendAudit(trx, { actor: `platform:${userId}`, action: 'platform_user.stepped_up', target: sessionId, data: { method: method.value } });
      return { ok: true, value: undefined };
    });
    await this.#settle(ip, userId, outcome);
  }

  /** Records how a session started: `otp` among `amr` when a second factor was given. */
  async startSession(trx: Db, familyId: string, userId: string, amr: string[]): Promise<void> {
    const now = this.now();
    await new OperatorTwoStepRepository(trx).startSession({ familyId, userId, amr, authTime: now, mfaAt: amr.includes('otp') ? now : null }, now);
  }

  /** What a session's access tokens say about how it was signed in. */
  async claims(db: Db, userId: string, familyId: string): Promise<{ amr: string[]; auth_time?: number; mfa_time?: number; mfa_enrolled: boolean }> {
    const factors = await new OperatorTwoStepRepository(db).sessionFactors(familyId);
    const seconds = (d: Date) => Math.floor(new Date(d).getTime() / 1000);
    return {
      amr: factors?.amr ?? ['pwd'],
      ...(factors ? { auth_time: seconds(factors.authTime) } : {}),
      ...(factors?.mfaAt ? { mfa_time: seconds(factors.mfaAt) } : {}),
      mfa_enrolled: await this.enrolled(db, userId),
    };
  }

  async #settle<T>(ip: string, userId: string, outcome: Outcome<T>): Promise<T> {
    if (outcome.ok) {
      if (userId) await this.throttle.succeeded(ip, throttleKey(userId));
      return outcome.value;
    }
    if (userId && outcome.error.code.endsWith('invalid_code')) await this.throttle.failed(ip, throttleKey(userId));
    throw outcome.error;
  }

  async #verify(trx: Db, userId: string, code: string): Promise<Outcome<Method>> {
    const totp = await new OperatorTwoStepRepository(trx).totp(userId);
    if (!totp?.confirmedAt) return refused(new AppError(controlErrors.totp_not_enrolled, 'Two-step sign-in is not set up: enrol an authenticator app first (POST /control/v1/me/mfa/totp)'));
    const method = await this.#check(trx, userId, totp, code);
    if (!method) {
      await appendAudit(trx, { actor: `platform:${userId}`, action: 'platform_user.mfa_failed' });
      return refused(invalidCode('The code is wrong, expired or was already used'));
    }
    if (method === 'recovery_code') await this.#recoveryCodeUsed(trx, userId);
    return { ok: true, value: method };
  }

  async #challenge(repo: OperatorTwoStepRepository, userId: string, purpose: OperatorChallengeRow['purpose']): Promise<string> {
    // The operator's id travels in the token so that the throttle can count before the transaction.
    const token = `${userId}.${randomBytes(32).toString('base64url')}`;
    const now = this.now();
    await repo.insertChallenge({ userId, purpose, hash: hashToken(token), expiresAt: new Date(now.getTime() + CHALLENGE_SECONDS * 1000) }, now);
    return token;
  }

  async #open(db: Db, mfaToken: string): Promise<OperatorChallengeRow> {
    const challenge = await new OperatorTwoStepRepository(db).challenge(hashToken(mfaToken));
    if (!challenge || challenge.consumedAt || challenge.expiresAt <= this.now()) {
      throw new AppError(controlErrors.invalid_mfa_token, 'The two-step sign-in token is not valid: it may have expired, been used, or had too many wrong codes. Sign in with your password again');
    }
    return challenge;
  }

  async #check(db: Db, userId: string, totp: OperatorTotpRow, code: string): Promise<Method | null> {
    const compact = compactCode(code);
    if (isTotpCode(compact)) return (await this.#checkTotp(db, userId, totp, compact)) ? 'totp' : null;
    if (!isRecoveryCode(compact)) return null;
    return (await new OperatorTwoStepRepository(db).spendRecoveryCode(userId, this.#codes.hash(`platform:${userId}`, compact), this.now())) ? 'recovery_code' : null;
  }

  async #checkTotp(db: Db, userId: string, totp: OperatorTotpRow, code: string, confirmAt?: Date): Promise<boolean> {
    if (!isTotpCode(compactCode(code))) return false;
    const step = await matchTotp(this.#box.open<string>(totp.secretSealed, sealContext(userId)), code, this.now(), totp.lastStep);
    return step !== null && new OperatorTwoStepRepository(db).acceptStep(userId, step, confirmAt);
  }

  async #recoveryCodeUsed(trx: Db, userId: string): Promise<void> {
    const remaining = await new OperatorTwoStepRepository(trx).recoveryCodesLeft(userId);
    await appendAudit(trx, { actor: `platform:${userId}`, action: 'platform_user.recovery_code_used', data: { remaining } });
  }

  async #newRecoveryCodes(trx: Db, userId: string): Promise<string[]> {
    const codes = newRecoveryCodes();
    await new OperatorTwoStepRepository(trx).replaceRecoveryCodes(userId, codes.map((c) => this.#codes.hash(`platform:${userId}`, compactCode(c))));
    return codes;
  }
}

const refused = (error: AppError): { ok: false; error: AppError } => ({ ok: false, error });
const throttleKey = (userId: string) => `platform:mfa:${userId}`;
const sealContext = (userId: string) => `operator-totp:${userId}`;
const invalidCode = (detail: string, extra: Record<string, unknown> = {}) => new AppError(controlErrors.invalid_code, detail, { ...extra, errors: [{ field: 'code', code: 'invalid_code', message: 'is wrong, expired or was already used' }] });

/** The operator an mfaToken names (checked against its hash later), for the throttle; null when it names none. */
function userOfMfaToken(token: string): string | null {
  const id = token.split('.')[0] ?? '';
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id) ? id : null;
}

/**
 * The step-up gate of the control plane: a route marked `stepUp` (suspending or archiving a
 * tenant, reissuing a licence, making a platform API key) needs a second factor given within
 * the last 15 minutes from an operator who has one, and from every operator when the platform
 * requires two steps. A platform API key is not asked: making one needed the step-up.
 */
export function checkOperatorStepUp(request: FastifyRequest, claims: AccessClaims, policy: OperatorTwoStepPolicy, now: Date): void {
  if (!request.routeOptions.config.stepUp) return;
  if (!claims.mfa_enrolled && policy !== 'required') return;
  if (steppedUpRecently(claims, now)) return;
  throw new AppError('mfa_required', claims.mfa_enrolled
    ? `This needs a second factor given within the last ${STEP_UP_SECONDS / 60} minutes: POST /control/v1/auth/step-up with a code from your authenticator app, then use the access token it answers`
    : 'This needs a second factor, and you have no authenticator app: enrol one (POST /control/v1/me/mfa/totp, then confirm it), then POST /control/v1/auth/step-up with a code');
}
