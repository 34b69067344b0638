import { TalliesRepository } from '../../kernel/metering/tallies.repository.js';
import { principalOf, type TenantContext, type TenantInfo } from '../../kernel/context.js';
import { AppError, notFound, persisting } from '../../kernel/errors.js';
import { coreErrors } from './identity.errors.js';
import { emit } from '../../kernel/events/outbox.js';
import { decodeCursor, pageOf } from '../../kernel/http/pagination.js';
import type { MailQueue } from '../../kernel/mail/queue.js';
import type { LoginThrottle } from '../../kernel/security/login-throttle.js';
import { checkPassword, type PasswordContext } from '../../kernel/security/password-policy.js';
import { hashPassword, verifyDecoy, verifyPassword } from '../../kernel/security/passwords.js';
import { RefreshTokens } from '../../kernel/security/refresh-tokens.js';
import { hashToken, newRefreshToken, type TokenService } from '../../kernel/security/tokens.js';
import type { ModuleHost } from '../../kernel/modules/module-host.js';
import { recordAudit } from '../../modules/audit/index.js';
import type { RolePermissionCache } from '../role-cache.js';
import { IdentityRepository, type RoleRow, type UserRow } from './identity.repository.js';
import type { TenantSessions } from './tenant-sessions.js';
import { TwoStepRepository } from './two-step.repository.js';
import { requiredSsoProvider, ssoRequired } from './sso.service.js';
import { PasskeysRepository } from './passkeys.repository.js';
import { hasSecondFactor, type TwoStepService } from './two-step.service.js';

export interface IdentityDeps {
  tokens: TokenService;
  refreshTtl: number;
  /** Seconds a session lasts after sign-in, whatever its refreshes. */
  sessionLifetime: number;
  throttle: LoginThrottle;
  sessions: TenantSessions;
  roles: RolePermissionCache;
  modules: ModuleHost;
  /** Queues e-mail in the request's transaction (the mail module). */
  mail: MailQueue;
  /** Seconds an invitation link stays valid. */
  invitationTtl: number;
  twoStep: TwoStepService;
}

/** What `user.invited` carries. The token is not in it: it exists only in the e-mail. */
export interface UserInvitedData {
  userId: string;
  email: string;
  name: string;
  invitedBy: string | null;
  expiresAt: string;
}

export interface UserView {
  id: string;
  email: string;
  name: string;
  status: string;
  memberId: string | null;
  locale: string | null;
  roles: string[];
  lastLoginAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

const view = (u: UserRow, roles: string[]): UserView => ({
  id: u.id,
  email: u.email,
  name: u.name,
  status: u.status,
  memberId: u.memberId,
  locale: u.locale,
  roles,
  lastLoginAt: u.lastLoginAt,
  createdAt: u.createdAt,
  updatedAt: u.updatedAt,
});

/** What a tenant user's password may not contain: the e-mail's local part, the tenant's name and slug. */
export const passwordContext = (ctx: Pick<TenantContext, 'tenant'>, email: string): PasswordContext => ({ email, names: [ctx.tenant.name, ctx.tenant.slug] });

export class IdentityService {
  constructor(private readonly deps: IdentityDeps) {}

  #refreshTokens(ctx: TenantContext) {
    return new RefreshTokens(ctx.db, 'refresh_tokens', {
      ttlSeconds: this.deps.refreshTtl,
      sessionSeconds: this.deps.sessionLifetime,
      tenantId: ctx.tenant.id,
      onRevoke: (userId) => this.deps.sessions.changed(ctx, userId),
    });
  }

  /** Slows or refuses a sign-in before its transaction begins (a delay must not hold a connection). */
  admitLogin(tenant: TenantInfo, ip: string, email: string): Promise<void> {
    return this.deps.throttle.admit(ip, `${tenant.id}:${email.toLowerCase()}`);
  }

  async #tokensFor(ctx: TenantContext, userId: string, familyId: string, refreshToken: string) {
    const access = await this.accessToken(ctx, userId, familyId);
    return { accessToken: access.token, refreshToken, expiresIn: access.expiresIn, tokenType: 'Bearer' as const };
  }

  /** An access token of a session, saying how it was signed in and when it last gave a second factor. */
  async accessToken(ctx: TenantContext, userId: string, familyId: string) {
    const repo = new IdentityRepository(ctx.db);
    const twoStep = new TwoStepRepository(ctx.db);
    const roles = (await repo.roleKeysOf([userId])).get(userId) ?? [];
    const memberId = (await repo.findUser(userId))?.memberId ?? undefined;
    const factors = await twoStep.sessionFactors(familyId);
    const seconds = (d: Date) => Math.floor(new Date(d).getTime() / 1000);
    return this.deps.tokens.issueAccess({
      sub: userId,
      aud: 'courtyard:tenant',
      tid: ctx.tenant.id,
      roles,
      sid: familyId,
      mid: memberId,
      amr: factors?.amr ?? ['pwd'],
      ...(factors ? { auth_time: seconds(factors.authTime) } : {}),
      ...(factors?.mfaAt ? { mfa_time: seconds(factors.mfaAt) } : {}),
      mfa_enrolled: Boolean((await twoStep.totp(userId))?.confirmedAt) || (await new PasskeysRepository(ctx.db).countOfUser(userId)) > 0,
    });
  }

  /** Starts a session for a user whose sign-in is complete: `otp` or `hwk` among `amr` when a second factor was given. */
  async startSession(ctx: TenantContext, userId: string, amr: string[]) {
    const now = this.deps.twoStep.now();
    await new IdentityRepository(ctx.db).updateUser(userId, { lastLoginAt: new Date() });
    const { token, familyId } = await this.#refreshTokens(ctx).start(userId);
    await new TwoStepRepository(ctx.db).startSession(ctx.tenant.id, { familyId, userId, amr, authTime: now, mfaAt: hasSecondFactor(amr) ? now : null });
    // Recorded when the session starts: after the second step for a user who has one.
    await recordAudit(ctx, { action: 'auth.sign_in.succeeded', actor: { type: 'user', id: userId }, target: { type: 'session', id: familyId }, details: { amr } });
    ctx.log.info({ user: userId }, 'tenant user signed in');
    return this.#tokensFor(ctx, userId, familyId, token);
  }

  /**
   * Creates a user at their first single sign-on (just-in-time provisioning): no password, the
   * roles the provider's claim maps to, a seat like any other user.
   */
  async provisionUser(ctx: TenantContext, input: { email: string; name: string; roles: string[]; providerId: string }): Promise<string> {
    const repo = new IdentityRepository(ctx.db);
    await this.#claimSeat(ctx);
    const roles = await repo.rolesByKey(input.roles.filter((r) => r !== 'owner'));
    const user = await repo.insertUser(ctx.tenant.id, { email: input.email, name: input.name, passwordHash: null, memberId: null });
    await repo.setUserRoles(ctx.tenant.id, user.id, roles.map((r) => r.id));
    await recordAudit(ctx, { action: 'user.created', actor: { type: 'anonymous' }, target: { type: 'user', id: user.id }, details: { roles: roles.map((r) => r.key).sort(), via: 'sso', providerId: input.providerId } });
    return user.id;
  }

  /** Signs a user in, or answers the second step an enrolled user takes; `admitLogin` ran first, outside the transaction. */
  async login(ctx: TenantContext, ip: string, email: string, password: string) {
    const account = `${ctx.tenant.id}:${email.toLowerCase()}`;
    const repo = new IdentityRepository(ctx.db);
    const user = await repo.findUserByEmail(email);
    const ok = user?.passwordHash ? await verifyPassword(user.passwordHash, password) : await verifyDecoy(password);
    // A refused sign-in changes nothing else, so its transaction commits just the audit entry.
    // An unknown address is kept only as its SHA-256 (docs/audit.md).
    const refused = (reason: string) => recordAudit(ctx, { action: 'auth.sign_in.failed', actor: { type: 'anonymous' }, target: user ? { type: 'user', id: user.id } : undefined, details: user ? { reason } : { reason, emailSha256: hashToken(email.toLowerCase()) } });
    // A domain that must use single sign-on has no password sign-in, whatever the password.
    const sso = await requiredSsoProvider(ctx, email);
    if (sso) {
      await refused('sso_required');
      throw ssoRequired(email, sso);
    }
    if (!user || !ok) {
      await this.deps.throttle.failed(ip, account);
      await refused(user ? 'wrong_password' : 'unknown_email');
      throw persisting(new AppError('invalid_credentials'));
    }
    if (user.status !== 'active') {
      await refused('account_disabled');
      throw persisting(new AppError('account_disabled'));
    }
    await this.deps.throttle.succeeded(ip, account);
    const second = await this.deps.twoStep.afterPassword(ctx, user.id, (await repo.roleKeysOf([user.id])).get(user.id) ?? []);
    if (second) return second;
    return this.startSession(ctx, user.id, ['pwd']);
  }

  async refresh(ctx: TenantContext, refreshToken: string) {
    const next = await this.#refreshTokens(ctx).rotate(refreshToken);
    const user = await new IdentityRepository(ctx.db).findUser(next.userId);
    if (!user || user.status !== 'active') {
      await this.#refreshTokens(ctx).revokeFamily(next.userId, next.familyId);
      throw persisting(new AppError('invalid_refresh_token', 'The account is no longer active'));
    }
    return this.#tokensFor(ctx, next.userId, next.familyId, next.token);
  }

  async logout(ctx: TenantContext, refreshToken: string): Promise<void> {
    const ended = await this.#refreshTokens(ctx).revoke(refreshToken);
    if (ended) await recordAudit(ctx, { action: 'auth.signed_out', actor: { type: 'user', id: ended.userId }, target: { type: 'session', id: ended.familyId } });
  }

  async me(ctx: TenantContext) {
    const principal = principalOf(ctx);
    const repo = new IdentityRepository(ctx.db);
    const user = await repo.findUser(principal.userId);
    if (!user) throw new AppError('unauthenticated', 'The account no longer exists');
    const roles = (await repo.roleKeysOf([user.id])).get(user.id) ?? [];
    const licensed = [...this.deps.modules.visibleAlwaysLicensed, ...ctx.licence.claims.modules.filter((m) => this.deps.modules.has(m))];
    return {
      user: view(user, roles),
      roles,
      permissions: [...principal.permissions].sort(),
      // Fields the user's roles hide, by resource: the pages leave them out.
      hiddenFields: Object.fromEntries(Object.entries(principal.hiddenFields ?? {}).map(([resource, fields]) => [resource, [...fields].sort()])),
      modules: licensed,
      // The tenant's calendar and language: the web app shows dates in its zone, pages in its locale.
      tenant: { id: ctx.tenant.id, slug: ctx.tenant.slug, name: ctx.tenant.name, timeZone: ctx.tenant.timeZone, defaultLocale: ctx.tenant.defaultLocale },
      branding: ctx.tenant.branding,
      licence: { plan: ctx.licence.claims.plan, state: ctx.licence.state, expiresAt: new Date(ctx.licence.claims.exp * 1000).toISOString(), limits: ctx.licence.claims.limits },
    };
  }

  async listUsers(ctx: TenantContext, { limit, cursor, q }: { limit: number; cursor?: string; q?: string }) {
    const after = decodeCursor(cursor, ['uuid'])?.[0];
    const repo = new IdentityRepository(ctx.db);
    const page = pageOf(await repo.listUsers(limit, after ?? null, q), limit, (u) => [u.id]);
    const roles = await repo.roleKeysOf(page.data.map((u) => u.id));
    return { data: page.data.map((u) => view(u, roles.get(u.id) ?? [])), nextCursor: page.nextCursor };
  }

  async getUser(ctx: TenantContext, id: string): Promise<UserView> {
    const repo = new IdentityRepository(ctx.db);
    const user = await repo.findUser(id);
    if (!user) throw notFound('The user');
    return view(user, (await repo.roleKeysOf([id])).get(id) ?? []);
  }

  /** Refuses one more active user beyond the licence's limit; holds the tenant's seat lock until the transaction ends. */
  async #claimSeat(ctx: TenantContext): Promise<void> {
    const limit = ctx.licence.claims.limits.users;
    if (limit === null) return;
    if ((await new TalliesRepository(ctx.db).lock(ctx.tenant.id, 'users')) >= limit) {
      throw new AppError('plan_limit_reached', `The ${ctx.licence.claims.plan} plan allows ${limit} active users`, { limit, resource: 'users' });
    }
  }

  async createUser(ctx: TenantContext, input: { email: string; name: string; password?: string; roles: string[]; memberId?: string | null; locale?: string | null }): Promise<UserView> {
    const repo = new IdentityRepository(ctx.db);
    if (input.roles.includes('owner')) this.#requireOwner(ctx);
    if (input.password) checkPassword(input.password, passwordContext(ctx, input.email));
    // Hashed before the seat lock is taken, so that the lock is held briefly.
    const passwordHash = input.password ? await hashPassword(input.password) : null;
    await this.#claimSeat(ctx);
    if (await repo.findUserByEmail(input.email)) throw new AppError('already_exists', 'A user with this e-mail exists', { errors: [{ field: 'email', message: 'is already taken' }] });
    const roles = await this.#resolveRoles(repo, input.roles);
    this.#checkGrantable(ctx, roles, []);
    const user = await repo.insertUser(ctx.tenant.id, {
      email: input.email,
      name: input.name,
      passwordHash,
      memberId: input.memberId ?? null,
      locale: input.locale ?? null,
    });
    await repo.setUserRoles(ctx.tenant.id, user.id, roles.map((r) => r.id));
    // Without a password the user is invited: an e-mail with a link to choose one.
    if (!passwordHash) await this.#invite(ctx, repo, user);
    const keys = roles.map((r) => r.key).sort();
    await recordAudit(ctx, { action: passwordHash ? 'user.created' : 'user.invited', target: { type: 'user', id: user.id }, details: { roles: keys } });
    return view(user, keys);
  }

  /**
   * Issues an invitation: a single-use token (only its hash is kept) replacing any earlier
   * one, the `user.invited` event, and the e-mail that carries the token, all in the
   * request's transaction. The e-mail is sent by a worker once the transaction commits.
   */
  async #invite(ctx: TenantContext, repo: IdentityRepository, user: UserRow): Promise<{ expiresAt: string; messageId: string }> {
    const now = new Date();
    const expiresAt = new Date(now.getTime() + this.deps.invitationTtl * 1000);
    // 256 random bits (base64url) and the SHA-256 we keep: the same shape as a refresh token.
    const { token, hash } = newRefreshToken();
    const invitedBy = ctx.principal?.userId ?? null;
    await repo.revokeTokens(user.id, 'invitation', now);
    await repo.insertToken(ctx.tenant.id, { userId: user.id, purpose: 'invitation', hash, expiresAt, createdBy: invitedBy });
    const inviter = invitedBy ? await repo.findUser(invitedBy) : undefined;
    await emit(ctx, 'user.invited', { userId: user.id, email: user.email, name: user.name, invitedBy, expiresAt: expiresAt.toISOString() } satisfies UserInvitedData);
    const mail = await this.deps.mail.queue(ctx, {
      kind: 'invitation',
      to: { email: user.email, name: user.name },
      data: { inviterName: inviter?.name ?? null, expiresAt: expiresAt.toISOString() },
      secrets: { token },
      // The invitee's language when it is known, else the inviter's.
      locale: user.locale ?? ctx.locale,
    });
    return { expiresAt: expiresAt.toISOString(), messageId: mail.id };
  }

  /** Sends a new invitation to a user who has not chosen a password yet; earlier links stop working. */
  async reinvite(ctx: TenantContext, id: string) {
    const repo = new IdentityRepository(ctx.db);
    const user = await repo.findUser(id);
    if (!user) throw notFound('The user');
    if (user.passwordHash) throw new AppError(coreErrors.user_has_password, 'The user has a password already: there is nothing to invite them to');
    if (user.status !== 'active') throw new AppError(coreErrors.user_disabled, 'The user is disabled');
    if ((await repo.roleKeysOf([id])).get(id)?.includes('owner')) this.#requireOwner(ctx);
    const invitation = await this.#invite(ctx, repo, user);
    await recordAudit(ctx, { action: 'user.invited', target: { type: 'user', id }, details: { again: true } });
    return { userId: id, ...invitation };
  }

  /** Spends an invitation token and sets the user's password. */
  async acceptInvitation(ctx: TenantContext, token: string, password: string): Promise<void> {
    const repo = new IdentityRepository(ctx.db);
    const now = new Date();
    const spent = await repo.consumeToken('invitation', hashToken(token), now);
    const user = spent ? await repo.findUser(spent.userId) : undefined;
    // Unknown, expired and spent tokens get one answer; the transaction rolls back.
    // A user who has a password by now (an administrator set one) is past the invitation.
    if (!user || user.status !== 'active' || user.passwordHash) throw new AppError('invalid_token', 'The invitation is not valid: it may have expired or been used already');
    checkPassword(password, passwordContext(ctx, user.email));
    await repo.updateUser(user.id, { passwordHash: await hashPassword(password) });
    await repo.revokeTokens(user.id, 'invitation', now);
    await recordAudit(ctx, { action: 'user.invitation_accepted', actor: { type: 'user', id: user.id }, target: { type: 'user', id: user.id } });
    ctx.log.info({ user: user.id }, 'invitation accepted');
  }

  async updateUser(ctx: TenantContext, id: string, patch: { name?: string; status?: 'active' | 'disabled'; password?: string; roles?: string[]; memberId?: string | null }): Promise<UserView> {
    const repo = new IdentityRepository(ctx.db);
    if (id === principalOf(ctx).userId && (patch.status === 'disabled' || (patch.roles && !patch.roles.includes('owner') && principalOf(ctx).roles.includes('owner')))) {
      throw new AppError(coreErrors.own_access, 'You cannot disable yourself or give up your own owner role');
    }
    // Only owners make, unmake or change owners: a manager cannot promote themselves.
    const targetRoles = (await repo.roleKeysOf([id])).get(id) ?? [];
    if (targetRoles.includes('owner') || patch.roles?.includes('owner')) this.#requireOwner(ctx);
    const target = await repo.findUser(id);
    if (patch.password !== undefined && target) checkPassword(patch.password, passwordContext(ctx, target.email));
    // Enabling a disabled user takes a seat like creating one.
    if (patch.status === 'active' && target?.status === 'disabled') await this.#claimSeat(ctx);
    const user = await repo.updateUser(id, {
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.status !== undefined ? { status: patch.status } : {}),
      ...(patch.password !== undefined ? { passwordHash: await hashPassword(patch.password) } : {}),
      ...(patch.memberId !== undefined ? { memberId: patch.memberId } : {}),
    });
    if (!user) throw notFound('The user');
    if (patch.roles) {
      const roles = await this.#resolveRoles(repo, patch.roles);
      this.#checkGrantable(ctx, roles, targetRoles);
      await repo.setUserRoles(ctx.tenant.id, id, roles.map((r) => r.id));
    }
    // Disabling a user or changing their password ends their sessions; any change to what an
    // access token says (status, roles, member link) stops the tokens already issued.
    if (patch.status === 'disabled' || patch.password !== undefined) await repo.revokeSessions(id, new Date());
    if (patch.status !== undefined || patch.password !== undefined || patch.roles !== undefined || patch.memberId !== undefined) this.deps.sessions.changed(ctx, id);
    const updated = await this.getUser(ctx, id);
    await this.#auditUpdate(ctx, updated, target!.status, targetRoles, patch.password !== undefined);
    return updated;
  }

  /** The access changes of an update, one entry each: roles, status, a password set by an administrator. */
  async #auditUpdate(ctx: TenantContext, user: UserView, statusBefore: string, rolesBefore: string[], passwordSet: boolean): Promise<void> {
    const target = { type: 'user', id: user.id };
    const [before, after] = [[...rolesBefore].sort(), [...user.roles].sort()];
    if (before.join() !== after.join()) await recordAudit(ctx, { action: 'user.roles_changed', target, details: { from: before, to: after } });
    if (statusBefore !== user.status) await recordAudit(ctx, { action: user.status === 'disabled' ? 'user.disabled' : 'user.enabled', target });
    if (passwordSet) await recordAudit(ctx, { action: 'user.password_set', target });
  }

  #requireOwner(ctx: TenantContext): void {
    if (!principalOf(ctx).roles.includes('owner')) throw new AppError('permission_denied', 'Only an owner can grant, revoke or change the owner role');
  }

  /**
   * Refuses giving a user a custom role with permissions the giver does not hold (system roles
   * have their own rule: only owners give the owner role). Roles the user holds already stay.
   */
  #checkGrantable(ctx: TenantContext, roles: RoleRow[], held: string[]): void {
    const principal = principalOf(ctx);
    const lacking = roles.filter((r) => !r.system && !held.includes(r.key)).flatMap((r) => r.permissions.filter((p) => !principal.permissions.has(p) && !principal.permissions.has(this.deps.modules.scopeBaseOf(p) ?? p)).map((p) => ({ field: 'roles', message: `role "${r.key}" has "${p}", which you do not hold` })));
    if (lacking.length > 0) throw new AppError(coreErrors.permission_not_held, 'You cannot give a role with permissions you do not hold', { errors: lacking });
  }

  async #resolveRoles(repo: IdentityRepository, keys: string[]) {
    const unique = [...new Set(keys)];
    const roles = await repo.rolesByKey(unique);
    const missing = unique.filter((k) => !roles.some((r) => r.key === k));
    if (missing.length > 0) throw new AppError('validation_failed', 'Unknown roles', { errors: missing.map((k) => ({ field: 'roles', message: `no role "${k}"` })) });
    return roles;
  }
}
