import { Type } from 'typebox';
import type { HttpApp } from '../../kernel/http/app.js';
import { ApiKeyView, IdParams, Page, PageQuery, SearchQuery } from '../../kernel/http/schemas.js';
import type { ApiKeysService } from './api-keys.service.js';

const module = 'core';
const tags = ['identity'];
const manage = { module, permission: 'api_keys.manage' };

const ApiKeyWithSecret = Type.Object({ ...ApiKeyView.properties, key: Type.String({ description: 'The key, `cy_…`: shown this once. Send it as `Authorization: Bearer <key>`.' }) });
const CreateApiKey = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 200 }),
  permissions: Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 500, description: 'Some of your own permissions (problems `core.unknown_permission`, `core.permission_not_held`)' }),
  expiresAt: Type.Optional(Type.Union([Type.String({ format: 'date-time' }), Type.Null()])),
}, { additionalProperties: false });
const ListApiKeysQuery = Type.Object({ ...PageQuery, q: Type.Optional(SearchQuery('Matches the name.')) }, { additionalProperties: false });

/** The tenant's API keys: made, listed and revoked by those who hold `api_keys.manage`. */
export function apiKeysRoutes(app: HttpApp, service: ApiKeysService): void {
  app.get('/api-keys', {
    config: { access: manage },
    schema: { operationId: 'apiKeys.list', tags, summary: 'List API keys, newest first (never their secrets)', querystring: ListApiKeysQuery, response: { 200: Page(ApiKeyView) } },
  }, (req) => service.list(req.ctx, req.query));

  // The key is shown once: an Idempotency-Key retry gets the id, never the key again.
  app.post('/api-keys', {
    config: { access: manage, idempotency: 'status-only' },
    schema: { operationId: 'apiKeys.create', tags, summary: 'Make an API key with some of your permissions; the answer shows the key, once', body: CreateApiKey, response: { 201: ApiKeyWithSecret } },
  }, async (req, reply) => {
    reply.code(201);
    return service.create(req.ctx, req.body);
  });

  app.get('/api-keys/:id', {
    config: { access: manage },
    schema: { operationId: 'apiKeys.get', tags, summary: 'One API key (never its secret)', params: IdParams, response: { 200: ApiKeyView } },
  }, (req) => service.get(req.ctx, req.params.id));

  app.delete('/api-keys/:id', {
    config: { access: manage },
    schema: { operationId: 'apiKeys.revoke', tags, summary: 'Revoke an API key: the next request with it is refused (401)', params: IdParams, response: { 204: Type.Null() } },
  }, async (req, reply) => {
    await service.revoke(req.ctx, req.params.id);
    reply.code(204);
    return null;
  });
}
