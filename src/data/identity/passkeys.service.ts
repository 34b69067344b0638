import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type AuthenticatorTransportFuture,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { principalOf, type TenantContext, type TenantInfo } from '../../kernel/context.js';
import { AppError, notFound, persisting } from '../../kernel/errors.js';
import type { LoginThrottle } from '../../kernel/security/login-throttle.js';
import { recordAudit } from '../../modules/audit/index.js';
import { coreErrors } from './identity.errors.js';
import { IdentityRepository } from './identity.repository.js';
import { PasskeysRepository, type PasskeyChallengeRow, type PasskeyRow } from './passkeys.repository.js';
import type { ChallengePurpose } from './passkeys.tables.js';
import type { TwoStepService } from './two-step.service.js';

/** A challenge is answered within five minutes, once. */
export const PASSKEY_CHALLENGE_SECONDS = 300;
const TIMEOUT_MS = PASSKEY_CHALLENGE_SECONDS * 1000;

/**
 * Where the browser talks to us: the relying party's id (the host name, without port) and the
 * exact origin the browser must have signed. Both come from the request's tenant host (see
 * passkeys.routes.ts), so a passkey registered at one host works at that host only.
 */
export interface RelyingParty {
  rpId: string;
  origin: string;
}

export interface PasskeyView {
  id: string;
  name: string;
  transports: string[];
  deviceType: 'singleDevice' | 'multiDevice';
  backedUp: boolean;
  createdAt: Date;
  lastUsedAt: Date | null;
}

const view = (p: PasskeyRow): PasskeyView => ({ id: p.id, name: p.name, transports: p.transports, deviceType: p.deviceType, backedUp: p.backedUp, createdAt: p.createdAt, lastUsedAt: p.lastUsedAt });

const signInKey = (tenantId: string, ip: string) => `${tenantId}:passkey:${ip}`;
const failed = (detail: string) => new AppError(coreErrors.passkey_verification_failed, detail);

/** The challenge the browser signed, read from clientDataJSON (verified against the stored one afterwards). */
function signedChallenge(response: { response: { clientDataJSON: string } }): string | null {
  try {
    const data = JSON.parse(Buffer.from(response.response.clientDataJSON, 'base64url').toString('utf8')) as { challenge?: unknown };
    return typeof data.challenge === 'string' && data.challenge.length > 0 && data.challenge.length <= 200 ? data.challenge : null;
  } catch {
    return null;
  }
}

/**
 * Passkeys (WebAuthn, with @simplewebauthn/server): registration by a signed-in user, and use
 * for a passwordless sign-in, as the second step after a password, or for a step-up. Every
 * challenge is stored, lives five minutes and is spent by its first answer; credentials are
 * looked up in the tenant's transaction, so another tenant's credential is unknown here.
 * Starting sessions stays with IdentityService; the routes join the two.
 */
export class PasskeysService {
  constructor(private readonly deps: { twoStep: TwoStepService; throttle: LoginThrottle }) {}

  /**
   * Counts a passwordless attempt from `ip` (options or answer) like a sign-in, before the
   * transaction: the per-address limit keeps anyone from filling the challenge table, and an
   * address whose answers keep failing is refused. Keyed per address, so that one address's
   * failures slow no one else's passkey sign-in.
   */
  admitSignIn(tenant: TenantInfo, ip: string): Promise<void> {
    return this.deps.throttle.admit(ip, signInKey(tenant.id, ip));
  }

  #now(): Date {
    return this.deps.twoStep.now();
  }

  async list(ctx: TenantContext): Promise<{ data: PasskeyView[] }> {
    return { data: (await new PasskeysRepository(ctx.db).ofUser(principalOf(ctx).userId)).map(view) };
  }

  async registrationOptions(ctx: TenantContext, rp: RelyingParty): Promise<PublicKeyCredentialCreationOptionsJSON> {
    const principal = principalOf(ctx);
    const user = await new IdentityRepository(ctx.db).findUser(principal.userId);
    if (!user) throw new AppError('unauthenticated', 'The account no longer exists');
    const repo = new PasskeysRepository(ctx.db);
    const existing = await repo.ofUser(user.id);
    const options = await generateRegistrationOptions({
      rpName: ctx.tenant.branding.displayName ?? ctx.tenant.name,
      rpID: rp.rpId,
      userName: user.email,
      userDisplayName: user.name,
      // The user handle a discoverable credential answers at sign-in: the user's id.
      userID: new TextEncoder().encode(user.id),
      timeout: TIMEOUT_MS,
      attestationType: 'none',
      excludeCredentials: existing.map((p) => ({ id: p.credentialId, transports: p.transports as AuthenticatorTransportFuture[] })),
      // Discoverable, so that it signs in without an e-mail address.
      authenticatorSelection: { residentKey: 'required', userVerification: 'preferred' },
    });
    await this.#store(ctx, repo, user.id, 'register', options.challenge);
    return options;
  }

  async register(ctx: TenantContext, rp: RelyingParty, body: { name?: string; response: RegistrationResponseJSON }): Promise<PasskeyView> {
    const principal = principalOf(ctx);
    const repo = new PasskeysRepository(ctx.db);
    const refuse = (detail: string) => persisting(new AppError(coreErrors.passkey_registration_failed, detail));
    const challenge = await this.#spend(ctx, repo, body.response, 'register', principal.userId);
    if (!challenge) throw refuse('The registration options expired or were used already: ask for new ones');
    let info;
    try {
      const verified = await verifyRegistrationResponse({ response: body.response, expectedChallenge: challenge.challenge, expectedOrigin: rp.origin, expectedRPID: rp.rpId, requireUserVerification: false });
      if (!verified.verified) throw new Error('not verified');
      info = verified.registrationInfo;
    } catch (err) {
      ctx.log.info({ err: (err as Error).message }, 'passkey registration refused');
      throw refuse(`The browser's answer did not verify: ${(err as Error).message}`);
    }
    const stored = await repo.insert(ctx.tenant.id, {
      userId: principal.userId,
      credentialId: info.credential.id,
      publicKey: Buffer.from(info.credential.publicKey).toString('base64url'),
      counter: info.credential.counter,
      transports: info.credential.transports ?? [],
      name: body.name?.trim() || 'Passkey',
      deviceType: info.credentialDeviceType,
      backedUp: info.credentialBackedUp,
      rpId: rp.rpId,
    });
    if (!stored) throw persisting(new AppError(coreErrors.passkey_already_registered));
    await recordAudit(ctx, { action: 'auth.passkey.added', target: { type: 'user', id: principal.userId }, details: { passkeyId: stored.id, name: stored.name, rpId: rp.rpId } });
    return view(stored);
  }

  async remove(ctx: TenantContext, id: string): Promise<void> {
    const principal = principalOf(ctx);
    const removed = await new PasskeysRepository(ctx.db).delete(principal.userId, id);
    if (!removed) throw notFound('The passkey');
    await recordAudit(ctx, { action: 'auth.passkey.removed', target: { type: 'user', id: principal.userId }, details: { passkeyId: id, name: removed.name } });
  }

  /** Options for a passwordless sign-in: no credentials listed, the browser offers the discoverable ones of this host. */
  async signInOptions(ctx: TenantContext, rp: RelyingParty): Promise<PublicKeyCredentialRequestOptionsJSON> {
    const options = await generateAuthenticationOptions({ rpID: rp.rpId, userVerification: 'required', timeout: TIMEOUT_MS });
    await this.#store(ctx, new PasskeysRepository(ctx.db), null, 'sign_in', options.challenge);
    return options;
  }

  /** A passwordless sign-in: the user whose passkey (verified by the user: multi-factor on its own) answered the challenge. */
  async signIn(ctx: TenantContext, rp: RelyingParty, ip: string, response: AuthenticationResponseJSON): Promise<string> {
    const repo = new PasskeysRepository(ctx.db);
    const refuse = async (reason: string, detail: string, userId?: string): Promise<never> => {
      await this.deps.throttle.failed(ip, signInKey(ctx.tenant.id, ip));
      await recordAudit(ctx, { action: 'auth.sign_in.failed', actor: { type: 'anonymous' }, ...(userId ? { target: { type: 'user', id: userId } } : {}), details: { reason, method: 'passkey' } });
      throw persisting(failed(detail));
    };
    const challenge = await this.#spend(ctx, repo, response, 'sign_in', null);
    if (!challenge) return refuse('passkey_challenge', 'The sign-in options expired or were used already: start again');
    const passkey = await repo.byCredentialId(response.id);
    if (!passkey) return refuse('unknown_passkey', 'This passkey is not registered in this workspace');
    const user = await new IdentityRepository(ctx.db).findUser(passkey.userId);
    if (!user || user.status !== 'active') {
      await recordAudit(ctx, { action: 'auth.sign_in.failed', actor: { type: 'anonymous' }, target: { type: 'user', id: passkey.userId }, details: { reason: 'account_disabled', method: 'passkey' } });
      throw persisting(new AppError('account_disabled'));
    }
    const handle = response.response.userHandle;
    if (handle && Buffer.from(handle, 'base64url').toString('utf8') !== passkey.userId) return refuse('passkey_user_handle', 'The passkey answered for another user', passkey.userId);
    const problem = await this.#verify(ctx, rp, passkey, challenge, response, true);
    if (problem) return refuse('passkey_rejected', problem, passkey.userId);
    await this.deps.throttle.succeeded(ip, signInKey(ctx.tenant.id, ip));
    await recordAudit(ctx, { action: 'auth.passkey.used', actor: { type: 'user', id: passkey.userId }, target: { type: 'user', id: passkey.userId }, details: { at: 'sign_in', passkeyId: passkey.id } });
    return passkey.userId;
  }

  /** Options for the second step of a sign-in: the user's own passkeys. */
  async secondStepOptions(ctx: TenantContext, rp: RelyingParty, mfaToken: string): Promise<PublicKeyCredentialRequestOptionsJSON> {
    const challenge = await this.deps.twoStep.openSignIn(ctx, mfaToken);
    return this.#userOptions(ctx, rp, challenge.userId, 'second_step');
  }

  /** The second step of a sign-in with a passkey; spends the mfaToken and answers whose sign-in it completes. */
  async secondStep(ctx: TenantContext, rp: RelyingParty, ip: string, mfaToken: string, response: AuthenticationResponseJSON): Promise<string> {
    const challenge = await this.deps.twoStep.openSignIn(ctx, mfaToken);
    const problem = await this.#check(ctx, rp, challenge.userId, 'second_step', response);
    if (typeof problem === 'string') {
      return this.deps.twoStep.failSecondStep(ctx, ip, challenge, 'passkey', (left) => new AppError(coreErrors.passkey_verification_failed, `${problem}${left > 0 ? '' : '; sign in with your password again'}`, { attemptsLeft: left }));
    }
    await this.deps.twoStep.passSecondStep(ctx, ip, challenge);
    await recordAudit(ctx, { action: 'auth.passkey.used', actor: { type: 'user', id: challenge.userId }, target: { type: 'user', id: challenge.userId }, details: { at: 'second_step', passkeyId: problem.id } });
    return challenge.userId;
  }

  async stepUpOptions(ctx: TenantContext, rp: RelyingParty): Promise<PublicKeyCredentialRequestOptionsJSON> {
    return this.#userOptions(ctx, rp, principalOf(ctx).userId, 'step_up');
  }

  /** A step-up with a passkey in the principal's session. */
  async stepUp(ctx: TenantContext, rp: RelyingParty, response: AuthenticationResponseJSON): Promise<void> {
    const principal = principalOf(ctx);
    const problem = await this.#check(ctx, rp, principal.userId, 'step_up', response);
    if (typeof problem === 'string') {
      await recordAudit(ctx, { action: 'auth.mfa.failed', target: { type: 'user', id: principal.userId }, details: { at: 'step_up', method: 'passkey' } });
      throw persisting(failed(problem));
    }
    await this.deps.twoStep.steppedUpWithPasskey(ctx, problem.id);
  }

  async #userOptions(ctx: TenantContext, rp: RelyingParty, userId: string, purpose: ChallengePurpose): Promise<PublicKeyCredentialRequestOptionsJSON> {
    const repo = new PasskeysRepository(ctx.db);
    const passkeys = await repo.ofUser(userId);
    if (passkeys.length === 0) throw new AppError(coreErrors.passkey_verification_failed, 'You have no passkey: register one on My account first');
    const options = await generateAuthenticationOptions({
      rpID: rp.rpId,
      userVerification: 'preferred',
      timeout: TIMEOUT_MS,
      allowCredentials: passkeys.map((p) => ({ id: p.credentialId, transports: p.transports as AuthenticatorTransportFuture[] })),
    });
    await this.#store(ctx, repo, userId, purpose, options.challenge);
    return options;
  }

  /** Checks a passkey answer of `userId` for a challenge of `purpose`: the passkey used, or why it was refused. */
  async #check(ctx: TenantContext, rp: RelyingParty, userId: string, purpose: ChallengePurpose, response: AuthenticationResponseJSON): Promise<PasskeyRow | string> {
    const repo = new PasskeysRepository(ctx.db);
    const challenge = await this.#spend(ctx, repo, response, purpose, userId);
    if (!challenge) return 'The passkey options expired or were used already: ask for new ones';
    const passkey = await repo.byCredentialId(response.id);
    if (!passkey || passkey.userId !== userId) return 'This passkey is not one of yours here';
    return (await this.#verify(ctx, rp, passkey, challenge, response, false)) ?? passkey;
  }

  /** Verifies an assertion and moves the passkey's counter; null when right, else why not. */
  async #verify(ctx: TenantContext, rp: RelyingParty, passkey: PasskeyRow, challenge: PasskeyChallengeRow, response: AuthenticationResponseJSON, requireUserVerification: boolean): Promise<string | null> {
    try {
      const result = await verifyAuthenticationResponse({
        response,
        expectedChallenge: challenge.challenge,
        expectedOrigin: rp.origin,
        expectedRPID: rp.rpId,
        requireUserVerification,
        credential: { id: passkey.credentialId, publicKey: new Uint8Array(Buffer.from(passkey.publicKey, 'base64url')), counter: passkey.counter, transports: passkey.transports as AuthenticatorTransportFuture[] },
      });
      if (!result.verified) return 'The passkey signature did not verify';
      await new PasskeysRepository(ctx.db).used(passkey.id, result.authenticationInfo.newCounter, this.#now());
      return null;
    } catch (err) {
      const message = (err as Error).message;
      // A counter that did not grow: the authenticator may have been cloned (WebAuthn §6.1.1).
      if (/counter/i.test(message)) ctx.log.warn({ passkey: passkey.id, user: passkey.userId }, 'passkey counter went back: possible cloned authenticator');
      return `The passkey did not verify: ${message}`;
    }
  }

  async #store(ctx: TenantContext, repo: PasskeysRepository, userId: string | null, purpose: ChallengePurpose, challenge: string): Promise<void> {
    await repo.insertChallenge(ctx.tenant.id, { userId, purpose, challenge, expiresAt: new Date(this.#now().getTime() + PASSKEY_CHALLENGE_SECONDS * 1000) });
  }

  /** Spends the challenge the answer signed, if it is unspent, unexpired, of this purpose and (when given) of this user. */
  async #spend(ctx: TenantContext, repo: PasskeysRepository, response: { response: { clientDataJSON: string } }, purpose: ChallengePurpose, userId: string | null): Promise<PasskeyChallengeRow | null> {
    const signed = signedChallenge(response);
    if (!signed) return null;
    const now = this.#now();
    const challenge = await repo.spendChallenge(signed, now);
    if (!challenge || challenge.expiresAt <= now || challenge.purpose !== purpose || challenge.userId !== userId) return null;
    return challenge;
  }
}
