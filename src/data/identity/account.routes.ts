import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import type { HttpApp } from '../../kernel/http/app.js';
import { Email, IdParams, SessionView } from '../../kernel/http/schemas.js';
import { MIN_PASSWORD_LENGTH } from '../../kernel/security/passwords.js';
import { requestPrincipal, requestTenant } from '../pipeline.js';
import type { AccountService } from './account.service.js';
import type { IdentityService } from './identity.service.js';

const module = 'core';
const tags = ['identity'];

/**
 * A reset request is answered no sooner than this after it arrived, whether or not the address
 * has an account: the work for a known address (a token and a queued e-mail, a few statements)
 * stays well inside it, so the answer's timing tells nothing about which addresses exist.
 */
export const RESET_ANSWER_MS = 400;

/** Holds an answer until RESET_ANSWER_MS after its request arrived (after the transaction: no connection is held). */
export async function answerNoSoonerThanFloor(_req: unknown, reply: FastifyReply): Promise<void> {
  const wait = RESET_ANSWER_MS - reply.elapsedTime;
  if (wait > 0) await sleep(wait);
}

export const Password = Type.String({ minLength: MIN_PASSWORD_LENGTH, maxLength: 1024, description: `At least ${MIN_PASSWORD_LENGTH} characters, not one of the most common passwords, and not containing the e-mail name or the organisation's name (problem \`weak_password\`)` });
export const ResetRequestBody = Type.Object({ email: Email }, { additionalProperties: false });
export const ResetConfirmBody = Type.Object({ token: Type.String({ minLength: 1, maxLength: 512 }), password: Password }, { additionalProperties: false });
export const Locale = Type.Union([Type.String({ pattern: '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$', maxLength: 35, description: 'A BCP 47 language tag (`en`, `es`, `es-MX`). Mail, statements and problem details are written in English or Spanish (`es`); another tag is kept, and read as English' }), Type.Null()]);

/** Recovery of a forgotten password, and the signed-in user's own account (`/me`). */
export function accountRoutes(app: HttpApp, account: AccountService, identity: IdentityService): void {
  app.post('/auth/password-reset', {
    config: { access: { public: true, module }, problems: [429] },
    schema: {
      operationId: 'auth.passwordReset',
      tags,
      summary: 'Ask for a password-reset e-mail: 202 whatever the address; an active user with it is sent a link that works once, for an hour',
      body: ResetRequestBody,
      response: { 202: Type.Null() },
    },
    preHandler: async (req) => account.admitReset(requestTenant(req), req.ip, req.body.email),
    onSend: answerNoSoonerThanFloor,
  }, async (req, reply) => {
    await account.requestPasswordReset(req.ctx, req.body.email);
    reply.code(202);
    return null;
  });

  app.post('/auth/password-reset/confirm', {
    config: { access: { public: true, module } },
    schema: {
      operationId: 'auth.passwordResetConfirm',
      tags,
      summary: "Choose a new password with the reset e-mail's token (it works once); every session of the user ends",
      body: ResetConfirmBody,
      response: { 204: Type.Null() },
    },
  }, async (req, reply) => {
    await account.confirmPasswordReset(req.ctx, req.body.token, req.body.password);
    reply.code(204);
    return null;
  });

  app.patch('/me', {
    config: { access: { module, authenticated: true } },
    schema: {
      operationId: 'me.update',
      tags,
      summary: "Change the signed-in user's name or language",
      body: Type.Object({ name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })), locale: Type.Optional(Locale) }, { additionalProperties: false, minProperties: 1 }),
    },
  }, async (req) => {
    await account.updateMe(req.ctx, req.body);
    return identity.me(req.ctx);
  });

  app.post('/me/password', {
    config: { access: { module, authenticated: true }, problems: [429] },
    schema: {
      operationId: 'me.changePassword',
      tags,
      summary: 'Change your password: every other session of yours ends, this one goes on',
      body: Type.Object({ currentPassword: Type.String({ minLength: 1, maxLength: 1024 }), newPassword: Password }, { additionalProperties: false }),
      response: { 204: Type.Null() },
    },
    preHandler: async (req) => account.admitPasswordChange(requestTenant(req), req.ip, requestPrincipal(req)!.userId),
  }, async (req, reply) => {
    await account.changePassword(req.ctx, req.ip, req.body.currentPassword, req.body.newPassword);
    reply.code(204);
    return null;
  });

  app.get('/me/sessions', {
    config: { access: { module, authenticated: true } },
    schema: { operationId: 'me.sessions.list', tags, summary: 'Your open sessions (sign-ins), newest first; the one this request uses is `current`', response: { 200: Type.Object({ data: Type.Array(SessionView) }) } },
  }, (req) => account.listSessions(req.ctx));

  app.delete('/me/sessions/:id', {
    config: { access: { module, authenticated: true } },
    schema: { operationId: 'me.sessions.end', tags, summary: 'End one of your sessions (sign it out); a session that is not yours is not found', params: IdParams, response: { 204: Type.Null() } },
  }, async (req, reply) => {
    await account.endSession(req.ctx, req.params.id);
    reply.code(204);
    return null;
  });
}
