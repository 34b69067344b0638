import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { RouteAccess } from '../../kernel/http/access.js';
import type { HttpApp } from '../../kernel/http/app.js';
import { Email, IdParams, SessionView, Uuid } from '../../kernel/http/schemas.js';
import { MIN_PASSWORD_LENGTH } from '../../kernel/security/passwords.js';
import { AppError } from '../../kernel/errors.js';
import type { OperatorAccount, OperatorSession } from './operator-account.js';

const tags = ['control'];
const Operator = Type.Object({ id: Uuid, email: Email, name: Type.String() });
const Password = Type.String({ minLength: MIN_PASSWORD_LENGTH, maxLength: 1024, description: `At least ${MIN_PASSWORD_LENGTH} characters, not one of the most common passwords, and not containing the e-mail name (problem \`weak_password\`)` });

/** The signed-in operator and their session; a platform API key never gets here (but to `GET /me`). */
const sessionOf = (req: FastifyRequest): OperatorSession => {
  if (!req.platformUserId || !req.platformSessionId) throw new AppError('permission_denied', 'Sign in as the operator to do that');
  return { userId: req.platformUserId, sessionId: req.platformSessionId };
};

/** A platform operator's own account: `/control/v1/me` (name, password, sessions). */
export function operatorAccountRoutes(app: HttpApp, account: OperatorAccount, admin: RouteAccess): void {
  app.get('/me', {
    config: { access: admin },
    schema: { operationId: 'control.me.get', tags, summary: 'The signed-in operator (or the operator whose API key this is)', response: { 200: Operator } },
  }, (req) => account.me(req.platformUserId!));

  app.patch('/me', {
    config: { access: admin },
    schema: { operationId: 'control.me.update', tags, summary: "Change the signed-in operator's name", body: Type.Object({ name: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S', description: 'Not only spaces; kept without the spaces around it' }) }, { additionalProperties: false }), response: { 200: Operator } },
  }, (req) => account.rename(sessionOf(req).userId, req.body.name.trim()));

  app.post('/me/password', {
    config: { access: admin, problems: [422, 429] },
    schema: {
      operationId: 'control.me.changePassword',
      tags,
      summary: 'Change your operator password: every other session of yours ends, this one goes on',
      body: Type.Object({ currentPassword: Type.String({ minLength: 1, maxLength: 1024 }), newPassword: Password }, { additionalProperties: false }),
      response: { 204: Type.Null() },
    },
  }, async (req, reply) => {
    await account.changePassword(sessionOf(req), req.ip, req.body.currentPassword, req.body.newPassword);
    return reply.code(204).send(null);
  });

  app.get('/me/sessions', {
    config: { access: admin },
    schema: { operationId: 'control.me.sessions.list', tags, summary: 'Your open operator sessions (sign-ins), newest first; the one this request uses is `current`', response: { 200: Type.Object({ data: Type.Array(SessionView) }) } },
  }, (req) => account.listSessions(sessionOf(req)));

  app.delete('/me/sessions/:id', {
    config: { access: admin },
    schema: { operationId: 'control.me.sessions.end', tags, summary: 'End one of your operator sessions (sign it out); a session that is not yours is not found', params: IdParams, response: { 204: Type.Null() } },
  }, async (req, reply) => {
    await account.endSession(sessionOf(req), req.params.id);
    return reply.code(204).send(null);
  });
}
