import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { RouteAccess } from '../../kernel/http/access.js';
import type { HttpApp } from '../../kernel/http/app.js';
import { ApiKeyView, IdParams, Page, PageQuery } from '../../kernel/http/schemas.js';
import type { ControlContext } from '../context.js';
import type { PlatformApiKeys } from './platform-api-keys.js';

const tags = ['control'];
const CreatePlatformApiKey = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 200 }),
  permissions: Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 50, description: 'Some of your own operator permissions (`platform.admin`)' }),
  expiresAt: Type.Optional(Type.Union([Type.String({ format: 'date-time' }), Type.Null()])),
}, { additionalProperties: false });

/** Operators' API keys: `Bearer cyp_…` on /control/v1. */
export function platformApiKeyRoutes(app: HttpApp, keys: PlatformApiKeys, admin: RouteAccess, ctxOf: (req: FastifyRequest) => ControlContext): void {
  app.get('/api-keys', {
    config: { access: admin },
    schema: { operationId: 'control.apiKeys.list', tags, summary: 'List platform API keys, newest first (never their secrets)', querystring: Type.Object(PageQuery, { additionalProperties: false }), response: { 200: Page(ApiKeyView) } },
  }, (req) => keys.list(ctxOf(req), req.query));
  app.post('/api-keys', {
    config: { access: admin, problems: [422], stepUp: true },
    schema: { operationId: 'control.apiKeys.create', tags, summary: 'Make a platform API key with some of your permissions; the answer shows the key (`cyp_…`), once', body: CreatePlatformApiKey, response: { 201: Type.Object({ ...ApiKeyView.properties, key: Type.String({ description: 'Shown this once. Send it as `Authorization: Bearer <key>`.' }) }) } },
  }, async (req, reply) => reply.code(201).send(await keys.create(ctxOf(req), req.platformUserId!, req.platformPermissions!, req.body)));
  app.delete('/api-keys/:id', {
    config: { access: admin },
    schema: { operationId: 'control.apiKeys.revoke', tags, summary: 'Revoke a platform API key: the next request with it is refused (401)', params: IdParams, response: { 204: Type.Null() } },
  }, async (req, reply) => {
    await keys.revoke(ctxOf(req), req.params.id);
    return reply.code(204).send(null);
  });
}
