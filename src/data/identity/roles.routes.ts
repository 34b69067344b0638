import { Type } from 'typebox';
import type { HttpApp } from '../../kernel/http/app.js';
import { IdParams, Timestamp, Uuid } from '../../kernel/http/schemas.js';
import type { RolesService } from './roles.service.js';

const module = 'core';
const tags = ['identity'];
const read = { module, permission: 'roles.read' };
const write = { module, permission: 'roles.write' };

const FieldRestrictions = Type.Record(
  // A module's record kind (`members`) or one the tenant defined (`objects.permit`).
  Type.String({ pattern: '^[a-z][a-z0-9_]{0,39}(\\.[a-z][a-z0-9_]{0,39})?$' }),
  Type.Object({ hidden: Type.Array(Type.String({ minLength: 1, maxLength: 60 }), { maxItems: 50, description: 'Fields hidden from a user all of whose roles hide them' }) }, { additionalProperties: false }),
  { description: 'Fields of other modules\' records the role hides, by resource (`GET /permissions` lists them), e.g. `{"members": {"hidden": ["email", "phone"]}}`. A field is visible to a user when any of their roles sees it.' },
);
const Role = Type.Object({
  id: Uuid,
  key: Type.String(),
  name: Type.String(),
  description: Type.String(),
  permissions: Type.Array(Type.String()),
  fieldRestrictions: FieldRestrictions,
  system: Type.Boolean({ description: 'A system role (owner, manager, staff, member): read-only' }),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
const RoleKey = Type.String({ pattern: '^[a-z][a-z0-9_-]{0,39}$', description: 'Lower-case letters, digits, `_` and `-`, starting with a letter; unique in the tenant (problem `core.role_key_taken`)' });
const Permissions = Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 500, description: 'Permissions you hold yourself (problems `core.unknown_permission`, `core.permission_not_held`)' });
const Name = Type.String({ minLength: 1, maxLength: 100 });
const Description = Type.String({ maxLength: 500 });
const CreateRole = Type.Object({ key: RoleKey, name: Name, description: Type.Optional(Description), permissions: Permissions, fieldRestrictions: Type.Optional(FieldRestrictions) }, { additionalProperties: false });
const UpdateRole = Type.Object({ name: Type.Optional(Name), description: Type.Optional(Description), permissions: Type.Optional(Permissions), fieldRestrictions: Type.Optional(FieldRestrictions) }, { additionalProperties: false, minProperties: 1 });
const Catalogue = Type.Object({
  data: Type.Array(Type.Object({ key: Type.String(), description: Type.String(), module: Type.String(), stepUp: Type.Boolean({ description: 'Its actions ask for a second factor given in the last 15 minutes' }), impliedBy: Type.Optional(Type.String({ description: 'A permission for one record kind the tenant defined (`objects.permit.read`): holding this module-wide permission (`objects.read`) holds it too' })) })),
  fields: Type.Array(Type.Object({ module: Type.String(), resource: Type.String(), label: Type.Optional(Type.String({ description: 'The resource\'s name for people (a custom object\'s plural name)' })), fields: Type.Array(Type.Object({ key: Type.String(), description: Type.String() })) }), { description: 'The fields a role may hide, by resource' }),
});

/** The permission catalogue and the tenant's roles: custom ones made and changed by those who hold `roles.write`. */
export function rolesRoutes(app: HttpApp, service: RolesService): void {
  app.get('/permissions', {
    config: { access: read },
    schema: { operationId: 'permissions.list', tags, summary: 'The permission catalogue of the modules the tenant has, and the fields a role may hide', response: { 200: Catalogue } },
  }, (req) => service.catalogue(req.ctx));

  app.get('/roles', {
    config: { access: read },
    schema: { operationId: 'roles.list', tags, summary: 'The tenant roles (system ones first), their permissions and how many users hold each', response: { 200: Type.Object({ data: Type.Array(Type.Object({ ...Role.properties, users: Type.Integer({ minimum: 0 }) })) }) } },
  }, (req) => service.list(req.ctx));

  app.post('/roles', {
    config: { access: write },
    schema: { operationId: 'roles.create', tags, summary: 'Make a custom role with some of your own permissions', body: CreateRole, response: { 201: Role } },
  }, async (req, reply) => {
    reply.code(201);
    return service.create(req.ctx, req.body);
  });

  app.get('/roles/:id', {
    config: { access: read },
    schema: { operationId: 'roles.get', tags, summary: 'One role', params: IdParams, response: { 200: Role } },
  }, (req) => service.get(req.ctx, req.params.id));

  app.patch('/roles/:id', {
    config: { access: write },
    schema: { operationId: 'roles.update', tags, summary: 'Change a custom role (system roles cannot be changed: `core.system_role_immutable`); its holders\' next requests follow it', params: IdParams, body: UpdateRole, response: { 200: Role } },
  }, (req) => service.update(req.ctx, req.params.id, req.body));

  app.delete('/roles/:id', {
    config: { access: write },
    schema: { operationId: 'roles.delete', tags, summary: 'Delete a custom role no user holds (`core.role_in_use` otherwise)', params: IdParams, response: { 204: Type.Null() } },
  }, async (req, reply) => {
    await service.delete(req.ctx, req.params.id);
    reply.code(204);
    return null;
  });
}
