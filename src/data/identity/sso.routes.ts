import { Type } from 'typebox';
import type { FastifyRequest } from 'fastify';
import type { TenantInfo } from '../../kernel/context.js';
import type { HttpApp } from '../../kernel/http/app.js';
import { refreshCookieFor } from '../../kernel/http/refresh-cookie.js';
import { Email, IdParams, Timestamp, Uuid } from '../../kernel/http/schemas.js';
import { pathTenantOf } from '../tenant-resolution.js';
import type { IdentityService } from './identity.service.js';
import { SSO_STATE_SECONDS, SsoFailed, type SsoService } from './sso.service.js';

const module = 'core';
const tags = ['sso'];
const manage = { module, permission: 'sso.manage' };
const STATE_COOKIE = 'courtyard_sso';

const RoleKey = Type.String({ minLength: 1, maxLength: 40 });
const Domain = Type.String({ minLength: 1, maxLength: 253, pattern: '^@?[A-Za-z0-9.-]+\\.[A-Za-z]{2,}$' });
const ProviderFields = {
  name: Type.String({ minLength: 1, maxLength: 100, description: 'What the sign-in button says: "Sign in with <name>"' }),
  issuer: Type.String({ format: 'uri', maxLength: 500, description: 'The OpenID provider\'s issuer URL (its discovery document is at `/.well-known/openid-configuration` under it)' }),
  clientId: Type.String({ minLength: 1, maxLength: 300 }),
  clientSecret: Type.String({ minLength: 1, maxLength: 2000, writeOnly: true, description: 'Sealed at rest; never answered' }),
  scopes: Type.Array(Type.String({ minLength: 1, maxLength: 100, pattern: '^\\S+$' }), { minItems: 1, maxItems: 20, description: 'Default: openid, email, profile' }),
  roleClaim: Type.Union([Type.String({ minLength: 1, maxLength: 100 }), Type.Null()], { description: 'The ID token claim whose values map to roles, e.g. `groups` or `roles`' }),
  roleMapping: Type.Record(Type.String({ minLength: 1, maxLength: 200 }), RoleKey, { maxProperties: 100, description: 'Claim value → role key, for users provisioned at their first sign-in' }),
  defaultRoles: Type.Array(RoleKey, { maxItems: 20, description: 'Roles every user provisioned by this provider gets' }),
  emailDomains: Type.Array(Domain, { maxItems: 50, description: 'The e-mail domains this provider is for (discovery, and `required`)' }),
  required: Type.Boolean({ description: 'Addresses of `emailDomains` may sign in only with this provider: no password sign-in or reset' }),
  jitProvisioning: Type.Boolean({ description: 'Create a user at their first sign-in (with the mapped roles); else only existing users sign in' }),
};
const { clientSecret: _secret, ...ViewFields } = ProviderFields;
const Provider = Type.Object({ id: Uuid, ...ViewFields, clientSecretSet: Type.Literal(true), createdAt: Timestamp, updatedAt: Timestamp });
const CreateProvider = Type.Object({
  name: ProviderFields.name,
  issuer: ProviderFields.issuer,
  clientId: ProviderFields.clientId,
  clientSecret: ProviderFields.clientSecret,
  scopes: Type.Optional(ProviderFields.scopes),
  roleClaim: Type.Optional(ProviderFields.roleClaim),
  roleMapping: Type.Optional(ProviderFields.roleMapping),
  defaultRoles: Type.Optional(ProviderFields.defaultRoles),
  emailDomains: Type.Optional(ProviderFields.emailDomains),
  required: Type.Optional(ProviderFields.required),
  jitProvisioning: Type.Optional(ProviderFields.jitProvisioning),
}, { additionalProperties: false });
const UpdateProvider = Type.Partial(CreateProvider, { additionalProperties: false, minProperties: 1 });
const PublicProvider = Type.Object({ id: Uuid, name: Type.String() });
const Redirect = Type.String({ maxLength: 0, description: 'A redirect (302), with no body: see `Location`' });

export interface SsoRouteDeps {
  refreshTtl: number;
  /** The tenant's public web address (`https://{slug}.{base domain}`). */
  tenantUrl: (tenant: TenantInfo) => string;
  /** On a `localhost` base domain (development) the redirect URI is at the request's own origin. */
  baseDomain: string;
}

/** `/t/{slug}` when the page addressed the tenant by path, else nothing (a host name names it). */
const prefixOf = (req: FastifyRequest) => {
  const slug = pathTenantOf(req.raw);
  return slug ? `/t/${slug}` : '';
};

function stateCookie(req: FastifyRequest, value: string, maxAge: number): string {
  const secure = req.protocol === 'https' ? '; Secure' : '';
  // Lax, not Strict: the callback is a top-level navigation that the provider's site starts.
  return `${STATE_COOKIE}=${value}; Path=${prefixOf(req)}/api/v1/auth/sso; Max-Age=${maxAge}; HttpOnly; SameSite=Lax${secure}`;
}

function readStateCookie(req: FastifyRequest): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === STATE_COOKIE) return part.slice(eq + 1).trim() || undefined;
  }
  return undefined;
}

/** Single sign-on: the tenant's providers (`sso.manage`), and the public sign-in routes. */
export function ssoRoutes(app: HttpApp, sso: SsoService, identity: IdentityService, deps: SsoRouteDeps): void {
  // The tenant's public URL; a workspace addressed by path (`/t/{slug}` on the platform's own
  // host) or on a `localhost` base domain (development) is at the origin the request came to.
  const redirectUri = (req: FastifyRequest, tenant: TenantInfo) => {
    const prefix = prefixOf(req);
    const base = prefix || deps.baseDomain === 'localhost' ? `${req.protocol}://${req.host}${prefix}` : deps.tenantUrl(tenant);
    return `${base}/api/v1/auth/sso/callback`;
  };

  app.get('/sso/providers', {
    config: { access: manage },
    schema: { operationId: 'sso.providers.list', tags, summary: 'The tenant\'s single sign-on providers (never their client secrets)', response: { 200: Type.Object({ data: Type.Array(Provider), redirectUri: Type.String({ description: 'The redirect URI to register at each provider' }) }) } },
  }, async (req) => ({ ...(await sso.list(req.ctx)), redirectUri: redirectUri(req, req.ctx.tenant) }));

  app.post('/sso/providers', {
    config: { access: manage },
    schema: { operationId: 'sso.providers.create', tags, summary: 'Add a single sign-on provider (OpenID Connect)', body: CreateProvider, response: { 201: Provider } },
  }, async (req, reply) => {
    reply.code(201);
    return sso.create(req.ctx, req.body);
  });

  app.get('/sso/providers/:id', {
    config: { access: manage },
    schema: { operationId: 'sso.providers.get', tags, summary: 'One single sign-on provider (never its client secret)', params: IdParams, response: { 200: Provider } },
  }, (req) => sso.get(req.ctx, req.params.id));

  app.patch('/sso/providers/:id', {
    config: { access: manage },
    schema: { operationId: 'sso.providers.update', tags, summary: 'Change a single sign-on provider; a client secret sent replaces the old one', params: IdParams, body: UpdateProvider, response: { 200: Provider } },
  }, (req) => sso.update(req.ctx, req.params.id, req.body));

  app.delete('/sso/providers/:id', {
    config: { access: manage },
    schema: { operationId: 'sso.providers.delete', tags, summary: 'Remove a single sign-on provider: its users sign in with a password again (if they have one)', params: IdParams, response: { 204: Type.Null() } },
  }, async (req, reply) => {
    await sso.remove(req.ctx, req.params.id);
    reply.code(204);
    return null;
  });

  app.get('/auth/sso/providers', {
    config: { access: { public: true, module } },
    schema: { operationId: 'auth.sso.providers', tags, summary: 'The providers the sign-in page offers: id and name only', response: { 200: Type.Object({ data: Type.Array(PublicProvider) }) } },
  }, (req) => sso.publicList(req.ctx));

  app.post('/auth/sso/discover', {
    config: { access: { public: true, module } },
    schema: {
      operationId: 'auth.sso.discover',
      tags,
      summary: 'The providers for an e-mail address\'s domain, and whether single sign-on is required for it',
      body: Type.Object({ email: Email }, { additionalProperties: false }),
      response: { 200: Type.Object({ providers: Type.Array(Type.Object({ id: Uuid, name: Type.String(), required: Type.Boolean() })), required: Type.Boolean(), providerId: Type.Union([Uuid, Type.Null()]) }) },
    },
  }, (req) => sso.discover(req.ctx, req.body.email));

  app.get('/auth/sso/:providerId/start', {
    config: { access: { public: true, module } },
    schema: { operationId: 'auth.sso.start', tags, summary: 'Start signing in with a provider: a redirect to it (authorization code flow with PKCE, state and nonce)', params: Type.Object({ providerId: Uuid }, { additionalProperties: false }), response: { 302: Redirect } },
  }, async (req, reply) => {
    try {
      const started = await sso.start(req.ctx, req.params.providerId, redirectUri(req, req.ctx.tenant));
      reply.header('location', started.url).header('set-cookie', stateCookie(req, started.cookie, SSO_STATE_SECONDS));
    } catch (error) {
      // The provider cannot be reached (its discovery failed): back to the sign-in page.
      if (!(error instanceof SsoFailed)) throw error;
      await sso.recordFailure(req.ctx, error);
      reply.header('location', `${prefixOf(req)}/?sso_error=${error.reason}`);
    }
    reply.code(302).header('cache-control', 'no-store').type('text/plain; charset=utf-8');
    return '';
  });

  app.get('/auth/sso/callback', {
    config: { access: { public: true, module } },
    schema: {
      operationId: 'auth.sso.callback',
      tags,
      summary: 'Where the provider sends the browser back: signs in (the refresh cookie) and redirects to the workspace, or to the sign-in page with `?sso_error=`',
      querystring: Type.Object({ code: Type.Optional(Type.String({ maxLength: 4000 })), state: Type.Optional(Type.String({ maxLength: 1000 })), error: Type.Optional(Type.String({ maxLength: 200 })), error_description: Type.Optional(Type.String({ maxLength: 2000 })), iss: Type.Optional(Type.String({ maxLength: 500 })), session_state: Type.Optional(Type.String({ maxLength: 1000 })) }),
      response: { 302: Redirect },
    },
  }, async (req, reply) => {
    const prefix = prefixOf(req);
    const url = new URL(req.originalUrl ?? req.url, 'http://callback.invalid');
    const cookies = [stateCookie(req, '', 0)];
    let location: string;
    try {
      const done = await sso.complete(req.ctx, url, readStateCookie(req), (input) => identity.provisionUser(req.ctx, input));
      // The provider's factors are its own: the session does not count as our second factor.
      const pair = await identity.startSession(req.ctx, done.userId, ['fed']);
      cookies.push(refreshCookieFor(req, pair.refreshToken, deps.refreshTtl, `${prefix}/api/v1/auth`));
      location = `${prefix}/`;
    } catch (error) {
      if (!(error instanceof SsoFailed)) throw error;
      await sso.recordFailure(req.ctx, error);
      location = `${prefix}/?sso_error=${error.reason}`;
    }
    reply.code(302).header('location', location).header('set-cookie', cookies).header('cache-control', 'no-store').type('text/plain; charset=utf-8');
    return '';
  });
}
