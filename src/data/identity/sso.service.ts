import * as oidc from 'openid-client';
import type { TenantContext } from '../../kernel/context.js';
import { AppError, persisting } from '../../kernel/errors.js';
import { newId } from '../../kernel/ids.js';
import { Lru } from '../../kernel/lru.js';
import { SealedBox } from '../../kernel/security/sealed-box.js';
import { hashToken } from '../../kernel/security/tokens.js';
import { recordAudit } from '../../modules/audit/index.js';
import { coreErrors } from './identity.errors.js';
import { IdentityRepository } from './identity.repository.js';
import { SsoRepository, type SsoProviderInput, type SsoProviderRow } from './sso.repository.js';

/** How long a sign-in may take at the provider: the sealed state cookie expires after it. */
export const SSO_STATE_SECONDS = 600;
const DEFAULT_SCOPES = ['openid', 'email', 'profile'];

export interface SsoDeps {
  /** The platform secret client secrets and sign-in state are sealed with. */
  sealingSecret: string;
}

/** A provider as the API shows it: never its client secret. */
export type SsoProviderView = Omit<SsoProviderInput, 'clientSecretSealed'> & { id: string; clientSecretSet: true; createdAt: Date; updatedAt: Date };

/** What creating a provider takes: the secret in the clear (it is sealed at once), and defaults for the rest. */
export type SsoProviderBody = Pick<SsoProviderInput, 'name' | 'issuer' | 'clientId'> & Partial<Omit<SsoProviderInput, 'name' | 'issuer' | 'clientId' | 'clientSecretSealed'>> & { clientSecret: string };

/** What the sealed state cookie of one sign-in carries (short names: it travels in a cookie). */
interface SignInState {
  p: string;
  s: string;
  n: string;
  v: string;
  r: string;
  e: number;
}

/** Why a sign-in failed: the code the sign-in page is sent back with (`?sso_error=`). */
export type SsoFailure = 'state_mismatch' | 'nonce_mismatch' | 'provider_error' | 'invalid_response' | 'email_unverified' | 'no_account' | 'account_disabled' | 'provider_not_found' | 'expired' | 'no_seat';

export class SsoFailed extends Error {
  constructor(readonly reason: SsoFailure, readonly providerId: string | null, readonly email?: string, options?: ErrorOptions) {
    super(`single sign-on failed: ${reason}`, options);
  }
}

const view = (row: SsoProviderRow): SsoProviderView => ({
  id: row.id,
  name: row.name,
  issuer: row.issuer,
  clientId: row.clientId,
  clientSecretSet: true,
  scopes: row.scopes,
  roleClaim: row.roleClaim,
  roleMapping: row.roleMapping,
  defaultRoles: row.defaultRoles,
  emailDomains: row.emailDomains,
  required: row.required,
  jitProvisioning: row.jitProvisioning,
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
});

const domainOf = (email: string) => email.slice(email.lastIndexOf('@') + 1).toLowerCase();
const secretContext = (tenantId: string, id: string) => `sso_providers:${tenantId}:${id}`;
const stateContext = (tenantId: string) => `sso state:${tenantId}`;
/** Providers on this machine may speak plain HTTP (development and tests); any other must use HTTPS. */
const loopback = (issuer: string) => ['localhost', '127.0.0.1', '[::1]'].includes(new URL(issuer).hostname);

/**
 * Single sign-on with OpenID Connect (authorization code flow with PKCE, `state` and `nonce`):
 * the tenant's providers, the sign-in's two legs and the rule that some e-mail domains must
 * use SSO. openid-client validates the provider's answers (ID token signature, issuer,
 * audience, expiry, nonce); starting the session stays with IdentityService.
 */
export class SsoService {
  readonly #secrets: SealedBox;
  readonly #states: SealedBox;
  /** Discovered provider metadata, per provider and its configuration's version. */
  readonly #configs = new Lru<string, Promise<oidc.Configuration>>(500, 60 * 60 * 1000);

  constructor(deps: SsoDeps) {
    this.#secrets = new SealedBox(deps.sealingSecret, 'sso client secrets');
    this.#states = new SealedBox(deps.sealingSecret, 'sso sign-in state');
  }

  async list(ctx: TenantContext) {
    return { data: (await new SsoRepository(ctx.db).list()).map(view) };
  }

  async get(ctx: TenantContext, id: string): Promise<SsoProviderView> {
    const row = await new SsoRepository(ctx.db).find(id);
    if (!row) throw new AppError(coreErrors.sso_provider_not_found, 'No such SSO provider');
    return view(row);
  }

  async create(ctx: TenantContext, body: SsoProviderBody): Promise<SsoProviderView> {
    const input = await this.#checked(ctx, { scopes: DEFAULT_SCOPES, roleClaim: null, roleMapping: {}, defaultRoles: [], emailDomains: [], required: false, jitProvisioning: false, ...body });
    const id = newId();
    const { clientSecret, ...rest } = input;
    const row = await new SsoRepository(ctx.db).insert(ctx.tenant.id, { ...rest, clientSecretSealed: this.#secrets.seal(clientSecret, secretContext(ctx.tenant.id, id)) } as SsoProviderInput, id);
    await recordAudit(ctx, { action: 'sso.provider.created', target: { type: 'sso_provider', id }, details: { name: row.name, issuer: row.issuer, emailDomains: row.emailDomains, required: row.required } });
    return view(row);
  }

  async update(ctx: TenantContext, id: string, patch: Partial<SsoProviderBody>): Promise<SsoProviderView> {
    const repo = new SsoRepository(ctx.db);
    const before = await repo.find(id);
    if (!before) throw new AppError(coreErrors.sso_provider_not_found, 'No such SSO provider');
    const { name, issuer, clientId, scopes, roleClaim, roleMapping, defaultRoles, emailDomains, required, jitProvisioning } = before;
    const { clientSecret, ...rest } = await this.#checked(ctx, { name, issuer, clientId, scopes, roleClaim, roleMapping, defaultRoles, emailDomains, required, jitProvisioning, ...patch });
    const row = await repo.update(id, { ...rest, ...(clientSecret !== undefined ? { clientSecretSealed: this.#secrets.seal(clientSecret, secretContext(ctx.tenant.id, id)) } : {}) });
    const changed = Object.keys(patch).filter((k) => k !== 'clientSecret').sort();
    await recordAudit(ctx, { action: 'sso.provider.changed', target: { type: 'sso_provider', id }, details: { fields: changed, secretChanged: patch.clientSecret !== undefined } });
    return view(row!);
  }

  async remove(ctx: TenantContext, id: string): Promise<void> {
    const repo = new SsoRepository(ctx.db);
    const row = await repo.find(id);
    if (!row || !(await repo.delete(id))) throw new AppError(coreErrors.sso_provider_not_found, 'No such SSO provider');
    await recordAudit(ctx, { action: 'sso.provider.removed', target: { type: 'sso_provider', id }, details: { name: row.name, issuer: row.issuer } });
  }

  /** What the sign-in page offers: every provider, by id and name. */
  async publicList(ctx: TenantContext) {
    return { data: (await new SsoRepository(ctx.db).list()).map((p) => ({ id: p.id, name: p.name })) };
  }

  /** The providers for an address's domain, and whether one of them is required. */
  async discover(ctx: TenantContext, email: string) {
    const providers = await new SsoRepository(ctx.db).forDomain(domainOf(email));
    const required = providers.find((p) => p.required);
    return { providers: providers.map((p) => ({ id: p.id, name: p.name, required: p.required })), required: Boolean(required), providerId: required?.id ?? null };
  }

  /** The first leg: the provider's authorization URL and the sealed state for the cookie. */
  async start(ctx: TenantContext, providerId: string, redirectUri: string): Promise<{ url: string; cookie: string }> {
    const provider = await new SsoRepository(ctx.db).find(providerId);
    if (!provider) throw new AppError(coreErrors.sso_provider_not_found, 'No such SSO provider');
    const config = await this.#config(ctx, provider).catch((error: unknown) => {
      throw new SsoFailed('provider_error', provider.id, undefined, { cause: error });
    });
    const verifier = oidc.randomPKCECodeVerifier();
    const state: SignInState = { p: provider.id, s: oidc.randomState(), n: oidc.randomNonce(), v: verifier, r: redirectUri, e: Date.now() + SSO_STATE_SECONDS * 1000 };
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      scope: provider.scopes.join(' '),
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state: state.s,
      nonce: state.n,
    });
    return { url: url.href, cookie: this.#states.seal(state, stateContext(ctx.tenant.id)) };
  }

  /**
   * The second leg: checks the answer against the state cookie, redeems the code and validates
   * the ID token, then finds the user by verified e-mail or provisions them. The user's id, or
   * SsoFailed (recorded by the caller with the rest of the refusal).
   */
  async complete(ctx: TenantContext, callbackUrl: URL, cookie: string | undefined, provision: (input: { email: string; name: string; roles: string[]; providerId: string }) => Promise<string>): Promise<{ userId: string; providerId: string; created: boolean }> {
    let state: SignInState;
    try {
      if (!cookie) throw new Error('no state cookie');
      state = this.#states.open<SignInState>(cookie, stateContext(ctx.tenant.id));
    } catch (error) {
      throw new SsoFailed('state_mismatch', null, undefined, { cause: error });
    }
    if (state.e < Date.now()) throw new SsoFailed('expired', state.p);
    if (callbackUrl.searchParams.get('state') !== state.s) throw new SsoFailed('state_mismatch', state.p);
    const provider = await new SsoRepository(ctx.db).find(state.p);
    if (!provider) throw new SsoFailed('provider_not_found', state.p);
    const config = await this.#config(ctx, provider).catch((error: unknown) => {
      throw new SsoFailed('provider_error', provider.id, undefined, { cause: error });
    });
    // The callback as the provider was told to call it: the redirect URI and the answer's query.
    const current = new URL(state.r);
    current.search = callbackUrl.search;
    let claims: Record<string, unknown>;
    try {
      const tokens = await oidc.authorizationCodeGrant(config, current, { pkceCodeVerifier: state.v, expectedState: state.s, expectedNonce: state.n, idTokenExpected: true });
      claims = { ...(tokens.claims() ?? {}) };
      if (typeof claims.email !== 'string') claims = { ...(await oidc.fetchUserInfo(config, tokens.access_token, String(claims.sub))), ...claims };
    } catch (error) {
      // openid-client names the claim that failed in the cause (oauth4webapi's error).
      const nonce = error instanceof Error && /"nonce"/.test(`${error.message} ${error.cause instanceof Error ? error.cause.message : ''}`);
      throw new SsoFailed(nonce ? 'nonce_mismatch' : error instanceof oidc.AuthorizationResponseError ? 'provider_error' : 'invalid_response', provider.id, undefined, { cause: error });
    }
    const email = typeof claims.email === 'string' ? claims.email.trim().toLowerCase() : '';
    // Entra ID sends no email_verified; its optional claim xms_edov says the same of the domain.
    if (!email || (claims.email_verified !== true && claims.xms_edov !== true)) throw new SsoFailed('email_unverified', provider.id, email || undefined);
    const repo = new IdentityRepository(ctx.db);
    const user = await repo.findUserByEmail(email);
    if (user) {
      if (user.status !== 'active') throw new SsoFailed('account_disabled', provider.id, email);
      return { userId: user.id, providerId: provider.id, created: false };
    }
    if (!provider.jitProvisioning) throw new SsoFailed('no_account', provider.id, email);
    const name = typeof claims.name === 'string' && claims.name.trim() ? claims.name.trim().slice(0, 200) : email;
    const roles = mappedRoles(provider, claims[provider.roleClaim ?? '']);
    try {
      return { userId: await provision({ email, name, roles, providerId: provider.id }), providerId: provider.id, created: true };
    } catch (error) {
      if (error instanceof AppError && error.code === 'plan_limit_reached') throw new SsoFailed('no_seat', provider.id, email, { cause: error });
      throw error;
    }
  }

  /** Records a refused SSO sign-in (an unknown address only as its SHA-256, as password sign-in does). */
  async recordFailure(ctx: TenantContext, failure: SsoFailed): Promise<void> {
    const user = failure.email ? await new IdentityRepository(ctx.db).findUserByEmail(failure.email) : undefined;
    await recordAudit(ctx, {
      action: 'auth.sign_in.failed',
      actor: { type: 'anonymous' },
      target: user ? { type: 'user', id: user.id } : undefined,
      details: { method: 'sso', reason: failure.reason, providerId: failure.providerId, ...(failure.email && !user ? { emailSha256: hashToken(failure.email) } : {}) },
    });
    ctx.log.info({ reason: failure.reason, provider: failure.providerId, err: failure.cause }, 'single sign-on refused');
  }

  #config(ctx: TenantContext, provider: SsoProviderRow): Promise<oidc.Configuration> {
    const key = `${ctx.tenant.id}:${provider.id}:${new Date(provider.updatedAt).getTime()}`;
    let config = this.#configs.get(key);
    if (!config) {
      const secret = this.#secrets.open<string>(provider.clientSecretSealed, secretContext(ctx.tenant.id, provider.id));
      config = oidc.discovery(new URL(provider.issuer), provider.clientId, secret, undefined, loopback(provider.issuer) ? { execute: [oidc.allowInsecureRequests] } : undefined);
      // A failed discovery is not kept: the next sign-in tries again.
      config.catch(() => this.#configs.delete(key));
      this.#configs.set(key, config);
    }
    return config;
  }

  /** Roles must exist and may not include owner; addresses' domains are kept lower-case. */
  async #checked<T extends { defaultRoles: string[]; roleMapping: Record<string, string>; emailDomains: string[]; issuer: string; required: boolean }>(ctx: TenantContext, input: T): Promise<T> {
    const errors: { field: string; message: string }[] = [];
    const keys = [...new Set([...input.defaultRoles, ...Object.values(input.roleMapping)])];
    const known = new Set((await new IdentityRepository(ctx.db).rolesByKey(keys)).map((r) => r.key));
    for (const key of keys) {
      if (key === 'owner') errors.push({ field: 'roles', message: 'the owner role cannot be given by single sign-on' });
      else if (!known.has(key)) errors.push({ field: 'roles', message: `no role "${key}"` });
    }
    const issuer = new URL(input.issuer);
    if (issuer.protocol !== 'https:' && !loopback(input.issuer)) errors.push({ field: 'issuer', message: 'must be an https URL' });
    if (input.required && input.emailDomains.length === 0) errors.push({ field: 'emailDomains', message: 'a required provider needs at least one domain' });
    if (errors.length > 0) throw new AppError('validation_failed', 'The provider has invalid fields', { errors });
    return { ...input, emailDomains: [...new Set(input.emailDomains.map((d) => d.trim().toLowerCase().replace(/^@/, '')))] };
  }
}

/** The provider required for an address's domain, if any (password sign-in and reset refuse it). */
export async function requiredSsoProvider(ctx: TenantContext, email: string): Promise<{ id: string; name: string } | undefined> {
  return (await new SsoRepository(ctx.db).forDomain(domainOf(email))).find((p) => p.required);
}

/** The refusal of a password sign-in or reset for an address whose domain must use single sign-on. */
export const ssoRequired = (email: string, provider: { id: string; name: string }) =>
  persisting(new AppError(coreErrors.sso_required, `Addresses at ${domainOf(email)} sign in with ${provider.name}`, { providerId: provider.id }));

/** The roles a claim's values map to (a string or a list), and the provider's default roles. */
export function mappedRoles(provider: Pick<SsoProviderRow, 'roleMapping' | 'defaultRoles'>, claim: unknown): string[] {
  const values = Array.isArray(claim) ? claim : claim === undefined || claim === null ? [] : [claim];
  const mapped = values.map((v) => provider.roleMapping[String(v)]).filter((r): r is string => typeof r === 'string');
  return [...new Set([...provider.defaultRoles, ...mapped])].filter((r) => r !== 'owner');
}

