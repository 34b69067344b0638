import { Type } from 'typebox';
import type { HttpApp } from '../../kernel/http/app.js';
import { clearRefreshCookie, deliverTokens, refreshTokenOf } from '../../kernel/http/refresh-cookie.js';
import { Email, IdParams, LoginBody, Page, PageQuery, RefreshBody, SearchQuery, Timestamp, TokenPair, TokenTransportHeaders, Uuid } from '../../kernel/http/schemas.js';
import { AppError } from '../../kernel/errors.js';
import { requestTenant } from '../pipeline.js';
import { Locale, Password } from './account.routes.js';
import type { IdentityService } from './identity.service.js';
import { MfaChallenge } from './two-step.routes.js';

const module = 'core';
const tags = ['identity'];

const ListUsersQuery = Type.Object({ ...PageQuery, q: Type.Optional(SearchQuery('Matches the name or e-mail.')) }, { additionalProperties: false });

const User = Type.Object({
  id: Uuid,
  email: Type.String(),
  name: Type.String(),
  status: Type.String(),
  memberId: Type.Union([Uuid, Type.Null()]),
  locale: Type.Union([Type.String(), Type.Null()]),
  roles: Type.Array(Type.String()),
  lastLoginAt: Type.Union([Timestamp, Type.Null()]),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
const Name = Type.String({ minLength: 1, maxLength: 200 });
const RoleKeys = Type.Array(Type.String({ minLength: 1, maxLength: 40 }), { maxItems: 20 });

export function identityRoutes(app: HttpApp, identity: IdentityService, refreshTtl: number): void {
  app.post('/auth/login', {
    config: { access: { public: true, module }, problems: [401, 403, 429] },
    schema: { operationId: 'auth.login', tags, summary: 'Sign in as a tenant user: the token pair, or the second step a user with two-step sign-in takes (POST /auth/mfa)', headers: TokenTransportHeaders, body: LoginBody, response: { 200: Type.Union([TokenPair, MfaChallenge]) } },
    preHandler: async (req) => identity.admitLogin(requestTenant(req), req.ip, req.body.email),
  }, async (req, reply) => {
    const signedIn = await identity.login(req.ctx, req.ip, req.body.email, req.body.password);
    return 'mfaRequired' in signedIn ? signedIn : deliverTokens(req, reply, signedIn, refreshTtl);
  });

  app.post('/auth/refresh', {
    config: { access: { public: true, module }, problems: [401] },
    schema: { operationId: 'auth.refresh', tags, summary: 'Exchange a refresh token for new tokens (the old one is spent)', headers: TokenTransportHeaders, body: RefreshBody, response: { 200: TokenPair } },
  }, async (req, reply) => {
    const token = refreshTokenOf(req, req.body);
    if (token === undefined) throw new AppError('invalid_refresh_token', 'No refresh token in the body or the cookie');
    return deliverTokens(req, reply, await identity.refresh(req.ctx, token), refreshTtl);
  });

  app.post('/auth/logout', {
    config: { access: { public: true, module } },
    schema: { operationId: 'auth.logout', tags, summary: 'Sign out: revokes the session the refresh token belongs to', headers: TokenTransportHeaders, body: RefreshBody, response: { 204: Type.Null() } },
  }, async (req, reply) => {
    const token = refreshTokenOf(req, req.body);
    if (token !== undefined) await identity.logout(req.ctx, token);
    clearRefreshCookie(req, reply);
    reply.code(204);
    return null;
  });

  app.post('/auth/accept-invitation', {
    config: { access: { public: true, module } },
    schema: {
      operationId: 'auth.acceptInvitation',
      tags,
      summary: 'Accept an invitation: choose a password with the token from the invitation e-mail (the token works once)',
      body: Type.Object({ token: Type.String({ minLength: 1, maxLength: 512 }), password: Password }, { additionalProperties: false }),
      response: { 204: Type.Null() },
    },
  }, async (req, reply) => {
    await identity.acceptInvitation(req.ctx, req.body.token, req.body.password);
    reply.code(204);
    return null;
  });

  app.get('/me', {
    config: { access: { module, authenticated: true } },
    schema: { operationId: 'me.get', tags, summary: 'The signed-in user, roles, permissions, licensed modules and branding' },
  }, (req) => identity.me(req.ctx));

  app.get('/users', {
    config: { access: { module, permission: 'users.read' } },
    schema: { operationId: 'users.list', tags, summary: 'List tenant users', querystring: ListUsersQuery, response: { 200: Page(User) } },
  }, (req) => identity.listUsers(req.ctx, req.query));

  app.post('/users', {
    config: { access: { module, permission: 'users.write' } },
    schema: {
      operationId: 'users.create',
      tags,
      summary: 'Create a tenant user; without a password, the user is invited by e-mail to choose one',
      body: Type.Object({ email: Email, name: Name, password: Type.Optional(Password), roles: RoleKeys, memberId: Type.Optional(Type.Union([Uuid, Type.Null()])), locale: Type.Optional(Locale) }, { additionalProperties: false }),
      response: { 201: User },
    },
  }, async (req, reply) => {
    reply.code(201);
    return identity.createUser(req.ctx, req.body);
  });

  app.get('/users/:id', {
    config: { access: { module, permission: 'users.read' } },
    schema: { operationId: 'users.get', tags, summary: 'One tenant user', params: IdParams, response: { 200: User } },
  }, (req) => identity.getUser(req.ctx, req.params.id));

  app.patch('/users/:id', {
    config: { access: { module, permission: 'users.write' } },
    schema: {
      operationId: 'users.update',
      tags,
      summary: 'Change a tenant user (name, status, password, roles, linked member)',
      params: IdParams,
      body: Type.Object({ name: Type.Optional(Name), status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('disabled')])), password: Type.Optional(Password), roles: Type.Optional(RoleKeys), memberId: Type.Optional(Type.Union([Uuid, Type.Null()])) }, { additionalProperties: false, minProperties: 1 }),
      response: { 200: User },
    },
  }, (req) => identity.updateUser(req.ctx, req.params.id, req.body));

  app.post('/users/:id/invitation', {
    config: { access: { module, permission: 'users.write' } },
    schema: {
      operationId: 'users.invite',
      tags,
      summary: 'Send a user without a password a new invitation e-mail (earlier links stop working)',
      params: IdParams,
      response: { 202: Type.Object({ userId: Uuid, expiresAt: Timestamp, messageId: Uuid }) },
    },
  }, async (req, reply) => {
    reply.code(202);
    return identity.reinvite(req.ctx, req.params.id);
  });
}
